import fc from 'fast-check';
import { JsonSchema } from './openapi-operations';
import { junkJson, junkString } from './junk-values';

/** Real values the schema cannot express (agency codes, a managed user's email). */
export interface ValueHints {
  agencyCodes: string[];
  emails: string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Real dates around the seeded notice; impossible ones come from the mutations and the hostile query values. */
export const localDate = (): fc.Arbitrary<string> =>
  fc.record({ y: fc.constantFrom(2026, 2027), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }).map(formatDate);

function formatDate({ y, m, d }: { y: number; m: number; d: number }): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const vietnameseText = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      'Đã hoàn thành dự thảo, đang lấy ý kiến các Bộ',
      'Chờ ý kiến thẩm định của Bộ Tư pháp',
      'Không thuộc chức năng, nhiệm vụ của Bộ',
      '1234/BTC-TH',
    ),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  );

/** A value the schema accepts, steered by field names and examples toward what the handlers accept too. */
export function valueFor(schema: JsonSchema, name: string, hints: ValueHints): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object':
      return objectFor(schema, hints);
    case 'array':
      return fc.array(valueFor(itemsOf(schema), name, hints), { minLength: 1, maxLength: 3 });
    case 'number':
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000 });
    case 'boolean':
      return fc.boolean();
    default:
      return stringFor(schema, name, hints);
  }
}

/** The items' schema, with the array's example (`['BKHCN']`) handed down so the items are steered too. */
function itemsOf(schema: JsonSchema): JsonSchema {
  const items = schema.items ?? {};
  return items.example === undefined && Array.isArray(schema.example) ? { ...items, example: schema.example[0] } : items;
}

function objectFor(schema: JsonSchema, hints: ValueHints): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, valueFor(child, key, hints)]));
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
}

function stringFor(schema: JsonSchema, name: string, hints: ValueHints): fc.Arbitrary<string> {
  const example = Array.isArray(schema.example) ? schema.example[0] : schema.example;
  if (/password/i.test(name)) return fc.oneof(fc.constant('mat-khau-thu-nghiem-2026'), fc.string({ minLength: 10, maxLength: 20 }));
  if (/due|issuedAt|from|to$|asOf/i.test(name) || (typeof example === 'string' && ISO_DATE.test(example))) return localDate();
  if (/email|focal|officer|departmentHead/i.test(name) || (typeof example === 'string' && example.includes('@'))) return email(hints);
  if (name === 'number') return fc.nat({ max: 999 }).map((n) => `${n}/TB-VPCP`);
  // A new unit's code: sometimes an existing code (409), mostly a fresh one under BTC.
  if (name === 'code')
    return fc.oneof(
      fc.constantFrom(...hints.agencyCodes),
      fc.nat({ max: 999 }).map((n) => `BTC-CUC-${n}`),
    );
  if (/^(agency|lead|coordinators)$/.test(name)) return fc.constantFrom(...hints.agencyCodes);
  return typeof example === 'string' ? fc.oneof(fc.constant(example), vietnameseText()) : vietnameseText();
}

/** Addresses every validator accepts (the managed user's among them); malformed ones come from the mutations. */
const email = (hints: ValueHints): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...hints.emails), weight: 2 },
    {
      arbitrary: fc
        .tuple(fc.stringMatching(/^[a-z]{1,8}(\.[a-z]{1,8})?$/), fc.constantFrom('mof.gov.vn', 'chinhphu.vn'))
        .map(([u, d]) => `${u}@${d}`),
      weight: 3,
    },
  );

/** One edit of a valid body: the fuzzer applies a few of them, so most bodies are almost right. */
export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: unknown }
  | { kind: 'swap-root'; value: unknown };

export const mutation = (): fc.Arbitrary<Mutation> =>
  fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: junkJson() }), weight: 5 },
    { arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }), weight: 2 },
    {
      arbitrary: fc.record({
        kind: fc.constant('add' as const),
        at: fc.nat(),
        key: junkString().filter((k) => k.length < 50),
        value: junkJson(),
      }),
      weight: 2,
    },
    { arbitrary: fc.record({ kind: fc.constant('swap-root' as const), value: junkJson() }), weight: 1 },
  );

type Path = (string | number)[];

/** Applies mutations to a deep copy; `at` picks among all paths of the value, so every field can be hit. */
export function mutate(value: unknown, mutations: Mutation[]): unknown {
  let root = structuredClone(value);
  for (const m of mutations) {
    if (m.kind === 'swap-root') {
      root = structuredClone(m.value);
      continue;
    }
    const paths = pathsOf(root);
    const path = paths[m.at % paths.length];
    if (m.kind === 'replace') root = setAt(root, path, structuredClone(m.value));
    else if (m.kind === 'delete') root = deleteAt(root, path);
    else root = addAt(root, path, m.key, structuredClone(m.value));
  }
  return root;
}

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => paths.push(...pathsOf(v, [...prefix, i])));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) paths.push(...pathsOf(v, [...prefix, k]));
  return paths;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown>;
  Object.defineProperty(parent, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return root;
}

function deleteAt(root: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const parent = at(root, path.slice(0, -1));
  if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
  else delete (parent as Record<string, unknown>)[path[path.length - 1] as string];
  return root;
}

/** Adds a field to the object at `path` (or to its parent when `path` is not an object). */
function addAt(root: unknown, path: Path, key: string, value: unknown): unknown {
  let target = at(root, path);
  for (let p = path; !isObject(target) && p.length > 0;) {
    p = p.slice(0, -1);
    target = at(root, p);
  }
  if (!isObject(target)) return root;
  // defineProperty, so a key named __proto__ becomes an own field (as JSON.parse on the server makes it).
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

function at(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
