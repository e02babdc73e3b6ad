import { useEffect, useState } from 'preact/hooks';
import { AgencyIndex, agencyName, indexAgencies, loadAgencies, shortLabel } from '../../api/agencies';
import { download, get } from '../../api/client';
import { TaskListItem, dueOf, isOverdue } from '../../api/types';
import { ErrorAlert } from '../../components/alert';
import { DueBadge, StateBadge } from '../../components/badges';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { PageProps } from '../../routes';
import type { RegisteredDirective } from '@tdnv/domain';

interface Rollup {
  done_on_time: number;
  done_late: number;
  open_on_time: number;
  open_overdue: number;
  no_deadline?: number;
  total: number;
  cancelled: number;
  completed: number;
  open: number;
  summary: string;
}

interface NoticeProgress {
  noticeId: string;
  number: string;
  issuedAt: string;
  title: string;
  leader: string | null;
  directives: (Pick<RegisteredDirective, 'index' | 'path' | 'text' | 'lead' | 'coordinators' | 'deadline' | 'key'> & {
    rollup: Rollup;
    tasks: TaskListItem[];
  })[];
}

/** A notice's progress: per directive the roll-up ("41/63 tỉnh đã hoàn thành") and its tasks. */
export function NoticePage({ params }: PageProps) {
  const id = params.id;
  const progress = useLoad((signal) => get<NoticeProgress>(`/notices/${encodeURIComponent(id)}/progress`, signal), id);
  const [agencies, setAgencies] = useState<AgencyIndex>();
  const [error, setError] = useState<unknown>();
  useEffect(
    () =>
      void loadAgencies().then(
        (a) => setAgencies(indexAgencies(a)),
        () => undefined,
      ),
    [],
  );

  if (progress.error) return <ErrorAlert error={progress.error} />;
  const p = progress.data;
  if (!p) return <p>Đang tải…</p>;
  const done = p.directives.reduce((n, d) => n + d.rollup.completed, 0);
  const total = p.directives.reduce((n, d) => n + d.rollup.total - d.rollup.cancelled, 0);
  return (
    <section>
      <p class="hint">
        Thông báo số {p.number} ngày {formatDate(p.issuedAt)}
        {p.leader ? ` · ${p.leader}` : ''}
      </p>
      <h1>{p.title}</h1>
      <p>
        <strong>
          {done}/{total}
        </strong>{' '}
        nhiệm vụ đã hoàn thành.
      </p>
      <div class="actions">
        <button
          type="button"
          onClick={() => download(`/reports/appendix?noticeId=${encodeURIComponent(id)}&format=docx`, `phu-luc-${id}.docx`).catch(setError)}
        >
          Tải Phụ lục (Word)
        </button>
        <button
          type="button"
          onClick={() => download(`/reports/appendix?noticeId=${encodeURIComponent(id)}&format=xlsx`, `phu-luc-${id}.xlsx`).catch(setError)}
        >
          Tải Phụ lục (Excel)
        </button>
        <a class="button" href={`/nhiem-vu?noticeId=${encodeURIComponent(id)}`}>
          Lọc nhiệm vụ của thông báo
        </a>
      </div>
      <ErrorAlert error={error} />
      <ul class="directives">
        {p.directives.map((d) => (
          <li key={d.index} class="card" data-directive={d.index}>
            <p style="margin-top: 0">
              <strong class="path">{d.path ?? `Chỉ đạo ${d.index + 1}`}</strong> {d.text}
            </p>
            <p class="hint">
              Chủ trì: {d.lead.map((c) => agencyName(agencies, c)).join('; ')} · Thời hạn:{' '}
              {d.deadline.due ? formatDate(d.deadline.due) : 'không thời hạn'}
              {d.deadline.phrase ? ` (“${d.deadline.phrase}”)` : ''}
            </p>
            <label for={`roll-${d.index}`}>{d.rollup.summary}</label>
            <progress id={`roll-${d.index}`} max={Math.max(1, d.rollup.total - d.rollup.cancelled)} value={d.rollup.completed} />
            <p class="hint">
              Đúng hạn {d.rollup.done_on_time} · quá hạn {d.rollup.done_late} · đang thực hiện trong hạn {d.rollup.open_on_time} · quá hạn
              chưa hoàn thành {d.rollup.open_overdue}
              {d.rollup.no_deadline ? ` · không thời hạn ${d.rollup.no_deadline}` : ''}
            </p>
            <OverdueAgencies tasks={d.tasks} agencies={agencies} />
            {d.tasks.length > 0 && (
              <details open={d.tasks.length <= 3}>
                <summary>{d.tasks.length} nhiệm vụ</summary>
                <ul class="tasks">
                  {sortByName(d.tasks, agencies).map((t) => (
                    <li key={t.taskId}>
                      <a href={`/nhiem-vu/${encodeURIComponent(t.taskId)}`}>{agencyName(agencies, t.lead)}</a>
                      <div class="meta">
                        <StateBadge state={t.state} />
                        <DueBadge info={{ due: dueOf(t), state: t.state, overdue: isOverdue(t) }} />
                      </div>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const sortByName = (tasks: TaskListItem[], agencies: AgencyIndex | undefined) =>
  [...tasks].sort((a, b) => agencyName(agencies, a.lead).localeCompare(agencyName(agencies, b.lead), 'vi'));

/** "Quá hạn: An Giang, Bắc Ninh … và 40 cơ quan khác": which agencies are late, by name. */
function OverdueAgencies({ tasks, agencies }: { tasks: TaskListItem[]; agencies?: AgencyIndex }) {
  const late = tasks
    .filter(isOverdue)
    .map((t) => shortLabel(agencies, t.lead))
    .sort((a, b) => a.localeCompare(b, 'vi'));
  if (late.length === 0) return null;
  return (
    <p class="hint overdue-list">
      Quá hạn: {late.slice(0, 12).join(', ')}
      {late.length > 12 ? ` và ${late.length - 12} cơ quan khác` : ''}
    </p>
  );
}
