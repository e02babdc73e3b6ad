import { AgencyHit } from './agency.port';
import { AgencyList, AgencyScope, ministryOf, provinceOf } from './document-scope';
import { UnresolvedAgency } from './directive.types';
import { readLocalGroup } from './local-groups';
import { GROUP_TITLE_REWRITES, LIST_SEPARATOR, TITLE_BEFORE_AGENCY } from './owner-phrases';
import { NARROWED_PROVINCES, ReadMode, describeUnknown, readUnknownAt } from './unknown-agency';

/**
 * Reads the agencies a phrase names, in the order a reader would: a title ("Bộ trưởng", "Chủ
 * tịch"), a named list ("Ủy ban nhân dân các tỉnh, thành phố: A, B"), "… nêu trên", a local group,
 * a catalogue name, a unit of the issuing province or ministry, "Tỉnh", then a name outside the
 * catalogue (kept with its kind and probable parent).
 */

const LOOKAHEAD = 220;
const NAME_WINDOW = 130;

export function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** The longest catalogue name starting exactly at `pos`. */
function mentionAt(text: string, pos: number, dir: AgencyScope): { hit: AgencyHit; end: number } | null {
  if (!dir.mayStartName(text.slice(pos, pos + 24))) return null;
  // The longest catalogue name is about a hundred characters long.
  const m = dir.mentionAtStart(text.slice(pos, pos + NAME_WINDOW));
  // A name must end at a word boundary ("Bộ Công an" inside "Bộ Công anh" is no match).
  if (!m || /[\p{L}\p{N}]/u.test(text[pos + m.end] ?? '')) return null;
  return { hit: { code: m.code, name: m.name, via: m.via, former: m.former }, end: pos + m.end };
}

const ITEM_SEPARATOR = /\s*(?:[,;]\s*(?:và\s+)?|\s+và\s+)(?=\p{Lu})/uy;
const PLACE = /[\p{Lu}][\p{L}]*(?:(?:\s+|\s*-\s*)[\p{Lu}][\p{L}]*)*/uy;

/** Items of a named list, each read by `item` at the cursor, while the next one starts with a capital. */
function readItems(text: string, from: number, item: (at: number) => { list: AgencyList } | null): AgencyList | null {
  const hits: AgencyHit[] = [];
  const unresolved: UnresolvedAgency[] = [];
  let cursor = from;
  let end = from;
  for (;;) {
    const one = item(cursor);
    if (!one) break;
    hits.push(...one.list.hits);
    unresolved.push(...one.list.unresolved);
    end = one.list.end;
    const sep = sticky(ITEM_SEPARATOR, text, end);
    if (!sep) break;
    cursor = end + sep[0].length;
  }
  return hits.length || unresolved.length ? { hits, unresolved, end } : null;
}

function unknownList(name: string, end: number, dir: AgencyScope): AgencyList {
  const found = describeUnknown(name, dir);
  return 'hit' in found ? { hits: [found.hit], unresolved: [], end } : { hits: [], unresolved: [found.unknown], end };
}

const MINISTRY_LIST = /(?:Bộ trưởng\s+)?(?:các|Các)\s+(Bộ|Tổng cục|Cục)\s*:\s*/uy;
const PROVINCE_LIST =
  /(?:Chủ tịch\s+)?(?:(?:Ủy ban nhân dân|UBND)\s+)?(?:các|Các)\s+(?:tỉnh,\s*thành phố|tỉnh|thành phố|địa phương)(?:\s+trực thuộc Trung ương)?\s*:\s*/uy;
const DEPARTMENT_LIST = /(?:Giám đốc\s+|Thủ trưởng\s+)?(?:các|Các)\s+[Ss]ở\s*:\s*/uy;
const LOCAL_LIST =
  /(?:Chủ tịch\s+)?(?:Ủy ban nhân dân|UBND)\s+các\s+(xã|phường|thị trấn|huyện|quận|thị xã)(?:,\s*(?:xã|phường|thị trấn|thị xã|thành phố))*\s*:\s*/uy;

/** "Các Bộ: Tài chính, Tư pháp", "các tỉnh, thành phố: A, B", "các sở: Y tế, Xây dựng", "các xã: A, B". */
function readNamedList(text: string, pos: number, dir: AgencyScope): AgencyList | null {
  let m = sticky(MINISTRY_LIST, text, pos);
  if (m) {
    const prefix = `${m[1]} `;
    return readItems(text, pos + m[0].length, (at) => {
      const found = mentionAt(prefix + text.slice(at, at + LOOKAHEAD), 0, dir);
      return found && found.end > prefix.length
        ? { list: { hits: [found.hit], unresolved: [], end: at + found.end - prefix.length } }
        : null;
    });
  }
  m = sticky(PROVINCE_LIST, text, pos);
  if (m) {
    return readItems(text, pos + m[0].length, (at) => {
      const found = mentionAt(text, at, dir);
      const kind = found ? dir.describe(found.hit.code)?.kind : undefined;
      return found && (kind === 'province' || kind === 'city') ? { list: { hits: [found.hit], unresolved: [], end: found.end } } : null;
    });
  }
  m = sticky(DEPARTMENT_LIST, text, pos);
  if (m) {
    return readItems(text, pos + m[0].length, (at) => {
      // A Sở carries its ministry's name: the catalogue finds where "Nông nghiệp và Môi trường" ends.
      const ministry = mentionAt(`Bộ ${text.slice(at, at + LOOKAHEAD)}`, 0, dir);
      const end = ministry && ministry.end > 3 ? at + ministry.end - 3 : (sticky(PLACE, text, at)?.[0].length ?? -1) + at;
      return end > at ? { list: unknownList(`Sở ${text.slice(at, end)}`, end, dir) } : null;
    });
  }
  m = sticky(LOCAL_LIST, text, pos);
  if (m) {
    const level = m[1];
    return readItems(text, pos + m[0].length, (at) => {
      const place = sticky(PLACE, text, at);
      return place ? { list: unknownList(`Ủy ban nhân dân ${level} ${place[0]}`, at + place[0].length, dir) } : null;
    });
  }
  return null;
}

const ABOVE =
  /(?:Chủ tịch\s+|Bộ trưởng\s+|Giám đốc\s+|Thủ trưởng\s+)?(?:(?:Ủy ban nhân dân|UBND)\s+)?(?:các|Các)\s+(tỉnh,\s*thành phố|tỉnh|thành phố|địa phương|xã,\s*phường|xã|phường|huyện|Bộ|bộ|sở|cơ quan|đơn vị)\s+(?:nêu trên|trên)(?![\p{L}])/uy;

const PROVINCE_KINDS = new Set(['province', 'city']);
const MINISTRY_KINDS = new Set(['ministry', 'ministry_level', 'government_agency']);

/** "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên": the matching agencies of the addressee list. */
function readAbove(text: string, pos: number, dir: AgencyScope): AgencyList | null {
  const m = sticky(ABOVE, text, pos);
  const to = dir.scope.addressees;
  if (!m || !to) return null;
  const what = m[1].toLowerCase();
  const kinds = /tỉnh|thành phố|địa phương/u.test(what) ? PROVINCE_KINDS : what === 'bộ' ? MINISTRY_KINDS : null;
  const hits = to.hits.filter((h) => !kinds || kinds.has(dir.describe(h.code)?.kind ?? ''));
  const wanted = /xã|phường/u.test(what)
    ? 'commune_committee'
    : what === 'huyện'
      ? 'district_committee'
      : what === 'sở'
        ? 'department'
        : null;
  const unresolved = kinds ? [] : to.unresolved.filter((u) => !wanted || u.kind === wanted);
  return hits.length || unresolved.length ? { hits, unresolved, end: pos + m[0].length } : null;
}

/** "Tỉnh cần …", "Ủy ban nhân dân tỉnh chỉ đạo …": the province the document is from or about. */
const THE_PROVINCE = /(?:(?:Ủy ban nhân dân|UBND)\s+(?:tỉnh|thành phố)|Tỉnh|Thành phố)(?=\s+\p{Ll}|\s*[,;:.]|\s*$)(?!\s+ủy)/uy;

function readTheProvince(text: string, pos: number, dir: AgencyScope): AgencyList | null {
  const m = sticky(THE_PROVINCE, text, pos);
  const province = m ? provinceOf(dir.scope) : null;
  return m && province ? { hits: [province], unresolved: [], end: pos + m[0].length } : null;
}

/** A unit of the issuing province or ministry that the catalogue holds ("Sở Tài chính" with a provincial catalogue). */
function readHomeUnit(text: string, pos: number, dir: AgencyScope): AgencyList | null {
  const home = provinceOf(dir.scope) ?? ministryOf(dir.scope);
  const unit = home ? dir.unitAt(home.code, text.slice(pos, pos + LOOKAHEAD)) : null;
  return unit ? { hits: [unit.hit], unresolved: [], end: pos + unit.length } : null;
}

function expand(hit: AgencyHit, dir: AgencyScope): AgencyHit[] {
  const parts = dir.splitGroup(hit.code);
  return parts.length ? parts.map((p) => ({ ...p, via: p.via ?? hit.via })) : [hit];
}

/** First words of every phrase the readers below know, besides catalogue names (a cheap gate). */
const STARTERS = new Set(
  'bộ chủ ủy ubnd các giám thủ tỉnh thành sở vụ cục tổng chi văn thanh công ban tập kho bảo đài viện học trung trường cơ hội quỹ bệnh người chỉ thống chánh'.split(
    ' ',
  ),
);
const FIRST_WORD = /^[\p{L}]+/u;
const LIST_OPENERS = /^(?:các|Các|Bộ trưởng|Chủ tịch|Ủy ban nhân dân|UBND|Giám đốc|Thủ trưởng)(?![\p{L}])/u;

/** One agency, a title standing for one, or a list sharing a prefix, at `pos`. */
export function readAgencyAt(text: string, pos: number, dir: AgencyScope, mode: ReadMode = 'prose'): AgencyList | null {
  const first = FIRST_WORD.exec(text.slice(pos, pos + 16));
  if (!first || (!STARTERS.has(first[0].toLowerCase()) && !dir.mayStartName(first[0]))) return null;
  for (const [re, phrase] of GROUP_TITLE_REWRITES) {
    const m = sticky(re, text, pos);
    const hit = m ? dir.resolveName(phrase) : null;
    if (m && hit) return { hits: expand(hit, dir), unresolved: [], end: m.index + m[0].length };
  }
  const title = sticky(TITLE_BEFORE_AGENCY, text, pos);
  const at = title ? pos + title[0].length : pos;
  // Lists, "nêu trên" and local groups all open with one of a few words.
  const list = LIST_OPENERS.test(text.slice(at, at + 24))
    ? (readNamedList(text, at, dir) ?? readAbove(text, at, dir) ?? readLocalGroup(text, at, dir))
    : null;
  if (list) return { ...list, hits: list.hits.flatMap((h) => expand(h, dir)) };
  const found = sticky(NARROWED_PROVINCES, text, at) ? null : mentionAt(text, at, dir);
  if (found) return { hits: expand(found.hit, dir), unresolved: [], end: found.end };
  const local = readHomeUnit(text, at, dir) ?? readTheProvince(text, at, dir);
  if (local) return local;
  const unknown = readUnknownAt(text, at, dir, mode);
  if (!unknown) return null;
  const f = unknown.found;
  return 'hit' in f ? { hits: [f.hit], unresolved: [], end: unknown.end } : { hits: [], unresolved: [f.unknown], end: unknown.end };
}

/** A list of agencies joined by ",", ";", "và" starting at `pos`. */
export function readAgencyList(text: string, pos: number, dir: AgencyScope, mode: ReadMode = 'prose'): AgencyList {
  const hits: AgencyHit[] = [];
  const unresolved: UnresolvedAgency[] = [];
  let end = pos;
  let cursor = pos;
  for (;;) {
    const one = readAgencyAt(text, cursor, dir, mode);
    if (!one) break;
    hits.push(...one.hits);
    unresolved.push(...one.unresolved);
    end = one.end;
    const sep = sticky(LIST_SEPARATOR, text, end);
    if (!sep) break;
    cursor = end + sep[0].length;
  }
  return { hits: dedupe(hits), unresolved: dedupeNames(unresolved), end };
}

export function dedupe(hits: AgencyHit[]): AgencyHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => (seen.has(h.code) ? false : (seen.add(h.code), true)));
}

export function dedupeNames(list: UnresolvedAgency[]): UnresolvedAgency[] {
  const seen = new Set<string>();
  return list.filter((u) => (seen.has(u.name) ? false : (seen.add(u.name), true)));
}
