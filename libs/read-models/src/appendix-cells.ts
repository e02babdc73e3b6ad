import { ReportRow } from './report-rows.query';

/**
 * The cells of one appendix row (one directive), from its tasks. Dates are written dd/mm/yyyy; a
 * directive given to many agencies is summed up in one row, as VPCP writes it.
 */

/** "2026-03-31" → "31/03/2026". */
export const vnDate = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
export function roman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) for (; n >= value; n -= value) out += letters;
  return out;
}

/** A name as it reads in a list: "Ủy ban nhân dân tỉnh Nghệ An" → "UBND tỉnh Nghệ An". */
export const listName = (name: string): string => name.replace(/^Ủy ban nhân dân /u, 'UBND ');

const capitalised = (phrase: string): string => phrase.charAt(0).toLocaleUpperCase('vi') + phrase.slice(1);

/**
 * "Thời gian hoàn thành". A date when there is one, the original beside a moved one; without a date,
 * the source's own words ("Thường xuyên", "Hằng quý"), and nothing when the source said nothing.
 */
export function deadlineCell(tasks: readonly ReportRow[]): string {
  const original = tasks.find((t) => t.original_due)?.original_due ?? null;
  const current = new Set(tasks.map((t) => t.due));
  if (current.size === 1) {
    const due = [...current][0];
    if (due) return original && original !== due ? `${vnDate(due)} (điều chỉnh từ ${vnDate(original)})` : vnDate(due);
  } else if (original) {
    const moved = tasks.filter((t) => t.due !== original).length;
    return `${vnDate(original)} (${moved} cơ quan được điều chỉnh thời hạn)`;
  }
  if (original) return vnDate(original);
  const phrase = tasks.map((t) => t.due_phrase ?? t.original_phrase).find((p) => p && p.trim());
  if (!phrase) return '';
  return /thường xuyên/iu.test(phrase) ? 'Thường xuyên' : capitalised(phrase.trim());
}

/** The noun of a roll-up: "41/63 tỉnh đã hoàn thành"; any other group counts "cơ quan". */
export const UNIT_NOUN: Record<string, string> = { ALL_PROVINCES: 'tỉnh', ALL_MINISTRIES: 'bộ, ngành' };

export const NO_REPORT = 'Chưa có báo cáo';

/** One task's result as its cell or line says it. */
export const resultOf = (task: ReportRow): string => task.result ?? NO_REPORT;

/** Up to this many agencies are named in a roll-up; more are counted (the `detail` lines name them all). */
export const NAMED_IN_ROLLUP = 15;

/** Ministries and central agencies first, then the provinces, each by name. */
const byName = (a: string, b: string): number => Number(a.startsWith('UBND')) - Number(b.startsWith('UBND')) || a.localeCompare(b, 'vi');

/**
 * "Kết quả thực hiện". One agency: its result. A group fanned out: "41/56 cơ quan đã hoàn thành;
 * chưa hoàn thành: Bộ …, UBND tỉnh …" (or how many, when too many to name). A few named agencies:
 * one line each.
 */
export function resultCell(tasks: readonly ReportRow[], name: (code: string) => string): string {
  if (tasks.length === 1) return resultOf(tasks[0]);
  const fanout = tasks.find((t) => t.fanout)?.fanout;
  if (!fanout) return tasks.map((t) => `- ${listName(name(t.lead))}: ${resultOf(t)}`).join('\n');
  const open = tasks.filter((t) => t.status !== 'completed');
  const head = `${tasks.length - open.length}/${tasks.length} ${UNIT_NOUN[fanout] ?? 'cơ quan'} đã hoàn thành`;
  if (open.length === 0) return head;
  if (open.length > NAMED_IN_ROLLUP) return `${head}; ${open.length} ${UNIT_NOUN[fanout] ?? 'cơ quan'} chưa hoàn thành`;
  return `${head}; chưa hoàn thành: ${open
    .map((t) => listName(name(t.lead)))
    .sort(byName)
    .join(', ')}`;
}

/** "Cơ quan chủ trì": the group as the directive names it, else the agencies that lead it now. */
export function leadCell(
  tasks: readonly ReportRow[],
  directiveLeads: readonly string[] | undefined,
  names: { agency(code: string): string; group(code: string): string | undefined },
): string {
  if (tasks.some((t) => t.fanout) && directiveLeads?.length)
    return directiveLeads.map((code) => names.group(code) ?? names.agency(code)).join(', ');
  return [...new Set(tasks.map((t) => t.lead))].map((code) => names.agency(code)).join(', ');
}
