import fc from 'fast-check';
import { FuzzAnswer } from './fuzz-client';
import { epochPath, FuzzWorld, SeededTasks } from './fuzz-world';
import { violationsOf } from './invariants';
import { percentEncode } from './junk-values';
import { pathParametersOf } from './openapi-operations';
import { mutate, mutation } from './schema-values';

/** The fuzzer's own pure parts: if these are wrong, a green fuzz run means nothing. */
describe('API fuzzer helpers (issue 9)', () => {
  const answer = (status: number, contentType: string, json?: unknown): FuzzAnswer => ({
    status,
    contentType,
    excerpt: JSON.stringify(json) ?? '',
    json,
  });
  const problem = (status: number) =>
    answer(status, 'application/problem+json; charset=utf-8', { type: '/problems/x', title: 't', status });

  it('accepts a 2xx that appended and a problem+json refusal that did not', () => {
    expect(violationsOf('POST', answer(200, 'application/json', {}), ['TaskAcknowledged'])).toEqual([]);
    expect(violationsOf('POST', problem(409), [])).toEqual([]);
    expect(violationsOf('HEAD', answer(404, 'application/problem+json'), [])).toEqual([]);
  });

  it('names each broken invariant', () => {
    const kinds = (a: FuzzAnswer, appended: string[] = []) => violationsOf('POST', a, appended).map((v) => v.kind);
    expect(kinds(problem(500))).toEqual(['server-error']);
    expect(kinds(answer(400, 'application/json', { statusCode: 400 }))).toEqual(['not-problem-json']);
    expect(kinds(answer(400, 'application/problem+json', { type: '/problems/x', title: 't', status: 422 }))).toEqual(['bad-problem-body']);
    expect(kinds(problem(403), ['TaskCancelled'])).toEqual(['appended-on-refusal']);
    expect(kinds({ status: 0, contentType: '', excerpt: '', failure: 'fetch failed: other side closed' })).toEqual(['no-answer']);
  });

  it('mutates a copy, and a key named __proto__ becomes an own field as JSON.parse would make it', () => {
    const body = { reason: 'x', deadline: { due: '2026-06-30' } };
    const mutated = mutate(body, [{ kind: 'add', at: 2, key: '__proto__', value: { role: 'admin' } }]);
    expect(body).toEqual({ reason: 'x', deadline: { due: '2026-06-30' } });
    expect(JSON.stringify(mutated)).toContain('"__proto__":{"role":"admin"}');
    // Any sequence of edits leaves the generated value alone (the same value may be reused by fast-check).
    const before = JSON.stringify(body);
    fc.assert(
      fc.property(fc.array(mutation(), { maxLength: 4 }), (edits) => {
        mutate(body, edits);
        return JSON.stringify(body) === before;
      }),
    );
  });

  it('percent-encodes any text without throwing, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => /^[A-Za-z0-9\-._~%]*$/.test(percentEncode(s))));
    expect(percentEncode('Việt/%')).toBe('Vi%E1%BB%87t%2F%25');
    expect(percentEncode('\ud800')).toBe('%EF%BF%BD');
  });

  it('reads path parameters from the template, and moves generated ids to the current epoch', () => {
    expect(pathParametersOf('/api/v1/tasks/{id}/extension-requests/current/approve')).toEqual(['id']);
    const world = { noticeId: '2026-1000-tb-vpcp' } as FuzzWorld;
    const current = { noticeId: '2026-1003-tb-vpcp' } as SeededTasks;
    expect(epochPath('/api/v1/tasks/2026-1000-tb-vpcp.1.btc/progress', world, current)).toBe(
      '/api/v1/tasks/2026-1003-tb-vpcp.1.btc/progress',
    );
    expect(epochPath('/api/v1/tasks/2026-1000-TB-VPCP.1.BTC', world, current)).toBe('/api/v1/tasks/2026-1003-TB-VPCP.1.BTC');
  });
});
