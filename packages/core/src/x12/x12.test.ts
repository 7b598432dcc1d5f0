import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CodeLists } from './code-lists.ts';
import { buildInterchange } from './envelope.ts';
import { readEligibilityInquiry, type EligibilityInquiry, GUIDE_270 } from './eligibility-inquiry.ts';
import { readEligibilityResponse, type EligibilityResponse } from './eligibility-response.ts';
import { readInterchange, streamTransactions } from './interchange.ts';
import { SegmentTokenizer } from './tokenizer.ts';
import { PORTICO_DELIMITERS, writeInterchange, writeSegment } from './writer.ts';
import { writeEligibilityInquiry } from './eligibility-inquiry.ts';
import { writeEligibilityResponse } from './eligibility-response.ts';

const example = (name: string) =>
  readFileSync(new URL(`../../test-data/x12/${name}`, import.meta.url), 'utf8');
const lists = new CodeLists();
// fast-check builds records without a prototype; compare values, not prototypes.
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const isCode = (list: string, code: string) => lists.has(list, code);

function onlyTransaction(text: string) {
  const read = readInterchange(text);
  const transaction = read.interchanges[0]?.groups[0]?.transactions[0];
  assert.ok(transaction && read.delimiters, 'one transaction set');
  return { read, transaction, delimiters: read.delimiters };
}

describe('the X12 tokenizer and envelopes', () => {
  for (const name of ['270-example.x12', '271-example.x12']) {
    it(`reads ${name} with no diagnostic and writes it back byte for byte`, () => {
      const text = example(name);
      const read = readInterchange(text);
      assert.deepEqual(read.diagnostics, []);
      const interchange = read.interchanges[0];
      assert.ok(interchange && read.delimiters);
      assert.equal(writeInterchange(interchange, read.delimiters, read.layout), text);
    });
  }

  it('reads any segment terminator and separators from the ISA, in chunks of any size', () => {
    const text = example('270-example.x12')
      .replaceAll('~\n', '!\r\n')
      .replaceAll('*', '|')
      .replaceAll('^', '{');
    const whole = readInterchange(text);
    assert.deepEqual(whole.diagnostics, []);
    assert.equal(whole.delimiters?.segment, '!');
    assert.equal(whole.layout.lineBreak, '\r\n');
    for (const size of [1, 7, 106, 4096]) {
      const tokenizer = new SegmentTokenizer();
      const ids: string[] = [];
      for (let at = 0; at < text.length; at += size)
        ids.push(...tokenizer.push(text.slice(at, at + size)).map((s) => s.id));
      tokenizer.end();
      assert.equal(ids.length, 17);
      assert.equal(ids.at(-1), 'IEA');
    }
  });

  it('reports a wrong segment count and control number with their positions', () => {
    const text = example('270-example.x12')
      .replace('SE*13*1234', 'SE*12*1235')
      .replace('IEA*1*000000905', 'IEA*1*000000999');
    const read = readInterchange(text);
    assert.deepEqual(
      read.diagnostics.map((d) => [d.code, d.segmentId, d.element, d.segmentPosition]),
      [
        ['envelope.count', 'SE', 1, 15],
        ['envelope.control-number', 'SE', 2, 15],
        ['envelope.control-number', 'IEA', 2, 17],
      ],
    );
  });

  it('streams transaction sets one at a time from byte chunks', async () => {
    const text = example('271-example.x12');
    const bytes = new TextEncoder().encode(text);
    async function* chunks() {
      for (let at = 0; at < bytes.length; at += 13) yield bytes.slice(at, at + 13);
    }
    const diagnostics: never[] = [];
    const seen: string[] = [];
    for await (const { transaction } of streamTransactions(chunks(), diagnostics)) seen.push(transaction.id);
    assert.deepEqual(seen, ['271']);
    assert.deepEqual(diagnostics, []);
  });

  it('never crashes on arbitrary input: it reads, or reports a positioned diagnostic', () => {
    const valid = example('271-example.x12');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.nat(valid.length), (noise, cut) => {
        for (const text of [noise, valid.slice(0, cut) + noise, valid.slice(0, cut)]) {
          const read = readInterchange(text);
          for (const d of read.diagnostics) {
            assert.ok(Number.isInteger(d.offset) && d.offset >= 0 && d.offset <= text.length);
            assert.ok(d.message.length > 0);
          }
          if (text !== valid) {
            const transaction = read.interchanges[0]?.groups[0]?.transactions[0];
            if (transaction && read.delimiters) readEligibilityResponse(transaction, read.delimiters, isCode);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an outbound value that holds a delimiter, naming the element', () => {
    assert.throws(
      () => writeSegment({ id: 'NM1', elements: ['IL', '1', 'SMITH~IEA*1'] }),
      (error: Error) => /NM103 contains "\*"/.test(error.message) || /NM103 contains "~"/.test(error.message),
    );
    assert.throws(
      () => writeSegment({ id: 'EQ', elements: [{ repeats: ['30', '1:2'] }] }),
      /EQ01 contains ":"/,
    );
  });
});

describe('the 270 and 271 models', () => {
  it('reads the 270 example into its model', () => {
    const { transaction, delimiters } = onlyTransaction(example('270-example.x12'));
    const { inquiry, diagnostics } = readEligibilityInquiry(transaction, delimiters, isCode);
    assert.deepEqual(diagnostics, []);
    assert.equal(inquiry?.subscriber.memberId, '11122333301');
    assert.equal(inquiry?.subscriber.dateOfBirth, '19430519');
    assert.deepEqual(inquiry?.subscriber.serviceTypes, ['30']);
    assert.equal(inquiry?.provider.id, '1234567893');
  });

  it('reads the 271 example: repeats, amounts, the PCP and the message', () => {
    const { transaction, delimiters } = onlyTransaction(example('271-example.x12'));
    const { response, diagnostics } = readEligibilityResponse(transaction, delimiters, isCode);
    assert.deepEqual(diagnostics, []);
    const benefits = response?.subscriber?.benefits ?? [];
    assert.equal(benefits.length, 6);
    assert.deepEqual(benefits[0]?.serviceTypes, [
      '30',
      '1',
      '33',
      '35',
      '47',
      '86',
      '88',
      '98',
      'AL',
      'MH',
      'UC',
    ]);
    assert.equal(benefits[2]?.amount, '650');
    assert.equal(benefits[4]?.percent, '0.2');
    assert.deepEqual(benefits[5]?.entities[0], {
      entity: 'P3',
      kind: '1',
      lastName: 'JONES',
      firstName: 'MARCUS',
      idQualifier: 'XX',
      id: '1003000126',
    });
    assert.deepEqual(benefits[5]?.messages, ['CALL FOR PRIOR AUTHORIZATION ON IMAGING']);
  });

  it('validates against the guide: a missing required element, an unknown code, an unexpected segment', () => {
    const text = example('271-example.x12')
      .replace('EB*B*IND*98', 'EB*ZZ*IND*98')
      .replace('NM1*IL*1*SMITH*ROBERT****MI*11122333301~', 'NM1*IL*1*SMITH*ROBERT****MI*11122333301~XYZ*1~')
      .replace('SE*23*', 'SE*24*')
      .replace('DMG*D8*19430519*M', 'DMG**19430519*M');
    const { transaction, delimiters } = onlyTransaction(text);
    const { diagnostics } = readEligibilityResponse(transaction, delimiters, isCode);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.segmentId, d.loop, d.element, d.transactionPosition, d.ackCode]),
      [
        ['segment.unexpected', 'XYZ', '2100C', null, 10, '2'],
        ['element.required', 'DMG', '2100C', 1, 12, '1'],
        ['element.code', 'EB', '2110C', 1, 17, '7'],
      ],
    );
  });

  const text = (max: number) =>
    fc.stringMatching(new RegExp(`^[A-Z0-9][A-Z0-9 .,'-]{0,${max - 1}}$`)).filter((s) => !s.endsWith(' '));
  const date = fc
    .date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
  const serviceType = fc.constantFrom('1', '30', '33', '35', '47', '86', '88', '98', 'AL', 'MH', 'UC');
  const inquiry: fc.Arbitrary<EligibilityInquiry> = fc.record({
    reference: text(30),
    createdDate: date,
    createdTime: fc.stringMatching(/^([01]\d|2[0-3])[0-5]\d$/),
    payer: fc.record({ name: text(40), id: text(20).filter((s) => s.length >= 2) }),
    provider: fc.record({ name: text(40), id: fc.stringMatching(/^\d{10}$/) }),
    subscriber: fc.record({
      trace: fc.record({
        type: fc.constant('1' as const),
        number: text(30),
        originator: fc.stringMatching(/^\d{10}$/),
      }),
      memberId: text(30).filter((s) => s.length >= 2),
      lastName: text(40),
      firstName: text(30),
      dateOfBirth: fc.option(date, { nil: null }),
      dateOfService: fc.option(
        date.map((value) => ({ qualifier: '291', format: 'D8' as const, value })),
        { nil: null },
      ),
      serviceTypes: fc.array(serviceType, { minLength: 1, maxLength: 5 }),
    }),
  });
  const envelope = (id: string, functionalId: string) => ({
    senderQualifier: 'ZZ',
    senderId: 'PORTICO',
    receiverQualifier: 'ZZ',
    receiverId: 'PAYER',
    applicationSender: 'PORTICO',
    applicationReceiver: 'PAYER',
    controlNumber: 42,
    at: new Date('2026-12-03T10:00:00Z'),
    usage: 'T' as const,
    functionalId,
    guide: GUIDE_270,
    id,
  });

  it('model → X12 → model is the identity for the 270', () => {
    fc.assert(
      fc.property(inquiry, (model) => {
        const x12 = buildInterchange(envelope('270', 'HS'), [
          { id: '270', body: writeEligibilityInquiry(model) },
        ]);
        const { read, transaction, delimiters } = onlyTransaction(x12);
        assert.deepEqual(read.diagnostics, []);
        const back = readEligibilityInquiry(transaction, delimiters, isCode);
        assert.deepEqual(back.diagnostics, []);
        assert.deepEqual(plain(back.inquiry), plain(model));
      }),
      { numRuns: 200 },
    );
  });

  const amount = fc.option(
    fc.integer({ min: 0, max: 10_000_000 }).map((cents) => (cents / 100).toFixed(2)),
    { nil: null },
  );
  const response: fc.Arbitrary<EligibilityResponse> = inquiry.chain((model) =>
    fc.record({
      reference: fc.constant(model.reference),
      createdDate: fc.constant(model.createdDate),
      createdTime: fc.constant(model.createdTime),
      payer: fc.constant({ ...model.payer, rejections: [] }),
      provider: fc.constant({ ...model.provider, rejections: [] }),
      subscriber: fc.record({
        traces: fc.constant([{ ...model.subscriber.trace, type: '2' as const }]),
        memberId: fc.constant(model.subscriber.memberId),
        lastName: fc.constant(model.subscriber.lastName),
        firstName: fc.constant(model.subscriber.firstName),
        dateOfBirth: fc.constant(model.subscriber.dateOfBirth),
        gender: fc.constant(model.subscriber.dateOfBirth === null ? null : 'F'),
        references: fc.array(fc.record({ qualifier: fc.constantFrom('6P', '18'), value: text(20) }), {
          maxLength: 2,
        }),
        dates: fc.array(
          date.map((value) => ({ qualifier: '346', format: 'D8' as const, value })),
          { maxLength: 2 },
        ),
        rejections: fc.array(
          fc.record({
            valid: fc.constant('N' as const),
            reason: fc.constantFrom('72', '75', '58'),
            followUp: fc.constantFrom('C', 'N'),
          }),
          { maxLength: 1 },
        ),
        benefits: fc.array(
          fc.record({
            code: fc.constantFrom('1', '6', 'A', 'B', 'C', 'G', 'L'),
            coverageLevel: fc.option(fc.constantFrom('IND', 'FAM'), { nil: null }),
            serviceTypes: fc.array(serviceType, { maxLength: 4 }),
            insuranceType: fc.option(fc.constantFrom('HM', 'PR', 'MC'), { nil: null }),
            planDescription: fc.option(text(30), { nil: null }),
            timePeriod: fc.option(fc.constantFrom('23', '29'), { nil: null }),
            amount,
            percent: fc.option(fc.constantFrom('0', '0.1', '0.2', '0.35'), { nil: null }),
            authorizationRequired: fc.option(fc.constantFrom('Y', 'N'), { nil: null }),
            network: fc.option(fc.constantFrom('Y', 'N', 'W'), { nil: null }),
            dates: fc.array(
              date.map((value) => ({ qualifier: '292', format: 'D8' as const, value })),
              { maxLength: 1 },
            ),
            messages: fc.array(text(60), { maxLength: 2 }),
            entities: fc.array(
              fc.record({
                entity: fc.constant('P3'),
                kind: fc.constant('1' as const),
                lastName: text(30),
                firstName: fc.option(text(20), { nil: null }),
                idQualifier: fc.constant('XX'),
                id: fc.stringMatching(/^\d{10}$/),
              }),
              { maxLength: 1 },
            ),
          }),
          { maxLength: 8 },
        ),
      }),
    }),
  );

  it('model → X12 → model is the identity for the 271', () => {
    fc.assert(
      fc.property(response, (model) => {
        const x12 = buildInterchange(envelope('271', 'HB'), [
          { id: '271', body: writeEligibilityResponse(model) },
        ]);
        const { read, transaction, delimiters } = onlyTransaction(x12);
        assert.deepEqual(read.diagnostics, []);
        const back = readEligibilityResponse(transaction, delimiters, isCode);
        assert.deepEqual(back.diagnostics, []);
        assert.deepEqual(plain(back.response), plain(model));
      }),
      { numRuns: 200 },
    );
  });

  it('writes an interchange whose envelopes check out', () => {
    const x12 = buildInterchange(envelope('270', 'HS'), [
      { id: '270', body: [{ id: 'BHT', elements: ['0022', '13', 'R1', '20261203', '1000'] }] },
    ]);
    assert.equal(x12.split('\n')[0]?.length, 106);
    assert.deepEqual(readInterchange(x12).diagnostics, []);
    assert.equal(PORTICO_DELIMITERS.segment, '~');
  });
});
