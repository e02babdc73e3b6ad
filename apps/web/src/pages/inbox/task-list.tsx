import { TaskListItem, dueOf, isOverdue } from '../../api/types';
import { AgencyName } from '../../components/agency-name';
import { DueBadge, StateBadge } from '../../components/badges';
import { urgencyOf } from '../../lib/urgency';

/** A list, not a table: it reads well on a phone and each task is one link. */
export function TaskList({ items, leadFirst = false, compact = false }: { items: TaskListItem[]; leadFirst?: boolean; compact?: boolean }) {
  if (items.length === 0) return <p>Không có nhiệm vụ nào phù hợp.</p>;
  return (
    <ul class={compact ? 'tasks compact' : 'tasks'} aria-label="Nhiệm vụ">
      {items.map((t) => {
        const info = { due: dueOf(t), state: t.state, overdue: isOverdue(t) };
        return (
          <li key={t.taskId} class={`u-${urgencyOf(info)}`} data-task-id={t.taskId}>
            {/* Tasks of one directive read the same: there the agency is the link. */}
            <a href={`/nhiem-vu/${encodeURIComponent(t.taskId)}`}>
              {leadFirst ? <AgencyName code={t.lead} /> : t.text.length > 220 ? `${t.text.slice(0, 220)}…` : t.text}
            </a>
            <div class="meta">
              <DueBadge info={info} />
              <StateBadge state={t.state} />
              {t.key && <span class="badge u-soon">Trọng tâm</span>}
              {t.pendingExtension && <span class="badge u-soon">Chờ duyệt gia hạn</span>}
              {!leadFirst && (
                <span>
                  Chủ trì: <AgencyName code={t.lead} />
                </span>
              )}
              {t.delegatedBy && (
                <span>
                  Giao từ <AgencyName code={t.delegatedBy} short />
                </span>
              )}
              {!leadFirst && t.noticeNumber && <span>Thông báo {t.noticeNumber}</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
