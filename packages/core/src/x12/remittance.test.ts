import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { remittanceImbalances } from '../remittance/balance.ts';
import { CodeLists } from './code-lists.ts';
import { buildInterchange } from './envelope.ts';
import { readInterchange } from './interchange.ts';
import {
  readRemittanceAdvice,
  writeRemittanceAdvice,
  type Adjustment,
  type RemittanceAdvice,
} from './remittance-advice.ts';
import { GUIDE_835 } from './remittance-guide.ts';
import { centsToX12Amount, x12AmountToCents } from './values.ts';
import { writeInterchange } from './writer.ts';

const example = readFileSync(new URL('../../test-data/x12/835-example.x12', import.meta.url), 'utf8');
const lists = new CodeLists();
const isCode = (list: string, code: string) => lists.has(list, code);
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function read(text: string) {
  const interchange = readInterchange(text);
  const transaction = interchange.interchanges[0]?.groups[0]?.transactions[0];
  assert.ok(transaction && interchange.delimiters, 'one transaction set');
  return { interchange, ...readRemittanceAdvice(transaction, interchange.delimiters, isCode) };
}

describe('the 835 (005010X221A1)', () => {
  it('reads the example with no diagnostic and writes it back byte for byte', () => {
    const { interchange, diagnostics } = read(example);
    assert.deepEqual([...interchange.diagnostics, ...diagnostics], []);
    const first = interchange.interchanges[0];
    assert.ok(first && interchange.delimiters);
    assert.equal(writeInterchange(first, interchange.delimiters, interchange.layout), example);
  });

  it('reads the payment, the claims with their adjustments, lines and remarks, and the provider adjustments', () => {
    const { advice } = read(example);
    assert.deepEqual(advice?.payment, {
      handling: 'I',
      amount: '245.5',
      creditDebit: 'C',
      method: 'CHK',
      date: '20261120',
    });
    assert.deepEqual(advice?.trace, { number: '0004552100', payerId: '1842610001' });
    const [paid, reduced] = advice?.groups[0]?.claims ?? [];
    assert.equal(paid?.payerClaimNumber, 'PSBC2611001');
    assert.deepEqual(paid?.lines[0]?.adjustments, [
      { group: 'CO', reason: '45', amount: '30', quantity: null },
      { group: 'PR', reason: '3', amount: '20', quantity: null },
    ]);
    assert.deepEqual(paid?.lines[1]?.remarks, ['N54']);
    assert.equal(paid?.renderingProvider?.npi, '1234567893');
    assert.deepEqual(reduced?.remarks, ['N381']);
    assert.deepEqual(advice?.providerAdjustments[0]?.items, [
      { reason: 'L6', reference: 'INT2611', amount: '-5' },
      { reason: 'WO', reference: 'PSBC2609001', amount: '10' },
    ]);
  });

  it('balances the example, and reports each level that does not add up', () => {
    const { advice } = read(example);
    assert.ok(advice);
    assert.deepEqual(remittanceImbalances(advice), []);
    const { advice: off } = read(example.replace('SVC*HC:99213*150*100**1', 'SVC*HC:99213*150*101**1'));
    assert.ok(off);
    assert.deepEqual(
      remittanceImbalances(off).map((i) => [i.level, i.claim, i.line, i.expectedCents, i.actualCents]),
      [['line', 'SC-1001', 1, 10_000, 10_100]],
    );
    const { advice: total } = read(example.replace('BPR*I*245.5*', 'BPR*I*245.51*'));
    assert.ok(total);
    assert.deepEqual(
      remittanceImbalances(total).map((i) => [i.level, i.expectedCents, i.actualCents]),
      [['transaction', 24_550, 24_551]],
    );
  });

  it('reports a missing payer contact and an unknown adjustment group with their loops', () => {
    const text = example
      .replace('PER*BL*EDI SUPPORT*TE*8005551212~\n', '')
      .replace('CAS*CO*197', 'CAS*ZZ*197')
      .replace('SE*32', 'SE*31');
    const { diagnostics } = read(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.loop, d.element]),
      [
        ['segment.required', '1000A', null],
        ['element.code', '2110', 1],
      ],
    );
  });

  // Generated remittances that balance by construction: each line pays its charge less its adjustments, each
  // claim the sum of its lines, the payment the claims less the provider adjustments.
  const text = (max: number) =>
    fc.stringMatching(new RegExp(`^[A-Z0-9][A-Z0-9 .,'-]{0,${max - 1}}$`)).filter((s) => !s.endsWith(' '));
  const id = (max: number) => fc.stringMatching(new RegExp(`^[A-Z0-9]{2,${max}}$`));
  const date = fc
    .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
  const adjustmentCents = fc.array(
    fc.record({
      group: fc.constantFrom('CO', 'PR', 'OA', 'PI'),
      reason: fc.constantFrom('1', '2', '3', '45', '96', '197'),
      cents: fc.integer({ min: 0, max: 50_000 }),
    }),
    { maxLength: 8 },
  );
  const asAdjustments = (items: { group: string; reason: string; cents: number }[]): Adjustment[] =>
    items.map((item) => ({
      group: item.group,
      reason: item.reason,
      amount: centsToX12Amount(item.cents),
      quantity: null,
    }));
  const line = fc.record({
    extra: fc.integer({ min: 0, max: 500_000 }),
    adjustments: adjustmentCents,
    code: fc.stringMatching(/^[0-9]{5}$/),
    serviceDate: fc.option(date, { nil: null }),
    remarks: fc.array(fc.constantFrom('N54', 'M15', 'N130'), { maxLength: 2 }),
  });
  const claim = fc.record({
    control: id(20),
    payerClaimNumber: id(20),
    status: fc.constantFrom('1', '2', '4', '22'),
    lines: fc.array(line, { minLength: 1, maxLength: 4 }),
    claimAdjustments: adjustmentCents,
    claimExtra: fc.integer({ min: 0, max: 100_000 }),
    patient: fc.record({ lastName: text(30), firstName: text(20), memberId: id(20) }),
  });
  const advice: fc.Arbitrary<RemittanceAdvice> = fc
    .record({
      claims: fc.array(claim, { minLength: 1, maxLength: 5 }),
      plb: fc.array(
        fc.record({
          reason: fc.constantFrom('L6', 'WO', 'FB'),
          cents: fc.integer({ min: -10_000, max: 10_000 }),
        }),
        { maxLength: 3 },
      ),
      method: fc.constantFrom('CHK', 'ACH'),
      date,
      trace: id(30),
      payer: text(40),
      payee: text(40),
    })
    .map((drawn): RemittanceAdvice => {
      let claimsPaid = 0;
      const claims = drawn.claims.map((c) => {
        let charge = 0;
        let paid = 0;
        const lines = c.lines.map((l) => {
          const adjusted = l.adjustments.reduce((sum, a) => sum + a.cents, 0);
          const lineCharge = adjusted + l.extra;
          charge += lineCharge;
          paid += l.extra;
          return {
            procedure: { qualifier: 'HC', code: l.code, modifiers: [] },
            charge: centsToX12Amount(lineCharge),
            payment: centsToX12Amount(l.extra),
            unitsPaid: '1',
            serviceDate: l.serviceDate,
            adjustments: asAdjustments(l.adjustments),
            lineItemNumber: null,
            allowed: null,
            remarks: l.remarks,
          };
        });
        const claimAdjusted = c.claimAdjustments.reduce((sum, a) => sum + a.cents, 0);
        // The claim-level adjustments come out of what the lines paid, never below zero.
        const taken = Math.min(claimAdjusted, paid);
        const claimAdjustments = taken === claimAdjusted ? c.claimAdjustments : [];
        const payment = paid - (taken === claimAdjusted ? claimAdjusted : 0);
        claimsPaid += payment;
        return {
          patientControlNumber: c.control,
          status: c.status,
          charge: centsToX12Amount(charge),
          payment: centsToX12Amount(payment),
          patientResponsibility: null,
          filingIndicator: '12',
          payerClaimNumber: c.payerClaimNumber,
          adjustments: asAdjustments(claimAdjustments),
          patient: c.patient,
          renderingProvider: null,
          remarks: [],
          statementFrom: null,
          statementTo: null,
          lines,
        };
      });
      const plbTotal = drawn.plb.reduce((sum, item) => sum + item.cents, 0);
      const total = claimsPaid - plbTotal;
      return {
        payment: {
          handling: 'I',
          amount: centsToX12Amount(Math.abs(total)),
          creditDebit: total < 0 ? 'D' : 'C',
          method: drawn.method,
          date: drawn.date,
        },
        trace: { number: drawn.trace, payerId: '1842610001' },
        productionDate: null,
        payer: {
          name: drawn.payer,
          id: null,
          address: { line: 'PO BOX 1', city: 'BOSTON', state: 'MA', postalCode: '02101' },
          contact: { name: 'EDI', phone: null },
        },
        payee: { name: drawn.payee, idQualifier: 'XX', id: '1234567893' },
        groups: [{ number: '1', claims }],
        providerAdjustments:
          drawn.plb.length === 0
            ? []
            : [
                {
                  providerId: '1234567893',
                  fiscalPeriodDate: '20261231',
                  items: drawn.plb.map((item) => ({
                    reason: item.reason,
                    reference: null,
                    amount: centsToX12Amount(item.cents),
                  })),
                },
              ],
      };
    });
  const envelope = {
    senderQualifier: 'ZZ',
    senderId: 'PAYER',
    receiverQualifier: 'ZZ',
    receiverId: 'PORTICO',
    applicationSender: 'PAYER',
    applicationReceiver: 'PORTICO',
    controlNumber: 9,
    at: new Date('2026-12-04T10:00:00Z'),
    usage: 'T' as const,
    functionalId: 'HP',
    guide: GUIDE_835,
  };

  it('model → X12 → model is the identity, and generated remittances balance; a changed amount never does', () => {
    fc.assert(
      fc.property(advice, fc.nat(), (model, pick) => {
        const x12 = buildInterchange(envelope, [{ id: '835', body: writeRemittanceAdvice(model) }]);
        const back = read(x12);
        assert.deepEqual([...back.interchange.diagnostics, ...back.diagnostics], []);
        assert.deepEqual(plain(back.advice), plain(model));
        assert.deepEqual(remittanceImbalances(model), []);
        // One cent more on any one claim's payment is caught.
        const claims = model.groups[0]?.claims ?? [];
        const target = claims[pick % claims.length];
        if (!target) return;
        const changed = structuredClone(model);
        const claim = changed.groups[0]?.claims[pick % claims.length];
        if (claim) claim.payment = centsToX12Amount((x12AmountToCents(target.payment) ?? 0) + 1);
        assert.ok(remittanceImbalances(changed).some((i) => i.level === 'claim'));
      }),
      { numRuns: 150 },
    );
  });

  it('never crashes on a damaged 835: it reads, or reports a positioned diagnostic', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(example.length), (noise, cut) => {
        const damaged = example.slice(0, cut) + noise + example.slice(cut);
        const interchange = readInterchange(damaged);
        const transaction = interchange.interchanges[0]?.groups[0]?.transactions[0];
        if (!transaction || !interchange.delimiters) return;
        const { advice, diagnostics } = readRemittanceAdvice(transaction, interchange.delimiters, isCode);
        for (const d of [...interchange.diagnostics, ...diagnostics]) assert.ok(d.message.length > 0);
        if (advice) remittanceImbalances(advice);
      }),
      { numRuns: 300 },
    );
  });
});
