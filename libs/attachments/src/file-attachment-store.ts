import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ATTACHMENT_ID, isSha256, StoredAttachment } from './attachment';
import { AttachmentStore } from './attachment-store.port';

/**
 * Attachments as files: `<dir>/blobs/ab/<sha256>` holds the bytes, `<dir>/uploads/<id>.json` the
 * metadata. Each file is written to a temporary name and renamed, so a reader never sees half a file.
 */
export class FileAttachmentStore implements AttachmentStore {
  constructor(private readonly dir: string) {}

  private blobPath(sha256: string): string {
    return join(this.dir, 'blobs', sha256.slice(0, 2), sha256);
  }

  private metaPath(id: string): string {
    return join(this.dir, 'uploads', `${id}.json`);
  }

  async save(meta: StoredAttachment, bytes: Buffer): Promise<void> {
    const blob = this.blobPath(meta.sha256);
    if (!existsSync(blob)) await writeAtomically(blob, bytes);
    await writeAtomically(this.metaPath(meta.id), Buffer.from(JSON.stringify(meta)));
  }

  async find(id: string): Promise<StoredAttachment | undefined> {
    if (!ATTACHMENT_ID.test(id)) return undefined;
    try {
      return JSON.parse(await readFile(this.metaPath(id), 'utf8')) as StoredAttachment;
    } catch {
      return undefined;
    }
  }

  async open(sha256: string): Promise<Readable | undefined> {
    const path = this.blobPath(sha256);
    return isSha256(sha256) && existsSync(path) ? createReadStream(path) : undefined;
  }

  async close(): Promise<void> {}
}

async function writeAtomically(path: string, bytes: Buffer): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}
