import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BLOCKED_WORK_LABELS,
  fileRoutes,
  porticoErrorFromZod,
  TASK_CSV_COLUMNS,
  taskQuerySchema,
  type TaskRow,
  httpStatusOfCode,
  PorticoError,
  ROSTER_DOWNLOAD_COLUMNS,
  satisfies,
  type FileRoute,
  type Provider,
} from '@portico/core';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { AuditTrail } from '../audit/audit-trail.ts';
import { resolvePrincipal, type Principal } from '../auth/principal.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { taskPages } from '../access-hub/store.ts';
import { importPpefFile, PPEF_IMPORT_LOCK } from '../ppef/import.ts';
import { providerPages } from '../providers/store.ts';
import { OrgScope } from '../tenancy/org-scope.ts';
import type { Services } from '../trpc/context.ts';
import { bearerToken } from './request-id.ts';

function sendError(res: ServerResponse, error: PorticoError): void {
  res.statusCode = httpStatusOfCode[error.code];
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify({ error: error.toShape() }));
}

function rosterRow(provider: Provider): string[] {
  return [
    provider.npi,
    provider.firstName ?? '',
    provider.lastName ?? '',
    provider.organizationName ?? '',
    provider.tin.display,
    provider.specialty ?? '',
    provider.medicare.enrolled ? 'Y' : 'N',
    [...new Set(provider.medicare.enrollments.map((e) => e.providerTypeDescription))].join('; '),
    [...new Set(provider.medicare.enrollments.map((e) => e.state))].join('; '),
  ];
}

function taskCsvRow(task: TaskRow): string[] {
  return [
    String(task.number),
    BLOCKED_WORK_LABELS[task.kind],
    task.portal.name,
    task.portal.url,
    task.medicalGroup?.name ?? '',
    task.description,
    String(task.impact.count),
    // Dollars with two decimals from integer cents, exactly (no floating point).
    `${Math.trunc(task.impact.cents / 100)}.${String(task.impact.cents % 100).padStart(2, '0')}`,
    task.createdAt,
  ];
}

/**
 * Streams CSV (CRLF, RFC 4180 quoting) page by page with back-pressure: each page is written as one chunk, and only
 * one page is in memory at a time, whatever the file's size.
 */
async function sendCsv(
  res: ServerResponse,
  fileName: string,
  header: readonly string[],
  pages: AsyncIterable<string[][]>,
) {
  const options = { record_delimiter: '\r\n' } as const;
  async function* chunks() {
    yield stringifySync([[...header]], options);
    for await (const page of pages) yield stringifySync(page, options);
  }
  res.statusCode = 200;
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
  res.setHeader('cache-control', 'no-store');
  await pipeline(Readable.from(chunks()), res);
}

/**
 * The streamed file routes (`fileRoutes` in @portico/core): the same checks as a procedure (verified token,
 * the route's permission, audit row) before any data moves. Answers true when the request was one of them.
 */
export function createFileRoutes(services: Services, database: DatabaseHandle) {
  /** Verifies the caller and their permission, and audits the act, in one transaction. */
  const authorize = async (
    req: IncomingMessage,
    route: FileRoute,
    requestId: string,
    audited: { action: string; entity: string },
  ) => {
    const claims = await services.verifier.verify(bearerToken(req));
    return services.db.transaction().execute(async (trx) => {
      const { principal } = await resolvePrincipal(trx, claims, services.clock);
      if (!satisfies(principal.permissions, route.permission)) {
        throw new PorticoError(
          'FORBIDDEN',
          `You do not have permission to do this (${route.path} needs ${route.permission}).`,
        );
      }
      const scope = OrgScope.ofPrincipal(trx, principal);
      await new AuditTrail(scope, principal.userId, requestId, services.clock).record({
        ...audited,
        entityId: principal.organization.id,
      });
      return principal;
    });
  };

  /** Reads one page in its own short transaction, scoped to the caller's organization. */
  const readerFor =
    (principal: Principal) =>
    <T>(work: (scope: OrgScope) => Promise<T>) =>
      services.db
        .transaction()
        .execute((trx) => work(OrgScope.ofOrganization(trx, principal.organization.id)));

  const providerRoster = async (req: IncomingMessage, res: ServerResponse, requestId: string) => {
    const principal = await authorize(req, fileRoutes.providerRoster, requestId, {
      action: 'provider.roster.download',
      entity: 'provider_list',
    });
    const read = readerFor(principal);
    async function* pages() {
      for await (const page of providerPages(read)) yield page.map(rosterRow);
    }
    await sendCsv(res, 'provider-roster.csv', ROSTER_DOWNLOAD_COLUMNS, pages());
  };

  const accessTasks = async (req: IncomingMessage, res: ServerResponse, requestId: string, url: URL) => {
    const parsed = taskQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) throw porticoErrorFromZod(parsed.error, requestId);
    const query = parsed.data;
    const principal = await authorize(req, fileRoutes.accessTasks, requestId, {
      action: 'access_task.download',
      entity: 'access_task_list',
    });
    const read = readerFor(principal);
    async function* pages() {
      for await (const page of taskPages(read, query)) yield page.map(taskCsvRow);
    }
    await sendCsv(res, 'access-hub-tasks.csv', TASK_CSV_COLUMNS, pages());
  };

  const importPpef = async (req: IncomingMessage, res: ServerResponse, requestId: string, url: URL) => {
    const principal = await authorize(req, fileRoutes.importPpef, requestId, {
      action: 'ppef.import.start',
      entity: 'ppef_file',
    });
    const fileName = basename(url.searchParams.get('name') ?? 'upload.csv').slice(0, 200) || 'upload.csv';
    const outcome = await database.exclusive(PPEF_IMPORT_LOCK, async () => {
      const path = join(tmpdir(), `portico-ppef-${randomUUID()}.csv`);
      try {
        // Streamed to disk, never whole in memory, and hashed on the way: the same file again is not loaded.
        const hash = createHash('sha256');
        await pipeline(
          req,
          async function* (upload: AsyncIterable<Buffer>) {
            for await (const chunk of upload) {
              hash.update(chunk);
              yield chunk;
            }
          },
          createWriteStream(path),
        );
        return await importPpefFile(database, path, {
          clock: services.clock,
          fileName,
          sha256: hash.digest('hex'),
        });
      } finally {
        await rm(path, { force: true });
      }
    });
    if (!outcome.ran) {
      req.resume();
      throw new PorticoError(
        'CONFLICT',
        'Another enrollment file is being imported. Try again when it has finished.',
      );
    }
    await recordImport(principal, requestId, outcome.result.fileId);
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(outcome.result));
  };

  const recordImport = (principal: Principal, requestId: string, fileId: string | null) =>
    services.db.transaction().execute(async (trx) => {
      const scope = OrgScope.ofPrincipal(trx, principal);
      await new AuditTrail(scope, principal.userId, requestId, services.clock).record({
        action: 'ppef.import',
        entity: 'ppef_file',
        entityId: fileId ?? 'unchanged',
      });
    });

  return async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<boolean> => {
    const route = Object.values(fileRoutes).find((candidate) => candidate.path === url.pathname);
    if (!route) return false;
    try {
      if (req.method !== route.method) {
        throw new PorticoError('BAD_REQUEST', `${route.path} is called with ${route.method}.`);
      }
      if (route === fileRoutes.providerRoster) await providerRoster(req, res, requestId);
      else if (route === fileRoutes.accessTasks) await accessTasks(req, res, requestId, url);
      else await importPpef(req, res, requestId, url);
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
            {
              requestId,
            },
          ),
        );
      }
    }
    return true;
  };
}
