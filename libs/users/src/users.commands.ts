import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, runStreamCommand } from '@tdnv/command-handling';
import { evolveUsers, UserEvent, Users } from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';
import { USER_DIRECTORY_STREAM } from './user-directory.service';
import { EVENT_STORE } from '@tdnv/config';

/** Any change to the user directory: the decision comes in as a pure function of the users. */
export class ChangeUsers<R> {
  constructor(
    readonly decide: (users: Users) => UserEvent[],
    readonly respond: (users: Users) => R,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ChangeUsers)
export class ChangeUsersHandler implements ICommandHandler<ChangeUsers<unknown>> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: ChangeUsers<unknown>): Promise<unknown> {
    return runStreamCommand<Users, unknown>(this.store, {
      stream: USER_DIRECTORY_STREAM,
      initial: {},
      evolve: (users, event) => evolveUsers(users, event as UserEvent),
      context: command.context,
      decide: (users) => ({ events: command.decide(users) }),
      respond: (users) => command.respond(users),
    });
  }
}
