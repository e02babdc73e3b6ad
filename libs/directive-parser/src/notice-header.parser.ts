import { AgencyDirectory } from './agency.port';
import { NoticeHeader, NoticeKind } from './directive.types';
import { Paragraph, isAllCaps } from './paragraph.reader';

const NUMBER = /(?:^|\s)Số\s*:\s*([^\s].*?)(?:\s{2,}|$)/u;
const DATE_LINE = /,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const DOC_TYPE: Array<[RegExp, NoticeKind]> = [
  [/^THÔNG BÁO\b/u, 'thong_bao_ket_luan'],
  [/^CHỈ THỊ\b/u, 'chi_thi'],
  [/^BÁO CÁO\b/u, 'bao_cao'],
  [/^QUYẾT ĐỊNH\b/u, 'quyet_dinh'],
  [/^KẾ HOẠCH\b/u, 'ke_hoach'],
  [/^NGHỊ QUYẾT\b/u, 'nghi_quyet'],
];
const NUMBER_KIND: Array<[RegExp, NoticeKind]> = [
  [/\/TB-/u, 'thong_bao_ket_luan'],
  [/\/CT-/u, 'chi_thi'],
  [/\/BC-/u, 'bao_cao'],
  [/\/QĐ-/u, 'quyet_dinh'],
  [/\/KH-/u, 'ke_hoach'],
  [/\/NQ-/u, 'nghi_quyet'],
];
const LEADER = /Kết luận của\s+((?:Phó\s+)?Thủ tướng(?:\s+Chính phủ)?(?:\s+[\p{Lu}][\p{Ll}]*){2,4}|Chủ tịch[^,.]{0,60}?(?:\s+[\p{Lu}][\p{Ll}]*){2,4})(?=\s|$|,)/u;
const HEADER_NOISE = /^(?:CỘNG H[OÒ]A|Độc lập|[-–_=\s]+$|Kính gửi)/u;

function cleanNumber(raw: string): string | null {
  const n = raw.replace(/\s+/g, '');
  return /\d/.test(n) ? n : null;
}

function localDateOf(m: RegExpExecArray): string {
  return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

/** Issuer: the caps agency line at the top ("VĂN PHÒNG CHÍNH PHỦ"), or "X thông báo để …" at the end. */
function findIssuer(head: Paragraph[], all: Paragraph[], dir: AgencyDirectory): string | null {
  for (const p of head) {
    const first = p.text.split(/\s{2,}/)[0].trim();
    if (!isAllCaps(first) || HEADER_NOISE.test(first)) continue;
    const hit = dir.resolveName(titleCase(first));
    if (hit) return hit.name;
  }
  for (const p of all) {
    if (!p.text.includes('thông báo')) continue;
    const m = /^(.{3,80}?)\s+thông báo (?:để|cho)\s/u.exec(p.text);
    const hit = m ? dir.resolveName(m[1]) : null;
    if (hit) return hit.name;
  }
  return null;
}

function titleCase(caps: string): string {
  const lower = caps.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function findKind(head: Paragraph[], number: string | null, title: string | null): NoticeKind {
  for (const p of head) {
    for (const [re, kind] of DOC_TYPE) {
      if (!re.test(p.text)) continue;
      if (kind === 'thong_bao_ket_luan' && title && !/kết luận/iu.test(title)) return 'thong_bao_ket_luan';
      return kind;
    }
  }
  for (const [re, kind] of NUMBER_KIND) if (number && re.test(number)) return kind;
  if (head.some((p) => /^V\/v\b/u.test(p.text)) || (number && /\/[A-ZĐ]+-[A-ZĐ]/u.test(number))) return 'cong_van';
  return 'unknown';
}

/** The title: the paragraph after the document type line, or the "V/v …" line of a Công văn. */
function findTitle(head: Paragraph[]): string | null {
  const vv = head.flatMap((p) => p.pieces).find((x) => /^V\/v\b/u.test(x.text));
  if (vv) return vv.text.replace(/^V\/v\s*/u, '').trim();
  for (let i = 0; i < head.length; i += 1) {
    if (DOC_TYPE.some(([re]) => re.test(head[i].text))) {
      const rest = head[i].text.replace(DOC_TYPE.find(([re]) => re.test(head[i].text))![0], '').trim();
      if (rest) return rest;
      const next = head[i + 1];
      return next ? next.text.trim() : null;
    }
  }
  return null;
}

/** The signer: the name under the last caps signature title. */
function findSigner(all: Paragraph[]): string | null {
  for (let i = all.length - 2; i >= 0; i -= 1) {
    if (/(?:TRƯỞNG|TỊCH|NHIỆM|TƯỚNG|ĐỐC)/u.test(all[i].text) && isAllCaps(all[i].text)) {
      const name = all[i + 1].text.trim();
      if (/^(?:[\p{Lu}][\p{Ll}]*\s?){2,5}$/u.test(name)) return name;
    }
  }
  return null;
}

export function readNoticeHeader(head: Paragraph[], all: Paragraph[], dir: AgencyDirectory, issuedAt: string | null): NoticeHeader {
  const numberMatch = head.flatMap((p) => p.pieces.map((x) => NUMBER.exec(x.text))).find((m) => m);
  const number = numberMatch ? cleanNumber(numberMatch[1]) : null;
  const dateMatch = head.map((p) => DATE_LINE.exec(p.text)).find((m) => m);
  const title = findTitle(head);
  const leaderMatch = title ? LEADER.exec(title) : null;
  return {
    number,
    issuedAt: issuedAt ?? (dateMatch ? localDateOf(dateMatch) : null),
    kind: findKind(head, number, title),
    issuer: findIssuer(head, all, dir),
    leader: leaderMatch ? leaderMatch[1].trim() : findSigner(all),
    title,
  };
}
