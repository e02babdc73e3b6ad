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

/** The queue's two lists, in the order the page shows them. */
const SECTIONS = [
  {
    key: 'extensions',
    kind: 'extension',
    titleId: 'ext-title',
    title: 'Đề nghị gia hạn',
    empty: 'Không có đề nghị gia hạn đang chờ.',
  },
  {
    key: 'completions',
    kind: 'completion',
    titleId: 'done-title',
    title: 'Báo cáo hoàn thành',
    empty: 'Không có báo cáo hoàn thành đang chờ.',
  },
] as const;

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

  const data = queue.data;
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
      {data && SECTIONS.map((section) => <ReviewSection key={section.kind} section={section} items={data[section.key]} decide={act} />)}
    </section>
  );
}

/** One list of the queue under its heading (with its count), or the sentence saying it is empty. */
function ReviewSection({ section, items, decide }: { section: (typeof SECTIONS)[number]; items: TaskListItem[]; decide: Decide }) {
  return (
    <>
      <h2 id={section.titleId}>
        {section.title} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p>{section.empty}</p>
      ) : (
        <ul class="tasks" aria-labelledby={section.titleId}>
          {items.map((t) => (
            <ReviewCard key={t.taskId} t={t} kind={section.kind} decide={decide} />
          ))}
        </ul>
      )}
    </>
  );
}
