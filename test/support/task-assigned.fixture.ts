import { EventMetadata, NewEvent } from '@tdnv/event-store';

/** A directive as NoticeRegistered records it (with the group its leads came from, when fanned out). */
export interface RegisteredDirective {
  index: number;
  text: string;
  coordinators: string[];
  deadline: unknown;
  key: boolean;
  confidential: boolean;
  fanout?: string;
}

/**
 * The TaskAssigned that opens `task`'s stream, with the fields registering the notice writes, for
 * the fixtures that append a history straight to the store.
 */
export const taskAssignedEvent = (
  notice: { noticeId: string; number: string },
  d: RegisteredDirective,
  task: { taskId: string; lead: string },
  assignedAt: string,
  metadata: EventMetadata,
): NewEvent => ({
  type: 'TaskAssigned',
  data: {
    taskId: task.taskId,
    noticeId: notice.noticeId,
    noticeNumber: notice.number,
    directiveIndex: d.index,
    text: d.text,
    lead: task.lead,
    coordinators: d.coordinators,
    deadline: d.deadline,
    key: d.key,
    confidential: d.confidential,
    ...(d.fanout ? { fanout: d.fanout } : {}),
    assignedAt,
  },
  metadata,
});
