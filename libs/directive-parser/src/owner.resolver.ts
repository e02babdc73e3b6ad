import { dedupe, readAgencyList, sticky } from './agency-reader';
import { AgencyHit } from './agency.port';
import { AgencyList, AgencyScope } from './document-scope';
import { ASSIGN_PREFIX, COORDINATION, NOT_AN_ACTION_AFTER_SUBJECT } from './owner-phrases';

export type { AgencyList } from './document-scope';
export { dedupe, readAgencyList } from './agency-reader';

export interface Subject extends AgencyList {
  /** "Giao X …" / "Đề nghị X …": the owner was explicitly assigned. */
  assigned: boolean;
}

/** "Bộ X và một số tỉnh đã kiện toàn …": a subject list that runs on into a report of the past. */
const PAST_AFTER_LIST = /^và\s[^,.;]{0,60}?\s(?:đã|đang|được)\s/u;

export function named(list: AgencyList | null): boolean {
  return !!list && (list.hits.length > 0 || list.unresolved.length > 0);
}

/**
 * The owner a clause names at its start: "Bộ Công an khẩn trương …", "Giao Bộ Y tế chủ trì …",
 * "Bộ trưởng các Bộ: Quốc phòng, Công an …", "Sở Xây dựng rà soát …". Null when the clause starts
 * with no agency, or when the agency is followed by a state rather than an action ("Bộ X đã …"
 * is an assessment).
 */
export function readSubject(text: string, dir: AgencyScope): Subject | null {
  const assign = sticky(ASSIGN_PREFIX, text, 0);
  const pos = assign ? assign[0].length : 0;
  const assigned = assign !== null;
  const list = readAgencyList(text, pos, dir);
  if (!named(list)) return null;
  const after = text.slice(list.end).replace(/^[\s,]+/, '');
  if (!assigned && (NOT_AN_ACTION_AFTER_SUBJECT.test(after) || after === '' || PAST_AFTER_LIST.test(after))) return null;
  return { ...list, assigned };
}

/** A subject whose verb says it is a past result or a state ("Bộ X đã …"): an achievement, not a task. */
export function readPastSubject(text: string, dir: AgencyScope): boolean {
  if (sticky(ASSIGN_PREFIX, text, 0)) return false;
  const list = readAgencyList(text, 0, dir);
  if (!named(list)) return false;
  const after = text.slice(list.end).replace(/^[\s,]+/, '');
  return /^(?:đã|cũng đã|đều đã|vẫn|còn|chưa)(?![\p{L}])/u.test(after) || PAST_AFTER_LIST.test(after);
}

/** Agencies after "phối hợp với" / "chủ trì, phối hợp với" anywhere in the text. */
export function readCoordinators(text: string, dir: AgencyScope): AgencyList {
  const hits: AgencyHit[] = [];
  const re = new RegExp(COORDINATION.source, 'giu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    hits.push(...readAgencyList(text, m.index + m[0].length, dir).hits);
  }
  return { hits: dedupe(hits), unresolved: [], end: text.length };
}

/** "… do Bộ Y tế chủ trì, phối hợp với …": an owner stated after the action. */
export function readPostposedOwner(text: string, dir: AgencyScope): AgencyList | null {
  const re = /(?<![\p{L}])do\s+/giu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const list = readAgencyList(text, m.index + m[0].length, dir);
    if (named(list) && /^\s*(?:chủ trì|thực hiện|triển khai|làm đầu mối)/iu.test(text.slice(list.end))) return list;
  }
  return null;
}

/** A heading that only names an owner: "b) Bộ Thông tin và Truyền thông", "2. Vụ Thanh toán:". */
export function readOwnerHeading(text: string, dir: AgencyScope): AgencyList | null {
  // A sentence is not a heading, whatever it starts with.
  if (/[.;!?…]\s*$/u.test(text)) return null;
  const cleaned = text
    .replace(/\([^)]*\)/gu, ' ')
    .replace(/^(?:Đối với|Về phía|Giao|Đề nghị)\s+/iu, '')
    .replace(/[\s:.]+$/u, '')
    .trim();
  if (!cleaned || cleaned.length > 200 || cleaned.split(' ').length > 30) return null;
  const list = readAgencyList(cleaned, 0, dir, 'heading');
  if (!named(list)) return null;
  const rest = cleaned.slice(list.end).trim();
  return rest === '' ? list : null;
}

/** "Bộ Khoa học và Công nghệ là cơ quan thường trực Chương trình, có trách nhiệm:": an owner with its role. */
export function readRoleHeading(text: string, dir: AgencyScope): AgencyList | null {
  if (!text.trimEnd().endsWith(':')) return null;
  const list = readAgencyList(text, 0, dir);
  if (!named(list)) return null;
  return /^[\s,]*(?:là|có trách nhiệm|chịu trách nhiệm|theo chức năng|với vai trò)(?![\p{L}])/u.test(text.slice(list.end)) ? list : null;
}
