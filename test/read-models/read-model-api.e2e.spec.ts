import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { registerNotice } from '../support/notice-requests';
import { ReadModelApi } from './read-model-api.harness';

jest.setTimeout(60_000);

describe.each(['sqlite', 'postgres'] as const)('read-model API on %s', (dialect) => {
  // 10/4/2026: the 31/3 deadline has passed, so the extension turns an overdue task into one in time.
  const rm = new ReadModelApi(dialect, { CLOCK_START: '2026-04-10T02:00:00Z' });
  const api = rm.api;
  const vpcp = api.token('vpcp');
  const btc = api.token('agency', 'BTC');
  const bca = api.token('agency', 'BCA');
  const byt = api.token('agency', 'BYT');
  const viewer = api.token('viewer');
  let noticeId: string;
  let btcTask: string;
  let beforeExtension: string;
  let afterExtension: string;

  const get = async (path: string, token: string) => api.request('GET', path, { token });
  const ids = (res: { body: { items: { taskId: string }[] } }) => res.body.items.map((i) => i.taskId).sort();

  beforeAll(async () => {
    await rm.start();
    ({ noticeId } = await registerNotice(api, vpcp, [
      {
        text: 'Hoàn thiện Cơ sở dữ liệu quốc gia về dân cư',
        lead: ['BTC', 'BCA'],
        coordinators: ['BYT'],
        deadline: { due: '2026-03-31', phrase: 'trong Quý I năm 2026', kind: 'quarter' },
        key: true,
      },
      {
        text: 'Nhiệm vụ mật về bảo vệ hệ thống thông tin',
        lead: ['BCA'],
        coordinators: ['BYT'],
        deadline: { due: '2026-06-30', kind: 'date' },
        confidential: true,
      },
      { text: 'Đẩy mạnh dịch vụ công trực tuyến toàn trình', lead: ['ALL_PROVINCES'], deadline: { due: '2026-12-31', kind: 'year' } },
    ]));
    btcTask = `${noticeId}.1.btc`;
    const T = `/api/v1/tasks/${btcTask}`;
    expect((await api.request('POST', `${T}/acknowledge`, { token: btc })).status).toBe(200);
    expect((await api.request('POST', `${T}/progress`, { token: btc, body: { note: 'Đã xây dựng dự thảo', percent: 40 } })).status).toBe(
      200,
    );
    expect(
      (await api.request('POST', `${T}/extension-requests`, { token: btc, body: { proposedDue: '2026-06-30', reason: 'Chờ thẩm định' } }))
        .status,
    ).toBe(200);
    beforeExtension = new Date(Date.parse((await api.allEvents()).at(-1)!.metadata.occurredAt) + 1).toISOString();
    expect((await api.request('POST', `${T}/extension-requests/current/approve`, { token: vpcp })).status).toBe(200);
    afterExtension = new Date(Date.parse((await api.allEvents()).at(-1)!.metadata.occurredAt) + 1).toISOString();
    await rm.caughtUp();
  });
  afterAll(() => rm.dispose());

  it('applies role rules to the list: own tasks, coordinators, confidential only for the lead and VPCP', async () => {
    expect(ids(await get('/api/v1/tasks', btc))).toEqual([btcTask]);
    expect(ids(await get('/api/v1/tasks', bca))).toEqual([`${noticeId}.1.bca`, `${noticeId}.2.bca`]);
    expect(ids(await get('/api/v1/tasks?role=coordinator', byt))).toEqual([`${noticeId}.1.bca`, btcTask]);
    expect(ids(await get('/api/v1/tasks?role=lead', byt))).toEqual([]);
    expect((await get('/api/v1/tasks?agency=BCA', btc)).status).toBe(403);
    const all = await get('/api/v1/tasks?limit=200', vpcp);
    expect(all.body.items.some((i: { confidential: boolean }) => i.confidential)).toBe(true);
    const seen = await get('/api/v1/tasks?limit=200', viewer);
    expect(seen.body.items.some((i: { confidential: boolean }) => i.confidential)).toBe(false);
    expect(seen.body.items.length).toBe(all.body.items.length - 1);
    expect(ids(await get('/api/v1/tasks?agency=BCA&role=lead', vpcp))).toEqual([`${noticeId}.1.bca`, `${noticeId}.2.bca`]);
  });

  it('pages with a cursor, overdue first', async () => {
    const first = await get('/api/v1/tasks?limit=2', vpcp);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0]).toMatchObject({ taskId: `${noticeId}.1.bca`, bucket: 'open_overdue' });
    const pages = [first.body.items];
    for (let cursor = first.body.nextCursor; cursor;) {
      const next = await get(`/api/v1/tasks?limit=7&cursor=${cursor}`, vpcp);
      pages.push(next.body.items);
      cursor = next.body.nextCursor;
    }
    const all = await get('/api/v1/tasks?limit=200', vpcp);
    expect(pages.flat()).toEqual(all.body.items);
    expect((await get('/api/v1/tasks?cursor=xyz', vpcp)).status).toBe(400);
  });

  it('searches text with and without diacritics', async () => {
    expect(ids(await get('/api/v1/tasks?q=du%20lieu%20dan%20cu', vpcp))).toEqual([`${noticeId}.1.bca`, btcTask]);
    expect(ids(await get(`/api/v1/tasks?q=${encodeURIComponent('dữ liệu dân cư')}`, vpcp))).toEqual([`${noticeId}.1.bca`, btcTask]);
    expect(ids(await get(`/api/v1/tasks?q=${encodeURIComponent('DỮ LIỆU dân cư')}`, btc))).toEqual([btcTask]);
    expect(ids(await get('/api/v1/tasks?q=bao%20ve%20he%20thong', viewer))).toEqual([]);
    expect(ids(await get('/api/v1/tasks?q=bao%20ve%20he%20thong', bca))).toEqual([`${noticeId}.2.bca`]);
  });

  it('answers asOf before and after an extension differently', async () => {
    const stats = async (asOf: string) =>
      (await get(`/api/v1/stats?groupBy=agency&asOf=${asOf}`, vpcp)).body.groups.find((g: { key: string }) => g.key === 'BTC');
    expect(await stats(beforeExtension)).toMatchObject({ open_overdue: 1, open_on_time: 0, total: 1 });
    expect(await stats(afterExtension)).toMatchObject({ open_overdue: 0, open_on_time: 1, total: 1 });
    const original = await get(`/api/v1/stats?groupBy=agency&deadline=original`, vpcp);
    expect(original.body.groups.find((g: { key: string }) => g.key === 'BTC')).toMatchObject({ open_overdue: 1 });
    expect((await get('/api/v1/stats?asOf=2026-01-01', vpcp)).body.total.total).toBe(0);
  });

  it('rolls up a fanned-out directive', async () => {
    const res = await get(`/api/v1/notices/${noticeId}/progress`, vpcp);
    expect(res.status).toBe(200);
    const provinces = res.body.directives[2];
    expect(provinces.rollup.summary).toBe(`0/${provinces.rollup.total} tỉnh đã hoàn thành`);
    expect(provinces.rollup.total).toBeGreaterThan(30);
    const forBtc = await get(`/api/v1/notices/${noticeId}/progress`, btc);
    expect(forBtc.body.directives.map((d: { index: number }) => d.index)).toEqual([0, 2]);
  });

  it('answers the progress page as of a past instant or day, as it stood then', async () => {
    const before = await get(`/api/v1/notices/${noticeId}/progress?asOf=${beforeExtension}`, vpcp);
    expect(before.status).toBe(200);
    const task = (res: typeof before) => res.body.directives[0].tasks.find((t: { taskId: string }) => t.taskId === btcTask);
    expect(task(before)).toMatchObject({ deadline: { due: '2026-03-31' }, bucket: 'open_overdue' });
    expect(task(await get(`/api/v1/notices/${noticeId}/progress`, vpcp))).toMatchObject({
      deadline: { due: '2026-06-30' },
      bucket: 'open_on_time',
    });
    expect(task(await get(`/api/v1/notices/${noticeId}/progress?asOf=${afterExtension}`, vpcp))).toMatchObject({
      deadline: { due: '2026-06-30' },
    });
    // Before the notice was registered: no tasks yet; an agency is not even told the notice exists.
    const early = await get(`/api/v1/notices/${noticeId}/progress?asOf=2026-01-01`, vpcp);
    expect(early.body.directives.map((d: { rollup: { total: number } }) => d.rollup.total)).toEqual([0, 0, 0]);
    expect((await get(`/api/v1/notices/${noticeId}/progress?asOf=2026-01-01`, btc)).status).toBe(404);
    expect((await get(`/api/v1/notices/${noticeId}/progress?asOf=hôm-qua`, vpcp)).status).toBe(400);
  });

  it('exports the appendix as DOCX, XLSX and CSV: one row per directive, without confidential tasks', async () => {
    const attachedTo = encodeURIComponent('Báo cáo số 15/BC-VPCP ngày 20/11/2026 của Văn phòng Chính phủ');
    const docx = await fetch(`${api.baseUrl}/api/v1/reports/appendix?format=docx&noticeId=${noticeId}&attachedTo=${attachedTo}`, {
      headers: { authorization: `Bearer ${vpcp}` },
    });
    expect(docx.status).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value;
    for (const header of ['TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Kết quả thực hiện'])
      expect(text).toContain(header);
    expect(text).toContain('VĂN PHÒNG CHÍNH PHỦ');
    expect(text).toContain('TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ TẠI THÔNG BÁO SỐ 45/TB-VPCP NGÀY 12/02/2026');
    expect(text).toContain('(Kèm theo Báo cáo số 15/BC-VPCP ngày 20/11/2026 của Văn phòng Chính phủ)');
    expect(text).toContain('Bộ Tài chính: Đã xây dựng dự thảo');
    expect(text).toMatch(/\d{2}\/\d{2} nhiệm vụ đã hoàn thành đúng hạn \(chiếm tỷ lệ \d+%\)/);
    expect(text).not.toContain('Nhiệm vụ mật');

    const xlsx = await fetch(`${api.baseUrl}/api/v1/reports/appendix?format=xlsx`, { headers: { authorization: `Bearer ${vpcp}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as never);
    const rows: string[][] = [];
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const headerAt = rows.findIndex((r) => r[0] === 'TT');
    expect(rows[headerAt]).toEqual(['TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Kết quả thực hiện']);
    // One notice: no heading row; its two public directives, one row each.
    expect(rows.slice(headerAt + 1).map((r) => r[0])).toEqual(['1', '2']);
    const [first, provinces] = rows.slice(headerAt + 1);
    expect(first.slice(1, 4)).toEqual([
      'Hoàn thiện Cơ sở dữ liệu quốc gia về dân cư',
      'Bộ Tài chính, Bộ Công an',
      '31/03/2026 (1 cơ quan được điều chỉnh thời hạn)',
    ]);
    expect(first[4]).toBe('- Bộ Tài chính: Đã xây dựng dự thảo\n- Bộ Công an: Chưa có báo cáo');
    expect(provinces.slice(2)).toEqual([
      'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương',
      '31/12/2026',
      '0/34 tỉnh đã hoàn thành; 34 tỉnh chưa hoàn thành',
    ]);
    expect(rows.flat().join(' ')).not.toContain('Nhiệm vụ mật');
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Phụ lục', 'Thống kê']);

    const csv = await fetch(`${api.baseUrl}/api/v1/reports/appendix?format=csv&detail=true&asOf=${beforeExtension}`, {
      headers: { authorization: `Bearer ${vpcp}` },
    });
    const body = await csv.text();
    expect(body).toContain('TT,Nội dung công việc,Cơ quan chủ trì,Thời gian hoàn thành,Kết quả thực hiện');
    expect(body).toContain('"1","Hoàn thiện Cơ sở dữ liệu quốc gia về dân cư","Bộ Tài chính, Bộ Công an","31/03/2026"');
    expect(body).not.toContain('30/06/2026');
    // detail: one line per province under the fanned-out directive.
    expect(body).toContain('"","","UBND thành phố Hà Nội","31/12/2026","Chưa có báo cáo"');
  });

  it('shows checkpoints and lag to VPCP only, and the lag in /metrics', async () => {
    const res = await get('/api/v1/admin/projections', vpcp);
    expect(res.body.projections.map((p: { name: string; pendingEvents: number }) => [p.name, p.pendingEvents])).toEqual([
      ['notices', 0],
      ['tasks', 0],
    ]);
    expect((await get('/api/v1/admin/projections', btc)).status).toBe(403);
    const metrics = await api.request('GET', '/metrics');
    expect(metrics.body).toContain('tdnv_projection_lag_seconds{projection="tasks"');
  });

  it('lists what awaits VPCP (pending=extension|completion): each caller its own review queue, paged, and drops it once decided', async () => {
    const bca1 = `${noticeId}.1.bca`;
    const bca2 = `${noticeId}.2.bca`;
    const post = async (path: string, token: string, body: Record<string, unknown> = {}) =>
      expect((await api.request('POST', `/api/v1/tasks/${path}`, { token, body })).status).toBe(200);
    await post(`${bca1}/extension-requests`, bca, { proposedDue: '2026-07-31', reason: 'Chờ ý kiến các bộ' });
    await post(`${bca2}/extension-requests`, bca, { proposedDue: '2026-09-30', reason: 'Nhiệm vụ mật cần thêm thời gian' });
    await post(`${btcTask}/completion`, btc, { result: 'Đã trình Đề án', documentRef: '12/TTr-BTC' });
    await rm.caughtUp();

    expect(ids(await get('/api/v1/tasks?pending=extension', vpcp))).toEqual([bca1, bca2]);
    expect(ids(await get('/api/v1/tasks?pending=completion', vpcp))).toEqual([btcTask]);
    expect(ids(await get('/api/v1/tasks?pending=extension&agency=BCA&role=lead', vpcp))).toEqual([bca1, bca2]);
    expect(ids(await get('/api/v1/tasks?pending=extension&agency=BTC', vpcp))).toEqual([]);
    // Each caller's own review queue: only VPCP decides these (nobody delegated them); the lead,
    // a coordinator and a viewer decide nothing (issue 13).
    expect(ids(await get('/api/v1/tasks?pending=extension', viewer))).toEqual([]);
    expect(ids(await get('/api/v1/tasks?pending=extension', byt))).toEqual([]);
    expect(ids(await get('/api/v1/tasks?pending=extension&role=lead', byt))).toEqual([]);
    expect(ids(await get('/api/v1/tasks?pending=extension', bca))).toEqual([]);
    expect(ids(await get('/api/v1/tasks?pending=extension', btc))).toEqual([]);
    expect(ids(await get('/api/v1/tasks?pending=completion', btc))).toEqual([]);
    expect(ids(await get('/api/v1/tasks?pending=completion&role=coordinator', byt))).toEqual([]);
    expect((await get('/api/v1/tasks?pending=extension&agency=BTC', bca)).status).toBe(403);
    expect((await get('/api/v1/tasks?pending=overdue', vpcp)).status).toBe(400);

    // Cursor paging: earliest deadline first (the overdue 31/3 task before 30/6), one per page.
    const first = await get('/api/v1/tasks?pending=extension&limit=1', vpcp);
    expect(first.body.items.map((i: { taskId: string }) => i.taskId)).toEqual([bca1]);
    expect(first.body.items[0].pendingExtension).toEqual({ proposedDue: '2026-07-31' });
    const second = await get(`/api/v1/tasks?pending=extension&limit=1&cursor=${first.body.nextCursor}`, vpcp);
    expect(second.body.items.map((i: { taskId: string }) => i.taskId)).toEqual([bca2]);
    expect(second.body.nextCursor).toBeNull();
    for (const sort of ['-due', 'assignedAt', '-updatedAt']) {
      const one = await get(`/api/v1/tasks?pending=extension&limit=1&sort=${sort}`, vpcp);
      const two = await get(`/api/v1/tasks?pending=extension&limit=1&sort=${sort}&cursor=${one.body.nextCursor}`, vpcp);
      expect([...one.body.items, ...two.body.items].map((i: { taskId: string }) => i.taskId).sort()).toEqual([bca1, bca2]);
      expect(two.body.nextCursor).toBeNull();
    }

    await post(`${bca1}/extension-requests/current/approve`, vpcp);
    await post(`${bca2}/extension-requests/current/reject`, vpcp, { reason: 'Không đủ căn cứ' });
    await post(`${btcTask}/completion/return`, vpcp, { reason: 'Thiếu số liệu' });
    await rm.caughtUp();
    expect(ids(await get('/api/v1/tasks?pending=extension', vpcp))).toEqual([]);
    expect(ids(await get('/api/v1/tasks?pending=completion', vpcp))).toEqual([]);
  });
});
