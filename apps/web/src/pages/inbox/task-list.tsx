import { TaskListItem, dueOf, isOverdue } from '../../api/types';
import { DueBadge, StateBadge } from '../../components/badges';
import { urgencyOf } from '../../lib/urgency';

/** A list, not a table: it reads well on a phone and each task is one link. */
export function TaskList({ items }: { items: TaskListItem[] }) {
  if (items.length === 0) return <p>Không có nhiệm vụ nào phù hợp.</p>;
  return (
    <ul class="tasks" aria-label="Nhiệm vụ">
      {items.map((t) => {
        const info = { due: dueOf(t), state: t.state, overdue: isOverdue(t) };
        return (
          <li key={t.taskId} class={`u-${urgencyOf(info)}`} data-task-id={t.taskId}>
            <a href={`/nhiem-vu/${encodeURIComponent(t.taskId)}`}>{t.text.length > 220 ? `${t.text.slice(0, 220)}…` : t.text}</a>
            <div class="meta">
              <DueBadge info={info} />
              <StateBadge state={t.state} />
              {t.key && <span class="badge u-soon">Trọng tâm</span>}
              {t.pendingExtension && <span class="badge u-soon">Chờ duyệt gia hạn</span>}
              <span>Chủ trì: {t.lead}</span>
              {t.noticeNumber && <span>Thông báo {t.noticeNumber}</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
