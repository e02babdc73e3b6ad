import { AgencyHit } from './agency.port';
import { AgencyList, AgencyScope, ministryOf, provinceOf } from './document-scope';

/**
 * Groups of a province or a ministry that the central catalogue has no members for: "Các sở, ban,
 * ngành", "Ủy ban nhân dân các xã, phường", "Các đơn vị thuộc Bộ". Written with the canonical
 * phrase of gold/RULES.md; when the catalogue holds the parent's units, they fan out into them.
 */
interface LocalGroup {
  re: RegExp;
  name: (m: RegExpExecArray) => string;
  unitTypes: string[];
}

const PROVINCE_GROUPS: LocalGroup[] = [
  {
    re: /(?:các|Các)\s+sở,\s*ban,\s*ngành(?:,\s*đoàn thể)?(?:\s+(?:tỉnh|thành phố|thuộc tỉnh|của tỉnh|thuộc Ủy ban nhân dân tỉnh))?(?![\p{L}])/uy,
    name: () => 'Các sở, ban, ngành',
    unitTypes: ['department', 'provincial_unit'],
  },
  {
    re: /(?:các|Các)\s+sở,\s*ngành(?:\s+(?:tỉnh|thành phố))?(?!\s+(?:có\s+)?liên quan)(?![\p{L}])/uy,
    name: () => 'Các sở, ban, ngành',
    unitTypes: ['department', 'provincial_unit'],
  },
  {
    re: /(?:Ủy ban nhân dân|UBND)\s+các\s+(?:xã,\s*phường|phường,\s*xã)(?:,\s*(thị trấn|đặc khu))?(?!\s*:)(?![\p{L}])/uy,
    name: (m) => `Ủy ban nhân dân các xã, phường${m[1] ? `, ${m[1]}` : ''}`,
    unitTypes: ['commune'],
  },
  {
    re: /(?:Ủy ban nhân dân|UBND)\s+các\s+(?:quận,\s*)?huyện,\s*(?:thị xã,\s*)?(?:thành phố|thị xã)(?:,\s*thị xã)?(?:\s+thuộc tỉnh)?(?!\s*:)(?![\p{L}])/uy,
    name: () => 'Ủy ban nhân dân các huyện, thị xã, thành phố',
    unitTypes: ['district'],
  },
];

/** "Các (Vụ, Cục,) đơn vị thuộc (và trực thuộc) Bộ / Ngân hàng Nhà nước …": a ministry's own units. */
const UNITS_OF = /(?:các|Các)\s+(?:Vụ,\s*Cục,\s*|cơ quan,\s*)?đơn vị\s+(?:thuộc(?:\s+và\s+trực thuộc)?|trực thuộc)\s+/uy;

function group(name: string, parent: AgencyHit | null, unitTypes: string[], end: number, dir: AgencyScope): AgencyList {
  const members = parent ? dir.unitsOf(parent.code).filter((u) => u.unitType !== undefined && unitTypes.includes(u.unitType)) : [];
  if (members.length) return { hits: members.map((u) => ({ code: u.code, name: u.name })), unresolved: [], end };
  return { hits: [], unresolved: [{ name, kind: 'local_group', probableParent: parent, fanout: true }], end };
}

function readUnitsOf(text: string, pos: number, dir: AgencyScope): AgencyList | null {
  UNITS_OF.lastIndex = pos;
  const m = UNITS_OF.exec(text);
  if (!m) return null;
  const at = pos + m[0].length;
  const named = dir.mentionAtStart(text.slice(at, at + 80));
  const bare = /^Bộ(?![\p{L}])(?!\s+\p{Lu})/u.exec(text.slice(at));
  if (!named && !bare) return null;
  const end = at + (named ? named.end : 2);
  const isMinistry = !named || dir.describe(named.code)?.kind === 'ministry';
  const parent = named && !dir.isGroup(named.code) ? { code: named.code, name: named.name } : ministryOf(dir.scope);
  return group(isMinistry ? 'Các đơn vị thuộc Bộ' : `Các đơn vị thuộc ${text.slice(at, end)}`, parent, ['ministry_unit'], end, dir);
}

/** The local group named at `pos`: its parent's units when the catalogue has them, else one unresolved group. */
export function readLocalGroup(text: string, pos: number, dir: AgencyScope): AgencyList | null {
  for (const g of PROVINCE_GROUPS) {
    g.re.lastIndex = pos;
    const m = g.re.exec(text);
    if (m) return group(g.name(m), provinceOf(dir.scope), g.unitTypes, pos + m[0].length, dir);
  }
  return readUnitsOf(text, pos, dir);
}
