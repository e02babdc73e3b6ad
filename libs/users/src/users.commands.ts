import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, runStreamCommand } from '@tdnv/command-handling';
import {
  Actor,
  decideCreateUser,
  decideDisableUser,
  decideSignOut,
  evolveUsers,
  UserCreated,
  userById,
  UserEvent,
  Users,
} from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';
import { PublicUser, publicUser, USER_DIRECTORY_STREAM } from './user-directory.service';
import { EVENT_STORE } from '@tdnv/config';

/** A change to the user directory, as plain data; the domain decides it in the handler. */
export type UserChange =
  | { kind: 'create'; user: UserCreated['data']; agencyExists: boolean }
  | { kind: 'disable'; userId: string; at: string }
  | { kind: 'sign-out'; userId: string; at: string };

export class ChangeUsers {
  constructor(
    readonly change: UserChange,
    readonly context: CommandContext,
  ) {}
}

/** Creating or disabling answers the user as the API shows it; signing out answers nothing. */
export type ChangeUsersResult = PublicUser | undefined;

@CommandHandler(ChangeUsers)
export class ChangeUsersHandler implements ICommandHandler<ChangeUsers, ChangeUsersResult> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ change, context }: ChangeUsers): Promise<ChangeUsersResult> {
    return runStreamCommand<Users, ChangeUsersResult>(this.store, {
      stream: USER_DIRECTORY_STREAM,
      initial: {},
      evolve: (users, event) => evolveUsers(users, event as UserEvent),
      context,
      decide: (users) => ({ events: decideChange(change, context.actor, users) }),
      respond: (users) => {
        if (change.kind === 'sign-out') return undefined;
        const user = userById(users, change.kind === 'create' ? change.user.userId : change.userId);
        return user && publicUser(user);
      },
    });
  }
}

function decideChange(change: UserChange, actor: Actor, users: Users): UserEvent[] {
  switch (change.kind) {
    case 'create':
      return decideCreateUser(actor, change.user, users, change.agencyExists);
    case 'disable':
      return decideDisableUser(actor, change.userId, users, change.at);
    case 'sign-out':
      return decideSignOut(change.userId, users, change.at);
  }
}
