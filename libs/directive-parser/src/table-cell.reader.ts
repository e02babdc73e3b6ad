import { dedupe, dedupeNames, readAgencyList } from './agency-reader';
import { AgencyHit } from './agency.port';
import { AgencyScope } from './document-scope';
import { UnresolvedAgency } from './directive.types';
import { describeUnknown } from './unknown-agency';

/** Cell text without the HTML the converters leave in cells ("<p>", "<ul style=…>"). */
export function cleanCell(raw: string): string {
  return raw
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const SEPARATOR = /\s*(?:[,;]|\s+và\s+|\s+với\s+)\s*/uy;
const FILLER = /^(?:các|và|với|cùng|;|,|\.|-|–)$/iu;

/**
 * Every agency of a "Cơ quan chủ trì" cell ("Bộ TTTT, Thông tấn xã Việt Nam; các bộ, ngành, địa
 * phương", "Sở Khoa học và Công nghệ; Văn phòng Ủy ban nhân dân tỉnh"): catalogue agencies, local
 * groups, and names outside the catalogue with their kind and probable parent.
 */
export function readAgencyCell(cell: string, dir: AgencyScope): { hits: AgencyHit[]; unresolved: UnresolvedAgency[] } {
  const hits: AgencyHit[] = [];
  const unresolved: UnresolvedAgency[] = [];
  let pos = 0;
  while (pos < cell.length) {
    const list = readAgencyList(cell, pos, dir, 'cell');
    if (list.hits.length || list.unresolved.length) {
      hits.push(...list.hits);
      unresolved.push(...list.unresolved);
      pos = list.end;
    } else {
      // Words no reader knows, up to the next separator: kept as a name rather than dropped.
      SEPARATOR.lastIndex = pos;
      let next = cell.length;
      for (let k = pos; k < cell.length; k += 1) {
        SEPARATOR.lastIndex = k;
        if (SEPARATOR.exec(cell)) {
          next = k;
          break;
        }
      }
      const words = cell
        .slice(pos, next)
        .trim()
        .replace(/^(?:và|các)\s+/iu, '');
      if (/\p{L}{2,}/u.test(words) && !FILLER.test(words)) {
        const found = describeUnknown(words, dir);
        if ('hit' in found) hits.push(found.hit);
        else unresolved.push(found.unknown);
      }
      pos = next === pos ? pos + 1 : next;
    }
    SEPARATOR.lastIndex = pos;
    const sep = SEPARATOR.exec(cell);
    if (sep) pos += sep[0].length;
    else if (pos < cell.length && /\s/u.test(cell[pos])) pos += 1;
  }
  return { hits: dedupe(hits), unresolved: dedupeNames(unresolved) };
}
