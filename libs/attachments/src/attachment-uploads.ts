import { createHash, randomUUID } from 'node:crypto';
import type { AttachmentRef } from '@tdnv/domain';
import { ACCEPTED_EXTENSIONS, cleanFileName, contentTypeOf, refOf, StoredAttachment } from './attachment';
import { AttachmentStore } from './attachment-store.port';
import { FileAttachmentStore } from './file-attachment-store';
import { PostgresAttachmentStore } from './postgres-attachment-store';
import { join } from 'node:path';

/** Why an upload or a reference is refused, with the HTTP status that says it. */
export class AttachmentError extends Error {
  constructor(
    readonly kind: 'invalid' | 'unsupported' | 'too-large',
    message: string,
    readonly field = 'file',
  ) {
    super(message);
  }
}

/** Default upload limit: 20 MB (ATTACHMENT_MAX_BYTES). */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** Files under DATA_DIR/attachments, or PostgreSQL when READ_MODEL_URL is PostgreSQL (shared by every instance). */
export function createAttachmentStore(options: { dataDir: string; readModelUrl?: string }): AttachmentStore {
  return options.readModelUrl
    ? PostgresAttachmentStore.open(options.readModelUrl)
    : new FileAttachmentStore(join(options.dataDir, 'attachments'));
}

/** Checks an uploaded file, hashes it and keeps it; answers what a report will record. */
export async function storeUpload(
  store: AttachmentStore,
  upload: { taskId: string; fileName: string; bytes: Buffer; uploadedBy: string; now: Date },
): Promise<AttachmentRef> {
  const name = cleanFileName(upload.fileName);
  if (upload.bytes.length === 0) throw new AttachmentError('invalid', 'Tệp đính kèm rỗng');
  const contentType = contentTypeOf(name, upload.bytes.subarray(0, 16));
  if (!contentType)
    throw new AttachmentError(
      'unsupported',
      `Chỉ nhận tệp ${ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(', ')} đúng định dạng; “${name}” không phải là tệp như vậy`,
    );
  const meta: StoredAttachment = {
    id: `att-${randomUUID()}`,
    taskId: upload.taskId,
    name,
    size: upload.bytes.length,
    sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    contentType,
    uploadedAt: upload.now.toISOString(),
    uploadedBy: upload.uploadedBy,
  };
  await store.save(meta, upload.bytes);
  return refOf(meta);
}

/** The ids a report names → what its event records; an unknown id, or one of another task, is refused. */
export async function resolveAttachments(
  store: AttachmentStore,
  taskId: string,
  ids: readonly string[] | undefined,
): Promise<AttachmentRef[] | undefined> {
  if (!ids?.length) return undefined;
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((id) => store.find(id)));
  const wrong = unique.filter((_id, i) => found[i]?.taskId !== taskId);
  if (wrong.length)
    throw new AttachmentError(
      'invalid',
      `Không có tệp đính kèm ${wrong.join(', ')} của nhiệm vụ này; hãy tải tệp lên trước`,
      'attachments',
    );
  return found.map((a) => refOf(a!));
}
