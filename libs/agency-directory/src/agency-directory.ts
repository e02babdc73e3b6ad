import { Inject, Injectable } from '@nestjs/common';
import { AgencyCatalogue, Agency, AgencyContacts, AgencyGroup } from '@tdnv/agencies';
import { AgencyEditEvent, AgencyEdits, evolveAgencyEdits, InvalidCommandError, NO_EDITS, UnitCatalogueView } from '@tdnv/domain';
import { EventStore, NotifyingEventStore } from '@tdnv/event-store';
import { EVENT_STORE } from '@tdnv/config';

export const AGENCY_CATALOGUE_STREAM = 'agency-catalogue';

const MAX_AGE_MS = 2000;

/**
 * The agency catalogue as the API sees it: the data file, with the contact and sub-unit edits
 * from the `agency-catalogue` stream folded over it. Cached: dropped at once after a local edit,
 * and re-read every two seconds for edits made through another API instance.
 */
@Injectable()
export class AgencyDirectory {
  private readonly base = AgencyCatalogue.load();
  private cached?: { at: number; snapshot: AgencySnapshot };

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    if (store instanceof NotifyingEventStore)
      store.onAppendedImmediately((results) => {
        if (results.some((r) => r.stream === AGENCY_CATALOGUE_STREAM)) this.cached = undefined;
      });
  }

  async snapshot(): Promise<AgencySnapshot> {
    if (this.cached && Date.now() - this.cached.at < MAX_AGE_MS) return this.cached.snapshot;
    const { events } = await this.store.readStream(AGENCY_CATALOGUE_STREAM);
    const edits = events.reduce((s, e) => evolveAgencyEdits(s, e as unknown as AgencyEditEvent), NO_EDITS);
    this.cached = { at: Date.now(), snapshot: this.over(edits) };
    return this.cached.snapshot;
  }

  /** The catalogue with these edits folded over the data file (a command decides on its stream's own state). */
  over(edits: AgencyEdits): AgencySnapshot {
    return new AgencySnapshot(this.base, edits);
  }
}

export type AgencyListItem = Agency | { code: string; name: string; kind: 'group'; aliases: string[]; members: string[] };

export class AgencySnapshot implements UnitCatalogueView {
  private withUnits?: AgencyCatalogue;

  constructor(
    private readonly base: AgencyCatalogue,
    private readonly edits: AgencyEdits,
  ) {}

  /**
   * The data file with every recorded unit (its type, short name and other names): what documents
   * are parsed with, so a lead added as a unit resolves in the next preview.
   */
  get catalogue(): AgencyCatalogue {
    // A unit whose parent a newer data file no longer holds stays readable by code (agency()) only.
    this.withUnits ??= this.base.withUnits(Object.values(this.edits.units), () => undefined);
    return this.withUnits;
  }

  /** A current agency, one of its units, a group or a pre-2025 code. */
  exists(code: string): boolean {
    return this.agency(code) !== undefined || this.base.isGroup(code) || this.base.predecessor(code) !== undefined;
  }

  isAgency(code: string): boolean {
    return this.agency(code) !== undefined;
  }

  isTaken(code: string): boolean {
    return this.exists(code);
  }

  isGroup(code: string): boolean {
    return this.base.isGroup(code);
  }

  agency(code: string): Agency | undefined {
    const unit = this.edits.units[code];
    const agency =
      this.catalogue.get(code) ??
      (unit && {
        code,
        name: unit.name,
        shortName: unit.shortName ?? unit.name,
        kind: 'unit' as const,
        aliases: unit.aliases ?? [],
        parent: unit.parent,
        ...(unit.unitType ? { unitType: unit.unitType } : {}),
        contacts: { focal: [], leader: [] },
      });
    return agency && { ...agency, contacts: this.contactsOf(code, agency.contacts) };
  }

  parentOf(code: string): string | undefined {
    return this.agency(code)?.parent;
  }

  /** Coordinators may be an open group ("các cơ quan liên quan"): it stays as its code. */
  expandCoordinator(code: string, field: string): string[] {
    const group = this.base.group(code);
    return group && !group.fanout ? [code] : this.expand(code, field);
  }

  /** Group → its members; a pre-2025 code → its successor; unknown → a 400 naming the field. */
  expand(code: string, field: string): string[] {
    if (this.agency(code)) return [code];
    const group = this.base.group(code);
    if (group && !group.fanout)
      throw invalid(field, `${code} (${group.name}) không xác định được các cơ quan thành viên; hãy nêu từng cơ quan`);
    if (group || this.base.predecessor(code)) return this.base.expand(code);
    throw invalid(field, `Mã cơ quan không có trong danh mục: ${code}`);
  }

  list(): AgencyListItem[] {
    const agencies = this.base.all().map((a) => this.agency(a.code)!);
    const units = Object.keys(this.edits.units).map((code) => this.agency(code)!);
    const groups = this.base
      .groups()
      .map((g: AgencyGroup) => ({ code: g.code, name: g.name, kind: 'group' as const, aliases: g.aliases, members: g.members }));
    return [...agencies, ...units, ...groups];
  }

  private contactsOf(code: string, fallback: AgencyContacts): AgencyContacts {
    const edit = this.edits.contacts[code];
    if (!edit) return fallback;
    const { code: _code, ...contacts } = edit;
    return { ...fallback, ...contacts };
  }
}

/** Agency codes are read while registering a notice: a wrong one is that command's invalid input. */
function invalid(field: string, message: string): InvalidCommandError {
  return new InvalidCommandError('RegisterNotice', message, field);
}
