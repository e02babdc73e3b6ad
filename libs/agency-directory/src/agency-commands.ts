import { CommandContext } from '@tdnv/command-handling';
import { AgencyContactsUpdated, NewAgencyUnit, UnitLine } from '@tdnv/domain';

export type AgencyContactsInput = Omit<AgencyContactsUpdated['data'], 'code'>;
export type AgencyUnitInput = Omit<NewAgencyUnit, 'parent'>;

export class UpdateAgencyContactsCommand {
  constructor(
    readonly code: string,
    readonly contacts: AgencyContactsInput,
    readonly context: CommandContext,
  ) {}
}

export class AddAgencyUnitCommand {
  constructor(
    readonly parent: string,
    readonly unit: AgencyUnitInput,
    readonly context: CommandContext,
  ) {}
}

/**
 * The units of a catalogue file (CSV/XLSX), parents first, each with its line. With a `root`
 * (POST /agencies/{code}/units/import) every unit must belong to it; the CLI imports any parent.
 */
export class ImportAgencyUnitsCommand {
  constructor(
    readonly root: string | undefined,
    readonly lines: UnitLine[],
    readonly context: CommandContext,
  ) {}
}

export interface AgencyCommandResult {
  code: string;
  revision: number;
}

export interface UnitImportResult {
  revision: number;
  added: string[];
  /** Already in the catalogue under the same parent. */
  skipped: string[];
  /** For a person: "Đã thêm 51 đơn vị (LCU: 13 sở, 38 xã/phường); 0 đơn vị đã có trong danh mục." */
  summary: string;
}
