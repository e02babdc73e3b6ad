/** The signed-in user, kept in sessionStorage: a closed tab signs out, and the token never reaches a cookie. */
export type Role = 'vpcp' | 'agency' | 'viewer' | 'admin';

export interface SessionUser {
  id: string;
  email?: string;
  name?: string;
  role: Role;
  agency?: string;
}

const TOKEN_KEY = 'tdnv.token';
const USER_KEY = 'tdnv.user';

export function token(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function currentUser(): SessionUser | null {
  const raw = sessionStorage.getItem(USER_KEY);
  if (raw) {
    try {
      return JSON.parse(raw) as SessionUser;
    } catch {
      // fall through: rebuild from the token
    }
  }
  const t = token();
  return t ? userFromToken(t) : null;
}

export function saveSession(newToken: string, user?: SessionUser): void {
  sessionStorage.setItem(TOKEN_KEY, newToken);
  const u = user ?? userFromToken(newToken);
  if (u) sessionStorage.setItem(USER_KEY, JSON.stringify(u));
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
}

/** Reads the claims of our own JWT (no verification here: the API verifies every request). */
export function userFromToken(t: string): SessionUser | null {
  try {
    const part = t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as { sub: string; role: Role; agency?: string; name?: string; email?: string };
    return { id: claims.sub, role: claims.role, agency: claims.agency, name: claims.name, email: claims.email };
  } catch {
    return null;
  }
}
