import type { X12Diagnostic } from './diagnostics.ts';
import type { Delimiters } from './delimiters.ts';
import {
  dateRule,
  demographicsRule,
  headerRules,
  levelRule,
  receiverNameRule,
  sourceNameRule,
  subscriberNameRule,
  optional,
  readBeginning,
  readDate,
  readParty,
  readTrace,
  traceRule,
  writeDate,
  writeParty,
  writeTrace,
  type DateEntry,
  type Party,
  type Trace,
} from './eligibility-parts.ts';
import { readWithGuide } from './guide-reader.ts';
import { loopsWithId, segmentIn, type CodeLookup, type TransactionGuide } from './guide.ts';
import type { TransactionSet } from './interchange.ts';
import { elementOf, repeatsOf } from './tokenizer.ts';
import type { OutboundSegment } from './writer.ts';

/** The 270 guide's version (ST03, GS08). */
export const GUIDE_270 = '005010X279A1';

/** The 270 (005010X279A1) as Portico reads and writes it: one information source, receiver and subscriber. */
export const eligibilityInquiryGuide: TransactionGuide = {
  id: '270',
  version: GUIDE_270,
  header: headerRules,
  loops: [
    {
      id: '2000A',
      name: 'Information Source Level',
      required: true,
      max: 1,
      segments: [levelRule('20', 'Information Source Level')],
      loops: [
        {
          id: '2100A',
          name: 'Information Source Name',
          required: true,
          max: 1,
          segments: [sourceNameRule],
        },
        {
          id: '2000B',
          name: 'Information Receiver Level',
          required: true,
          max: 1,
          segments: [levelRule('21', 'Information Receiver Level')],
          loops: [
            {
              id: '2100B',
              name: 'Information Receiver Name',
              required: true,
              max: 1,
              segments: [
                receiverNameRule,
                { id: 'REF', name: 'Information Receiver Additional Identification', max: 9 },
                { id: 'N3', name: 'Information Receiver Address', max: 1 },
                { id: 'N4', name: 'Information Receiver City, State, ZIP Code', max: 1 },
                { id: 'PRV', name: 'Information Receiver Provider Information', max: 1 },
              ],
            },
            {
              id: '2000C',
              name: 'Subscriber Level',
              required: true,
              max: 1,
              segments: [levelRule('22', 'Subscriber Level'), traceRule],
              loops: [
                {
                  id: '2100C',
                  name: 'Subscriber Name',
                  required: true,
                  max: 1,
                  segments: [
                    subscriberNameRule,
                    { id: 'REF', name: 'Subscriber Additional Identification', max: 9 },
                    { id: 'N3', name: 'Subscriber Address', max: 1 },
                    { id: 'N4', name: 'Subscriber City, State, ZIP Code', max: 1 },
                    { id: 'PRV', name: 'Provider Information', max: 1 },
                    demographicsRule,
                    { id: 'INS', name: 'Multiple Birth Sequence Number', max: 1 },
                    { id: 'HI', name: 'Subscriber Health Care Diagnosis Code', max: 1 },
                    dateRule(2),
                  ],
                  loops: [
                    {
                      id: '2110C',
                      name: 'Subscriber Eligibility or Benefit Inquiry',
                      max: 99,
                      segments: [
                        {
                          id: 'EQ',
                          name: 'Subscriber Eligibility or Benefit Inquiry',
                          required: true,
                          max: 1,
                          elements: [
                            {
                              position: 1,
                              name: 'Service Type Code',
                              codes: { list: 'service-types' },
                              repeats: 99,
                            },
                            { position: 2, name: 'Composite Medical Procedure Identifier', composite: true },
                          ],
                        },
                        { id: 'AMT', name: 'Subscriber Spend Down Amount', max: 2 },
                        {
                          id: 'III',
                          name: 'Subscriber Eligibility or Benefit Additional Inquiry Information',
                          max: 10,
                        },
                        { id: 'REF', name: 'Subscriber Additional Information', max: 1 },
                        dateRule(1),
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

/** A 270 with one information source (the payer), receiver (the provider) and subscriber. */
export interface EligibilityInquiry {
  /** BHT03: the submitter's reference for this inquiry. */
  reference: string;
  /** BHT04 (CCYYMMDD) and BHT05 (HHMM). */
  createdDate: string;
  createdTime: string;
  payer: Party;
  /** The provider asking, by NPI (NM108 `XX`). */
  provider: Party;
  subscriber: {
    trace: Trace;
    memberId: string;
    lastName: string;
    firstName: string;
    /** DMG02, CCYYMMDD. */
    dateOfBirth: string | null;
    /** DTP*291, the plan date asked about. */
    dateOfService: DateEntry | null;
    /** One EQ loop per service type (EQ01). */
    serviceTypes: string[];
  };
}

/** The segments of a 270 between ST and SE. */
export function writeEligibilityInquiry(inquiry: EligibilityInquiry): OutboundSegment[] {
  const { subscriber } = inquiry;
  return [
    { id: 'BHT', elements: ['0022', '13', inquiry.reference, inquiry.createdDate, inquiry.createdTime] },
    { id: 'HL', elements: ['1', '', '20', '1'] },
    writeParty('PR', inquiry.payer, 'PI'),
    { id: 'HL', elements: ['2', '1', '21', '1'] },
    writeParty('1P', inquiry.provider, 'XX'),
    { id: 'HL', elements: ['3', '2', '22', '0'] },
    writeTrace(subscriber.trace),
    {
      id: 'NM1',
      elements: ['IL', '1', subscriber.lastName, subscriber.firstName, '', '', '', 'MI', subscriber.memberId],
    },
    ...(subscriber.dateOfBirth === null ? [] : [{ id: 'DMG', elements: ['D8', subscriber.dateOfBirth] }]),
    ...(subscriber.dateOfService === null ? [] : [writeDate(subscriber.dateOfService)]),
    ...subscriber.serviceTypes.map((code) => ({ id: 'EQ', elements: [code] })),
  ];
}

/** Reads a 270 against its guide; `inquiry` is null when the guide's errors leave nothing to read. */
export function readEligibilityInquiry(
  transaction: TransactionSet,
  delimiters: Delimiters,
  isCode: CodeLookup,
): { inquiry: EligibilityInquiry | null; diagnostics: X12Diagnostic[] } {
  const { header, loops, diagnostics } = readWithGuide(
    transaction,
    eligibilityInquiryGuide,
    delimiters,
    isCode,
  );
  const bht = header.find((segment) => segment.id === 'BHT');
  const source = loopsWithId(loops, '2100A')[0];
  const receiver = loopsWithId(loops, '2100B')[0];
  const level = loopsWithId(loops, '2000C')[0];
  const name = loopsWithId(loops, '2100C')[0];
  const trn = level ? segmentIn(level, 'TRN') : undefined;
  const nm1 = name ? segmentIn(name, 'NM1') : undefined;
  if (!bht || !name || !nm1 || !trn) return { inquiry: null, diagnostics };
  const dmg = segmentIn(name, 'DMG');
  const dtp = segmentIn(name, 'DTP', { position: 1, value: '291' });
  const inquiry: EligibilityInquiry = {
    ...readBeginning(bht),
    payer: readParty(source?.segments[0]),
    provider: readParty(receiver?.segments[0]),
    subscriber: {
      trace: readTrace(trn),
      memberId: elementOf(nm1, 9),
      lastName: elementOf(nm1, 3),
      firstName: elementOf(nm1, 4),
      dateOfBirth: dmg ? optional(elementOf(dmg, 2)) : null,
      dateOfService: dtp ? readDate(dtp) : null,
      serviceTypes: loopsWithId(name.loops, '2110C').flatMap((loop) =>
        loop.segments[0] ? repeatsOf(elementOf(loop.segments[0], 1), delimiters) : [],
      ),
    },
  };
  return { inquiry, diagnostics };
}
