import { Readable } from 'node:stream';
import { StoredAttachment } from './attachment';

/**
 * Content-addressed storage of attachments: the bytes are kept once per SHA-256 (two uploads of the
 * same report share them), the metadata once per upload id. Adapters: files under DATA_DIR, or
 * PostgreSQL when the read side is PostgreSQL, so that every API instance sees every file.
 */
export interface AttachmentStore {
  /** Keeps the bytes (if not already there under this hash) and the metadata of this upload. */
  save(meta: StoredAttachment, bytes: Buffer): Promise<void>;
  find(id: string): Promise<StoredAttachment | undefined>;
  /** The bytes of a stored attachment, as a stream. */
  open(sha256: string): Promise<Readable | undefined>;
  close(): Promise<void>;
}
