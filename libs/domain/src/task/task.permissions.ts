import { Who } from '../access/access.policy';
import { TaskCommandType } from './task.commands';
import { actionLabel } from './task.reasons';

const WHO_MAY: Record<Who, string> = {
  lead: 'Chỉ cơ quan chủ trì hoặc Văn phòng Chính phủ',
  participant: 'Chỉ cơ quan chủ trì, cơ quan phối hợp hoặc Văn phòng Chính phủ',
  reviewer: 'Chỉ Văn phòng Chính phủ (hoặc cơ quan đã giao, đối với nhiệm vụ giao đơn vị cấp dưới)',
  system: 'Chỉ hệ thống tự động',
};

/** "Chỉ cơ quan chủ trì hoặc Văn phòng Chính phủ mới được tiếp nhận nhiệm vụ". */
export const describeWho = (who: Who, type: TaskCommandType): string => `${WHO_MAY[who]} mới được ${actionLabel(type)}`;
