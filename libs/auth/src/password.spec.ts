import { hashPassword, verifyAgainstDummy, verifyPassword } from './password';

describe('scrypt passwords', () => {
  it('verifies the right password only, also after Unicode normalisation', async () => {
    const stored = await hashPassword('Mật khẩu');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    await expect(verifyPassword('Mật khẩu', stored)).resolves.toBe(true);
    await expect(verifyPassword('Mật khẩu'.normalize('NFD'), stored)).resolves.toBe(true);
    await expect(verifyPassword('mật khẩu', stored)).resolves.toBe(false);
    await expect(verifyPassword('x', 'not-a-hash')).resolves.toBe(false);
  });

  it('issue 9 finding 9: a check against the dummy hash costs about as much as a real one', async () => {
    const stored = await hashPassword('Mật khẩu');
    const time = async (check: () => Promise<boolean>) => {
      const start = process.hrtime.bigint();
      await check();
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const real: number[] = [];
    const dummy: number[] = [];
    for (let i = 0; i < 3; i++) {
      real.push(await time(() => verifyPassword('sai', stored)));
      dummy.push(await time(() => verifyAgainstDummy('sai')));
    }
    await expect(verifyAgainstDummy('Mật khẩu')).resolves.toBe(false);
    expect(Math.min(...dummy)).toBeGreaterThan(0.5 * Math.min(...real));
  });
});
