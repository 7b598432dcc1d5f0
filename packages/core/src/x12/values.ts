// X12 values as Portico's API carries them: amounts in integer cents, percentages in basis points, dates as
// plain dates. Each rounding rule is written here once.

/**
 * An X12 decimal amount (`1500`, `25.5`, `.75`) in integer cents. More than two decimals round half away from
 * zero to the cent (`10.005` → 1001): EB07 is shown to people, never charged. Null when it is not a number.
 */
export function x12AmountToCents(value: string | null): number | null {
  if (value === null) return null;
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(value);
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  if (whole === '' && fraction === '') return null;
  const roundUp = Number(fraction.charAt(2) || '0') >= 5 ? 1 : 0;
  const cents = Number(whole || '0') * 100 + Number(fraction.slice(0, 2).padEnd(2, '0')) + roundUp;
  if (!Number.isSafeInteger(cents)) return null;
  return sign === '-' && cents !== 0 ? -cents : cents;
}

/** Integer cents as an X12 decimal amount, no trailing zeros (`150000` → `1500`, `2550` → `25.5`). */
export function centsToX12Amount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const whole = Math.floor(Math.abs(cents) / 100);
  const rest = Math.abs(cents) % 100;
  if (rest === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** Basis points as an X12 percentage decimal (`2000` → `0.2`, `10000` → `1`). */
export function basisPointsToX12Percent(points: number): string {
  const whole = Math.floor(points / 10_000);
  const fraction = String(points % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** An X12 percentage as a decimal (`0.2` = 20 %) in basis points, rounded half up to the basis point. */
export function x12PercentToBasisPoints(value: string | null): number | null {
  if (value === null || !/^(\d*)(\.\d*)?$/.test(value) || value === '' || value === '.') return null;
  const [whole = '', fraction = ''] = value.split('.');
  const points =
    Number(`${whole || '0'}${fraction.slice(0, 4).padEnd(4, '0')}`) +
    (Number(fraction.charAt(4) || '0') >= 5 ? 1 : 0);
  return points <= 10_000 ? points : null;
}

/** `20260501` → `2026-05-01`; null when it is not a CCYYMMDD date. */
export function x12DateToPlain(value: string | null | undefined): string | null {
  if (!value || !/^\d{8}$/.test(value)) return null;
  return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
}

/** `2026-05-01` → `20260501`. */
export function plainDateToX12(value: string): string {
  return value.replaceAll('-', '');
}
