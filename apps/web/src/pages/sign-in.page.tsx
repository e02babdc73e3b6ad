import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import { saveSession, SessionUser, userFromToken } from '../api/session';
import { Alert } from '../components/alert';
import { InputField } from '../components/field';
import { navigate } from '../lib/router';

interface LoginAnswer {
  token: string;
  user: SessionUser;
}

export function SignInPage(props: { next?: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setFields({});
    try {
      const { data } = await api<LoginAnswer>('POST', '/auth/login', { body: { email: email.trim(), password } });
      saveSession(data.token, data.user ?? userFromToken(data.token) ?? undefined);
      navigate(props.next && props.next.startsWith('/') ? props.next : '/', true);
    } catch (e) {
      if (e instanceof ApiError) {
        setFields(e.fieldErrors());
        setError(e.status === 429 ? `${e.problem.title}. ${e.problem.detail ?? ''}` : (e.problem.detail ?? e.problem.title));
      } else setError('Không kết nối được máy chủ. Vui lòng thử lại.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="signin">
      <div class="card" style="max-width: 26rem; margin: 2rem auto">
        <h1>Đăng nhập</h1>
        <p class="hint">Hệ thống theo dõi việc thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao.</p>
        {error && <Alert>{error}</Alert>}
        <form onSubmit={submit} noValidate>
          <InputField
            id="email"
            label="Thư điện tử"
            error={fields.email}
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onValue={setEmail}
            style="width: 100%"
          />
          <InputField
            id="password"
            label="Mật khẩu"
            error={fields.password}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onValue={setPassword}
            style="width: 100%"
          />
          <button class="primary" type="submit" disabled={busy || !email || !password}>
            {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
          </button>
        </form>
      </div>
    </main>
  );
}
