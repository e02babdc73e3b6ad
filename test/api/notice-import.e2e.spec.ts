import { Document, Packer, Paragraph } from 'docx';
import { readShared } from '@tdnv/testing';
import { ApiHarness } from '../support/api-harness';

const seed003 = readShared('seeds', '003_d46952eb1e57d3ec.txt');
const gold003 = JSON.parse(readShared('gold', 'seed-003.json'));

/** Text in, reviewed tasks out: preview has no side effect, import registers through RegisterNotice. */
describe('notice preview and import', () => {
  const api = new ApiHarness({ CLOCK_START: '2020-02-14T02:00:00Z' });
  const vpcp = api.token('vpcp');

  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  it('previews seed 003 sent as text/plain: every gold directive, nothing appended', async () => {
    const res = await api.request('POST', '/api/v1/notices/preview?issuedAt=2020-02-12', {
      token: vpcp,
      raw: seed003,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    expect(res.status).toBe(200);
    expect(res.body.directives).toHaveLength(gold003.directives.length);
    expect(res.body.directives.map((d: any) => d.path)).toEqual(gold003.directives.map((d: any) => d.path));
    expect(await api.allEvents()).toHaveLength(0);
  });

  it('previews a .docx upload the same way', async () => {
    const doc = new Document({ sections: [{ children: seed003.split('\n').map((line) => new Paragraph(line)) }] });
    const buffer = await Packer.toBuffer(doc);
    const res = await fetch(`${api.baseUrl}/api/v1/notices/preview?issuedAt=2020-02-12`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${vpcp}`,
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      body: buffer,
    });
    expect(res.status).toBe(200);
    const body: any = await res.json();
    expect(body.directives).toHaveLength(gold003.directives.length);
  });

  it('refuses non-text input, an agency caller and a body that is too large', async () => {
    const png = await fetch(`${api.baseUrl}/api/v1/notices/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${vpcp}`, 'content-type': 'image/png' },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });
    expect(png.status).toBe(415);
    const brokenDocx = await fetch(`${api.baseUrl}/api/v1/notices/preview`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${vpcp}`,
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      body: Buffer.from('not a zip'),
    });
    expect(brokenDocx.status).toBe(415);
    const binaryText = await api.request('POST', '/api/v1/notices/preview', { token: vpcp, body: { text: 'abc\u0000def' } });
    expect(binaryText.status).toBe(415);
    expect(
      (await api.request('POST', '/api/v1/notices/preview', { token: api.token('agency', 'BTC'), body: { text: seed003 } })).status,
    ).toBe(403);
    expect(
      (await api.request('POST', '/api/v1/notices/preview', { token: vpcp, body: { text: 'x'.repeat(2 * 1024 * 1024) } })).status,
    ).toBe(413);
    expect((await api.request('POST', '/api/v1/notices/preview', { token: vpcp, body: { text: seed003, extra: 1 } })).status).toBe(400);
  });

  it('imports with corrections, then a second import of the same number appends nothing', async () => {
    const preview = await api.request('POST', '/api/v1/notices/preview', { token: vpcp, body: { text: seed003, issuedAt: '2020-02-12' } });
    const [first, second] = preview.body.directives;
    const body = {
      text: seed003,
      issuedAt: '2020-02-12',
      number: '45/TB-VPCP',
      edits: [
        { path: first.path, drop: true },
        { path: second.path, lead: ['BTC'], deadline: { due: '2020-06-30', kind: 'date', phrase: 'sửa tay' } },
      ],
    };
    const res = await api.request('POST', '/api/v1/notices/import', { token: vpcp, body });
    expect({ status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ status: 201, body: null });
    expect(res.body.directives).toBe(gold003.directives.length - 1);
    const notice = await api.request('GET', `/api/v1/notices/${res.body.noticeId}`, { token: vpcp });
    expect(notice.body.directives[0]).toMatchObject({ lead: ['BTC'], deadline: { due: '2020-06-30' } });
    expect(notice.body.directives).toHaveLength(gold003.directives.length - 1);
    const events = (await api.allEvents()).length;
    expect(events).toBe(1 + res.body.taskIds.length);

    const again = await api.request('POST', '/api/v1/notices/import', { token: vpcp, body });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ noticeId: res.body.noticeId, taskIds: res.body.taskIds, alreadyRegistered: true });
    expect(await api.allEvents()).toHaveLength(events);
  });

  it('explains what is missing: an unknown path, no number', async () => {
    const unknownPath = await api.request('POST', '/api/v1/notices/import', {
      token: vpcp,
      body: { text: seed003, issuedAt: '2020-02-12', number: '46/TB-VPCP', edits: [{ path: '9.z.9', drop: true }] },
    });
    expect(unknownPath.status).toBe(400);
    expect(unknownPath.body.detail).toContain('9.z.9');
    const noNumber = await api.request('POST', '/api/v1/notices/import', { token: vpcp, body: { text: seed003, issuedAt: '2020-02-12' } });
    expect(noNumber.status).toBe(400);
    expect(noNumber.body.errors[0].field).toBe('number');
  });
});
