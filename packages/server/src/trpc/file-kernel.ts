import type { Readable } from 'node:stream';
import { porticoErrorFromZod, type FileRouteContract } from '@portico/core';
import { z } from 'zod';
import { AuditTrail } from '../audit/audit-trail.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { OrgScope } from '../tenancy/org-scope.ts';
import type { Services } from './context.ts';
import type { CsvFile, FileContext, PreparedFileRequest, ServedFileRoute } from './handlers.ts';
import { admit } from './kernel.ts';

/**
 * Lets one file request in, as a procedure is let in: verifies the token first (an anonymous caller makes the
 * server parse nothing), parses the query string with the route's input schema, then in one transaction admits
 * the caller (`admit`) and writes the route's audit row before any data moves. Returns the prepared request and
 * the context its handler runs with.
 */
export async function openFileRoute(
  services: Services,
  database: DatabaseHandle,
  served: ServedFileRoute,
  request: { token: string | null; requestId: string; query: Record<string, string> },
): Promise<{ prepared: PreparedFileRequest; context: FileContext }> {
  const { route } = served;
  const claims = await services.verifier.verify(request.token);
  const prepared = served.prepare(request.query, request.requestId);
  const principal = await services.db.transaction().execute(async (trx) => {
    const admitted = await admit(trx, services, claims, request.requestId, {
      permission: route.permission,
    });
    await admitted.audit.record({ ...route.audit, entityId: admitted.principal.organization.id });
    return admitted.principal;
  });
  const organizationId = principal.organization.id;
  return {
    prepared,
    context: {
      requestId: request.requestId,
      principal,
      clock: services.clock,
      database,
      read: (work) =>
        services.db.transaction().execute((trx) => work(OrgScope.ofOrganization(trx, organizationId))),
      record: (entry) =>
        services.db.transaction().execute(async (trx) => {
          const scope = OrgScope.ofOrganization(trx, organizationId);
          await new AuditTrail(scope, principal.userId, request.requestId, services.clock).record(entry);
        }),
    },
  };
}

function parseQuery<I extends z.ZodType>(
  schema: I,
  query: Record<string, string>,
  requestId: string,
): z.output<I> {
  const parsed = z.safeParse(schema, query);
  if (!parsed.success) throw porticoErrorFromZod(parsed.error, requestId);
  return parsed.data;
}

/** Serves a CSV download: the handler gets the parsed query and returns the file a page at a time. */
export function serveDownload<I extends z.ZodType>(
  route: FileRouteContract<'download', I, z.ZodString>,
  handler: (input: z.output<I>, context: FileContext) => CsvFile,
): ServedFileRoute<FileRouteContract<'download', I, z.ZodString>> {
  return {
    route,
    prepare(query, requestId) {
      const input = parseQuery(route.input, query, requestId);
      return { kind: 'download', download: (context) => handler(input, context) };
    },
  };
}

/** Serves an upload: the handler gets the parsed query and the request body; its answer is checked by the contract. */
export function serveUpload<I extends z.ZodType, O extends z.ZodType>(
  route: FileRouteContract<'upload', I, O>,
  handler: (input: z.output<I>, body: Readable, context: FileContext) => Promise<z.input<O>>,
): ServedFileRoute<FileRouteContract<'upload', I, O>> {
  return {
    route,
    prepare(query, requestId) {
      const input = parseQuery(route.input, query, requestId);
      return {
        kind: 'upload',
        upload: async (body, context) => route.output.parse(await handler(input, body, context)),
      };
    },
  };
}
