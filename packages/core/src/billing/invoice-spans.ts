import { addCalendarDays } from '../calendar/business-days.ts';
import type { PlanCode } from '../storefront/schemas.ts';
import { daysInMonth, prorateCents } from './proration.ts';

/** A subscription as billing sees it: its plan and price, and the days it is billable (inclusive). */
export interface BillableSubscription {
  planCode: PlanCode;
  monthlyPriceCents: number;
  /** The first billable day; null while it is not billable yet (a Medicare plan awaiting its provider list). */
  billableFrom: string | null;
  /** The last day of service, or null while it runs on. */
  endsOn: string | null;
}

/** One invoice of a month: a run of days with the same plans, billed at their summed monthly rate. */
export interface InvoiceSpan {
  firstDay: string;
  lastDay: string;
  planCodes: PlanCode[];
  monthlyRateCents: number;
  amountCents: number;
}

/**
 * The invoices of one calendar month (`month` is its first day), in arrears (docs/domain.md, "Billing"). The month
 * is cut wherever the set of billable plans changes, so an upgrade on day u gives two invoices: days 1..u-1 at
 * the old rate and u..D at the new one; a month without change gives one. Each span is prorated on its own by
 * the one rounding rule (`prorateCents`), so each invoice is within half a cent of its exact share. Spans with
 * no plan, or that round to zero, are not invoiced.
 */
export function monthInvoiceSpans(
  subscriptions: readonly BillableSubscription[],
  month: string,
): InvoiceSpan[] {
  const monthDays = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  const spans: InvoiceSpan[] = [];
  let current: { first: string; last: string; key: string; plans: BillableSubscription[] } | null = null;
  const close = () => {
    if (!current || current.plans.length === 0) return;
    const days = Number(current.last.slice(8, 10)) - Number(current.first.slice(8, 10)) + 1;
    const monthlyRateCents = current.plans.reduce((sum, plan) => sum + plan.monthlyPriceCents, 0);
    const amountCents = prorateCents(monthlyRateCents, days, monthDays);
    if (amountCents > 0) {
      spans.push({
        firstDay: current.first,
        lastDay: current.last,
        planCodes: current.plans.map((plan) => plan.planCode).sort(),
        monthlyRateCents,
        amountCents,
      });
    }
  };
  for (let offset = 0; offset < monthDays; offset += 1) {
    const day = addCalendarDays(month, offset);
    const plans = subscriptions.filter(
      (s) => s.billableFrom !== null && s.billableFrom <= day && (s.endsOn === null || day <= s.endsOn),
    );
    const key = plans
      .map((plan) => `${plan.planCode}:${plan.monthlyPriceCents}`)
      .sort()
      .join(',');
    if (current && current.key === key) {
      current.last = day;
    } else {
      close();
      current = { first: day, last: day, key, plans };
    }
  }
  close();
  return spans;
}
