import { CommandContext } from '@tdnv/command-handling';
import { ContactsDto, UnitDto } from './agency-requests.dto';

export class UpdateAgencyContactsCommand {
  constructor(readonly code: string, readonly contacts: ContactsDto, readonly context: CommandContext) {}
}

export class AddAgencyUnitCommand {
  constructor(readonly parent: string, readonly unit: UnitDto, readonly context: CommandContext) {}
}

export interface AgencyCommandResult {
  code: string;
  revision: number;
}
