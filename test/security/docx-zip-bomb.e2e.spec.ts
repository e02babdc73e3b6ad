import { assertDocxWithinLimits, DOCX_LIMITS, DocxTooLargeError } from '../../apps/api/src/notice-import/docx-size-guard';
import { ApiHarness } from '../support/api-harness';
import { deflatedPart, docxShell, zerosPart, zip, ZipPart } from './zip-builder';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const documentXml = (text: string): ZipPart =>
  deflatedPart(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  );

/** Issue 9, finding 2: a .docx that inflates to 400 MB is refused at once, in bounded memory. */
describe('issue 9 finding 2: .docx zip bomb', () => {
  const api = new ApiHarness();
  const vpcp = api.token('vpcp');
  // document.xml is what mammoth inflates and parses first: the old code spent 37 s and 3 GB on it.
  const honest = zip([...docxShell(), zerosPart('word/document.xml', 400)]);
  // The same bomb declaring 1 KB: only counting the inflated bytes can stop it.
  const lying = zip([...docxShell(), { ...zerosPart('word/document.xml', 400), size: 1024 }]);

  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  const upload = async (path: string, body: Buffer) => {
    const started = performance.now();
    const res = await fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${vpcp}`, 'content-type': DOCX },
      body,
    });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: (await res.json()) as { type: string; detail: string },
      ms: performance.now() - started,
    };
  };

  it('a small .docx written the same way is read (the zip writer is sound)', async () => {
    const res = await upload(
      '/api/v1/notices/preview?issuedAt=2026-02-12',
      zip([...docxShell(), documentXml('1. Bộ Tài chính hoàn thiện Đề án trong tháng 6 năm 2026.')]),
    );
    expect(res.status).toBe(200);
  });

  it.each([
    ['declares its 400 MB', honest, /khi giải nén tệp lớn hơn 20 MB/],
    ['lies about its size', lying, /nhiều hơn kích thước khai báo/],
  ])('a 400 MB bomb that %s is refused with 413 problem+json in well under a second, nothing appended', async (_case, bomb, reason) => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = (await api.allEvents()).length;
    const rssBefore = process.memoryUsage().rss;
    // /ping is asked while the bomb is being refused: the event loop must stay free.
    const [res, ping] = await Promise.all([
      upload('/api/v1/notices/import?issuedAt=2026-02-12&number=99/TB-VPCP', bomb),
      timedPing(api.baseUrl),
    ]);
    const grownMb = (process.memoryUsage().rss - rssBefore) / (1024 * 1024);
    expect(res).toMatchObject({
      status: 413,
      type: expect.stringContaining('application/problem+json'),
      body: { type: '/problems/payload-too-large' },
    });
    expect(res.body.detail).toContain('Tệp .docx quá lớn');
    expect(res.body.detail).toMatch(reason);
    expect(res.ms).toBeLessThan(1000);
    expect(ping).toBeLessThan(500);
    expect(await timedPing(api.baseUrl)).toBeLessThan(200);
    expect(grownMb).toBeLessThan(100);
    expect(await api.allEvents()).toHaveLength(before);
    console.log(`zip bomb (${_case}): ${bomb.length} bytes refused in ${res.ms.toFixed(0)} ms, RSS +${grownMb.toFixed(1)} MB`);
  });

  it('refuses too many parts, a sum of parts over the cap, an absurd ratio, and too many XML tags', async () => {
    const many = zip([
      ...docxShell(),
      ...Array.from({ length: DOCX_LIMITS.maxEntries }, (_, i) => deflatedPart(`word/media/p${i}.xml`, '<x/>')),
    ]);
    await expect(assertDocxWithinLimits(many)).rejects.toThrow(DocxTooLargeError);
    // 21 parts declaring 1 MB each (at the ratio floor, so only the sum can refuse them).
    const parts = Array.from({ length: 21 }, (_, i) => ({ ...deflatedPart(`word/media/${i}.bin`, 'x'), size: 1024 * 1024 }));
    await expect(assertDocxWithinLimits(zip([...docxShell(), ...parts]))).rejects.toThrow(/lớn hơn 20 MB/);
    await expect(assertDocxWithinLimits(zip([...docxShell(), zerosPart('word/media/zeros.bin', 2)]))).rejects.toThrow(/tỷ lệ bất thường/);
    // Under 1 MB and every byte in a tag: mammoth's DOM, not the size, is what this would blow up.
    const tags = deflatedPart('word/document.xml', '<a/>'.repeat(DOCX_LIMITS.maxXmlTags + 1));
    await expect(assertDocxWithinLimits(zip([...docxShell(), tags]))).rejects.toThrow(/thẻ định dạng XML/);
    const res = await upload('/api/v1/notices/preview', many);
    expect(res.status).toBe(413);
  });
});

async function timedPing(baseUrl: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/ping`);
  await res.text();
  return performance.now() - started;
}
