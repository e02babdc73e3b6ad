import type { TaskStatus } from './task.state';

/** Vietnamese names of task states, as users read them (the API's reasons and the web app). */
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  assigned: 'Mới giao',
  acknowledged: 'Đã tiếp nhận',
  in_progress: 'Đang thực hiện',
  reassignment_requested: 'Đề nghị giao lại',
  completion_reported: 'Đã báo cáo hoàn thành',
  completed: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
};

/** A status code → its Vietnamese name; a code without one is shown as it is. */
export function statusLabel(status: string): string {
  return (TASK_STATUS_LABELS as Record<string, string>)[status] ?? status;
}
