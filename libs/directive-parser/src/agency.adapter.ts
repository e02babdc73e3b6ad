import { AgencyCatalogue, ResolvedAgency, normalizeVietnamese } from '@tdnv/agencies';
import { AgencyDirectory, AgencyHit } from './agency.port';

/** The pair of groups gold/RULES.md writes for "các Bộ, ngành, địa phương" (G1 + G2). */
const COMBINED_GROUP = 'ALL_MINISTRIES_AND_PROVINCES';

function toHit(r: ResolvedAgency): AgencyHit {
  const hit: AgencyHit = { code: r.code, name: r.name };
  if (r.via) hit.via = `"${r.via.formerName}" is a former name; ${r.name} took over on ${r.via.since}`;
  return hit;
}

const FIRST_WORD = /^[\p{L}\p{N}&]+/u;

/** First words of every name and alias (diacritics-blind), plus the mechanical UBND variants. */
function firstWords(catalogue: AgencyCatalogue): Set<string> {
  const names = [
    ...catalogue.all().flatMap((a) => [a.name, a.shortName, a.placeName ?? '', ...a.aliases]),
    ...catalogue.predecessors().flatMap((p) => [p.name, p.shortName, ...p.aliases]),
    ...catalogue.groups().flatMap((g) => [g.name, ...g.aliases]),
  ];
  const words = new Set(['ubnd', 'uy', 'cac', 'tp']);
  for (const n of names) {
    const w = normalizeVietnamese(n).split(' ')[0];
    if (w) words.add(w);
  }
  return words;
}

/** The parser's view of the shared agency catalogue (libs/agencies). */
export function agencyDirectory(catalogue: AgencyCatalogue = AgencyCatalogue.load()): AgencyDirectory {
  const starts = firstWords(catalogue);
  const seen = new Map<string, boolean>();
  return {
    mayStartName: (text) => {
      const w = FIRST_WORD.exec(text);
      if (!w) return false;
      let known = seen.get(w[0]);
      if (known === undefined) {
        known = starts.has(normalizeVietnamese(w[0]));
        if (seen.size < 50_000) seen.set(w[0], known);
      }
      return known;
    },
    resolveName: (text) => {
      const r = catalogue.resolveName(text);
      return r ? toHit(r) : null;
    },
    findMentions: (text) => catalogue.findMentions(text).map((m) => ({ ...toHit(m), start: m.start, end: m.end })),
    isGroup: (code) => catalogue.isGroup(code),
    // A combined group is written as its two member groups, so each fans out on its own.
    splitGroup: (code) => {
      if (code !== COMBINED_GROUP) return [];
      return ['ALL_MINISTRIES', 'ALL_PROVINCES'].flatMap((c) => {
        const g = catalogue.group(c);
        return g ? [{ code: g.code, name: g.name }] : [];
      });
    },
    fanoutOf: (codes) => {
      const groups = codes.filter((c) => catalogue.group(c)?.fanout);
      if (groups.includes('ALL_MINISTRIES') && groups.includes('ALL_PROVINCES')) return COMBINED_GROUP;
      return groups[0];
    },
  };
}
