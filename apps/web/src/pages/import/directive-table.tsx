import { AgencyPicker } from '../../components/agency-picker';
import { DateInput } from '../../components/date-input';
import { KIND_LABELS } from '../../lib/labels';
import { PreviewData, Row, rowErrors, tasksOf } from './import-model';
import { rowWarnings } from './row-warnings';

interface Props extends PreviewData {
  serverErrors: Record<string, string>;
  onChange: (index: number, patch: Partial<Row>) => void;
}

/** The parsed directives, one editable row each, with their warnings as sentences on the row they concern. */
export function DirectiveTable({ rows, parsed, agencies, today, serverErrors, onChange }: Props) {
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
            <th scope="col">Đánh dấu</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const errs: Record<string, string | undefined> = { ...rowErrors(r), ...pick(serverErrors, r.path) };
            const warnings = r.drop ? [] : rowWarnings(r, parsed, agencies, today);
            const id = `d${i}`;
            const n = tasksOf(r, agencies);
            return (
              <tr
                key={r.path}
                class={warnings.length || Object.keys(errs).length ? 'warn' : undefined}
                data-path={r.path}
                style={r.drop ? 'opacity:.55' : undefined}
              >
                <td data-label="Mục">
                  <strong>{r.path}</strong>
                  {n > 1 && <div class="hint">{n} nhiệm vụ</div>}
                </td>
                <td data-label="Nội dung" style="min-width: 18rem">
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
                    onChange={(lead) => onChange(i, { lead })}
                    invalid={!!errs.lead}
                    describedBy={errs.lead ? `${id}-lead-error` : undefined}
                    placeholder="Thêm cơ quan chủ trì"
                  />
                  {errs.lead && (
                    <div class="error-text" id={`${id}-lead-error`}>
                      {errs.lead}
                    </div>
                  )}
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
