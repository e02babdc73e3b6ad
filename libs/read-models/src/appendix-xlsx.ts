import ExcelJS from 'exceljs';
import { Appendix, APPENDIX_HEADERS, AppendixLine } from './appendix.model';
import { STATISTICS_HEADERS } from './appendix-statistics';

/**
 * The appendix as a workbook a civil servant can print: borders, wrapped text, the title and the
 * summary merged across the table, the header row repeated on every page and frozen on screen, A4
 * landscape fitted to one page wide; a second sheet with the statistics table.
 *
 * Every value given to exceljs is a string or a number, which it writes as such (a formula needs a
 * `{ formula }` object), so "=HYPERLINK(…)" in a note stays text and keeps its exact wording here,
 * unlike the CSV, where nothing but the first character tells text from formula (appendix-csv.ts).
 */
const FONT = 'Times New Roman';
const WIDTHS = [6, 50, 22, 16, 50];
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
/** Characters of 12 pt Times New Roman per unit of column width, a little under the real figure so rows are never too short. */
const CHARS_PER_UNIT = 1.2;
const LINE_POINTS = 15.75;

/** Excel does not fit merged or wrapped rows by itself: the height is worked out from the text. */
export function rowHeight(texts: string[], widths: number[]): number {
  const lines = texts.map((text, i) =>
    text.split('\n').reduce((sum, paragraph) => sum + Math.max(1, Math.ceil(paragraph.length / (widths[i] * CHARS_PER_UNIT))), 0),
  );
  return Math.max(...lines, 1) * LINE_POINTS + 4;
}

const pageSetup = (titleRow: number): Partial<ExcelJS.PageSetup> => ({
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  printTitlesRow: `${titleRow}:${titleRow}`,
});

function mergedLine(
  sheet: ExcelJS.Worksheet,
  text: string,
  columns: number,
  font: Partial<ExcelJS.Font>,
  align: ExcelJS.Alignment['horizontal'],
  widths: number[],
): void {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, columns);
  row.getCell(1).font = { name: FONT, size: 13, ...font };
  row.getCell(1).alignment = { horizontal: align, vertical: 'top', wrapText: true };
  row.height = rowHeight([text], [widths.reduce((a, b) => a + b, 0)]);
}

function tableRow(sheet: ExcelJS.Worksheet, values: (string | number)[], font: Partial<ExcelJS.Font>, centred: Set<number>): ExcelJS.Row {
  const row = sheet.addRow(values);
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    cell.font = { name: FONT, size: 12, ...font };
    cell.border = BORDERS;
    cell.alignment = { wrapText: true, vertical: 'top', horizontal: centred.has(column) ? 'center' : 'left' };
  });
  return row;
}

function headerRow(sheet: ExcelJS.Worksheet, headers: readonly string[]): ExcelJS.Row {
  const row = tableRow(sheet, [...headers], { bold: true }, new Set(headers.map((_, i) => i + 1)));
  row.eachCell((cell) => (cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }));
  return row;
}

function appendixSheet(workbook: ExcelJS.Workbook, appendix: Appendix): void {
  const sheet = workbook.addWorksheet('Phụ lục');
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const columns = WIDTHS.length;
  mergedLine(sheet, appendix.issuer, columns, { bold: true }, 'left', WIDTHS);
  mergedLine(sheet, appendix.title, columns, { bold: true, size: 14 }, 'center', WIDTHS);
  for (const line of appendix.subject) mergedLine(sheet, line, columns, { bold: true, size: 14 }, 'center', WIDTHS);
  if (appendix.attachedTo) mergedLine(sheet, appendix.attachedTo, columns, { italic: true }, 'center', WIDTHS);
  sheet.addRow([]);
  mergedLine(sheet, appendix.summary, columns, {}, 'justify', WIDTHS);
  sheet.addRow([]);
  const header = headerRow(sheet, APPENDIX_HEADERS);
  header.height = rowHeight([...APPENDIX_HEADERS], WIDTHS);
  for (const line of appendix.lines) addLine(sheet, line);
  sheet.pageSetup = pageSetup(header.number);
  sheet.views = [{ state: 'frozen', ySplit: header.number, xSplit: 0 }];
  sheet.headerFooter = { oddFooter: '&C&"Times New Roman"&11Trang &P/&N' };
}

function addLine(sheet: ExcelJS.Worksheet, line: AppendixLine): void {
  if (line.kind === 'document' || line.kind === 'section') {
    const row = tableRow(sheet, [line.tt, line.text, '', '', ''], { bold: true }, new Set([1]));
    sheet.mergeCells(row.number, 2, row.number, 5);
    row.height = rowHeight([line.tt, line.text], [WIDTHS[0], WIDTHS.slice(1).reduce((a, b) => a + b, 0)]);
    return;
  }
  const values = [line.tt, line.text, line.lead, line.deadline, line.result];
  const row = tableRow(sheet, values, line.kind === 'member' ? { italic: true } : {}, new Set([1, 4]));
  row.height = rowHeight(values, WIDTHS);
}

const STATISTICS_WIDTHS = [6, 45, 12, 14, 14, 14, 14, 12, 14];

function statisticsSheet(workbook: ExcelJS.Workbook, appendix: Appendix): void {
  const sheet = workbook.addWorksheet('Thống kê');
  sheet.columns = STATISTICS_WIDTHS.map((width) => ({ width }));
  const columns = STATISTICS_WIDTHS.length;
  mergedLine(
    sheet,
    'THỐNG KÊ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO CƠ QUAN CHỦ TRÌ',
    columns,
    { bold: true, size: 14 },
    'center',
    STATISTICS_WIDTHS,
  );
  mergedLine(sheet, appendix.subject[appendix.subject.length - 1], columns, { bold: true }, 'center', STATISTICS_WIDTHS);
  sheet.addRow([]);
  const header = headerRow(sheet, STATISTICS_HEADERS);
  header.height = rowHeight([...STATISTICS_HEADERS], STATISTICS_WIDTHS);
  const centred = new Set([1, 3, 4, 5, 6, 7, 8, 9]);
  for (const values of appendix.statistics.rows) tableRow(sheet, values, {}, centred);
  tableRow(sheet, appendix.statistics.total, { bold: true }, centred);
  sheet.pageSetup = pageSetup(header.number);
  sheet.views = [{ state: 'frozen', ySplit: header.number, xSplit: 0 }];
}

export async function appendixXlsx(appendix: Appendix): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = appendix.issuer;
  appendixSheet(workbook, appendix);
  statisticsSheet(workbook, appendix);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
