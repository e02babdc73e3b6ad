import { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { Socket } from 'node:net';
import { problem, Problem } from './problem';
import { sendProblem, toProblem } from './problem-details.filter';
import { API_CSP, COMMON_SECURITY_HEADERS } from './security-headers';

/**
 * Longest URL answered (path and query). Browsers and proxies commonly stop near 8 KB; ours are
 * far shorter (a `q` is at most 200 characters). Above it: 414 problem+json before any routing.
 */
export const MAX_URL_LENGTH = 8 * 1024;

/**
 * Errors Fastify raises before a route runs (a path id over maxParamLength, a bad %-escape), which
 * it would otherwise answer in its own JSON shape: the same problem+json as every other answer.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  // This reply is built outside any route context, so the root onSend hook does not run for it.
  void reply.headers({ ...COMMON_SECURITY_HEADERS, 'content-security-policy': API_CSP });
  sendProblem(reply, toProblem(error));
}

export function limitUrlLength(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.url.length <= MAX_URL_LENGTH) return done();
    sendProblem(reply, problem('uri-too-long', `Địa chỉ dài ${request.url.length} ký tự, tối đa ${MAX_URL_LENGTH}`));
  });
}

/**
 * Requests Node's HTTP parser refuses itself (headers over 16 KB, which a URL of that size is,
 * a timeout, a malformed request) never reach Fastify's routes: the answer is written on the
 * socket, as Fastify's default handler does, but as problem+json.
 */
export function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) socket.write(rawProblemResponse(clientProblem(error)));
  socket.destroy(error);
}

function clientProblem(error: ConnectionError): Problem {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return problem('request-timeout');
  if (error.code !== 'HPE_HEADER_OVERFLOW') return problem('validation', 'Yêu cầu HTTP không đúng định dạng');
  // Node hands the bytes it was parsing as a Buffer (Fastify's type says otherwise). When they are
  // the start of a request line with no line end, the URL itself is what is too long.
  const packet: unknown = error.rawPacket;
  const raw = Buffer.isBuffer(packet) ? packet : Buffer.alloc(0);
  const inRequestLine = /^[A-Z]+ \//.test(raw.subarray(0, 16).toString('latin1')) && !raw.includes('\r\n');
  return inRequestLine ? problem('uri-too-long', `Địa chỉ yêu cầu dài hơn giới hạn ${MAX_URL_LENGTH} ký tự`) : problem('headers-too-large');
}

function rawProblemResponse(body: Problem): string {
  const json = JSON.stringify(body);
  const headers = {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(json)),
    Connection: 'close',
    ...COMMON_SECURITY_HEADERS,
    'Content-Security-Policy': API_CSP,
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${body.status} ${STATUS_CODES[body.status] ?? ''}\r\n${lines.join('\r\n')}\r\n\r\n${json}`;
}
