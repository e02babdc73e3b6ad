import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api/client';
import { HistoryEntry, TaskListItem, TaskView, dueOf, isOverdue } from '../../api/types';
import { AgencyName } from '../../components/agency-name';
import { DueBadge } from '../../components/badges';
import { DateInput } from '../../components/date-input';
import { formatDate } from '../../lib/format';
import { AttachmentList, attachmentsOf } from '../task/attachments';
import { ReviewButtons } from './review-buttons';

export type Decide = (t: TaskListItem, path: string, label: string, body?: Record<string, unknown>) => Promise<void>;

/** One request to decide: the task, its notice, the request itself (reason, date, report, files) and the decision. */
export function ReviewCard({ t, kind, decide }: { t: TaskListItem; kind: 'extension' | 'completion'; decide: Decide }) {
  const [view, setView] = useState<TaskView>();
  const [report, setReport] = useState<HistoryEntry>();
  const [due, setDue] = useState<string | undefined>('');
  useEffect(() => {
    const path = `/tasks/${encodeURIComponent(t.taskId)}`;
    void get<TaskView>(path).then(setView, () => undefined);
    if (kind === 'completion')
      void get<{ events: HistoryEntry[] }>(`${path}/history`).then(
        (h) => setReport([...h.events].reverse().find((e) => e.type === 'CompletionReported')),
        () => undefined,
      );
  }, [t.taskId]);
  const proposed = view?.pendingExtension?.proposedDue ?? t.pendingExtension?.proposedDue;
  return (
    <li data-task-id={t.taskId}>
      <a href={`/nhiem-vu/${encodeURIComponent(t.taskId)}`}>{t.text.length > 300 ? `${t.text.slice(0, 300)}…` : t.text}</a>
      <div class="meta">
        <span>
          Chủ trì: <AgencyName code={t.lead} />
        </span>
        {t.noticeNumber && <a href={`/thong-bao/${encodeURIComponent(t.noticeId)}`}>Thông báo {t.noticeNumber}</a>}
        <DueBadge info={{ due: dueOf(t), state: t.state, overdue: isOverdue(t) }} />
      </div>
      {kind === 'extension' ? (
        <dl class="facts request">
          <dt>Đề nghị gia hạn đến</dt>
          <dd>{formatDate(proposed)}</dd>
          <dt>Lý do</dt>
          <dd>{view?.pendingExtension?.reason ?? '…'}</dd>
        </dl>
      ) : (
        <dl class="facts request">
          <dt>Kết quả báo cáo</dt>
          <dd>{view?.completionReport?.result ?? t.result ?? '…'}</dd>
          {view?.completionReport?.documentRef && (
            <>
              <dt>Văn bản</dt>
              <dd>{view.completionReport.documentRef}</dd>
            </>
          )}
          {view?.completionReport?.reportedOn && (
            <>
              <dt>Ngày báo cáo</dt>
              <dd>{formatDate(view.completionReport.reportedOn)}</dd>
            </>
          )}
          <dt>Tệp đính kèm</dt>
          <dd>
            {report && attachmentsOf(report).length ? <AttachmentList taskId={t.taskId} items={attachmentsOf(report)} /> : 'Không có'}
          </dd>
        </dl>
      )}
      {kind === 'extension' ? (
        <ReviewButtons
          approveLabel="Chấp thuận gia hạn"
          rejectLabel="Không chấp thuận"
          confirm={`Chấp thuận gia hạn đến ${formatDate(due || proposed)}?`}
          approveFields={
            <div class="field">
              <label for={`due-${t.taskId}`}>Ngày được chấp thuận (để trống: ngày đề nghị)</label>
              <DateInput id={`due-${t.taskId}`} value={due ?? ''} onChange={setDue} />
            </div>
          }
          onApprove={(comment) =>
            decide(t, 'extension-requests/current/approve', 'Đã chấp thuận gia hạn', { ...(due ? { due } : {}), comment })
          }
          onReject={(reason) => decide(t, 'extension-requests/current/reject', 'Đã không chấp thuận gia hạn', { reason })}
        />
      ) : (
        <ReviewButtons
          approveLabel="Xác nhận hoàn thành"
          rejectLabel="Trả lại"
          confirm="Xác nhận nhiệm vụ đã hoàn thành theo báo cáo trên?"
          onApprove={(comment) => decide(t, 'completion/accept', 'Đã xác nhận hoàn thành', { comment })}
          onReject={(reason) => decide(t, 'completion/return', 'Đã trả lại báo cáo', { reason })}
        />
      )}
    </li>
  );
}
