/** Where an EFT/ERA enrollment stands: waiting for the payer to verify the account, active, or rejected. */
export const EFT_STATUSES = ['PENDING', 'ACTIVE', 'REJECTED'] as const;
export type EftStatus = (typeof EFT_STATUSES)[number];

/**
 * Why a routing number is not one (null when it is): nine digits whose ABA check holds, 3·(d1+d4+d7) +
 * 7·(d2+d5+d8) + (d3+d6+d9) a multiple of 10, with a Federal Reserve prefix (00–12, 21–32, 61–72, 80).
 */
export function routingNumberProblem(value: string): string | null {
  if (!/^\d{9}$/.test(value)) return 'A routing number is 9 digits';
  const prefix = Number(value.slice(0, 2));
  const known =
    prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  if (!known) return 'This is not a US bank routing number (check the first two digits)';
  const d = [...value].map(Number);
  const at = (index: number) => d[index] ?? 0;
  const sum = 3 * (at(0) + at(3) + at(6)) + 7 * (at(1) + at(4) + at(7)) + (at(2) + at(5) + at(8));
  return sum % 10 === 0 ? null : 'This routing number has a typo (its check digit does not match)';
}

/** The last four digits of an account number, the only part ever shown again. */
export const accountLast4 = (accountNumber: string) => accountNumber.slice(-4);

/** An office is paperless once it has enrolled and every one of its EFT/ERA enrollments is active. */
export const isPaperless = (statuses: readonly EftStatus[]) =>
  statuses.length > 0 && statuses.every((status) => status === 'ACTIVE');

/**
 * Why the payer's staff may not settle an enrollment in this state (null when it may): only a PENDING enrollment
 * is decided; an office's new submission makes it PENDING again.
 */
export function eftDecisionConflict(status: EftStatus): string | null {
  if (status === 'PENDING') return null;
  return status === 'ACTIVE'
    ? 'This enrollment is already active; the office submits a new account to change it.'
    : 'This enrollment was rejected; the office submits it again to be reconsidered.';
}
