import { createHmac } from 'node:crypto';
import { InvalidTokenError, signToken, verifyToken, verifyTokenClaims } from './jwt';

const SECRET = 'a-test-secret-that-is-long-enough-123';
const NOW = 1_800_000_000;

/** A token signed with SECRET whose payload is exactly `claims` (no iat/exp added). */
function rawToken(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode(header)}.${encode(claims)}`;
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
}

describe('HS256 tokens', () => {
  it('round-trips the actor', async () => {
    const token = signToken({ sub: 'u1', role: 'agency', agency: 'BTC' }, SECRET);
    await expect(verifyToken(token, SECRET)).resolves.toEqual({ id: 'u1', role: 'agency', agency: 'BTC' });
  });
  it('rejects a wrong secret, a tampered payload, an expired token and alg none', async () => {
    const token = signToken({ sub: 'u1', role: 'vpcp' }, SECRET, 60, 1000);
    await expect(verifyToken(token, 'another-secret-that-is-long-enough-xx', 1000)).rejects.toThrow('chữ ký không đúng');
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'u1', role: 'admin', exp: 5000 })).toString('base64url');
    await expect(verifyToken(`${h}.${forged}.${s}`, SECRET, 1000)).rejects.toThrow(InvalidTokenError);
    await expect(verifyToken(token, SECRET, 2000)).rejects.toThrow('mã đã hết hạn');
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    await expect(verifyToken(`${none}.${token.split('.')[1]}.`, SECRET, 1000)).rejects.toThrow(InvalidTokenError);
    await expect(verifyToken('not-a-token', SECRET, 1000)).rejects.toThrow('mã không đúng cấu trúc');
  });
  it('accepts HS256 only', async () => {
    await expect(verifyToken(rawToken({ sub: 'u1', role: 'vpcp', exp: NOW + 60 }, { alg: 'HS512' }), SECRET, NOW)).rejects.toThrow(
      'thuật toán ký không được hỗ trợ',
    );
  });
  it('refuses the system role to people, and an agency token without its agency', async () => {
    await expect(verifyToken(signToken({ sub: 'x', role: 'system' }, SECRET), SECRET)).rejects.toThrow('thông tin người dùng');
    await expect(verifyToken(rawToken({ sub: 'x', role: 'agency', exp: NOW + 60 }), SECRET, NOW)).rejects.toThrow('thiếu mã cơ quan');
  });
  it('gives the issue and expiry instants for revocation and caching', async () => {
    const claims = await verifyTokenClaims(signToken({ sub: 'u1', role: 'vpcp', iatMs: NOW * 1000 + 123 }, SECRET, 60, NOW), SECRET, NOW);
    expect(claims).toEqual({
      actor: { id: 'u1', role: 'vpcp', agency: undefined },
      issuedAtMs: NOW * 1000 + 123,
      expiresAtMs: (NOW + 60) * 1000,
    });
  });
});

describe('issue 9 finding 10: time claims of tokens', () => {
  const base = { sub: 'u1', role: 'vpcp' };
  it('refuses a token without exp, or with a non-numeric exp', async () => {
    await expect(verifyToken(rawToken({ ...base, iat: NOW }), SECRET, NOW)).rejects.toThrow('mã không có thời hạn (exp)');
    await expect(verifyToken(rawToken({ ...base, exp: String(NOW + 60) }), SECRET, NOW)).rejects.toThrow(
      'thời hạn (exp) của mã không hợp lệ',
    );
    await expect(verifyToken(rawToken({ ...base, exp: null }), SECRET, NOW)).rejects.toThrow(InvalidTokenError);
  });
  it('refuses a future iat, iatMs or nbf beyond the clock tolerance, and a non-numeric one', async () => {
    const exp = NOW + 3600;
    await expect(verifyToken(rawToken({ ...base, exp, iat: NOW + 600 }), SECRET, NOW)).rejects.toThrow('iat');
    await expect(verifyToken(rawToken({ ...base, exp, iatMs: (NOW + 600) * 1000 }), SECRET, NOW)).rejects.toThrow('iatMs');
    await expect(verifyToken(rawToken({ ...base, exp, nbf: NOW + 600 }), SECRET, NOW)).rejects.toThrow('nbf');
    await expect(verifyToken(rawToken({ ...base, exp, iat: 'hôm qua' }), SECRET, NOW)).rejects.toThrow('iat');
    await expect(verifyToken(rawToken({ ...base, exp, nbf: 'x' }), SECRET, NOW)).rejects.toThrow(InvalidTokenError);
  });
  it('tolerates a few seconds of clock drift between instances', async () => {
    await expect(verifyToken(rawToken({ ...base, exp: NOW + 60, iat: NOW + 10, nbf: NOW + 10 }), SECRET, NOW)).resolves.toMatchObject({
      id: 'u1',
    });
  });
});
