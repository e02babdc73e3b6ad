import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import multipart from '@fastify/multipart';
import { AppConfig, APP_CONFIG, Clock, CLOCK } from '@tdnv/config';
import { AttachmentStore, createAttachmentStore, TaskAttachments } from '@tdnv/attachments';

export const ATTACHMENT_STORE = Symbol('ATTACHMENT_STORE');

export const attachmentStoreProvider = {
  provide: ATTACHMENT_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): AttachmentStore => createAttachmentStore({ dataDir: config.dataDir, readModelUrl: config.readModelUrl }),
};

/** The use case over the store, with the clock and ATTACHMENT_MAX_BYTES: what the controllers inject. */
export const taskAttachmentsProvider = {
  provide: TaskAttachments,
  inject: [ATTACHMENT_STORE, CLOCK, APP_CONFIG],
  useFactory: (store: AttachmentStore, clock: Clock, config: AppConfig) =>
    new TaskAttachments(store, () => clock.now(), config.attachmentMaxBytes),
};

@Injectable()
export class AttachmentStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** multipart/form-data for uploads: one file per request, at most ATTACHMENT_MAX_BYTES. */
export async function acceptUploads(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(multipart as never, {
    limits: { fileSize: config.attachmentMaxBytes, files: 1, fields: 5, parts: 6 },
    throwFileSizeLimit: true,
  });
}
