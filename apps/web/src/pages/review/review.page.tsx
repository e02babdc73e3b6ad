import { useState } from 'preact/hooks';
import { api, ApiError, get } from '../../api/client';
import { TaskListItem } from '../../api/types';
import { Alert, ErrorAlert } from '../../components/alert';
import { useLoad } from '../../lib/use-load';
import { PageProps } from '../../routes';
import { Decide, ReviewCard } from './review-card';

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

/** The server picks what awaits this reviewer (pending=…: VPCP, or the agency that delegated), earliest deadline first. */
async function loadQueue(signal: AbortSignal) {
  const [extensions, completions] = await Promise.all([all('pending=extension', signal), all('pending=completion', signal)]);
  return { extensions, completions };
}

/** The reviewer's queue: extension requests to approve or reject, completion reports to accept or return. */
export function ReviewPage({ user }: PageProps) {
  const queue = useLoad(loadQueue, 'queue');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string }>();

  const act: Decide = async (t, path, label, body = {}) => {
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
  };

  return (
    <section>
      <h1>Xét duyệt</h1>
      <p class="hint">
        {user.role === 'agency'
          ? 'Đề nghị của các đơn vị cấp dưới mà cơ quan đã giao nhiệm vụ.'
          : 'Đề nghị về các nhiệm vụ do Văn phòng Chính phủ theo dõi; đề nghị của đơn vị cấp dưới do cơ quan giao việc xét duyệt.'}
      </p>
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
            kind="extension"
            decide={act}
          />
          <h2 id="done-title">Báo cáo hoàn thành ({queue.data.completions.length})</h2>
          <ReviewList
            labelledBy="done-title"
            items={queue.data.completions}
            empty="Không có báo cáo hoàn thành đang chờ."
            kind="completion"
            decide={act}
          />
        </>
      )}
    </section>
  );
}

function ReviewList(props: { labelledBy: string; items: TaskListItem[]; empty: string; kind: 'extension' | 'completion'; decide: Decide }) {
  if (props.items.length === 0) return <p>{props.empty}</p>;
  return (
    <ul class="tasks" aria-labelledby={props.labelledBy}>
      {props.items.map((t) => (
        <ReviewCard key={t.taskId} t={t} kind={props.kind} decide={props.decide} />
      ))}
    </ul>
  );
}
