import type { z } from 'zod';

/**
 * The closed set of error codes a Portico server or client reports.
 * Generic codes mirror HTTP semantics; domain codes name the rule that refused the request.
 */
export const PORTICO_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
  'INTERNAL',
  'NETWORK',
  'INVALID_NPI',
  'INVALID_TIN',
  'LAST_MEDICARE_PROVIDER',
  'PLAN_CHANGE_NOT_ALLOWED',
  'CARD_DECLINED',
  'CARD_EXPIRED',
  'ACCOUNT_NOT_EDITABLE',
  'PAYER_REJECTED',
  'PAYER_UNAVAILABLE',
  'TIMEOUT',
] as const;
export type PorticoErrorCode = (typeof PORTICO_ERROR_CODES)[number];

/** One field-level problem: where it is (`['providers', 0, 'npi']`) and what is wrong, in words. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** The wire shape of an error, as the server sends it and the client rebuilds it (`porticoErrorShapeSchema`). */
export interface PorticoErrorShape {
  code: PorticoErrorCode;
  message: string;
  fieldPath: string | null;
  issues: FieldIssue[];
  requestId: string | null;
}

const isFieldIssue = (value: unknown): value is FieldIssue =>
  typeof value === 'object' &&
  value !== null &&
  'path' in value &&
  'message' in value &&
  Array.isArray(value.path) &&
  value.path.every((part) => typeof part === 'string' || typeof part === 'number') &&
  typeof value.message === 'string';

/**
 * True when a value received from a server is an error's wire shape. This guard, not the zod schema, is what the
 * client runs, so a browser page needs no zod to read errors; a core test holds the two to the same answers.
 */
export function isPorticoErrorShape(value: unknown): value is PorticoErrorShape {
  if (typeof value !== 'object' || value === null) return false;
  const shape = value as Record<string, unknown>;
  const nullableString = (field: unknown) => field === null || typeof field === 'string';
  return (
    (PORTICO_ERROR_CODES as readonly unknown[]).includes(shape['code']) &&
    typeof shape['message'] === 'string' &&
    nullableString(shape['fieldPath']) &&
    nullableString(shape['requestId']) &&
    Array.isArray(shape['issues']) &&
    shape['issues'].every(isFieldIssue)
  );
}

/** The HTTP status each code travels with. */
export const httpStatusOfCode: Record<PorticoErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  NETWORK: 503,
  INVALID_NPI: 422,
  INVALID_TIN: 422,
  LAST_MEDICARE_PROVIDER: 409,
  PLAN_CHANGE_NOT_ALLOWED: 409,
  CARD_DECLINED: 402,
  CARD_EXPIRED: 422,
  ACCOUNT_NOT_EDITABLE: 403,
  PAYER_REJECTED: 422,
  PAYER_UNAVAILABLE: 502,
  TIMEOUT: 504,
};

/** Writes a field path the way people read it: `providers[0].npi`. */
export function formatFieldPath(path: readonly (string | number)[]): string | null {
  if (path.length === 0) return null;
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out === '' ? part : `${out}.${part}`),
    '',
  );
}

/**
 * The one error type of Portico, on the server and in the SDK.
 * `code` is machine-readable, `fieldPath` points at the offending input field, `message` is for people.
 */
export class PorticoError extends Error {
  override readonly name = 'PorticoError';
  readonly code: PorticoErrorCode;
  readonly fieldPath: string | null;
  readonly issues: FieldIssue[];
  readonly requestId: string | null;

  constructor(
    code: PorticoErrorCode,
    message: string,
    options: {
      fieldPath?: string | null;
      issues?: FieldIssue[];
      requestId?: string | null;
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.fieldPath = options.fieldPath ?? null;
    this.issues = options.issues ?? [];
    this.requestId = options.requestId ?? null;
  }

  /** The error as it travels on the wire. */
  toShape(): PorticoErrorShape {
    return {
      code: this.code,
      message: this.message,
      fieldPath: this.fieldPath,
      issues: this.issues,
      requestId: this.requestId,
    };
  }

  /** Rebuilds an error from its wire shape. */
  static fromShape(shape: PorticoErrorShape): PorticoError {
    return new PorticoError(shape.code, shape.message, shape);
  }
}

/** Builds the error for a failed zod parse: BAD_REQUEST, the first issue's path, every issue listed. */
export function porticoErrorFromZod(error: z.ZodError, requestId: string | null = null): PorticoError {
  const issues: FieldIssue[] = error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    message: issue.message,
  }));
  const first = issues[0];
  const firstPath = first ? formatFieldPath(first.path) : null;
  const message = first
    ? `${firstPath ? `${firstPath}: ` : ''}${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`
    : 'The request is not valid.';
  return new PorticoError('BAD_REQUEST', message, { fieldPath: firstPath, issues, requestId });
}
