import { useState } from 'preact/hooks';
import { SessionUser } from '../../api/session';
import { BUCKETS, STATE_LABELS } from '../../lib/labels';
import { AgencyPicker } from '../../components/agency-picker';

export interface InboxFilters {
  q: string;
  state: string;
  bucket: string;
  role: string;
  agency: string;
  key: boolean;
  noticeId: string;
  /** VPCP and viewers: by directive (one row per fanned-out directive) or every task. */
  view: string;
}

export const FILTER_KEYS: (keyof InboxFilters)[] = ['q', 'state', 'bucket', 'role', 'agency', 'key', 'noticeId', 'view'];

export function filtersFrom(query: URLSearchParams): InboxFilters {
  return {
    q: query.get('q') ?? '',
    state: query.get('state') ?? '',
    bucket: query.get('bucket') ?? '',
    role: query.get('role') ?? '',
    agency: query.get('agency') ?? '',
    key: query.get('key') === 'true',
    noticeId: query.get('noticeId') ?? '',
    view: query.get('view') ?? '',
  };
}

/** Only the filters that are set, as a query string (for the API and the page address alike). */
export function toQuery(f: InboxFilters): URLSearchParams {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v === true) q.set(k, 'true');
    else if (typeof v === 'string' && v.trim()) q.set(k, v.trim());
  }
  return q;
}

/** The filter bar: a real form, so Enter searches and every control has a label. */
export function InboxFilterForm(props: { value: InboxFilters; user: SessionUser; onApply: (f: InboxFilters) => void }) {
  const [f, setF] = useState(props.value);
  const set = (patch: Partial<InboxFilters>) => setF((old) => ({ ...old, ...patch }));
  // On a phone the filters other than the search fold away (open when one is set), so the list shows.
  const [wide] = useState(() => typeof matchMedia !== 'function' || matchMedia('(min-width: 641px)').matches);
  const active = [f.state, f.bucket, f.role, f.agency, f.view, f.key ? 'key' : ''].filter(Boolean).length;
  return (
    <form
      class="card row"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply(f);
      }}
    >
      <div class="field" style="flex: 1 1 100%">
        <label for="f-q">Tìm kiếm (gõ có dấu hoặc không dấu)</label>
        <input
          id="f-q"
          type="search"
          value={f.q}
          placeholder="ví dụ: du lieu dan cu"
          onInput={(e) => set({ q: e.currentTarget.value })}
          style="width: 100%"
        />
      </div>
      <details class="more-filters" open={wide || active > 0}>
        <summary>Lọc thêm{active ? ` ({active} đang chọn)` : ''}</summary>
        <div class="row">
          <div class="field">
            <label for="f-state">Trạng thái</label>
            <select id="f-state" value={f.state} onChange={(e) => set({ state: e.currentTarget.value })}>
              <option value="">Tất cả</option>
              {Object.entries(STATE_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-bucket">Tình hình</label>
            <select id="f-bucket" value={f.bucket} onChange={(e) => set({ bucket: e.currentTarget.value })}>
              <option value="">Tất cả</option>
              {BUCKETS.map((b) => (
                <option key={b.key} value={b.key}>
                  {b.label}
                </option>
              ))}
            </select>
          </div>
          {props.user.role === 'agency' ? (
            <div class="field">
              <label for="f-role">Vai trò của cơ quan</label>
              <select id="f-role" value={f.role} onChange={(e) => set({ role: e.currentTarget.value })}>
                <option value="">Chủ trì và phối hợp</option>
                <option value="lead">Chủ trì</option>
                <option value="coordinator">Phối hợp</option>
              </select>
            </div>
          ) : (
            <>
              <div class="field" style="flex: 1 1 14rem">
                <label for="f-agency">Cơ quan</label>
                <AgencyPicker
                  id="f-agency"
                  value={f.agency ? [f.agency] : []}
                  onChange={(codes) => set({ agency: codes[0] ?? '' })}
                  placeholder="Tất cả; gõ tên để lọc"
                />
              </div>
              <div class="field">
                <label for="f-view">Hiển thị</label>
                <select id="f-view" value={f.view} onChange={(e) => set({ view: e.currentTarget.value })}>
                  <option value="">Theo chỉ đạo</option>
                  <option value="tasks">Từng nhiệm vụ</option>
                </select>
              </div>
            </>
          )}
          <div class="field">
            <label style="font-weight: normal">
              <input type="checkbox" checked={f.key} onChange={(e) => set({ key: e.currentTarget.checked })} /> Chỉ nhiệm vụ trọng tâm
            </label>
          </div>
        </div>
      </details>
      <div class="field">
        <button class="primary" type="submit">
          Lọc
        </button>
      </div>
    </form>
  );
}
