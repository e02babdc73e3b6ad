import { readAgencyList } from './agency-reader';
import { AgencyDirectory, AgencyHit } from './agency.port';
import { NoticeHeader, NoticeKind, UnresolvedAgency } from './directive.types';
import { AgencyList, DocumentScope, NO_SCOPE, levelOf, scoped } from './document-scope';
import { formerIssuerNote } from './messages.vi';
import { Paragraph, isAllCaps } from './paragraph.reader';

const NUMBER = /(?:^|\s)Số\s*:\s*([^\s].*?)(?:\s{2,}|$)/u;
const DATE_LINE = /,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const DOC_TYPE: Array<[RegExp, NoticeKind]> = [
  [/^THÔNG BÁO\b/u, 'thong_bao_ket_luan'],
  [/^CHỈ THỊ(?![\p{L}])/u, 'chi_thi'],
  [/^CÔNG ĐIỆN\b/u, 'cong_dien'],
  [/^BÁO CÁO\b/u, 'bao_cao'],
  [/^QUYẾT ĐỊNH\b(?!\s*:)/u, 'quyet_dinh'],
  [/^KẾ HOẠCH\b/u, 'ke_hoach'],
  [/^NGHỊ QUYẾT\b/u, 'nghi_quyet'],
];
const NUMBER_KIND: Array<[RegExp, NoticeKind]> = [
  [/\/TB-/u, 'thong_bao_ket_luan'],
  [/\/CT-/u, 'chi_thi'],
  [/\/CĐ-/u, 'cong_dien'],
  [/\/BC-/u, 'bao_cao'],
  [/\/QĐ-/u, 'quyet_dinh'],
  [/\/KH-/u, 'ke_hoach'],
  [/\/NQ-/u, 'nghi_quyet'],
];
const LEADER =
  /Kết luận của\s+((?:Phó\s+)?Thủ tướng(?:\s+Chính phủ)?(?:\s+[\p{Lu}][\p{Ll}]*){2,4}|Chủ tịch[^,.]{0,60}?(?:\s+[\p{Lu}][\p{Ll}]*){2,4}|Bộ trưởng(?:\s+[\p{Lu}][\p{Ll}]*){2,4})(?=\s|$|,)/u;
const HEADER_NOISE = /^(?:CỘNG H[OÒ]A|Độc lập|[-–_=\s]+$|Kính gửi)/u;
/** The issuing line "THỦ TƯỚNG CHÍNH PHỦ": no agency of the catalogue, the head of the Government. */
const PRIME_MINISTER = /^THỦ TƯỚNG(?: CHÍNH PHỦ)?$/u;
/** "UBND TỈNH KIÊN GIANG / VĂN PHÒNG": the office of the body named above it. */
const OFFICE = /\sVĂN PHÒNG$/u;
const ADDRESSEES = /^(?:Kính gửi\s*:?|[\p{Lu}\s,.]{4,}\sđiện\s*:)\s*(.*)$/u;

function cleanNumber(raw: string): string | null {
  const n = raw.replace(/\s+/g, '');
  return /\d/.test(n) ? n : null;
}

function normalizeSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function titleCase(caps: string): string {
  const lower = caps.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

interface Issuer {
  /** As in force on the issue date ("Văn phòng Ủy ban nhân dân tỉnh Kiên Giang"). */
  name: string;
  agency: AgencyHit | null;
  notes: string[];
}

function fromHit(hit: AgencyHit, office: boolean): Issuer {
  const asOfIssue = hit.former ? hit.former.name : hit.name;
  const name = office ? `Văn phòng ${asOfIssue}` : asOfIssue;
  const notes = hit.former ? [formerIssuerNote(name, hit.former.since, hit.name)] : [];
  return { name, agency: { code: hit.code, name: hit.name }, notes };
}

/** Issuer: the caps agency line at the top, the signature's caps line, the number's suffix, or "X thông báo để …". */
const SIGNATURE_AGENCY = /^(?:BỘ|ỦY BAN|UBND|VĂN PHÒNG|NGÂN HÀNG|THANH TRA)\s/u;

function findIssuer(head: Paragraph[], all: Paragraph[], number: string | null, dir: AgencyDirectory): Issuer | null {
  for (const p of head) {
    const first = p.text
      .split(/\s{2,}/)[0]
      .replace(/\s*[-–_=]{3,}\s*/gu, ' ')
      .trim();
    if (!isAllCaps(first) || HEADER_NOISE.test(first)) continue;
    if (PRIME_MINISTER.test(first)) return { name: 'Thủ tướng Chính phủ', agency: null, notes: [] };
    const office = OFFICE.test(first);
    const hit = dir.resolveName(titleCase(first.replace(OFFICE, '')));
    if (hit && !dir.isGroup(hit.code)) return fromHit(hit, office);
  }
  const suffix = number ? /\/(?:[A-ZĐ]+-)?([A-ZĐ&]{2,})(?:-|$)/u.exec(number) : null;
  const bySuffix = suffix ? dir.resolveName(suffix[1]) : null;
  if (bySuffix && !dir.isGroup(bySuffix.code)) return fromHit(bySuffix, false);
  // The signature block's caps line ("BỘ THÔNG TIN VÀ TRUYỀN THÔNG") when the top has none.
  for (let i = all.length - 1; i >= 0; i -= 1) {
    const pieces = all[i].pieces;
    for (let j = pieces.length - 1; j >= 0; j -= 1) {
      const t = pieces[j].text.trim();
      if (t.length > 80 || !SIGNATURE_AGENCY.test(t) || !isAllCaps(t)) continue;
      const hit = dir.resolveName(titleCase(t));
      if (hit && !dir.isGroup(hit.code) && normalizeSpaces(titleCase(t)).length <= hit.name.length + 12) return fromHit(hit, false);
    }
  }
  for (const p of all) {
    if (!p.text.includes('thông báo')) continue;
    const m = /^(.{3,80}?)\s+thông báo (?:để|cho)\s/u.exec(p.text);
    const hit = m ? dir.resolveName(m[1]) : null;
    if (hit) return fromHit(hit, false);
  }
  return null;
}

function findKind(head: Paragraph[], number: string | null): NoticeKind {
  for (const p of head) for (const [re, kind] of DOC_TYPE) if (re.test(p.text)) return kind;
  for (const [re, kind] of NUMBER_KIND) if (number && re.test(number)) return kind;
  if (head.some((p) => p.pieces.some((x) => /^V\/v\b/u.test(x.text))) || (number && /\/[A-ZĐ]+-[A-ZĐ]/u.test(number))) return 'cong_van';
  return 'unknown';
}

/** The title: the paragraphs after the document type line, or the "V/v …" lines of a Công văn. */
function findTitle(head: Paragraph[]): string | null {
  for (const p of head) {
    const at = p.pieces.findIndex((x) => /^V\/v\b/u.test(x.text));
    if (at < 0) continue;
    const lines: string[] = [];
    for (const piece of p.pieces.slice(at)) {
      if (lines.length && (DATE_LINE.test(piece.text) || /^Kính gửi/u.test(piece.text))) break;
      lines.push(piece.text.trim());
    }
    return lines
      .join(' ')
      .replace(/^V\/v\s*/u, '')
      .trim();
  }
  for (let i = 0; i < head.length; i += 1) {
    const type = DOC_TYPE.find(([re]) => re.test(head[i].text));
    if (!type) continue;
    const parts = [head[i].text.replace(type[0], '').trim()].filter(Boolean);
    for (let j = i + 1; j < head.length; j += 1) {
      const t = head[j].text.trim();
      if (/^(?:[-–_=*]+|\(.*\)|Kính gửi|Số\s*:)/u.test(t) || ADDRESSEES.test(t) || PRIME_MINISTER.test(t)) break;
      if (parts.length && isAllCaps(t) && !isAllCaps(parts[parts.length - 1])) break;
      // A sentence is body text, not the title's next line.
      if (parts.length && !/^[\p{Ll}(]/u.test(t) && (/[.;:]$/u.test(parts[parts.length - 1]) || /[.;]$/u.test(t))) break;
      parts.push(t);
    }
    return parts.length ? parts.join(' ') : null;
  }
  return null;
}

const SIGNER_NAME = /^(?:[\p{Lu}][\p{Ll}]*\s?){2,5}$/u;

/**
 * The signer: the name under the first caps signature title after the body (a document may carry
 * an attachment with its own signature: seed 002 forwards a ministry's report), else the last one.
 */
function findSigner(all: Paragraph[], bodyEnd: number): string | null {
  const isTitle = (p: Paragraph) => /(?:TRƯỞNG|TỊCH|NHIỆM|TƯỚNG|ĐỐC|PHÒNG)/u.test(p.text) && isAllCaps(p.text);
  for (let i = bodyEnd; i < all.length - 1; i += 1) {
    if (isTitle(all[i]) && SIGNER_NAME.test(all[i + 1].text.trim())) return all[i + 1].text.trim();
  }
  for (let i = all.length - 2; i >= 0; i -= 1) {
    if (isTitle(all[i]) && SIGNER_NAME.test(all[i + 1].text.trim())) return all[i + 1].text.trim();
  }
  return null;
}

/** The "Kính gửi:" or "… điện:" list: each "-" line (or the rest of the line) read as agencies. */
function readAddressees(head: Paragraph[], scope: DocumentScope, dir: AgencyDirectory): AgencyList | null {
  const reader = scoped(dir, scope);
  const hits: AgencyHit[] = [];
  const unresolved: UnresolvedAgency[] = [];
  let open = false;
  for (const p of head) {
    const t = p.text.trim();
    const m = ADDRESSEES.exec(t);
    const items: string[] | null = m ? [m[1]] : open && /^[-–•+]\s*/u.test(t) ? [t.replace(/^[-–•+]\s*/u, '')] : null;
    open = m !== null || (open && items !== null);
    for (const item of (items ?? []).flatMap((x: string) => x.split(/;\s*/u))) {
      const text = item.replace(/^(?:Tổng Giám đốc|Giám đốc|Chủ tịch|Thủ trưởng)\s*:\s*/u, '').trim();
      if (!text) continue;
      const list = readAgencyList(text, 0, reader, 'cell');
      hits.push(...list.hits);
      unresolved.push(...list.unresolved);
    }
  }
  return hits.length || unresolved.length ? { hits, unresolved, end: 0 } : null;
}

const PROVINCE_KINDS = new Set(['province', 'city']);

/** The notice's fields, and the scope its body's agency names are read in. */
export function readNoticeHeader(
  head: Paragraph[],
  all: Paragraph[],
  dir: AgencyDirectory,
  issuedAt: string | null,
  bodyEnd = 0,
): { notice: NoticeHeader; scope: DocumentScope } {
  const numberMatch = head.flatMap((p) => p.pieces.map((x) => NUMBER.exec(x.text))).find((m) => m);
  const number = numberMatch ? cleanNumber(numberMatch[1]) : null;
  const dateMatch = head.map((p) => DATE_LINE.exec(p.text)).find((m) => m);
  const title = findTitle(head);
  const leaderMatch = title ? LEADER.exec(title) : null;
  const issuer = findIssuer(head, all, number, dir);
  const home = issuer?.agency ? dir.describe(issuer.agency.code) : null;
  const base: DocumentScope = { ...NO_SCOPE, home, level: levelOf(home) };
  const addressees = readAddressees(head, base, dir);
  // The province a central notice or letter is about: named in its title, or its only addressee.
  const inTitle = title ? dir.findMentions(title).find((m) => PROVINCE_KINDS.has(dir.describe(m.code)?.kind ?? '')) : undefined;
  const onlyProvince = addressees?.hits.filter((h) => PROVINCE_KINDS.has(dir.describe(h.code)?.kind ?? ''));
  const focal = inTitle ? { code: inTitle.code, name: inTitle.name } : onlyProvince?.length === 1 ? onlyProvince[0] : null;
  const notice: NoticeHeader = {
    number,
    issuedAt: issuedAt ?? (dateMatch ? `${dateMatch[3]}-${dateMatch[2].padStart(2, '0')}-${dateMatch[1].padStart(2, '0')}` : null),
    kind: findKind(head, number),
    issuer: issuer?.name ?? null,
    leader: leaderMatch ? leaderMatch[1].trim() : findSigner(all, bodyEnd),
    title,
    issuerAgency: issuer?.agency ?? null,
  };
  if (issuer?.notes.length) notice.notes = issuer.notes;
  return { notice, scope: { ...base, focal, addressees } };
}
