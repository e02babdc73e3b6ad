import { Agency, AgencyCatalogue, ResolvedAgency, normalizeVietnamese, tokenizeVietnamese } from '@tdnv/agencies';
import { AgencyDirectory, AgencyHit, DescribedAgency } from './agency.port';
import { successorWarning } from './messages.vi';

/** The pair of groups gold/RULES.md writes for "các Bộ, ngành, địa phương" (G1 + G2). */
const COMBINED_GROUP = 'ALL_MINISTRIES_AND_PROVINCES';

function toHit(r: ResolvedAgency): AgencyHit {
  const hit: AgencyHit = { code: r.code, name: r.name };
  if (r.via) {
    hit.via = successorWarning(r.via.formerName, r.via.since, r.name);
    hit.former = { name: r.via.formerName, since: r.via.since };
  }
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

function described(a: Agency): DescribedAgency {
  const d: DescribedAgency = { code: a.code, name: a.name, kind: a.kind };
  if (a.parent) d.parent = a.parent;
  if (a.unitType) d.unitType = a.unitType;
  return d;
}

/** "UBND" is "Ủy ban nhân dân" in every name. */
function unfold(words: string[]): string[] {
  return words.flatMap((w) => (w === 'ubnd' ? ['uy', 'ban', 'nhan', 'dan'] : [w]));
}

/** Normalized words of every name of a unit, longest first, per parent (built on first use). */
function unitNames(catalogue: AgencyCatalogue, parent: string): Array<{ unit: Agency; words: string[] }> {
  return catalogue
    .unitsOf(parent)
    .flatMap((unit) =>
      [unit.name, unit.shortName, ...unit.aliases].map((n) => ({ unit, words: unfold(normalizeVietnamese(n).split(' ')) })),
    )
    .sort((a, b) => b.words.length - a.words.length);
}

/** The parser's view of the shared agency catalogue (libs/agencies). */
export function agencyDirectory(catalogue: AgencyCatalogue = AgencyCatalogue.load()): AgencyDirectory {
  const starts = firstWords(catalogue);
  const seen = new Map<string, boolean>();
  const units = new Map<string, Array<{ unit: Agency; words: string[] }>>();
  return {
    describe: (code) => {
      const a = catalogue.get(code);
      if (a) return described(a);
      const g = catalogue.group(code);
      return g ? { code: g.code, name: g.name, kind: 'group' } : null;
    },
    unitsOf: (parent) => catalogue.unitsOf(parent).map(described),
    unitAt: (parent, text) => {
      let names = units.get(parent);
      if (!names) units.set(parent, (names = unitNames(catalogue, parent)));
      if (!names.length) return null;
      const tokens = tokenizeVietnamese(text.slice(0, 200));
      const norms: string[] = [];
      const ends: number[] = [];
      tokens.norms.forEach((n, k) => {
        for (const w of unfold([n])) {
          norms.push(w);
          ends.push(tokens.ends[k]);
        }
      });
      for (const { unit, words } of names) {
        if (words.length > norms.length || !words.every((w, k) => norms[k] === w)) continue;
        return { hit: { code: unit.code, name: unit.name }, length: ends[words.length - 1] };
      }
      return null;
    },
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
    mentionAtStart: (text) => {
      const m = catalogue.mentionAtStart(text);
      return m ? { ...toHit(m), start: 0, end: m.end } : null;
    },
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
