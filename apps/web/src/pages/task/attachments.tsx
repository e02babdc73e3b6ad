import { useState } from 'preact/hooks';
import { download, UploadedAttachment } from '../../api/client';
import { HistoryEntry } from '../../api/types';
import { ErrorAlert } from '../../components/alert';
import { formatDateTime } from '../../lib/format';
import { EVENT_LABELS } from '../../lib/labels';
import { formatSize } from './action-field';

export const attachmentsOf = (e: HistoryEntry): UploadedAttachment[] =>
  Array.isArray(e.data['attachments']) ? (e.data['attachments'] as UploadedAttachment[]) : [];

/** Files of one report, each a download (the bearer token goes with it, so not a plain link). */
export function AttachmentList({ taskId, items }: { taskId: string; items: UploadedAttachment[] }) {
  const [error, setError] = useState<unknown>();
  if (items.length === 0) return null;
  return (
    <>
      <ul class="files">
        {items.map((a) => (
          <li key={a.id} data-attachment={a.id}>
            <button
              type="button"
              class="link"
              title={`SHA-256 ${a.sha256}`}
              onClick={() =>
                void download(`/tasks/${encodeURIComponent(taskId)}/attachments/${encodeURIComponent(a.id)}`, a.name).catch(setError)
              }
            >
              {a.name}
            </button>{' '}
            <span class="hint">({formatSize(a.size)})</span>
          </li>
        ))}
      </ul>
      <ErrorAlert error={error} />
    </>
  );
}

/** Every file attached to the task's reports, newest first, with the report it came with. */
export function TaskAttachments({ taskId, history }: { taskId: string; history: HistoryEntry[] }) {
  const reports = history.filter((e) => attachmentsOf(e).length > 0).reverse();
  if (reports.length === 0) return null;
  return (
    <section class="card" aria-labelledby="files-title">
      <h2 id="files-title" style="margin-top: 0">
        Tệp đính kèm
      </h2>
      {reports.map((e) => (
        <div key={e.revision}>
          <div class="hint">
            {EVENT_LABELS[e.type] ?? e.type}, {formatDateTime(e.occurredAt)}
          </div>
          <AttachmentList taskId={taskId} items={attachmentsOf(e)} />
        </div>
      ))}
    </section>
  );
}
