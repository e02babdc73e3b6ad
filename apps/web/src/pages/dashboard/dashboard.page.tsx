import { useState } from 'preact/hooks';
import { download, get } from '../../api/client';
import { PeriodicReportCounts, Stats } from '../../api/types';
import { ErrorAlert } from '../../components/alert';
import { formatDate, todayLocal } from '../../lib/format';
import { AgencyIndex, agencyName, shortLabel, useAgencies } from '../../api/agencies';
import { DateInput } from '../../components/date-input';
import { onTimeRate } from './on-time-rate';
import { DirectiveView } from './directive-view';
import { STATS_BUCKETS } from '../../lib/labels';
import { navigate } from '../../lib/router';
import { useLoad } from '../../lib/use-load';
import { PageProps } from '../../routes';
import { BucketChart } from './bucket-chart';
import { PERIODIC_LABEL, periodicParts, periodicSentence } from './periodic-reports';

const CHART_GROUPS = 15;
/** The columns a phone keeps: the others fold away so the table stays one screen wide. */
const PHONE: ReadonlySet<string> = new Set(['done_on_time', 'open_overdue']);

/**
 * The leader's dashboard: official buckets per agency or per notice, as of a date, with exports; and,
 * when periodic reports were due, their figures (due, on time, late, missing) per row and in total.
 */
export function DashboardPage({ query }: PageProps) {
  const requested = query.get('groupBy');
  const groupBy = requested === 'notice' ? 'notice' : 'agency';
  const byDirective = requested === 'directive';
  const asOf = query.get('asOf') ?? '';
  const deadline = query.get('deadline') === 'original' ? 'original' : 'current';
  const params = new URLSearchParams({ groupBy, deadline, ...(asOf ? { asOf } : {}) });
  const stats = useLoad((signal) => get<Stats>(`/stats?${params.toString()}`, signal), params.toString());
  const [exportError, setExportError] = useState<unknown>();
  const [exporting, setExporting] = useState<string>();

  const change = (patch: Record<string, string>) => {
    const next = new URLSearchParams({ groupBy, deadline, ...(asOf ? { asOf } : {}), ...patch });
    for (const [k, v] of [...next.entries()]) if (!v) next.delete(k);
    navigate(`/tong-hop?${next.toString()}`, true);
  };

  async function exportAppendix(format: 'docx' | 'xlsx') {
    setExporting(format);
    setExportError(undefined);
    try {
      const q = new URLSearchParams({ format, deadline, ...(asOf ? { asOf } : {}) });
      await download(`/reports/appendix?${q.toString()}`, `phu-luc-${asOf || todayLocal()}.${format}`);
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(undefined);
    }
  }

  const agencies = useAgencies();
  const data = stats.data;
  // Rows by name, as a person looks them up (not by the code behind them).
  const label = (g: Stats['groups'][number]) => (groupBy === 'agency' ? agencyName(agencies, g.key) : g.name || g.key);
  const groups = data ? [...data.groups].sort((a, b) => label(a).localeCompare(label(b), 'vi')) : [];
  // The chart: the agencies with the most overdue tasks first, where attention is needed.
  const charted = [...groups].sort((a, b) => b.open_overdue - a.open_overdue || b.total - a.total).slice(0, CHART_GROUPS);
  return (
    <section>
      <h1>Tổng hợp tình hình thực hiện</h1>
      <form class="card row" onSubmit={(e) => e.preventDefault()} aria-label="Tùy chọn tổng hợp">
        <div class="field">
          <label for="d-group">Tổng hợp theo</label>
          <select id="d-group" value={byDirective ? 'directive' : groupBy} onChange={(e) => change({ groupBy: e.currentTarget.value })}>
            <option value="agency">Cơ quan chủ trì</option>
            <option value="notice">Thông báo</option>
            <option value="directive">Chỉ đạo</option>
          </select>
        </div>
        <div class="field">
          <label for="d-asof">Số liệu tính đến ngày</label>
          <DateInput id="d-asof" value={asOf} onChange={(v) => v !== undefined && v <= todayLocal() && change({ asOf: v })} />
        </div>
        <div class="field">
          <label for="d-deadline">Tính theo thời hạn</label>
          <select id="d-deadline" value={deadline} onChange={(e) => change({ deadline: e.currentTarget.value })}>
            <option value="current">Hiện hành (sau gia hạn)</option>
            <option value="original">Ban đầu</option>
          </select>
        </div>
        <div class="field actions">
          <button type="button" disabled={!!exporting} onClick={() => void exportAppendix('docx')}>
            {exporting === 'docx' ? 'Đang tạo…' : 'Tải Phụ lục (Word)'}
          </button>
          <button type="button" disabled={!!exporting} onClick={() => void exportAppendix('xlsx')}>
            {exporting === 'xlsx' ? 'Đang tạo…' : 'Tải Phụ lục (Excel)'}
          </button>
        </div>
      </form>
      <ErrorAlert error={exportError} />
      <ErrorAlert error={stats.error} />
      {byDirective && <DirectiveView />}
      {!byDirective && stats.loading && !data && <p>Đang tải…</p>}
      {!byDirective && data && (
        <>
          <p aria-live="polite">
            Số liệu {asOf ? `tính đến ngày ${formatDate(asOf)}` : 'đến hôm nay'}: <strong data-total>{data.total.total}</strong> nhiệm vụ;{' '}
            đã hoàn thành <strong data-done>{data.total.done_on_time + data.total.done_late}</strong> (đúng hạn {data.total.done_on_time});
            chưa hoàn thành {data.total.open_on_time + data.total.open_overdue} (quá hạn {data.total.open_overdue}).
          </p>
          <p class="kpi">
            Tỷ lệ đúng hạn: <strong data-rate>{onTimeRate(data.total)}</strong>{' '}
            <span class="hint">
              (hoàn thành đúng hạn ÷ nhiệm vụ đã đến hạn: đã hoàn thành đúng hạn, quá hạn và chưa hoàn thành quá hạn)
            </span>
          </p>
          {periodicParts(data.total.periodicReports).length > 0 && (
            <p data-periodic-total>
              <strong>{periodicSentence(data.total.periodicReports)}</strong>{' '}
              <span class="hint">
                (các kỳ báo cáo đã đến hạn{asOf ? ` tính đến ngày ${formatDate(asOf)}` : ''}; nhiệm vụ định kỳ đang thực hiện được tính vào
                cột “Thường xuyên / không thời hạn”)
              </span>
            </p>
          )}
          <BucketChart
            title={`Tình hình thực hiện theo ${groupBy === 'agency' ? 'cơ quan' : 'thông báo'}: ${charted.length} ${groupBy === 'agency' ? 'cơ quan' : 'thông báo'} có nhiều nhiệm vụ quá hạn nhất`}
            bars={charted.map((g) => ({ label: groupBy === 'agency' ? shortLabel(agencies, g.key) : g.name || g.key, counts: g }))}
          />
          <StatsTable groups={groups} total={data.total} groupBy={groupBy} agencies={agencies} />
        </>
      )}
    </section>
  );
}

function StatsTable({
  groups,
  total,
  groupBy,
  agencies,
}: {
  groups: Stats['groups'];
  total: Stats['total'];
  groupBy: string;
  agencies?: AgencyIndex;
}) {
  // The periodic-report column only when some report was due: dashboards without periodic duties look as before.
  const periodic = periodicParts(total.periodicReports).length > 0;
  return (
    <div class="table-wrap" style="margin-top: 1rem">
      <table class="stats-table" id="stats-table">
        <caption class="sr-only">Số nhiệm vụ theo tình hình thực hiện</caption>
        <thead>
          <tr>
            <th scope="col">{groupBy === 'agency' ? 'Cơ quan' : 'Thông báo'}</th>
            {STATS_BUCKETS.map((b) => (
              <th key={b.key} scope="col" class={`num${PHONE.has(b.key) ? '' : ' opt'}`}>
                {b.label}
              </th>
            ))}
            <th scope="col" class="num opt">
              Đã hủy
            </th>
            <th scope="col" class="num">
              Tổng
            </th>
            <th scope="col" class="num">
              Tỷ lệ đúng hạn
            </th>
            {periodic && (
              <th scope="col" class="periodic">
                {PERIODIC_LABEL}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => [
            <tr key={g.key} data-group={g.key} class={periodic && g.periodicReports.due ? 'with-periodic' : undefined}>
              <th scope="row">
                {groupBy === 'notice' ? (
                  <a href={`/thong-bao/${encodeURIComponent(g.key)}`}>{g.name || g.key}</a>
                ) : (
                  <a href={`/nhiem-vu?agency=${encodeURIComponent(g.key)}`} title={`${agencyName(agencies, g.key)} (${g.key})`}>
                    <span class="long">{agencyName(agencies, g.key)}</span>
                    <span class="short">{shortLabel(agencies, g.key)}</span>
                  </a>
                )}
              </th>
              <CountCells counts={g} markBuckets />
              {periodic && <PeriodicCell counts={g.periodicReports} />}
            </tr>,
            periodic && <PeriodicLine key={`${g.key}-periodic`} of={g.key} counts={g.periodicReports} />,
          ])}
        </tbody>
        <tfoot>
          <tr class={periodic ? 'with-periodic' : undefined}>
            <th scope="row">Tổng cộng</th>
            <CountCells counts={total} />
            {periodic && <PeriodicCell counts={total.periodicReports} />}
          </tr>
          {periodic && <PeriodicLine of="total" counts={total.periodicReports} />}
        </tfoot>
      </table>
    </div>
  );
}

/** The count cells of one row: the buckets (marked with data-bucket in group rows), cancelled, total, on-time rate. */
function CountCells({ counts, markBuckets = false }: { counts: Stats['total']; markBuckets?: boolean }) {
  return (
    <>
      {STATS_BUCKETS.map((b) => (
        <td key={b.key} class={`num${PHONE.has(b.key) ? '' : ' opt'}`} data-label={b.label} data-bucket={markBuckets ? b.key : undefined}>
          {counts[b.key]}
        </td>
      ))}
      <td class="num opt" data-label="Đã hủy">
        {counts.cancelled}
      </td>
      <td class="num" data-label="Tổng">
        {counts.total}
      </td>
      <td class="num" data-label="Tỷ lệ đúng hạn">
        {onTimeRate(counts)}
      </td>
    </>
  );
}

/** The columns of the table with the periodic-report column: group, buckets, cancelled, total, rate, periodic. */
const COLUMNS = 1 + STATS_BUCKETS.length + 3 + 1;

/**
 * A row's periodic reports in one compact cell on a wide screen: "12 đến hạn · 9 đúng hạn · 2 muộn
 * · 1 chưa báo cáo"; "—" when none was due for this row. A phone shows PeriodicLine instead.
 */
function PeriodicCell({ counts }: { counts: PeriodicReportCounts }) {
  const parts = periodicParts(counts);
  return (
    <td class="periodic" data-label={PERIODIC_LABEL} data-periodic={counts.due}>
      {parts.length
        ? parts.map((part, i) => (
            <span key={part} class="figure">
              {i > 0 && (
                <span class="sep" aria-hidden="true">
                  {' · '}
                </span>
              )}
              {part}
            </span>
          ))
        : '—'}
    </td>
  );
}

/**
 * On a phone (CSS: hidden on a wide screen), the same figures as a line under the row, the table's
 * whole width: the phone's five columns leave no room for another. Nothing when none was due.
 */
function PeriodicLine({ of, counts }: { of: string; counts: PeriodicReportCounts }) {
  const sentence = periodicSentence(counts);
  if (!sentence) return null;
  return (
    <tr class="periodic-line" data-periodic-of={of}>
      <td colSpan={COLUMNS}>{sentence}</td>
    </tr>
  );
}
