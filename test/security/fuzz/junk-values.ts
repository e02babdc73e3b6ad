import fc from 'fast-check';

/**
 * Hostile values shared by bodies, query strings, path ids and headers. Each list names a class of
 * input that has broken real servers: length boundaries of our DTOs (500, 2000, 20000), code points
 * that change under normalisation or escaping, prototype keys, and text that means something to SQL,
 * LIKE, templates or a file system.
 */
export const EDGE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  '\uffff',
  '\ufeff',
  '\u200b',
  '\u202eabc',
  '\u00a0',
  'Việt Nam',
  'Vie\u0323\u0302t Nam',
  'ĐẶNG',
  'Ǆǅǆ',
  'ﬀ',
  'İ',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '👨‍👩‍👧‍👦',
  'a\u0301\u0301\u0301\u0301',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  "' OR '1'='1",
  "'; DROP TABLE events; --",
  '%',
  '_',
  '%%',
  '\\',
  '\\%',
  '[a-z]%',
  '*',
  '?',
  '"',
  "'",
  '`',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '%s%n%x',
  '../../etc/passwd',
  '..\\..\\windows',
  'null',
  'undefined',
  'NaN',
  'true',
  '-0',
  '1e309',
  '0x1F',
  '2026-02-30',
  '9999-12-31',
  '0000-00-00',
  'ALL_PROVINCES',
  'btc',
  'BTC ',
  ' BTC',
  'khong-phai-email',
  'a@b',
  '@mof.gov.vn',
  'DAU.MOI@MOF.GOV.VN ',
];

const HUGE_LENGTHS = [201, 501, 1001, 2001, 20001, 100_001] as const;

/** A long string just past one of our MaxLength boundaries, or far past all of them. */
export const hugeString = (): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...HUGE_LENGTHS), fc.constantFrom('x', 'ệ', '%', '😀')).map(([n, c]) => c.repeat(n));

/**
 * Text for a URL: as hostile as junkString but at most a few kB, since Node refuses request lines
 * over 16 kB before the app sees them (that case has a rare generator of its own).
 */
export const urlString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...EDGE_STRINGS), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
    { arbitrary: fc.constantFrom(201, 1001, 2001).map((n) => 'x'.repeat(n)), weight: 1 },
  );

/** Any text: edge cases, arbitrary code points, Vietnamese-looking graphemes, or a huge string. */
export const junkString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...EDGE_STRINGS), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
    { arbitrary: hugeString(), weight: 1 },
  );

/** JSON values of the wrong kind: numbers at the edges, prototype-shaped objects, nested arrays. */
export const junkJson = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: junkString(), weight: 4 },
    { arbitrary: fc.constantFrom(0, -1, 1.5, -0.000001, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 101, -101), weight: 2 },
    { arbitrary: fc.constantFrom(true, false, null), weight: 2 },
    { arbitrary: fc.constantFrom<unknown>([], {}, [null], [[]], [{}], ['BTC', 7, null]), weight: 2 },
    { arbitrary: fc.constantFrom(...prototypeObjects()), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
  );

/** Objects whose own keys are `__proto__` / `constructor`, as JSON.parse (not a literal) would build them. */
function prototypeObjects(): unknown[] {
  return ['{"__proto__":{"role":"admin"}}', '{"constructor":{"prototype":{"role":"admin"}}}', '{"__proto__":null}'].map((t) =>
    JSON.parse(t),
  );
}

/**
 * Percent-encodes every byte outside the URL's unreserved set. Unlike encodeURIComponent it never
 * throws: a lone surrogate is sent as U+FFFD, which Buffer substitutes.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Already URL-shaped text that decoders disagree on: bad escapes, encoded separators, dot segments. */
export const RAW_URL_JUNK: readonly string[] = [
  '%ZZ',
  '%',
  '%2',
  '%E0%A4%A',
  '%C0%AF',
  '%ED%A0%80',
  '%00',
  '%2F',
  'a%2Fb',
  '%2e%2e',
  '%2e%2e%2f',
  '..',
  '.',
  '%5C',
  '%25',
  '%252F',
  ';',
  'a;b=c',
  '~',
  '%20',
  '+',
  '%FF%FE',
  '%F0%9F%98%80',
];

/** Header values must be Latin-1 without control characters other than tab, or fetch refuses to send them. */
export const headerJunk = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '*',
      '"',
      '\u00ff\u00fe',
      'null',
      '-1',
      '0',
      '1e3',
      '99999999999999999999999',
      'W/',
      'W/"1"',
      '"1", "2"',
      '"abc"',
      '\t1\t',
    ),
    fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((s) => s.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '')),
    fc.constantFrom(201, 4000).map((n) => 'k'.repeat(n)),
  );
