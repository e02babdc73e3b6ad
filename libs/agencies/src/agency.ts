import type { UnitType } from '@tdnv/domain';

/**
 * Types of the agency catalogue. Codes are stable ASCII identifiers (see agencies.sources.md);
 * names and aliases are Vietnamese as written in official texts.
 */

export type AgencyKind = 'ministry' | 'ministry_level' | 'government_agency' | 'province' | 'city' | 'other' | 'unit';

export const AGENCY_KINDS: readonly AgencyKind[] = ['ministry', 'ministry_level', 'government_agency', 'province', 'city', 'other', 'unit'];

// What a unit is inside its parent is the domain's rule (the types an added unit may have).
export { UNIT_TYPES, UNIT_TYPE_NAMES } from '@tdnv/domain';
export type { UnitType } from '@tdnv/domain';

/** E-mail addresses. VPCP also keeps its tracking officers and department heads. */
export interface AgencyContacts {
  focal: string[];
  leader: string[];
  trackingOfficers?: string[];
  departmentHead?: string[];
}

export interface Agency {
  code: string;
  /** Canonical full name: the responsible body ("Ủy ban nhân dân tỉnh An Giang" for a province). */
  name: string;
  shortName: string;
  kind: AgencyKind;
  /** Other spellings accepted by name resolution (mechanical variants such as UBND ↔ Ủy ban nhân dân are implied). */
  aliases: string[];
  contacts: AgencyContacts;
  /** The agency a unit belongs to (Bảo hiểm xã hội Việt Nam → BTC). */
  parent?: string;
  /** Provinces and cities: the place itself ("Tỉnh An Giang", "Thành phố Huế"). */
  placeName?: string;
  /** Units only: what the unit is inside its parent. */
  unitType?: UnitType;
  note?: string;
}

/** A pre-2025 agency that was merged or renamed; its code keeps resolving to the successor. */
export interface PredecessorAgency {
  code: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  aliases: string[];
  /** Code of the successor: a current agency or another predecessor (renamed twice). */
  successor: string;
  /** First day the successor was in charge (YYYY-MM-DD). */
  since: string;
  note?: string;
}

/** How a group picks its members from the current agencies. */
export interface GroupSelector {
  kinds?: AgencyKind[];
  groups?: string[];
  codes?: string[];
}

export interface AgencyGroup {
  code: string;
  name: string;
  aliases: string[];
  /** Member agency codes, computed from the selector at load time. */
  members: string[];
  /** False for open groups ("Các cơ quan liên quan") that name no fixed members. */
  fanout: boolean;
  note?: string;
}

export interface ResolvedAgency {
  code: string;
  name: string;
  kind: AgencyKind | 'group';
  /** Set when the text named a predecessor: `since` is the day that former agency ceased (its own `since`). */
  via?: { formerCode: string; formerName: string; since: string };
}

export interface AgencyMention extends ResolvedAgency {
  /** UTF-16 offsets into the searched text, end exclusive. */
  start: number;
  end: number;
  text: string;
}

export interface NewUnit {
  code: string;
  name: string;
  shortName?: string;
  aliases?: string[];
  unitType?: UnitType;
}
