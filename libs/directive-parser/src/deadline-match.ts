import { DeadlineCalendar } from './calendar.port';
import { ParsedDeadline } from './directive.types';

/** What every deadline reader works with: the issue date, the calendar, and where a phrase was found. */

export interface DeadlineContext {
  issuedAt: string | null;
  calendar: DeadlineCalendar;
}

/** A deadline found in a text, with where its phrase sits (to split units and trim labels). */
export interface DeadlineMatch {
  deadline: ParsedDeadline;
  index: number;
  end: number;
}

export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  re.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m);
  return out;
}

/** Matches one at a time, so a search can stop at the first one that makes sense. */
export function* eachMatch(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

// Cheap gates before the costly patterns: most clauses name no time at all.
export function toMatch(m: RegExpExecArray, d: Omit<ParsedDeadline, 'phrase'>): DeadlineMatch {
  return { deadline: { ...d, phrase: m[0].trim() }, index: m.index, end: m.index + m[0].length };
}
