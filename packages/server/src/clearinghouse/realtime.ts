import { performance } from 'node:perf_hooks';
import { PorticoError, type PorticoErrorCode } from '@portico/core';
import {
  buildInterchange,
  hasErrors,
  readInterchange,
  type OutboundSegment,
  type Delimiters,
  type TransactionSet,
  type X12Diagnostic,
} from '@portico/core/x12';
import { PAYLOAD_TYPES } from '../services/clearinghouse.ts';
import type { ExchangeContext } from '../trpc/handlers.ts';

/** Why an exchange gave no usable answer, as the domain records it and the caller is told. */
export interface RealtimeProblem {
  code: PorticoErrorCode;
  outcome: 'REJECTED' | 'TIMEOUT' | 'UNAVAILABLE';
  message: string;
  fieldPath: string | null;
}

export const unavailable = (message: string): RealtimeProblem => ({
  code: 'PAYER_UNAVAILABLE',
  outcome: 'UNAVAILABLE',
  message,
  fieldPath: null,
});

/** The PorticoError a caller gets for a problem, at the field it names. */
export const refusalOf = (problem: RealtimeProblem) =>
  new PorticoError(problem.code, problem.message, { fieldPath: problem.fieldPath });

export const rejected = (message: string, fieldPath: string | null): RealtimeProblem => ({
  code: 'PAYER_REJECTED',
  outcome: 'REJECTED',
  message,
  fieldPath,
});

/**
 * One transaction set in its own interchange from Portico (the configured sender) to the payer, control number
 * and time from the plan: the envelope every real-time request travels in.
 */
export function outboundInterchange(
  context: Pick<ExchangeContext, 'memberServices'>,
  request: {
    controlNumber: number;
    at: Date;
    functionalId: string;
    guide: string;
    id: string;
    body: OutboundSegment[];
  },
): string {
  const settings = context.memberServices;
  return buildInterchange(
    {
      senderQualifier: 'ZZ',
      senderId: settings.senderId,
      receiverQualifier: 'ZZ',
      receiverId: settings.payerId,
      applicationSender: settings.senderId,
      applicationReceiver: settings.payerId,
      controlNumber: request.controlNumber,
      at: request.at,
      usage: settings.usage,
      functionalId: request.functionalId,
      guide: request.guide,
    },
    [{ id: request.id, body: request.body }],
  );
}

/** One real-time request: the X12 to send, how to read and judge the answer, and what to log it by. */
export interface RealtimeRequest<T> {
  /** The request's transaction set (`270`, `276`) and the answer's (`271`, `277`). */
  transaction: string;
  answerTransaction: string;
  payloadType: string;
  payloadId: string;
  payload: string;
  controlNumber: number;
  traceNumber: string;
  /** CAQH CORE's limit for the answer, logged beside each exchange's duration. */
  limitSeconds: number;
  /** Reads the answer's transaction set against its guide. */
  read(
    transaction: TransactionSet,
    delimiters: Delimiters,
  ): { value: T | null; diagnostics: X12Diagnostic[] };
  /** The payer's own refusal inside an answer that reads (an AAA, an error status, a trace that does not match). */
  judge(value: T): RealtimeProblem | null;
}

export interface RealtimeReply<T> {
  responseX12: string | null;
  answeredAt: Date | null;
  durationMs: number;
  value: T | null;
  problem: RealtimeProblem | null;
}

/**
 * Sends one X12 request through the clearinghouse and reads the answer within the configured time (CAQH CORE: 20 s
 * end to end): a 999, an answer that fails its guide, a timeout, an unreachable payer and the payer's refusal each
 * come back as a problem, never a throw. Logs the control and trace numbers, timing and outcome of every exchange,
 * never the member's data or the X12 itself.
 */
export async function realtimeExchange<T>(
  request: RealtimeRequest<T>,
  context: ExchangeContext,
): Promise<RealtimeReply<T>> {
  const settings = context.memberServices;
  const started = performance.now();
  const log = {
    requestId: context.requestId,
    transaction: request.transaction,
    controlNumber: request.controlNumber,
    traceNumber: request.traceNumber,
  };
  const done = (reply: Omit<RealtimeReply<T>, 'durationMs'>): RealtimeReply<T> => {
    const durationMs = Math.round(performance.now() - started);
    context.logger.info(
      {
        ...log,
        durationMs,
        outcome: reply.problem?.outcome ?? 'ANSWERED',
        withinCoreLimit: durationMs <= request.limitSeconds * 1000,
      },
      'real-time X12 exchange',
    );
    return { ...reply, durationMs };
  };
  let payload: string;
  let payloadType: string;
  try {
    const answer = await context.clearinghouse.exchange({
      payloadType: request.payloadType,
      payloadId: request.payloadId,
      senderId: settings.senderId,
      receiverId: settings.payerId,
      payload: request.payload,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    payload = answer.payload;
    payloadType = answer.payloadType;
  } catch (error) {
    if (!(error instanceof PorticoError)) throw error;
    const problem: RealtimeProblem =
      error.code === 'TIMEOUT'
        ? { code: 'TIMEOUT', outcome: 'TIMEOUT', message: error.message, fieldPath: null }
        : unavailable(error.message);
    return done({ responseX12: null, answeredAt: null, value: null, problem });
  }
  const answeredAt = context.clock.now();
  const base = { responseX12: payload, answeredAt, value: null };
  if (payloadType === PAYLOAD_TYPES.interchangeAcknowledgement)
    return done({
      ...base,
      problem: unavailable(`The payer could not take the ${request.transaction}'s envelope (it sent a TA1).`),
    });
  if (payloadType === PAYLOAD_TYPES.acknowledgement)
    return done({
      ...base,
      problem: unavailable(`The payer could not read the ${request.transaction} (it sent a 999 rejection).`),
    });
  const read = readInterchange(payload);
  const transaction = read.interchanges[0]?.groups[0]?.transactions[0];
  const parsed = transaction && read.delimiters ? request.read(transaction, read.delimiters) : null;
  const diagnostics = [...read.diagnostics, ...(parsed?.diagnostics ?? [])];
  if (!parsed?.value || transaction?.id !== request.answerTransaction || hasErrors(diagnostics)) {
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
      `the ${request.answerTransaction} does not pass its guide`,
    );
    return done({ ...base, problem: unavailable("The payer's answer could not be read.") });
  }
  const problem = request.judge(parsed.value);
  return done({ ...base, value: problem ? null : parsed.value, problem });
}
