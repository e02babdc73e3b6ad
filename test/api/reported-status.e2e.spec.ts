import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { StoredEvent } from '@tdnv/event-store';
import { ApiHarness } from '../support/api-harness';

/**
 * Issue 12, what a report says was done, over HTTP: the preview says why body paragraphs give no
 * task; VPCP changes a row's status before import (edits[].status); and a notice registered from
 * structured directives (a report uploaded as .docx in the web app goes through POST /notices)
 * takes the same `status` on its directives, applied the same way.
 */
describe('reported status over HTTP', () => {
  const api = new ApiHarness({ CLOCK_START: '2025-10-20T02:00:00Z' });
  const vpcp = api.token('vpcp');
  const REPORT_DATE = '2025-10-10';
  // Báo cáo 812/BC-BNV of 10/10/2025 with an appendix of tasks and their results.
  const report = readFileSync(resolve(__dirname, '../../libs/directive-parser/corpus/21-bao-cao-bo-noi-vu-phu-luc.txt'), 'utf8');

  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  /** The events after TaskAssigned of each task of the directive at `path` of the notice just registered. */
  const historyOf = (events: StoredEvent[], noticeId: string, path: string) => {
    const registered = events.find((e) => e.type === 'NoticeRegistered' && e.stream === `notice-${noticeId}`)!;
    const directive = (registered.data as { directives: { path?: string; tasks: { taskId: string }[] }[] }).directives.find(
      (d) => d.path === path,
    )!;
    return directive.tasks.map((t) =>
      events
        .filter((e) => e.stream === `task-${t.taskId}` && e.type !== 'TaskAssigned')
        .map((e) => ({ type: e.type, ...(e.data as object) })),
    );
  };
  const withoutIds = (history: Record<string, unknown>[][]) =>
    history.map((events) => events.map(({ taskId: _t, reportedAt: _r, ...rest }) => rest));

  it('the preview lists the paragraphs that give no task, each with its reason in Vietnamese', async () => {
    const res = await api.request('POST', '/api/v1/notices/preview', { token: vpcp, body: { text: report } });
    expect(res.status).toBe(200);
    const skipped: { path: string; reason: string; note: string; text: string }[] = res.body.skipped;
    expect(new Set(skipped.map((s) => s.reason))).toEqual(new Set(['achievement', 'report_body', 'upward_recommendation']));
    expect(skipped.find((s) => s.path === 'IV.1')).toMatchObject({
      reason: 'upward_recommendation',
      note: 'Kiến nghị, đề xuất gửi cấp trên (Chính phủ, Thủ tướng Chính phủ), không phải nhiệm vụ được giao',
    });
    expect(skipped.every((s) => s.note.length > 0 && s.text.length > 0)).toBe(true);
    expect(res.body.directives.every((d: { path: string }) => d.path.startsWith('PL.'))).toBe(true);
  });

  it('VPCP changes rows’ status before import (edits[].status), and the tasks get that history', async () => {
    const res = await api.request('POST', '/api/v1/notices/import', {
      token: vpcp,
      body: {
        text: report,
        historical: true,
        edits: [
          // In progress in the report; VPCP knows it was done on 20/9/2025, before its deadline (30/9/2025).
          { path: 'PL.II.1', status: { kind: 'done', result: 'Đã trình Chính phủ Nghị định', reportedOn: '2025-09-20' } },
          // Done in the report; VPCP reopens it.
          { path: 'PL.I.2', status: { kind: 'open' } },
          // Done, no date given: the report's date, past its deadline (30/6/2025).
          { path: 'PL.III.1', status: { kind: 'done' } },
          { path: 'PL.III.4', status: { kind: 'in_progress', result: 'Đang rà soát lần cuối' } },
        ],
      },
    });
    expect(res.status).toBe(201);
    const events = await api.allEvents();
    const history = (path: string) => withoutIds(historyOf(events, res.body.noticeId, path));
    expect(history('PL.II.1')).toEqual([
      [
        { type: 'CompletionReported', by: 'BNV', result: 'Đã trình Chính phủ Nghị định', reportedOn: '2025-09-20' },
        { type: 'TaskCompleted', reportedOn: '2025-09-20', due: '2025-09-30', onTime: true },
      ],
    ]);
    expect(history('PL.I.2')).toEqual([[]]);
    expect(history('PL.III.1')).toEqual([
      [
        { type: 'CompletionReported', by: 'VPCP', result: 'Đã hoàn thành (theo báo cáo)', reportedOn: REPORT_DATE },
        { type: 'TaskCompleted', reportedOn: REPORT_DATE, due: '2025-06-30', onTime: false },
      ],
    ]);
    // In progress: acknowledged, then its progress, so the task reads "Đang thực hiện".
    expect(history('PL.III.4')).toEqual([
      [
        { type: 'TaskAcknowledged', by: 'BNV' },
        { type: 'ProgressReported', by: 'BNV', note: 'Đang rà soát lần cuối' },
      ],
    ]);
    // A row left as the report says: done on the date its result names (04/3/2025), on time.
    expect(history('PL.I.1')[0][1]).toEqual({ type: 'TaskCompleted', reportedOn: '2025-03-04', due: '2025-06-30', onTime: true });
  });

  it('POST /notices takes the same status on its directives: done and in progress are recorded as history', async () => {
    const directive = (text: string, status?: Record<string, unknown>) => ({
      text,
      lead: ['BTC'],
      deadline: { due: '2026-03-31' },
      ...(status ? { status } : {}),
    });
    const body = {
      number: '15/BC-BTC',
      issuedAt: '2026-04-10',
      title: 'Báo cáo tình hình thực hiện nhiệm vụ quý I năm 2026',
      kind: 'bao_cao',
      historical: true,
      directives: [
        directive('Ban hành Thông tư hướng dẫn quyết toán', {
          kind: 'done',
          result: 'Đã ban hành Thông tư số 12/2026/TT-BTC',
          reportedOn: '2026-03-20',
        }),
        directive('Sửa đổi Nghị định về hóa đơn điện tử', { kind: 'done' }),
        directive('Xây dựng cơ sở dữ liệu tài chính', { kind: 'in_progress', result: 'Đã hoàn thành 60% khối lượng' }),
        directive('Rà soát danh mục phí', { kind: 'open' }),
        directive('Tổng kết thi hành Luật Ngân sách'),
      ],
    };
    const before = (await api.allEvents()).length;
    for (const bad of [{ kind: 'xong' }, { kind: 'done', reportedOn: '2026-02-30' }, { kind: 'done', completedOn: '2026-03-01' }]) {
      const refused = await api.request('POST', '/api/v1/notices', {
        token: vpcp,
        body: { ...body, directives: [directive('Ban hành Thông tư', bad)] },
      });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.body.errors[0].field).toMatch(/^directives\.0\.status/);
    }
    expect((await api.allEvents()).length).toBe(before);

    const res = await api.request('POST', '/api/v1/notices', { token: vpcp, body });
    expect(res.status).toBe(201);
    const events = await api.allEvents();
    const history = (taskId: string) =>
      events
        .filter((e) => e.stream === `task-${taskId}` && e.type !== 'TaskAssigned')
        .map((e) => ({ type: e.type, ...(e.data as object) }));
    const [done, doneOnReportDate, inProgress, open, none] = res.body.taskIds.map((id: string) => withoutIds([history(id)])[0]);
    expect(done).toEqual([
      { type: 'CompletionReported', by: 'BTC', result: 'Đã ban hành Thông tư số 12/2026/TT-BTC', reportedOn: '2026-03-20' },
      { type: 'TaskCompleted', reportedOn: '2026-03-20', due: '2026-03-31', onTime: true },
    ]);
    // No date: the notice's (the report's) date, after the deadline.
    expect(doneOnReportDate[1]).toEqual({ type: 'TaskCompleted', reportedOn: '2026-04-10', due: '2026-03-31', onTime: false });
    expect(inProgress).toEqual([
      { type: 'TaskAcknowledged', by: 'BTC' },
      { type: 'ProgressReported', by: 'BTC', note: 'Đã hoàn thành 60% khối lượng' },
    ]);
    expect([open, none]).toEqual([[], []]);
  });
});
