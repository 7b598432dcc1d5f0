import type { ElementRule, SegmentRule } from './guide.ts';
import { elementOf, type Segment } from './tokenizer.ts';
import type { OutboundSegment } from './writer.ts';

// Segment rules the 270 and 271 guides (005010X279A1) share.

const nm1Elements: readonly ElementRule[] = [
  { position: 1, name: 'Entity Identifier Code', required: true },
  { position: 2, name: 'Entity Type Qualifier', required: true, codes: ['1', '2'] },
  { position: 3, name: 'Name Last or Organization Name', maxLength: 60 },
  { position: 4, name: 'Name First', maxLength: 35 },
  { position: 8, name: 'Identification Code Qualifier', maxLength: 2 },
  { position: 9, name: 'Identification Code', minLength: 2, maxLength: 80 },
];

/** An NM1 recognised by its entity code (NM101). */
export const nameRule = (codes: readonly string[], name: string): SegmentRule => ({
  id: 'NM1',
  name,
  required: true,
  max: 1,
  match: { position: 1, values: codes },
  elements: nm1Elements,
});

/** The three names both guides read: the information source (payer), the receiver (provider), the subscriber. */
export const sourceNameRule = nameRule(['PR', '2B', '36', 'GP', 'P5'], 'Information Source Name');
export const receiverNameRule = nameRule(
  ['1P', '2B', '36', '80', 'FA', 'GP', 'P5', 'PR'],
  'Information Receiver Name',
);
export const subscriberNameRule = nameRule(['IL'], 'Subscriber Name');

/** An HL recognised by its level code (HL03: 20 source, 21 receiver, 22 subscriber, 23 dependent). */
export const levelRule = (code: string, name: string): SegmentRule => ({
  id: 'HL',
  name,
  required: true,
  max: 1,
  match: { position: 3, values: [code] },
  elements: [
    { position: 1, name: 'Hierarchical ID Number', required: true, format: 'digits', maxLength: 12 },
    { position: 3, name: 'Hierarchical Level Code', required: true },
    { position: 4, name: 'Hierarchical Child Code', codes: ['0', '1'] },
  ],
});

export const dateRule = (max: number): SegmentRule => ({
  id: 'DTP',
  name: 'Date or Time Period',
  max,
  elements: [
    { position: 1, name: 'Date Time Qualifier', required: true, maxLength: 3 },
    { position: 2, name: 'Date Time Period Format Qualifier', required: true, codes: ['D8', 'RD8'] },
    { position: 3, name: 'Date Time Period', required: true, format: 'date' },
  ],
});

/** DMG: the subscriber's date of birth (D8) and gender. */
export const demographicsRule: SegmentRule = {
  id: 'DMG',
  name: 'Subscriber Demographic Information',
  max: 1,
  elements: [
    { position: 1, name: 'Date Time Period Format Qualifier', required: true, codes: ['D8'] },
    { position: 2, name: 'Date Time Period', required: true, format: 'date' },
    { position: 3, name: 'Gender Code', codes: ['F', 'M', 'U'] },
  ],
};

export const traceRule: SegmentRule = {
  id: 'TRN',
  name: 'Subscriber Trace Number',
  max: 3,
  elements: [
    { position: 1, name: 'Trace Type Code', required: true, codes: ['1', '2'] },
    { position: 2, name: 'Reference Identification', required: true, maxLength: 50 },
    { position: 3, name: 'Originating Company Identifier', required: true, minLength: 10, maxLength: 10 },
  ],
};

export const headerRules: readonly SegmentRule[] = [
  { id: 'ST', name: 'Transaction Set Header', required: true, max: 1 },
  {
    id: 'BHT',
    name: 'Beginning of Hierarchical Transaction',
    required: true,
    max: 1,
    elements: [
      { position: 1, name: 'Hierarchical Structure Code', required: true, codes: ['0022'] },
      { position: 2, name: 'Transaction Set Purpose Code', required: true, codes: ['01', '11', '13'] },
      { position: 3, name: 'Reference Identification', maxLength: 50 },
      { position: 4, name: 'Date', required: true, format: 'date' },
      { position: 5, name: 'Time', required: true, format: 'time' },
    ],
  },
];

/** A party as both transactions name it: an organization (or person) and its identifier. */
export interface Party {
  name: string;
  id: string;
}

/** A date or range as DTP carries it: `D8` one day (CCYYMMDD) or `RD8` a range (CCYYMMDD-CCYYMMDD). */
export interface DateEntry {
  qualifier: string;
  format: 'D8' | 'RD8';
  value: string;
}

/** A trace number (TRN): who assigned it and the number. */
export interface Trace {
  type: '1' | '2';
  number: string;
  originator: string;
}

export const writeParty = (entity: string, party: Party, idQualifier: string): OutboundSegment => ({
  id: 'NM1',
  elements: [entity, '2', party.name, '', '', '', '', idQualifier, party.id],
});

export const readParty = (segment: Segment | undefined): Party => ({
  name: segment ? elementOf(segment, 3) : '',
  id: segment ? elementOf(segment, 9) : '',
});

export const writeDate = (entry: DateEntry): OutboundSegment => ({
  id: 'DTP',
  elements: [entry.qualifier, entry.format, entry.value],
});

export const readDate = (segment: Segment): DateEntry => ({
  qualifier: elementOf(segment, 1),
  format: elementOf(segment, 2) === 'RD8' ? 'RD8' : 'D8',
  value: elementOf(segment, 3),
});

export const writeTrace = (trace: Trace): OutboundSegment => ({
  id: 'TRN',
  elements: [trace.type, trace.number, trace.originator],
});

export const readTrace = (segment: Segment): Trace => ({
  type: elementOf(segment, 1) === '2' ? '2' : '1',
  number: elementOf(segment, 2),
  originator: elementOf(segment, 3),
});

/** `''` as null, for optional elements. */
export const optional = (value: string): string | null => (value === '' ? null : value);

/** BHT03 to BHT05, as both transactions carry them: the reference and when the transaction was made. */
export const readBeginning = (bht: Segment) => ({
  reference: elementOf(bht, 3),
  createdDate: elementOf(bht, 4),
  createdTime: elementOf(bht, 5),
});
