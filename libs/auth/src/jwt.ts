import { createHmac, timingSafeEqual } from 'node:crypto';
import { Actor, Role } from '../../domain/src/actor';

/** Bearer tokens: HS256 JWTs with claims sub, role, agency (for role `agency`), exp. */
export interface TokenClaims {
  sub: string;
  role: Role;
  agency?: string;
  name?: string;
  iat?: number;
  exp?: number;
  /** Issue time in milliseconds: a sign-out revokes the tokens issued up to that instant. */
  iatMs?: number;
}

const PEOPLE_ROLES: Role[] = ['vpcp', 'agency', 'viewer', 'admin'];
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function signToken(claims: TokenClaims, secret: string, ttlSeconds = 8 * 3600, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const payload = base64url(JSON.stringify({ iat: nowSeconds, exp: nowSeconds + ttlSeconds, ...claims }));
  return `${HEADER}.${payload}.${sign(`${HEADER}.${payload}`, secret)}`;
}

/** Its message is shown to users (after "Mã xác thực không hợp lệ: "), so it is Vietnamese. */
export class InvalidTokenError extends Error {}

/** Verifies signature, algorithm, expiry and claim shapes; returns the actor the token speaks for. */
export function verifyToken(token: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): Actor {
  return verifyTokenClaims(token, secret, nowSeconds).actor;
}

export function verifyTokenClaims(token: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): { actor: Actor; issuedAtMs?: number; expiresAtMs?: number } {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidTokenError('mã không đúng cấu trúc');
  const [header, payload, signature] = parts;
  const expected = Buffer.from(sign(`${header}.${payload}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new InvalidTokenError('chữ ký không đúng');
  const alg = parse(header)?.alg;
  if (alg !== 'HS256') throw new InvalidTokenError('thuật toán ký không được hỗ trợ');
  const claims = parse(payload) as TokenClaims | undefined;
  if (!claims || typeof claims.sub !== 'string' || !PEOPLE_ROLES.includes(claims.role)) throw new InvalidTokenError('thông tin người dùng trong mã không hợp lệ');
  if (typeof claims.exp === 'number' && claims.exp < nowSeconds) throw new InvalidTokenError('mã đã hết hạn, vui lòng đăng nhập lại');
  if (claims.role === 'agency' && typeof claims.agency !== 'string') throw new InvalidTokenError('mã của người dùng cơ quan thiếu mã cơ quan');
  const actor: Actor = { id: claims.sub, role: claims.role, agency: claims.role === 'agency' ? claims.agency : undefined };
  const issuedAtMs = typeof claims.iatMs === 'number' ? claims.iatMs : typeof claims.iat === 'number' ? claims.iat * 1000 : undefined;
  return { actor, issuedAtMs, expiresAtMs: typeof claims.exp === 'number' ? claims.exp * 1000 : undefined };
}

function sign(input: string, secret: string): string {
  return createHmac('sha256', secret).update(input).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function parse(part: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
