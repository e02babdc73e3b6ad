import data from './agencies.data.json';
import { Agency, AgencyContacts, AgencyGroup, AgencyKind, AgencyMention, NewUnit, PredecessorAgency, ResolvedAgency } from './agency';
import { parseAgencyData } from './agency-data.parser';
import { isUnitCode, UNIT_CODE_RULE } from '@tdnv/domain';
import { buildCatalogueParts, CatalogueParts, deepFreeze } from './catalogue.builder';
import { leadingTitleLength } from './leading-titles';
import { inferUnitType } from './unit-type';
import { normalizeVietnamese } from './normalize-vietnamese';
import { foldSpan, scanTokens } from './vietnamese-tokenizer';

/** Invalid input from a caller (unknown code, bad e-mail); the message is shown to users. */
export class AgencyCatalogueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgencyCatalogueError';
  }
}

/** Words read before a name lookup at the start of a text needs more (see mentionAtStart). */
const PREFIX_TOKENS = 8;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function cleanEmails(list: string[]): string[] {
  const out = [...new Set(list.map((e) => e.trim()).filter((e) => e !== ''))];
  const bad = out.find((e) => !EMAIL.test(e));
  if (bad !== undefined) throw new AgencyCatalogueError(`Địa chỉ email không hợp lệ: ${bad}`);
  return out;
}

/** A copy of the agency with the given contact lists replaced (the others kept). */
export function withContacts(agency: Agency, contacts: Partial<AgencyContacts>): Agency {
  const merged: AgencyContacts = { ...agency.contacts };
  for (const key of ['focal', 'leader', 'trackingOfficers', 'departmentHead'] as const) {
    const list = contacts[key];
    if (list !== undefined) merged[key] = cleanEmails(list);
  }
  return deepFreeze({ ...agency, aliases: [...agency.aliases], contacts: merged });
}

/**
 * The agencies in force, their predecessors and the groups that fan out. Immutable: edits
 * (contacts, sub-units) return a new catalogue that shares the name index with this one.
 */
export class AgencyCatalogue {
  private static base: AgencyCatalogue | undefined;

  private readonly described = new Map<string, ResolvedAgency>();

  private constructor(private readonly parts: CatalogueParts) {}

  /** The catalogue shipped in agencies.data.json (parsed once per process). */
  static load(): AgencyCatalogue {
    AgencyCatalogue.base ??= AgencyCatalogue.fromData(data);
    return AgencyCatalogue.base;
  }

  static fromData(raw: unknown): AgencyCatalogue {
    return new AgencyCatalogue(buildCatalogueParts(parseAgencyData(raw)));
  }

  /** Current agencies and units, in data order (sub-units added later come last). */
  all(): Agency[] {
    return [...this.parts.agencies.values()];
  }

  byKind(kind: AgencyKind): Agency[] {
    return this.all().filter((a) => a.kind === kind);
  }

  get(code: string): Agency | undefined {
    return this.parts.agencies.get(code);
  }

  groups(): AgencyGroup[] {
    return [...this.parts.groups.values()];
  }

  group(code: string): AgencyGroup | undefined {
    return this.parts.groups.get(code);
  }

  isGroup(code: string): boolean {
    return this.parts.groups.has(code);
  }

  predecessors(): PredecessorAgency[] {
    return [...this.parts.predecessors.values()];
  }

  predecessor(code: string): PredecessorAgency | undefined {
    return this.parts.predecessors.get(code);
  }

  /** The agencies that were merged into or renamed as `code`, directly or through a chain. */
  predecessorsOf(code: string): PredecessorAgency[] {
    return this.predecessors().filter((p) => p.code !== code && this.currentCode(p.code) === code);
  }

  /** The current agency for an agency or predecessor code (following renames); else undefined. */
  currentCode(code: string): string | undefined {
    let next = code;
    for (let hops = 0; hops <= this.parts.predecessors.size; hops++) {
      if (this.parts.agencies.has(next)) return next;
      const p = this.parts.predecessors.get(next);
      if (!p) return undefined;
      next = p.successor;
    }
    return undefined;
  }

  /** A group → its member codes; an agency → [code]; a predecessor → [current successor]; unknown → []. */
  expand(code: string): string[] {
    const group = this.parts.groups.get(code);
    if (group) return [...group.members];
    const current = this.currentCode(code);
    return current === undefined ? [] : [current];
  }

  /**
   * The agency or group a phrase names: full name, alias, abbreviation, former name, or a title
   * of its head ("Bộ trưởng Bộ Y tế"). Case-, diacritics- and punctuation-blind; the longest name
   * at the start of the phrase wins. A sub-unit ("Sở TN&MT") gives undefined. The result is frozen.
   */
  resolveName(text: string): ResolvedAgency | undefined {
    // "Hồ Chí Minh" alone is no alias (in running text it is mostly the President), but a phrase
    // that is only a place name names that place.
    const place = this.parts.places.get(normalizeVietnamese(text));
    if (place !== undefined) return this.describe(place);
    const tokens = scanTokens(text);
    const words = Array.from({ length: tokens.count }, (_, k) => foldSpan(text, tokens.starts[k], tokens.ends[k]));
    let at = 0;
    while (at < tokens.count) {
      const hit = this.parts.index.match(tokens, text, at, false);
      if (hit) return this.describe(hit.target);
      const skip = leadingTitleLength(words, at);
      if (skip === 0) return undefined;
      at += skip;
    }
    return undefined;
  }

  /**
   * The agency or group named at the very start of a text (running-text guards applied), or
   * undefined: what findMentions(text)[0] gives when it starts at 0, without scanning the rest.
   */
  mentionAtStart(text: string): AgencyMention | undefined {
    // Most texts name no agency, or a short one: read a few words first, all of them only when the
    // walk down the alias trie reaches the last word read (the guards look one word past a name).
    let tokens = scanTokens(text, PREFIX_TOKENS);
    if (tokens.count === 0 || tokens.starts[0] !== 0) return undefined;
    const walk = { reached: 0 };
    let hit = this.parts.index.match(tokens, text, 0, true, walk);
    if (tokens.count === PREFIX_TOKENS && walk.reached >= PREFIX_TOKENS - 1) {
      tokens = scanTokens(text);
      hit = this.parts.index.match(tokens, text, 0, true);
    }
    if (!hit) return undefined;
    const end = tokens.ends[hit.endToken - 1];
    const { code, name, kind, via } = this.describe(hit.target);
    const mention: AgencyMention = { start: 0, end, text: text.slice(0, end), code, name, kind };
    if (via) mention.via = via;
    return mention;
  }

  /** Every agency or group named in a text: longest match, non-overlapping, in text order. */
  findMentions(text: string): AgencyMention[] {
    const tokens = scanTokens(text);
    const mentions: AgencyMention[] = [];
    let at = 0;
    while (at < tokens.count) {
      const hit = this.parts.index.match(tokens, text, at, true);
      if (!hit) {
        at++;
        continue;
      }
      const start = tokens.starts[at];
      const end = tokens.ends[hit.endToken - 1];
      const { code, name, kind, via } = this.describe(hit.target);
      const mention: AgencyMention = { start, end, text: text.slice(start, end), code, name, kind };
      if (via) mention.via = via;
      mentions.push(mention);
      at = hit.endToken;
    }
    return mentions;
  }

  /** Frozen and cached per target: a long scan meets the same few agencies many times. */
  private describe(target: string): ResolvedAgency {
    let resolved = this.described.get(target);
    if (!resolved) {
      resolved = deepFreeze(this.describeUncached(target));
      this.described.set(target, resolved);
    }
    return resolved;
  }

  private describeUncached(target: string): ResolvedAgency {
    const group = this.parts.groups.get(target);
    if (group) return { code: group.code, name: group.name, kind: 'group' };
    const former = this.parts.predecessors.get(target);
    const current = this.parts.agencies.get(this.currentCode(target) ?? target);
    if (!current) throw new Error(`agency catalogue: alias target ${target} is not in the catalogue`);
    const resolved: ResolvedAgency = { code: current.code, name: current.name, kind: current.kind };
    if (former) resolved.via = { formerCode: former.code, formerName: former.name, since: former.since };
    return resolved;
  }

  unitsOf(parentCode: string): Agency[] {
    return this.all().filter((a) => a.parent === parentCode);
  }

  /**
   * A sub-unit of `parentCode` named by `text` ("Sở Thông tin và Truyền thông" in a provincial
   * document). Unit names repeat across provinces, so they resolve only within their parent.
   */
  resolveUnit(parentCode: string, text: string): Agency | undefined {
    const key = normalizeVietnamese(text);
    let best: { unit: Agency; length: number } | undefined;
    for (const unit of this.unitsOf(parentCode)) {
      for (const name of [unit.name, unit.shortName, ...unit.aliases]) {
        const n = normalizeVietnamese(name);
        const fits = key === n || key.startsWith(`${n} `);
        if (fits && n.length > (best?.length ?? 0)) best = { unit, length: n.length };
      }
    }
    return best?.unit;
  }

  withContacts(code: string, contacts: Partial<AgencyContacts>): AgencyCatalogue {
    const agency = this.get(code);
    if (!agency) throw new AgencyCatalogueError(`Không tìm thấy cơ quan có mã ${code}`);
    const agencies = new Map(this.parts.agencies);
    agencies.set(code, withContacts(agency, contacts));
    return new AgencyCatalogue({ ...this.parts, agencies });
  }

  /** Adds a sub-unit (Sở, Cục, Vụ, UBND cấp xã …) under `parentCode`; its code must be new. */
  withUnit(parentCode: string, unit: NewUnit): AgencyCatalogue {
    return this.withUnits([{ ...unit, parent: parentCode }]);
  }

  /**
   * Adds many units at once, parents first (a unit may be the parent of a later one): a province's
   * own catalogue (its Sở and communes), a ministry's Cục and Vụ, or the units of the event log.
   * Codes follow the domain's unit rule (isUnitCode), so every recorded unit folds in. A unit that
   * cannot be added throws, or, given `refused`, is reported there and left out (units recorded
   * under an agency a later data file no longer holds must not stop the catalogue from loading).
   */
  withUnits(units: ReadonlyArray<NewUnit & { parent: string }>, refused?: (code: string, reason: string) => void): AgencyCatalogue {
    if (units.length === 0) return this;
    const agencies = new Map(this.parts.agencies);
    for (const unit of units) {
      try {
        const added = this.unitAgency(agencies, unit.parent, unit);
        agencies.set(added.code, deepFreeze(added));
      } catch (error) {
        if (!refused || !(error instanceof AgencyCatalogueError)) throw error;
        refused(unit.code, error.message);
      }
    }
    return new AgencyCatalogue({ ...this.parts, agencies });
  }

  private unitAgency(agencies: ReadonlyMap<string, Agency>, parentCode: string, unit: NewUnit): Agency {
    if (!agencies.has(parentCode)) throw new AgencyCatalogueError(`Không tìm thấy cơ quan cấp trên có mã ${parentCode}`);
    const code = unit.code.trim();
    if (!isUnitCode(code)) throw new AgencyCatalogueError(`Mã đơn vị ${UNIT_CODE_RULE}: ${unit.code}`);
    if (agencies.has(code) || this.parts.predecessors.has(code) || this.parts.groups.has(code)) {
      throw new AgencyCatalogueError(`Mã ${code} đã được sử dụng`);
    }
    const name = unit.name.trim();
    if (name === '') throw new AgencyCatalogueError('Tên đơn vị không được để trống');
    const added: Agency = {
      code,
      name,
      shortName: unit.shortName?.trim() || name,
      kind: 'unit',
      parent: parentCode,
      aliases: [...(unit.aliases ?? [])],
      contacts: { focal: [], leader: [] },
    };
    const unitType = unit.unitType ?? inferUnitType(name);
    if (unitType !== undefined) added.unitType = unitType;
    return added;
  }
}
