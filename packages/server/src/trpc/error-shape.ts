import { formatFieldPath, PorticoError, type FieldIssue, type PorticoErrorCode } from '@portico/core';
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';

/** The tRPC code (and so the HTTP status) each Portico code travels with. */
const trpcCodeOf: Record<PorticoErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
  NETWORK: 'SERVICE_UNAVAILABLE',
  INVALID_NPI: 'UNPROCESSABLE_CONTENT',
  INVALID_TIN: 'UNPROCESSABLE_CONTENT',
  LAST_MEDICARE_PROVIDER: 'CONFLICT',
  PLAN_CHANGE_NOT_ALLOWED: 'CONFLICT',
  CARD_DECLINED: 'PAYMENT_REQUIRED',
  CARD_EXPIRED: 'UNPROCESSABLE_CONTENT',
  ACCOUNT_NOT_EDITABLE: 'FORBIDDEN',
  PAYER_REJECTED: 'UNPROCESSABLE_CONTENT',
  PAYER_UNAVAILABLE: 'BAD_GATEWAY',
  TIMEOUT: 'GATEWAY_TIMEOUT',
};

/** Wraps what a procedure threw so tRPC answers with the right status; unknown errors stay internal. */
export function toTrpcError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof PorticoError)
    return new TRPCError({ code: trpcCodeOf[error.code], message: error.message, cause: error });
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal error', cause: error });
}

interface IssueLike {
  path?: readonly unknown[];
  message: string;
}

function hasIssues(value: unknown): value is { issues: IssueLike[] } {
  return typeof value === 'object' && value !== null && 'issues' in value && Array.isArray(value.issues);
}

function pathPart(part: unknown): string | number {
  if (typeof part === 'number' || typeof part === 'string') return part;
  if (typeof part === 'object' && part !== null && 'key' in part) return pathPart(part.key);
  return String(part);
}

function fromValidationIssues(issues: IssueLike[]): PorticoError {
  const list: FieldIssue[] = issues.map((issue) => ({
    path: (issue.path ?? []).map(pathPart),
    message: issue.message,
  }));
  const first = list[0];
  const fieldPath = first ? formatFieldPath(first.path) : null;
  const more = list.length > 1 ? ` (and ${list.length - 1} more)` : '';
  const message = first
    ? `${fieldPath ? `${fieldPath}: ` : ''}${first.message}${more}`
    : 'The request is not valid.';
  return new PorticoError('BAD_REQUEST', message, { fieldPath, issues: list });
}

/**
 * The PorticoError a client sees for any failure. Only PorticoErrors and input validation keep their message;
 * everything else becomes INTERNAL with the request id, so no internal detail or stack reaches a client.
 */
export function porticoErrorOf(
  error: TRPCError,
  path: string | undefined,
  requestId: string | null,
): PorticoError {
  const cause = error.cause;
  let result: PorticoError;
  if (cause instanceof PorticoError) result = cause;
  else if (error.code === 'BAD_REQUEST' && hasIssues(cause)) result = fromValidationIssues(cause.issues);
  else if (error.code === 'PARSE_ERROR' && error.message === 'Invalid connection params shape')
    result = new PorticoError(
      'BAD_REQUEST',
      'The connection parameters are not valid: send an object of strings, such as {"token": "…"}.',
      { fieldPath: 'connectionParams' },
    );
  else if (error.code === 'PARSE_ERROR' || cause instanceof SyntaxError)
    result = new PorticoError(
      'BAD_REQUEST',
      'The request is not valid JSON (the body, or the input parameter).',
    );
  else if (error.code === 'PAYLOAD_TOO_LARGE')
    result = new PorticoError('PAYLOAD_TOO_LARGE', 'The request is larger than this server accepts.');
  else if (error.code === 'NOT_FOUND')
    result = new PorticoError('NOT_FOUND', `There is no procedure named ${path ?? 'like that'}.`);
  else if (error.code === 'METHOD_NOT_SUPPORTED')
    result = new PorticoError('BAD_REQUEST', 'Queries are sent with GET and mutations with POST.');
  else if (error.code === 'BAD_REQUEST' && cause === undefined)
    // tRPC's own refusals of a request's shape (a batch input that is not an object, a batched subscription).
    // A body that is not JSON and a batch over PORTICO_MAX_BATCH are refused before tRPC (`http/refusal.ts`).
    result = new PorticoError('BAD_REQUEST', `The request is not well formed: ${error.message}`);
  else
    result = new PorticoError(
      'INTERNAL',
      `Something went wrong on our side. If it persists, give support this reference: ${requestId ?? 'unknown'}.`,
    );
  return new PorticoError(result.code, result.message, {
    fieldPath: result.fieldPath,
    issues: result.issues,
    requestId,
  });
}
