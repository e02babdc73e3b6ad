import { useEffect, useState } from 'preact/hooks';
import { forgetAgencies, loadAgencies } from '../../api/agencies';
import { api, ApiError } from '../../api/client';
import { Agency } from '../../api/types';
import { Alert, ErrorAlert } from '../../components/alert';
import { Field, invalid } from '../../components/field';
import { fold } from '../../lib/format';
import { PageProps } from '../../routes';

const emails = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter(Boolean);

/** Admin: the contact emails (focal point, leader) that reminders and escalations go to. */
export function AgenciesAdminPage(_props: PageProps) {
  const [items, setItems] = useState<Agency[]>();
  const [error, setError] = useState<unknown>();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<string>();
  useEffect(() => void loadAgencies().then(setItems, setError), []);

  const shown = (items ?? []).filter(
    (a) => a.kind !== 'group' && (!q || fold(`${a.code} ${a.name} ${a.aliases.join(' ')}`).includes(fold(q))),
  );
  return (
    <section>
      <h1>Đầu mối liên hệ của cơ quan</h1>
      <ErrorAlert error={error} />
      <div class="field" role="search">
        <label for="a-q">Tìm cơ quan</label>
        <input id="a-q" type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} placeholder="ví dụ: tai chinh" />
      </div>
      <ul class="tasks">
        {shown.slice(0, 100).map((a) => (
          <li key={a.code} data-agency={a.code}>
            <strong>{a.name}</strong> <span class="hint">({a.code})</span>
            <div class="meta">
              <span>Đầu mối: {a.contacts?.focal.join(', ') || '—'}</span>
              <span>Lãnh đạo: {a.contacts?.leader.join(', ') || '—'}</span>
            </div>
            {editing === a.code ? (
              <ContactsForm
                agency={a}
                onSaved={() => {
                  setEditing(undefined);
                  forgetAgencies();
                  void loadAgencies().then(setItems, setError);
                }}
                onCancel={() => setEditing(undefined)}
              />
            ) : (
              <button type="button" onClick={() => setEditing(a.code)}>
                Sửa đầu mối
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ContactsForm({ agency, onSaved, onCancel }: { agency: Agency; onSaved: () => void; onCancel: () => void }) {
  const [focal, setFocal] = useState((agency.contacts?.focal ?? []).join(', '));
  const [leader, setLeader] = useState((agency.contacts?.leader ?? []).join(', '));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  async function save(e: Event) {
    e.preventDefault();
    setError(undefined);
    setErrors({});
    try {
      await api('PUT', `/agencies/${encodeURIComponent(agency.code)}/contacts`, { body: { focal: emails(focal), leader: emails(leader) } });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
      // "focal.0" → the focal field.
      if (err instanceof ApiError) setErrors(Object.fromEntries(Object.entries(err.fieldErrors()).map(([k, v]) => [k.split('.')[0], v])));
    }
  }
  const f = `c-${agency.code}`;
  return (
    <form onSubmit={save} noValidate class="card">
      {saved && <Alert kind="success">Đã lưu.</Alert>}
      <ErrorAlert error={error} />
      <Field id={`${f}-focal`} label="Email đầu mối theo dõi (cách nhau bằng dấu phẩy)" error={errors.focal}>
        <input
          id={`${f}-focal`}
          value={focal}
          onInput={(e) => setFocal(e.currentTarget.value)}
          style="width: 100%"
          {...invalid(`${f}-focal`, errors.focal)}
        />
      </Field>
      <Field id={`${f}-leader`} label="Email lãnh đạo cơ quan" error={errors.leader}>
        <input
          id={`${f}-leader`}
          value={leader}
          onInput={(e) => setLeader(e.currentTarget.value)}
          style="width: 100%"
          {...invalid(`${f}-leader`, errors.leader)}
        />
      </Field>
      <div class="actions">
        <button class="primary" type="submit">
          Lưu
        </button>
        <button type="button" onClick={onCancel}>
          Hủy bỏ
        </button>
      </div>
    </form>
  );
}
