import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  DeadlinePolicy,
  childTaskIdFor,
  taskStream,
  authorizeTask,
  decideTask,
  childAssignment,
  TaskCommand,
  TaskCommandType,
  InvalidCommandError,
  TaskDelegated,
  TaskEvent,
  evolveTask,
  Task,
  TaskState,
} from '@tdnv/domain';
import { EventStore } from '@tdnv/event-store';
import { AgencyDirectory } from '@tdnv/agency-directory';
import { runStreamCommand, StreamDecision, StreamStateCache } from '@tdnv/command-handling';
import { ExecuteTaskCommand, TaskCommandResult } from './execute-task-command';
import { DEADLINE_POLICY, EVENT_STORE } from '@tdnv/config';
import { UserDirectory } from '@tdnv/users';

@CommandHandler(ExecuteTaskCommand)
export class ExecuteTaskCommandHandler implements ICommandHandler<ExecuteTaskCommand, TaskCommandResult> {
  private readonly cache = new StreamStateCache<TaskState>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DEADLINE_POLICY) private readonly policy: DeadlinePolicy,
    private readonly agencies: AgencyDirectory,
    private readonly users: UserDirectory,
  ) {}

  async execute(message: ExecuteTaskCommand): Promise<TaskCommandResult> {
    const { taskId } = message;
    // Only a reassignment or a delegation names another agency; the catalogue is read for those.
    const agencies = message.type === 'ReassignTask' || message.type === 'DelegateTask' ? await this.agencies.snapshot() : undefined;
    // The history shows the person by the name they had when they acted (from the directory's
    // cache when it is fresh: no promise on the common path).
    let actorName = this.users.freshNameOf(message.context.actor.id);
    if (actorName === null) actorName = await this.users.nameOf(message.context.actor.id);
    // Object.assign, not `{ ...context, actorName }`: Node 20's V8 is slow to add a key after an opening spread.
    const context = actorName ? Object.assign({}, message.context, { actorName }) : message.context;
    const who = { type: message.type, actor: context.actor };
    // The parent's deadline bounds a sub-task's deadline; read once, before the command is decided.
    let parentDue: string | null | undefined;
    return runStreamCommand<TaskState, TaskCommandResult>(this.store, {
      stream: taskStream(taskId),
      initial: undefined,
      cache: this.cache,
      evolve: (state, event) => evolveTask(state, event as TaskEvent),
      context,
      authorize: (state) => authorizeTask(who, state),
      respond: (state, revision) => ({ taskId, revision, state: state?.status ?? 'none' }),
      decide: (state) => {
        const command = {
          type: message.type,
          actor: context.actor,
          now: context.now.toISOString(),
          today: context.today,
          payload: message.payload,
        } as TaskCommand;
        if (command.type === 'ReassignTask') {
          if (!agencies!.exists(command.payload.agency)) throw unknownAgency(command.type, command.payload.agency);
          command.payload = { ...command.payload, toParent: agencies!.parentOf(command.payload.agency) };
        }
        if ((command.type === 'AmendDeadline' || command.type === 'ApproveExtension') && state?.parentTaskId)
          command.payload = { ...command.payload, parentDue };
        if (command.type === 'DelegateTask') {
          if (!agencies!.exists(command.payload.unit)) throw unknownAgency(command.type, command.payload.unit);
          command.payload = {
            ...command.payload,
            unitParent: agencies!.parentOf(command.payload.unit),
            childTaskId: childTaskIdFor(taskId, (state?.children.length ?? 0) + 1),
          };
        }
        const events = decideTask(command, state, this.policy);
        return withChildStreams(state, events, command.now);
      },
      // Only a deadline change of a sub-task reads another stream (no promise for the other commands).
      prepare:
        message.type === 'AmendDeadline' || message.type === 'ApproveExtension'
          ? async (state) => {
              if (state?.parentTaskId) parentDue = (await this.parentOf(state.parentTaskId))?.deadline.due;
            }
          : undefined,
    });
  }

  private async parentOf(parentTaskId: string): Promise<Task | undefined> {
    const { events } = await this.store.readStream(taskStream(parentTaskId));
    return events.reduce<TaskState>((s, e) => evolveTask(s, e as unknown as TaskEvent), undefined);
  }
}

/** A delegation also opens the child's stream, in the same append. */
function withChildStreams(state: TaskState, events: TaskEvent[], now: string): StreamDecision {
  const delegated = events.filter((e): e is TaskDelegated => e.type === 'TaskDelegated');
  return {
    events,
    newStreams: delegated.map((d) => ({ stream: taskStream(d.data.childTaskId), events: [childAssignment(state as Task, d, now)] })),
  };
}

function unknownAgency(type: TaskCommandType, code: string): InvalidCommandError {
  return new InvalidCommandError(type, `Mã cơ quan không có trong danh mục: ${code}`, 'agency');
}
