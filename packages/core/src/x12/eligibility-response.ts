import type { X12Diagnostic } from './diagnostics.ts';
import type { Delimiters } from './delimiters.ts';
import {
  optional,
  readBeginning,
  readDate,
  readParty,
  readTrace,
  writeDate,
  writeParty,
  writeTrace,
  type DateEntry,
  type Party,
  type Trace,
} from './eligibility-parts.ts';
import { eligibilityResponseGuide } from './eligibility-response-guide.ts';
import { readWithGuide } from './guide-reader.ts';
import { loopsWithId, segmentIn, type CodeLookup, type LoopNode } from './guide.ts';
import type { TransactionSet } from './interchange.ts';
import { elementOf, repeatsOf, type Segment } from './tokenizer.ts';
import type { OutboundSegment } from './writer.ts';

/** An AAA: the payer could not answer (or not fully), why, and what to do next. */
export interface Rejection {
  valid: 'Y' | 'N';
  reason: string;
  followUp: string;
}

/** A person or organization a benefit names (2120C): the PCP (`P3`), another payer (`PRP`) ... */
export interface RelatedEntity {
  entity: string;
  kind: '1' | '2';
  lastName: string;
  firstName: string | null;
  idQualifier: string | null;
  id: string | null;
}

/** One EB with what belongs to it (its dates, messages and named entities), codes as the payer sent them. */
export interface Benefit {
  code: string;
  coverageLevel: string | null;
  serviceTypes: string[];
  insuranceType: string | null;
  planDescription: string | null;
  timePeriod: string | null;
  /** EB07 as a decimal string (`1500`, `25.00`); core's eligibility rules turn it into cents. */
  amount: string | null;
  /** EB08 as a decimal string (`0.2` = 20 %). */
  percent: string | null;
  authorizationRequired: string | null;
  network: string | null;
  dates: DateEntry[];
  messages: string[];
  entities: RelatedEntity[];
}

export interface EligibilitySubscriber {
  traces: Trace[];
  memberId: string;
  lastName: string;
  firstName: string;
  dateOfBirth: string | null;
  gender: string | null;
  /** REF by qualifier (`6P` group number, `18` plan number ...). */
  references: { qualifier: string; value: string }[];
  dates: DateEntry[];
  rejections: Rejection[];
  benefits: Benefit[];
}

/** A 271 answering one subscriber; `subscriber` is null when the payer rejected the inquiry above that level. */
export interface EligibilityResponse {
  reference: string;
  createdDate: string;
  createdTime: string;
  payer: Party & { rejections: Rejection[] };
  provider: (Party & { rejections: Rejection[] }) | null;
  subscriber: EligibilitySubscriber | null;
}

const writeRejections = (rejections: readonly Rejection[]): OutboundSegment[] =>
  rejections.map((entry) => ({ id: 'AAA', elements: [entry.valid, '', entry.reason, entry.followUp] }));

const readRejections = (segments: readonly Segment[]): Rejection[] =>
  segments
    .filter((segment) => segment.id === 'AAA')
    .map((segment) => ({
      valid: elementOf(segment, 1) === 'Y' ? 'Y' : 'N',
      reason: elementOf(segment, 3),
      followUp: elementOf(segment, 4),
    }));

function writeBenefit(benefit: Benefit): OutboundSegment[] {
  const eb: OutboundSegment = {
    id: 'EB',
    elements: [
      benefit.code,
      benefit.coverageLevel ?? '',
      benefit.serviceTypes.length > 1 ? { repeats: benefit.serviceTypes } : (benefit.serviceTypes[0] ?? ''),
      benefit.insuranceType ?? '',
      benefit.planDescription ?? '',
      benefit.timePeriod ?? '',
      benefit.amount ?? '',
      benefit.percent ?? '',
      '',
      '',
      benefit.authorizationRequired ?? '',
      benefit.network ?? '',
    ],
  };
  const entities: OutboundSegment[] = benefit.entities.map((entity) => ({
    id: 'NM1',
    elements: [
      entity.entity,
      entity.kind,
      entity.lastName,
      entity.firstName ?? '',
      '',
      '',
      '',
      entity.idQualifier ?? '',
      entity.id ?? '',
    ],
  }));
  return [
    eb,
    ...benefit.dates.map(writeDate),
    ...benefit.messages.map((text) => ({ id: 'MSG', elements: [text] })),
    ...(entities.length > 0
      ? [{ id: 'LS', elements: ['2120'] }, ...entities, { id: 'LE', elements: ['2120'] }]
      : []),
  ];
}

/** The segments of a 271 between ST and SE. */
export function writeEligibilityResponse(response: EligibilityResponse): OutboundSegment[] {
  const out: OutboundSegment[] = [
    { id: 'BHT', elements: ['0022', '11', response.reference, response.createdDate, response.createdTime] },
    { id: 'HL', elements: ['1', '', '20', response.provider ? '1' : '0'] },
    writeParty('PR', response.payer, 'PI'),
    ...writeRejections(response.payer.rejections),
  ];
  if (!response.provider) return out;
  out.push({ id: 'HL', elements: ['2', '1', '21', response.subscriber ? '1' : '0'] });
  out.push(writeParty('1P', response.provider, 'XX'), ...writeRejections(response.provider.rejections));
  const subscriber = response.subscriber;
  if (!subscriber) return out;
  out.push({ id: 'HL', elements: ['3', '2', '22', '0'] }, ...subscriber.traces.map(writeTrace));
  out.push({
    id: 'NM1',
    elements: ['IL', '1', subscriber.lastName, subscriber.firstName, '', '', '', 'MI', subscriber.memberId],
  });
  out.push(...subscriber.references.map((ref) => ({ id: 'REF', elements: [ref.qualifier, ref.value] })));
  out.push(...writeRejections(subscriber.rejections));
  if (subscriber.dateOfBirth !== null)
    out.push({ id: 'DMG', elements: ['D8', subscriber.dateOfBirth, subscriber.gender ?? ''] });
  out.push(...subscriber.dates.map(writeDate));
  for (const benefit of subscriber.benefits) out.push(...writeBenefit(benefit));
  return out;
}

function readBenefit(loop: LoopNode, delimiters: Delimiters): Benefit {
  const eb = loop.segments[0];
  const get = (position: number) => (eb ? optional(elementOf(eb, position)) : null);
  return {
    code: get(1) ?? '',
    coverageLevel: get(2),
    serviceTypes: eb ? repeatsOf(elementOf(eb, 3), delimiters) : [],
    insuranceType: get(4),
    planDescription: get(5),
    timePeriod: get(6),
    amount: get(7),
    percent: get(8),
    authorizationRequired: get(11),
    network: get(12),
    dates: loop.segments.filter((segment) => segment.id === 'DTP').map(readDate),
    messages: loop.segments.filter((segment) => segment.id === 'MSG').map((segment) => elementOf(segment, 1)),
    entities: loopsWithId(loop.loops, '2120C').flatMap((entity) => {
      const nm1 = entity.segments[0];
      if (!nm1) return [];
      return [
        {
          entity: elementOf(nm1, 1),
          kind: elementOf(nm1, 2) === '1' ? '1' : '2',
          lastName: elementOf(nm1, 3),
          firstName: optional(elementOf(nm1, 4)),
          idQualifier: optional(elementOf(nm1, 8)),
          id: optional(elementOf(nm1, 9)),
        },
      ];
    }),
  };
}

/** Reads a 271 against its guide; `response` is null when there is no information source to read. */
export function readEligibilityResponse(
  transaction: TransactionSet,
  delimiters: Delimiters,
  isCode: CodeLookup,
): { response: EligibilityResponse | null; diagnostics: X12Diagnostic[] } {
  const { header, loops, diagnostics } = readWithGuide(
    transaction,
    eligibilityResponseGuide,
    delimiters,
    isCode,
  );
  const bht = header.find((segment) => segment.id === 'BHT');
  const sourceLevel = loopsWithId(loops, '2000A')[0];
  const source = loopsWithId(loops, '2100A')[0];
  if (!bht || !sourceLevel || !source) return { response: null, diagnostics };
  const receiver = loopsWithId(loops, '2100B')[0];
  const level = loopsWithId(loops, '2000C')[0];
  const name = loopsWithId(loops, '2100C')[0];
  const nm1 = name ? segmentIn(name, 'NM1') : undefined;
  const dmg = name ? segmentIn(name, 'DMG') : undefined;
  const subscriber: EligibilitySubscriber | null =
    level && name && nm1
      ? {
          traces: level.segments.filter((segment) => segment.id === 'TRN').map(readTrace),
          memberId: elementOf(nm1, 9),
          lastName: elementOf(nm1, 3),
          firstName: elementOf(nm1, 4),
          dateOfBirth: dmg ? optional(elementOf(dmg, 2)) : null,
          gender: dmg ? optional(elementOf(dmg, 3)) : null,
          references: name.segments
            .filter((segment) => segment.id === 'REF')
            .map((segment) => ({ qualifier: elementOf(segment, 1), value: elementOf(segment, 2) })),
          dates: name.segments.filter((segment) => segment.id === 'DTP').map(readDate),
          rejections: readRejections(name.segments),
          benefits: loopsWithId(name.loops, '2110C').map((loop) => readBenefit(loop, delimiters)),
        }
      : null;
  const response: EligibilityResponse = {
    ...readBeginning(bht),
    payer: {
      ...readParty(source.segments[0]),
      rejections: [...readRejections(sourceLevel.segments), ...readRejections(source.segments)],
    },
    provider: receiver
      ? { ...readParty(receiver.segments[0]), rejections: readRejections(receiver.segments) }
      : null,
    subscriber,
  };
  return { response, diagnostics };
}
