import {
  levelRule,
  nameRule,
  readParty,
  subscriberNameRule,
  writeParty,
  type DateEntry,
  type Party,
  type Trace,
} from './eligibility-parts.ts';
import type { Delimiters } from './delimiters.ts';
import { loopsWithId, type LoopNode, type LoopRule, type SegmentRule } from './guide.ts';
import { componentsOf, elementOf, type Segment } from './tokenizer.ts';
import type { OutboundSegment } from './writer.ts';

// Segment rules and values the 276 and 277 guides (005010X212) share.

/** ST and BHT: BHT01 `0010` (information source, receiver, provider, subscriber), BHT02 the purpose. */
export const claimStatusHeaderRules = (purpose: '13' | '08'): readonly SegmentRule[] => [
  { id: 'ST', name: 'Transaction Set Header', required: true, max: 1 },
  {
    id: 'BHT',
    name: 'Beginning of Hierarchical Transaction',
    required: true,
    max: 1,
    elements: [
      { position: 1, name: 'Hierarchical Structure Code', required: true, codes: ['0010'] },
      { position: 2, name: 'Transaction Set Purpose Code', required: true, codes: [purpose] },
      { position: 3, name: 'Reference Identification', required: true, maxLength: 50 },
      { position: 4, name: 'Date', required: true, format: 'date' },
      { position: 5, name: 'Time', format: 'time' },
      ...(purpose === '08'
        ? [{ position: 6, name: 'Transaction Type Code', required: true, codes: ['DG'] }]
        : []),
    ],
  },
];

export const payerNameRule = nameRule(['PR'], 'Payer Name');
export const informationReceiverNameRule = nameRule(['41'], 'Information Receiver Name');
export const serviceProviderNameRule = nameRule(['1P'], 'Provider Name');

/** TRN: the claim status tracking number (TRN01 `1` asked, `2` answered). */
export const trackingRule = (type: '1' | '2'): SegmentRule => ({
  id: 'TRN',
  name: 'Claim Status Tracking Number',
  required: true,
  max: 1,
  elements: [
    { position: 1, name: 'Trace Type Code', required: true, codes: [type] },
    { position: 2, name: 'Reference Identification', required: true, maxLength: 50 },
  ],
});

/** REF, recognised by its qualifier (REF01): `1K` payer claim number, `EJ` patient account, `BLT` bill type. */
export const referenceRule = (qualifier: string, name: string): SegmentRule => ({
  id: 'REF',
  name,
  max: 1,
  match: { position: 1, values: [qualifier] },
  elements: [{ position: 2, name: 'Reference Identification', required: true, maxLength: 50 }],
});

/** DTP*472: the claim's or line's dates of service. */
export const serviceDateRule: SegmentRule = {
  id: 'DTP',
  name: 'Service Date',
  max: 1,
  elements: [
    { position: 1, name: 'Date Time Qualifier', required: true, codes: ['472'] },
    { position: 2, name: 'Date Time Period Format Qualifier', required: true, codes: ['D8', 'RD8'] },
    { position: 3, name: 'Date Time Period', required: true, format: 'date' },
  ],
};

/** SVC: a service line, its procedure (HC:99213), charge and (in a 277) payment. */
export const serviceLineRule = (paid: boolean): SegmentRule => ({
  id: 'SVC',
  name: 'Service Line Information',
  required: true,
  max: 1,
  elements: [
    { position: 1, name: 'Composite Medical Procedure Identifier', required: true, composite: true },
    { position: 2, name: 'Line Item Charge Amount', required: true, format: 'decimal', maxLength: 18 },
    {
      position: 3,
      name: 'Line Item Provider Payment Amount',
      required: paid,
      format: 'decimal',
      maxLength: 18,
    },
    { position: 7, name: 'Original Units of Service Count', format: 'decimal', maxLength: 15 },
  ],
});

/** The claim's identifiers as both transactions carry them. */
export interface ClaimReferences {
  /** REF*1K: the payer's claim control number. */
  payerClaimNumber: string | null;
  /** REF*EJ: the provider's patient account (control) number. */
  patientAccountNumber: string | null;
}

export const writeReference = (qualifier: string, value: string | null): OutboundSegment[] =>
  value === null ? [] : [{ id: 'REF', elements: [qualifier, value] }];

export const readReference = (segments: readonly Segment[], qualifier: string): string | null => {
  const found = segments.find((segment) => segment.id === 'REF' && elementOf(segment, 1) === qualifier);
  return found ? elementOf(found, 2) : null;
};

/** A 276 or 277 tracking number: TRN01 and TRN02 only (no originator, unlike the 270's). */
export const writeTracking = (trace: Pick<Trace, 'type' | 'number'>): OutboundSegment => ({
  id: 'TRN',
  elements: [trace.type, trace.number],
});

/** The procedure of a service line: its qualifier (`HC`, `AD`, `NU`…), code and up to four modifiers. */
export interface Procedure {
  qualifier: string;
  code: string;
  modifiers: string[];
}

export const readProcedure = (value: string, delimiters: Delimiters): Procedure => {
  const [qualifier = '', code = '', ...modifiers] = componentsOf(value, delimiters);
  return { qualifier, code, modifiers: modifiers.slice(0, 4) };
};

export const procedureComponents = (procedure: Procedure): string[] => [
  procedure.qualifier,
  procedure.code,
  ...procedure.modifiers,
];

export const writeServiceDate = (entry: DateEntry): OutboundSegment => ({
  id: 'DTP',
  elements: ['472', entry.format, entry.value],
});

/**
 * The loops both guides nest the same way: the payer (2000A/2100A), the information receiver (2000B/2100B), the
 * service provider (2000C/2100C) and the subscriber (2000D/2100D), with the claim loop (2200D) under the
 * subscriber. What differs is passed in: the payer's further segments, the subscriber level's, and the claim loop.
 */
export function claimStatusLoops(parts: {
  payer: readonly SegmentRule[];
  subscriberLevel: readonly SegmentRule[];
  claim: LoopRule;
}): LoopRule[] {
  const named = (
    id: string,
    name: string,
    rule: SegmentRule,
    more: readonly SegmentRule[] = [],
  ): LoopRule => ({
    id,
    name,
    required: true,
    max: 1,
    segments: [rule, ...more],
  });
  const subscriber: LoopRule = {
    id: '2000D',
    name: 'Subscriber Level',
    required: true,
    max: 1,
    segments: [levelRule('22', 'Subscriber Level'), ...parts.subscriberLevel],
    loops: [named('2100D', 'Subscriber Name', subscriberNameRule), parts.claim],
  };
  const provider: LoopRule = {
    id: '2000C',
    name: 'Service Provider Level',
    required: true,
    max: 1,
    segments: [levelRule('19', 'Service Provider Level')],
    loops: [named('2100C', 'Provider Name', serviceProviderNameRule), subscriber],
  };
  const receiver: LoopRule = {
    id: '2000B',
    name: 'Information Receiver Level',
    required: true,
    max: 1,
    segments: [levelRule('21', 'Information Receiver Level')],
    loops: [named('2100B', 'Information Receiver Name', informationReceiverNameRule), provider],
  };
  return [
    {
      id: '2000A',
      name: 'Information Source Level',
      required: true,
      max: 1,
      segments: [levelRule('20', 'Information Source Level')],
      loops: [named('2100A', 'Payer Name', payerNameRule, parts.payer), receiver],
    },
  ];
}

/** The three parties both transactions name above the subscriber. */
export interface ClaimStatusParties {
  payer: Party;
  /** The information receiver (NM1*41, ETIN `46`). */
  receiver: Party;
  /** The service provider, by NPI (NM108 `XX`). */
  provider: Party;
}

/** HL 1 to 4 with the payer, receiver and provider names: the segments both transactions open with after BHT. */
export const writeClaimStatusParties = (parties: ClaimStatusParties): OutboundSegment[] => [
  { id: 'HL', elements: ['1', '', '20', '1'] },
  writeParty('PR', parties.payer, 'PI'),
  { id: 'HL', elements: ['2', '1', '21', '1'] },
  writeParty('41', parties.receiver, '46'),
  { id: 'HL', elements: ['3', '2', '19', '1'] },
  writeParty('1P', parties.provider, 'XX'),
  { id: 'HL', elements: ['4', '3', '22', '0'] },
];

export const readClaimStatusParties = (loops: readonly LoopNode[]): ClaimStatusParties => ({
  payer: readParty(loopsWithId(loops, '2100A')[0]?.segments[0]),
  receiver: readParty(loopsWithId(loops, '2100B')[0]?.segments[0]),
  provider: readParty(loopsWithId(loops, '2100C')[0]?.segments[0]),
});
