/**
 * Proration of monthly prices, in integer cents with integer arithmetic only (docs/domain.md, "Proration rule").
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
