import { AgencyDirectory, AgencyHit, DescribedAgency } from './agency.port';
import { UnresolvedAgency } from './directive.types';

/** Agencies read from a stretch of text, and the named ones the catalogue could not resolve. */
export interface AgencyList {
  hits: AgencyHit[];
  unresolved: UnresolvedAgency[];
  end: number;
}

/**
 * What a document says about itself that the agency names in its body depend on: who issued it
 * (a province's "Sở Tài chính" is that province's), which province a central notice is about
 * ("Tỉnh cần …"), and whom it was sent to ("các tỉnh, thành phố nêu trên").
 */
export interface DocumentScope {
  /** The issuing province, ministry or central body, as a catalogue agency. */
  home: DescribedAgency | null;
  level: 'province' | 'ministry' | 'central';
  /** The province a central notice is about: "Tỉnh" in its text. */
  focal: AgencyHit | null;
  /** The "Kính gửi:" or "… điện:" list. */
  addressees: AgencyList | null;
}

/** The catalogue plus the document's scope: what every agency reader of one parse needs. */
export interface AgencyScope extends AgencyDirectory {
  scope: DocumentScope;
}

export const NO_SCOPE: DocumentScope = { home: null, level: 'central', focal: null, addressees: null };

export function scoped(dir: AgencyDirectory, scope: DocumentScope): AgencyScope {
  return { ...dir, scope };
}

const CENTRAL_ISSUERS = new Set(['VPCP']);

export function levelOf(home: DescribedAgency | null): DocumentScope['level'] {
  if (!home || CENTRAL_ISSUERS.has(home.code)) return 'central';
  if (home.kind === 'province' || home.kind === 'city') return 'province';
  if (home.kind === 'ministry' || home.kind === 'ministry_level' || home.kind === 'government_agency') return 'ministry';
  return 'central';
}

/** The province a unit of this document belongs to when the text does not say: home, else focal. */
export function provinceOf(scope: DocumentScope): AgencyHit | null {
  if (scope.level === 'province' && scope.home) return { code: scope.home.code, name: scope.home.name };
  return scope.focal;
}

/** The ministry whose Cục, Vụ and offices a document names without the ministry's name. */
export function ministryOf(scope: DocumentScope): AgencyHit | null {
  return scope.level === 'ministry' && scope.home ? { code: scope.home.code, name: scope.home.name } : null;
}
