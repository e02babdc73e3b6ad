import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api/client';
import { formatDate, formatDateTime } from '../../lib/format';
import { serverNow } from '../../lib/server-clock';

const SHOWN = 5;

/** "before-3" → "trước hạn 3 ngày làm việc"; unknown rungs are shown as they are. */
function rungLabel(rung: string): string {
  const m = /^([a-z]+)(?:-([\w-]+))?$/.exec(rung); // "assigned-btc-cuc-th": a unit's code after the rung
  if (!m) return rung;
  const n = m[2];
  switch (m[1]) {
    case 'assigned':
    case 'assignment':
      return 'thông báo giao nhiệm vụ';
    case 'before':
      return `trước hạn ${n} ngày làm việc`;
    case 'due':
      return 'ngày đến hạn';
    case 'overdue':
      return n ? `quá hạn ${n} ngày làm việc` : 'quá hạn';
    case 'weekly':
      return `cảnh báo hằng tuần, lần ${n}`;
    default:
      return rung;
  }
}

interface RemindersAnswer {
  sent: { rung: string; due: string; sentAt: string; to: string[] | string }[];
  scheduled: { rung: string; due: string; fireAt: string }[];
}

/** Reminders of issue 5; hidden when the endpoint is not there or has nothing to show. */
export function Reminders({ taskId }: { taskId: string }) {
  const [data, setData] = useState<RemindersAnswer>();
  useEffect(() => {
    get<RemindersAnswer>(`/tasks/${encodeURIComponent(taskId)}/reminders`).then(setData, () => setData(undefined));
  }, [taskId]);
  if (!data || (data.sent.length === 0 && data.scheduled.length === 0)) return null;
  // An overdue task has a weekly escalation for as long as it stays overdue: the next few are enough.
  const now = serverNow().toISOString();
  const upcoming = data.scheduled.filter((s) => s.fireAt >= now);
  const next = upcoming.slice(0, SHOWN);
  const more = upcoming.length - next.length;
  return (
    <>
      <h2>Đôn đốc</h2>
      <ul>
        {data.sent.slice(-SHOWN).map((s) => (
          <li key={`s${s.rung}${s.sentAt}`}>
            Đã gửi {formatDateTime(s.sentAt)} ({rungLabel(s.rung)}, hạn {formatDate(s.due)}) tới{' '}
            {Array.isArray(s.to) ? s.to.join(', ') : s.to}
          </li>
        ))}
        {next.map((s) => (
          <li key={`p${s.rung}${s.fireAt}`}>
            Sẽ gửi {formatDateTime(s.fireAt)} ({rungLabel(s.rung)}, hạn {formatDate(s.due)})
          </li>
        ))}
        {more > 0 && <li>và {more} lần đôn đốc khác đã lên lịch</li>}
      </ul>
    </>
  );
}
