import { AgencyIndex, agencyName, useAgencies } from '../../api/agencies';
import { currentUser } from '../../api/session';
import { HistoryEntry } from '../../api/types';
import { formatDate, formatDateTime } from '../../lib/format';
import { EVENT_LABELS } from '../../lib/labels';
import { AttachmentList, attachmentsOf } from './attachments';

/** The words of an event worth reading in a timeline (notes, reasons, dates), in Vietnamese. */
const DETAILS: [string, string, 'date' | 'agency' | 'percent' | undefined][] = [
  ['note', 'Nội dung', undefined],
  ['comment', 'Ý kiến', undefined],
  ['delegationNote', 'Ghi chú giao việc', undefined],
  ['percent', 'Tỷ lệ', 'percent'],
  ['proposedDue', 'Thời hạn đề nghị', 'date'],
  ['due', 'Thời hạn', 'date'],
  ['reason', 'Lý do', undefined],
  ['result', 'Kết quả', undefined],
  ['documentRef', 'Văn bản', undefined],
  ['from', 'Từ cơ quan', 'agency'],
  ['to', 'Giao cho', 'agency'],
  ['agency', 'Cơ quan', 'agency'],
  ['unit', 'Đơn vị', 'agency'],
];

function details(data: Record<string, unknown>, index: AgencyIndex | undefined): string[] {
  const out: string[] = [];
  for (const [k, label, kind] of DETAILS) {
    const v = data[k];
    if (v === undefined || v === null || v === '' || typeof v === 'object') continue;
    const text =
      kind === 'date'
        ? formatDate(String(v))
        : kind === 'percent'
          ? `${String(v)}%`
          : kind === 'agency'
            ? agencyName(index, String(v))
            : String(v);
    out.push(`${label}: ${text}`);
  }
  const deadline = data['deadline'] as { due?: string | null } | undefined;
  if (deadline && typeof deadline === 'object' && 'due' in deadline) out.push(`Thời hạn: ${formatDate(deadline.due ?? null)}`);
  if (data['onTime'] === true) out.push('Đúng hạn');
  if (data['onTime'] === false) out.push('Quá hạn');
  return out;
}

/**
 * Who did it, as a person reads it: the person's name and role ("Nguyễn Văn An — Chuyên viên Văn
 * phòng Chính phủ"), the role alone when the name is unknown, or the system; never an internal id.
 */
export function actorLabel(actor: HistoryEntry['actor'], index: AgencyIndex | undefined): string {
  if (actor.role === 'system') return 'Hệ thống (tự động)';
  const me = currentUser();
  const you = me && me.id === actor.id ? ' (bạn)' : '';
  const role = roleLabel(actor, index);
  return `${actor.name ? `${actor.name} — ${role}` : role}${you}`;
}

function roleLabel(actor: HistoryEntry['actor'], index: AgencyIndex | undefined): string {
  switch (actor.role) {
    case 'vpcp':
      return 'Chuyên viên Văn phòng Chính phủ';
    case 'agency':
      return `Đầu mối ${actor.agency ? agencyName(index, actor.agency) : 'cơ quan'}`;
    case 'admin':
      return 'Quản trị hệ thống';
    default:
      return 'Người xem báo cáo';
  }
}

export function Timeline({ events, taskId }: { events: HistoryEntry[]; taskId: string }) {
  const index = useAgencies();
  return (
    <ol class="timeline" aria-label="Lịch sử xử lý">
      {events.map((e) => (
        <li key={e.revision} data-event={e.type}>
          <strong>{EVENT_LABELS[e.type] ?? e.type}</strong> <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
          <div class="hint">{actorLabel(e.actor, index)}</div>
          {details(e.data, index).map((d) => (
            <div key={d}>{d}</div>
          ))}
          <AttachmentList taskId={taskId} items={attachmentsOf(e)} />
        </li>
      ))}
    </ol>
  );
}
