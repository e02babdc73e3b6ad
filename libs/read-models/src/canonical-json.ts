/**
 * JSON with sorted keys: a task folded in one batch or across several (state read back from the
 * column) must give a byte-identical row, although the fold may create keys in another order.
 *
 * This is the hottest step of a rebuild, so it avoids the generic replacer (Object.entries, sort
 * and a new object for every nested object): the sorted key list is cached per object shape, and
 * strings, numbers and arrays are written directly. Output equals
 * `JSON.stringify(value, sortKeysReplacer)`; values JSON cannot hold (undefined, functions) are
 * left out of objects and written as null in arrays, like JSON.stringify.
 */
const sortedKeysByShape = new Map<string, string[]>();

function sortedKeys(object: object): string[] {
  const keys = Object.keys(object);
  const shape = keys.join('\u0000');
  let sorted = sortedKeysByShape.get(shape);
  if (!sorted) {
    // Shapes are few (one per combination of optional fields); the bound only guards odd input.
    if (sortedKeysByShape.size > 10_000) sortedKeysByShape.clear();
    sorted = [...keys].sort((a, b) => (a < b ? -1 : 1));
    sortedKeysByShape.set(shape, sorted);
  }
  return sorted;
}

function write(value: unknown, omit?: ReadonlySet<string>): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(value);
      if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
      const record = value as Record<string, unknown>;
      let out = '';
      for (const key of sortedKeys(record)) {
        if (omit?.has(key)) continue;
        const text = write(record[key]);
        if (text === undefined) continue;
        out += `${out ? ',' : ''}${JSON.stringify(key)}:${text}`;
      }
      return `{${out}}`;
    }
    default:
      // undefined, functions and symbols: omitted from objects, like JSON.stringify; bigint throws there too.
      if (typeof value === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
      return undefined;
  }
}

/** `omit`: top-level keys left out (the task fields rm_tasks already holds in columns). */
export function canonicalJson(value: unknown, omit?: ReadonlySet<string>): string {
  return write(value, omit) ?? 'null';
}
