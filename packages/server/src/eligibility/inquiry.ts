import {
  ELIGIBILITY_TIMEOUT_SECONDS,
  payerAsOf,
  payerProblemOf,
  plainDateToX12,
  summarizeEligibility,
  type EligibilitySummary,
} from '@portico/core';
import {
  envelopeStamps,
  GUIDE_270,
  readEligibilityResponse,
  writeEligibilityInquiry,
  type EligibilityInquiry,
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

/** What the first step settled: who asks, for whom, with which control number. */
export interface InquiryPlan {
  checkId: string;
  checkedAt: Date;
  siteId: string;
  userId: string;
  providerName: string;
  controlNumber: number;
  traceNumber: string;
  dateOfService: string;
  input: {
    memberId: string;
    firstName: string;
    lastName: string;
    dateOfBirth: string;
    providerNpi: string;
    serviceTypes: string[];
  };
}

/** What came back, or why nothing usable did. */
export interface InquiryAnswer {
  requestX12: string;
  responseX12: string | null;
  summary: EligibilitySummary | null;
  problem: RealtimeProblem | null;
  durationMs: number | null;
  answeredAt: Date | null;
  asOf: Date | null;
}

/** TRN03: "9" and ten characters naming the originator, from Portico's sender id. */
const originatorOf = (senderId: string) =>
  `9${senderId
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 9)
    .padEnd(9, '0')}`;

/** The 270 for a plan, enveloped: one information source (the payer), receiver (the provider), subscriber. */
export function inquiryInterchange(plan: InquiryPlan, context: ExchangeContext): string {
  const settings = context.memberServices;
  const at = envelopeStamps(plan.checkedAt);
  const inquiry: EligibilityInquiry = {
    reference: String(plan.controlNumber),
    createdDate: at.gsDate,
    createdTime: at.time,
    payer: { name: settings.payerName, id: settings.payerId },
    provider: { name: plan.providerName.toUpperCase(), id: plan.input.providerNpi },
    subscriber: {
      trace: { type: '1', number: plan.traceNumber, originator: originatorOf(settings.senderId) },
      memberId: plan.input.memberId.toUpperCase(),
      lastName: plan.input.lastName.toUpperCase(),
      firstName: plan.input.firstName.toUpperCase(),
      dateOfBirth: plainDateToX12(plan.input.dateOfBirth),
      dateOfService: { qualifier: '291', format: 'D8', value: plainDateToX12(plan.dateOfService) },
      serviceTypes: plan.input.serviceTypes,
    },
  };
  return outboundInterchange(context, {
    controlNumber: plan.controlNumber,
    at: plan.checkedAt,
    functionalId: 'HS',
    guide: GUIDE_270,
    id: '270',
    body: writeEligibilityInquiry(inquiry),
  });
}

/** Sends the 270 and reads the 271 (the clearinghouse's real-time exchange), then sums it up for the office. */
export async function sendInquiry(plan: InquiryPlan, context: ExchangeContext): Promise<InquiryAnswer> {
  const settings = context.memberServices;
  const requestX12 = inquiryInterchange(plan, context);
  const reply = await realtimeExchange(
    {
      transaction: '270',
      answerTransaction: '271',
      payloadType: PAYLOAD_TYPES.eligibilityRequest,
      payloadId: plan.checkId,
      payload: requestX12,
      controlNumber: plan.controlNumber,
      traceNumber: plan.traceNumber,
      limitSeconds: ELIGIBILITY_TIMEOUT_SECONDS,
      read: (transaction, delimiters) => {
        const read = readEligibilityResponse(transaction, delimiters, (list, code) =>
          settings.codeLists.has(list, code),
        );
        return { value: read.response, diagnostics: read.diagnostics };
      },
      judge: (response) => {
        const echoed = response.subscriber?.traces.some((trace) => trace.number === plan.traceNumber) ?? true;
        if (!echoed) return unavailable("The payer's answer is for another inquiry.");
        const problem = payerProblemOf(response, settings.codeLists);
        if (!problem) return null;
        return problem.kind === 'UNAVAILABLE'
          ? unavailable(problem.message)
          : rejected(problem.message, problem.fieldPath);
      },
    },
    context,
  );
  const response = reply.value;
  return {
    requestX12,
    responseX12: reply.responseX12,
    durationMs: reply.durationMs,
    answeredAt: reply.answeredAt,
    problem: reply.problem,
    summary: response ? summarizeEligibility(response, settings.codeLists) : null,
    asOf: response && reply.answeredAt ? payerAsOf(reply.answeredAt, settings.refreshTimesUtc) : null,
  };
}
