import {
  CLAIM_STATUS_TIMEOUT_SECONDS,
  centsToX12Amount,
  claimStatusProblemOf,
  plainDateToX12,
  summarizeClaimStatus,
  type ClaimStatusSummary,
} from '@portico/core';
import {
  envelopeStamps,
  GUIDE_276,
  readClaimStatusResponse,
  writeClaimStatusRequest,
  type ClaimStatusRequest,
} from '@portico/core/x12';
import {
  outboundInterchange,
  realtimeExchange,
  rejected,
  unavailable,
  type RealtimeProblem,
} from '../clearinghouse/realtime.ts';
import { PAYLOAD_TYPES } from '../services/clearinghouse.ts';
import type { ExchangeContext } from '../trpc/handlers.ts';

/** What the first step settled: who asks, about which claim, with which control number. */
export interface InquiryPlan {
  inquiryId: string;
  checkedAt: Date;
  siteId: string;
  userId: string;
  providerName: string;
  siteName: string;
  controlNumber: number;
  traceNumber: string;
  input: {
    memberId: string;
    firstName: string;
    lastName: string;
    dateOfBirth: string;
    providerNpi: string;
    serviceFrom: string;
    serviceTo: string;
    payerClaimNumber: string | null;
    patientAccountNumber: string | null;
    chargedCents: number | null;
  };
}

export interface InquiryAnswer {
  requestX12: string;
  responseX12: string | null;
  summary: ClaimStatusSummary | null;
  problem: RealtimeProblem | null;
  durationMs: number;
  answeredAt: Date | null;
}

/** The 276 for a plan, enveloped: the payer, the office as receiver, its provider, the member and the claim. */
export function inquiryInterchange(plan: InquiryPlan, context: ExchangeContext): string {
  const settings = context.memberServices;
  const at = envelopeStamps(plan.checkedAt);
  const { input } = plan;
  const request: ClaimStatusRequest = {
    reference: String(plan.controlNumber),
    createdDate: at.gsDate,
    createdTime: at.time,
    payer: { name: settings.payerName, id: settings.payerId },
    receiver: { name: plan.siteName.toUpperCase(), id: settings.senderId },
    provider: { name: plan.providerName.toUpperCase(), id: input.providerNpi },
    subscriber: {
      memberId: input.memberId.toUpperCase(),
      lastName: input.lastName.toUpperCase(),
      firstName: input.firstName.toUpperCase(),
      dateOfBirth: plainDateToX12(input.dateOfBirth),
    },
    claim: {
      trackingNumber: plan.traceNumber,
      payerClaimNumber: input.payerClaimNumber?.toUpperCase() ?? null,
      patientAccountNumber: input.patientAccountNumber?.toUpperCase() ?? null,
      totalCharge: input.chargedCents === null ? null : centsToX12Amount(input.chargedCents),
      serviceDates: {
        qualifier: '472',
        format: 'RD8',
        value: `${plainDateToX12(input.serviceFrom)}-${plainDateToX12(input.serviceTo)}`,
      },
    },
  };
  return outboundInterchange(context, {
    controlNumber: plan.controlNumber,
    at: plan.checkedAt,
    functionalId: 'HR',
    guide: GUIDE_276,
    id: '276',
    body: writeClaimStatusRequest(request),
  });
}

/** Sends the 276 and reads the 277 (the clearinghouse's real-time exchange), then reads it for the office. */
export async function sendInquiry(plan: InquiryPlan, context: ExchangeContext): Promise<InquiryAnswer> {
  const settings = context.memberServices;
  const requestX12 = inquiryInterchange(plan, context);
  const reply = await realtimeExchange(
    {
      transaction: '276',
      answerTransaction: '277',
      payloadType: PAYLOAD_TYPES.claimStatusRequest,
      payloadId: plan.inquiryId,
      payload: requestX12,
      controlNumber: plan.controlNumber,
      traceNumber: plan.traceNumber,
      limitSeconds: CLAIM_STATUS_TIMEOUT_SECONDS,
      read: (transaction, delimiters) => {
        const read = readClaimStatusResponse(transaction, delimiters, (list, code) =>
          settings.codeLists.has(list, code),
        );
        return { value: read.response, diagnostics: read.diagnostics };
      },
      judge: (response) => {
        if (!response.claims.every((claim) => claim.trackingNumber === plan.traceNumber))
          return unavailable("The payer's answer is for another inquiry.");
        const problem = claimStatusProblemOf(response, settings.codeLists);
        if (!problem) return null;
        return problem.kind === 'UNAVAILABLE'
          ? unavailable(problem.message)
          : rejected(problem.message, problem.fieldPath);
      },
    },
    context,
  );
  return {
    requestX12,
    responseX12: reply.responseX12,
    durationMs: reply.durationMs,
    answeredAt: reply.answeredAt,
    problem: reply.problem,
    summary: reply.value ? summarizeClaimStatus(reply.value, settings.codeLists) : null,
  };
}
