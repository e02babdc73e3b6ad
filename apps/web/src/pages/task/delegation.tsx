import { useEffect, useState } from 'preact/hooks';
import { AgencyIndex, agencyName } from '../../api/agencies';
import { get } from '../../api/client';
import { TaskView } from '../../api/types';
import { DueBadge, StateBadge } from '../../components/badges';

const taskHref = (id: string) => `/nhiem-vu/${encodeURIComponent(id)}`;

/**
 * On a child task: the task it was delegated from, with a link back, and the delegating agency's
 * note, apart from the directive (the title stays the Government's words).
 */
export function DelegatedFrom({ task, agencies }: { task: TaskView; agencies?: AgencyIndex }) {
  if (!task.parentTaskId) return null;
  const by = task.delegatedBy ? agencyName(agencies, task.delegatedBy) : undefined;
  return (
    <>
      <p class="delegated-from" data-parent={task.parentTaskId}>
        Giao từ{' '}
        <a href={taskHref(task.parentTaskId)} title={task.parentTaskId}>
          nhiệm vụ {by ? `của ${by}` : 'gốc'}
        </a>
      </p>
      {task.delegationNote && (
        <section class="card delegation-note" aria-labelledby="delegation-note-title">
          <h2 id="delegation-note-title" style="margin-top: 0">
            Ghi chú giao việc của {by ?? 'cơ quan giao việc'}
          </h2>
          <p>{task.delegationNote}</p>
        </section>
      )}
    </>
  );
}

/**
 * On a delegating task: "Nhiệm vụ giao đơn vị", one row per child with a link to it. Each child is
 * read for its unit, due date and state; a child that cannot be read is still listed by its id.
 */
export function DelegatedChildren({ ids, agencies }: { ids: string[]; agencies?: AgencyIndex }) {
  const [views, setViews] = useState<Record<string, TaskView | undefined>>({});
  const key = ids.join('|');
  useEffect(() => {
    let live = true;
    void Promise.all(
      ids.map((id) =>
        get<TaskView>(`/tasks/${encodeURIComponent(id)}`).then(
          (v) => [id, v] as const,
          () => [id, undefined] as const,
        ),
      ),
    ).then((pairs) => live && setViews(Object.fromEntries(pairs)));
    return () => {
      live = false;
    };
  }, [key]);

  if (ids.length === 0) return null;
  return (
    <section class="card" aria-labelledby="children-title">
      <h2 id="children-title" style="margin-top: 0">
        Nhiệm vụ giao đơn vị
      </h2>
      <ul class="children">
        {ids.map((id) => {
          const v = views[id];
          return (
            <li key={id} data-child={id}>
              <a href={taskHref(id)}>{v ? agencyName(agencies, v.lead) : 'Đơn vị cấp dưới'}</a>
              {v && (
                <>
                  {' '}
                  <StateBadge state={v.state} /> <DueBadge info={{ due: v.deadline.due, state: v.state, overdue: v.overdue }} />
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
