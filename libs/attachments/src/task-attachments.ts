import { Readable } from 'node:stream';
import { AttachmentRef } from '@tdnv/domain';
import { StoredAttachment } from './attachment';
import { AttachmentStore } from './attachment-store.port';
import { resolveAttachments, storeUpload } from './attachment-uploads';

/**
 * The files of tasks as the API uses them: kept with the time of upload, at most `maxBytes`
 * (ATTACHMENT_MAX_BYTES) each, named by reports, and read back only as a file of the task asked.
 * One object for the store, the clock and the limit, so the edges that upload, cite and download
 * files hold no rule of their own.
 */
export class TaskAttachments {
  constructor(
    private readonly store: AttachmentStore,
    private readonly now: () => Date,
    readonly maxBytes: number,
  ) {}

  upload(upload: { taskId: string; fileName: string; bytes: Buffer; uploadedBy: string }): Promise<AttachmentRef> {
    return storeUpload(this.store, { ...upload, now: this.now() });
  }

  /** The ids a report names → what its event records (AttachmentError for an id of another task). */
  cited(taskId: string, ids: readonly string[] | undefined): Promise<AttachmentRef[] | undefined> {
    return resolveAttachments(this.store, taskId, ids);
  }

  /** A file of this task with its bytes, or undefined (also for another task's file: no hint that it exists). */
  async download(taskId: string, attachmentId: string): Promise<{ meta: StoredAttachment; stream: Readable } | undefined> {
    const meta = await this.store.find(attachmentId);
    const stream = meta && meta.taskId === taskId ? await this.store.open(meta.sha256) : undefined;
    return meta && stream ? { meta, stream } : undefined;
  }
}
