import { Actor } from '../actor';
import { TaskCommandType } from './task.commands';
import { actionLabel } from './task.reasons';
import { Task } from './task.state';

/**
 * Who may issue a command on a task. VPCP acts on every task (it also records what an agency
 * reported on paper); an agency acts only on the tasks it leads, and a coordinator may report
 * progress. A delegated child task is reviewed by the agency that delegated it, as well as VPCP.
 */
export type Who = 'lead' | 'participant' | 'reviewer' | 'system';

export function mayAct(who: Who, actor: Actor, task: Task): boolean {
  if (who === 'system') return actor.role === 'system';
  if (actor.role === 'vpcp') return true;
  if (actor.role !== 'agency' || !actor.agency) return false;
  switch (who) {
    case 'lead':
      return actor.agency === task.lead;
    case 'participant':
      return actor.agency === task.lead || task.coordinators.includes(actor.agency);
    case 'reviewer':
      return task.delegatedBy !== undefined && actor.agency === task.delegatedBy;
  }
}

const WHO_MAY: Record<Who, string> = {
  lead: 'Chỉ cơ quan chủ trì hoặc Văn phòng Chính phủ',
  participant: 'Chỉ cơ quan chủ trì, cơ quan phối hợp hoặc Văn phòng Chính phủ',
  reviewer: 'Chỉ Văn phòng Chính phủ (hoặc cơ quan đã giao, đối với nhiệm vụ giao đơn vị cấp dưới)',
  system: 'Chỉ hệ thống tự động',
};

/** "Chỉ cơ quan chủ trì hoặc Văn phòng Chính phủ mới được tiếp nhận nhiệm vụ". */
export const describeWho = (who: Who, type: TaskCommandType): string => `${WHO_MAY[who]} mới được ${actionLabel(type)}`;

/** Visibility follows the same lines: confidential tasks only for VPCP and the lead. */
export function maySee(actor: Actor, task: Task): boolean {
  if (actor.role === 'vpcp' || actor.role === 'admin' || actor.role === 'system') return true;
  if (task.confidential) return actor.role === 'agency' && actor.agency === task.lead;
  if (actor.role === 'viewer') return true;
  return (
    actor.agency !== undefined &&
    (actor.agency === task.lead || task.coordinators.includes(actor.agency) || actor.agency === task.delegatedBy)
  );
}
