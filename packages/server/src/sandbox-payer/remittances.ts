import { centsToX12Amount, plainDateToX12 } from '@portico/core';
import type { Adjustment, RemittanceAdvice, RemittanceClaim } from '@portico/core/x12';
import { SANDBOX_CLAIMS, type SandboxClaim } from './claims.ts';
import { findSandboxMember } from './members.ts';

/** How the sandbox payer settled a finalized claim's lines, CAS by CAS (README, "Sandbox payer"). */
const SETTLEMENTS: Record<
  string,
  {
    status: string;
    lines: { adjustments: [string, string, number][]; allowedCents?: number; remarks?: string[] }[];
  }
> = {
  PSBC2611001: {
    status: '1',
    lines: [
      {
        adjustments: [
          ['CO', '45', 3_000],
          ['PR', '2', 2_000],
        ],
        allowedCents: 12_000,
      },
      { adjustments: [['CO', '197', 3_550]], remarks: ['N54'] },
    ],
  },
  PSBC2611004: { status: '1', lines: [{ adjustments: [['PR', '1', 25_000]], allowedCents: 25_000 }] },
  PSBC2602006: { status: '4', lines: [{ adjustments: [['CO', '27', 15_000]] }] },
};

/** The payments the sandbox made: a check with an overpayment recovered, and two remittances without payment. */
const PAYMENTS: readonly {
  trace: string;
  method: 'CHK' | 'NON';
  date: string;
  claims: string[];
  recovery?: { reference: string; cents: number };
}[] = [
  {
    trace: '0004552100',
    method: 'CHK',
    date: '2026-11-20',
    claims: ['PSBC2611001'],
    recovery: { reference: 'PSBC2609100', cents: 1_500 },
  },
  { trace: 'NOPAY2611004', method: 'NON', date: '2026-11-14', claims: ['PSBC2611004'] },
  { trace: 'NOPAY2602006', method: 'NON', date: '2026-02-24', claims: ['PSBC2602006'] },
];

const adjustment = ([group, reason, cents]: [string, string, number]): Adjustment => ({
  group,
  reason,
  amount: centsToX12Amount(cents),
  quantity: null,
});

function claimOf(held: SandboxClaim): RemittanceClaim {
  const settlement = SETTLEMENTS[held.payerClaimNumber];
  const member = findSandboxMember(held.memberId);
  const lines = held.lines.map((line, index) => {
    const settled = settlement?.lines[index];
    return {
      procedure: { qualifier: 'HC', code: line.procedure, modifiers: line.modifiers ?? [] },
      charge: centsToX12Amount(line.chargedCents),
      payment: centsToX12Amount(line.paidCents),
      unitsPaid: '1',
      serviceDate: plainDateToX12(line.date),
      adjustments: (settled?.adjustments ?? []).map(adjustment),
      lineItemNumber: String(index + 1),
      allowed: settled?.allowedCents === undefined ? null : centsToX12Amount(settled.allowedCents),
      remarks: settled?.remarks ?? [],
    };
  });
  const patientCents = (settlement?.lines ?? [])
    .flatMap((line) => line.adjustments)
    .filter(([group]) => group === 'PR')
    .reduce((sum, [, , cents]) => sum + cents, 0);
  return {
    patientControlNumber: held.patientAccountNumber,
    status: settlement?.status ?? '1',
    charge: centsToX12Amount(held.lines.reduce((sum, line) => sum + line.chargedCents, 0)),
    payment: centsToX12Amount(held.lines.reduce((sum, line) => sum + line.paidCents, 0)),
    patientResponsibility: patientCents === 0 ? null : centsToX12Amount(patientCents),
    filingIndicator: '12',
    payerClaimNumber: held.payerClaimNumber,
    adjustments: [],
    patient: {
      lastName: (member?.lastName ?? '').toUpperCase(),
      firstName: (member?.firstName ?? '').toUpperCase(),
      memberId: held.memberId,
    },
    renderingProvider: null,
    remarks: [],
    statementFrom: plainDateToX12(held.serviceFrom),
    statementTo: plainDateToX12(held.serviceTo),
    lines,
  };
}

/**
 * The 835s the sandbox payer has for a payee (any NPI: the sandbox pays whoever retrieves), one per payment, each
 * balanced: lines pay their charge less their adjustments, and the check is what the claims pay less the
 * overpayment it recovers.
 */
export function sandboxRemittances(payee: { npi: string; payerId: string }): RemittanceAdvice[] {
  return PAYMENTS.map((payment) => {
    const held = SANDBOX_CLAIMS.filter((claim) => payment.claims.includes(claim.payerClaimNumber));
    const claims = held.map(claimOf);
    const paid = held.flatMap((claim) => claim.lines).reduce((sum, line) => sum + line.paidCents, 0);
    const recovered = payment.recovery?.cents ?? 0;
    return {
      payment: {
        handling: payment.method === 'NON' ? 'H' : 'C',
        amount: centsToX12Amount(paid - recovered),
        creditDebit: 'C',
        method: payment.method,
        date: plainDateToX12(payment.date),
      },
      trace: { number: payment.trace, payerId: `1${payee.payerId}`.slice(0, 10) },
      productionDate: plainDateToX12(payment.date),
      payer: {
        name: 'PORTICO SANDBOX PAYER',
        id: payee.payerId,
        address: { line: '100 SANDBOX WAY', city: 'BOSTON', state: 'MA', postalCode: '02110' },
        contact: { name: 'PROVIDER SERVICES', phone: '8005550100' },
      },
      payee: { name: 'SANDBOX PAYEE', idQualifier: 'XX', id: payee.npi },
      groups: [{ number: '1', claims }],
      providerAdjustments: payment.recovery
        ? [
            {
              providerId: payee.npi,
              fiscalPeriodDate: `${payment.date.slice(0, 4)}1231`,
              items: [
                {
                  reason: 'WO',
                  reference: payment.recovery.reference,
                  amount: centsToX12Amount(payment.recovery.cents),
                },
              ],
            },
          ]
        : [],
    };
  });
}
