import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addCalendarDays } from '../calendar/business-days.ts';
import { monthInvoiceSpans, type BillableSubscription } from './invoice-spans.ts';
import { daysInMonth } from './proration.ts';

const access = (billableFrom: string | null, endsOn: string | null = null): BillableSubscription => ({
  planCode: 'ALLPAYER_ACCESS',
  monthlyPriceCents: 2995,
  billableFrom,
  endsOn,
});
const advantage = (billableFrom: string | null, endsOn: string | null = null): BillableSubscription => ({
  planCode: 'ALLPAYER_ADVANTAGE',
  monthlyPriceCents: 3995,
  billableFrom,
  endsOn,
});
const brief = (spans: ReturnType<typeof monthInvoiceSpans>) =>
  spans.map((span) => [span.firstDay, span.lastDay, span.monthlyRateCents, span.amountCents]);

describe('invoices of a month, in arrears', () => {
  it('bills a whole month at the full price', () => {
    assert.deepEqual(brief(monthInvoiceSpans([access('2026-09-01')], '2026-10-01')), [
      ['2026-10-01', '2026-10-31', 2995, 2995],
    ]);
  });

  it('bills two invoices in the month of an upgrade: Access to Nov 15, Advantage from Nov 16', () => {
    const spans = monthInvoiceSpans(
      [access('2026-09-01', '2026-11-15'), advantage('2026-11-16')],
      '2026-11-01',
    );
    assert.deepEqual(brief(spans), [
      ['2026-11-01', '2026-11-15', 2995, 1498],
      ['2026-11-16', '2026-11-30', 3995, 1998],
    ]);
    assert.deepEqual(spans[1]?.planCodes, ['ALLPAYER_ADVANTAGE']);
    // The month after: one invoice.
    assert.deepEqual(
      brief(monthInvoiceSpans([access('2026-09-01', '2026-11-15'), advantage('2026-11-16')], '2026-12-01')),
      [['2026-12-01', '2026-12-31', 3995, 3995]],
    );
  });

  it('issues no zero invoice for an upgrade on the first day', () => {
    assert.deepEqual(
      brief(monthInvoiceSpans([access('2026-09-01', '2026-11-30'), advantage('2026-12-01')], '2026-12-01')),
      [['2026-12-01', '2026-12-31', 3995, 3995]],
    );
  });

  it('bills one day at the new rate for an upgrade on the last day of a leap February', () => {
    assert.deepEqual(
      brief(monthInvoiceSpans([access('2028-01-01', '2028-02-28'), advantage('2028-02-29')], '2028-02-01')),
      [
        ['2028-02-01', '2028-02-28', 2995, 2892],
        ['2028-02-29', '2028-02-29', 3995, 138],
      ],
    );
  });

  it('bills a mid-month start from its start day, and nothing before it is billable', () => {
    assert.deepEqual(brief(monthInvoiceSpans([advantage('2026-11-16')], '2026-11-01')), [
      ['2026-11-16', '2026-11-30', 3995, 1998],
    ]);
    assert.deepEqual(monthInvoiceSpans([advantage(null)], '2026-11-01'), []);
    assert.deepEqual(brief(monthInvoiceSpans([advantage('2027-02-15')], '2027-02-01')), [
      ['2027-02-15', '2027-02-28', 3995, 1998],
    ]);
  });

  it('sums the plans held together and stops at a cancellation', () => {
    const medicare: BillableSubscription = {
      planCode: 'MEDICARE',
      monthlyPriceCents: 1995,
      billableFrom: '2026-11-10',
      endsOn: '2026-11-30',
    };
    assert.deepEqual(brief(monthInvoiceSpans([access('2026-09-01', '2026-11-30'), medicare], '2026-11-01')), [
      ['2026-11-01', '2026-11-09', 2995, 899],
      ['2026-11-10', '2026-11-30', 4990, 3493],
    ]);
    assert.deepEqual(monthInvoiceSpans([access('2026-09-01', '2026-11-30')], '2026-12-01'), []);
  });

  it('keeps each invoice within half a cent of its exact share, so an upgrade month is within a cent of the exact total', () => {
    const months = ['2026-02-01', '2028-02-01', '2026-04-01', '2026-12-01'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom(...months),
        fc.nat(30),
        (old, next, month, raw) => {
          const monthDays = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
          const upgradeDay = 1 + (raw % monthDays);
          const upgradeOn = addCalendarDays(month, upgradeDay - 1);
          const spans = monthInvoiceSpans(
            [
              {
                planCode: 'ALLPAYER_ACCESS',
                monthlyPriceCents: old,
                billableFrom: '2020-01-01',
                endsOn: addCalendarDays(upgradeOn, -1),
              },
              {
                planCode: 'ALLPAYER_ADVANTAGE',
                monthlyPriceCents: next,
                billableFrom: upgradeOn,
                endsOn: null,
              },
            ],
            month,
          );
          const exactTimesD = old * (upgradeDay - 1) + next * (monthDays - upgradeDay + 1);
          const total = spans.reduce((sum, span) => sum + span.amountCents, 0);
          const eachClose = spans.every((span) => {
            const days = Number(span.lastDay.slice(8)) - Number(span.firstDay.slice(8)) + 1;
            return Math.abs(span.amountCents * monthDays - span.monthlyRateCents * days) * 2 <= monthDays;
          });
          return (
            eachClose &&
            Math.abs(total * monthDays - exactTimesD) <= monthDays &&
            spans.length <= 2 &&
            spans.every((span) => span.amountCents > 0)
          );
        },
      ),
    );
  });
});
