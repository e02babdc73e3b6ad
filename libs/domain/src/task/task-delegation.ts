import { TaskAssigned, TaskDelegated } from './task.events';
import { Task } from './task.state';

/**
 * The child task's first event, for a TaskDelegated just decided on the parent. The text stays the
 * Government's directive; the delegating agency's note travels beside it, never inside it.
 */
export function childAssignment(parent: Task, delegated: TaskDelegated, assignedAt: string): TaskAssigned {
  const { childTaskId, unit, due, note } = delegated.data;
  return {
    type: 'TaskAssigned',
    data: {
      taskId: childTaskId,
      noticeId: parent.noticeId,
      noticeNumber: parent.noticeNumber,
      directiveIndex: parent.directiveIndex,
      text: parent.text,
      lead: unit,
      coordinators: [],
      deadline: { due, kind: due === null ? 'none' : 'date', rule: `giao đơn vị cấp dưới từ nhiệm vụ ${parent.taskId}` },
      key: parent.key,
      confidential: parent.confidential,
      parentTaskId: parent.taskId,
      delegatedBy: parent.lead,
      ...(note?.trim() ? { delegationNote: note.trim() } : {}),
      assignedAt,
    },
  };
}
