import { useEffect, useState } from 'preact/hooks';
import { AgencyIndex, indexAgencies, loadAgencies } from '../../api/agencies';
import { AgencyName, AgencyNames } from '../../components/agency-name';
import { TaskAttachments } from './attachments';
import { api, ApiError, get } from '../../api/client';
import { HistoryEntry, TaskView } from '../../api/types';
import { Alert, ErrorAlert } from '../../components/alert';
import { DueBadge, StateBadge } from '../../components/badges';
import { formatDate } from '../../lib/format';
import { KIND_LABELS, STATE_LABELS } from '../../lib/labels';
import { PageProps } from '../../routes';
import { ActionPanel } from './action-panel';
import { DelegatedChildren, DelegatedFrom } from './delegation';
import { actionsFor } from './task-actions';
import { Reminders } from './reminders';
import { Timeline } from './timeline';

interface Loaded {
  task: TaskView;
  revision: number;
  history: HistoryEntry[];
}

async function loadTask(id: string): Promise<Loaded> {
  const path = `/tasks/${encodeURIComponent(id)}`;
  const [{ data: task, revision }, history] = await Promise.all([
    api<TaskView>('GET', path),
    get<{ events: HistoryEntry[] }>(`${path}/history`),
  ]);
  return { task, revision: revision ?? task.revision, history: history.events };
}

/** One task: its facts, the viewer's actions, the timeline of every event and the reminders. */
export function TaskPage({ params, user }: PageProps) {
  const id = params.id;
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string }>();
  const [agencies, setAgencies] = useState<AgencyIndex>();

  const reload = () =>
    loadTask(id).then(
      (l) => (setLoaded(l), setError(undefined)),
      (e: unknown) => setError(e),
    );
  useEffect(() => {
    void reload();
    void loadAgencies().then(
      (a) => setAgencies(indexAgencies(a)),
      () => undefined,
    );
  }, [id]);

  if (error && !loaded) return <ErrorAlert error={error} />;
  if (!loaded) return <p aria-busy="true">Đang tải nhiệm vụ…</p>;
  const { task, revision, history } = loaded;
  const due = task.deadline;
  const extended = task.originalDeadline && task.originalDeadline.due !== due.due;
  // The viewer's own units (GET /agencies items whose parent is the viewer's agency): where it may delegate.
  const units = user.agency && agencies ? [...agencies.values()].filter((a) => a.parent === user.agency) : [];

  return (
    <section>
      <p>
        <a href={`/thong-bao/${encodeURIComponent(task.noticeId)}`}>Thông báo {task.noticeNumber}</a> · Chỉ đạo thứ{' '}
        {task.directiveIndex + 1}
      </p>
      <h1 class="task-title">{task.text}</h1>
      <DelegatedFrom task={task} agencies={agencies} />
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <div class="card">
        <dl class="facts">
          <dt>Trạng thái</dt>
          <dd>
            <StateBadge state={task.state} /> <DueBadge info={{ due: due.due, state: task.state, overdue: task.overdue }} />
            {task.key && <span class="badge u-soon">Trọng tâm</span>}
            {task.confidential && <span class="badge u-overdue">Mật</span>}
          </dd>
          <dt>Cơ quan chủ trì</dt>
          <dd>
            <AgencyName code={task.lead} />
          </dd>
          {task.coordinators.length > 0 && (
            <>
              <dt>Cơ quan phối hợp</dt>
              <dd>
                <AgencyNames codes={task.coordinators} />
              </dd>
            </>
          )}
          <dt>Thời hạn</dt>
          <dd>
            {due.due ? formatDate(due.due) : 'Không thời hạn'}
            {due.phrase && ` (“${due.phrase}”, ${KIND_LABELS[due.kind] ?? due.kind})`}
            {extended && <div class="hint">Thời hạn ban đầu: {formatDate(task.originalDeadline.due)}</div>}
          </dd>
          {task.pendingExtension && (
            <>
              <dt>Đề nghị gia hạn</dt>
              <dd>
                đến {formatDate(task.pendingExtension.proposedDue)} — {task.pendingExtension.reason}
              </dd>
            </>
          )}
          {task.lastProgress && (
            <>
              <dt>Tiến độ gần nhất</dt>
              <dd>
                {task.lastProgress.note}
                {task.lastProgress.percent !== undefined && ` (${task.lastProgress.percent}%)`}
              </dd>
            </>
          )}
          {task.completionReport && (
            <>
              <dt>Báo cáo hoàn thành</dt>
              <dd>
                {task.completionReport.result}
                {task.completionReport.documentRef && ` — ${task.completionReport.documentRef}`} (
                {formatDate(task.completionReport.reportedOn)})
              </dd>
            </>
          )}
        </dl>
      </div>
      <ActionPanel
        taskId={task.taskId}
        revision={revision}
        actions={actionsFor(task, user, units)}
        onDone={(r, a) => {
          setNotice({ kind: 'success', text: `Đã ghi nhận: ${a.label}. Trạng thái: ${STATE_LABELS[r.state] ?? r.state}.` });
          void reload();
        }}
        onConflict={(e: ApiError) => {
          const current = (e.problem.current as { state?: string; status?: string } | undefined) ?? {};
          const state = current.state ?? current.status;
          setNotice({
            kind: 'error',
            text: `Nhiệm vụ đã được người khác thay đổi${state ? ` (trạng thái hiện tại: ${STATE_LABELS[state] ?? state})` : ''}. Trang đã tải lại trạng thái mới; vui lòng kiểm tra rồi thực hiện lại. ${e.problem.detail ?? ''}`,
          });
          void reload();
        }}
      />
      <TaskAttachments taskId={task.taskId} history={history} />
      <DelegatedChildren ids={task.children} agencies={agencies} />
      <h2>Lịch sử xử lý</h2>
      <Timeline events={history} taskId={task.taskId} />
      <Reminders taskId={task.taskId} />
    </section>
  );
}
