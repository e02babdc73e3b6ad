import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCliContext } from '../../apps/cli/src/cli-context';
import { runDemo } from '../../apps/cli/src/demo.command';
import { ApiHarness } from '../support/api-harness';

/** `npm run demo` on a fresh data directory: seed 003 becomes tasks, demo users can sign in. */
describe('demo command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tdnv-demo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('registers seed 003 and creates one user per role, once', async () => {
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const cli = createCliContext({ DATA_DIR: dir });
    expect(await runDemo(cli)).toBe(0);
    expect(await runDemo(cli)).toBe(0);
    await cli.store.close();
    log.mockRestore();
    expect(lines[0]).toMatch(/^Thông báo DEMO-003\/TB-VPCP: 35 chỉ đạo, \d+ nhiệm vụ/);
    const agencyLine = lines.find((l) => l.includes('daumoi@bkhcn'))!;
    const password = agencyLine.trim().split(/\s+/).pop()!;

    const api = new ApiHarness({ DATA_DIR: dir });
    await api.start();
    try {
      expect((await api.allEvents()).filter((e) => e.type === 'NoticeRegistered')).toHaveLength(1);
      const login = await api.request('POST', '/api/v1/auth/login', { body: { email: 'daumoi@bkhcn.demo.tdnv.vn', password } });
      expect(login.status).toBe(200);
      expect(login.body.user).toMatchObject({ role: 'agency', agency: 'BKHCN' });
    } finally {
      await api.dispose();
    }
  });
});
