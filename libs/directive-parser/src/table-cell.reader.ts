import { AgencyDirectory, AgencyHit } from './agency.port';
import { dedupe } from './owner.resolver';

/** Cell text without the HTML the converters leave in cells ("<p>", "<ul style=…>"). */
export function cleanCell(raw: string): string {
  return raw
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const FILLER = /^(?:các|và|với|cùng|;|,|\.|-|–)$/iu;

/**
 * Every agency of a "Cơ quan chủ trì" cell ("Bộ TTTT, Thông tấn xã Việt Nam; các bộ, ngành, địa
 * phương"); the words no catalogue name covers are returned as unresolved names.
 */
export function readAgencyCell(cell: string, dir: AgencyDirectory): { hits: AgencyHit[]; unresolved: string[] } {
  const mentions = [...dir.findMentions(cell)].sort((a, b) => a.start - b.start || b.end - a.end);
  const hits: AgencyHit[] = [];
  const gaps: string[] = [];
  let pos = 0;
  for (const m of mentions) {
    if (m.start < pos) continue;
    gaps.push(cell.slice(pos, m.start));
    const parts = dir.splitGroup(m.code);
    hits.push(...(parts.length ? parts : [{ code: m.code, name: m.name, via: m.via }]));
    pos = m.end;
  }
  gaps.push(cell.slice(pos));
  const unresolved = gaps
    .flatMap((g) => g.split(/[,;]|\s+và\s+/u))
    .map((s) => s.trim().replace(/^(?:và|các)\s+/iu, ''))
    .filter((s) => /\p{L}{2,}/u.test(s) && !FILLER.test(s));
  return { hits: dedupe(hits), unresolved };
}
