/**
 * What the parser needs from the agency catalogue (libs/agencies). A port keeps `parse` pure and
 * lets a test pass a small catalogue; the default adapter wraps the shared catalogue.
 */
export interface AgencyHit {
  code: string;
  name: string;
  /** Set when the text used a former name: a readable note for the directive's warnings. */
  via?: string;
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
  isGroup(code: string): boolean;
  /** Members of a combined group ("Các Bộ, ngành, địa phương" → ministries + provinces), else [code]. */
  splitGroup(code: string): AgencyHit[];
  /** The group code a lead fans out by ("ALL_MINISTRIES_AND_PROVINCES" for both groups), if any. */
  fanoutOf(codes: string[]): string | undefined;
  /** False when no catalogue name can start with the first word of `text` (a cheap pre-check). */
  mayStartName(text: string): boolean;
}
