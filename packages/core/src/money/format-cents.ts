/** Formats integer cents as US dollars for display: `3995` → `$39.95`. */
export function formatCents(cents: number, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(cents / 100);
}

/**
 * Integer cents as a plain decimal amount of dollars for files (CSV, X12): `1268400` → `12684.00`, `-5` → `-0.05`.
 * Exact: integer arithmetic only, no floating point, no grouping, no currency sign.
 */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`${cents} is not a whole number of cents`);
  const sign = cents < 0 ? '-' : '';
  const whole = Math.abs(cents);
  return `${sign}${Math.trunc(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}

/**
 * Dollars as a person types them (`185.50`, `$1,234.5`, `90`) in integer cents; null for anything else, more than
 * two decimals included: an amount a person enters is never rounded behind their back.
 */
export function dollarsToCents(text: string): number | null {
  const match = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, whole = '', fraction = ''] = match;
  const cents = Number(whole.replaceAll(',', '')) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}
