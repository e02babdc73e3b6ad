import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { ApiHarness } from '../support/api-harness';

const PG = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `att_api_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('Báo cáo kết quả thực hiện nhiệm vụ\n'.repeat(2000))]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Evidence attached to reports (issue 13): upload, name it in a report, download byte for byte; 404 to those who may not see the task. */
describe.each([
  ['files under DATA_DIR', {}],
  ['PostgreSQL (READ_MODEL_URL)', { READ_MODEL_URL: `${PG}?schema=${SCHEMA}` }],
])('task attachments over HTTP, stored as %s', (_name, env: Record<string, string>) => {
  const api = new ApiHarness({ CLOCK_START: '2026-03-01T02:00:00Z', ATTACHMENT_MAX_BYTES: '200000', ...env });
  const vpcp = api.token('vpcp', undefined, 'chuyenvien.vpcp');
  const btc = api.token('agency', 'BTC', 'dau-moi.btc');
  const bca = api.token('agency', 'BCA', 'dau-moi.bca');
  let taskId = '';

  const upload = async (token: string, name: string, bytes: Buffer, id = taskId) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const response = await fetch(`${api.baseUrl}/api/v1/tasks/${id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    await api.start();
    const res = await api.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: {
        number: '46/TB-VPCP',
        issuedAt: '2026-02-12',
        title: 'Kết luận',
        directives: [{ text: 'Xây dựng Đề án dữ liệu tài chính', lead: ['BTC'], deadline: { due: '2026-06-30', kind: 'date' } }],
      },
    });
    taskId = res.body.taskIds[0];
    expect((await api.request('POST', `/api/v1/tasks/${taskId}/acknowledge`, { token: btc, body: {} })).status).toBe(200);
  });
  afterAll(async () => {
    await api.dispose();
    if (env.READ_MODEL_URL) {
      const pool = new Pool({ connectionString: PG });
      await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
      await pool.end();
    }
  });

  it('the lead uploads a PDF, names it in the completion report, and VPCP downloads the same bytes', async () => {
    const up = await upload(btc, 'Báo cáo hoàn thành.pdf', PDF);
    expect(up).toEqual({
      status: 201,
      body: {
        id: expect.stringMatching(/^att-/),
        name: 'Báo cáo hoàn thành.pdf',
        size: PDF.length,
        sha256: sha(PDF),
        contentType: 'application/pdf',
      },
    });
    const done = await api.request('POST', `/api/v1/tasks/${taskId}/completion`, {
      token: btc,
      body: { result: 'Đã trình Đề án', attachments: [up.body.id] },
    });
    expect(done.status).toBe(200);
    const events = await api.allEvents();
    const reported = events.find((e) => e.type === 'CompletionReported')!;
    expect(reported.data).toMatchObject({ attachments: [up.body] });
    expect(JSON.stringify(reported.data).length).toBeLessThan(1000); // the hash, not the bytes

    const response = await fetch(`${api.baseUrl}/api/v1/tasks/${taskId}/attachments/${String(up.body.id)}`, {
      headers: { authorization: `Bearer ${vpcp}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''B%C3%A1o%20c%C3%A1o");
    expect(sha(Buffer.from(await response.arrayBuffer()))).toBe(sha(PDF));
    // With a PostgreSQL read side the bytes live there, for every API instance; else under DATA_DIR, by hash.
    const blob = join(api.dataDir, 'attachments', 'blobs', sha(PDF).slice(0, 2), sha(PDF));
    expect(existsSync(blob)).toBe(!env.READ_MODEL_URL);
  });

  it('another agency gets 404 for the upload and the download, as for the task', async () => {
    const up = await upload(btc, 'tien-do.pdf', PDF);
    expect((await upload(bca, 'x.pdf', PDF)).status).toBe(404);
    const response = await fetch(`${api.baseUrl}/api/v1/tasks/${taskId}/attachments/${String(up.body.id)}`, {
      headers: { authorization: `Bearer ${bca}` },
    });
    expect(response.status).toBe(404);
  });

  it('refuses a file of another kind (415), one over the limit (413), and a report naming an unknown upload (400)', async () => {
    expect((await upload(btc, 'virus.exe', Buffer.from('MZ\u0090\u0000'))).status).toBe(415);
    expect((await upload(btc, 'lon.pdf', Buffer.concat([PDF, Buffer.alloc(200_000)]))).status).toBe(413);
    // A body that only claims to be multipart (found by the API fuzzer): 400, not 500.
    const broken = await api.request('POST', `/api/v1/tasks/${taskId}/attachments`, {
      token: btc,
      raw: '{}',
      headers: { 'content-type': 'multipart/form-data; boundary=fuzz' },
    });
    expect(broken.status).toBe(400);
    const res = await api.request('POST', `/api/v1/tasks/${taskId}/progress`, {
      token: vpcp,
      body: { note: 'x', attachments: ['att-00000000-0000-0000-0000-000000000000'] },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('attachments');
  });
});
