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
 * CSV with a BOM so Excel opens the Vietnamese text as UTF-8; heading rows keep the notice in column 2.
 * The header line is our own constant text (no separator, no formula sign), written bare as before.
 */
export function appendixCsv(appendix: Appendix): string {
  const lines = [APPENDIX_HEADERS.join(',')];
  for (const group of appendix.groups) {
    lines.push([group.tt, group.heading, '', '', ''].map(csvCell).join(','));
    for (const row of group.rows) lines.push([row.tt, row.text, row.lead, row.deadline, row.result].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
