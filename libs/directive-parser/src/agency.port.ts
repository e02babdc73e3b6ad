/**
 * What the parser needs from the agency catalogue (libs/agencies). A port keeps `parse` pure and
 * lets a test pass a small catalogue; the default adapter wraps the shared catalogue.
 */
export interface AgencyHit {
  code: string;
  name: string;
  /** Set when the text used a former name: a readable note for the directive's warnings. */
  via?: string;
  /** The former name the text used and the day its successor took over (YYYY-MM-DD). */
  former?: { name: string; since: string };
}

export interface AgencyMentionHit extends AgencyHit {
  start: number;
  end: number;
}

export interface AgencyDirectory {
  /** The agency a whole phrase names, or null. */
  resolveName(text: string): AgencyHit | null;
  /** Every agency named inside a text, longest match first at each position. */
  findMentions(text: string): AgencyMentionHit[];
  /** The agency named at the very start of `text` (longest name), or null: a cheap findMentions(text)[0]. */
  mentionAtStart(text: string): AgencyMentionHit | null;
  isGroup(code: string): boolean;
  /** Members of a combined group ("Các Bộ, ngành, địa phương" → ministries + provinces), else [code]. */
  splitGroup(code: string): AgencyHit[];
  /** The group code a lead fans out by ("ALL_MINISTRIES_AND_PROVINCES" for both groups), if any. */
  fanoutOf(codes: string[]): string | undefined;
  /** False when no catalogue name can start with the first word of `text` (a cheap pre-check). */
  mayStartName(text: string): boolean;
  /** A catalogue agency or unit by code, with its kind ("province", "ministry", "unit", …). */
  describe(code: string): DescribedAgency | null;
  /** The units the catalogue holds under `parent` (a province's Sở and communes, a ministry's Cục). */
  unitsOf(parent: string): DescribedAgency[];
  /** The unit of `parent` whose name (or alias) opens `text`, and how many characters it covers. */
  unitAt(parent: string, text: string): { hit: AgencyHit; length: number } | null;
}

export interface DescribedAgency extends AgencyHit {
  kind: string;
  parent?: string;
  /** Units: "department", "commune", "ministry_unit", … (libs/agencies UnitType). */
  unitType?: string;
}
