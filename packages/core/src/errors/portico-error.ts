import { z } from 'zod';

/**
 * The closed set of error codes a Portico server or client reports.
 * Generic codes mirror HTTP semantics; domain codes name the rule that refused the request.
 */
export const porticoErrorCodeSchema = z.enum([
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
]);
export type PorticoErrorCode = z.infer<typeof porticoErrorCodeSchema>;

/** One field-level problem: where it is (`['providers', 0, 'npi']`) and what is wrong, in words. */
export const fieldIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** The wire shape of an error, as the server sends it and the client rebuilds it. */
export const porticoErrorShapeSchema = z.object({
  code: porticoErrorCodeSchema,
  message: z.string(),
  fieldPath: z.string().nullable(),
  issues: z.array(fieldIssueSchema),
  requestId: z.string().nullable(),
});
export type PorticoErrorShape = z.infer<typeof porticoErrorShapeSchema>;

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
