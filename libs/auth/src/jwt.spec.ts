import { InvalidTokenError, signToken, verifyToken } from './jwt';

const SECRET = 'a-test-secret-that-is-long-enough-123';

describe('HS256 tokens', () => {
  it('round-trips the actor', () => {
    const token = signToken({ sub: 'u1', role: 'agency', agency: 'BTC' }, SECRET);
    expect(verifyToken(token, SECRET)).toEqual({ id: 'u1', role: 'agency', agency: 'BTC' });
  });
  it('rejects a wrong secret, a tampered payload, an expired token and alg none', () => {
    const token = signToken({ sub: 'u1', role: 'vpcp' }, SECRET, 60, 1000);
    expect(() => verifyToken(token, 'another-secret-that-is-long-enough-xx', 1000)).toThrow(InvalidTokenError);
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'u1', role: 'admin' })).toString('base64url');
    expect(() => verifyToken(`${h}.${forged}.${s}`, SECRET, 1000)).toThrow(InvalidTokenError);
    expect(() => verifyToken(token, SECRET, 2000)).toThrow('mã đã hết hạn');
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    expect(() => verifyToken(`${none}.${token.split('.')[1]}.`, SECRET, 1000)).toThrow(InvalidTokenError);
  });
  it('refuses the system role to people', () => {
    const token = signToken({ sub: 'x', role: 'system' }, SECRET);
    expect(() => verifyToken(token, SECRET)).toThrow(InvalidTokenError);
  });
});
