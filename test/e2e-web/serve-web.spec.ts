import { ApiHarness } from '../support/api-harness';
import { ensureWebBuilt } from './support/build-web';

/** The API serves the built pages at `/`, falls back to index.html for page paths, and keeps API 404s. */
describe('serving the web pages', () => {
  const api = new ApiHarness();

  beforeAll(async () => {
    await ensureWebBuilt();
    await api.start();
  }, 120_000);
  afterAll(() => api.dispose(), 60_000);

  it('serves index.html at / and for page paths, with the hashed script', async () => {
    for (const path of ['/', '/nhiem-vu', '/nhiem-vu/2026-45-tb-vpcp.1.btc?x=1', '/dang-nhap']) {
      const res = await fetch(`${api.baseUrl}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const html = await res.text();
      expect(html).toContain('<div id="app">');
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
      const js = await fetch(`${api.baseUrl}${script}`);
      expect(js.status).toBe(200);
      expect(js.headers.get('cache-control')).toContain('immutable');
      // Read to the end: an unread body keeps its connection busy, and the server's close waits for it.
      await js.arrayBuffer();
    }
  });

  it('keeps the API answers: unknown API paths are problem+json 404, health still works', async () => {
    const unknown = await fetch(`${api.baseUrl}/api/v1/khong-co`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).not.toContain('<div id="app">');
    const status = async (path: string) => {
      const res = await fetch(`${api.baseUrl}${path}`);
      await res.arrayBuffer();
      return res.status;
    };
    expect(await status('/assets/khong-co.js')).toBe(404);
    expect(await status('/health')).toBe(200);
    expect(await status('/docs')).toBe(200);
  });
});
