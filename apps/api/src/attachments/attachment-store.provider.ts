import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import multipart from '@fastify/multipart';
import { AppConfig, APP_CONFIG } from '@tdnv/config';
import { AttachmentStore, createAttachmentStore } from '@tdnv/attachments';

export const ATTACHMENT_STORE = Symbol('ATTACHMENT_STORE');

export const attachmentStoreProvider = {
  provide: ATTACHMENT_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): AttachmentStore => createAttachmentStore({ dataDir: config.dataDir, readModelUrl: config.readModelUrl }),
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
