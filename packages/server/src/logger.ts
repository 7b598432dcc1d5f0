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
