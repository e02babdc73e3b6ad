import { AgencyHit } from './agency.port';
import { AgencyScope, ministryOf, provinceOf } from './document-scope';
import { AgencyRef, UnresolvedAgency, UnresolvedAgencyKind } from './directive.types';
import { startsWithActionVerb } from './owner-phrases';

/**
 * Agencies the central catalogue does not hold (a province's Sở and communes, a ministry's Cục and
 * Vụ, a state corporation): the name is read up to the verb that follows it, expanded, classified,
 * and given its probable parent, so the preview can map it or add it as a unit (issue 12).
 */

/** Head nouns of such names; the next word must be capitalised or a level word ("Công an tỉnh"). */
const HEAD =
  /^(?:(?:Ủy ban nhân dân|UBND) các (?:tỉnh|thành phố)|(?:Ủy ban nhân dân|UBND|Sở|Vụ|Cục|Tổng cục|Chi cục|Văn phòng|Thanh tra|Công an|Bộ Chỉ huy|Bộ đội Biên phòng|Ban|Tập đoàn|Tổng công ty|Công ty|Kho bạc|Bảo hiểm xã hội|Đài|Viện|Học viện|Trung tâm|Trường|Cơ quan|Hội đồng|Tỉnh đoàn|Bệnh viện|Quỹ)(?=\s+(?:\p{Lu}|tỉnh\b|huyện\b|xã(?![\p{L}])|phường\b|quận\b|thị xã(?![\p{L}])|thị trấn\b|thành phố\b|đặc khu\b)|\s*$))/u;

/** A group of provinces narrowed by a qualifier ("Ủy ban nhân dân các tỉnh miền núi phía Bắc"): kept as written. */
export const NARROWED_PROVINCES =
  /(?:Ủy ban nhân dân|UBND)\s+các\s+(?:tỉnh,\s*thành phố|tỉnh|thành phố)(?:\s+trực thuộc Trung ương)?\s+(?:từ|ven|miền|vùng|khu vực|phía|thuộc|bị|Tây|Đồng|Đông|Bắc|Nam|Trung|biên giới)(?![\p{L}])/uy;

/** Words that open a predicate: the subject's name ends before them ("Cục Thuế chủ trì, …"). */
const STRONG_STOP =
  /^(?:chủ trì|phối hợp|khẩn trương|tập trung|tiếp tục|chủ động|có trách nhiệm|chịu trách nhiệm|là|làm đầu mối|cần|theo chức năng|căn cứ|nghiêm túc|quyết liệt|phải|được|đã|đang|sẽ|nêu trên)(?![\p{L}])/u;

const SORTS: Array<[RegExp, UnresolvedAgencyKind]> = [
  [/^Ủy ban nhân dân các\s/u, 'local_group'],
  [/^Ủy ban nhân dân (?:xã|phường|thị trấn|đặc khu)\s/u, 'commune_committee'],
  [/^Ủy ban nhân dân (?:huyện|quận|thị xã|thành phố)\s/u, 'district_committee'],
  [/^Sở\s/u, 'department'],
  // A limited or joint-stock company is a business of any owner: nothing says it is the State's.
  [/^Công ty (?:TNHH|trách nhiệm hữu hạn|cổ phần|CP)(?![\p{L}])/iu, 'other'],
  [/^(?:Tập đoàn|Tổng công ty|Công ty)\s/u, 'state_enterprise'],
  [/\stỉnh$|^(?:Văn phòng Ủy ban nhân dân|Công an tỉnh|Bộ Chỉ huy|Bộ đội Biên phòng|Tỉnh đoàn|Đài Phát thanh)/u, 'provincial_unit'],
  [/^(?:Vụ|Cục|Tổng cục|Văn phòng Bộ|Thanh tra Bộ)(?:\s|$)/u, 'ministry_unit'],
];

/** Abbreviations of Sở names and levels, expanded as gold/RULES.md writes them. */
const EXPANSIONS: Array<[RegExp, string]> = [
  [/^UBND(?![\p{L}])/u, 'Ủy ban nhân dân'],
  [/(?<![\p{L}])TP\.?\s*/u, 'thành phố '],
  [/^Sở (?:TN ?& ?MT|TNMT)(?![\p{L}])/u, 'Sở Tài nguyên và Môi trường'],
  [/^Sở (?:KH ?& ?ĐT|KHĐT)(?![\p{L}])/u, 'Sở Kế hoạch và Đầu tư'],
  [/^Sở (?:GD ?& ?ĐT|GDĐT)(?![\p{L}])/u, 'Sở Giáo dục và Đào tạo'],
  [/^Sở NN ?& ?PTNT(?![\p{L}])/u, 'Sở Nông nghiệp và Phát triển nông thôn'],
  [/^Sở (?:NN ?& ?MT|NNMT)(?![\p{L}])/u, 'Sở Nông nghiệp và Môi trường'],
  [/^Sở (?:KH ?& ?CN|KHCN)(?![\p{L}])/u, 'Sở Khoa học và Công nghệ'],
  [/^Sở (?:TT ?& ?TT|TTTT)(?![\p{L}])/u, 'Sở Thông tin và Truyền thông'],
  [/^Sở LĐ-?TB ?& ?XH(?![\p{L}])/u, 'Sở Lao động - Thương binh và Xã hội'],
  [/^Sở (?:VH,? ?TT ?& ?DL|VHTTDL)(?![\p{L}])/u, 'Sở Văn hóa, Thể thao và Du lịch'],
  [/^Sở GTVT(?![\p{L}])/u, 'Sở Giao thông vận tải'],
];

/** Where a name is read: running text (a predicate follows), a heading (it may end the text), a table cell (names only). */
export type ReadMode = 'prose' | 'heading' | 'cell';

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsOf(text: string, pos: number, limit: number): Word[] {
  const out: Word[] = [];
  const re = /\S+/gu;
  re.lastIndex = pos;
  for (let m = re.exec(text); m && out.length < limit; m = re.exec(text))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const TERMINAL = /[:;.]$/u;
const LOWER = /^\p{Ll}/u;

/** Another name follows: "Sở Tài chính, Sở Xây dựng …", "Sở A và Sở B". */
function listGoesOn(words: Word[], i: number): boolean {
  const after = (k: number) =>
    words
      .slice(k, k + 3)
      .map((w) => w.text)
      .join(' ');
  if (words[i].text === 'và') return HEAD.test(after(i + 1));
  return /,$/u.test(words[i - 1].text) && HEAD.test(after(i));
}

/**
 * How many words the name that opens `words` has (0: none). It ends at a colon, a semicolon, a
 * parenthesis or another name of a list, else before its predicate: a verb that opens predicates
 * ("chủ trì", "có trách nhiệm") when no comma stands between it and an earlier action verb (names
 * hold lower-case verbs: "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính"), else the
 * first action verb.
 */
function nameLength(words: Word[], text: string, mode: ReadMode): number {
  let strong = -1;
  let generic = -1;
  let boundary = -1;
  const limit = Math.min(words.length, 21);
  for (let i = 1; i < limit; i += 1) {
    if (TERMINAL.test(words[i - 1].text) && !/\.\p{L}/u.test(words[i - 1].text)) {
      boundary = i;
      break;
    }
    if (words[i].text.startsWith('(') || listGoesOn(words, i)) {
      boundary = i;
      break;
    }
    // A subject is not followed by a comma and then its verb: "Cơ quan Thanh tra, giám sát ngân hàng";
    // a table cell holds names only.
    if (mode === 'cell' || !LOWER.test(words[i].text) || words[i - 1].text.endsWith(',')) continue;
    // A heading names an owner and stops: only a verb that opens a predicate ends its name there.
    if (mode === 'heading' && !STRONG_STOP.test(text.slice(words[i].start, words[i].start + 60))) continue;
    const rest = text.slice(words[i].start, words[i].start + 60);
    if (strong < 0 && STRONG_STOP.test(rest)) strong = i;
    if (generic < 0 && startsWithActionVerb(rest)) generic = i;
    if (strong >= 0) break;
  }
  if (boundary < 0 && strong < 0 && generic < 0 && TERMINAL.test(words[limit - 1]?.text ?? '')) boundary = limit;
  if (strong >= 0 && generic >= 0 && generic < strong) {
    const between = words.slice(generic, strong).some((w) => w.text.endsWith(','));
    return between || strong > 13 ? generic : strong;
  }
  if (generic >= 0) return generic;
  if (strong >= 0) return strong;
  if (boundary > 0) return boundary;
  return mode === 'prose' ? 0 : words.length;
}

function expand(name: string): string {
  let out = name;
  for (const [re, full] of EXPANSIONS) out = out.replace(re, full);
  return out.replace(/\s+/gu, ' ').trim();
}

function kindOf(name: string, scope: AgencyScope['scope']): UnresolvedAgencyKind {
  for (const [re, kind] of SORTS) if (re.test(name)) return kind;
  if (scope.level === 'ministry') return 'ministry_unit';
  if (scope.level === 'province') return 'provincial_unit';
  return 'other';
}

const TO_ASCII: Record<string, string> = { đ: 'd', Đ: 'D' };

/** "Sở Tài chính" under LCU → LCU_STC: initials of the words, ASCII, for the "add as a unit" step. */
export function proposedCode(parent: string, name: string): string {
  const initials = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, (c) => TO_ASCII[c])
    .split(/[\s,&-]+/u)
    .filter((w) => w && w.toLowerCase() !== 'va')
    .map((w) => w[0].toUpperCase())
    .join('')
    .replace(/[^A-Z0-9]/gu, '');
  return `${parent}_${initials}`.slice(0, 40);
}

/** A named agency outside the catalogue: its kind, its probable parent, a unit of that parent if the catalogue has it. */
export function describeUnknown(raw: string, dir: AgencyScope): { hit: AgencyHit } | { unknown: UnresolvedAgency } {
  let name = expand(raw.replace(/\s*\([^)]*\)\s*/gu, ' ').replace(/[\s,;:.]+$/u, ''));
  const kind = kindOf(name, dir.scope);
  // "Sở Y tế tỉnh Lai Châu", "Văn phòng Ngân hàng Nhà nước": the name says whose it is.
  // (a company's name may hold a place: "Công ty … Hòa Bình" belongs to no province).
  const named = kind === 'state_enterprise' || kind === 'other' ? [] : dir.findMentions(name).filter((m) => m.start > 0);
  let parent: AgencyRef | null = named.length ? { code: named[named.length - 1].code, name: named[named.length - 1].name } : null;
  if (parent && (kind === 'department' || kind === 'district_committee' || kind === 'commune_committee')) {
    const at = named[named.length - 1].start;
    name = name.slice(0, at).replace(/[\s,]*(?:tỉnh|thành phố)?\s*$/u, '');
  }
  if (kind === 'local_group') return { unknown: { name, kind, probableParent: null, fanout: true } };
  if (!parent) {
    const local =
      kind === 'ministry_unit' ? ministryOf(dir.scope) : kind === 'state_enterprise' || kind === 'other' ? null : provinceOf(dir.scope);
    parent = local ? { code: local.code, name: local.name } : null;
  }
  const unit = parent ? dir.unitAt(parent.code, name) : null;
  if (unit && unit.length >= name.length - 1) return { hit: unit.hit };
  const unknown: UnresolvedAgency = { name, kind, probableParent: parent };
  if (parent) unknown.proposedUnit = { parent: parent.code, code: proposedCode(parent.code, name), name };
  return { unknown };
}

/**
 * The agency name outside the catalogue that starts at `pos`, up to its predicate. A heading's name
 * may run to the end of the text; a table cell holds names only, so verbs do not end them.
 */
export function readUnknownAt(
  text: string,
  pos: number,
  dir: AgencyScope,
  mode: ReadMode = 'prose',
): { end: number; found: ReturnType<typeof describeUnknown> } | null {
  if (!HEAD.test(text.slice(pos, pos + 40))) return null;
  const words = wordsOf(text, pos, 24);
  const n = nameLength(words, text, mode);
  if (n === 0) return null;
  const end = words[n - 1].end - (/[,;:.]$/u.test(words[n - 1].text) && !/\.\w/u.test(words[n - 1].text) ? 1 : 0);
  const raw = text.slice(pos, end);
  if (!/\s/u.test(raw.trim())) return null;
  return { end, found: describeUnknown(raw, dir) };
}
