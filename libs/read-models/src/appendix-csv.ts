import { Appendix, APPENDIX_HEADERS } from './appendix.model';

const quote = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** CSV with a BOM so Excel opens the Vietnamese text as UTF-8; heading rows keep the notice in column 2. */
export function appendixCsv(appendix: Appendix): string {
  const lines = [APPENDIX_HEADERS.join(',')];
  for (const group of appendix.groups) {
    lines.push([group.tt, group.heading, '', '', ''].map(quote).join(','));
    for (const row of group.rows) lines.push([row.tt, row.text, row.lead, row.deadline, row.result].map(quote).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
