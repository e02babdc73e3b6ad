import { CommandContext } from '@tdnv/command-handling';
import { AgencyContactsUpdated, AgencyUnitAdded } from '@tdnv/domain';

export type AgencyContactsInput = Omit<AgencyContactsUpdated['data'], 'code'>;
export type AgencyUnitInput = Pick<AgencyUnitAdded['data'], 'code' | 'name'>;

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

export interface AgencyCommandResult {
  code: string;
  revision: number;
}
