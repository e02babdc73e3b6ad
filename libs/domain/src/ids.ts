/**
 * Deterministic ids: the same notice number in the same year always gives the same notice id, so
 * registering a notice twice hits the event store's no-stream check instead of making a copy.
 * Vietnamese notice numbers restart every year ("45/TB-VPCP"), hence the year.
 */
export function noticeIdFor(number: string, issuedAt: string): string {
  return `${issuedAt.slice(0, 4)}-${slug(number)}`;
}

export function taskIdFor(noticeId: string, directiveIndex: number, lead: string): string {
  return `${noticeId}.${directiveIndex + 1}.${slug(lead)}`;
}

export function childTaskIdFor(parentTaskId: string, childNumber: number): string {
  return `${parentTaskId}.c${childNumber}`;
}

export const taskStream = (taskId: string): string => `task-${taskId}`;
export const noticeStream = (noticeId: string): string => `notice-${noticeId}`;

function slug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
