import ExcelJS from 'exceljs';
import { appendixDocx, appendixXlsx, STATISTICS_HEADERS } from '@tdnv/read-models';
import { docxSummary } from './office-summary';
import { appendixSections, seedText } from './seed-appendix.fixtures';
import { SeedAppendixWorld } from './seed-appendix.world';

jest.setTimeout(120_000);

describe.each(['sqlite', 'postgres'] as const)('the Phụ lục of seed 000 (Báo cáo 10/BC-BTTTT) on %s', (dialect) => {
  const world = new SeedAppendixWorld(dialect);
  beforeAll(() => world.open());
  afterAll(() => world.close());

  it("keeps the source's sections, order and paths: one row per directive, 81 rows in I–VI", async () => {
    const appendix = await world.appendix();
    const sections = appendix.lines.filter((l) => l.kind === 'section');
    expect(sections.map((s) => [s.tt, s.text])).toEqual(appendixSections(seedText('000_')).map((s) => [s.path.slice(3), s.title]));
    expect(sections.map((s) => s.tt)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
    const counts: Record<string, number> = {};
    let section = '';
    for (const line of appendix.lines) {
      if (line.kind === 'section') section = line.tt;
      else if (line.kind === 'directive') counts[section] = (counts[section] ?? 0) + 1;
    }
    expect(counts).toEqual({ I: 23, II: 28, III: 13, IV: 6, V: 9, VI: 2 });
    // The paths as written: each section numbered from 1, in the source's order.
    for (const s of ['I', 'II', 'III']) {
      const start = appendix.lines.findIndex((l) => l.kind === 'section' && l.tt === s);
      expect(appendix.lines.slice(start + 1, start + 4).map((l) => l.tt)).toEqual(['1', '2', '3']);
    }
    expect(appendix.lines.some((l) => l.kind === 'document')).toBe(false);
    expect(world.seed.tasks).toBeGreaterThan(500);
  });

  it('names a fanned-out group once and sums up its agencies', async () => {
    const appendix = await world.appendix();
    const fanned = appendix.lines.filter((l) => l.kind === 'directive' && l.lead === 'Các Bộ, ngành, địa phương');
    expect(fanned.length).toBeGreaterThanOrEqual(8);
    for (const line of fanned) expect(line.result).toMatch(/^\d+\/\d+ cơ quan đã hoàn thành(; .+)?$/u);
    const lines = appendix.lines.filter((l) => l.kind === 'directive');
    expect(lines.length).toBe(81);
    // Dates as dd/mm/yyyy; the source gave every row a date, so no "Thường xuyên" is made up.
    for (const line of lines) expect(line.deadline).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(lines[0]).toMatchObject({ tt: '1', deadline: '31/03/2019' });
    expect(appendix.subject[0]).toBe('TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ TẠI BÁO CÁO SỐ 10/BC-BTTTT NGÀY 01/03/2021');
    expect(appendix.attachedTo).toBe('(Kèm theo Báo cáo số 15/BC-VPCP ngày 20/11/2026 của Văn phòng Chính phủ)');
    expect(appendix.summary).toMatch(/^Tổng số \d+ nhiệm vụ \(81 nội dung công việc\)\. Trong đó: /u);
  });

  it("lists each agency's result under a fanned-out directive on request", async () => {
    const appendix = await world.appendix({ detail: true });
    const at = appendix.lines.findIndex((l) => l.kind === 'directive' && l.lead === 'Các Bộ, ngành, địa phương');
    const members = [];
    for (let i = at + 1; appendix.lines[i]?.kind === 'member'; i++) members.push(appendix.lines[i]);
    expect(members.length).toBeGreaterThan(30);
    expect(members.map((m) => m.lead)).toContain('UBND thành phố Hà Nội');
    expect(Number(/\/(\d+) /u.exec(appendix.lines[at].result)![1])).toBe(members.length);
  });

  it('renders one table row per line in the DOCX and the XLSX, with the statistics sheet', async () => {
    const appendix = await world.appendix();
    const docx = await docxSummary(await appendixDocx(appendix));
    expect(docx.rows).toHaveLength(appendix.lines.length + 1);
    expect(docx.rows.filter((r) => r.cells[1]?.span === 4)).toHaveLength(6);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await appendixXlsx(appendix)) as never);
    const [table, statistics] = workbook.worksheets;
    const header = Number(table.pageSetup.printTitlesRow!.split(':')[0]);
    expect(table.rowCount).toBe(header + appendix.lines.length);
    expect((statistics.getRow(4).values as unknown[]).slice(1)).toEqual([...STATISTICS_HEADERS]);
    const total = statistics.getRow(statistics.rowCount).values as unknown[];
    expect(total[2]).toBe('Tổng cộng');
    expect(total[3]).toBe(world.seed.tasks);
  });
});
