import { AliasIndex, AliasSource } from './alias-index';
import { Agency, AgencyGroup, PredecessorAgency } from './agency';
import { AgencyDataFile, GroupRecord } from './agency-data.parser';
import { normalizeVietnamese } from './normalize-vietnamese';

/** The immutable pieces an AgencyCatalogue is made of; built and cross-checked once per load. */
export interface CatalogueParts {
  agencies: ReadonlyMap<string, Agency>;
  groups: ReadonlyMap<string, AgencyGroup>;
  predecessors: ReadonlyMap<string, PredecessorAgency>;
  index: AliasIndex;
  /** Normalized short names of provinces and cities, for a phrase that is only the place name. */
  places: ReadonlyMap<string, string>;
}

export const CODE_PATTERN = /^[A-Z][A-Z0-9_]*$/;

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function checkCodes(file: AgencyDataFile): void {
  const seen = new Set<string>();
  for (const { code } of [...file.agencies, ...file.predecessors, ...file.groups]) {
    if (!CODE_PATTERN.test(code)) throw new Error(`agencies data: code ${code} is not upper-case ASCII`);
    if (seen.has(code)) throw new Error(`agencies data: code ${code} is used twice`);
    seen.add(code);
  }
}

function checkLinks(agencies: Map<string, Agency>, predecessors: Map<string, PredecessorAgency>): void {
  for (const a of agencies.values()) {
    if (a.parent !== undefined && !agencies.has(a.parent)) {
      throw new Error(`agencies data: ${a.code} has unknown parent ${a.parent}`);
    }
  }
  for (const p of predecessors.values()) {
    const seen = new Set<string>([p.code]);
    let next = p.successor;
    while (!agencies.has(next)) {
      const hop = predecessors.get(next);
      if (!hop || seen.has(next)) throw new Error(`agencies data: ${p.code} has no current successor (${next})`);
      seen.add(next);
      next = hop.successor;
    }
  }
}

function groupMembers(records: GroupRecord[], agencies: Map<string, Agency>): Map<string, AgencyGroup> {
  const byCode = new Map(records.map((r) => [r.code, r]));
  const done = new Map<string, AgencyGroup>();
  const resolve = (record: GroupRecord, path: string[]): AgencyGroup => {
    const cached = done.get(record.code);
    if (cached) return cached;
    if (path.includes(record.code)) throw new Error(`agencies data: group cycle ${[...path, record.code].join(' → ')}`);
    const members = new Set<string>();
    const { kinds = [], groups = [], codes = [] } = record.select;
    for (const a of agencies.values()) if (kinds.includes(a.kind)) members.add(a.code);
    for (const g of groups) {
      const sub = byCode.get(g);
      if (!sub) throw new Error(`agencies data: group ${record.code} includes unknown group ${g}`);
      for (const m of resolve(sub, [...path, record.code]).members) members.add(m);
    }
    for (const c of codes) {
      if (!agencies.has(c)) throw new Error(`agencies data: group ${record.code} lists unknown agency ${c}`);
      members.add(c);
    }
    const group: AgencyGroup = {
      code: record.code,
      name: record.name,
      aliases: record.aliases,
      members: [...members],
      fanout: record.fanout,
    };
    if (record.note !== undefined) group.note = record.note;
    done.set(record.code, group);
    return group;
  };
  for (const r of records) resolve(r, []);
  return done;
}

/** Bare place names get the running-text guards; everything else is matched as written. */
function aliasSources(file: AgencyDataFile): AliasSource[] {
  const sources: AliasSource[] = [];
  const named = [...file.agencies, ...file.predecessors];
  for (const a of named) {
    const place = a.kind === 'province' || a.kind === 'city' ? normalizeVietnamese(a.shortName) : undefined;
    for (const alias of [a.name, ...a.aliases]) {
      sources.push({ target: a.code, alias, bare: normalizeVietnamese(alias) === place });
    }
  }
  for (const g of file.groups) {
    for (const alias of [g.name, ...g.aliases]) sources.push({ target: g.code, alias, bare: false });
  }
  return sources;
}

export function buildCatalogueParts(file: AgencyDataFile): CatalogueParts {
  checkCodes(file);
  const agencies = new Map(file.agencies.map((a) => [a.code, a]));
  const predecessors = new Map(file.predecessors.map((p) => [p.code, p]));
  checkLinks(agencies, predecessors);
  const groups = groupMembers(file.groups, agencies);
  const index = new AliasIndex(aliasSources(file));
  if (index.conflicts.length > 0) {
    const list = index.conflicts.map((c) => `"${c.key}" → ${c.targets.join(' / ')}`).join('; ');
    throw new Error(`agencies data: ambiguous aliases: ${list}`);
  }
  for (const value of [...agencies.values(), ...groups.values(), ...predecessors.values()]) deepFreeze(value);
  const places = new Map(
    file.agencies.filter((a) => a.kind === 'province' || a.kind === 'city').map((a) => [normalizeVietnamese(a.shortName), a.code]),
  );
  return { agencies, groups, predecessors, index, places };
}
