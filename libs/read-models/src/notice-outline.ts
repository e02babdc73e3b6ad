/**
 * The structure of a source document, as far as its registration tells it. Read from the
 * NoticeRegistered event's data, every field optional (notices registered before the parser gave
 * them have none):
 *
 * - `data.kind`: the document kind, a parser code (`bao_cao`, `thong_bao_ket_luan`, `chi_thi`,
 *   `quyet_dinh`, `cong_van`, `cong_dien`, `ke_hoach`, `nghi_quyet`) or its Vietnamese name;
 * - `data.sections`: `[{ path: 'PL.I', title: 'Xây dựng, hoàn thiện thể chế …' }, …]`, in the
 *   document's order (`heading` is read where `title` is missing);
 * - `data.directives[i].path`: the directive's position as written (`PL.I.3`, `3.b.2`).
 *
 * Without them the appendix groups by notice and numbers the rows (appendix.model.ts).
 */
export interface NoticeSection {
  path: string;
  title: string;
}

export interface NoticeOutline {
  kind?: string;
  sections: NoticeSection[];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

export function noticeOutlineOf(data: unknown): NoticeOutline {
  const d = (data ?? {}) as { kind?: unknown; sections?: unknown };
  const sections = Array.isArray(d.sections)
    ? d.sections.flatMap((s: { path?: unknown; title?: unknown; heading?: unknown }) => {
        const path = text(s?.path);
        const title = text(s?.title) ?? text(s?.heading);
        return path && title ? [{ path, title }] : [];
      })
    : [];
  const kind = text(d.kind);
  return kind ? { kind, sections } : { sections };
}

const KIND_NAMES: Record<string, string> = {
  thong_bao_ket_luan: 'Thông báo',
  thong_bao: 'Thông báo',
  chi_thi: 'Chỉ thị',
  cong_dien: 'Công điện',
  cong_van: 'Công văn',
  bao_cao: 'Báo cáo',
  quyet_dinh: 'Quyết định',
  ke_hoach: 'Kế hoạch',
  nghi_quyet: 'Nghị quyết',
};

/** The type code in a document number ("10/BC-BTTTT" → BC), by the naming rules of Nghị định 30/2020/NĐ-CP. */
const NUMBER_CODES: Record<string, string> = {
  TB: 'Thông báo',
  CT: 'Chỉ thị',
  CĐ: 'Công điện',
  CD: 'Công điện',
  BC: 'Báo cáo',
  QĐ: 'Quyết định',
  QD: 'Quyết định',
  KH: 'Kế hoạch',
  NQ: 'Nghị quyết',
  TTr: 'Tờ trình',
  KL: 'Kết luận',
};

/**
 * "Báo cáo", "Thông báo"…: the registered kind when there is one, else the type code of the
 * number; a number without one ("6922/VP-KGVX": issuer and unit only) is a công văn.
 */
export function documentKindName(kind: string | undefined, number: string): string {
  if (kind && KIND_NAMES[kind]) return KIND_NAMES[kind];
  if (kind && kind !== 'unknown' && /\p{Lu}/u.test(kind[0])) return kind;
  const code = /^[^/]*\/([^-/\s]+)/u.exec(number.replace(/\s+/g, ''))?.[1];
  return (code && NUMBER_CODES[code.normalize('NFC')]) ?? 'Công văn';
}

/** The section a directive's path belongs to: the longest section path it starts with. */
export function sectionOf(path: string | undefined, sections: readonly NoticeSection[]): NoticeSection | undefined {
  if (!path) return undefined;
  let best: NoticeSection | undefined;
  for (const section of sections) {
    if (path.startsWith(`${section.path}.`) && (!best || section.path.length > best.path.length)) best = section;
  }
  return best;
}

/** "PL.I" → "I", "3.b" → "b": a section's label as the document prints it. */
export const sectionLabel = (section: NoticeSection): string => section.path.split('.').pop() ?? section.path;

/** The directive's position within its section, as written ("PL.I.3" in "PL.I" → "3"). */
export const pathWithin = (path: string, section: NoticeSection): string => path.slice(section.path.length + 1);
