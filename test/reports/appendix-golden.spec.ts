import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Appendix, appendixDocx, appendixXlsx } from '@tdnv/read-models';
import { docxSummary, xlsxSummary } from './office-summary';

/**
 * Golden files of the appendix's structure: the DOCX and the XLSX of a small appendix read back
 * (office-summary.ts) and compared with test/reports/golden/*.json. After a deliberate change of
 * layout, `UPDATE_GOLDEN=1 npx jest test/reports/appendix-golden.spec.ts` rewrites them; review the diff.
 */
const APPENDIX: Appendix = {
  issuer: 'VĂN PHÒNG CHÍNH PHỦ',
  title: 'Phụ lục',
  subject: ['TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ TẠI BÁO CÁO SỐ 10/BC-BTTTT NGÀY 01/03/2021', 'ĐẾN NGÀY 31/03/2021'],
  attachedTo: '(Kèm theo Báo cáo số 15/BC-VPCP ngày 20/11/2026 của Văn phòng Chính phủ)',
  summary: 'Tổng số 58 nhiệm vụ (02 nội dung công việc). Trong đó: 01/58 nhiệm vụ đã hoàn thành đúng hạn (chiếm tỷ lệ 2%).',
  lines: [
    { kind: 'section', tt: 'I', text: 'Xây dựng, hoàn thiện thể chế', lead: '', deadline: '', result: '' },
    {
      kind: 'directive',
      tt: '1',
      text: 'Xây dựng Nghị định về quản lý đầu tư ứng dụng công nghệ thông tin',
      lead: 'Bộ Khoa học và Công nghệ',
      deadline: '31/03/2019',
      result: 'Ngày 05/9/2019, Chính phủ đã ban hành Nghị định số 73/2019/NĐ-CP.',
    },
    {
      kind: 'directive',
      tt: '2',
      text: 'Triển khai Kiến trúc Chính phủ điện tử cấp bộ, cấp tỉnh',
      lead: 'Các Bộ, ngành, địa phương',
      deadline: '30/09/2019 (2 cơ quan được điều chỉnh thời hạn)',
      result: '41/56 cơ quan đã hoàn thành; chưa hoàn thành: Bộ Tài chính, UBND tỉnh Nghệ An',
    },
    {
      kind: 'member',
      tt: '',
      text: '',
      lead: 'Bộ Tài chính',
      deadline: '31/12/2019 (điều chỉnh từ 30/09/2019)',
      result: 'Đang hoàn thiện dự thảo\n(Công văn 12/BTC-THTK)',
    },
  ],
  statistics: {
    rows: [
      [1, 'Bộ Khoa học và Công nghệ', 1, 1, 0, 0, 0, 0, '100%'],
      [2, 'Bộ Tài chính', 1, 0, 0, 0, 1, 0, '0%'],
    ],
    total: ['', 'Tổng cộng', 2, 1, 0, 0, 1, 0, '50%'],
  },
};

async function matchesGolden(name: string, summary: unknown): Promise<void> {
  const file = join(__dirname, 'golden', name);
  const actual = JSON.parse(JSON.stringify(summary)) as unknown;
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

describe('appendix exports against their golden files', () => {
  it('DOCX: A4 landscape, Times New Roman, title block, header row repeated, merged section rows, page numbers from page 2', async () => {
    const summary = await docxSummary(await appendixDocx(APPENDIX));
    expect(summary.page).toMatchObject({ width: 16838, height: 11906, orientation: 'landscape', titlePage: true, pageNumberHeader: true });
    expect(summary.fonts).toEqual(['Times New Roman']);
    expect(summary.titleBlock.map((p) => p.text)).toEqual([
      APPENDIX.issuer,
      'Phụ lục',
      ...APPENDIX.subject,
      APPENDIX.attachedTo,
      APPENDIX.summary,
    ]);
    expect(summary.titleBlock[4]).toMatchObject({ align: 'center', italic: true });
    expect(summary.rows[0]).toMatchObject({ repeatedHeader: true });
    expect(summary.rows.filter((r) => r.repeatedHeader)).toHaveLength(1);
    expect(summary.rows[1].cells.map((c) => [c.span, c.bold])).toEqual([
      [1, true],
      [4, true],
    ]);
    expect(summary.rows.slice(2).every((r) => r.cells.length === 5)).toBe(true);
    expect(summary.columns.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(16838 - summary.page.margins[1] - summary.page.margins[3] + 5);
    await matchesGolden('appendix.docx.json', summary);
  });

  it('XLSX: borders, wrapping, merged title block, repeated and frozen header, landscape one page wide, statistics sheet', async () => {
    const [table, statistics] = await xlsxSummary(await appendixXlsx(APPENDIX));
    expect(table.name).toBe('Phụ lục');
    expect(table.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const headerRow = Number(table.pageSetup.printTitlesRow!.split(':')[0]);
    expect(table.views).toEqual([{ state: 'frozen', ySplit: headerRow }]);
    // The title block, the summary and the section row are merged across the table.
    expect(table.merges).toEqual(
      expect.arrayContaining(['A1:E1', 'A2:E2', 'A3:E3', 'A4:E4', 'A5:E5', 'A7:E7', `B${headerRow + 1}:E${headerRow + 1}`]),
    );
    const rows = table.rows as { number: number; height: number | null; cells: { border: string; wrap: boolean; font: string }[] }[];
    for (const row of rows.filter((r) => r.number >= headerRow)) {
      expect(row.height).toBeGreaterThan(0);
      for (const cell of row.cells)
        expect([cell.border, cell.wrap, cell.font.startsWith('Times New Roman 12')]).toEqual(['thin,thin,thin,thin', true, true]);
    }
    expect(statistics.name).toBe('Thống kê');
    expect(statistics.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    await matchesGolden('appendix.xlsx.json', [table, statistics]);
  });
});
