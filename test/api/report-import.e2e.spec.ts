import { readShared } from '@tdnv/testing';
import { ApiHarness } from '../support/api-harness';

/** Issue 12: a report (seed 000) imports its appendix rows only, the rows marked done as completed tasks. */
describe('importing a report with an appendix of tasks', () => {
  const api = new ApiHarness({ CLOCK_START: '2026-12-01T02:00:00Z' });
  const vpcp = api.token('vpcp');

  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  it('seed 000: 81 rows, no body paragraph; rows the report marks done are completed, the rest are not overdue news', async () => {
    const text = readShared('seeds', '000_840402a6e6273853.txt');
    const preview = await api.request('POST', '/api/v1/notices/preview', { token: vpcp, body: { text } });
    expect(preview.status).toBe(200);
    expect(preview.body.directives).toHaveLength(81);
    const done = preview.body.directives.filter((d: { status?: { kind: string } }) => d.status?.kind === 'done').length;
    expect(done).toBeGreaterThan(0);

    const imported = await api.request('POST', '/api/v1/notices/import', { token: vpcp, body: { text, historical: true } });
    expect(imported.status).toBe(201);
    const events = await api.allEvents();
    const completed = new Set(events.filter((e) => e.type === 'TaskCompleted').map((e) => (e.data as { taskId: string }).taskId));
    const assigned = events.filter((e) => e.type === 'TaskAssigned');
    expect(completed.size).toBeGreaterThan(0);
    expect(assigned.every((e) => (e.data as { historical?: boolean }).historical === true)).toBe(true);
    // Every task of a row marked done is completed, and a completed task kept the row's result.
    const results = events.filter((e) => e.type === 'CompletionReported').map((e) => (e.data as { result: string }).result);
    expect(results.length).toBe(completed.size);
    expect(results.every((r) => r.trim().length > 0)).toBe(true);
  });
});
