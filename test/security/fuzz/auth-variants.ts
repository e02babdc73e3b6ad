import { createHmac } from 'node:crypto';
import { TEST_JWT_SECRET } from '../../support/api-harness';

/**
 * Authorization headers a caller should never get past the guard with, or that stress what it does
 * with the claims. Signed here with node:crypto rather than the auth lib, so a token the lib could
 * never produce (alg none, a numeric sub, a `system` role) can still be sent.
 */
export function badAuthorizations(validToken: string): Record<string, string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = (extra: Record<string, unknown>) => ({ sub: 'fuzz-user', role: 'vpcp', iat: now, exp: now + 3600, ...extra });
  return {
    'no-scheme': validToken,
    basic: 'Basic dXNlcjpwYXNzd29yZA==',
    'bearer-empty': 'Bearer ',
    'bearer-junk': 'Bearer abc.def.ghi',
    'two-parts': 'Bearer abc.def',
    tampered: `Bearer ${validToken.slice(0, -2)}xx`,
    'trailing-junk': `Bearer ${validToken} extra`,
    'lowercase-scheme': `bearer ${validToken}`,
    'alg-none': `Bearer ${jwt({ alg: 'none', typ: 'JWT' }, claims({}), '')}`,
    'alg-hs512': `Bearer ${jwt({ alg: 'HS512' }, claims({}))}`,
    'wrong-secret': `Bearer ${jwt({ alg: 'HS256' }, claims({}), 'not-the-secret')}`,
    expired: `Bearer ${jwt({ alg: 'HS256' }, claims({ exp: now - 60 }))}`,
    'system-role': `Bearer ${jwt({ alg: 'HS256' }, claims({ role: 'system' }))}`,
    'unknown-role': `Bearer ${jwt({ alg: 'HS256' }, claims({ role: 'root' }))}`,
    'agency-without-code': `Bearer ${jwt({ alg: 'HS256' }, claims({ role: 'agency' }))}`,
    'agency-object-code': `Bearer ${jwt({ alg: 'HS256' }, claims({ role: 'agency', agency: { code: 'BTC' } }))}`,
    'agency-unknown-code': `Bearer ${jwt({ alg: 'HS256' }, claims({ role: 'agency', agency: 'KHONG-CO' }))}`,
    'proto-sub': `Bearer ${jwt({ alg: 'HS256' }, claims({ sub: '__proto__' }))}`,
    'constructor-sub': `Bearer ${jwt({ alg: 'HS256' }, claims({ sub: 'constructor', role: 'admin' }))}`,
    'numeric-sub': `Bearer ${jwt({ alg: 'HS256' }, claims({ sub: 42 }))}`,
    'string-exp': `Bearer ${jwt({ alg: 'HS256' }, claims({ exp: 'never' }))}`,
    'huge-iatms': `Bearer ${jwt({ alg: 'HS256' }, claims({ iatMs: 1e308 }))}`,
    'null-payload': `Bearer ${rawJwt({ alg: 'HS256' }, 'null')}`,
    'array-payload': `Bearer ${rawJwt({ alg: 'HS256' }, '[1,2]')}`,
    'non-json-payload': `Bearer ${rawJwt({ alg: 'HS256' }, '{"sub":')}`,
    'big-token': `Bearer ${jwt({ alg: 'HS256' }, claims({ name: 'x'.repeat(6000) }))}`,
  };
}

function jwt(header: object, payload: object, secret = TEST_JWT_SECRET): string {
  return rawJwt(header, JSON.stringify(payload), secret);
}

function rawJwt(header: object, payloadText: string, secret = TEST_JWT_SECRET): string {
  const input = `${b64(JSON.stringify(header))}.${b64(payloadText)}`;
  const signature = secret ? createHmac('sha256', secret).update(input).digest('base64url') : '';
  return `${input}.${signature}`;
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
