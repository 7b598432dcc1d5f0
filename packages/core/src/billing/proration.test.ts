import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { daysInMonth, prorateCents } from './proration.ts';

describe('proration: round_half_up(P * d / D) in integer cents', () => {
  it('knows 28-, 29-, 30- and 31-day months, leap years included', () => {
    assert.equal(daysInMonth(2026, 2), 28);
    assert.equal(daysInMonth(2028, 2), 29);
    assert.equal(daysInMonth(2100, 2), 28);
    assert.equal(daysInMonth(2000, 2), 29);
    assert.equal(daysInMonth(2026, 4), 30);
    assert.equal(daysInMonth(2026, 12), 31);
  });

  for (const [price, days, month, expected, why] of [
    [3995, 31, 31, 3995, 'a whole month is the whole price'],
    [3995, 0, 31, 0, 'no day, no charge'],
    [3995, 15, 30, 1998, '1997.5 rounds half up to 1998'],
    [2995, 10, 31, 966, '966.13 rounds down'],
    [1995, 14, 28, 998, '997.5 rounds half up in February'],
    [1995, 14, 29, 963, '962.59 in a leap-year February'],
    [1, 1, 31, 0, 'a fraction under half a cent rounds to nothing'],
    [1, 16, 31, 1, 'a fraction over half a cent rounds to one'],
  ] as const) {
    it(`${price}¢ × ${days}/${month} = ${expected}¢: ${why}`, () =>
      assert.equal(prorateCents(price, days, month), expected));
  }

  it('refuses days outside the month, fractional cents and months that do not exist', () => {
    assert.throws(() => prorateCents(3995, 32, 31), RangeError);
    assert.throws(() => prorateCents(3995, -1, 31), RangeError);
    assert.throws(() => prorateCents(39.95, 3, 31), RangeError);
    assert.throws(() => prorateCents(3995, 3, 27), RangeError);
  });

  const month = fc.constantFrom(28, 29, 30, 31);
  const price = fc.integer({ min: 0, max: 10_000_000 });

  it('never exceeds the full price and is within half a cent of the exact value', () => {
    fc.assert(
      fc.property(price, month, fc.nat(31), (p, monthDays, raw) => {
        const d = raw % (monthDays + 1);
        const amount = prorateCents(p, d, monthDays);
        return amount <= p && Math.abs(amount * monthDays - p * d) * 2 <= monthDays;
      }),
    );
  });

  it('splits a month into two spans whose sum is within one cent of the price', () => {
    fc.assert(
      fc.property(price, month, fc.nat(31), (p, monthDays, raw) => {
        const d = raw % (monthDays + 1);
        return Math.abs(prorateCents(p, d, monthDays) + prorateCents(p, monthDays - d, monthDays) - p) <= 1;
      }),
    );
  });
});
