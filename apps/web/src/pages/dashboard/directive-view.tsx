import { get } from '../../api/client';
import { DirectiveGroup, TaskTotals } from '../../api/types';
import { ErrorAlert } from '../../components/alert';
import { useLoad } from '../../lib/use-load';
import { DirectiveGroups } from '../inbox/directive-groups';

/** The dashboard by directive: each directive with its roll-up ("41/56 cơ quan đã hoàn thành, 9 quá hạn"), today's figures. */
export function DirectiveView() {
  const page = useLoad(
    (signal) =>
      get<{ groups: DirectiveGroup[]; nextCursor: string | null; totals?: TaskTotals }>(
        '/tasks?groupBy=directive&limit=200&totals=true',
        signal,
      ),
    'directives',
  );
  if (page.error) return <ErrorAlert error={page.error} />;
  if (!page.data) return <p>Đang tải…</p>;
  const { groups, nextCursor, totals } = page.data;
  return (
    <>
      <p class="hint">
        Số liệu đến hôm nay theo thời hạn hiện hành: {groups.length}
        {nextCursor ? '+' : ''} chỉ đạo{totals ? `, ${totals.total} nhiệm vụ, ${totals.overdue} quá hạn` : ''}; chỉ đạo có nhiệm vụ quá hạn
        lên trước.
      </p>
      <DirectiveGroups groups={groups} />
    </>
  );
}
