import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { npiCheckDigit, PorticoError } from '@portico/core';
import { parse as parseSync } from 'csv-parse/sync';
import fc from 'fast-check';
import { PPEF_COLUMNS } from './format.ts';
import { ProviderTypes } from './provider-types.ts';
import { PpefScreen } from './screen.ts';

const HEADER = PPEF_COLUMNS.join(',');
const npi = (firstNine: string) => firstNine + npiCheckDigit(firstNine);
const row = (n: string, enrollment: string, org = '') =>
  `${n},N,1234567890,${enrollment},14-08,PRACTITIONER - FAMILY PRACTICE,MA,JORDAN,,REYES,${org}`;
/** A clean line of `row` as it goes on to COPY: its description is its type's, so it is left out (NULL). */
const sent = (line: string) => line.replace(',PRACTITIONER - FAMILY PRACTICE,', ',,');

/** Feeds `text` to a screen in chunks cut at `cuts`; answers what went on to COPY, and the tally. */
function screenInChunks(text: string | Buffer, cuts: number[] = [], screen = new PpefScreen()) {
  // A copy: the screen writes what goes on over the chunks it is given.
  const bytes = Buffer.from(text);
  const out: Buffer[] = [];
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= from || cut >= bytes.length) continue;
    out.push(...screen.push(bytes.subarray(from, cut)));
    from = cut;
  }
  out.push(...screen.push(bytes.subarray(from)));
  out.push(...screen.end());
  return {
    copy: Buffer.concat(out).toString('utf8'),
    tally: screen.tally,
    types: screen.providerTypes.list(),
  };
}

/** The COPY input read back as PostgreSQL's CSV mode would: unquoted empty is NULL, quoted empty is ''. */
function readBack(copy: string): (string | null)[][] {
  return parseSync(copy, { cast: (value, context) => (value === '' && !context.quoting ? null : value) });
}

describe('the enrollment file screen', () => {
  const rows = Array.from({ length: 40 }, (_, i) =>
    row(npi(String(160000000 + i)), `I2017040500${1000 + i}`),
  );
  const mixed = [
    `\uFEFF${HEADER}`,
    ...rows.slice(0, 10),
    row(npi('145678901'), 'I20170405000125', '"SMITH, JONES & ASSOCIATES, P.C."'),
    '',
    '1234567890,N,1234567890,I20170405000126,14-08,X,MA,A,,B,',
    ` ${npi('179999997')} ,N,1234567890,I20170406009993,14-08,PRACTITIONER - FAMILY PRACTICE,NY," Ana ","",Lima ,`,
    `${npi('179999996')},N,1234567890,I20170406009994,14-08,,NY,A,,B,`,
    `${npi('179999995')},N,1234567890,I20170406009995,14-08,X,NY,A,,"SAY ""AH""",`,
    `${npi('179999994')},N,1234567890,I20170406009996,14-08,X,NY,A,,"TWO`,
    `LINES",`,
    ...rows.slice(10),
  ].join('\r\n');

  it('gives COPY the same bytes and the same tally wherever the file is cut into chunks', () => {
    const whole = screenInChunks(mixed);
    const length = Buffer.byteLength(mixed);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: length - 1 }), { maxLength: 30 }), (cuts) => {
        const cut = screenInChunks(mixed, cuts);
        assert.equal(cut.copy, whole.copy);
        assert.deepEqual(cut.tally, whole.tally);
      }),
      { numRuns: 300 },
    );
    // Every byte its own chunk, too.
    const single = screenInChunks(
      mixed,
      Array.from({ length }, (_, i) => i),
    );
    assert.equal(single.copy, whole.copy);
    assert.equal(whole.tally.sha256, createHash('sha256').update(mixed).digest('hex'));
  });

  it('passes clean lines as they are, rewrites valid doubtful ones and reports the rest by line', () => {
    const { copy, tally } = screenInChunks(mixed);
    assert.deepEqual([tally.rowsRead, tally.rowsMalformed], [46, 2]);
    assert.deepEqual(tally.malformed, [
      { line: 14, reason: 'NPI "1234567890" is not a valid NPI' },
      { line: 18, reason: 'has a control character in a field' },
    ]);
    const loaded = readBack(copy);
    assert.equal(loaded.length, 44);
    assert.ok(
      copy.includes(`${sent(rows[0] ?? '')}\r\n`),
      "a clean line goes on as written but for its type's description",
    );
    assert.ok(!copy.includes('\n\n') && !copy.includes(HEADER), 'no header, no blank line');
    const byEnrollment = new Map(loaded.map((fields) => [fields[3], fields]));
    assert.equal(byEnrollment.get('I20170405000125')?.[10], 'SMITH, JONES & ASSOCIATES, P.C.');
    const padded = byEnrollment.get('I20170406009993') ?? [];
    assert.deepEqual(
      [0, 7, 8, 9, 10].map((field) => padded[field]),
      [npi('179999997'), 'Ana', null, 'Lima', null],
    );
    assert.equal(byEnrollment.get('I20170406009994')?.[5], '', 'an empty description stays an empty string');
    assert.equal(
      byEnrollment.get('I20170406009995')?.[5],
      'X',
      "a description other than the type's is kept",
    );
    assert.equal(byEnrollment.get('I20170406009995')?.[9], 'SAY "AH"');
  });

  it("holds each provider type's first description once, and loses no row's own", () => {
    const typed = (n: string, enrollment: string, code: string, description: string) =>
      `${n},N,1234567890,${enrollment},${code},${description},MA,JORDAN,,REYES,`;
    const lines = [
      HEADER,
      typed(npi('150000000'), 'I20170405000001', '14-08', 'PRACTITIONER - FAMILY PRACTICE'),
      typed(npi('150000001'), 'I20170405000002', '14-11', '"PRACTITIONER - INTERNAL MEDICINE"'),
      typed(npi('150000002'), 'I20170405000003', '14-08', 'FAMILY PRACTICE (OLD NAME)'),
      typed(npi('150000003'), 'I20170405000004', '14-11', 'PRACTITIONER - INTERNAL MEDICINE'),
      // Doubtful (padded), so rewritten by the slow path, which follows the same rule.
      typed(npi('150000004'), 'I20170405000005', ' 14-11 ', ' PRACTITIONER - INTERNAL MEDICINE '),
      typed(npi('150000005'), 'I20170405000006', '14-08', ' FAMILY PRACTICE (OLD NAME) '),
      typed(npi('150000006'), 'I20170405000007', '14-12', 'PRACTITIONER - NEUROLOGY'),
    ];
    const text = `${lines.join('\n')}\n`;
    const { copy, types } = screenInChunks(text);
    assert.deepEqual(
      types.sort((a, b) => a.code.localeCompare(b.code)),
      [
        { code: '14-08', description: 'PRACTITIONER - FAMILY PRACTICE' },
        { code: '14-11', description: 'PRACTITIONER - INTERNAL MEDICINE' },
        { code: '14-12', description: 'PRACTITIONER - NEUROLOGY' },
      ],
    );
    const loaded = readBack(copy);
    assert.deepEqual(
      loaded.map((fields) => fields[5]),
      [null, null, 'FAMILY PRACTICE (OLD NAME)', null, null, 'FAMILY PRACTICE (OLD NAME)', null],
    );
    // Every row's description, resolved through its type, is the file's (trimmed).
    const typeOf = new Map(types.map((type) => [type.code, type.description]));
    const original = parseSync(lines.slice(1).join('\n'), { trim: true }) as string[][];
    assert.deepEqual(
      loaded.map((fields) => fields[5] ?? typeOf.get(fields[4] ?? '')),
      original.map((fields) => fields[5]),
    );
    // Past the limit of types held, a new type's rows keep their description.
    const limited = screenInChunks(text, [], new PpefScreen({ providerTypes: new ProviderTypes(2) }));
    assert.equal(limited.types.length, 2);
    assert.equal(readBack(limited.copy)[6]?.[5], 'PRACTITIONER - NEUROLOGY');
  });

  it('numbers lines as the file does after a record that spans two', () => {
    const text = [
      HEADER,
      `${npi('179999994')},N,1234567890,I20170406009996,14-08,X,NY,A,,"TWO`,
      'LINES",',
      'bad',
    ].join('\n');
    const { tally } = screenInChunks(text);
    assert.deepEqual(tally.malformed, [
      { line: 2, reason: 'has a control character in a field' },
      { line: 4, reason: 'has 1 fields instead of 11' },
    ]);
  });

  it('ends a last line that has no line end, in the style of the file', () => {
    const { copy, tally } = screenInChunks(`${HEADER}\n${rows[0]}\n${rows[1]}`);
    assert.equal(tally.rowsRead, 2);
    assert.equal(copy, `${sent(rows[0] ?? '')}\n${sent(rows[1] ?? '')}\n`);
  });

  it('writes every line in the line ends of the first row, as COPY wants one style', () => {
    const { copy } = screenInChunks(`${HEADER}\n${rows[0]}\r\n${rows[1]}\n${rows[2]}\r\n`);
    assert.equal(copy.split('\r\n').length, 4);
    assert.ok(!/[^\r]\n/.test(copy));
    assert.equal(readBack(copy).length, 3);
  });

  it('reports a line longer than any record once, and goes on after it', () => {
    const long = `${rows[0]}${'X'.repeat(200_000)}`;
    const text = `${HEADER}\n${long}\n${rows[1]}\n`;
    const { copy, tally } = screenInChunks(text, [100, 70_000, 140_000, 190_000]);
    assert.deepEqual(tally.malformed, [{ line: 2, reason: 'is longer than 65536 bytes' }]);
    assert.equal(copy, `${sent(rows[1] ?? '')}\n`);
  });

  it('refuses a file without the header, or with nothing in it', () => {
    const refused = (text: string) => {
      assert.throws(
        () => screenInChunks(text),
        (error) =>
          error instanceof PorticoError && error.code === 'BAD_REQUEST' && error.fieldPath === 'file',
      );
    };
    refused('');
    refused('\n\n');
    refused(`${rows[0]}\n${rows[1]}\n`);
    refused(`NPI,NAME\n${rows[0]}\n`);
    refused('X'.repeat(100_000));
  });

  it('refuses a file whose lines end in a carriage return alone, saying so, small or large', () => {
    for (const text of [`${HEADER}\r${rows[0]}\r${rows[1]}\r`, `${HEADER}\r${rows[0]}\r`.repeat(1_000)]) {
      assert.throws(
        () => screenInChunks(text),
        (error) =>
          error instanceof PorticoError &&
          error.code === 'BAD_REQUEST' &&
          error.fieldPath === 'file' &&
          error.message.includes('carriage return alone'),
      );
    }
  });
});
