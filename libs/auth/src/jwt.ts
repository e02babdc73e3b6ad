import { createHmac } from 'node:crypto';
import { errors, jwtVerify, JWTPayload } from 'jose';
import { Actor, Role } from '@tdnv/domain';

/** Bearer tokens: HS256 JWTs with claims sub, role, agency (for role `agency`), iat, exp. */
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

export interface VerifiedToken {
  actor: Actor;
  issuedAtMs?: number;
  expiresAtMs: number;
}

const PEOPLE_ROLES: Role[] = ['vpcp', 'agency', 'viewer', 'admin'];
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
/**
 * Several API instances and `npm run token` sign and verify with their own clocks; a few seconds of
 * drift between them must not refuse a token issued "just now" elsewhere. 30 s is far below any
 * token lifetime, so it gives an attacker nothing.
 */
export const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Signing stays a small synchronous HMAC (the test harness and scripts sign synchronously); every
 * token it makes carries a numeric `iat` and `exp`, which verification requires.
 */
export function signToken(claims: TokenClaims, secret: string, ttlSeconds = 8 * 3600, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const payload = base64url(JSON.stringify({ iat: nowSeconds, exp: nowSeconds + ttlSeconds, ...claims }));
  return `${HEADER}.${payload}.${createHmac('sha256', secret).update(`${HEADER}.${payload}`).digest('base64url')}`;
}

/** Its message is shown to users (after "Mã xác thực không hợp lệ: "), so it is Vietnamese. */
export class InvalidTokenError extends Error {}

/** Verifies signature, algorithm, time claims and claim shapes; returns the actor the token speaks for. */
export async function verifyToken(token: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<Actor> {
  return (await verifyTokenClaims(token, secret, nowSeconds)).actor;
}

export async function verifyTokenClaims(token: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000)): Promise<VerifiedToken> {
  const payload = await verifyJws(token, secret, nowSeconds);
  const claims = payload as Partial<TokenClaims> & JWTPayload;
  // jose checks `iat` only against a maximum age; a token "issued in the future" would outlive
  // a sign-out (revocation compares issue times), so it is refused here.
  if (typeof claims.iat === 'number' && claims.iat > nowSeconds + CLOCK_TOLERANCE_SECONDS)
    throw new InvalidTokenError('thời điểm phát hành (iat) của mã nằm ở tương lai');
  if (claims.iatMs !== undefined && (typeof claims.iatMs !== 'number' || claims.iatMs > (nowSeconds + CLOCK_TOLERANCE_SECONDS) * 1000))
    throw new InvalidTokenError('thời điểm phát hành (iatMs) của mã không hợp lệ');
  return { actor: actorOf(claims), issuedAtMs: issuedAtMs(claims), expiresAtMs: claims.exp! * 1000 };
}

async function verifyJws(token: string, secret: string, nowSeconds: number): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(nowSeconds * 1000),
    });
    return payload;
  } catch (error) {
    throw new InvalidTokenError(reasonOf(error));
  }
}

/** jose's errors in the words users read; anything unexpected reads as a malformed token. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'mã đã hết hạn, vui lòng đăng nhập lại';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'chữ ký không đúng';
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return 'thuật toán ký không được hỗ trợ';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'exp') return error.reason === 'missing' ? 'mã không có thời hạn (exp)' : 'thời hạn (exp) của mã không hợp lệ';
    if (error.claim === 'nbf') return 'mã chưa đến thời điểm có hiệu lực (nbf)';
    if (error.claim === 'iat') return 'thời điểm phát hành (iat) của mã không hợp lệ';
    return 'thông tin trong mã không hợp lệ';
  }
  return 'mã không đúng cấu trúc';
}

function actorOf(claims: Partial<TokenClaims>): Actor {
  if (typeof claims.sub !== 'string' || !claims.sub || !PEOPLE_ROLES.includes(claims.role as Role))
    throw new InvalidTokenError('thông tin người dùng trong mã không hợp lệ');
  if (claims.role === 'agency' && typeof claims.agency !== 'string')
    throw new InvalidTokenError('mã của người dùng cơ quan thiếu mã cơ quan');
  return { id: claims.sub, role: claims.role!, agency: claims.role === 'agency' ? claims.agency : undefined };
}

function issuedAtMs(claims: Partial<TokenClaims>): number | undefined {
  if (typeof claims.iatMs === 'number') return claims.iatMs;
  return typeof claims.iat === 'number' ? claims.iat * 1000 : undefined;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
