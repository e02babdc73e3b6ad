import { useState } from 'preact/hooks';
import { agencyName, shortLabel, useAgencies } from '../../api/agencies';
import { get } from '../../api/client';
import { DirectiveGroup, TaskListItem } from '../../api/types';
import { AgencyName } from '../../components/agency-name';
import { ErrorAlert } from '../../components/alert';
import { formatDate } from '../../lib/format';
import { TaskList } from './task-list';

const OVERDUE_NAMED = 8;

/** "41/56 cơ quan đã hoàn thành (38 đúng hạn, 3 quá hạn) · 6 chưa hoàn thành · 9 quá hạn": VPCP's buckets. */
export function rollupText(g: DirectiveGroup): string {
  const c = g.counts;
  const done = c.done_on_time + c.done_late;
  const parts = [
    `${done}/${g.count - c.cancelled} cơ quan đã hoàn thành${done ? ` (${c.done_on_time} đúng hạn, ${c.done_late} quá hạn)` : ''}`,
  ];
  if (c.open_on_time + c.open_overdue > 0) parts.push(`${c.open_on_time + c.open_overdue} chưa hoàn thành`);
  if (c.open_overdue > 0) parts.push(`${c.open_overdue} quá hạn`);
  if (c.no_deadline > 0) parts.push(`${c.no_deadline} không thời hạn`);
  return parts.join(' · ');
}

function DueRange({ g }: { g: DirectiveGroup }) {
  if (!g.due.min) return <span>{g.due.phrase ? `Thời hạn: “${g.due.phrase}”` : 'Không thời hạn'}</span>;
  return <span>Thời hạn: {g.due.min === g.due.max ? formatDate(g.due.min) : `${formatDate(g.due.min)} – ${formatDate(g.due.max)}`}</span>;
}

/** VPCP's inbox by directive: a directive sent to 56 agencies is one row with its roll-up, opened to its tasks. */
export function DirectiveGroups({ groups }: { groups: DirectiveGroup[] }) {
  if (groups.length === 0) return <p>Không có nhiệm vụ nào phù hợp.</p>;
  return (
    <ul class="tasks groups" aria-label="Chỉ đạo">
      {groups.map((g) => (
        <GroupRow key={`${g.noticeId} ${g.directiveIndex}`} g={g} />
      ))}
    </ul>
  );
}

function GroupRow({ g }: { g: DirectiveGroup }) {
  const index = useAgencies();
  const [tasks, setTasks] = useState<TaskListItem[]>();
  const [error, setError] = useState<unknown>();
  const urgency = g.counts.open_overdue > 0 ? 'overdue' : g.counts.open_on_time > 0 ? 'ok' : 'done';
  const body = g.text.length > 220 ? `${g.text.slice(0, 220)}…` : g.text;
  // The path as written in the document ("3.b.2(1)") when the notice was registered with it.
  const text = g.path ? `${g.path}. ${body}` : body;
  const load = () =>
    get<{ items: TaskListItem[] }>(`/tasks?noticeId=${encodeURIComponent(g.noticeId)}&directiveIndex=${g.directiveIndex}&limit=200`).then(
      // By the agency's name, as the officer looks for one.
      (r) => setTasks([...r.items].sort((a, b) => agencyName(index, a.lead).localeCompare(agencyName(index, b.lead), 'vi'))),
      setError,
    );
  const overdue = [...g.overdueAgencies].map((c) => shortLabel(index, c)).sort((a, b) => a.localeCompare(b, 'vi'));
  return (
    <li class={`u-${urgency}`} data-directive={`${g.noticeId} ${g.directiveIndex}`}>
      {g.taskId ? <a href={`/nhiem-vu/${encodeURIComponent(g.taskId)}`}>{text}</a> : <span class="group-text">{text}</span>}
      <div class="meta">
        {g.noticeNumber && <a href={`/thong-bao/${encodeURIComponent(g.noticeId)}`}>Thông báo {g.noticeNumber}</a>}
        {g.taskId && <SingleState g={g} />}
        <DueRange g={g} />
        {g.key && <span class="badge u-soon">Trọng tâm</span>}
        {g.lead && (
          <span>
            Chủ trì: <AgencyName code={g.lead} />
          </span>
        )}
        {g.pendingExtensions > 0 && <span class="badge u-soon">{g.pendingExtensions} chờ duyệt gia hạn</span>}
        {g.pendingCompletions > 0 && <span class="badge u-soon">{g.pendingCompletions} chờ xác nhận hoàn thành</span>}
      </div>
      {!g.taskId && (
        <>
          <div class="rollup" data-rollup>
            <strong>{rollupText(g)}</strong>
            <RollupBar g={g} />
          </div>
          {overdue.length > 0 && (
            <div class="hint overdue-list">
              Quá hạn:{' '}
              {overdue
                .slice(0, OVERDUE_NAMED)
                .map((c) => shortLabel(index, c))
                .join(', ')}
              {g.counts.open_overdue > OVERDUE_NAMED ? ` và ${g.counts.open_overdue - OVERDUE_NAMED} cơ quan khác` : ''}
            </div>
          )}
          <details onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && !tasks && void load()}>
            <summary>Xem {g.count} nhiệm vụ theo cơ quan</summary>
            <ErrorAlert error={error} />
            {tasks ? <TaskList items={tasks} leadFirst compact /> : <p>Đang tải…</p>}
          </details>
        </>
      )}
    </li>
  );
}

/** The state of a directive's one task, from its bucket (the words say it, not only the colour). */
function SingleState({ g }: { g: DirectiveGroup }) {
  const c = g.counts;
  if (c.open_overdue) return <span class="badge u-overdue">Quá hạn</span>;
  if (c.open_on_time) return <span class="badge u-ok">Trong hạn</span>;
  if (c.done_on_time || c.done_late) return <span class="badge u-done">Đã hoàn thành{c.done_late ? ' (quá hạn)' : ''}</span>;
  if (c.cancelled) return <span class="badge u-done">Đã hủy</span>;
  return <span class="badge u-none">Không thời hạn</span>;
}

function RollupBar({ g }: { g: DirectiveGroup }) {
  const c = g.counts;
  const total = Math.max(1, g.count - c.cancelled);
  const seg = (n: number, cls: string) => (n > 0 ? <span class={cls} style={`width: ${(100 * n) / total}%`} /> : null);
  return (
    <div class="rollup-bar" aria-hidden="true">
      {seg(c.done_on_time, 'b-done')}
      {seg(c.done_late, 'b-late')}
      {seg(c.open_on_time, 'b-open')}
      {seg(c.open_overdue, 'b-overdue')}
      {seg(c.no_deadline, 'b-none')}
    </div>
  );
}
