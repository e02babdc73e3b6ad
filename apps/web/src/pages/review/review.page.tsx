import { useState } from 'preact/hooks';
import { api, ApiError, get } from '../../api/client';
import { TaskListItem, dueOf, isOverdue } from '../../api/types';
import { Alert, ErrorAlert } from '../../components/alert';
import { DueBadge } from '../../components/badges';
import { formatDate } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { PageProps } from '../../routes';
import { ReviewButtons } from './review-buttons';

interface Page {
  items: TaskListItem[];
  nextCursor?: string | null;
}

/** Every page of a list query (the queue is short: pending requests only). */
async function all(query: string, signal: AbortSignal): Promise<TaskListItem[]> {
  const out: TaskListItem[] = [];
  let cursor: string | null | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await get<Page>(`/tasks?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, signal);
    out.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return out;
}

/** The server picks what awaits VPCP (pending=…), earliest deadline first. */
async function loadQueue(signal: AbortSignal) {
  const [extensions, completions] = await Promise.all([all('pending=extension', signal), all('pending=completion', signal)]);
  return { extensions, completions };
}

/** VPCP's review queue: extension requests to approve or reject, completion reports to accept or return. */
export function ReviewPage(_props: PageProps) {
  const queue = useLoad(loadQueue, 'queue');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string }>();

  async function act(t: TaskListItem, path: string, label: string, body: Record<string, unknown> = {}) {
    setMessage(undefined);
    try {
      // The revision the officer decides on: read it now, and let a concurrent change answer 409.
      const { revision } = await api('GET', `/tasks/${encodeURIComponent(t.taskId)}`);
      await api('POST', `/tasks/${encodeURIComponent(t.taskId)}/${path}`, { body, ifMatch: revision });
      setMessage({ kind: 'success', text: `${label}: ${t.text.slice(0, 80)}…` });
    } catch (e) {
      const conflict = e instanceof ApiError && e.status === 409;
      setMessage({
        kind: 'error',
        text: conflict
          ? `Nhiệm vụ đã được người khác thay đổi; danh sách đã được tải lại. ${(e as ApiError).problem.detail ?? ''}`
          : e instanceof ApiError
            ? (e.problem.detail ?? e.problem.title)
            : String(e),
      });
      if (!conflict) throw e;
    } finally {
      queue.reload();
    }
  }

  return (
    <section>
      <h1>Xét duyệt</h1>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      <ErrorAlert error={queue.error} />
      {queue.loading && !queue.data && <p>Đang tải…</p>}
      {queue.data && (
        <>
          <h2 id="ext-title">Đề nghị gia hạn ({queue.data.extensions.length})</h2>
          <ReviewList
            labelledBy="ext-title"
            items={queue.data.extensions}
            empty="Không có đề nghị gia hạn đang chờ."
            detail={(t) => `Đề nghị gia hạn đến ${formatDate(t.pendingExtension?.proposedDue)}`}
            buttons={(t) => (
              <ReviewButtons
                approveLabel="Chấp thuận gia hạn"
                rejectLabel="Không chấp thuận"
                onApprove={() => act(t, 'extension-requests/current/approve', 'Đã chấp thuận gia hạn')}
                onReject={(reason) => act(t, 'extension-requests/current/reject', 'Đã không chấp thuận gia hạn', { reason })}
              />
            )}
          />
          <h2 id="done-title">Báo cáo hoàn thành ({queue.data.completions.length})</h2>
          <ReviewList
            labelledBy="done-title"
            items={queue.data.completions}
            empty="Không có báo cáo hoàn thành đang chờ."
            detail={(t) => `Kết quả: ${t.result ?? '—'}`}
            buttons={(t) => (
              <ReviewButtons
                approveLabel="Xác nhận hoàn thành"
                rejectLabel="Trả lại"
                onApprove={() => act(t, 'completion/accept', 'Đã xác nhận hoàn thành')}
                onReject={(reason) => act(t, 'completion/return', 'Đã trả lại báo cáo', { reason })}
              />
            )}
          />
        </>
      )}
    </section>
  );
}

function ReviewList(props: {
  labelledBy: string;
  items: TaskListItem[];
  empty: string;
  detail: (t: TaskListItem) => string;
  buttons: (t: TaskListItem) => preact.ComponentChildren;
}) {
  if (props.items.length === 0) return <p>{props.empty}</p>;
  return (
    <ul class="tasks" aria-labelledby={props.labelledBy}>
      {props.items.map((t) => (
        <li key={t.taskId} data-task-id={t.taskId}>
          <a href={`/nhiem-vu/${encodeURIComponent(t.taskId)}`}>{t.text.length > 200 ? `${t.text.slice(0, 200)}…` : t.text}</a>
          <div class="meta">
            <span>Chủ trì: {t.lead}</span>
            <DueBadge info={{ due: dueOf(t), state: t.state, overdue: isOverdue(t) }} />
            <span>{props.detail(t)}</span>
          </div>
          {props.buttons(t)}
        </li>
      ))}
    </ul>
  );
}
