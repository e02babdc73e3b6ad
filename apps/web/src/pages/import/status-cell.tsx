import { DateInput } from '../../components/date-input';
import { effectiveDue } from '../../lib/urgency';
import { Row, RowStatus, StatusKind } from './import-model';

const KINDS: StatusKind[] = ['done', 'in_progress', 'open'];
/** Read with the date in place: "Đã hoàn thành (ngày 20/05/2025)", "Đang thực hiện", "Chưa thực hiện". */
const LABELS: Record<StatusKind, string> = { done: 'Đã hoàn thành', in_progress: 'Đang thực hiện', open: 'Chưa thực hiện' };

interface Props {
  /** Prefix of the controls' ids. */
  id: string;
  row: Row;
  /** The document's date: the day a row marked done is dated unless VPCP types another. */
  reportDate: string;
  error?: string;
  onChange: (status: RowStatus) => void;
}

/**
 * The status a report gives a row ("Kết quả thực hiện"), which VPCP may change before import: done
 * asks for the day it was done and keeps the result; in progress keeps the text as its progress.
 */
export function StatusCell({ id, row, reportDate, error, onChange }: Props) {
  const s = row.status;
  const set = (patch: Partial<RowStatus>) => onChange({ ...s, ...patch });
  const errorId = `${id}-status-error`;
  const onTime = s.kind === 'done' && s.date && row.due ? s.date <= effectiveDue(row.due) : undefined;
  return (
    <div class="status-cell" data-status={s.kind}>
      <label class="sr-only" for={`${id}-status`}>
        Trạng thái {row.path}
      </label>
      <div class="status-line">
        <select
          id={`${id}-status`}
          value={s.kind}
          disabled={row.drop}
          aria-invalid={error && s.kind !== 'done' ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            const kind = e.currentTarget.value as StatusKind;
            set({ kind, date: kind === 'done' && !s.date ? reportDate : s.date });
          }}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {LABELS[k]}
            </option>
          ))}
        </select>
        {s.kind === 'done' && (
          <span class="done-on">
            {/* Read as "Đã hoàn thành (ngày 20/05/2025)", the date typed in place. */}
            <label for={`${id}-done-on`} class="inline-label">
              <span aria-hidden="true">(ngày</span>
              <span class="sr-only">Ngày hoàn thành {row.path}</span>
            </label>
            <DateInput
              id={`${id}-done-on`}
              value={s.date}
              disabled={row.drop}
              invalid={!!error}
              describedBy={error ? errorId : undefined}
              onChange={(date) => set({ date: date ?? '' })}
            />
            )
          </span>
        )}
      </div>
      {onTime !== undefined && <div class="hint">{onTime ? 'Hoàn thành đúng hạn' : 'Hoàn thành sau thời hạn'}</div>}
      {s.kind !== 'open' && (
        <>
          <label for={`${id}-result`} class="small-label">
            {s.kind === 'done' ? 'Kết quả' : 'Tiến độ'}
            <span class="sr-only"> {row.path}</span>
          </label>
          <textarea
            id={`${id}-result`}
            rows={3}
            value={s.result}
            disabled={row.drop}
            placeholder={s.kind === 'done' ? 'Đã ban hành …' : 'Đang …'}
            onInput={(e) => set({ result: e.currentTarget.value })}
          />
        </>
      )}
      {error && (
        <div class="error-text" id={errorId}>
          {error}
        </div>
      )}
    </div>
  );
}
