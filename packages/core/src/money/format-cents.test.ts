import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { centsToDecimal, formatCents } from './format-cents.ts';

describe('money formats', () => {
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
