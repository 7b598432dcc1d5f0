import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { PorticoError } from '@portico/core';
import type { Logger } from '../logger.ts';
import { trpcErrorEnvelope } from './refusal.ts';

/**
 * Answers a request Node's HTTP parser refused before any handler saw it (an address or headers over Node's
 * 16 KiB limit, bytes that are not HTTP) with a typed error like every other refusal: the tRPC error envelope,
 * the PorticoError shape under `data.portico`, and a request id, instead of a bare status line.
 */
export function refuseUnreadable(
  error: NodeJS.ErrnoException,
  socket: Duplex,
  anyOrigin: boolean,
  logger: Logger,
): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const requestId = randomUUID();
  const portico = new PorticoError(
    tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST',
    tooLarge
      ? 'The request’s address or headers are larger than this server reads (16 KiB). Send large input in a POST body.'
      : 'The request is not valid HTTP.',
    { requestId },
  ).toShape();
  const body = JSON.stringify(trpcErrorEnvelope(portico, status));
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    `x-request-id: ${requestId}`,
    ...(anyOrigin ? ['access-control-allow-origin: *', 'access-control-expose-headers: x-request-id'] : []),
    'connection: close',
  ];
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
  logger.info({ requestId, status, code: error.code }, 'request refused before it could be read');
}
