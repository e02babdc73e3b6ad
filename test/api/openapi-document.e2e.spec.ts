import { ApiHarness } from '../support/api-harness';

/** Issue 15: /docs documents every operation: a summary, its answer, and the problems it can give. */
describe('the OpenAPI document', () => {
  const api = new ApiHarness();
  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  it('gives every operation a summary, a success answer and problem+json error answers', async () => {
    const doc = (await api.request('GET', '/docs-json')).body as {
      paths: Record<string, Record<string, { summary?: string; responses?: Record<string, { content?: Record<string, unknown> }> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.components.schemas.Problem).toBeDefined();
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(40);
    for (const { path, method, op } of operations) {
      const statuses = Object.keys(op.responses ?? {});
      expect({ path, method, summary: Boolean(op.summary?.trim()) }).toEqual({ path, method, summary: true });
      expect({ path, method, success: statuses.some((s) => s.startsWith('2')) }).toEqual({ path, method, success: true });
      expect({ path, method, problem: op.responses?.['400']?.content?.['application/problem+json'] !== undefined }).toEqual({
        path,
        method,
        problem: true,
      });
    }
  });
});
