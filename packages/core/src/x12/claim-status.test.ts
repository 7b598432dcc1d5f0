import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  readClaimStatusRequest,
  writeClaimStatusRequest,
  GUIDE_276,
  type ClaimStatusRequest,
} from './claim-status-request.ts';
import {
  readClaimStatusResponse,
  writeClaimStatusResponse,
  type ClaimStatusInfo,
  type ClaimStatusResponse,
} from './claim-status-response.ts';
import { CodeLists } from './code-lists.ts';
import { buildInterchange } from './envelope.ts';
import { readInterchange } from './interchange.ts';
import { writeInterchange } from './writer.ts';

const example = (name: string) =>
  readFileSync(new URL(`../../test-data/x12/${name}`, import.meta.url), 'utf8');
const lists = new CodeLists();
const isCode = (list: string, code: string) => lists.has(list, code);
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function onlyTransaction(text: string) {
  const read = readInterchange(text);
  const transaction = read.interchanges[0]?.groups[0]?.transactions[0];
  assert.ok(transaction && read.delimiters, 'one transaction set');
  return { read, transaction, delimiters: read.delimiters };
}

describe('the 276 and 277 models (005010X212)', () => {
  for (const name of ['276-example.x12', '277-example.x12']) {
    it(`reads ${name} with no diagnostic and writes it back byte for byte`, () => {
      const text = example(name);
      const read = readInterchange(text);
      assert.deepEqual(read.diagnostics, []);
      const interchange = read.interchanges[0];
      assert.ok(interchange && read.delimiters);
      assert.equal(writeInterchange(interchange, read.delimiters, read.layout), text);
    });
  }

  it('reads the 276 example into its model', () => {
    const { transaction, delimiters } = onlyTransaction(example('276-example.x12'));
    const { request, diagnostics } = readClaimStatusRequest(transaction, delimiters, isCode);
    assert.deepEqual(diagnostics, []);
    assert.equal(request?.subscriber.memberId, '123456789A');
    assert.equal(request?.subscriber.dateOfBirth, '19301210');
    assert.equal(request?.provider.id, '1666666661');
    assert.deepEqual(request?.claim, {
      trackingNumber: 'ABCXYZ1',
      payerClaimNumber: 'ABCXYZ1234',
      patientAccountNumber: 'SM123456',
      totalCharge: '8513.88',
      serviceDates: { qualifier: '472', format: 'RD8', value: '20261001-20261015' },
    });
  });

  it('reads the 277 example: the claim paid by check, one line paid and one denied for the subscriber', () => {
    const { transaction, delimiters } = onlyTransaction(example('277-example.x12'));
    const { response, diagnostics } = readClaimStatusResponse(transaction, delimiters, isCode);
    assert.deepEqual(diagnostics, []);
    const claim = response?.claims[0];
    assert.equal(response?.claims.length, 1);
    assert.deepEqual(claim?.statuses[0], {
      category: 'F1',
      code: '65',
      entity: null,
      effectiveDate: '20261028',
      totalCharge: '8513.88',
      payment: '7915.03',
      adjudicationDate: '20261025',
      paymentMethod: 'CHK',
      paymentDate: '20261028',
      paymentTrace: '0012345678',
      more: [],
    });
    assert.equal(claim?.payerClaimNumber, 'ABCXYZ1234');
    assert.deepEqual(
      claim?.lines.map((line) => [line.procedure.code, line.procedure.modifiers, line.charge, line.payment]),
      [
        ['99213', ['25'], '150', '100'],
        ['85025', [], '35.5', '0'],
      ],
    );
    assert.equal(claim?.lines[1]?.statuses[0]?.entity, 'IL');
  });

  it('reports a 277 without its claim status and an unknown category with their loops', () => {
    const text = example('277-example.x12')
      .replace('STC*F1:65*20261028**8513.88', 'STC*ZZ:65*20261028**8513.88')
      .replace('SVC*HC:85025*35.5*0****1~\nSTC*F2:88:IL*20261028**35.5*0~\n', 'SVC*HC:85025*35.5*0****1~\n')
      .replace('SE*24*0002', 'SE*23*0002');
    const { transaction, delimiters } = onlyTransaction(text);
    const { diagnostics } = readClaimStatusResponse(transaction, delimiters, isCode);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.segmentId, d.loop, d.element, d.transactionPosition]),
      [
        ['element.code', 'STC', '2200D', 1, 12],
        // Reported at the line's SVC, the segment the missing STC should follow.
        ['segment.required', 'SVC', '2220D', null, 20],
      ],
    );
    assert.match(
      diagnostics[1]?.message ?? '',
      /Segment STC \(Service Line Level Status Information\) is required/,
    );
  });

  const text = (max: number) =>
    fc.stringMatching(new RegExp(`^[A-Z0-9][A-Z0-9 .,'-]{0,${max - 1}}$`)).filter((s) => !s.endsWith(' '));
  const id = (max: number) => fc.stringMatching(new RegExp(`^[A-Z0-9]{2,${max}}$`));
  const date = fc
    .date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
  const amount = fc.integer({ min: 0, max: 10_000_000 }).map((cents) => (cents / 100).toFixed(2));
  const range = fc.tuple(date, date).map(([a, b]) => ({
    qualifier: '472',
    format: 'RD8' as const,
    value: a < b ? `${a}-${b}` : `${b}-${a}`,
  }));
  const party = fc.record({ name: text(40), id: id(15) });
  const request: fc.Arbitrary<ClaimStatusRequest> = fc.record({
    reference: text(30),
    createdDate: date,
    createdTime: fc.stringMatching(/^([01]\d|2[0-3])[0-5]\d$/),
    payer: party,
    receiver: party,
    provider: fc.record({ name: text(40), id: fc.stringMatching(/^\d{10}$/) }),
    subscriber: fc.record({
      memberId: id(30),
      lastName: text(40),
      firstName: text(30),
      dateOfBirth: fc.option(date, { nil: null }),
    }),
    claim: fc.record({
      trackingNumber: id(30),
      payerClaimNumber: fc.option(id(30), { nil: null }),
      patientAccountNumber: fc.option(id(20), { nil: null }),
      totalCharge: fc.option(amount, { nil: null }),
      serviceDates: range,
    }),
  });
  const envelope = (transaction: string, functionalId: string) => ({
    senderQualifier: 'ZZ',
    senderId: 'PORTICO',
    receiverQualifier: 'ZZ',
    receiverId: 'PAYER',
    applicationSender: 'PORTICO',
    applicationReceiver: 'PAYER',
    controlNumber: 7,
    at: new Date('2026-12-04T10:00:00Z'),
    usage: 'T' as const,
    functionalId,
    guide: GUIDE_276,
    id: transaction,
  });

  it('model → X12 → model is the identity for the 276', () => {
    fc.assert(
      fc.property(request, (model) => {
        const x12 = buildInterchange(envelope('276', 'HR'), [
          { id: '276', body: writeClaimStatusRequest(model) },
        ]);
        const { read, transaction, delimiters } = onlyTransaction(x12);
        assert.deepEqual(read.diagnostics, []);
        const back = readClaimStatusRequest(transaction, delimiters, isCode);
        assert.deepEqual(back.diagnostics, []);
        assert.deepEqual(plain(back.request), plain(model));
      }),
      { numRuns: 200 },
    );
  });

  const category = fc.constantFrom('A1', 'A4', 'D0', 'E1', 'F1', 'F2', 'F4', 'P1', 'P3', 'R3');
  const status = (claimLevel: boolean): fc.Arbitrary<ClaimStatusInfo> =>
    fc.record({
      category,
      code: fc.constantFrom('1', '20', '35', '65', '88', '158'),
      entity: fc.option(fc.constantFrom('IL', '1P', 'PR'), { nil: null }),
      effectiveDate: date,
      totalCharge: claimLevel ? fc.option(amount, { nil: null }) : fc.constant(null),
      payment: claimLevel ? fc.option(amount, { nil: null }) : fc.constant(null),
      adjudicationDate: claimLevel ? fc.option(date, { nil: null }) : fc.constant(null),
      paymentMethod: claimLevel
        ? fc.option(fc.constantFrom('ACH', 'CHK', 'NON'), { nil: null })
        : fc.constant(null),
      paymentDate: claimLevel ? fc.option(date, { nil: null }) : fc.constant(null),
      paymentTrace: claimLevel ? fc.option(id(16), { nil: null }) : fc.constant(null),
      more: fc.array(fc.record({ category, code: fc.constantFrom('21', '65'), entity: fc.constant(null) }), {
        maxLength: 2,
      }),
    });
  const response: fc.Arbitrary<ClaimStatusResponse> = fc.record({
    reference: text(30),
    createdDate: date,
    createdTime: fc.stringMatching(/^([01]\d|2[0-3])[0-5]\d$/),
    payer: party,
    receiver: party,
    provider: fc.record({ name: text(40), id: fc.stringMatching(/^\d{10}$/) }),
    subscriber: fc.record({ memberId: id(30), lastName: text(40), firstName: text(30) }),
    claims: fc.array(
      fc.record({
        trackingNumber: id(30),
        statuses: fc.array(status(true), { minLength: 1, maxLength: 2 }),
        payerClaimNumber: fc.option(id(30), { nil: null }),
        patientAccountNumber: fc.option(id(20), { nil: null }),
        serviceDates: fc.option(range, { nil: null }),
        lines: fc.array(
          fc.record({
            procedure: fc.record({
              qualifier: fc.constantFrom('HC', 'NU'),
              code: fc.stringMatching(/^[A-Z0-9]{5}$/),
              modifiers: fc.array(fc.stringMatching(/^[A-Z0-9]{2}$/), { maxLength: 4 }),
            }),
            charge: amount,
            payment: amount,
            units: fc.option(fc.integer({ min: 1, max: 99 }).map(String), { nil: null }),
            statuses: fc.array(status(false), { minLength: 1, maxLength: 2 }),
            lineItemNumber: fc.option(id(10), { nil: null }),
            serviceDate: fc.option(
              date.map((value) => ({ qualifier: '472', format: 'D8' as const, value })),
              { nil: null },
            ),
          }),
          { maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });

  it('model → X12 → model is the identity for the 277', () => {
    fc.assert(
      fc.property(response, (model) => {
        const x12 = buildInterchange(envelope('277', 'HN'), [
          { id: '277', body: writeClaimStatusResponse(model) },
        ]);
        const { read, transaction, delimiters } = onlyTransaction(x12);
        assert.deepEqual(read.diagnostics, []);
        const back = readClaimStatusResponse(transaction, delimiters, isCode);
        assert.deepEqual(back.diagnostics, []);
        assert.deepEqual(plain(back.response), plain(model));
      }),
      { numRuns: 200 },
    );
  });

  it('never crashes on a damaged 277: it reads, or reports a positioned diagnostic', () => {
    const valid = example('277-example.x12');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(valid.length), (noise, cut) => {
        const damaged = valid.slice(0, cut) + noise + valid.slice(cut);
        const read = readInterchange(damaged);
        const transaction = read.interchanges[0]?.groups[0]?.transactions[0];
        if (!transaction || !read.delimiters) return;
        const { diagnostics } = readClaimStatusResponse(transaction, read.delimiters, isCode);
        for (const d of [...read.diagnostics, ...diagnostics]) assert.ok(d.message.length > 0);
      }),
      { numRuns: 300 },
    );
  });
});
