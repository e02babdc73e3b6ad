import type { AttachmentRef } from '@tdnv/domain';

/** An uploaded file: what a report's event records (AttachmentRef) plus the task it belongs to. */
export interface StoredAttachment extends AttachmentRef {
  taskId: string;
  uploadedAt: string;
  uploadedBy: string;
}

/** The kinds of evidence accepted: documents, spreadsheets and pictures, by extension and by their first bytes. */
interface FileKind {
  contentType: string;
  extensions: string[];
  magic: (head: Buffer) => boolean;
}

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);
const ZIP = (head: Buffer) => startsWith(head, [0x50, 0x4b, 0x03, 0x04]);

export const FILE_KINDS: readonly FileKind[] = [
  { contentType: 'application/pdf', extensions: ['pdf'], magic: (h) => startsWith(h, [0x25, 0x50, 0x44, 0x46]) },
  { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], magic: ZIP },
  { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], magic: ZIP },
  { contentType: 'image/png', extensions: ['png'], magic: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47]) },
  { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], magic: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  { contentType: 'image/gif', extensions: ['gif'], magic: (h) => startsWith(h, [0x47, 0x49, 0x46, 0x38]) },
  {
    contentType: 'image/webp',
    extensions: ['webp'],
    magic: (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

export const ACCEPTED_EXTENSIONS = FILE_KINDS.flatMap((k) => k.extensions);

/**
 * The content type of an upload, from its name's extension, confirmed by its first bytes (a .pdf
 * that is not a PDF is refused); undefined when the file is not an accepted kind.
 */
export function contentTypeOf(name: string, head: Buffer): string | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const kind = FILE_KINDS.find((k) => ext !== undefined && k.extensions.includes(ext));
  return kind && kind.magic(head) ? kind.contentType : undefined;
}

/** A file name safe to show and to send back: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  return clean.slice(-200) || 'tep-dinh-kem';
}

export const isSha256 = (text: string): boolean => /^[0-9a-f]{64}$/.test(text);
export const ATTACHMENT_ID = /^att-[0-9a-f-]{36}$/;

/** The fields an event records. */
export const refOf = (a: StoredAttachment): AttachmentRef => ({
  id: a.id,
  name: a.name,
  size: a.size,
  sha256: a.sha256,
  contentType: a.contentType,
});
