import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  displayTin,
  isValidNpi,
  isValidTin,
  npiCheckDigit,
  npiEntityKind,
  npiProblem,
  parseTin,
} from './rules.ts';

describe('NPI check digit (Luhn over 80840 + first nine digits)', () => {
  it('accepts the docs/domain.md example 1234567893 and refuses 1234567890', () => {
    assert.equal(isValidNpi('1234567893'), true);
    assert.equal(isValidNpi('1234567890'), false);
    assert.equal(npiCheckDigit('123456789'), 3);
  });

  for (const [npi, expected] of [
    ['123456789', 'An NPI has 10 digits; this one has 9.'],
    ['12345678931', 'An NPI has 10 digits; this one has 11.'],
    ['12345A7893', 'An NPI has digits only.'],
    ['', 'An NPI has digits only.'],
    ['3234567893', 'An NPI starts with 1 (individual) or 2 (organization).'],
    ['1234567890', 'The NPI check digit does not match; check for a typo.'],
  ] as const) {
    it(`explains why "${npi}" is not an NPI`, () => assert.equal(npiProblem(npi), expected));
  }

  it('tells individuals (1) from organizations (2)', () => {
    assert.equal(npiEntityKind('1234567893'), 'individual');
    assert.equal(npiEntityKind(`2${'12345678'}${npiCheckDigit('212345678')}`), 'organization');
  });

  it('accepts every NPI built from nine digits and their check digit', () => {
    fc.assert(
      fc.property(fc.constantFrom('1', '2'), fc.stringMatching(/^\d{8}$/), (first, rest) => {
        const prefix = first + rest;
        return isValidNpi(prefix + npiCheckDigit(prefix));
      }),
    );
  });

  it('catches every single-digit typo', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('1', '2'),
        fc.stringMatching(/^\d{8}$/),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (first, rest, position, delta) => {
          const valid = first + rest + npiCheckDigit(first + rest);
          const digits = [...valid];
          digits[position] = String((Number(digits[position]) + delta) % 10);
          return !isValidNpi(digits.join(''));
        },
      ),
    );
  });
});

describe('TIN formats', () => {
  it('reads an EIN and an SSN by how they are written', () => {
    assert.deepEqual(parseTin('12-3456789'), {
      ok: true,
      tin: { kind: 'EIN', digits: '123456789', formatted: '12-3456789' },
    });
    assert.deepEqual(parseTin(' 123-45-6789 '), {
      ok: true,
      tin: { kind: 'SSN', digits: '123456789', formatted: '123-45-6789' },
    });
  });

  it('needs to be told what nine bare digits are', () => {
    assert.equal(parseTin('123456789').ok, false);
    assert.deepEqual(parseTin('123456789', 'EIN'), {
      ok: true,
      tin: { kind: 'EIN', digits: '123456789', formatted: '12-3456789' },
    });
    assert.equal(parseTin('12-3456789', 'SSN').ok, false);
  });

  // The IRS's own list of the prefixes it assigns, as ranges: checked over every two-digit prefix, so a wrong
  // entry in the rule's list of unassigned prefixes fails here.
  const IRS_ASSIGNED_RANGES = [
    [1, 6],
    [10, 16],
    [20, 27],
    [30, 39],
    [40, 48],
    [50, 68],
    [71, 77],
    [80, 88],
    [90, 95],
    [98, 99],
  ] as const;

  it('accepts exactly the EIN prefixes the IRS assigns, over all 100 two-digit prefixes', () => {
    for (let prefix = 0; prefix < 100; prefix += 1) {
      const assigned = IRS_ASSIGNED_RANGES.some(([low, high]) => prefix >= low && prefix <= high);
      const written = String(prefix).padStart(2, '0');
      assert.equal(isValidTin(`${written}-1234567`), assigned, written);
    }
  });

  for (const ssn of [
    '000-12-3456',
    '666-12-3456',
    '900-12-3456',
    '999-12-3456',
    '123-00-4567',
    '123-45-0000',
  ]) {
    it(`refuses the never-issued SSN ${ssn}`, () => assert.equal(isValidTin(ssn), false));
  }

  it('refuses other shapes', () => {
    for (const text of ['12-345678', '1-23456789', '123-456-789', 'ab-cdefghi', ''])
      assert.equal(isValidTin(text), false, text);
  });

  it('shows an SSN masked to its last four digits and an EIN in full', () => {
    const ssn = parseTin('123-45-6789');
    const ein = parseTin('12-3456789');
    assert.ok(ssn.ok && ein.ok);
    assert.equal(displayTin(ssn.tin), '***-**-6789');
    assert.equal(displayTin(ein.tin), '12-3456789');
  });
});
