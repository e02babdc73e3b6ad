import fc from 'fast-check';
import { FuzzWorld } from './fuzz-world';
import { EDGE_STRINGS, headerJunk, percentEncode, RAW_URL_JUNK, urlString } from './junk-values';
import { QueryParameter } from './openapi-operations';
import { localDate, valueFor, ValueHints } from './schema-values';

/**
 * Each part of a request comes in two flavours. A request is mostly plausible with one part hostile,
 * so the hostile part reaches the code behind the others' checks (a junk If-Match only matters on a
 * real task, called by a role that may act on it, with a valid body).
 */
export interface Part<T> {
  plausible: fc.Arbitrary<T>;
  hostile: fc.Arbitrary<T>;
}

/** Path ids: the seeded world's real ids (some belong to other callers), or near misses and URL junk. */
export function pathIdPart(template: string, world: FuzzWorld): Part<string> {
  const t = world.tasks;
  const real = template.startsWith('/api/v1/agencies')
    ? world.agencyCodes
    : template.startsWith('/api/v1/users')
      ? [world.userId]
      : template.startsWith('/api/v1/notices')
        ? [world.noticeId]
        : [t.open, t.confidential, t.otherAgency, t.keyTask, t.child];
  const unknown = ['2026-999-tb-vpcp.1.btc', `${t.open}.c9`, `${world.noticeId}x`, 'u-0000000000000000', 'KHONG-CO', 'vpcp-user'];
  const nearMiss = fc
    .constantFrom(...real)
    .chain((id) =>
      fc.constantFrom(
        id.toUpperCase(),
        id.toLowerCase(),
        `${id}%00`,
        `${id}%2F..`,
        `%20${id}`,
        `${id}.`,
        `${id}%0A`,
        `${id}${'9'.repeat(120)}`,
      ),
    );
  const hostile = fc.oneof(
    { arbitrary: fc.constantFrom(...unknown, world.noticeId, t.open, world.userId, 'BTC'), weight: 2 },
    { arbitrary: nearMiss, weight: 2 },
    { arbitrary: fc.constantFrom(...RAW_URL_JUNK), weight: 2 },
    { arbitrary: urlString().map(percentEncode), weight: 3 },
    { arbitrary: fc.constantFrom(101, 1000, 5000).map((n) => 'a'.repeat(n)), weight: 1 },
  );
  // An empty segment would route elsewhere (`/tasks//progress`): a space stands for "blank".
  // The first id (BTC's open task, the lead agency, the notice) is the one most commands can act on.
  const plausible = fc.oneof(
    { arbitrary: fc.constant(percentEncode(real[0])), weight: 1 },
    { arbitrary: fc.constantFrom(...real.map(percentEncode)), weight: 1 },
  );
  return { plausible, hostile: hostile.map((id) => id || '%20') };
}

/** Query strings: declared parameters with valid values, or with hostile ones plus unknown and repeated keys. */
export function queryPart(parameters: QueryParameter[], hints: ValueHints): Part<string> {
  const declared = (value: (p: QueryParameter) => fc.Arbitrary<string>) =>
    fc.tuple(
      ...parameters.map((p) =>
        fc.option(
          value(p).map((v) => `${p.name}=${v}`),
          { freq: p.required ? 8 : 2 },
        ),
      ),
    );
  const join = (pairs: (string | null)[]) => {
    const present = pairs.filter((x): x is string => x !== null);
    return present.length ? `?${present.join('&')}` : '';
  };
  const mixed = (p: QueryParameter) =>
    fc.oneof({ arbitrary: validQueryValue(p, hints), weight: 1 }, { arbitrary: hostileQueryValue(), weight: 2 });
  return {
    plausible: declared((p) => validQueryValue(p, hints)).map(join),
    hostile: fc.tuple(declared(mixed), fc.array(extraQueryPair(), { maxLength: 2 })).map(([pairs, extra]) => join([...pairs, ...extra])),
  };
}

function validQueryValue(p: QueryParameter, hints: ValueHints): fc.Arbitrary<string> {
  if (p.schema.type === 'boolean') return fc.constantFrom('true', 'false');
  if (/asOf/.test(p.name))
    return fc.oneof(localDate(), fc.constantFrom('2026-06-30T10:00:00%2B07:00', '2026-06-30T03:00Z', '2026-06-30T24:00Z'));
  if (/cursor/.test(p.name)) return cursor();
  return valueFor(p.schema, p.name, hints).map((v) => percentEncode(String(v)));
}

/** Cursors are base64url JSON arrays: well-formed ones with wrong element kinds, and plain junk. */
const cursor = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
    fc
      .constantFrom<unknown[]>(['2026-06-30', 'x'], [1e308, ''], [null, null], ['', ''], [-1, '%'], [{}, []], [0, 'a', 'b'])
      .map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
    fc.constantFrom('', '!!!', '====', 'W10', 'bnVsbA'),
  );

const HOSTILE_QUERY_VALUES = ['2026-02-30', '2026-13-01', '0000-00-00', '99999-01-01', '2026-1-1', '-1', '0', '1e309', 'NaN', 'Infinity'];

const hostileQueryValue = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...HOSTILE_QUERY_VALUES, '1.5', '9007199254740993', '0x10', '%20', '', 'TRUE', '1', 'yes'),
    fc.constantFrom(...EDGE_STRINGS).map(percentEncode),
    fc.constantFrom(...RAW_URL_JUNK),
    urlString().map(percentEncode),
  );

const extraQueryPair = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      '__proto__=1',
      '__proto__[role]=admin',
      'constructor=x',
      'limit=1&limit=2',
      'q=a&q=b',
      'unknown=1',
      'a[b]=c',
      '=',
      '&&',
      'limit',
    ),
    fc.constantFrom('state=open&state=completed', 'agency=BTC&agency=BCA', 'asOf=2026-06-30&asOf=x'),
    fc.tuple(urlString(), urlString()).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`),
  );

/** Present once in `1 + absentWeight` requests. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>, absentWeight: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: absentWeight }, { arbitrary, weight: 1 });

const defined = (h: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>;

/** A small pool of keys, so replays and reuses with another body both happen. */
const idempotencyKey = () => fc.nat({ max: 5 }).map((n) => `fuzz-key-${n}`);

/** Command headers: plausible ones sometimes carry a pooled Idempotency-Key or a small If-Match; hostile ones carry junk. */
export function headersPart(): Part<Record<string, string>> {
  return {
    plausible: fc
      .record({
        'idempotency-key': sometimes(idempotencyKey(), 4),
        'if-match': sometimes(
          fc.nat({ max: 6 }).map((n) => `"${n}"`),
          6,
        ),
      })
      .map(defined),
    hostile: fc
      .record({
        'if-match': sometimes(headerJunk(), 1),
        'idempotency-key': sometimes(fc.oneof(idempotencyKey(), headerJunk()), 1),
        'x-correlation-id': sometimes(headerJunk(), 2),
        accept: sometimes(fc.constantFrom('application/xml', 'text/csv', '*/*', 'application/problem+json', 'x/y;q=abc', ''), 3),
        // Past Node's 16 kB header limit: answered by the HTTP layer before any route runs.
        'x-padding': sometimes(fc.constant('p'.repeat(20_000)), 60),
      })
      .map(defined),
  };
}
