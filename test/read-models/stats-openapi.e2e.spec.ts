import { ApiHarness } from '../support/api-harness';

type Schema = { properties?: Record<string, Schema>; items?: Schema; required?: string[]; description?: string };

/** Issue 11: the /stats answer documents its periodic-report figure, per group and in total. */
describe('the OpenAPI answer of GET /stats', () => {
  const api = new ApiHarness();
  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  it('describes periodicReports (due, on time, late, missing) beside the official buckets', async () => {
    const doc = (await api.request('GET', '/docs-json')).body as {
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: Schema }> }> } }>;
    };
    const answer = doc.paths['/api/v1/stats'].get.responses['200'].content['application/json'].schema;
    for (const figures of [answer.properties!.total, answer.properties!.groups.items!]) {
      expect(Object.keys(figures.properties!)).toEqual(expect.arrayContaining(['done_on_time', 'no_deadline', 'periodicReports']));
      const periodic = figures.properties!.periodicReports;
      expect(periodic.required).toEqual(['due', 'onTime', 'late', 'missing']);
      expect(periodic.description).toContain('due = onTime + late + missing');
    }
  });
});
