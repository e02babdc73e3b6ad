import { useState } from 'preact/hooks';
import { api, ApiError, get } from '../../api/client';
import { PublicUser } from '../../api/types';
import { Alert, ErrorAlert } from '../../components/alert';
import { Field, InputField } from '../../components/field';
import { ROLE_LABELS } from '../../lib/labels';
import { AgencyPicker } from '../../components/agency-picker';
import { AgencyName } from '../../components/agency-name';
import { useLoad } from '../../lib/use-load';
import { PageProps } from '../../routes';

const EMPTY = { email: '', name: '', role: 'agency', agency: '', password: '' };

/** Admin: create users (the password is set here and handed over out of band) and disable them. */
export function UsersAdminPage(_props: PageProps) {
  const users = useLoad((signal) => get<{ items: PublicUser[] }>('/users', signal), 'users');
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();

  async function create(e: Event) {
    e.preventDefault();
    setError(undefined);
    setErrors({});
    setMessage(undefined);
    try {
      const body = {
        email: form.email.trim(),
        name: form.name.trim(),
        role: form.role,
        password: form.password,
        ...(form.role === 'agency' ? { agency: form.agency } : {}),
      };
      await api('POST', '/users', { body });
      setMessage(`Đã tạo người dùng ${body.email}.`);
      setForm(EMPTY);
      users.reload();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setErrors(err.fieldErrors());
    }
  }

  async function disable(u: PublicUser) {
    if (!confirm(`Khóa tài khoản ${u.email}?`)) return;
    try {
      await api('POST', `/users/${encodeURIComponent(u.id)}/disable`, { body: {} });
      setMessage(`Đã khóa ${u.email}.`);
      users.reload();
    } catch (err) {
      setError(err);
    }
  }

  const set = (k: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [k]: value }));
  return (
    <section>
      <h1>Người dùng</h1>
      {message && <Alert kind="success">{message}</Alert>}
      <ErrorAlert error={error} />
      <form class="card" onSubmit={create} noValidate aria-labelledby="new-user">
        <h2 id="new-user" style="margin-top: 0">
          Thêm người dùng
        </h2>
        <div class="row">
          <InputField id="u-email" label="Email" error={errors.email} type="email" value={form.email} onValue={set('email')} />
          <InputField id="u-name" label="Họ và tên" error={errors.name} value={form.name} onValue={set('name')} />
          <Field id="u-role" label="Vai trò" error={errors.role}>
            <select id="u-role" value={form.role} onChange={(e) => set('role')(e.currentTarget.value)}>
              {Object.entries(ROLE_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </Field>
          {form.role === 'agency' && (
            <Field id="u-agency" label="Cơ quan, đơn vị" error={errors.agency}>
              <AgencyPicker
                id="u-agency"
                value={form.agency ? [form.agency] : []}
                onChange={(codes) => setForm((f) => ({ ...f, agency: codes[0] ?? '' }))}
                invalid={!!errors.agency}
                describedBy={errors.agency ? 'u-agency-error' : undefined}
              />
            </Field>
          )}
          <InputField
            id="u-password"
            label="Mật khẩu (ít nhất 10 ký tự)"
            error={errors.password}
            type="password"
            autoComplete="new-password"
            value={form.password}
            onValue={set('password')}
          />
        </div>
        <button class="primary" type="submit">
          Tạo người dùng
        </button>
      </form>
      <ErrorAlert error={users.error} />
      <div class="table-wrap">
        <table class="stack-sm">
          <caption class="sr-only">Danh sách người dùng</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Họ và tên</th>
              <th scope="col">Vai trò</th>
              <th scope="col">Cơ quan</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">
                <span class="sr-only">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(users.data?.items ?? []).map((u) => (
              <tr key={u.id}>
                <td data-label="Email">{u.email}</td>
                <td data-label="Họ và tên">{u.name}</td>
                <td data-label="Vai trò">{ROLE_LABELS[u.role] ?? u.role}</td>
                <td data-label="Cơ quan">{u.agency ? <AgencyName code={u.agency} /> : '—'}</td>
                <td data-label="Trạng thái">{u.disabled ? 'Đã khóa' : 'Đang hoạt động'}</td>
                <td>
                  {!u.disabled && (
                    <button type="button" class="danger" onClick={() => void disable(u)}>
                      Khóa
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
