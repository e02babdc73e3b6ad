import { TaskCommand, TaskCommandType } from '@tdnv/domain';
import { CommandContext } from '@tdnv/command-handling';

/** A lifecycle command for one task, dispatched through the CommandBus. */
export class ExecuteTaskCommand<T extends TaskCommandType = TaskCommandType> {
  constructor(
    readonly taskId: string,
    readonly type: T,
    readonly payload: Extract<TaskCommand, { type: T }>['payload'],
    readonly context: CommandContext,
  ) {}
}

export interface TaskCommandResult {
  taskId: string;
  revision: number;
  state: string;
}
