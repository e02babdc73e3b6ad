import { readShared } from '@tdnv/testing';
import { ApiHarness } from '../support/api-harness';

/** Issue 12: a report (seed 000) imports its appendix rows only, the rows marked done as completed tasks. */
describe('importing a report with an appendix of tasks', () => {
  const api = new ApiHarness({ CLOCK_START: '2026-12-01T02:00:00Z' });
  const vpcp = api.token('vpcp');

  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  it('seed 000: 81 rows, no body paragraph; exactly the 33 rows the report marks done are completed, every task of each', async () => {
    const text = readShared('seeds', '000_840402a6e6273853.txt');
    const preview = await api.request('POST', '/api/v1/notices/preview', { token: vpcp, body: { text } });
    expect(preview.status).toBe(200);
    expect(preview.body.directives).toHaveLength(81);
    const donePaths = preview.body.directives
      .filter((d: { status?: { kind: string } }) => d.status?.kind === 'done')
      .map((d: { path: string }) => d.path);
    // libs/directive-parser/src/appendix-seeds.spec.ts: 33 rows done, 48 in progress, none open.
    expect(donePaths).toHaveLength(33);

    const imported = await api.request('POST', '/api/v1/notices/import', { token: vpcp, body: { text, historical: true } });
    expect(imported.status).toBe(201);
    const events = await api.allEvents();
    const completed = new Set(events.filter((e) => e.type === 'TaskCompleted').map((e) => (e.data as { taskId: string }).taskId));
    const assigned = events.filter((e) => e.type === 'TaskAssigned');
    expect(assigned.every((e) => (e.data as { historical?: boolean }).historical === true)).toBe(true);
    // Exactly the rows the report marks done are completed, every task of each (a group row fans out).
    const registered = events.find((e) => e.type === 'NoticeRegistered')!.data as {
      directives: { path: string; tasks: { taskId: string }[] }[];
    };
    const rowsCompleted = registered.directives.filter((d) => d.tasks.some((t) => completed.has(t.taskId))).map((d) => d.path);
    expect(rowsCompleted.sort()).toEqual([...donePaths].sort());
    const tasksOfDoneRows = registered.directives.filter((d) => donePaths.includes(d.path)).flatMap((d) => d.tasks.map((t) => t.taskId));
    expect([...completed].sort()).toEqual(tasksOfDoneRows.sort());
    // Every completed task kept the row's result.
    const results = events.filter((e) => e.type === 'CompletionReported').map((e) => (e.data as { result: string }).result);
    expect(results.length).toBe(completed.size);
    expect(results.every((r) => r.trim().length > 0)).toBe(true);
  });
});
