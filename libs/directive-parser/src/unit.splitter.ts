import { AgencyScope } from './document-scope';
import { DeadlineContext, DeadlineMatch, findDatedAll, findDeadline } from './deadline.parser';
import { Subject, readSubject } from './owner.resolver';
import { startsWithActionVerb } from './owner-phrases';

/** A stretch of a unit's text: [start, end) in the unit text. */
interface Clause {
  start: number;
  end: number;
  text: string;
  sentence: number;
  deadline: DeadlineMatch | null;
  subject: Subject | null;
  /** Only states a completion time ("Hoàn thành trong tháng 4 năm 2020."): belongs to the action before. */
  bareDeadline: boolean;
  /** A statement, not an action ("Đây là lộ trình …"): stays with the action before. */
  statement: boolean;
  /** Covered by a time phrase that opens its sentence. */
  covered: boolean;
}

export interface Part {
  start: number;
  end: number;
  text: string;
  subject: Subject | null;
  /** The first dated deadline of its clauses, else the first recurring or urgency word. */
  deadline: DeadlineMatch | null;
}

const RANK: Record<string, number> = { date: 0, month: 0, quarter: 0, year: 0, range: 0, relative: 0, recurring: 1, none: 2 };

function partDeadline(clauses: Clause[]): DeadlineMatch | null {
  let best: DeadlineMatch | null = null;
  for (const c of clauses) {
    const d = c.covered ? null : c.deadline;
    if (d && (!best || RANK[d.deadline.kind] < RANK[best.deadline.kind])) best = d;
  }
  return best ?? clauses.find((c) => c.deadline)?.deadline ?? null;
}

const SENTENCE_END = /(?<=[.!?…])\s+(?=["“(]?[\p{Lu}\d])/gu;
const ABBREVIATION_BEFORE = /(?:^|\s)(?:TP|Tp|v\.v|TS|ThS|PGS|GS|St|Ô|Bà)\.$/u;
const LEADING_JOINER = /^(?:[\s;,.]|và\s|đồng thời\s|Đồng thời,?\s)+/u;
const BARE_DEADLINE = /^(?:hoàn thành|thời hạn(?: hoàn thành)?|thời gian(?: hoàn thành)?|xong)\s*:?\s*/iu;
const STATEMENT =
  /^(?:Đây|Đó|Điều này|Việc này|Như vậy|Qua đó|Trong đó|Tuyệt đối không)(?![\p{L}])|^[\p{Lu}][^,;:]{0,40}\s(?:là|sẽ là)\s|^(?:quá (?:thời )?hạn|sau thời hạn|nếu không|trường hợp (?:không|chậm|quá))(?![\p{L}])|\ssẽ bị\s/iu;

function boundaries(text: string, re: RegExp, skip?: (before: string) => boolean): number[] {
  const cuts: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // Only the last words matter ("TP." before the cut): never hand a pattern the whole prefix.
    if (skip && skip(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    cuts.push(m.index + m[0].length);
  }
  return cuts;
}

/** Cut points: sentence ends, ";" outside parentheses. */
function clauseCuts(text: string): Array<{ at: number; sentence: boolean }> {
  const sentences = boundaries(text, SENTENCE_END, (before) => ABBREVIATION_BEFORE.test(before));
  const semis: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '(') depth += 1;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) semis.push(i + 1);
  }
  return [...sentences.map((at) => ({ at, sentence: true })), ...semis.map((at) => ({ at, sentence: false }))].sort((a, b) => a.at - b.at);
}

/** "… trong tháng 12 năm 2020 và xây dựng … trong tháng 01 năm 2021": a cut after the first deadline. */
function conjunctionCuts(text: string, start: number, end: number, ctx: DeadlineContext): number[] {
  const piece = text.slice(start, end);
  if (!/(?:^|\s)(?:và|đồng thời)\s/u.test(piece) || !/\d|hết năm|trong năm/u.test(piece)) return [];
  const dated = findDatedAll(piece, ctx);
  const cuts: number[] = [];
  for (let i = 0; i < dated.length - 1; i += 1) {
    const after = /^\s*,?\s*(?:và|đồng thời)\s+/u.exec(piece.slice(dated[i].end));
    if (after) cuts.push(start + dated[i].end + after[0].length);
  }
  return cuts;
}

function makeClauses(text: string, ctx: DeadlineContext, dir: AgencyScope): Clause[] {
  const cuts = clauseCuts(text);
  const raw: Array<{ start: number; end: number; sentence: number }> = [];
  let start = 0;
  let sentence = 0;
  for (const cut of [...cuts, { at: text.length, sentence: true }]) {
    if (cut.at > start) {
      const inner = conjunctionCuts(text, start, cut.at, ctx);
      let s = start;
      for (const c of inner) {
        raw.push({ start: s, end: c, sentence });
        s = c;
      }
      raw.push({ start: s, end: cut.at, sentence });
    }
    start = cut.at;
    if (cut.sentence) sentence += 1;
  }
  return raw.map((r) => describe(text, r.start, r.end, r.sentence, ctx, dir)).filter((c) => c.text.length > 0);
}

function describe(text: string, start: number, end: number, sentence: number, ctx: DeadlineContext, dir: AgencyScope): Clause {
  const slice = text.slice(start, end);
  const lead = LEADING_JOINER.exec(slice);
  const s = start + (lead ? lead[0].length : 0);
  const clean = text.slice(s, end).trim();
  const deadline = findDeadline(clean, ctx);
  const bareDeadline = !!deadline && deadline.deadline.due !== null && isBareDeadline(clean, deadline);
  return {
    start: s,
    end: s + clean.length,
    text: clean,
    sentence,
    deadline,
    subject: readSubject(clean, dir),
    bareDeadline,
    statement: STATEMENT.test(clean) && !startsWithActionVerb(clean),
    covered: false,
  };
}

/** Nothing but a completion time is left once the deadline phrase and "Hoàn thành" are removed. */
function isBareDeadline(clean: string, d: DeadlineMatch): boolean {
  const rest = (clean.slice(0, d.index) + ' ' + clean.slice(d.end)).trim().replace(BARE_DEADLINE, '');
  const phrase = clean.slice(d.index, d.end);
  return rest.replace(/[\s.;,]/g, '') === '' && (BARE_DEADLINE.test(clean) || BARE_DEADLINE.test(phrase));
}

function deadlineKey(m: DeadlineMatch | null): string {
  if (!m || m.deadline.due === null) return 'none';
  return m.deadline.due;
}

function sameOwner(current: string[], b: Subject): boolean {
  if (!current.length) return true;
  const codes = new Set(current);
  return b.hits.every((h) => codes.has(h.code)) && b.unresolved.every((u) => codes.has(u.name));
}

function ownerCodes(s: Subject): string[] {
  return [...s.hits.map((h) => h.code), ...s.unresolved.map((u) => u.name)];
}

/** A time phrase opening a sentence covers the sentence's later clauses (gold/RULES.md). */
function applyCoverage(clauses: Clause[]): void {
  for (let i = 0; i < clauses.length; i += 1) {
    const c = clauses[i];
    if (!c.deadline || c.deadline.index !== 0 || c.deadline.deadline.due === null) continue;
    for (let j = i + 1; j < clauses.length && clauses[j].sentence === c.sentence; j += 1) {
      if (deadlineKey(clauses[j].deadline) === 'none') {
        clauses[j].covered = true;
        clauses[j].deadline = c.deadline;
      }
    }
  }
}

/**
 * Splits a unit into directives: two actions with different deadlines (no deadline counts as
 * different) separated by ";", "." or "và"/"đồng thời", or a clause with its own subject naming
 * another agency. Commas never split.
 */
export function splitUnit(text: string, ctx: DeadlineContext, dir: AgencyScope, inheritedCodes: string[]): Part[] {
  const clauses = makeClauses(text, ctx, dir);
  applyCoverage(clauses);
  const parts: Array<{ clauses: Clause[]; key: string; subject: Subject | null }> = [];
  for (const c of clauses) {
    const cur = parts[parts.length - 1];
    const key = deadlineKey(c.deadline);
    if (cur && (c.bareDeadline || c.statement || c.covered)) {
      cur.clauses.push(c);
      if (cur.key === 'none' && c.bareDeadline) cur.key = key;
      continue;
    }
    const ownSubject = c.subject && (c.subject.hits.length || c.subject.unresolved.length) ? c.subject : null;
    const frame = cur?.subject ?? parts[0]?.subject;
    const otherOwner = cur && ownSubject && !sameOwner(frame ? ownerCodes(frame) : inheritedCodes, ownSubject);
    if (!cur || otherOwner || key !== cur.key) {
      parts.push({ clauses: [c], key, subject: ownSubject });
    } else {
      cur.clauses.push(c);
    }
  }
  return parts.map((p) => {
    const start = p.clauses[0].start;
    const end = p.clauses[p.clauses.length - 1].end;
    return { start, end, text: text.slice(start, end), subject: p.subject, deadline: partDeadline(p.clauses) };
  });
}
