import { ApiOkResponse } from '@nestjs/swagger';

const count = (description: string) => ({ type: 'integer', minimum: 0, description });

/** One group's (or the total's) periodic-report figure: the periods of periodic duties due in the period asked. */
const PERIODIC_REPORTS = {
  type: 'object',
  description:
    'Báo cáo định kỳ của các kỳ có hạn (ngày đến hạn, kể cả ngày nghỉ được lùi theo Điều 148) trong khoảng from–to và đã đến hạn ' +
    'tính đến ngày hỏi (asOf, hoặc hôm nay), hoặc đã được báo cáo: due = onTime + late + missing. Một kỳ đến hạn đúng ngày hỏi ' +
    'mà chưa báo cáo chưa được tính; kỳ còn mở khi nhiệm vụ bị hủy hoặc kết thúc không còn phải báo cáo.',
  required: ['due', 'onTime', 'late', 'missing'],
  properties: {
    due: count('Số kỳ báo cáo đến hạn'),
    onTime: count('Đã báo cáo đúng hạn'),
    late: count('Đã báo cáo nhưng muộn'),
    missing: count('Đã quá hạn mà chưa báo cáo'),
  },
};

const BUCKETS = {
  done_on_time: count('Đã hoàn thành đúng hạn'),
  done_late: count('Đã hoàn thành quá hạn'),
  open_on_time: count('Chưa hoàn thành, trong hạn'),
  open_overdue: count('Chưa hoàn thành, quá hạn'),
  no_deadline: count('Thường xuyên, không thời hạn: kể cả nhiệm vụ định kỳ đang thực hiện'),
  cancelled: count('Đã hủy (tính riêng)'),
  total: count('Tổng số nhiệm vụ'),
  onTimeRate: {
    type: 'number',
    nullable: true,
    description:
      'On-time rate: done_on_time ÷ (done_on_time + done_late + open_overdue), the tasks whose deadline has come; null while none has',
  },
  overdueAgeing: {
    type: 'object',
    properties: { over30: count('Quá hạn trên 30 ngày'), over60: count('Quá hạn trên 60 ngày'), over120: count('Quá hạn trên 120 ngày') },
  },
  periodicReports: PERIODIC_REPORTS,
};

/** What GET /stats answers: per group and in total, the official buckets and the periodic reports. */
export const StatsAnswerSchema = () =>
  ApiOkResponse({
    description: 'Các nhóm (cơ quan, thông báo hoặc tháng giao) và tổng cộng',
    schema: {
      type: 'object',
      required: ['groups', 'total'],
      properties: {
        groups: {
          type: 'array',
          items: {
            type: 'object',
            properties: { key: { type: 'string' }, name: { type: 'string', example: 'Bộ Tài chính' }, ...BUCKETS },
          },
        },
        total: { type: 'object', properties: BUCKETS },
      },
    },
  });
