import { createEventStore, EventStore, StoredEvent } from '@tdnv/event-store';
import { FuzzBody, FuzzRequest } from './request-arbitrary';

export interface FuzzAnswer {
  status: number;
  contentType: string;
  /** The start of the body, enough to recognise the problem in a report. */
  excerpt: string;
  /** The parsed body when it was JSON. */
  json?: unknown;
  /** Set when the server gave no HTTP answer (reset, timeout). */
  failure?: string;
}

const TIMEOUT_MS = 15_000;

/** Sends one request with fetch: bodies as bytes, so no media type is added that the request did not choose. */
export async function send(baseUrl: string, request: FuzzRequest, authorization: string | undefined): Promise<FuzzAnswer> {
  const headers: Record<string, string> = { ...request.headers };
  if (authorization !== undefined) headers.authorization = authorization;
  const wire = request.method === 'GET' || request.method === 'HEAD' ? undefined : bodyBytes(request.body);
  if (wire?.contentType) headers['content-type'] = wire.contentType;
  let response: Response;
  try {
    response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers,
      body: wire?.bytes,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    // fetch's own refusals (an unsendable header) are a bug of the generator, not of the server.
    const cause = (error as { cause?: { message?: string; code?: string } }).cause;
    if (
      !(error instanceof Error) ||
      cause?.code === 'UND_ERR_INVALID_ARG' ||
      (error.message !== 'fetch failed' && error.name !== 'TimeoutError')
    )
      throw error;
    return { status: 0, contentType: '', excerpt: '', failure: `${error.message}${cause?.message ? `: ${cause.message}` : ''}` };
  }
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    excerpt: text.slice(0, 300),
    json: parseJson(text),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The bytes and media type of a body; `undefined` bytes when the body is absent. */
export function bodyBytes(body: FuzzBody | undefined): { bytes?: Uint8Array; contentType?: string } | undefined {
  if (!body) return undefined;
  switch (body.kind) {
    case 'json': {
      const text = JSON.stringify(body.value);
      return { bytes: text === undefined ? undefined : Buffer.from(text), contentType: body.contentType || undefined };
    }
    case 'text':
      return { bytes: Buffer.from(body.text), contentType: body.contentType || undefined };
    case 'nested': {
      const close = body.open === '[' ? ']' : '}';
      return { bytes: Buffer.from(`${body.open.repeat(body.depth)}1${close.repeat(body.depth)}`), contentType: 'application/json' };
    }
    case 'oversized':
      return { bytes: Buffer.from(`{"note":"${'x'.repeat(body.bytes)}"}`), contentType: 'application/json' };
    case 'bytes':
      return { bytes: Buffer.from(body.hex, 'hex'), contentType: body.contentType };
  }
}

/**
 * Follows the log's global position, so "did this request append?" costs one indexed read
 * instead of counting the whole log after every request.
 */
export class EventWatermark {
  private readonly store: EventStore;
  private position = 0n;

  constructor(dataDir: string) {
    this.store = createEventStore({ dataDir });
  }

  /** Events appended since the previous call (the first call skips everything already there). */
  async appendedSinceLastCall(): Promise<StoredEvent[]> {
    const appended: StoredEvent[] = [];
    for (;;) {
      const batch = await this.store.readAll(this.position, 1000);
      if (batch.length === 0) return appended;
      appended.push(...batch);
      this.position = batch[batch.length - 1].position;
    }
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
