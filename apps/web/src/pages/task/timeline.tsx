import { HistoryEntry } from '../../api/types';
import { formatDate, formatDateTime } from '../../lib/format';
import { EVENT_LABELS, ROLE_LABELS } from '../../lib/labels';

/** The words of an event worth reading in a timeline (notes, reasons, dates), in Vietnamese. */
const DETAILS: [string, string, boolean?][] = [
  ['note', 'Nội dung'],
  ['percent', 'Tỷ lệ'],
  ['proposedDue', 'Thời hạn đề nghị', true],
  ['due', 'Thời hạn', true],
  ['reason', 'Lý do'],
  ['result', 'Kết quả'],
  ['documentRef', 'Văn bản'],
  ['agency', 'Cơ quan'],
  ['unit', 'Đơn vị'],
  ['rung', 'Mốc'],
];

function details(data: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [k, label, isDate] of DETAILS) {
    const v = data[k];
    if (v === undefined || v === null || v === '' || typeof v === 'object') continue;
    out.push(`${label}: ${isDate ? formatDate(String(v)) : k === 'percent' ? `${String(v)}%` : String(v)}`);
  }
  const deadline = data['deadline'] as { due?: string | null } | undefined;
  if (deadline && typeof deadline === 'object' && 'due' in deadline) out.push(`Thời hạn: ${formatDate(deadline.due ?? null)}`);
  if (data['onTime'] === true) out.push('Đúng hạn');
  if (data['onTime'] === false) out.push('Quá hạn');
  return out;
}

export function Timeline({ events }: { events: HistoryEntry[] }) {
  return (
    <ol class="timeline" aria-label="Lịch sử xử lý">
      {events.map((e) => (
        <li key={e.revision} data-event={e.type}>
          <strong>{EVENT_LABELS[e.type] ?? e.type}</strong> <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
          <div class="hint">
            {ROLE_LABELS[e.actor.role] ?? e.actor.role}
            {e.actor.agency ? ` ${e.actor.agency}` : ''} ({e.actor.id})
          </div>
          {details(e.data).map((d) => (
            <div key={d}>{d}</div>
          ))}
        </li>
      ))}
    </ol>
  );
}
