import { centsToX12Amount, plainDateToX12, x12DateToPlain } from '@portico/core';
import type {
  ClaimStatusEntry,
  ClaimStatusInfo,
  ClaimStatusRequest,
  ClaimStatusResponse,
} from '@portico/core/x12';
import { findSandboxMember } from './members.ts';

/** One service line of a sandbox claim, with how the payer settled it. */
interface SandboxLine {
  procedure: string;
  modifiers?: string[];
  chargedCents: number;
  paidCents: number;
  date: string;
  category: string;
  code: string;
}

/** A claim the sandbox payer holds for a test member (README, "Sandbox payer"). */
export interface SandboxClaim {
  memberId: string;
  payerClaimNumber: string;
  patientAccountNumber: string;
  serviceFrom: string;
  serviceTo: string;
  category: string;
  code: string;
  /** STC01-3, when the status is about an entity (the subscriber `IL`, the provider `1P`). */
  entity?: string;
  statusDate: string;
  paidCents: number | null;
  adjudicated?: string;
  payment?: { method: 'CHK' | 'ACH' | 'NON'; date: string; trace: string };
  lines: SandboxLine[];
}

/** The claims of the sandbox's members with coverage: one in each phase an office meets. */
export const SANDBOX_CLAIMS: readonly SandboxClaim[] = [
  {
    memberId: 'PSB10001',
    payerClaimNumber: 'PSBC2611001',
    patientAccountNumber: 'SC-1001',
    serviceFrom: '2026-11-03',
    serviceTo: '2026-11-03',
    category: 'F1',
    code: '65',
    statusDate: '2026-11-20',
    paidCents: 10_000,
    adjudicated: '2026-11-18',
    payment: { method: 'CHK', date: '2026-11-20', trace: '0004552100' },
    lines: [
      {
        procedure: '99213',
        chargedCents: 15_000,
        paidCents: 10_000,
        date: '2026-11-03',
        category: 'F1',
        code: '65',
      },
      {
        procedure: '85025',
        chargedCents: 3_550,
        paidCents: 0,
        date: '2026-11-03',
        category: 'F2',
        code: '84',
      },
    ],
  },
  {
    memberId: 'PSB10001',
    payerClaimNumber: 'PSBC2611002',
    patientAccountNumber: 'SC-1002',
    serviceFrom: '2026-11-17',
    serviceTo: '2026-11-17',
    category: 'P1',
    code: '20',
    statusDate: '2026-11-19',
    paidCents: null,
    lines: [
      {
        procedure: '99214',
        modifiers: ['25'],
        chargedCents: 21_000,
        paidCents: 0,
        date: '2026-11-17',
        category: 'P1',
        code: '20',
      },
    ],
  },
  {
    memberId: 'PSB10001',
    payerClaimNumber: 'PSBC2610003',
    patientAccountNumber: 'SC-0993',
    serviceFrom: '2026-10-06',
    serviceTo: '2026-10-06',
    category: 'R4',
    code: '123',
    entity: '1P',
    statusDate: '2026-10-21',
    paidCents: null,
    lines: [
      {
        procedure: '90834',
        chargedCents: 18_000,
        paidCents: 0,
        date: '2026-10-06',
        category: 'R4',
        code: '123',
      },
    ],
  },
  {
    memberId: 'PSB10002',
    payerClaimNumber: 'PSBC2611004',
    patientAccountNumber: 'SC-1004',
    serviceFrom: '2026-11-05',
    serviceTo: '2026-11-05',
    category: 'F4',
    code: '98',
    statusDate: '2026-11-14',
    paidCents: 0,
    adjudicated: '2026-11-14',
    payment: { method: 'NON', date: '2026-11-14', trace: 'NOPAY2611004' },
    lines: [
      {
        procedure: '99203',
        chargedCents: 25_000,
        paidCents: 0,
        date: '2026-11-05',
        category: 'F4',
        code: '98',
      },
    ],
  },
  {
    memberId: 'PSB10002',
    payerClaimNumber: 'PSBC2611005',
    patientAccountNumber: 'SC-1005',
    serviceFrom: '2026-11-12',
    serviceTo: '2026-11-12',
    category: 'A2',
    code: '20',
    statusDate: '2026-11-13',
    paidCents: null,
    lines: [
      {
        procedure: '99213',
        chargedCents: 15_000,
        paidCents: 0,
        date: '2026-11-12',
        category: 'A2',
        code: '20',
      },
    ],
  },
  {
    memberId: 'PSB10003',
    payerClaimNumber: 'PSBC2602006',
    patientAccountNumber: 'SC-0206',
    serviceFrom: '2026-02-10',
    serviceTo: '2026-02-10',
    category: 'F2',
    code: '88',
    entity: 'IL',
    statusDate: '2026-02-24',
    paidCents: 0,
    adjudicated: '2026-02-24',
    lines: [
      {
        procedure: '99213',
        chargedCents: 15_000,
        paidCents: 0,
        date: '2026-02-10',
        category: 'F2',
        code: '88',
      },
    ],
  },
];

const chargeOf = (claim: SandboxClaim) => claim.lines.reduce((sum, line) => sum + line.chargedCents, 0);

const status = (
  category: string,
  code: string,
  entity: string | null,
  date: string,
  amounts: Partial<ClaimStatusInfo> = {},
): ClaimStatusInfo => ({
  category,
  code,
  entity,
  effectiveDate: plainDateToX12(date),
  totalCharge: null,
  payment: null,
  adjudicationDate: null,
  paymentMethod: null,
  paymentDate: null,
  paymentTrace: null,
  more: [],
  ...amounts,
});

function entryOf(claim: SandboxClaim, trackingNumber: string): ClaimStatusEntry {
  return {
    trackingNumber,
    statuses: [
      status(claim.category, claim.code, claim.entity ?? null, claim.statusDate, {
        totalCharge: centsToX12Amount(chargeOf(claim)),
        payment: claim.paidCents === null ? null : centsToX12Amount(claim.paidCents),
        adjudicationDate: claim.adjudicated ? plainDateToX12(claim.adjudicated) : null,
        paymentMethod: claim.payment?.method ?? null,
        paymentDate: claim.payment ? plainDateToX12(claim.payment.date) : null,
        paymentTrace: claim.payment?.trace ?? null,
      }),
    ],
    payerClaimNumber: claim.payerClaimNumber,
    patientAccountNumber: claim.patientAccountNumber,
    serviceDates: {
      qualifier: '472',
      format: 'RD8',
      value: `${plainDateToX12(claim.serviceFrom)}-${plainDateToX12(claim.serviceTo)}`,
    },
    lines: claim.lines.map((line, index) => ({
      procedure: { qualifier: 'HC', code: line.procedure, modifiers: line.modifiers ?? [] },
      charge: centsToX12Amount(line.chargedCents),
      payment: centsToX12Amount(line.paidCents),
      units: '1',
      statuses: [status(line.category, line.code, null, claim.statusDate)],
      lineItemNumber: String(index + 1),
      serviceDate: { qualifier: '472', format: 'D8', value: plainDateToX12(line.date) },
    })),
  };
}

/** The claims of a member whose dates of service meet the range asked, narrowed by what else the 276 names. */
function claimsFor(request: ClaimStatusRequest): SandboxClaim[] {
  const { claim } = request;
  const [from = '', to = from] = claim.serviceDates.value.split('-');
  const total = claim.totalCharge;
  return SANDBOX_CLAIMS.filter(
    (held) =>
      held.memberId === request.subscriber.memberId.toUpperCase() &&
      plainDateToX12(held.serviceFrom) <= to &&
      plainDateToX12(held.serviceTo) >= from &&
      (claim.payerClaimNumber === null || claim.payerClaimNumber === held.payerClaimNumber) &&
      (claim.patientAccountNumber === null || claim.patientAccountNumber === held.patientAccountNumber) &&
      (total === null || total === centsToX12Amount(chargeOf(held))),
  );
}

/**
 * The sandbox payer's 277 for a 276: the member's claims in the dates asked, each with its status, amounts, payment
 * and lines; `D0:35` when there is none. A member it does not know, a wrong date of birth or last name, the payer
 * that is down and the provider it does not know get the E statuses a payer sends.
 */
export function answerClaimStatus(
  request: ClaimStatusRequest,
  at: { date: string; time: string },
): ClaimStatusResponse {
  const { subscriber } = request;
  const member = findSandboxMember(subscriber.memberId);
  const today = x12DateToPlain(at.date) ?? '';
  const only = (category: string, code: string, entity: string | null): ClaimStatusEntry[] => [
    {
      trackingNumber: request.claim.trackingNumber,
      statuses: [status(category, code, entity, today)],
      payerClaimNumber: null,
      patientAccountNumber: request.claim.patientAccountNumber,
      serviceDates: request.claim.serviceDates,
      lines: [],
    },
  ];
  let claims: ClaimStatusEntry[];
  if (!member || member.trigger === 'NOT_FOUND') claims = only('E0', '33', 'IL');
  else if (member.trigger === 'UNAVAILABLE') claims = only('E1', '0', null);
  else if (member.trigger === 'PROVIDER_INELIGIBLE') claims = only('E0', '26', '1P');
  else if (subscriber.dateOfBirth !== plainDateToX12(member.dateOfBirth)) claims = only('E0', '158', 'IL');
  else if (subscriber.lastName.toUpperCase() !== member.lastName.toUpperCase())
    claims = only('E0', '125', 'IL');
  else {
    const found = claimsFor(request);
    claims =
      found.length === 0
        ? only('D0', '35', null)
        : found.map((claim) => entryOf(claim, request.claim.trackingNumber));
  }
  return {
    reference: request.reference,
    createdDate: at.date,
    createdTime: at.time,
    payer: request.payer,
    receiver: request.receiver,
    provider: request.provider,
    subscriber: {
      memberId: subscriber.memberId,
      lastName: subscriber.lastName,
      firstName: subscriber.firstName,
    },
    claims,
  };
}
