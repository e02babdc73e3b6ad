import { useEffect, useState } from 'preact/hooks';
import { agencyName, useAgencies } from '../../api/agencies';
import { get } from '../../api/client';
import { DirectiveGroup, TaskListItem, TaskTotals } from '../../api/types';
import { ErrorAlert } from '../../components/alert';
import { navigate } from '../../lib/router';
import { PageProps } from '../../routes';
import { DirectiveGroups } from './directive-groups';
import { filtersFrom, InboxFilterForm, toQuery } from './inbox-filters';
import { TaskList } from './task-list';

interface Page {
  items?: TaskListItem[];
  groups?: DirectiveGroup[];
  nextCursor?: string | null;
  totals?: TaskTotals;
}

const PAGE_SIZE = 50;
export const PAINT_MARK = 'tdnv:inbox-painted';

/**
 * The inbox: an agency's own tasks; for VPCP and viewers, by directive (a directive sent to 56
 * agencies is one row with its roll-up) unless one agency is chosen or every task is asked for.
 * Overdue first, then by deadline; the counts are the server's, for the whole filter.
 */
export function InboxPage({ query, user }: PageProps) {
  const agencies = useAgencies();
  const filters = filtersFrom(query);
  const grouped = user.role !== 'agency' && !filters.agency && filters.view !== 'tasks';
  const apiQuery = toQuery({ ...filters, view: '' });
  const key = `${apiQuery.toString()} ${grouped}`;
  const [items, setItems] = useState<TaskListItem[]>([]);
  const [groups, setGroups] = useState<DirectiveGroup[]>([]);
  const [totals, setTotals] = useState<TaskTotals>();
  const [cursor, setCursor] = useState<string | null>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();

  async function load(after?: string) {
    setLoading(true);
    setError(undefined);
    try {
      const q = new URLSearchParams(apiQuery);
      q.set('limit', String(PAGE_SIZE));
      if (grouped) q.set('groupBy', 'directive');
      if (after) q.set('cursor', after);
      else q.set('totals', 'true');
      const page = await get<Page>(`/tasks?${q.toString()}`);
      if (grouped) setGroups((old) => (after ? [...old, ...(page.groups ?? [])] : (page.groups ?? [])));
      else setItems((old) => (after ? [...old, ...(page.items ?? [])] : (page.items ?? [])));
      if (page.totals) setTotals(page.totals);
      setCursor(page.nextCursor ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => void load(), [key]);
  // The benchmark's "first meaningful paint": the first time the list is on screen with tasks
  // (the frame after the render), read through the Performance API.
  useEffect(() => {
    if ((items.length > 0 || groups.length > 0) && performance.getEntriesByName(PAINT_MARK).length === 0)
      requestAnimationFrame(() => performance.mark(PAINT_MARK));
  }, [items, groups]);

  const title =
    user.role === 'agency' ? `Nhiệm vụ của ${user.agency ? agencyName(agencies, user.agency) : 'cơ quan'}` : 'Danh sách nhiệm vụ';
  return (
    <section>
      <h1>{title}</h1>
      <InboxFilterForm key={key} value={filters} user={user} onApply={(f) => navigate(`/nhiem-vu?${toQuery(f).toString()}`)} />
      <ErrorAlert error={error} />
      <p class="hint" aria-live="polite" data-totals>
        {loading && !totals ? 'Đang tải…' : totals ? summary(totals, grouped ? groups.length : undefined, !!cursor) : ''}
      </p>
      {grouped ? <DirectiveGroups groups={groups} /> : <TaskList items={items} />}
      {cursor && (
        <div class="actions">
          <button type="button" disabled={loading} onClick={() => void load(cursor)}>
            Xem thêm
          </button>
        </div>
      )}
    </section>
  );
}

function summary(t: TaskTotals, groupsShown: number | undefined, more: boolean): string {
  const parts = [`${t.total} nhiệm vụ`, `${t.overdue} quá hạn`];
  if (t.noDeadline) parts.push(`${t.noDeadline} không thời hạn`);
  if (groupsShown !== undefined) parts.push(`${groupsShown}${more ? '+' : ''} chỉ đạo`);
  return parts.join(' · ');
}
