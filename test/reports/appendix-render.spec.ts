import { appendixDocx, appendixXlsx } from '@tdnv/read-models';
import { hasSoffice, renderPdf } from './office-files';
import { seedText } from './seed-appendix.fixtures';
import { SeedAppendixWorld, sourcePages } from './seed-appendix.world';

/**
 * Seed 000's appendix rendered by LibreOffice (`soffice --headless --convert-to pdf`), page by page
 * as VPCP would print it. Needs Debian's libreoffice-writer-nogui and libreoffice-calc-nogui; CI
 * installs them (.ci/run) and this file fails there without them. Elsewhere, without soffice, it is
 * skipped with a loud message rather than passing in silence.
 */
jest.setTimeout(400_000);

const A4_LANDSCAPE = { width: 841.9, height: 595.3 };
const landscape = (page: { width: number; height: number }) =>
  Math.abs(page.width - A4_LANDSCAPE.width) < 2 && Math.abs(page.height - A4_LANDSCAPE.height) < 2;

const available = hasSoffice();
if (!available && process.env.CI)
  throw new Error('soffice (LibreOffice) is missing: CI must install libreoffice-writer-nogui and libreoffice-calc-nogui (.ci/run)');
if (!available) {
  console.warn(
    '\n*** SKIPPED: LibreOffice (soffice) is not installed, so the appendix is NOT rendered to PDF and its page count is NOT checked.\n' +
      '*** Install it with: apt-get update && apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui\n',
  );
}

(available ? describe : describe.skip)('the seed 000 appendix printed through LibreOffice', () => {
  const world = new SeedAppendixWorld();
  beforeAll(() => world.open());
  afterAll(() => world.close());

  it("has about as many A4 landscape pages as the source's own appendix", async () => {
    const source = sourcePages(seedText('000_'));
    expect(source).toBe(25);
    const { pages } = await renderPdf(await appendixDocx(await world.appendix()), 'docx');
    expect(pages.every(landscape)).toBe(true);
    // One row per directive, as the source: within a third of its page count (it was 175 pages
    // when each agency had a row of its own).
    expect(pages.length).toBeGreaterThanOrEqual(Math.floor(source * 0.67));
    expect(pages.length).toBeLessThanOrEqual(Math.ceil(source * 1.33));
  });

  it('prints the XLSX one page wide, landscape, the statistics sheet after the table', async () => {
    const appendix = await world.appendix();
    const { pages } = await renderPdf(await appendixXlsx(appendix), 'xlsx');
    expect(pages.every(landscape)).toBe(true);
    // Fitted to one page wide, the result column is on the page of its row: no more pages than
    // the Word table needs, give or take the statistics sheet (were it two pages wide, twice as many).
    const docx = await renderPdf(await appendixDocx(appendix), 'docx');
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThanOrEqual(docx.pages.length + 3);
  });
});
