import type { IncomingMessage, ServerResponse } from 'node:http';
import { PorticoError, type PorticoErrorShape } from '@portico/core';

/** The JSON-RPC code tRPC gives each HTTP status it answers with. */
const RPC_CODES: Record<number, [number, string]> = {
  400: [-32600, 'BAD_REQUEST'],
  413: [-32013, 'PAYLOAD_TOO_LARGE'],
  415: [-32600, 'BAD_REQUEST'],
  431: [-32013, 'PAYLOAD_TOO_LARGE'],
};

/** A refusal in tRPC's error envelope, the PorticoError shape under `data.portico`: what the SDK reads. */
export function trpcErrorEnvelope(portico: PorticoErrorShape, status: number) {
  const [code, name] = RPC_CODES[status] ?? [-32600, 'BAD_REQUEST'];
  return { error: { message: portico.message, code, data: { code: name, httpStatus: status, portico } } };
}

/**
 * What tRPC would refuse before a request has a context, and so without its request id: refused here first, with
 * it. A POST body that is not JSON, and a batch of more calls than the server takes.
 */
export function refuseBeforeTrpc(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  maxBatch: number,
  requestId: string,
): boolean {
  let refusal: { status: number; error: PorticoError } | null = null;
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase();
  if (req.method === 'POST' && type !== 'application/json') {
    refusal = {
      status: 415,
      error: new PorticoError(
        'BAD_REQUEST',
        'Send the request body as JSON, with the header content-type: application/json.',
        { requestId },
      ),
    };
  } else if (url.searchParams.get('batch') === '1' && url.pathname.split(',').length > maxBatch) {
    refusal = {
      status: 400,
      error: new PorticoError(
        'BAD_REQUEST',
        `This batch holds more calls than the server accepts in one request (PORTICO_MAX_BATCH, ${maxBatch}); send fewer.`,
        { requestId },
      ),
    };
  }
  if (!refusal) return false;
  res.statusCode = refusal.status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(trpcErrorEnvelope(refusal.error.toShape(), refusal.status)));
  return true;
}
