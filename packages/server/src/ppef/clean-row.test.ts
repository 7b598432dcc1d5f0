import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { npiCheckDigit } from '@portico/core';
import fc from 'fast-check';
import { isCleanPpefLine } from './clean-row.ts';
import { parsePpefRecord } from './format.ts';

const GOOD = [
  '1234567893',
  'N',
  '1234567890',
  'I20170405000123',
  '14-08',
  'PRACTITIONER - FAMILY PRACTICE',
  'NY',
  'JORDAN',
  '',
  'REYES',
  '',
];

/** Whether a line of these CSV fields (each written as given) passes the byte check. */
const clean = (line: string) => {
  const bytes = Buffer.from(`xx${line}\nyy`);
  return isCleanPpefLine(bytes, 2, bytes.length - 3);
};

/**
 * What the rules say of the fields: valid and unchanged by trimming (an empty name is NULL either way), and not an
 * empty description, which the rules keep as an empty string and an unquoted COPY field would make NULL.
 */
const takenUnchanged = (fields: string[]) =>
  parsePpefRecord(fields).ok && fields.every((value) => value === value.trim()) && fields[5] !== '';

describe("the enrollment file's byte check agrees with the TypeScript rules", () => {
  it('judges NPIs exactly as core does', () => {
    const valid = Array.from({ length: 300 }, (_, i) => {
      const firstNine = String(100000000 + i * 3_333_331).slice(0, 9);
      return firstNine + npiCheckDigit(firstNine);
    });
    const random = fc.sample(fc.stringMatching(/^[0-9]{10}$/), 2000);
    const odd = [
      '',
      'abcdefghij',
      '123456789',
      '12345678931',
      '1234567893',
      '1234567890',
      '3234567893',
      '0234567893',
    ];
    for (const npi of [...valid, ...random, ...odd]) {
      const fields = [npi, ...GOOD.slice(1)];
      assert.equal(clean(fields.join(',')), takenUnchanged(fields), `NPI "${npi}"`);
    }
  });

  it('passes as clean only rows parsePpefRecord takes unchanged, and every such row in printable ASCII', () => {
    const changes: [number, string][] = [
      [0, ' 1234567893'],
      [1, 'Y'],
      [1, 'y'],
      [1, 'YES'],
      [2, '12345'],
      [2, '123456789a'],
      [3, 'X123'],
      [3, 'i20170405000123'],
      [4, ''],
      [4, '12345678901'],
      [4, '1234567890'],
      [4, ' 14-08'],
      [5, 'TRAILING '],
      [5, ''],
      [6, 'New York'],
      [6, 'Ny'],
      [6, 'N1'],
      [7, ' JORDAN'],
      [9, 'REYES\t'],
      [9, '\u00a0REYES'],
      [9, 'RÉYES'],
      [9, 'RE\u0000YES'],
      [9, '   '],
      [2, '１２３４５６７８９０'],
    ];
    for (const [field, value] of [[-1, ''] as [number, string], ...changes]) {
      const fields = [...GOOD];
      if (field >= 0) fields[field] = value;
      const printableAscii = fields.every((f) => /^[\x20-\x7e]*$/.test(f));
      const expected = printableAscii && takenUnchanged(fields);
      assert.equal(clean(fields.join(',')), expected, `field ${field} = ${JSON.stringify(value)}`);
    }
  });

  it('takes a quoted field without quotes inside, and leaves every other quoting to csv-parse', () => {
    const line = (org: string) => [...GOOD.slice(0, 10), org].join(',');
    assert.equal(clean(line('"SMITH, JONES & ASSOCIATES, P.C."')), true);
    assert.equal(clean([`"${GOOD[0]}"`, ...GOOD.slice(1)].join(',')), true);
    // An empty quoted value is an empty string to COPY but NULL to the rules; a doubled quote needs unescaping.
    assert.equal(clean(line('""')), false);
    assert.equal(clean(line('"SAY ""AH"" CLINIC"')), false);
    assert.equal(clean(line('"UNCLOSED')), false);
    assert.equal(clean(line('"A" B')), false);
    assert.equal(clean(line('A "B"')), false);
    assert.equal(clean(line('" PADDED"')), false);
  });

  it('wants exactly 11 fields, and none of them past the end of the line', () => {
    assert.equal(clean(GOOD.join(',')), true);
    assert.equal(clean(GOOD.slice(0, 10).join(',')), false);
    assert.equal(clean([...GOOD, ''].join(',')), false);
    assert.equal(clean(''), false);
    assert.equal(clean('\\.'), false);
  });
});
