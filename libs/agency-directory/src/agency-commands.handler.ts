import { Inject } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import {
  AgencyEditEvent,
  AgencyEdits,
  decideAddUnit,
  decideUpdateContacts,
  evolveAgencyEdits,
  NO_EDITS,
  NotFoundError,
} from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';
import { runStreamCommand, StreamCommand } from '@tdnv/command-handling';
import { AddAgencyUnitCommand, AgencyCommandResult, UpdateAgencyContactsCommand } from './agency-commands';
import { AGENCY_CATALOGUE_STREAM, AgencyDirectory } from './agency-directory';
import { EVENT_STORE } from '@tdnv/config';

@CommandHandler(UpdateAgencyContactsCommand)
export class AgencyCommandsHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: AgencyDirectory,
  ) {}

  async execute(command: UpdateAgencyContactsCommand | AddAgencyUnitCommand): Promise<AgencyCommandResult> {
    const agencies = await this.directory.snapshot();
    if (command instanceof UpdateAgencyContactsCommand) {
      if (!agencies.agency(command.code)) throw new NotFoundError(`Cơ quan ${command.code}`);
      return this.run(command.code, command.context, () =>
        decideUpdateContacts(command.context.actor, { code: command.code, ...command.contacts }),
      );
    }
    if (!agencies.agency(command.parent)) throw new NotFoundError(`Cơ quan ${command.parent}`);
    const unit = { parent: command.parent, code: command.unit.code, name: command.unit.name };
    return this.run(unit.code, command.context, () => decideAddUnit(command.context.actor, unit, agencies.exists(unit.code)));
  }

  private run(code: string, context: AddAgencyUnitCommand['context'], decide: () => AgencyEditEvent[]): Promise<AgencyCommandResult> {
    const command: StreamCommand<AgencyEdits, AgencyCommandResult> = {
      stream: AGENCY_CATALOGUE_STREAM,
      initial: NO_EDITS,
      evolve: (state, event) => evolveAgencyEdits(state, event as AgencyEditEvent),
      context,
      respond: (_state, revision) => ({ code, revision }),
      decide: () => ({ events: decide() }),
    };
    return runStreamCommand(this.store, command);
  }
}

/** The CQRS bus wants one handler class per command class. */
@CommandHandler(AddAgencyUnitCommand)
export class AddAgencyUnitHandler extends AgencyCommandsHandler {}
