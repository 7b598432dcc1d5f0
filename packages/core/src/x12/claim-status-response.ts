import type { X12Diagnostic } from './diagnostics.ts';
import type { Delimiters } from './delimiters.ts';
import {
  claimStatusHeaderRules,
  claimStatusLoops,
  readClaimStatusParties,
  writeClaimStatusParties,
  type ClaimStatusParties,
  procedureComponents,
  readProcedure,
  readReference,
  referenceRule,
  serviceDateRule,
  serviceLineRule,
  trackingRule,
  writeReference,
  writeServiceDate,
  writeTracking,
  type ClaimReferences,
  type Procedure,
} from './claim-status-parts.ts';
import { GUIDE_276 } from './claim-status-request.ts';
import { optional, readBeginning, readDate, type DateEntry } from './eligibility-parts.ts';
import { readWithGuide } from './guide-reader.ts';
import {
  loopsWithId,
  segmentIn,
  type CodeLookup,
  type LoopNode,
  type SegmentRule,
  type TransactionGuide,
} from './guide.ts';
import type { TransactionSet } from './interchange.ts';
import { componentsOf, elementOf, type Segment } from './tokenizer.ts';
import type { OutboundSegment } from './writer.ts';

/** STC: one status of a claim or line (STC01 category, code and entity; dates, amounts and the payment). */
const statusRule = (name: string): SegmentRule => ({
  id: 'STC',
  name,
  required: true,
  max: 99,
  elements: [
    {
      position: 1,
      name: 'Health Care Claim Status',
      required: true,
      composite: true,
      codes: { list: 'claim-status-categories' },
    },
    { position: 2, name: 'Status Information Effective Date', required: true, format: 'date' },
    { position: 4, name: 'Total Claim Charge Amount', format: 'decimal', maxLength: 18 },
    { position: 5, name: 'Claim Payment Amount', format: 'decimal', maxLength: 18 },
    { position: 6, name: 'Adjudication or Payment Date', format: 'date' },
    { position: 7, name: 'Payment Method Code', codes: ['ACH', 'BOP', 'CHK', 'FWT', 'NON'] },
    { position: 8, name: 'Check Issue or EFT Effective Date', format: 'date' },
    { position: 9, name: 'Check or EFT Trace Number', maxLength: 16 },
    {
      position: 10,
      name: 'Health Care Claim Status',
      composite: true,
      codes: { list: 'claim-status-categories' },
    },
    {
      position: 11,
      name: 'Health Care Claim Status',
      composite: true,
      codes: { list: 'claim-status-categories' },
    },
  ],
});

/** The 277 (005010X212) as Portico reads and writes it: one payer, receiver, provider and subscriber, any claims. */
export const claimStatusResponseGuide: TransactionGuide = {
  id: '277',
  version: GUIDE_276,
  header: claimStatusHeaderRules('08'),
  loops: claimStatusLoops({
    payer: [{ id: 'PER', name: 'Payer Contact Information', max: 1 }],
    subscriberLevel: [],
    claim: {
      id: '2200D',
      name: 'Claim Status Tracking Number',
      required: true,
      max: 99,
      segments: [
        trackingRule('2'),
        statusRule('Claim Level Status Information'),
        referenceRule('1K', 'Payer Claim Control Number'),
        referenceRule('BLT', 'Institutional Bill Type Identification'),
        referenceRule('EA', 'Patient Control Number'),
        referenceRule('EJ', 'Patient Control Number'),
        referenceRule('XZ', 'Pharmacy Prescription Number'),
        referenceRule('VV', 'Voucher Identifier'),
        referenceRule('D9', 'Clearinghouse Trace Number'),
        serviceDateRule,
      ],
      loops: [
        {
          id: '2220D',
          name: 'Service Line Information',
          max: 99,
          segments: [
            serviceLineRule(true),
            statusRule('Service Line Level Status Information'),
            referenceRule('FJ', 'Service Line Item Identification'),
            serviceDateRule,
          ],
        },
      ],
    },
  }),
};

/** One STC: the status (category, code, entity), its date, and for a claim the amounts and the payment. */
export interface ClaimStatusInfo {
  category: string;
  code: string;
  /** STC01-3: the entity the status is about (`IL` subscriber, `1P` provider…), when the code needs one. */
  entity: string | null;
  effectiveDate: string;
  /** X12 decimals, as sent. */
  totalCharge: string | null;
  payment: string | null;
  adjudicationDate: string | null;
  /** STC07: `CHK` check, `ACH` EFT, `NON` no payment… */
  paymentMethod: string | null;
  paymentDate: string | null;
  /** STC09: the check number or EFT trace. */
  paymentTrace: string | null;
  /** STC10 and STC11: further statuses of the same claim. */
  more: { category: string; code: string; entity: string | null }[];
}

export interface ServiceLineStatus {
  procedure: Procedure;
  charge: string;
  payment: string;
  units: string | null;
  statuses: ClaimStatusInfo[];
  lineItemNumber: string | null;
  serviceDate: DateEntry | null;
}

export interface ClaimStatusEntry extends ClaimReferences {
  trackingNumber: string;
  statuses: ClaimStatusInfo[];
  serviceDates: DateEntry | null;
  lines: ServiceLineStatus[];
}

/** A 277: the payer's answer for one subscriber's claims. */
export interface ClaimStatusResponse extends ClaimStatusParties {
  reference: string;
  createdDate: string;
  createdTime: string;
  subscriber: { memberId: string; lastName: string; firstName: string };
  claims: ClaimStatusEntry[];
}

const statusComposite = (category: string, code: string, entity: string | null) => ({
  components: entity === null ? [category, code] : [category, code, entity],
});

function writeStatus(status: ClaimStatusInfo): OutboundSegment {
  const [second, third] = status.more;
  return {
    id: 'STC',
    elements: [
      statusComposite(status.category, status.code, status.entity),
      status.effectiveDate,
      '',
      status.totalCharge ?? '',
      status.payment ?? '',
      status.adjudicationDate ?? '',
      status.paymentMethod ?? '',
      status.paymentDate ?? '',
      status.paymentTrace ?? '',
      second ? statusComposite(second.category, second.code, second.entity) : '',
      third ? statusComposite(third.category, third.code, third.entity) : '',
    ],
  };
}

function readComposite(value: string, delimiters: Delimiters) {
  const [category = '', code = '', entity = ''] = componentsOf(value, delimiters);
  return { category, code, entity: optional(entity) };
}

function readStatus(segment: Segment, delimiters: Delimiters): ClaimStatusInfo {
  const extra = [10, 11]
    .map((position) => elementOf(segment, position))
    .filter((value) => value !== '')
    .map((value) => readComposite(value, delimiters));
  return {
    ...readComposite(elementOf(segment, 1), delimiters),
    effectiveDate: elementOf(segment, 2),
    totalCharge: optional(elementOf(segment, 4)),
    payment: optional(elementOf(segment, 5)),
    adjudicationDate: optional(elementOf(segment, 6)),
    paymentMethod: optional(elementOf(segment, 7)),
    paymentDate: optional(elementOf(segment, 8)),
    paymentTrace: optional(elementOf(segment, 9)),
    more: extra,
  };
}

/** The segments of a 277 between ST and SE. */
export function writeClaimStatusResponse(response: ClaimStatusResponse): OutboundSegment[] {
  const { subscriber } = response;
  return [
    {
      id: 'BHT',
      elements: ['0010', '08', response.reference, response.createdDate, response.createdTime, 'DG'],
    },
    ...writeClaimStatusParties(response),
    {
      id: 'NM1',
      elements: ['IL', '1', subscriber.lastName, subscriber.firstName, '', '', '', 'MI', subscriber.memberId],
    },
    ...response.claims.flatMap((claim) => [
      writeTracking({ type: '2', number: claim.trackingNumber }),
      ...claim.statuses.map(writeStatus),
      ...writeReference('1K', claim.payerClaimNumber),
      ...writeReference('EJ', claim.patientAccountNumber),
      ...(claim.serviceDates ? [writeServiceDate(claim.serviceDates)] : []),
      ...claim.lines.flatMap((line) => [
        {
          id: 'SVC',
          elements: [
            { components: procedureComponents(line.procedure) },
            line.charge,
            line.payment,
            '',
            '',
            '',
            line.units ?? '',
          ],
        },
        ...line.statuses.map(writeStatus),
        ...writeReference('FJ', line.lineItemNumber),
        ...(line.serviceDate ? [writeServiceDate(line.serviceDate)] : []),
      ]),
    ]),
  ];
}

function readClaim(node: LoopNode, delimiters: Delimiters): ClaimStatusEntry | null {
  const trn = segmentIn(node, 'TRN');
  if (!trn) return null;
  const dtp = segmentIn(node, 'DTP');
  return {
    trackingNumber: elementOf(trn, 2),
    statuses: node.segments.filter((s) => s.id === 'STC').map((s) => readStatus(s, delimiters)),
    payerClaimNumber: readReference(node.segments, '1K'),
    patientAccountNumber: readReference(node.segments, 'EJ'),
    serviceDates: dtp ? readDate(dtp) : null,
    lines: loopsWithId(node.loops, '2220D').flatMap((line) => {
      const svc = segmentIn(line, 'SVC');
      if (!svc) return [];
      const date = segmentIn(line, 'DTP');
      return [
        {
          procedure: readProcedure(elementOf(svc, 1), delimiters),
          charge: elementOf(svc, 2),
          payment: elementOf(svc, 3),
          units: optional(elementOf(svc, 7)),
          statuses: line.segments.filter((s) => s.id === 'STC').map((s) => readStatus(s, delimiters)),
          lineItemNumber: readReference(line.segments, 'FJ'),
          serviceDate: date ? readDate(date) : null,
        },
      ];
    }),
  };
}

/** Reads a 277 against its guide; `response` is null when the guide's errors leave nothing to read. */
export function readClaimStatusResponse(
  transaction: TransactionSet,
  delimiters: Delimiters,
  isCode: CodeLookup,
): { response: ClaimStatusResponse | null; diagnostics: X12Diagnostic[] } {
  const { header, loops, diagnostics } = readWithGuide(
    transaction,
    claimStatusResponseGuide,
    delimiters,
    isCode,
  );
  const bht = header.find((segment) => segment.id === 'BHT');
  const name = loopsWithId(loops, '2100D')[0];
  const nm1 = name ? segmentIn(name, 'NM1') : undefined;
  if (!bht || !nm1) return { response: null, diagnostics };
  const response: ClaimStatusResponse = {
    ...readBeginning(bht),
    ...readClaimStatusParties(loops),
    subscriber: { memberId: elementOf(nm1, 9), lastName: elementOf(nm1, 3), firstName: elementOf(nm1, 4) },
    claims: loopsWithId(loops, '2200D').flatMap((node) => readClaim(node, delimiters) ?? []),
  };
  return { response, diagnostics };
}
