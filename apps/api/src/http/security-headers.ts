import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The pages (dist/web) load one script and one stylesheet from /assets and talk to their own
 * origin only: no inline script or <style>, no eval, no other host. Preact writes `style` props
 * through the CSSOM (element.style), which style-src does not govern. The favicon is `data:,`.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Swagger UI (/docs) writes its own <style> block and style attributes, and draws icons from data: URLs. */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON, CSV and files are never documents to render: nothing may load from them or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Sent with every answer; the CSP depends on what the answer is (cspFor). */
export const COMMON_SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  // Page paths hold task ids (/nhiem-vu/2026-45-tb-vpcp.1.btc): a link out must not carry them.
  'referrer-policy': 'no-referrer',
  // For browsers without CSP frame-ancestors.
  'x-frame-options': 'DENY',
} as const;

export function cspFor(url: string, contentType: string | undefined): string {
  if (!contentType?.startsWith('text/html')) return API_CSP;
  return url === '/docs' || url.startsWith('/docs/') || url.startsWith('/docs?') ? DOCS_CSP : PAGE_CSP;
}

/** The four headers of each answer, built once per CSP: the hook runs on every answer. */
const HEADERS_BY_CSP = new Map(
  [API_CSP, PAGE_CSP, DOCS_CSP].map((csp) => [csp, { ...COMMON_SECURITY_HEADERS, 'content-security-policy': csp }]),
);

/**
 * One onSend hook on the root instance, so it covers Nest's answers, the static pages, Swagger UI
 * and Fastify's own 404s alike. @fastify/helmet is not installed; these four headers do not need it.
 */
export function addSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook(
    'onSend',
    (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
      const type = reply.getHeader('content-type');
      void reply.headers(HEADERS_BY_CSP.get(cspFor(request.url, typeof type === 'string' ? type : undefined))!);
      done(null, payload);
    },
  );
}
