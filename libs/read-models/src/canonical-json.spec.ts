import { canonicalJson } from './canonical-json';

/** The plain definition the fast writer must match byte for byte. */
const reference = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes what JSON.stringify writes', () => {
    const task = {
      status: 'in_progress',
      taskId: 'n1.1.btc',
      text: 'Dữ liệu "dân cư"\n\\',
      lead: 'BTC',
      coordinators: ['BYT', 'BCA'],
      deadline: { kind: 'date', due: '2026-06-30', phrase: undefined },
      key: false,
      confidential: true,
      percent: 40.5,
      pendingExtension: undefined,
      lastProgress: { percent: 0, note: 'ý kiến', by: 'BTC' },
      children: [],
      nested: [[1, null, { b: 1, a: [undefined] }]],
      completed: null,
    };
    expect(canonicalJson(task)).toBe(reference(task));
  });

  it('gives the same text whatever order the keys were created in', () => {
    const a = { z: 1, a: { y: [1, 2], b: 'x' }, m: undefined };
    const b = { a: { b: 'x', y: [1, 2] }, z: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"b":"x","y":[1,2]},"z":1}');
  });

  it('handles top-level scalars and dates like JSON.stringify', () => {
    for (const value of ['x', 3, true, null, [undefined], new Date(0), { d: new Date(0) }])
      expect(canonicalJson(value)).toBe(reference(value));
  });
});
