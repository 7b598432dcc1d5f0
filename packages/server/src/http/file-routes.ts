import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { httpStatusOfCode, PorticoError, type PorticoFileRoutes } from '@portico/core';
import { stringify as stringifySync } from 'csv-stringify/sync';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Services } from '../trpc/context.ts';
import { openFileRoute } from '../trpc/file-kernel.ts';
import type { CsvFile, FileHandlers, ServedFileRoute } from '../trpc/handlers.ts';
import { bearerToken } from './request-id.ts';

function sendError(res: ServerResponse, error: PorticoError): void {
  res.statusCode = httpStatusOfCode[error.code];
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify({ error: error.toShape() }));
}

function sendJson(res: ServerResponse, body: unknown): void {
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

/**
 * Streams CSV (CRLF, RFC 4180 quoting) page by page with back-pressure: each page is written as one chunk, and only
 * one page is in memory at a time, whatever the file's size.
 */
async function sendCsv(res: ServerResponse, file: CsvFile): Promise<void> {
  const options = { record_delimiter: '\r\n' } as const;
  async function* chunks() {
    yield stringifySync([[...file.header]], options);
    for await (const page of file.pages) yield stringifySync(page, options);
  }
  res.statusCode = 200;
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
  res.setHeader('cache-control', 'no-store');
  await pipeline(Readable.from(chunks()), res);
}

/**
 * The HTTP transport of the file routes declared in the domains' contracts (`fileRoutes` in @portico/core): finds
 * the route, lets the request in through the kernel (`openFileRoute`: token, input, permission, audit), runs the
 * domain's handler and streams its answer. Answers true when the request was one of them.
 */
export function createFileRoutes(
  services: Services,
  database: DatabaseHandle,
  handlers: FileHandlers<PorticoFileRoutes>,
) {
  const servedRoutes: ServedFileRoute[] = Object.values(handlers);
  return async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<boolean> => {
    const served = servedRoutes.find((candidate) => candidate.route.path === url.pathname);
    if (served === undefined) return false;
    const { route } = served;
    try {
      if (req.method !== route.method) {
        throw new PorticoError('BAD_REQUEST', `${route.path} is called with ${route.method}.`);
      }
      const { prepared, context } = await openFileRoute(services, database, served, {
        token: bearerToken(req),
        requestId,
        query: Object.fromEntries(url.searchParams),
      });
      if (prepared.kind === 'download') await sendCsv(res, prepared.download(context));
      else sendJson(res, await prepared.upload(req, context));
    } catch (error) {
      if (res.headersSent) {
        // Mid-stream: the client sees a cut-off download, never a half file presented as whole.
        services.logger.error({ requestId, err: error }, 'file route failed while streaming');
        res.destroy();
        return true;
      }
      if (error instanceof PorticoError) {
        services.logger.info({ requestId, path: route.path, code: error.code }, 'file route refused');
        sendError(
          res,
          new PorticoError(error.code, error.message, {
            fieldPath: error.fieldPath,
            issues: error.issues,
            requestId,
          }),
        );
      } else {
        services.logger.error({ requestId, err: error }, 'file route failed');
        sendError(
          res,
          new PorticoError(
            'INTERNAL',
            `Something went wrong on our side. If it persists, give support this reference: ${requestId}.`,
            { requestId },
          ),
        );
      }
    }
    return true;
  };
}
