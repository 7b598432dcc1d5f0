import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { listProcedures } from '../contract/define.ts';
import { fileRoutes, porticoContract } from '../contract/portico-contract.ts';
import { cents, MAX_INT4, text, wholeNumber } from './rules.ts';

type JsonSchema = Record<string, unknown>;

const HOSTILE = ['a\u0000b', 'a\uD800b', 'a\u001Bb'];

/** Every problem of one input's JSON Schema: a string or number that escapes the input rules, an unbounded list. */
function problemsOf(schema: unknown, at: string): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as JsonSchema;
  const out: string[] = [];
  const type = node['type'];
  if (type === 'string' && node['enum'] === undefined && node['const'] === undefined) {
    // Several checks on one string appear as `allOf` branches, each with its pattern.
    const patterns = [node, ...((node['allOf'] as JsonSchema[] | undefined) ?? [])]
      .map((branch) => branch['pattern'])
      .filter((pattern): pattern is string => typeof pattern === 'string');
    // An anchored pattern with no open-ended repetition bounds the length by itself (a UUID, an NPI).
    const boundedPattern = patterns.some(
      (pattern) => /^\^.*\$$/.test(pattern) && !/[*+]|\{\d+,\}/.test(pattern),
    );
    if (typeof node['maxLength'] !== 'number' && !boundedPattern)
      out.push(`${at}: a string without a maximum length`);
    if (patterns.length === 0) out.push(`${at}: a string without the text rule (no pattern)`);
    for (const value of HOSTILE)
      if (patterns.length > 0 && patterns.every((pattern) => new RegExp(pattern, 'u').test(value)))
        out.push(`${at}: accepts ${JSON.stringify(value)} (patterns ${patterns.join(' ')})`);
  }
  if (type === 'integer' || type === 'number') {
    const min = node['minimum'] ?? node['exclusiveMinimum'];
    const max = node['maximum'] ?? node['exclusiveMaximum'];
    if (typeof min !== 'number' || typeof max !== 'number' || min < -MAX_INT4 - 1 || max > MAX_INT4)
      out.push(`${at}: a number outside a 32-bit integer's range (${String(min)} to ${String(max)})`);
  }
  if (type === 'array' && typeof node['maxItems'] !== 'number' && node['prefixItems'] === undefined)
    out.push(`${at}: a list without a maximum length`);
  for (const [key, value] of Object.entries((node['properties'] as JsonSchema | undefined) ?? {}))
    out.push(...problemsOf(value, `${at}.${key}`));
  out.push(...problemsOf(node['items'], `${at}[]`));
  out.push(...problemsOf(node['additionalProperties'], `${at}{}`));
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'])
    for (const [index, branch] of ((node[key] as unknown[] | undefined) ?? []).entries())
      out.push(...problemsOf(branch, `${at}<${key}${index}>`));
  return out;
}

const inputJsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

describe('input rules', () => {
  it('refuse NUL, lone surrogates and other control characters; lines where asked; NFC always', () => {
    const line = text({ max: 20 });
    for (const value of [...HOSTILE, 'a\nb', 'a\tb', 'a\u2028b'])
      assert.equal(line.safeParse(value).success, false);
    const lines = text({ max: 20, multiline: true });
    assert.equal(lines.parse('a\nb\tc\r\n'), 'a\nb\tc\r\n');
    for (const value of HOSTILE) assert.equal(lines.safeParse(value).success, false);
    assert.equal(line.parse('Cafe\u0301'), 'Café');
    assert.equal(text({ max: 3, trim: true }).parse('  ab '), 'ab');
    assert.equal(line.safeParse('x'.repeat(21)).success, false);
    assert.equal(line.parse('Zoë 😀 O’Brien'), 'Zoë 😀 O’Brien');
  });

  it('keep whole numbers inside an integer column, and money inside $10,000,000.00', () => {
    assert.throws(() => wholeNumber(0, 2 ** 31));
    const count = wholeNumber(0, 1_000_000);
    for (const value of [-1, 1_000_001, 2 ** 31, 1.5, Number.NaN])
      assert.equal(count.safeParse(value).success, false);
    assert.equal(cents().safeParse(-1).success, false);
    assert.equal(cents().safeParse(1_000_000_001).success, false);
    assert.equal(cents().parse(1_000_000_000), 1_000_000_000);
  });

  it('hold for every string, number and list of every procedure and file route input', () => {
    const problems = [
      ...listProcedures(porticoContract).flatMap(({ path, procedure }) =>
        problemsOf(inputJsonSchema(procedure.input), path),
      ),
      ...Object.entries(fileRoutes).flatMap(([name, route]) =>
        problemsOf(inputJsonSchema(route.input), `files.${name}`),
      ),
    ];
    assert.deepEqual(problems, []);
  });
});
