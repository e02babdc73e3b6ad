import { AgencyDirectory, AgencyHit } from './agency.port';
import {
  AGENCY_HEAD,
  ASSIGN_PREFIX,
  COORDINATION,
  GROUP_TITLE_REWRITES,
  LIST_SEPARATOR,
  NOT_AN_ACTION_AFTER_SUBJECT,
  SHARED_PREFIX,
  TITLE_BEFORE_AGENCY,
  sharedPrefixFor,
  startsWithActionVerb,
} from './owner-phrases';

/** Agencies read from a stretch of text, and the names that could not be resolved. */
export interface AgencyList {
  hits: AgencyHit[];
  unresolved: string[];
  end: number;
}

export interface Subject extends AgencyList {
  /** "Giao X …" / "Đề nghị X …": the owner was explicitly assigned. */
  assigned: boolean;
}

const LOOKAHEAD = 220;
/** "Bộ X và một số tỉnh đã kiện toàn …": a subject list that runs on into a report of the past. */
const PAST_AFTER_LIST = /^và\s[^,.;]{0,60}?\s(?:đã|đang|được)\s/u;

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** The longest catalogue name starting exactly at `pos`. */
function mentionAt(text: string, pos: number, dir: AgencyDirectory): { hit: AgencyHit; end: number } | null {
  if (!dir.mayStartName(text.slice(pos, pos + 24))) return null;
  const window = text.slice(pos, pos + LOOKAHEAD);
  let best: { hit: AgencyHit; end: number } | null = null;
  for (const m of dir.findMentions(window)) {
    if (m.start !== 0) continue;
    if (best && m.end <= best.end - pos) continue;
    best = { hit: { code: m.code, name: m.name, via: m.via }, end: pos + m.end };
  }
  // A name must end at a word boundary ("Bộ Công an" inside "Bộ Công anh" is no match).
  if (best && /[\p{L}\p{N}]/u.test(text[best.end] ?? '')) return null;
  return best;
}

/** "Các Bộ: Tài chính, Công Thương, Xây dựng" → three ministries. */
function readSharedPrefix(text: string, pos: number, dir: AgencyDirectory): AgencyList | null {
  const m = sticky(SHARED_PREFIX, text, pos);
  if (!m) return null;
  const prefix = sharedPrefixFor(m[1]);
  const hits: AgencyHit[] = [];
  let cursor = pos + m[0].length;
  let end = cursor;
  for (;;) {
    const probe = prefix + text.slice(cursor, cursor + LOOKAHEAD);
    const found = mentionAt(probe, 0, dir);
    if (!found || found.end <= prefix.length) break;
    hits.push(found.hit);
    end = cursor + found.end - prefix.length;
    const sep = sticky(LIST_SEPARATOR, text, end);
    if (!sep || !/^\p{Lu}/u.test(text.slice(end + sep[0].length))) break;
    cursor = end + sep[0].length;
  }
  return hits.length ? { hits, unresolved: [], end } : null;
}

/** One agency, a title standing for one, or a shared-prefix enumeration, at `pos`. */
function readAgencyAt(text: string, pos: number, dir: AgencyDirectory): AgencyList | null {
  for (const [re, phrase] of GROUP_TITLE_REWRITES) {
    const m = sticky(re, text, pos);
    const hit = m ? dir.resolveName(phrase) : null;
    if (m && hit) return { hits: expand(hit, dir), unresolved: [], end: m.index + m[0].length };
  }
  const title = sticky(TITLE_BEFORE_AGENCY, text, pos);
  const at = title ? pos + title[0].length : pos;
  const shared = readSharedPrefix(text, at, dir);
  if (shared) return { ...shared, hits: shared.hits.flatMap((h) => expand(h, dir)) };
  const found = mentionAt(text, at, dir);
  return found ? { hits: expand(found.hit, dir), unresolved: [], end: found.end } : null;
}

function expand(hit: AgencyHit, dir: AgencyDirectory): AgencyHit[] {
  const parts = dir.splitGroup(hit.code);
  return parts.length ? parts.map((p) => ({ ...p, via: p.via ?? hit.via })) : [hit];
}

/** A list of agencies joined by ",", ";", "và" starting at `pos`. */
export function readAgencyList(text: string, pos: number, dir: AgencyDirectory): AgencyList {
  const hits: AgencyHit[] = [];
  let end = pos;
  let cursor = pos;
  for (;;) {
    const one = readAgencyAt(text, cursor, dir);
    if (!one) break;
    hits.push(...one.hits);
    end = one.end;
    const sep = sticky(LIST_SEPARATOR, text, end);
    if (!sep) break;
    cursor = end + sep[0].length;
  }
  return { hits: dedupe(hits), unresolved: [], end };
}

export function dedupe(hits: AgencyHit[]): AgencyHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => (seen.has(h.code) ? false : (seen.add(h.code), true)));
}

/** The words before the first action verb, when they look like an agency the catalogue lacks. */
function unknownSubject(text: string, pos: number, assigned: boolean): AgencyList | null {
  const rest = text.slice(pos, pos + 120);
  if (!assigned && !AGENCY_HEAD.test(rest)) return null;
  // "Giao Sở Khoa học và Công nghệ:" — an umbrella naming only the owner.
  const colon = /^([^,.;:]{3,80}):\s*$/u.exec(text.slice(pos));
  if (colon && AGENCY_HEAD.test(colon[1])) return { hits: [], unresolved: [colon[1].trim()], end: pos + colon[1].length };
  const words = rest.split(/(\s+)/);
  let acc = '';
  for (let i = 0; i < words.length; i += 1) {
    const tail = words.slice(i).join('');
    if (acc.trim() && (startsWithActionVerb(tail) || /^chủ trì/iu.test(tail))) {
      const name = acc.trim().replace(/[,;]$/, '');
      return { hits: [], unresolved: [name], end: pos + acc.trimEnd().length };
    }
    acc += words[i];
  }
  return null;
}

/**
 * The owner a clause names at its start: "Bộ Công an khẩn trương …", "Giao Bộ Y tế chủ trì …",
 * "Bộ trưởng các Bộ: Quốc phòng, Công an …". Null when the clause starts with no agency, or when
 * the agency is followed by a state rather than an action ("Bộ X đã …" is an assessment).
 */
export function readSubject(text: string, dir: AgencyDirectory): Subject | null {
  const assign = sticky(ASSIGN_PREFIX, text, 0);
  const pos = assign ? assign[0].length : 0;
  const assigned = assign !== null;
  let list: AgencyList | null = readAgencyList(text, pos, dir);
  if (!list.hits.length) list = unknownSubject(text, pos, assigned);
  if (!list) return null;
  const after = text.slice(list.end).replace(/^[\s,]+/, '');
  if (!assigned && (NOT_AN_ACTION_AFTER_SUBJECT.test(after) || after === '' || PAST_AFTER_LIST.test(after))) return null;
  return { ...list, assigned };
}

/** Agencies after "phối hợp với" / "chủ trì, phối hợp với" anywhere in the text. */
export function readCoordinators(text: string, dir: AgencyDirectory): AgencyList {
  const hits: AgencyHit[] = [];
  const re = new RegExp(COORDINATION.source, 'giu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    hits.push(...readAgencyList(text, m.index + m[0].length, dir).hits);
  }
  return { hits: dedupe(hits), unresolved: [], end: text.length };
}

/** "… do Bộ Y tế chủ trì, phối hợp với …": an owner stated after the action. */
export function readPostposedOwner(text: string, dir: AgencyDirectory): AgencyList | null {
  const re = /(?<![\p{L}])do\s+/giu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const list = readAgencyList(text, m.index + m[0].length, dir);
    if (list.hits.length && /^\s*(?:chủ trì|thực hiện|triển khai|làm đầu mối)/iu.test(text.slice(list.end))) return list;
  }
  return null;
}

/** A heading that only names an owner: "b) Bộ Thông tin và Truyền thông", "Các Bộ: Tài chính, Tư pháp:". */
export function readOwnerHeading(text: string, dir: AgencyDirectory): AgencyList | null {
  const cleaned = text
    .replace(/\([^)]*\)/gu, ' ')
    .replace(/^(?:Đối với|Về phía|Giao|Đề nghị)\s+/iu, '')
    .replace(/[\s:.]+$/u, '')
    .trim();
  if (!cleaned || cleaned.length > 200) return null;
  const list = readAgencyList(cleaned, 0, dir);
  if (!list.hits.length) return null;
  const rest = cleaned.slice(list.end).trim();
  return rest === '' ? list : null;
}
