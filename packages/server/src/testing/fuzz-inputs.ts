import { npiCheckDigit } from '@portico/core';
import fc from 'fast-check';

/** A JSON Schema node, as zod writes one for a procedure's input. */
type JsonSchema = Record<string, unknown>;

/** Values a field of this name can take that reach past "not found": real ids and office ids of the fixture. */
export interface Dictionary {
  uuids: readonly string[];
  officeIds: readonly string[];
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDFFFy',
  '\u001B[31m',
  'line\nbreak',
  '\u202Eevil',
  "Robert'); DROP TABLE providers;--",
  '<script>alert(1)</script>',
  '%00',
  '../../etc/passwd',
  'e\u0301',
  '😀'.repeat(50),
  'x'.repeat(5000),
];
const HOSTILE_NUMBERS = [
  0,
  -1,
  1.5,
  -0,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
];

/** A value of another type than the schema asks, or none at all. */
const wrongType = fc.constantFrom<unknown>(null, true, 0, '1', [], {}, [null], { length: 1 });

/** A forged keyset cursor: base64url JSON of the right shape with values the database would choke on. */
const forgedCursor = fc
  .constantFrom<unknown[]>(
    ['createdAt', 'desc', '+275760-09-13T00:00:00.000Z', 1],
    ['createdAt', 'desc', '0000-01-01T00:00:00.000Z', 1],
    ['portal', 'asc', 'a\u0000b', 1],
    ['impact', 'asc', -1, 1],
    ['number', 'asc', 2 ** 64, 1],
    ['createdAt', 'desc', '2026-11-23T15:00:00.000Z', -5],
  )
  .map((parts) => Buffer.from(JSON.stringify(parts)).toString('base64url'));

function patternsOf(node: JsonSchema): RegExp[] {
  return [node, ...((node['allOf'] as JsonSchema[] | undefined) ?? [])]
    .map((branch) => branch['pattern'])
    .filter((pattern): pattern is string => typeof pattern === 'string')
    .map((pattern) => new RegExp(pattern, 'u'));
}

/** A string the schema accepts, as far as fast-check can make one (a pattern fast-check cannot read: filtered). */
function validString(node: JsonSchema, name: string, dictionary: Dictionary): fc.Arbitrary<string> {
  if (Array.isArray(node['enum'])) return fc.constantFrom(...(node['enum'] as string[]));
  if (typeof node['const'] === 'string') return fc.constant(node['const']);
  if (name === 'officeId' && dictionary.officeIds.length > 0) return fc.constantFrom(...dictionary.officeIds);
  if (node['format'] === 'uuid')
    return dictionary.uuids.length > 0
      ? fc.oneof(fc.constantFrom(...dictionary.uuids), fc.uuid({ version: 4 }))
      : fc.uuid({ version: 4 });
  if (node['format'] === 'date') return fc.constantFrom('2026-11-23', '2026-01-01', '1999-12-31');
  if (name === 'url') return fc.constantFrom('https://portal.example/sign-in', 'HTTPS://Portal.example/');
  // Fields whose rules a random string never passes: valid values, so what is behind them is reached too.
  if (name === 'npi' || name === 'payeeNpi')
    return fc.stringMatching(/^[12]\d{8}$/).map((first) => `${first}${npiCheckDigit(first)}`);
  if (name === 'routingNumber') return fc.constantFrom('011000015', '021000021', '121000358');
  if (name === 'tin') return fc.constantFrom('12-3456789', '27-1234567', '123-45-6789');
  if (name === 'number' && node['maxLength'] === 40)
    return fc.constantFrom('4242424242424242', '4000000000000002');
  if (name === 'cvc') return fc.constantFrom('123', '9876');
  const min = typeof node['minLength'] === 'number' ? node['minLength'] : 0;
  const max = typeof node['maxLength'] === 'number' ? Math.min(node['maxLength'], 300) : 40;
  const patterns = patternsOf(node);
  const accepted = (value: string) =>
    value.length >= min && value.length <= max && patterns.every((pattern) => pattern.test(value));
  // Generate from a pattern fast-check can read whose strings pass all the rules (a date's full pattern, an
  // account number's digits, not `text()`'s one-line rule): a random string would almost never pass a narrow rule,
  // and filtering for one would not end.
  for (const pattern of patterns) {
    try {
      const generated = fc.stringMatching(pattern);
      if (fc.sample(generated, { seed: 1, numRuns: 20 }).some(accepted)) return generated.filter(accepted);
    } catch {
      // A pattern fast-check cannot generate from (unicode property escapes): try the next one.
    }
  }
  return fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }).filter(accepted);
}

function validNumber(node: JsonSchema): fc.Arbitrary<number> {
  const min = typeof node['minimum'] === 'number' ? node['minimum'] : -1000;
  const max = typeof node['maximum'] === 'number' ? node['maximum'] : 1000;
  return node['type'] === 'integer'
    ? fc.oneof(
        fc.constantFrom(min, max),
        fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) }),
      )
    : fc.double({ min, max, noNaN: true });
}

/**
 * An arbitrary of values shaped like the schema: mostly valid, so the checks behind validation run too.
 * `name` is the field's own name, which the dictionary reads.
 */
export function shapedValue(schema: unknown, dictionary: Dictionary, name = ''): fc.Arbitrary<unknown> {
  if (typeof schema !== 'object' || schema === null) return fc.constant(undefined);
  const node = schema as JsonSchema;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = node[key];
    if (Array.isArray(branches) && branches.length > 0)
      return fc.oneof(...branches.map((branch) => shapedValue(branch, dictionary, name)));
  }
  if ('const' in node) return fc.constant(node['const']);
  if (Array.isArray(node['enum'])) return fc.constantFrom(...(node['enum'] as unknown[]));
  switch (node['type']) {
    case 'string':
      return validString(node, name, dictionary);
    case 'integer':
    case 'number':
      return validNumber(node);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = typeof node['minItems'] === 'number' ? node['minItems'] : 0;
      const maxLength = Math.min(typeof node['maxItems'] === 'number' ? node['maxItems'] : 3, minLength + 3);
      return fc.array(shapedValue(node['items'], dictionary, name), { minLength, maxLength });
    }
    case 'object': {
      const properties = (node['properties'] as Record<string, unknown> | undefined) ?? {};
      const required = new Set((node['required'] as string[] | undefined) ?? []);
      const entries = Object.entries(properties).map(
        ([key, value]) => [key, shapedValue(value, dictionary, key)] as const,
      );
      return fc.record(Object.fromEntries(entries), {
        requiredKeys: [...required].filter((key) => key in properties),
      });
    }
    default:
      return fc.constant(undefined);
  }
}

/** One hostile change to a value: a leaf replaced, a key dropped or added, or the whole value swapped. */
type Mutation =
  | { path: (string | number)[]; kind: 'replace'; value: unknown }
  | { path: (string | number)[]; kind: 'delete' };

function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value))
    return [path, ...value.flatMap((item, index) => leafPaths(item, [...path, index]))];
  if (typeof value === 'object' && value !== null)
    return [path, ...Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...path, key]))];
  return [path];
}

function applyMutation(value: unknown, mutation: Mutation): unknown {
  if (mutation.path.length === 0) return mutation.kind === 'replace' ? mutation.value : undefined;
  const copy: unknown = structuredClone(value);
  let parent = copy as Record<string | number, unknown>;
  for (const step of mutation.path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = mutation.path.at(-1) as string | number;
  if (mutation.kind === 'delete') delete parent[last];
  // An own `__proto__` key, as JSON.parse makes one, not a new prototype.
  else
    Object.defineProperty(parent, last, {
      value: mutation.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

const hostileLeaf = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.constant('x'.repeat(1_000_000)) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...HOSTILE_NUMBERS) },
  { weight: 2, arbitrary: wrongType },
  { weight: 1, arbitrary: forgedCursor },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

/**
 * Hostile inputs for one procedure: a shaped value with up to three hostile changes (a leaf replaced with a
 * boundary number, NUL, a lone surrogate, a 1 MB string, a wrong type or a forged cursor; a key dropped; an extra
 * key added), and now and then a value that is shaped right, so the rules behind validation meet odd data too.
 */
export function hostileInput(schema: unknown, dictionary: Dictionary): fc.Arbitrary<unknown> {
  return shapedValue(schema, dictionary).chain((base) => {
    const paths = leafPaths(base);
    const mutation: fc.Arbitrary<Mutation> = fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          path: fc.constantFrom(...paths),
          kind: fc.constant('replace' as const),
          value: hostileLeaf,
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({ path: fc.constantFrom(...paths), kind: fc.constant('delete' as const) }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          path: fc.constantFrom<(string | number)[]>(['extra'], ['constructor'], ['__proto__']),
          kind: fc.constant('replace' as const),
          value: hostileLeaf,
        }),
      },
    );
    return fc
      .array(mutation, { minLength: 0, maxLength: 3 })
      .map((mutations) => mutations.reduce<unknown>((value, change) => safeApply(value, change), base));
  });
}

function safeApply(value: unknown, mutation: Mutation): unknown {
  try {
    return applyMutation(value, mutation);
  } catch {
    return value;
  }
}

/** The hostile values the sweep puts in every leaf, by the leaf's type. */
const SWEEP_STRINGS: unknown[] = ['a\u0000b', '\uD800', 'x\u001Bz', 'x'.repeat(1_000_000), ''];
const SWEEP_NUMBERS: unknown[] = [2 ** 31, -1, 2 ** 53, 1.5, -(2 ** 31) - 1];
const SWEEP_ANY: unknown[] = [null, {}, ['x'], 'not-a-number'];

/**
 * The deterministic half of the fuzzer: one well-shaped input, then for every leaf of it each hostile value in
 * turn (NUL, a lone surrogate, an escape character, 1 MB, boundary and fractional numbers, a wrong type) and the
 * leaf removed, each variant changing one leaf so the others pass and the refusal is that leaf's (`accepts`: the
 * input schema's own check). At most `limit` variants, spread over the leaves.
 */
export function sweepInputs(
  schema: unknown,
  dictionary: Dictionary,
  seed: number,
  accepts: (value: unknown) => boolean,
  limit = 240,
): unknown[] {
  // Bases the whole schema accepts (cross-field rules too) where they can be found, so each variant's refusal is
  // its own leaf's; three of them, so a leaf that only one kind of input stores (a person's name) is reached.
  const samples = fc.sample(shapedValue(schema, dictionary), { seed, numRuns: 300 });
  // Bases with different keys present first (a person's NPI with names, a group's with its name), then any.
  const accepted = samples.filter(accepts);
  const byKeys = new Map<string, unknown>();
  for (const value of accepted) byKeys.set(JSON.stringify(leafPaths(value)), value);
  const bases =
    accepted.length > 0 ? [...new Set([...byKeys.values(), ...accepted])].slice(0, 3) : samples.slice(0, 1);
  // Replacements first, removals and the bases last: a call that succeeds (a provider added) can make a later
  // variant fail for another reason (its NPI now taken), and the hostile value would then never be tried.
  const replaced: unknown[] = [];
  const removed: unknown[] = [];
  for (const base of bases) {
    for (const path of leafPaths(base)) {
      const leaf = path.reduce<unknown>(
        (value, step) => (value as Record<string | number, unknown>)?.[step],
        base,
      );
      const values =
        typeof leaf === 'string' ? SWEEP_STRINGS : typeof leaf === 'number' ? SWEEP_NUMBERS : SWEEP_ANY;
      for (const value of values) replaced.push(safeApply(base, { path, kind: 'replace', value }));
      if (path.length > 0) removed.push(safeApply(base, { path, kind: 'delete' }));
    }
  }
  const variants = [...replaced, ...removed, ...bases];
  if (variants.length <= limit) return variants;
  const step = variants.length / limit;
  return Array.from({ length: limit }, (_, index) => variants[Math.floor(index * step)]);
}
