import { useEffect, useState } from 'preact/hooks';
import { forgetAgencies, loadAgencies, matchesAgency } from '../../api/agencies';
import { Agency } from '../../api/types';
import { ErrorAlert } from '../../components/alert';
import { PageProps } from '../../routes';
import { ContactsForm, UnitForm } from './agency-forms';

const SHOWN = 100;
const hasContact = (a: Agency) => (a.contacts?.focal.length ?? 0) + (a.contacts?.leader.length ?? 0) > 0;

/**
 * Admin: the catalogue as people use it. Contact emails (focal point, leader) are where reminders
 * and escalations go: agencies without one are listed first, since their reminders go nowhere.
 * Units (Sở, Cục, Vụ) are added under their agency, so tasks can be delegated to them.
 */
export function AgenciesAdminPage(_props: PageProps) {
  const [items, setItems] = useState<Agency[]>();
  const [error, setError] = useState<unknown>();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<{ code: string; form: 'contacts' | 'unit' }>();
  const reload = () => {
    forgetAgencies();
    void loadAgencies().then(setItems, setError);
  };
  useEffect(() => void loadAgencies().then(setItems, setError), []);

  const agencies = (items ?? []).filter((a) => a.kind !== 'group');
  const missing = agencies.filter((a) => !hasContact(a));
  const shown = agencies.filter((a) => !q || matchesAgency(a, q));
  const unitsOf = (code: string) => agencies.filter((u) => u.parent === code);
  return (
    <section>
      <h1>Cơ quan, đơn vị và đầu mối liên hệ</h1>
      <ErrorAlert error={error} />
      {items && missing.length > 0 && (
        <details class="card warn-card" data-missing-contacts>
          <summary>
            <strong>{missing.length} cơ quan, đơn vị chưa có email đầu mối hoặc lãnh đạo</strong>: thư đôn đốc, cảnh báo quá hạn gửi cho các
            cơ quan này sẽ không đến ai.
          </summary>
          <ul class="columns">
            {missing.map((a) => (
              <li key={a.code}>
                <button type="button" class="link" onClick={() => (setQ(a.name), setOpen({ code: a.code, form: 'contacts' }))}>
                  {a.name}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <div class="field" role="search">
        <label for="a-q">Tìm cơ quan (gõ có dấu hoặc không dấu)</label>
        <input id="a-q" type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} placeholder="ví dụ: bo tai chinh, tp hcm" />
      </div>
      <ul class="tasks">
        {shown.slice(0, SHOWN).map((a) => (
          <li key={a.code} data-agency={a.code} class={hasContact(a) ? undefined : 'u-soon'}>
            <strong title={a.code}>{a.name}</strong>
            {a.parent && <span class="hint"> · đơn vị thuộc {items?.find((p) => p.code === a.parent)?.name}</span>}
            <div class="meta">
              <span>Đầu mối: {a.contacts?.focal.join(', ') || 'chưa có'}</span>
              <span>Lãnh đạo: {a.contacts?.leader.join(', ') || 'chưa có'}</span>
              {unitsOf(a.code).length > 0 && <span>{unitsOf(a.code).length} đơn vị trực thuộc</span>}
            </div>
            <div class="actions">
              <button
                type="button"
                aria-expanded={open?.code === a.code && open.form === 'contacts'}
                onClick={() => setOpen({ code: a.code, form: 'contacts' })}
              >
                Sửa đầu mối
              </button>
              {a.kind !== 'unit' && (
                <button
                  type="button"
                  aria-expanded={open?.code === a.code && open.form === 'unit'}
                  onClick={() => setOpen({ code: a.code, form: 'unit' })}
                >
                  Thêm đơn vị trực thuộc
                </button>
              )}
            </div>
            {open?.code === a.code && open.form === 'contacts' && (
              <ContactsForm agency={a} onSaved={reload} onCancel={() => setOpen(undefined)} />
            )}
            {open?.code === a.code && open.form === 'unit' && (
              <UnitForm parent={a} taken={new Set(agencies.map((x) => x.code))} onSaved={reload} onCancel={() => setOpen(undefined)} />
            )}
          </li>
        ))}
      </ul>
      {shown.length > SHOWN && <p class="hint">Còn {shown.length - SHOWN} cơ quan khác: gõ tên để tìm.</p>}
    </section>
  );
}
