import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { refuseUnreadable } from './unreadable.ts';
import { openApiDocument, type OpenApiDocument } from '@portico/core';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import cors from 'cors';
import sirv from 'sirv';
import { createTokenVerifier } from '../auth/tokens.ts';
import type { Clock } from '../services/clock.ts';
import type { ServerConfig } from '../config.ts';
import { isDatabaseHealthy, type DatabaseHandle } from '../db/connect.ts';
import { EventBus } from '../services/event-bus.ts';
import type { Logger } from '../logger.ts';
import { appRouter, porticoFileHandlers } from '../router.ts';
import { demoToken } from '../demo/token-route.ts';
import type { Services } from '../trpc/context.ts';
import type { PaymentGateway } from '../services/payment-gateway.ts';
import { createFileRoutes } from './file-routes.ts';
import { createSealer } from '../services/sealer.ts';
import type { Clearinghouse } from '../services/clearinghouse.ts';
import { memberServicesSettings, openClearinghouse } from '../clearinghouse/open.ts';
import { refuseBeforeTrpc } from './refusal.ts';
import { bearerToken, requestIdOf } from './request-id.ts';

export interface PorticoServer {
  /** The base URL the server listens on, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** True when the example host portal's built files are served at `/`. */
  servesExamplePortal: boolean;
  services: Services;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

/**
 * Starts the Portico HTTP server: tRPC at `/trpc` (queries, mutations, SSE subscriptions), `/health`,
 * `/demo/token` when demo mode is on, and the example host portal's built files at `/`.
 */
export async function startPorticoServer(options: {
  config: ServerConfig;
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  gateway: PaymentGateway;
  /** A clearinghouse adapter; without one, the configuration's (the sandbox payer by default) is opened here. */
  clearinghouse?: Clearinghouse;
}): Promise<PorticoServer> {
  if (options.clearinghouse) return serve({ ...options, clearinghouse: options.clearinghouse });
  const opened = await openClearinghouse(options.config, options.clock);
  try {
    const server = await serve({ ...options, clearinghouse: opened.clearinghouse });
    return {
      ...server,
      async close() {
        await server.close();
        await opened.close();
      },
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}

async function serve(options: {
  config: ServerConfig;
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  gateway: PaymentGateway;
  clearinghouse: Clearinghouse;
}): Promise<PorticoServer> {
  const { config, database, clock, logger, gateway, clearinghouse } = options;
  const bus = await EventBus.start(database, logger, clock);
  const verifier = createTokenVerifier({
    key: config.tokenKey,
    issuer: config.issuer,
    audience: config.audience,
    clock,
  });
  const services: Services = {
    db: database.db,
    clock,
    verifier,
    bus,
    logger,
    sealer: createSealer(config.encryptionKeys),
    gateway,
    policy: { selfAttestation: config.selfAttestation },
    clearinghouse,
    memberServices: memberServicesSettings(config),
  };

  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: config.maxBodyBytes,
    createContext: ({ req, info }) => ({
      requestId: requestIdOf(req),
      // A token travels in the Authorization header. Only a subscription (an EventSource, which cannot send
      // headers) may bring it as a connection parameter; tokens do not belong in the URLs of ordinary calls.
      token:
        bearerToken(req) ?? (info.type === 'subscription' ? (info.connectionParams?.token ?? null) : null),
      services,
    }),
    onError: ({ error, path, ctx }) => {
      const context = { requestId: ctx?.requestId, path, code: error.code };
      if (error.code === 'INTERNAL_SERVER_ERROR')
        logger.error({ ...context, err: error.cause ?? error }, 'procedure failed');
      else logger.info(context, 'procedure refused');
    },
  });
  const allowCors = cors({
    origin: config.corsOrigins,
    allowedHeaders: ['authorization', 'content-type', 'x-request-id', 'trpc-accept', 'last-event-id'],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });
  const serveStatic = config.staticDir ? sirv(config.staticDir, { etag: true, dev: false }) : null;

  const fileRoutes = createFileRoutes(services, database, porticoFileHandlers);
  // The contract's OpenAPI document, made on first request and kept: it never changes while the server runs.
  let document: OpenApiDocument | null = null;
  const openApi = () => (document ??= openApiDocument());

  const handle = async (req: IncomingMessage, res: ServerResponse, requestId: string) => {
    const url = new URL(req.url ?? '/', 'http://portico.invalid');
    if (url.pathname.startsWith('/files/')) {
      await new Promise<void>((resolve) => allowCors(req, res, () => resolve()));
      if (res.writableEnded) return;
      if (await fileRoutes(req, res, url, requestId)) return;
    }
    if (url.pathname === '/trpc' || url.pathname.startsWith('/trpc/')) {
      await new Promise<void>((resolve) => allowCors(req, res, () => resolve()));
      if (res.writableEnded) return;
      if (refuseBeforeTrpc(req, res, url, config.maxBatch, requestId)) return;
      trpcHandler(req, res);
      return;
    }
    if (url.pathname === '/openapi.json' && (req.method === 'GET' || req.method === 'HEAD')) {
      sendJson(res, 200, openApi());
      return;
    }
    if (url.pathname === '/readyz') {
      // Ready to serve everything, live updates included: the database answers and this instance hears it.
      const databaseUp = await isDatabaseHealthy(database.db);
      const listener = bus.listenerState();
      const ready = databaseUp && listener === 'listening';
      sendJson(res, ready ? 200 : 503, {
        status: ready ? 'ready' : 'unavailable',
        database: databaseUp ? 'ok' : 'unavailable',
        listener,
      });
      return;
    }
    if (url.pathname === '/health') {
      const healthy = await isDatabaseHealthy(database.db);
      sendJson(res, healthy ? 200 : 503, { status: healthy ? 'ok' : 'unavailable', database: database.kind });
      return;
    }
    if (url.pathname === '/demo/token' && config.demo && req.method === 'GET') {
      const as = url.searchParams.get('as') ?? 'security-officer';
      const answer = await demoToken(config, clock, as);
      if (answer === null) sendJson(res, 404, { code: 'NOT_FOUND', message: `No demo user "${as}".` });
      else sendJson(res, 200, answer);
      return;
    }
    if (serveStatic && (req.method === 'GET' || req.method === 'HEAD')) {
      serveStatic(req, res, () => sendJson(res, 404, { code: 'NOT_FOUND', message: 'Not found.' }));
      return;
    }
    sendJson(res, 404, { code: 'NOT_FOUND', message: 'Not found.' });
  };

  const server = createServer((req, res) => {
    const requestId = requestIdOf(req);
    const started = performance.now();
    res.setHeader('x-request-id', requestId);
    res.setHeader('x-content-type-options', 'nosniff');
    res.on('finish', () => {
      // The path only: a subscription's query string carries its token.
      const path = (req.url ?? '/').split('?')[0];
      const ms = Math.round(performance.now() - started);
      logger.info({ requestId, method: req.method, path, status: res.statusCode, ms }, 'request');
    });
    handle(req, res, requestId).catch((error: unknown) => {
      logger.error({ requestId, err: error }, 'request failed');
      if (!res.headersSent) {
        sendJson(res, 500, {
          code: 'INTERNAL',
          message: `Something went wrong on our side. If it persists, give support this reference: ${requestId}.`,
          requestId,
        });
      } else res.end();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) =>
    refuseUnreadable(error, socket, config.corsOrigins === '*', logger),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The server is not listening on TCP.');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    servesExamplePortal: serveStatic !== null,
    services,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bus.close();
    },
  };
}
