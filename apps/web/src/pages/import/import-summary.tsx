import { AgencyIndex } from '../../api/agencies';
import { PreviewData, reportedCounts, Row, tasksOf } from './import-model';
import { needsReview } from './row-warnings';

/** Tasks whose deadline has already passed: they are overdue the moment they are registered (unless the report says done). */
export const overdueTasks = (rows: Row[], index: AgencyIndex | undefined, today: string): number =>
  rows.filter((r) => r.due && r.due < today && r.status.kind !== 'done').reduce((n, r) => n + tasksOf(r, index), 0);

interface Props extends PreviewData {
  /** Undefined until the officer has answered (only asked when some deadlines have passed). */
  historical: boolean | undefined;
  onHistorical: (v: boolean) => void;
  error?: string;
}

/** What the import button will do, said before it: "35 chỉ đạo → 475 nhiệm vụ; 127 đã quá hạn: nhập như dữ liệu lịch sử?" */
export function ImportSummary({ rows, parsed, agencies, today, historical, onHistorical, error }: Props) {
  const kept = rows.filter((r) => !r.drop);
  const tasks = kept.reduce((n, r) => n + tasksOf(r, agencies), 0);
  const overdue = overdueTasks(kept, agencies, today);
  const warned = kept.filter((r) => needsReview(r, parsed, agencies, today)).length;
  const reported = reportedCounts(rows);
  const dropped = rows.length - kept.length;
  return (
    <div class="card import-summary" role="status" data-summary>
      <p style="margin-top: 0">
        <strong>
          {kept.length} chỉ đạo → {tasks} nhiệm vụ
        </strong>
        {dropped > 0 && ` (bỏ ${dropped} chỉ đạo)`}
        {warned > 0 && `; ${warned} chỉ đạo có cảnh báo (tô vàng), xem lại trước khi nhập`}.
      </p>
      {reported.done + reported.inProgress > 0 && (
        <p data-reported>
          Theo báo cáo: {reported.done} chỉ đạo đã hoàn thành (nhập là nhiệm vụ đã hoàn thành), {reported.inProgress} chỉ đạo đang thực
          hiện.
        </p>
      )}
      {overdue > 0 && (
        <div class="field">
          <p>
            <strong>{overdue}</strong> nhiệm vụ có thời hạn đã qua{overdue === tasks ? ' (tất cả)' : ''}: chúng sẽ quá hạn ngay khi nhập.
            Nhập như dữ liệu lịch sử?
          </p>
          <fieldset class="choices" aria-invalid={error ? true : undefined}>
            <legend class="sr-only">Cách nhập các nhiệm vụ đã quá hạn</legend>
            <label style="font-weight: normal">
              <input type="radio" name="historical" checked={historical === true} onChange={() => onHistorical(true)} /> Nhập như dữ liệu
              lịch sử: không gửi thư đôn đốc, cảnh báo quá hạn
            </label>
            <label style="font-weight: normal">
              <input type="radio" name="historical" checked={historical === false} onChange={() => onHistorical(false)} /> Nhập để theo dõi:
              các nhiệm vụ này quá hạn và được đôn đốc ngay
            </label>
          </fieldset>
          {error && (
            <div class="error" role="alert">
              {error}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
