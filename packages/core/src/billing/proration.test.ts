import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { daysInMonth, firstMonthCents, prorateCents, upgradeMonthInvoices } from './proration.ts';

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

describe('invoices for the month of an upgrade', () => {
  it('bills the old rate before the upgrade day and the new rate from it (Access → Advantage on Nov 16)', () => {
    assert.deepEqual(
      upgradeMonthInvoices({ previousPriceCents: 2995, newPriceCents: 3995, upgradeDay: 16, monthDays: 30 }),
      [
        { monthlyPriceCents: 2995, firstDay: 1, lastDay: 15, amountCents: 1498 },
        { monthlyPriceCents: 3995, firstDay: 16, lastDay: 30, amountCents: 1998 },
      ],
    );
  });

  it('issues no zero invoice for an upgrade on the first day', () => {
    assert.deepEqual(
      upgradeMonthInvoices({ previousPriceCents: 2995, newPriceCents: 3995, upgradeDay: 1, monthDays: 31 }),
      [{ monthlyPriceCents: 3995, firstDay: 1, lastDay: 31, amountCents: 3995 }],
    );
  });

  it('bills one day at the new rate for an upgrade on the last day of a leap February', () => {
    const invoices = upgradeMonthInvoices({
      previousPriceCents: 2995,
      newPriceCents: 3995,
      upgradeDay: 29,
      monthDays: 29,
    });
    assert.deepEqual(
      invoices.map((invoice) => [invoice.firstDay, invoice.lastDay, invoice.amountCents]),
      [
        [1, 28, 2892],
        [29, 29, 138],
      ],
    );
  });

  it('keeps each invoice within half a cent of its exact share, so the pair is within a cent of the exact total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom(28, 29, 30, 31),
        fc.nat(30),
        (old, next, monthDays, raw) => {
          const upgradeDay = 1 + (raw % monthDays);
          const invoices = upgradeMonthInvoices({
            previousPriceCents: old,
            newPriceCents: next,
            upgradeDay,
            monthDays,
          });
          const exactTimesD = old * (upgradeDay - 1) + next * (monthDays - upgradeDay + 1);
          const total = invoices.reduce((sum, invoice) => sum + invoice.amountCents, 0);
          const eachClose = invoices.every((invoice) => {
            const days = invoice.lastDay - invoice.firstDay + 1;
            return (
              Math.abs(invoice.amountCents * monthDays - invoice.monthlyPriceCents * days) * 2 <= monthDays
            );
          });
          return (
            eachClose &&
            Math.abs(total * monthDays - exactTimesD) <= monthDays &&
            invoices.every((i) => i.amountCents > 0)
          );
        },
      ),
    );
  });

  it('bills a mid-month start from its start day', () => {
    assert.equal(firstMonthCents(3995, 1, 30), 3995);
    assert.equal(firstMonthCents(3995, 30, 30), 133);
    assert.equal(firstMonthCents(3995, 16, 31), 2062);
  });
});
