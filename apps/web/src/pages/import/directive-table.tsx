import { AgencyIndex, agencyName } from '../../api/agencies';
import { formatDate } from '../../lib/format';
import { KIND_LABELS } from '../../lib/labels';
import { Row, rowErrors } from './import-model';

interface Props {
  rows: Row[];
  agencies?: AgencyIndex;
  serverErrors: Record<string, string>;
  unresolved: Record<string, string[]>;
  onChange: (index: number, patch: Partial<Row>) => void;
}

const names = (index: AgencyIndex | undefined, text: string) =>
  text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((c) => agencyName(index, c.toUpperCase()))
    .join('; ');

/** The parsed directives, one editable row each; warnings and unresolved names are highlighted. */
export function DirectiveTable({ rows, agencies, serverErrors, unresolved, onChange }: Props) {
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
            const errs: Record<string, string | undefined> = { ...rowErrors(r, agencies), ...pick(serverErrors, r.path) };
            const warnings = [...r.parsed.warnings, ...(unresolved[r.path] ?? []).map((t) => `Không nhận ra cơ quan: “${t}”`)];
            const id = `d${i}`;
            return (
              <tr
                key={r.path}
                class={warnings.length || Object.keys(errs).length ? 'warn' : undefined}
                data-path={r.path}
                style={r.drop ? 'opacity:.55' : undefined}
              >
                <td data-label="Mục">
                  <strong>{r.path}</strong>
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
                <td data-label="Chủ trì" style="min-width: 10rem">
                  <label class="sr-only" for={`${id}-lead`}>
                    Cơ quan chủ trì {r.path}
                  </label>
                  <input
                    id={`${id}-lead`}
                    list="agency-codes"
                    value={r.lead}
                    disabled={r.drop}
                    onInput={(e) => onChange(i, { lead: e.currentTarget.value })}
                    aria-invalid={errs.lead ? true : undefined}
                    aria-describedby={errs.lead ? `${id}-lead-error` : undefined}
                    size={12}
                  />
                  <div class="hint">{names(agencies, r.lead)}</div>
                  {errs.lead && (
                    <div class="error-text" id={`${id}-lead-error`}>
                      {errs.lead}
                    </div>
                  )}
                </td>
                <td data-label="Phối hợp" style="min-width: 10rem">
                  <label class="sr-only" for={`${id}-co`}>
                    Cơ quan phối hợp {r.path}
                  </label>
                  <input
                    id={`${id}-co`}
                    list="agency-codes"
                    value={r.coordinators}
                    disabled={r.drop}
                    onInput={(e) => onChange(i, { coordinators: e.currentTarget.value })}
                    aria-invalid={errs.coordinators ? true : undefined}
                    size={12}
                  />
                  <div class="hint">{names(agencies, r.coordinators)}</div>
                  {errs.coordinators && <div class="error-text">{errs.coordinators}</div>}
                </td>
                <td data-label="Thời hạn">
                  <label class="sr-only" for={`${id}-due`}>
                    Thời hạn {r.path}
                  </label>
                  <input
                    id={`${id}-due`}
                    type="date"
                    value={r.due}
                    disabled={r.drop}
                    onInput={(e) => onChange(i, { due: e.currentTarget.value })}
                  />
                  <div class="hint">
                    {r.due ? formatDate(r.due) : 'Không thời hạn'}
                    {r.parsed.deadline.phrase && (
                      <>
                        <br />
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
      <datalist id="agency-codes">
        {agencies &&
          [...agencies.values()].map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
      </datalist>
    </div>
  );
}

/** Server messages for one row: the page keys them "path:field". */
function pick(errors: Record<string, string>, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(`${path}:`)) out[k.slice(path.length + 1)] = v;
  return out;
}
