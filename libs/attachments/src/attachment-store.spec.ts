import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { contentTypeOf } from './attachment';
import { AttachmentStore } from './attachment-store.port';
import { AttachmentError, resolveAttachments, storeUpload } from './attachment-uploads';
import { FileAttachmentStore } from './file-attachment-store';
import { PostgresAttachmentStore } from './postgres-attachment-store';

const PG = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('báo cáo kết quả thực hiện'.repeat(100))]);
const now = new Date('2026-03-15T03:00:00Z');

async function bytesOf(stream: Readable | undefined): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream!) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe.each([
  [
    'files under DATA_DIR',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'tdnv-att-'));
      return { store: new FileAttachmentStore(dir) as AttachmentStore, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'PostgreSQL',
    () => {
      const store = PostgresAttachmentStore.open(`${PG}?schema=att_${randomUUID().replace(/-/g, '').slice(0, 12)}`);
      return { store: store as AttachmentStore, cleanup: () => store.dropSchema() };
    },
  ],
])('attachment store: %s', (_name, make) => {
  let store: AttachmentStore;
  let cleanup: () => Promise<void>;
  beforeAll(() => ({ store, cleanup } = make()));
  afterAll(async () => {
    await cleanup();
    await store.close();
  });

  it('keeps an upload by its hash and gives the same bytes back', async () => {
    const ref = await storeUpload(store, { taskId: 't-1', fileName: 'C:\\tmp\\Báo cáo.pdf', bytes: PDF, uploadedBy: 'BTC', now });
    expect(ref).toMatchObject({
      name: 'Báo cáo.pdf',
      size: PDF.length,
      contentType: 'application/pdf',
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const found = await store.find(ref.id);
    expect(found).toMatchObject({ ...ref, taskId: 't-1' });
    expect((await bytesOf(await store.open(ref.sha256))).equals(PDF)).toBe(true);
  });

  it('the same bytes uploaded twice are two uploads of one stored content', async () => {
    const a = await storeUpload(store, { taskId: 't-2', fileName: 'a.pdf', bytes: PDF, uploadedBy: 'BTC', now });
    const b = await storeUpload(store, { taskId: 't-2', fileName: 'b.pdf', bytes: PDF, uploadedBy: 'BTC', now });
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
  });

  it('a report may name only uploads of its own task', async () => {
    const ref = await storeUpload(store, { taskId: 't-3', fileName: 'x.pdf', bytes: PDF, uploadedBy: 'BTC', now });
    await expect(resolveAttachments(store, 't-3', [ref.id, ref.id])).resolves.toEqual([ref]);
    await expect(resolveAttachments(store, 't-4', [ref.id])).rejects.toThrow(AttachmentError);
    await expect(resolveAttachments(store, 't-3', ['att-nope'])).rejects.toThrow(AttachmentError);
  });

  it('refuses a file that is not what its name says, and an empty one', async () => {
    await expect(
      storeUpload(store, { taskId: 't', fileName: 'x.pdf', bytes: Buffer.from('MZ…'), uploadedBy: 'BTC', now }),
    ).rejects.toMatchObject({ kind: 'unsupported' });
    await expect(storeUpload(store, { taskId: 't', fileName: 'x.exe', bytes: PDF, uploadedBy: 'BTC', now })).rejects.toMatchObject({
      kind: 'unsupported',
    });
    await expect(
      storeUpload(store, { taskId: 't', fileName: 'x.pdf', bytes: Buffer.alloc(0), uploadedBy: 'BTC', now }),
    ).rejects.toMatchObject({ kind: 'invalid' });
  });
});

describe('content type', () => {
  it('follows the extension, confirmed by the first bytes', () => {
    expect(contentTypeOf('a.PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toBe('image/png');
    expect(contentTypeOf('a.xlsx', Buffer.from('PK\u0003\u0004'))).toContain('spreadsheetml');
    expect(contentTypeOf('a.docx', Buffer.from('%PDF'))).toBeUndefined();
  });
});
