import { AgencyPicker } from '../../components/agency-picker';
import { DateInput } from '../../components/date-input';
import { KIND_LABELS } from '../../lib/labels';
import { UnresolvedAgency } from '../../api/types';
import { mapLead, PreviewData, Row, rowErrors, tasksOf } from './import-model';
import { needsReview, rowWarnings } from './row-warnings';
import { StatusCell } from './status-cell';
import { UnknownLeads } from './unknown-leads';

interface Props extends PreviewData {
  serverErrors: Record<string, string>;
  onChange: (index: number, patch: Partial<Row>) => void;
  /** The document's date (YYYY-MM-DD or ''): the day a row newly marked done is dated. */
  reportDate: string;
  /** The key of the "add as a unit" request under way, and the refusals by key (UnknownLeads). */
  adding?: string;
  unitErrors: Record<string, unknown>;
  onAddUnit: (index: number, u: UnresolvedAgency) => void;
}

/** A report (or any document whose rows carry a result): the table shows and edits each row's status. */
export const hasStatuses = (p: PreviewData) => p.parsed.notice.kind === 'bao_cao' || p.parsed.directives.some((d) => d.status);

/** The parsed directives, one editable row each, with their warnings as sentences on the row they concern. */
export function DirectiveTable({
  rows,
  parsed,
  agencies,
  today,
  serverErrors,
  onChange,
  reportDate,
  adding,
  unitErrors,
  onAddUnit,
}: Props) {
  const statuses = hasStatuses({ rows, parsed, agencies, today });
  return (
    <div class="table-wrap">
      <table class="stack-sm directive-table">
        <caption class="sr-only">Các chỉ đạo tìm thấy trong văn bản</caption>
        <thead>
          <tr>
            <th scope="col">Mục</th>
            <th scope="col">Nội dung</th>
            <th scope="col">Chủ trì</th>
            <th scope="col">Phối hợp</th>
            <th scope="col">Thời hạn</th>
            {statuses && <th scope="col">Trạng thái</th>}
            <th scope="col">Đánh dấu</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const errs: Record<string, string | undefined> = { ...rowErrors(r, today), ...pick(serverErrors, r.path) };
            const warnings = r.drop ? [] : rowWarnings(r, parsed, agencies, today);
            const id = `d${i}`;
            const n = tasksOf(r, agencies);
            return (
              <tr
                key={r.path}
                class={needsReview(r, parsed, agencies, today) || Object.keys(errs).length ? 'warn' : undefined}
                data-path={r.path}
                style={r.drop ? 'opacity:.55' : undefined}
              >
                <td data-label="Mục">
                  <strong>{r.path}</strong>
                  {n > 1 && <div class="hint">{n} nhiệm vụ</div>}
                </td>
                <td data-label="Nội dung" style={`min-width: ${statuses ? 15 : 18}rem`}>
                  <label class="sr-only" for={`${id}-text`}>
                    Nội dung chỉ đạo {r.path}
                  </label>
                  <textarea
                    id={`${id}-text`}
                    rows={4}
                    value={r.text}
                    disabled={r.drop}
                    onInput={(e) => onChange(i, { text: e.currentTarget.value })}
                    aria-invalid={errs.text ? true : undefined}
                  />
                  {errs.text && <div class="error-text">{errs.text}</div>}
                  {warnings.length > 0 && (
                    <ul class="warning-list" aria-label={`Cảnh báo của chỉ đạo ${r.path}`}>
                      {warnings.map((w) => (
                        <li key={w}>⚠ {w}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td data-label="Chủ trì" style="min-width: 12rem">
                  <label class="sr-only" for={`${id}-lead`}>
                    Cơ quan chủ trì {r.path}
                  </label>
                  <AgencyPicker
                    id={`${id}-lead`}
                    multiple
                    filter={() => true}
                    value={r.lead}
                    disabled={r.drop}
                    onChange={(lead) => onChange(i, { lead, mapped: {} })}
                    invalid={!!errs.lead}
                    describedBy={errs.lead ? `${id}-lead-error` : undefined}
                    placeholder="Thêm cơ quan chủ trì"
                  />
                  {errs.lead && (
                    <div class="error-text" id={`${id}-lead-error`}>
                      {errs.lead}
                    </div>
                  )}
                  <UnknownLeads
                    row={r}
                    agencies={agencies}
                    adding={adding}
                    errors={unitErrors}
                    onMap={(u, code) => {
                      const { lead, mapped } = mapLead(r, u.name, code);
                      onChange(i, { lead, mapped });
                    }}
                    onAddUnit={(u) => onAddUnit(i, u)}
                  />
                </td>
                <td data-label="Phối hợp" style="min-width: 12rem">
                  <label class="sr-only" for={`${id}-co`}>
                    Cơ quan phối hợp {r.path}
                  </label>
                  <AgencyPicker
                    id={`${id}-co`}
                    multiple
                    filter={() => true}
                    value={r.coordinators}
                    disabled={r.drop}
                    onChange={(coordinators) => onChange(i, { coordinators })}
                    invalid={!!errs.coordinators}
                    placeholder="Thêm cơ quan phối hợp"
                  />
                  {errs.coordinators && <div class="error-text">{errs.coordinators}</div>}
                </td>
                <td data-label="Thời hạn">
                  <label class="sr-only" for={`${id}-due`}>
                    Thời hạn {r.path}
                  </label>
                  <DateInput
                    id={`${id}-due`}
                    value={r.due}
                    disabled={r.drop}
                    onChange={(due) => due !== undefined && onChange(i, { due })}
                  />
                  <div class="hint">
                    {!r.due && 'Không thời hạn'}
                    {r.parsed.deadline.phrase && (
                      <>
                        {!r.due && <br />}
                        từ: “{r.parsed.deadline.phrase}” ({KIND_LABELS[r.parsed.deadline.kind] ?? r.parsed.deadline.kind})
                      </>
                    )}
                  </div>
                  {errs.deadline && <div class="error-text">{errs.deadline}</div>}
                </td>
                {statuses && (
                  <td data-label="Trạng thái" style="min-width: 13rem">
                    <StatusCell
                      id={id}
                      row={r}
                      reportDate={reportDate}
                      error={errs.status}
                      onChange={(status) => onChange(i, { status })}
                    />
                  </td>
                )}
                <td data-label="Đánh dấu">
                  <label style="font-weight: normal">
                    <input
                      type="checkbox"
                      checked={r.key}
                      disabled={r.drop}
                      onChange={(e) => onChange(i, { key: e.currentTarget.checked })}
                    />{' '}
                    Trọng tâm
                  </label>
                  <label style="font-weight: normal">
                    <input type="checkbox" checked={r.drop} onChange={(e) => onChange(i, { drop: e.currentTarget.checked })} /> Bỏ, không
                    giao
                  </label>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Server messages for one row: the page keys them "path:field". */
function pick(errors: Record<string, string>, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(`${path}:`)) out[k.slice(path.length + 1)] = v;
  return out;
}
