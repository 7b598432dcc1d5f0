import type { Adjustment, RemittanceAdvice } from '../x12/remittance-advice.ts';
import { x12AmountToCents } from '../x12/values.ts';

/** Where an 835 does not add up, with both sides in integer cents. */
export interface Imbalance {
  level: 'transaction' | 'claim' | 'line';
  /** The claim's patient control number (CLP01); null for the transaction. */
  claim: string | null;
  /** The service line's place in its claim, from 1; null above the line. */
  line: number | null;
  expectedCents: number;
  actualCents: number;
  message: string;
}

/** An amount in cents, or NaN when it is not an X12 amount (so no sum with it can balance). */
const cents = (value: string | null) => (value === null ? 0 : (x12AmountToCents(value) ?? Number.NaN));
const adjusted = (adjustments: readonly Adjustment[]) =>
  adjustments.reduce((sum, adjustment) => sum + cents(adjustment.amount), 0);

/**
 * The 835's balancing rules (005010X221A1, section 1.10.2), in integer cents (each amount read as `x12AmountToCents`
 * reads it: more than two decimals round half away from zero to the cent):
 * - a service line pays its charge less its adjustments: SVC03 = SVC02 − Σ CAS;
 * - a claim pays its charge less its claim and line adjustments: CLP04 = CLP03 − Σ CAS (claim) − Σ CAS (lines);
 * - the payment is what the claims pay less the provider-level adjustments: BPR02 = Σ CLP04 − Σ PLB (a debit,
 *   BPR03 `D`, is negative).
 * An 835 that does not balance is reported, never loaded.
 */
export function remittanceImbalances(advice: RemittanceAdvice): Imbalance[] {
  const found: Imbalance[] = [];
  let claimsPaid = 0;
  for (const claim of advice.groups.flatMap((group) => group.claims)) {
    const where = `Claim ${claim.patientControlNumber}`;
    let lineAdjustments = 0;
    claim.lines.forEach((line, index) => {
      const lineAdjusted = adjusted(line.adjustments);
      lineAdjustments += lineAdjusted;
      const expected = cents(line.charge) - lineAdjusted;
      const actual = cents(line.payment);
      if (expected !== actual)
        found.push({
          level: 'line',
          claim: claim.patientControlNumber,
          line: index + 1,
          expectedCents: expected,
          actualCents: actual,
          message: `${where}, line ${index + 1}: the charge less its adjustments is not what the line pays.`,
        });
    });
    const expected = cents(claim.charge) - adjusted(claim.adjustments) - lineAdjustments;
    const actual = cents(claim.payment);
    if (expected !== actual)
      found.push({
        level: 'claim',
        claim: claim.patientControlNumber,
        line: null,
        expectedCents: expected,
        actualCents: actual,
        message: `${where}: the charge less the claim's and its lines' adjustments is not what the claim pays.`,
      });
    claimsPaid += actual;
  }
  const providerAdjusted = advice.providerAdjustments
    .flatMap((plb) => plb.items)
    .reduce((sum, item) => sum + cents(item.amount), 0);
  const expected = claimsPaid - providerAdjusted;
  const paid = cents(advice.payment.amount);
  const actual = advice.payment.creditDebit === 'D' ? -paid : paid;
  if (expected !== actual)
    found.push({
      level: 'transaction',
      claim: null,
      line: null,
      expectedCents: expected,
      actualCents: actual,
      message: 'The payment is not what the claims pay less the provider adjustments.',
    });
  return found;
}
