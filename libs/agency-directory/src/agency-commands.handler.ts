import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import {
  AgencyEditEvent,
  AgencyEdits,
  decideAddUnit,
  decideImportUnits,
  decideUpdateContacts,
  evolveAgencyEdits,
  NO_EDITS,
  NotFoundError,
} from '@tdnv/domain';
import { unitSummary } from '@tdnv/agencies';
import { EventStore } from '@tdnv/event-store';
import { CommandContext, runStreamCommand } from '@tdnv/command-handling';
import {
  AddAgencyUnitCommand,
  AgencyCommandResult,
  ImportAgencyUnitsCommand,
  UnitImportResult,
  UpdateAgencyContactsCommand,
} from './agency-commands';
import { AGENCY_CATALOGUE_STREAM, AgencyDirectory, AgencySnapshot } from './agency-directory';
import { EVENT_STORE } from '@tdnv/config';

type AgencyCommand = UpdateAgencyContactsCommand | AddAgencyUnitCommand | ImportAgencyUnitsCommand;

/**
 * Edits of the catalogue: each is decided on the `agency-catalogue` stream's own state folded over
 * the data file, and appended with its revision, so two edits at once cannot both take a code.
 */
@CommandHandler(UpdateAgencyContactsCommand)
export class AgencyCommandsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: AgencyDirectory,
  ) {}

  execute(command: UpdateAgencyContactsCommand | AddAgencyUnitCommand): Promise<AgencyCommandResult>;
  execute(command: ImportAgencyUnitsCommand): Promise<UnitImportResult>;
  execute(command: AgencyCommand): Promise<AgencyCommandResult | UnitImportResult> {
    const { actor } = command.context;
    if (command instanceof UpdateAgencyContactsCommand)
      return this.run(command.context, (agencies) => {
        known(agencies, command.code);
        return decideUpdateContacts(actor, { code: command.code, ...command.contacts });
      }).then(({ revision }) => ({ code: command.code, revision }));
    if (command instanceof AddAgencyUnitCommand)
      return this.run(command.context, (agencies) => {
        known(agencies, command.parent);
        return decideAddUnit(actor, { ...command.unit, parent: command.parent }, agencies.exists(command.unit.code));
      }).then(({ revision }) => ({ code: command.unit.code, revision }));
    let skipped: string[] = [];
    return this.run(command.context, (agencies) => {
      if (command.root !== undefined) known(agencies, command.root);
      const decided = decideImportUnits(actor, command.root, command.lines, agencies);
      skipped = decided.skipped;
      return decided.events;
    }).then(({ revision, state }) => importResult(command, revision, state, skipped));
  }

  private run(context: CommandContext, decide: (agencies: AgencySnapshot) => AgencyEditEvent[]) {
    return runStreamCommand(this.store, {
      stream: AGENCY_CATALOGUE_STREAM,
      initial: NO_EDITS,
      evolve: (state: AgencyEdits, event) => evolveAgencyEdits(state, event as AgencyEditEvent),
      context,
      respond: (state, revision) => ({ state, revision }),
      decide: (state) => ({ events: decide(this.directory.over(state)) }),
    });
  }
}

function known(agencies: AgencySnapshot, code: string): void {
  if (!agencies.agency(code)) throw new NotFoundError(`Cơ quan ${code}`);
}

/** What the file added: its units now in the catalogue, less those that were there before (on a replay, all of them). */
function importResult(command: ImportAgencyUnitsCommand, revision: number, state: AgencyEdits, skipped: string[]): UnitImportResult {
  const added = command.lines.map((l) => l.unit).filter((u) => state.units[u.code] && !skipped.includes(u.code));
  const types = added.length ? ` (${unitSummary(added).join('; ')})` : '';
  return {
    revision,
    added: added.map((u) => u.code),
    skipped,
    summary: `Đã thêm ${added.length} đơn vị${types}; ${skipped.length} đơn vị đã có trong danh mục.`,
  };
}

/** The CQRS bus wants one handler class per command class. */
@CommandHandler(AddAgencyUnitCommand)
export class AddAgencyUnitHandler extends AgencyCommandsHandler {}

@CommandHandler(ImportAgencyUnitsCommand)
export class ImportAgencyUnitsHandler extends AgencyCommandsHandler {}
