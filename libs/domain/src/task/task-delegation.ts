import { TaskAssigned, TaskDelegated } from './task.events';
import { Task } from './task.state';

/** The child task's first event, for a TaskDelegated just decided on the parent. */
export function childAssignment(parent: Task, delegated: TaskDelegated, assignedAt: string): TaskAssigned {
  const { childTaskId, unit, due, note } = delegated.data;
  return {
    type: 'TaskAssigned',
    data: {
      taskId: childTaskId,
      noticeId: parent.noticeId,
      noticeNumber: parent.noticeNumber,
      directiveIndex: parent.directiveIndex,
      text: note ? `${parent.text}\n${note}` : parent.text,
      lead: unit,
      coordinators: [],
      deadline: { due, kind: due === null ? 'none' : 'date', rule: `giao đơn vị cấp dưới từ nhiệm vụ ${parent.taskId}` },
      key: parent.key,
      confidential: parent.confidential,
      parentTaskId: parent.taskId,
      delegatedBy: parent.lead,
      assignedAt,
    },
  };
}
