import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import { Agency } from '../../api/types';
import { Alert, ErrorAlert } from '../../components/alert';
import { Field, invalid } from '../../components/field';
import { fold } from '../../lib/format';

const emails = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter(Boolean);

/** "focal.0" → the focal field. */
const byField = (err: unknown) =>
  err instanceof ApiError ? Object.fromEntries(Object.entries(err.fieldErrors()).map(([k, v]) => [k.split('.')[0], v])) : {};

export function ContactsForm({ agency, onSaved, onCancel }: { agency: Agency; onSaved: () => void; onCancel: () => void }) {
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
      setErrors(byField(err));
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

/** "Sở Tài chính" under LCI → "LCI-STC": the parent's code and the initials of the name, free if taken. */
export function suggestCode(parent: string, name: string, taken: ReadonlySet<string>): string {
  const initials = fold(name)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map((w) => w[0])
    .join('')
    .toUpperCase()
    .slice(0, 12);
  const base = `${parent}-${initials || 'DV'}`.slice(0, 36);
  let code = base;
  for (let i = 2; taken.has(code); i++) code = `${base}${i}`;
  return code;
}

export function UnitForm({
  parent,
  taken,
  onSaved,
  onCancel,
}: {
  parent: Agency;
  taken: ReadonlySet<string>;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [code, setCode] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string>();
  const shownCode = code ?? (name.trim() ? suggestCode(parent.code, name, taken) : '');
  async function save(e: Event) {
    e.preventDefault();
    setError(undefined);
    setErrors({});
    if (!name.trim()) return setErrors({ name: 'Nhập tên đơn vị, ví dụ Sở Tài chính' });
    try {
      await api('POST', `/agencies/${encodeURIComponent(parent.code)}/units`, { body: { code: shownCode, name: name.trim() } });
      setSaved(name.trim());
      setName('');
      setCode(undefined);
      onSaved();
    } catch (err) {
      setError(err);
      setErrors(byField(err));
    }
  }
  const f = `u-${parent.code}`;
  return (
    <form onSubmit={save} noValidate class="card" aria-label={`Thêm đơn vị trực thuộc ${parent.name}`}>
      {saved && <Alert kind="success">Đã thêm {saved}.</Alert>}
      <ErrorAlert error={error} />
      <Field id={`${f}-name`} label="Tên đơn vị *" error={errors.name} hint="Ví dụ: Sở Tài chính, Cục Tin học và Thống kê tài chính">
        <input
          id={`${f}-name`}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          style="width: 100%"
          {...invalid(`${f}-name`, errors.name)}
        />
      </Field>
      <Field
        id={`${f}-code`}
        label="Mã đơn vị (tự đề xuất, có thể sửa)"
        error={errors.code}
        hint="Chữ in hoa, chữ số, “-” hoặc “_”; dùng trong hệ thống, không hiện với người dùng."
      >
        <input
          id={`${f}-code`}
          value={shownCode}
          onInput={(e) => setCode(e.currentTarget.value.toUpperCase())}
          size={20}
          {...invalid(`${f}-code`, errors.code)}
        />
      </Field>
      <div class="actions">
        <button class="primary" type="submit">
          Thêm đơn vị
        </button>
        <button type="button" onClick={onCancel}>
          Đóng
        </button>
      </div>
    </form>
  );
}
