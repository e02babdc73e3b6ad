import { ReadModelApi } from '../read-models/read-model-api.harness';

jest.setTimeout(60_000);

/** Issue 9, finding 10: `%` and `_` in the inbox search are characters, never LIKE wildcards. */
describe.each(['sqlite', 'postgres'] as const)('issue 9 finding 10: %% and _ in q are literal (%s)', (dialect) => {
  const rm = new ReadModelApi(dialect, { CLOCK_START: '2026-04-10T02:00:00Z' });
  const api = rm.api;
  const vpcp = api.token('vpcp');
  const texts = [
    'Giảm 50% thủ tục hành chính',
    'Cắt giảm 500 thủ tục kinh doanh',
    'Chuẩn hóa mã_số định danh',
    'Cấp mã số thuế điện tử',
    'Ghi chú a\\_b trong tệp',
  ];
  const taskOf = new Map<string, string>();

  beforeAll(async () => {
    await rm.start();
    const res = await api.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: {
        number: '83/TB-VPCP',
        issuedAt: '2026-02-12',
        title: 'Kết luận',
        directives: texts.map((text) => ({ text, lead: ['BTC'], deadline: { due: '2026-06-30' } })),
      },
    });
    expect(res.status).toBe(201);
    texts.forEach((text, i) => taskOf.set(text, res.body.taskIds[i]));
    await rm.caughtUp();
  });
  afterAll(() => rm.dispose());

  const found = async (q: string): Promise<string[]> => {
    const res = await api.request('GET', `/api/v1/tasks?limit=200&q=${encodeURIComponent(q)}`, { token: vpcp });
    expect(res.status).toBe(200);
    return res.body.items.map((i: { taskId: string }) => i.taskId).sort();
  };
  const tasks = (...of: string[]) => of.map((text) => taskOf.get(text)!).sort();

  it('a lone % or _ finds the texts holding one, not every task', async () => {
    expect(await found('%')).toEqual(tasks('Giảm 50% thủ tục hành chính'));
    expect(await found('_')).toEqual(tasks('Chuẩn hóa mã_số định danh', 'Ghi chú a\\_b trong tệp'));
    expect(await found('%%')).toEqual([]);
  });

  it('"50%" finds "50%", not "500"; "mã_số" finds "mã_số", not "mã số"', async () => {
    expect(await found('50%')).toEqual(tasks('Giảm 50% thủ tục hành chính'));
    expect(await found('50')).toEqual(tasks('Giảm 50% thủ tục hành chính', 'Cắt giảm 500 thủ tục kinh doanh'));
    expect(await found('mã_số')).toEqual(tasks('Chuẩn hóa mã_số định danh'));
    expect(await found('ma so')).toEqual(tasks('Chuẩn hóa mã_số định danh', 'Cấp mã số thuế điện tử'));
    // The escape character is a character too: q=\_ is a backslash, then an underscore.
    expect(await found('\\_')).toEqual(tasks('Ghi chú a\\_b trong tệp'));
  });
});
