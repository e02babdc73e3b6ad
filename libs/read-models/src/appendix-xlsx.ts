import ExcelJS from 'exceljs';
import { Appendix, APPENDIX_HEADERS } from './appendix.model';

/**
 * The appendix as an Excel sheet: title rows, the summary, then the table with one merged heading row per notice.
 * Every value given to exceljs is a string, which it always writes as a text cell (a formula needs
 * a `{ formula }` object), so "=HYPERLINK(…)" in a note stays text and keeps its exact wording here,
 * unlike the CSV, where nothing but the first character tells text from formula (appendix-csv.ts).
 */
export async function appendixXlsx(appendix: Appendix): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Phụ lục', { pageSetup: { orientation: 'landscape', paperSize: 9 } });
  sheet.columns = [{ width: 6 }, { width: 60 }, { width: 25 }, { width: 20 }, { width: 60 }];
  sheet.addRow([appendix.title]).font = { bold: true };
  sheet.addRow([appendix.subtitle]).font = { bold: true };
  sheet.addRow([appendix.summary]);
  sheet.addRow([]);
  const header = sheet.addRow([...APPENDIX_HEADERS]);
  header.font = { bold: true };
  for (const group of appendix.groups) {
    const heading = sheet.addRow([group.tt, group.heading]);
    heading.font = { bold: true };
    sheet.mergeCells(heading.number, 2, heading.number, 5);
    for (const row of group.rows) sheet.addRow([row.tt, row.text, row.lead, row.deadline, row.result]);
  }
  sheet.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
