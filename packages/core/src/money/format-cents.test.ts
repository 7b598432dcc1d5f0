import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { centsToDecimal, dollarsToCents, formatCents } from './format-cents.ts';
import { addCents, centsFromColumn } from './totals.ts';

describe('money formats', () => {
  it('reads dollars as a person types them, and refuses what is not an amount rather than rounding it', () => {
    const table: [string, number | null][] = [
      ['185.50', 18_550],
      ['$1,234.5', 123_450],
      [' 90 ', 9_000],
      ['0.05', 5],
      ['10.005', null],
      ['1,23', null],
      ['-5', null],
      ['', null],
      ['12abc', null],
    ];
    for (const [text, cents] of table) assert.equal(dollarsToCents(text), cents, text);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        (cents) => dollarsToCents(centsToDecimal(cents)) === cents,
      ),
    );
  });

  it('shows cents as dollars for people', () => {
    assert.equal(formatCents(3995), '$39.95');
    assert.equal(formatCents(1_268_400), '$12,684.00');
  });

  it('writes cents as exact decimal dollars for files, negatives and single cents included', () => {
    assert.equal(centsToDecimal(1_268_400), '12684.00');
    assert.equal(centsToDecimal(5), '0.05');
    assert.equal(centsToDecimal(-5), '-0.05');
    assert.equal(centsToDecimal(0), '0.00');
    assert.equal(centsToDecimal(Number.MAX_SAFE_INTEGER), '90071992547409.91');
    assert.throws(() => centsToDecimal(1.5), RangeError);
  });

  it('reads back to the same cents for every safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (cents) => {
        const [whole, fraction] = centsToDecimal(cents).replace('-', '').split('.');
        const back = BigInt(whole ?? '') * 100n + BigInt(fraction ?? '');
        assert.equal(cents < 0 ? -back : back, BigInt(cents));
      }),
    );
  });
});

describe('money totals', () => {
  it('add cents exactly, and stop at the largest safe integer instead of losing precision', () => {
    assert.equal(addCents(1_000_000_000, 1_000_000_000), 2_000_000_000);
    assert.equal(addCents(Number.MAX_SAFE_INTEGER, 1000), Number.MAX_SAFE_INTEGER);
    assert.equal(addCents(Number.MAX_SAFE_INTEGER - 5, 5), Number.MAX_SAFE_INTEGER);
    assert.equal(centsFromColumn('12345'), 12_345);
    assert.equal(centsFromColumn('9223372036854775807'), Number.MAX_SAFE_INTEGER);
  });
});
