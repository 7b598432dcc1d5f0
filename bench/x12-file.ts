import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import {
  buildInterchange,
  centsToX12Amount,
  GUIDE_835,
  x12AmountToCents,
  writeRemittanceAdvice,
  type RemittanceAdvice,
  type RemittanceClaim,
} from '@portico/core/x12';

const PROCEDURES = ['99213', '99214', '85025', '80053', '93000', '36415'] as const;

/** One claim of three lines, every amount drawn from `n` so files differ line to line, balanced by construction. */
function claimOf(n: number): RemittanceClaim {
  const lines = [0, 1, 2].map((i) => {
    const charge = 5_000 + ((n * 7 + i * 13) % 40_000);
    const contractual = Math.floor(charge / 5);
    const copay = i === 0 ? 2_000 : 0;
    return {
      procedure: { qualifier: 'HC', code: PROCEDURES[(n + i) % PROCEDURES.length] ?? '99213', modifiers: [] },
      charge: centsToX12Amount(charge),
      payment: centsToX12Amount(charge - contractual - copay),
      unitsPaid: '1',
      serviceDate: '20261103',
      adjustments: [
        { group: 'CO', reason: '45', amount: centsToX12Amount(contractual), quantity: null },
        ...(copay > 0 ? [{ group: 'PR', reason: '3', amount: centsToX12Amount(copay), quantity: null }] : []),
      ],
      lineItemNumber: String(i + 1),
      allowed: centsToX12Amount(charge - contractual),
      remarks: i === 2 ? ['N381'] : [],
    };
  });
  return {
    patientControlNumber: `SC-${n}`,
    status: '1',
    charge: centsToX12Amount(lines.reduce((sum, line) => sum + (x12AmountToCents(line.charge) ?? 0), 0)),
    payment: centsToX12Amount(lines.reduce((sum, line) => sum + (x12AmountToCents(line.payment) ?? 0), 0)),
    patientResponsibility: centsToX12Amount(2_000),
    filingIndicator: '12',
    payerClaimNumber: `PSBC${n}`,
    adjustments: [],
    patient: { lastName: 'SMITH', firstName: 'ROBERT', memberId: `PSB${n}` },
    renderingProvider: { name: 'QUINN', npi: '1234567893' },
    remarks: [],
    statementFrom: '20261103',
    statementTo: '20261103',
    lines,
  };
}

/**
 * Writes an X12 file of about `megabytes` MB: interchanges of 20 835s, each a check or EFT paying 50 claims of three
 * service lines (contractual and patient-responsibility adjustments, allowed amounts, remarks) with a provider
 * adjustment, every one balanced. The same file is kept between runs (bench/.data/x12).
 */
export async function x12BenchFile(megabytes: number): Promise<string> {
  const file = `bench/.data/x12/835-${megabytes}mb.x12`;
  if (existsSync(file) && statSync(file).size >= megabytes * 1_000_000) return file;
  const out = createWriteStream(file);
  let written = 0;
  let n = 0;
  for (let interchange = 1; written < megabytes * 1_000_000; interchange += 1) {
    const transactions = Array.from({ length: 20 }, () => {
      const claims = Array.from({ length: 50 }, () => claimOf((n += 1)));
      const paid = claims.reduce((sum, claim) => sum + (x12AmountToCents(claim.payment) ?? 0), 0);
      const advice: RemittanceAdvice = {
        payment: {
          handling: 'I',
          amount: centsToX12Amount(paid - 1_000),
          creditDebit: 'C',
          method: 'ACH',
          date: '20261120',
        },
        trace: { number: `EFT${n}`, payerId: '1842610001' },
        productionDate: '20261119',
        payer: {
          name: 'PORTICO SANDBOX HEALTH PLAN',
          id: 'PORTICO01',
          address: { line: 'PO BOX 4400', city: 'BOSTON', state: 'MA', postalCode: '02101' },
          contact: { name: 'EDI SUPPORT', phone: '8005551212' },
        },
        payee: { name: 'BONE AND JOINT CLINIC', idQualifier: 'XX', id: '1234567893' },
        groups: [{ number: '1', claims }],
        providerAdjustments: [
          {
            providerId: '1234567893',
            fiscalPeriodDate: '20261231',
            items: [{ reason: 'WO', reference: `R${n}`, amount: '10' }],
          },
        ],
      };
      return { id: '835', body: writeRemittanceAdvice(advice) };
    });
    const text = buildInterchange(
      {
        senderQualifier: 'ZZ',
        senderId: 'SANDBOXPAYER',
        receiverQualifier: 'ZZ',
        receiverId: 'PORTICO',
        applicationSender: 'SANDBOXPAYER',
        applicationReceiver: 'PORTICO',
        controlNumber: interchange,
        at: new Date('2026-12-03T10:00:00Z'),
        usage: 'T',
        functionalId: 'HP',
        guide: GUIDE_835,
      },
      transactions,
    );
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return file;
}
