import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@tdnv/config';
import { ApiHarness } from '../support/api-harness';
import { ensureWebBuilt, WEB_DIST } from '../e2e-web/support/build-web';

jest.setTimeout(60_000);

const PROBLEM = /^application\/problem\+json/;

/** Issue 9, finding 10 (hardening at the HTTP edge), one test per item of the finding. */
describe('issue 9 finding 10: hardening at the edge', () => {
  const api = new ApiHarness({ CLOCK_START: '2026-04-10T02:00:00Z' });
  const vpcp = api.token('vpcp');
  const btc = api.token('agency', 'BTC');
  let taskId = '';

  beforeAll(async () => {
    await ensureWebBuilt();
    await api.start();
    const res = await api.request('POST', '/api/v1/notices', {
      token: vpcp,
      body: {
        number: '81/TB-VPCP',
        issuedAt: '2026-02-12',
        title: 'Kết luận',
        directives: [{ text: 'Rà soát thủ tục', lead: ['BTC'], deadline: { due: '2026-06-30' } }],
      },
    });
    expect(res.status).toBe(201);
    taskId = res.body.taskIds[0];
  }, 120_000);
  afterAll(() => api.dispose(), 60_000);

  it('issue 9 finding 10: security headers on web pages', async () => {
    for (const path of ['/', '/nhiem-vu/2026-81-tb-vpcp.1.btc', '/dang-nhap']) {
      const res = await fetch(`${api.baseUrl}${path}`);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
    // The built pages keep working under that CSP: no inline script, style or handler, assets from /assets.
    const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\son[a-z]+=|javascript:/i);
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(url).toMatch(/^(\/assets\/|data:)/);
    // API answers and Swagger UI are covered too; Swagger UI needs its inline styles.
    const ping = await fetch(`${api.baseUrl}/ping`);
    expect(ping.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(ping.headers.get('x-content-type-options')).toBe('nosniff');
    const docs = await fetch(`${api.baseUrl}/docs`);
    expect(docs.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(docs.headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'");
  });

  it('issue 9 finding 10: impossible asOf is a 400', async () => {
    for (const asOf of [
      '2026-02-30',
      '2026-02-30T10:00:00Z',
      '2026-04-31T23:00:00+07:00',
      '2026-02-28T24:00:00Z',
      '2026-13-01',
      'hôm qua',
    ]) {
      for (const path of [
        `/api/v1/stats?asOf=${encodeURIComponent(asOf)}`,
        `/api/v1/reports/appendix?format=csv&asOf=${encodeURIComponent(asOf)}`,
      ]) {
        const res = await api.request('GET', path, { token: vpcp });
        expect({ path, status: res.status, type: res.headers.get('content-type') }).toEqual({
          path,
          status: 400,
          type: expect.stringMatching(PROBLEM),
        });
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
      }
    }
    for (const asOf of ['2026-02-28', '2026-02-28T23:59:59.999Z', '2026-02-28T10:00+07:00'])
      expect((await api.request('GET', `/api/v1/stats?asOf=${encodeURIComponent(asOf)}`, { token: vpcp })).status).toBe(200);
  });

  it('issue 9 finding 10: control characters refused', async () => {
    const before = (await api.allEvents()).length;
    const notice = (title: string, text = 'Rà soát') => ({
      number: '82/TB-VPCP',
      issuedAt: '2026-02-12',
      title,
      directives: [{ text, lead: ['BTC'] }],
    });
    const cases: [string, unknown, string][] = [
      ['NUL', notice('Kết\u0000luận'), 'title'],
      ['bell', notice('Kết\u0007luận'), 'title'],
      ['bidi override', notice('Kết luận', 'Rà soát \u202Egnàh nỗl'), 'directives.0.text'],
      ['bidi isolate', notice('Kết \u2066luận\u2069'), 'title'],
    ];
    for (const [label, body, field] of cases) {
      const res = await api.request('POST', '/api/v1/notices', { token: vpcp, body });
      expect({ label, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ label, status: 400, field });
      expect(res.body.errors[0].message).toContain('ký tự không được phép');
    }
    // A lone surrogate can only be written as a JSON escape.
    const lone = await api.request('POST', `/api/v1/tasks/${taskId}/progress`, {
      token: btc,
      raw: '{"note":"Đã xong \\ud800"}',
      headers: { 'content-type': 'application/json' },
    });
    expect({ status: lone.status, field: lone.body.errors?.[0]?.field }).toEqual({ status: 400, field: 'note' });
    // Query and path parameters too (PostgreSQL refuses a NUL in text: that was a 500 there).
    expect((await api.request('GET', '/api/v1/tasks?agency=%00', { token: vpcp })).body.errors[0].field).toBe('agency');
    expect((await api.request('GET', '/api/v1/tasks/%E2%80%AE', { token: vpcp })).body.errors[0].field).toBe('id');
    expect(await api.allEvents()).toHaveLength(before);
    // TAB, LF and CR stay; decomposed Vietnamese is stored composed (NFC).
    const decomposed = 'Đã hoàn thành'.normalize('NFD');
    expect((await api.request('POST', `/api/v1/tasks/${taskId}/acknowledge`, { token: btc, body: {} })).status).toBe(200);
    const ok = await api.request('POST', `/api/v1/tasks/${taskId}/progress`, {
      token: btc,
      body: { note: `${decomposed}\tbước 1\r\nbước 2` },
    });
    expect(ok.status).toBe(200);
    const stored = (await api.allEvents()).at(-1)!;
    expect((stored.data as { note: string }).note).toBe(`${'Đã hoàn thành'.normalize('NFC')}\tbước 1\r\nbước 2`);
  });

  it('issue 9 finding 10: too-long URL answers problem+json', async () => {
    const expectProblem = async (label: string, res: Response, status: number[]) => {
      expect({ label, status: status.includes(res.status) ? 'ok' : res.status, type: res.headers.get('content-type') }).toEqual({
        label,
        status: 'ok',
        type: expect.stringMatching(PROBLEM),
      });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const body = (await res.json()) as { title: string; detail?: string };
      // Vietnamese, not Fastify's English.
      for (const text of [body.title, body.detail ?? 'đ'])
        expect({ label, text }).toEqual({ label, text: expect.stringMatching(/[à-ỹĐđ]/) });
    };
    const auth = { authorization: `Bearer ${vpcp}` };
    await expectProblem('10 KB URL', await fetch(`${api.baseUrl}/api/v1/tasks?q=${'a'.repeat(10_000)}`, { headers: auth }), [414]);
    // Over Node's 16 KB header limit: refused by the HTTP parser, before Fastify.
    await expectProblem('100 KB URL', await fetch(`${api.baseUrl}/api/v1/tasks?q=${'a'.repeat(100_000)}`, { headers: auth }), [414]);
    await expectProblem(
      '40 KB header',
      await fetch(`${api.baseUrl}/api/v1/tasks`, { headers: { ...auth, 'x-big': 'a'.repeat(40_000) } }),
      [431],
    );
    // A path id over Fastify's maxParamLength: 414 from the router, or 404 where the pages' fallback route takes it.
    await expectProblem('long id', await fetch(`${api.baseUrl}/api/v1/tasks/${'a'.repeat(500)}`, { headers: auth }), [404, 414]);
    await expectProblem('bad escape', await fetch(`${api.baseUrl}/api/v1/tasks/%E0%A4%A`, { headers: auth }), [400]);
    // Fastify's own refusals of a body.
    const post = (body: string, type: string) =>
      fetch(`${api.baseUrl}/api/v1/notices`, { method: 'POST', headers: { ...auth, 'content-type': type }, body });
    await expectProblem('bad JSON', await post('{"number":', 'application/json'), [400]);
    await expectProblem('unsupported type', await post('<xml/>', 'application/xml'), [415]);
    await expectProblem('body too large', await post(JSON.stringify({ title: 'x'.repeat(2 * 1024 * 1024) }), 'application/json'), [413]);
    expect((await fetch(`${api.baseUrl}/ping`)).status).toBe(200);
  });

  it('issue 9 finding 10: metrics and docs are public by default (METRICS_ACCESS, DOCS_ACCESS unset)', async () => {
    for (const path of ['/metrics', '/docs', '/docs-json']) expect((await fetch(`${api.baseUrl}${path}`)).status).toBe(200);
  });
});

describe('issue 9 finding 10: metrics and docs limited to admins', () => {
  const api = new ApiHarness({ METRICS_ACCESS: 'admin', DOCS_ACCESS: 'admin' });

  beforeAll(() => api.start());
  afterAll(() => api.dispose());

  it.each(['/metrics', '/docs', '/docs-json', '/docs/swagger-ui.css'])('%s answers an admin token only', async (path) => {
    const none = await api.request('GET', path);
    expect({ status: none.status, type: none.headers.get('content-type') }).toEqual({ status: 401, type: expect.stringMatching(PROBLEM) });
    expect((await api.request('GET', path, { headers: { authorization: 'Bearer abc.def.ghi' } })).status).toBe(401);
    for (const role of ['vpcp', 'viewer'] as const) expect((await api.request('GET', path, { token: api.token(role) })).status).toBe(403);
    expect((await api.request('GET', path, { token: api.token('agency', 'BTC') })).status).toBe(403);
    expect((await api.request('GET', path, { token: api.token('admin') })).status).toBe(200);
  });

  it('takes public or admin only, public by default', () => {
    expect(loadConfig({})).toMatchObject({ metricsAccess: 'public', docsAccess: 'public' });
    expect(loadConfig({ METRICS_ACCESS: 'ADMIN' })).toMatchObject({ metricsAccess: 'admin', docsAccess: 'public' });
    expect(() => loadConfig({ METRICS_ACCESS: 'everyone', DOCS_ACCESS: 'nobody' })).toThrow(ConfigError);
  });

  it('leaves the rest as it was: /health and /ping need no token, the API its usual one', async () => {
    expect((await api.request('GET', '/health')).status).toBe(200);
    expect((await api.request('GET', '/ping')).status).toBe(200);
    expect((await api.request('GET', '/api/v1/tasks', { token: api.token('vpcp') })).status).toBe(200);
  });
});
