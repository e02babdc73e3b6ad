import { Appendix, APPENDIX_HEADERS } from './appendix.model';

/**
 * A cell a spreadsheet would read as a formula (= + - @, or a leading TAB or CR) gets a single
 * quote in front, as the OWASP "CSV Injection" guidance says: a progress note "=HYPERLINK(…)"
 * must arrive as text, not as a live link or a DDE call. A Vietnamese bullet ("- Đã hoàn thành")
 * shows the quote too; that is the price of the rule, and Excel would misread it as a formula anyway.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Every cell is quoted, not only those holding a comma: a spreadsheet set to split on ";" or a tab
 * would otherwise start a new cell, and that cell could begin with "=".
 */
export const csvCell = (value: string): string => `"${neutraliseFormula(value).replace(/"/g, '""')}"`;

/**
 * CSV with a BOM so Excel opens the Vietnamese text as UTF-8: the table only, one line per line of
 * the appendix (headings keep their text in column 2). The header line is our own constant text
 * (no separator, no formula sign), written bare as before.
 */
export function appendixCsv(appendix: Appendix): string {
  const lines = [APPENDIX_HEADERS.join(',')];
  for (const line of appendix.lines) lines.push([line.tt, line.text, line.lead, line.deadline, line.result].map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
