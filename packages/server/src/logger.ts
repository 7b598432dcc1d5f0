import { pino, type Logger, type DestinationStream } from 'pino';

/**
 * The server's structured logger. Header values that carry credentials are redacted by path as a second line of
 * defence; the first is that nothing logs tokens, passwords or PHI in the first place.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'portico' },
      serializers: { err: loggedError },
      redact: {
        paths: [
          'req.headers.authorization',
          'headers.authorization',
          '*.token',
          '*.password',
          'token',
          'password',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
export type { Logger };

/** A PostgreSQL error: SQLSTATE codes are five digits or capital letters. */
function isDatabaseError(error: object): error is Error & Record<string, unknown> {
  return 'code' in error && typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code);
}

/**
 * How an error is written to the log. A database error keeps its SQLSTATE, constraint, table and column, and
 * loses its message, detail and stack's first line: PostgreSQL puts the failing row's values there ("Failing row
 * contains (…)", "invalid input syntax for type uuid: …"), and member data never reaches a log. Other errors
 * keep their message (Portico's own words) and stack, and their cause is written the same way.
 */
export function loggedError(error: unknown, depth = 0): unknown {
  if (typeof error !== 'object' || error === null) return error;
  if (isDatabaseError(error)) {
    const stack = typeof error.stack === 'string' ? error.stack.split('\n').slice(1).join('\n') : undefined;
    return {
      type: 'DatabaseError',
      code: error.code,
      constraint: error['constraint'],
      table: error['table'],
      column: error['column'],
      stack,
    };
  }
  if (!(error instanceof Error)) return { type: 'non-error thrown' };
  return {
    type: error.name,
    message: error.message,
    stack: error.stack,
    ...(error.cause !== undefined && depth < 4 ? { cause: loggedError(error.cause, depth + 1) } : {}),
  };
}
