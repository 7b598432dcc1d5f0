import type { X12Diagnostic } from './diagnostics.ts';
import type { Delimiters } from './delimiters.ts';
import {
  claimStatusHeaderRules,
  claimStatusLoops,
  readClaimStatusParties,
  writeClaimStatusParties,
  type ClaimStatusParties,
  readReference,
  referenceRule,
  serviceDateRule,
  serviceLineRule,
  trackingRule,
  writeReference,
  writeServiceDate,
  writeTracking,
  type ClaimReferences,
} from './claim-status-parts.ts';
import { demographicsRule, optional, readBeginning, readDate, type DateEntry } from './eligibility-parts.ts';
import { readWithGuide } from './guide-reader.ts';
import { loopsWithId, segmentIn, type CodeLookup, type TransactionGuide } from './guide.ts';
import type { TransactionSet } from './interchange.ts';
import { elementOf } from './tokenizer.ts';
import type { OutboundSegment } from './writer.ts';

/** The 276/277 guide's version (ST03, GS08). */
export const GUIDE_276 = '005010X212';

/** The 276 (005010X212) as Portico reads and writes it: one payer, receiver, provider, subscriber and claim. */
export const claimStatusRequestGuide: TransactionGuide = {
  id: '276',
  version: GUIDE_276,
  header: claimStatusHeaderRules('13'),
  loops: claimStatusLoops({
    payer: [],
    subscriberLevel: [demographicsRule],
    claim: {
      id: '2200D',
      name: 'Claim Status Tracking Number',
      required: true,
      max: 1,
      segments: [
        trackingRule('1'),
        referenceRule('1K', 'Payer Claim Control Number'),
        referenceRule('BLT', 'Institutional Bill Type Identification'),
        referenceRule('LU', 'Application or Location System Identifier'),
        referenceRule('6P', 'Group Number'),
        referenceRule('EA', 'Patient Control Number'),
        referenceRule('EJ', 'Patient Control Number'),
        referenceRule('XZ', 'Pharmacy Prescription Number'),
        referenceRule('D9', 'Claim Identification Number for Clearinghouses'),
        {
          id: 'AMT',
          name: 'Claim Submitted Charges',
          max: 1,
          elements: [
            { position: 1, name: 'Amount Qualifier Code', required: true, codes: ['T3'] },
            { position: 2, name: 'Monetary Amount', required: true, format: 'decimal' },
          ],
        },
        serviceDateRule,
      ],
      loops: [
        {
          id: '2210D',
          name: 'Service Line Information',
          max: 99,
          segments: [
            serviceLineRule(false),
            referenceRule('FJ', 'Service Line Item Identification'),
            serviceDateRule,
          ],
        },
      ],
    },
  }),
};

/** A 276: the status of one claim of one subscriber, asked by one provider. */
export interface ClaimStatusRequest extends ClaimStatusParties {
  reference: string;
  createdDate: string;
  createdTime: string;
  subscriber: {
    memberId: string;
    lastName: string;
    firstName: string;
    /** DMG02, CCYYMMDD. */
    dateOfBirth: string | null;
  };
  claim: ClaimReferences & {
    trackingNumber: string;
    /** AMT*T3: the claim's total charge, an X12 decimal. */
    totalCharge: string | null;
    /** DTP*472: the dates of service searched. */
    serviceDates: DateEntry;
  };
}

/** The segments of a 276 between ST and SE. */
export function writeClaimStatusRequest(request: ClaimStatusRequest): OutboundSegment[] {
  const { subscriber, claim } = request;
  return [
    { id: 'BHT', elements: ['0010', '13', request.reference, request.createdDate, request.createdTime] },
    ...writeClaimStatusParties(request),
    ...(subscriber.dateOfBirth === null ? [] : [{ id: 'DMG', elements: ['D8', subscriber.dateOfBirth] }]),
    {
      id: 'NM1',
      elements: ['IL', '1', subscriber.lastName, subscriber.firstName, '', '', '', 'MI', subscriber.memberId],
    },
    writeTracking({ type: '1', number: claim.trackingNumber }),
    ...writeReference('1K', claim.payerClaimNumber),
    ...writeReference('EJ', claim.patientAccountNumber),
    ...(claim.totalCharge === null ? [] : [{ id: 'AMT', elements: ['T3', claim.totalCharge] }]),
    writeServiceDate(claim.serviceDates),
  ];
}

/** Reads a 276 against its guide; `request` is null when the guide's errors leave nothing to read. */
export function readClaimStatusRequest(
  transaction: TransactionSet,
  delimiters: Delimiters,
  isCode: CodeLookup,
): { request: ClaimStatusRequest | null; diagnostics: X12Diagnostic[] } {
  const { header, loops, diagnostics } = readWithGuide(
    transaction,
    claimStatusRequestGuide,
    delimiters,
    isCode,
  );
  const bht = header.find((segment) => segment.id === 'BHT');
  const level = loopsWithId(loops, '2000D')[0];
  const name = loopsWithId(loops, '2100D')[0];
  const claim = loopsWithId(loops, '2200D')[0];
  const nm1 = name ? segmentIn(name, 'NM1') : undefined;
  const trn = claim ? segmentIn(claim, 'TRN') : undefined;
  const dtp = claim ? segmentIn(claim, 'DTP') : undefined;
  if (!bht || !level || !claim || !nm1 || !trn || !dtp) return { request: null, diagnostics };
  const dmg = segmentIn(level, 'DMG');
  const amt = segmentIn(claim, 'AMT');
  const request: ClaimStatusRequest = {
    ...readBeginning(bht),
    ...readClaimStatusParties(loops),
    subscriber: {
      memberId: elementOf(nm1, 9),
      lastName: elementOf(nm1, 3),
      firstName: elementOf(nm1, 4),
      dateOfBirth: dmg ? optional(elementOf(dmg, 2)) : null,
    },
    claim: {
      trackingNumber: elementOf(trn, 2),
      payerClaimNumber: readReference(claim.segments, '1K'),
      patientAccountNumber: readReference(claim.segments, 'EJ'),
      totalCharge: amt ? elementOf(amt, 2) : null,
      serviceDates: readDate(dtp),
    },
  };
  return { request, diagnostics };
}
