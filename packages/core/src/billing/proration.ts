/**
 * Proration of monthly prices, in integer cents with integer arithmetic only (DOMAIN.md, "Proration rule").
 *
 * The one rounding rule: amount = round_half_up(P * d / D) = floor((2 * P * d + D) / (2 * D)), for a monthly
 * price P cents, d covered days and a month of D days. Each amount is within half a cent of the exact value.
 */

/** The number of days in a calendar month (`month` 1–12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function assertWhole(value: number, name: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}`);
  }
}

/** The prorated amount for `coveredDays` of a `monthDays`-day month at `monthlyPriceCents`, rounded half up. */
export function prorateCents(monthlyPriceCents: number, coveredDays: number, monthDays: number): number {
  assertWhole(monthDays, 'monthDays', 28, 31);
  assertWhole(coveredDays, 'coveredDays', 0, monthDays);
  // Keeps 2 * P * d exact in a double: prices up to $10 million a month.
  assertWhole(monthlyPriceCents, 'monthlyPriceCents', 0, 1_000_000_000);
  return Math.floor((2 * monthlyPriceCents * coveredDays + monthDays) / (2 * monthDays));
}

/** One invoice line of a month: the rate it bills, the days it covers (1-based, inclusive) and its amount. */
export interface ProratedSpan {
  monthlyPriceCents: number;
  firstDay: number;
  lastDay: number;
  amountCents: number;
}

/**
 * The invoices for the month of an upgrade on day `upgradeDay` (1-based): the previous rate for days
 * 1..u-1 and the new rate for days u..D. DOMAIN.md: a zero-amount invoice is not issued.
 */
export function upgradeMonthInvoices(options: {
  previousPriceCents: number;
  newPriceCents: number;
  upgradeDay: number;
  monthDays: number;
}): ProratedSpan[] {
  const { previousPriceCents, newPriceCents, upgradeDay, monthDays } = options;
  assertWhole(upgradeDay, 'upgradeDay', 1, monthDays);
  const spans: ProratedSpan[] = [
    {
      monthlyPriceCents: previousPriceCents,
      firstDay: 1,
      lastDay: upgradeDay - 1,
      amountCents: prorateCents(previousPriceCents, upgradeDay - 1, monthDays),
    },
    {
      monthlyPriceCents: newPriceCents,
      firstDay: upgradeDay,
      lastDay: monthDays,
      amountCents: prorateCents(newPriceCents, monthDays - upgradeDay + 1, monthDays),
    },
  ];
  return spans.filter((span) => span.amountCents > 0);
}

/** DOMAIN.md: a subscription that starts on day `startDay` is billed from that day by the same rule. */
export function firstMonthCents(monthlyPriceCents: number, startDay: number, monthDays: number): number {
  assertWhole(startDay, 'startDay', 1, monthDays);
  return prorateCents(monthlyPriceCents, monthDays - startDay + 1, monthDays);
}
