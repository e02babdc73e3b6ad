import { DirectiveStatus } from './directive.types';

/**
 * The status of a report row, from its result column (gold/RULES.md additions): done when the
 * result says the work is finished ("Đã ban hành Nghị định số …", "Hoàn thành/2023", "Thủ tướng
 * Chính phủ đã phê duyệt Đề án"), in progress for "Đang thực hiện" or any other account of work,
 * open when the cell is empty or says nothing was done ("Chưa thực hiện").
 */

const DONE = new RegExp(
  [
    '^(?:đã\\s+)?hoàn thành(?![\\p{L}])',
    // "Chính phủ đã ban hành …", "Đã được Quốc hội thông qua", "đã có Quyết định số … phê duyệt Đề án"
    '(?:^|[\\s,;:(-])(?:đã|được)\\s+(?:[^,.;]{0,60}?\\s)?(?:ban hành|phê duyệt|thông qua|hoàn thành|khai trương|bàn giao|nghiệm thu|đồng ý)(?![\\p{L}])',
    // "Thủ tướng Chính phủ đã ký Quyết định số 20/2020/QĐ-TTg"
    'đã ký(?:,?\\s*ban hành)?\\s+(?:Quyết định|Nghị định|Thông tư|Chỉ thị|Nghị quyết)',
    // a system built and running: "đã xây dựng xong", "đưa vào vận hành", "đang hoạt động tại …"
    'xây dựng xong|(?:đưa|đã đưa)\\s+vào\\s+(?:vận hành|sử dụng|khai thác|hoạt động)|đang (?:vận hành|hoạt động|khai thác sử dụng)(?![\\p{L}])',
  ].join('|'),
  'iu',
);
/** Work still going on makes a row in progress, whatever else it says ("đang khai thác" is not work). */
const ONGOING = /(?:^|[\s;:,.(-])(?:đang(?!\s+(?:vận hành|hoạt động|khai thác|sử dụng))|tiếp tục|dự kiến|sẽ|chưa hoàn thành)(?![\p{L}])/iu;
const NOT_STARTED = /^(?:chưa|không)\s+(?:thực hiện|triển khai|có|báo cáo|bắt đầu)(?![\p{L}])/iu;
const NAMED_DATE = /(?:ngày|Ngày)\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/u;

function isoOf(m: RegExpExecArray): string {
  return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

export function statusKind(result: string): DirectiveStatus['kind'] {
  const text = result.replace(/^[\s\-–•+]+/u, '').trim();
  if (!text || NOT_STARTED.test(text)) return 'open';
  if (DONE.test(text) && !ONGOING.test(text)) return 'done';
  return 'in_progress';
}

/** The status of a row whose result column says `result`, reported on the report's date. */
export function readStatus(result: string, reportedOn: string | null, due: string | null): DirectiveStatus {
  const text = result.replace(/\s+/gu, ' ').trim();
  const kind = statusKind(text);
  const status: DirectiveStatus = { kind };
  if (text) status.result = text;
  if (reportedOn) status.reportedOn = reportedOn;
  if (kind === 'done') {
    const named = NAMED_DATE.exec(text);
    if (named) status.completedOn = isoOf(named);
    setOnTime(status, due);
  }
  return status;
}

/** A done row is on time when the day it was done (the date its result names, else the report's) is not after its due date. */
function setOnTime(status: DirectiveStatus, due: string | null): void {
  const doneOn = status.completedOn ?? status.reportedOn;
  if (doneOn) status.onTime = due === null || doneOn <= due;
}

/**
 * A progress cell that is also the deadline ("Đang thực hiện/2025" → in progress, "Hoàn thành/2023"
 * → done, seed 004), with the result written in another column.
 */
export function statusFromProgress(cell: string, result: string, reportedOn: string | null, due: string | null): DirectiveStatus {
  const status = readStatus(result, reportedOn, due);
  const kind: DirectiveStatus['kind'] = /^(?:Hoàn thành|Đã hoàn thành)/u.test(cell)
    ? 'done'
    : /^Đang/u.test(cell)
      ? 'in_progress'
      : /^Chưa/u.test(cell)
        ? 'open'
        : status.kind === 'done'
          ? 'done'
          : result
            ? 'in_progress'
            : 'open';
  const out: DirectiveStatus = { ...status, kind };
  if (kind !== 'done') delete out.onTime;
  else setOnTime(out, due);
  return out;
}
