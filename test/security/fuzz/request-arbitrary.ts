import fc from 'fast-check';
import { FuzzWorld, ROLES } from './fuzz-world';
import { junkJson } from './junk-values';
import { Operation } from './openapi-operations';
import { headersPart, Part, pathIdPart, queryPart } from './request-parts';
import { mutate, mutation, valueFor, ValueHints } from './schema-values';

/** How a body goes on the wire. Big ones are described, not stored, so a whole run fits in memory and in a log line. */
export type FuzzBody =
  | { kind: 'json'; value: unknown; contentType: string }
  | { kind: 'text'; text: string; contentType: string }
  | { kind: 'nested'; depth: number; open: '[' | '{"a":' }
  | { kind: 'oversized'; bytes: number }
  | { kind: 'bytes'; hex: string; contentType: string };

/** One generated request, as plain data: printable, and replayable from the seed. */
export interface FuzzRequest {
  /** The document's operation, e.g. `POST /api/v1/tasks/{id}/progress`. */
  operation: string;
  /** Which part was made hostile (`none`: all plausible; `chaos`: all hostile). */
  focus: Focus;
  method: string;
  path: string;
  /** A role of ROLES, or `bad-auth:<variant>` of badAuthorizations(). */
  caller: string;
  headers: Record<string, string>;
  body?: FuzzBody;
}

type Focus = 'none' | 'caller' | 'method' | 'path' | 'query' | 'headers' | 'body' | 'content-type' | 'chaos';

/** Written out, not imported: the fuzzer should not move when the import code does. */
export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const OTHER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

const WRONG_MEDIA_TYPES = [
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=utf-16',
  'application/json;;;',
  'application/jsonx',
  'application/problem+json',
  'text/plain',
  'text/plain; charset=latin1',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  DOCX_MEDIA_TYPE,
  'application/octet-stream',
  '',
];

const BROKEN_JSON = [
  '{"note":',
  '{',
  '[',
  'nul',
  '{"a":1}{"b":2}',
  '{"reason":"x",}',
  "{'reason':'x'}",
  '\ufeff{}',
  '{"reason":"\\ud800"}',
  '{"__proto__":{"role":"admin"}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '{"reason":"x","reason":7}',
  '1',
  '"x"',
  'null',
  '[]',
  '',
];

/** Every request of one operation: mostly plausible, with one part (or, sometimes, every part) hostile. */
export function requestFor(op: Operation, world: FuzzWorld, hints: ValueHints, badAuthNames: string[]): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      focus: focusFor(op),
      caller: both(callerPart(badAuthNames)),
      method: both({ plausible: fc.constant(op.method), hostile: fc.constantFrom(...OTHER_METHODS) }),
      path: both(pathPart(op, world)),
      query: both(queryPart(op.query, hints)),
      headers: both(headersPart()),
      body: both(bodyPart(op, world, hints)),
      mediaType: fc.constantFrom(...WRONG_MEDIA_TYPES),
    })
    .map((r) => {
      const pick = <T>(name: Focus, [plausible, hostile]: [T, T]): T => (r.focus === name || r.focus === 'chaos' ? hostile : plausible);
      const body = pick('body', r.body);
      return {
        operation: `${op.method} ${op.template}`,
        focus: r.focus,
        method: pick('method', r.method),
        path: pick('path', r.path) + pick('query', r.query),
        caller: pick('caller', r.caller),
        headers: pick('headers', r.headers),
        body: r.focus === 'content-type' ? withMediaType(body, r.mediaType) : body,
      };
    });
}

/** Generates both flavours of a part; the focus decides which one is sent. */
function both<T>(part: Part<T>): fc.Arbitrary<[T, T]> {
  return fc.tuple(part.plausible, part.hostile);
}

/** Only parts the operation has can be the focus: a GET has no body, `/health` no path id. */
function focusFor(op: Operation): fc.Arbitrary<Focus> {
  const weighted: { arbitrary: fc.Arbitrary<Focus>; weight: number }[] = [
    { arbitrary: fc.constant('none'), weight: 3 },
    { arbitrary: fc.constant('caller'), weight: 2 },
    { arbitrary: fc.constant('method'), weight: 1 },
    { arbitrary: fc.constant('headers'), weight: 2 },
    { arbitrary: fc.constant('chaos'), weight: 2 },
  ];
  if (op.pathParameters.length) weighted.push({ arbitrary: fc.constant('path'), weight: 3 });
  if (op.query.length) weighted.push({ arbitrary: fc.constant('query'), weight: 3 });
  if (op.method !== 'GET')
    weighted.push({ arbitrary: fc.constant('body'), weight: 5 }, { arbitrary: fc.constant('content-type'), weight: 1 });
  return fc.oneof(...weighted);
}

/** Plausible callers hold a real token of some role; hostile ones send none or a broken one. */
function callerPart(badAuthNames: string[]): Part<string> {
  return {
    // The lead and VPCP act on most commands: weighting them lets a plausible request get past the policy.
    plausible: fc.oneof(
      { arbitrary: fc.constantFrom('lead', 'vpcp'), weight: 3 },
      { arbitrary: fc.constantFrom(...ROLES.filter((r) => r !== 'anonymous')), weight: 2 },
    ),
    hostile: fc.oneof(
      fc.constant('anonymous'),
      fc.constantFrom(...badAuthNames).map((n) => `bad-auth:${n}`),
    ),
  };
}

function pathPart(op: Operation, world: FuzzWorld): Part<string> {
  const ids = op.pathParameters.map(() => pathIdPart(op.template, world));
  const fill = (values: string[]) => op.pathParameters.reduce((path, name, i) => path.replace(`{${name}}`, values[i]), op.template);
  return { plausible: fc.tuple(...ids.map((p) => p.plausible)).map(fill), hostile: fc.tuple(...ids.map((p) => p.hostile)).map(fill) };
}

/** Plausible: the schema's body as JSON (or the notice's text / .docx). Hostile: mutated, broken, nested, huge, or bytes. */
function bodyPart(op: Operation, world: FuzzWorld, hints: ValueHints): Part<FuzzBody | undefined> {
  if (op.method === 'GET') return { plausible: fc.constant(undefined), hostile: fc.constant(undefined) };
  const takesText = takesNoticeText(op);
  const valid = op.body ? valueFor(op.body, '', hints) : takesText ? noticeJson(world) : fc.constant({});
  const plausibleJson = valid.map((value): FuzzBody => ({ kind: 'json', value, contentType: 'application/json' }));
  const plausible = takesText
    ? fc.oneof(
        plausibleJson,
        fc.constant<FuzzBody>({ kind: 'text', text: world.noticeText, contentType: 'text/plain; charset=utf-8' }),
        fc.constant<FuzzBody>({ kind: 'bytes', hex: world.noticeDocxHex, contentType: DOCX_MEDIA_TYPE }),
      )
    : op.body
      ? plausibleJson
      : fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: plausibleJson, weight: 1 });
  const mutated = fc
    .tuple(valid, fc.array(mutation(), { minLength: 1, maxLength: 3 }))
    .map(([value, edits]): FuzzBody => ({ kind: 'json', value: mutate(value, edits), contentType: 'application/json' }));
  const hostile = fc.oneof(
    { arbitrary: mutated, weight: 14 },
    { arbitrary: brokenJson(valid).map((text): FuzzBody => ({ kind: 'text', text, contentType: 'application/json' })), weight: 3 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    {
      arbitrary: fc
        .record({ depth: fc.constantFrom(64, 1000, 20_000), open: fc.constantFrom('[' as const, '{"a":' as const) })
        .map((b): FuzzBody => ({ kind: 'nested', ...b })),
      weight: 1,
    },
    { arbitrary: fc.constant<FuzzBody>({ kind: 'oversized', bytes: 2 * 1024 * 1024 }), weight: 1 },
    { arbitrary: docxLike(), weight: takesText ? 4 : 1 },
  );
  return { plausible, hostile };
}

/**
 * The notice preview and import read their body by hand (JSON, text or .docx), so the document
 * shows no body for them: they are recognised by path.
 */
function takesNoticeText(op: Operation): boolean {
  return op.mediaTypes.includes('text/plain') || /\/notices\/(preview|import)$/.test(op.template);
}

/** The JSON shape of a notice import: its text and issue date, sometimes a number. */
function noticeJson(world: FuzzWorld): fc.Arbitrary<unknown> {
  return fc.record(
    { text: fc.constant(world.noticeText), issuedAt: fc.constant('2020-02-12'), number: fc.constantFrom('46/TB-VPCP', '47/TB-VPCP') },
    { requiredKeys: ['text'] },
  );
}

/** The same body under a media type the route does not expect. */
function withMediaType(body: FuzzBody | undefined, contentType: string): FuzzBody | undefined {
  if (!body || body.kind === 'nested' || body.kind === 'oversized') return body;
  return { ...body, contentType };
}

/** Hand-written breakage, a valid body cut at a random byte, and JSON of the wrong kind. */
const brokenJson = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...BROKEN_JSON),
    fc.tuple(valid, fc.nat()).map(([v, cut]) => {
      const text = JSON.stringify(v) ?? '';
      return text.slice(0, cut % Math.max(text.length, 1));
    }),
    junkJson().map((v) => JSON.stringify(v) ?? 'undefined'),
  );

/** Bytes sent as a Word document: empty, a zip signature with junk behind it, or random bytes. */
const docxLike = (): fc.Arbitrary<FuzzBody> =>
  fc
    .oneof(
      fc.constant(''),
      fc.uint8Array({ maxLength: 64 }).map((b) => `504b0304${Buffer.from(b).toString('hex')}`),
      fc.uint8Array({ maxLength: 256 }).map((b) => Buffer.from(b).toString('hex')),
    )
    .map((hex) => ({ kind: 'bytes', hex, contentType: DOCX_MEDIA_TYPE }));
