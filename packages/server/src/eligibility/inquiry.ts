import { performance } from 'node:perf_hooks';
import {
  ELIGIBILITY_TIMEOUT_SECONDS,
  payerAsOf,
  payerProblemOf,
  PorticoError,
  plainDateToX12,
  summarizeEligibility,
  type EligibilitySummary,
  type PorticoErrorCode,
} from '@portico/core';
import {
  buildInterchange,
  envelopeStamps,
  GUIDE_270,
  hasErrors,
  readEligibilityResponse,
  readInterchange,
  writeEligibilityInquiry,
  type EligibilityInquiry,
} from '@portico/core/x12';
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
  problem: {
    code: PorticoErrorCode;
    outcome: 'REJECTED' | 'TIMEOUT' | 'UNAVAILABLE';
    message: string;
    fieldPath: string | null;
  } | null;
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
  return buildInterchange(
    {
      senderQualifier: 'ZZ',
      senderId: settings.senderId,
      receiverQualifier: 'ZZ',
      receiverId: settings.payerId,
      applicationSender: settings.senderId,
      applicationReceiver: settings.payerId,
      controlNumber: plan.controlNumber,
      at: plan.checkedAt,
      usage: settings.usage,
      functionalId: 'HS',
      guide: GUIDE_270,
    },
    [{ id: '270', body: writeEligibilityInquiry(inquiry) }],
  );
}

const unavailable = (message: string) => ({
  code: 'PAYER_UNAVAILABLE' as const,
  outcome: 'UNAVAILABLE' as const,
  message,
  fieldPath: null,
});

/**
 * Sends the 270 and reads the 271 within the configured time (CAQH CORE: 20 s end to end). Logs the control
 * numbers, trace number, timing and outcome of every transaction, never the member's data or the X12 itself.
 */
export async function sendInquiry(plan: InquiryPlan, context: ExchangeContext): Promise<InquiryAnswer> {
  const settings = context.memberServices;
  const requestX12 = inquiryInterchange(plan, context);
  const started = performance.now();
  const log = {
    requestId: context.requestId,
    transaction: '270',
    controlNumber: plan.controlNumber,
    traceNumber: plan.traceNumber,
  };
  const done = (answer: Omit<InquiryAnswer, 'requestX12' | 'durationMs'>): InquiryAnswer => {
    const durationMs = Math.round(performance.now() - started);
    context.logger.info(
      {
        ...log,
        durationMs,
        outcome: answer.problem?.outcome ?? 'ANSWERED',
        withinCoreLimit: durationMs <= ELIGIBILITY_TIMEOUT_SECONDS * 1000,
      },
      'eligibility inquiry',
    );
    return { ...answer, requestX12, durationMs };
  };
  let payload: string;
  let payloadType: string;
  try {
    const answer = await context.clearinghouse.exchange({
      payloadType: PAYLOAD_TYPES.eligibilityRequest,
      payloadId: plan.checkId,
      senderId: settings.senderId,
      receiverId: settings.payerId,
      payload: requestX12,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    payload = answer.payload;
    payloadType = answer.payloadType;
  } catch (error) {
    if (!(error instanceof PorticoError)) throw error;
    const timedOut = error.code === 'TIMEOUT';
    return done({
      responseX12: null,
      summary: null,
      answeredAt: null,
      asOf: null,
      problem: timedOut
        ? { code: 'TIMEOUT', outcome: 'TIMEOUT', message: error.message, fieldPath: null }
        : unavailable(error.message),
    });
  }
  const answeredAt = context.clock.now();
  const base = { responseX12: payload, summary: null, answeredAt, asOf: null };
  if (payloadType === PAYLOAD_TYPES.acknowledgement)
    return done({
      ...base,
      problem: unavailable('The payer could not read the inquiry (it sent a 999 rejection).'),
    });
  const read = readInterchange(payload);
  const transaction = read.interchanges[0]?.groups[0]?.transactions[0];
  const parsed =
    transaction && read.delimiters
      ? readEligibilityResponse(transaction, read.delimiters, (list, code) =>
          settings.codeLists.has(list, code),
        )
      : null;
  const diagnostics = [...read.diagnostics, ...(parsed?.diagnostics ?? [])];
  if (!parsed?.response || transaction?.id !== '271' || hasErrors(diagnostics)) {
    context.logger.warn(
      {
        ...log,
        diagnostics: diagnostics.slice(0, 10).map((d) => ({
          code: d.code,
          segment: d.segmentId,
          position: d.transactionPosition,
          loop: d.loop,
          element: d.element,
        })),
      },
      'the 271 does not pass its guide',
    );
    return done({ ...base, problem: unavailable("The payer's answer could not be read.") });
  }
  const response = parsed.response;
  const echoed = response.subscriber?.traces.some((trace) => trace.number === plan.traceNumber) ?? true;
  if (!echoed) return done({ ...base, problem: unavailable("The payer's answer is for another inquiry.") });
  const problem = payerProblemOf(response, settings.codeLists);
  if (problem)
    return done({
      ...base,
      problem:
        problem.kind === 'UNAVAILABLE'
          ? unavailable(problem.message)
          : {
              code: 'PAYER_REJECTED',
              outcome: 'REJECTED',
              message: problem.message,
              fieldPath: problem.fieldPath,
            },
    });
  return done({
    ...base,
    summary: summarizeEligibility(response, settings.codeLists),
    problem: null,
    asOf: payerAsOf(answeredAt, settings.refreshTimesUtc),
  });
}
