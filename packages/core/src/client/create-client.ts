import {
  createTRPCUntypedClient,
  httpBatchLink,
  httpSubscriptionLink,
  isTRPCClientError,
  splitLink,
  type TRPCUntypedClient,
} from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import type { z } from 'zod';
import {
  isProcedure,
  type ContractTree,
  type FileRouteContract,
  type ProcedureContract,
} from '../contract/define.ts';
import { fileRoutes, porticoContract, type PorticoContract } from '../contract/portico-contract.ts';
import { PorticoError, porticoErrorShapeSchema } from '../errors/portico-error.ts';
import { ppefImportReportSchema, type PpefImportReport } from '../ppef/schemas.ts';
import type { TaskQuery } from '../access-hub/schemas.ts';
import type { CallOptions, ContractClient, SubscriptionHandlers } from './client-types.ts';

/** Streamed files: what does not fit a JSON procedure (see `fileRoutes`). */
export interface PorticoFiles {
  /** The office's provider roster as CSV: a streamed `Response` (read its `body`, or `blob()` in a browser). */
  providerRoster(options?: CallOptions): Promise<Response>;
  /** The practice's open access-hub tasks as CSV, with the Tasks tab's filters and order: a streamed `Response`. */
  accessTasks(query?: Partial<TaskQuery>, options?: CallOptions): Promise<Response>;
  /** Staff: sends a PPEF file (a Blob; in Node `fs.openAsBlob(path)`) and returns the import's report. */
  importPpef(file: Blob, options?: CallOptions & { fileName?: string }): Promise<PpefImportReport>;
}

/** The typed Portico SDK client. */
export type PorticoClient = ContractClient<PorticoContract> & { files: PorticoFiles };

type EventSourceConstructor = new (url: string, init?: { withCredentials?: boolean }) => EventSource;

export interface PorticoClientOptions {
  /** The Portico server's base URL, e.g. `https://portico.payer.example`. The API lives under `/trpc`. */
  url: string;
  /** A fixed token minted by the host portal. Give `token` or `getToken`. */
  token?: string;
  /** Called before each request (and each subscription connect) for a fresh token; may be async. */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** A fetch implementation; defaults to the global one (browsers, Node 18+). */
  fetch?: typeof globalThis.fetch;
  /** An EventSource implementation for subscriptions; defaults to the global one (browsers). */
  EventSource?: EventSourceConstructor;
}

/** Turns anything a call can throw into a PorticoError with the server's code, field path and message. */
export function toPorticoError(error: unknown): PorticoError {
  if (error instanceof PorticoError) return error;
  if (isTRPCClientError(error)) {
    const data: unknown = error.data;
    const shape =
      typeof data === 'object' && data !== null && 'portico' in data
        ? porticoErrorShapeSchema.safeParse(data.portico)
        : undefined;
    if (shape?.success) return PorticoError.fromShape(shape.data);
    if (data === undefined || data === null) {
      return new PorticoError(
        'NETWORK',
        'Cannot reach the Portico server. Check the connection and try again.',
        {
          cause: error,
        },
      );
    }
    return new PorticoError('INTERNAL', error.message, { cause: error });
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return new PorticoError('NETWORK', 'The request was cancelled.', { cause: error });
  }
  return new PorticoError('INTERNAL', 'Unexpected client error.', { cause: error });
}

function parseOutput<T extends z.ZodType>(schema: T, value: unknown, path: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new PorticoError(
    'INTERNAL',
    `The server's answer to ${path} does not match this SDK version's contract.`,
    { cause: parsed.error },
  );
}

function procedureClient(untyped: TRPCUntypedClient<AnyRouter>, path: string, procedure: ProcedureContract) {
  switch (procedure.kind) {
    case 'query':
    case 'mutation': {
      const call = async (input?: unknown, options?: CallOptions) => {
        try {
          const result =
            procedure.kind === 'query'
              ? await untyped.query(path, input, options)
              : await untyped.mutation(path, input, options);
          return parseOutput(procedure.output, result, path);
        } catch (error) {
          throw toPorticoError(error);
        }
      };
      return procedure.kind === 'query' ? { query: call } : { mutate: call };
    }
    case 'subscription':
      return {
        subscribe: (input: unknown, handlers: SubscriptionHandlers<unknown>) =>
          untyped.subscription(path, input, {
            onStarted: () => handlers.onStarted?.(),
            onData: (event: unknown) => {
              try {
                handlers.onData(parseOutput(procedure.output, event, path));
              } catch (error) {
                handlers.onError?.(toPorticoError(error));
              }
            },
            onError: (error: unknown) => handlers.onError?.(toPorticoError(error)),
          }),
      };
  }
}

function clientTree(untyped: TRPCUntypedClient<AnyRouter>, tree: ContractTree, prefix: string): object {
  return Object.fromEntries(
    Object.entries(tree).map(([key, node]) => {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      return [
        key,
        isProcedure(node) ? procedureClient(untyped, path, node) : clientTree(untyped, node, path),
      ];
    }),
  );
}

/** Calls one file route with the bearer token; a refusal comes back as the server's PorticoError. */
async function callFileRoute(
  route: FileRouteContract,
  url: string,
  token: string | null,
  init: { body?: Blob; signal?: AbortSignal },
  doFetch: typeof globalThis.fetch,
): Promise<Response> {
  let response: Response;
  try {
    response = await doFetch(url, {
      method: route.method,
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(init.body ? { 'content-type': 'text/csv' } : {}),
      },
      ...(init.body ? { body: init.body } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
  } catch (error) {
    throw new PorticoError(
      'NETWORK',
      'Cannot reach the Portico server. Check the connection and try again.',
      {
        cause: error,
      },
    );
  }
  if (response.ok) return response;
  const body: unknown = await response.json().catch(() => null);
  const shape =
    typeof body === 'object' && body !== null && 'error' in body
      ? porticoErrorShapeSchema.safeParse(body.error)
      : null;
  if (shape?.success) throw PorticoError.fromShape(shape.data);
  throw new PorticoError('INTERNAL', `The server answered ${response.status} to ${route.path}.`);
}

function filesClient(
  baseUrl: string,
  currentToken: () => Promise<string | null>,
  customFetch: typeof globalThis.fetch | undefined,
): PorticoFiles {
  const base = baseUrl.replace(/\/+$/, '');
  const doFetch = customFetch ?? ((input, init) => globalThis.fetch(input, init));
  return {
    async providerRoster(options = {}) {
      const route = fileRoutes.providerRoster;
      return callFileRoute(route, `${base}${route.path}`, await currentToken(), options, doFetch);
    },
    async accessTasks(query = {}, options = {}) {
      const route = fileRoutes.accessTasks;
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query))
        if (value !== undefined) params.set(key, String(value));
      const search = params.size > 0 ? `?${params.toString()}` : '';
      return callFileRoute(route, `${base}${route.path}${search}`, await currentToken(), options, doFetch);
    },
    async importPpef(file, options = {}) {
      const route = fileRoutes.importPpef;
      const query = options.fileName ? `?name=${encodeURIComponent(options.fileName)}` : '';
      const response = await callFileRoute(
        route,
        `${base}${route.path}${query}`,
        await currentToken(),
        { body: file, ...(options.signal ? { signal: options.signal } : {}) },
        doFetch,
      );
      return parseOutput(ppefImportReportSchema, await response.json(), route.path);
    },
  };
}

/**
 * Creates the typed SDK client for a Portico server. Works in browsers and in Node 20+.
 *
 * @example
 * const portico = createPorticoClient({ url: 'https://portico.payer.example', getToken: () => session.token });
 * const plans = await portico.storefront.listPlans.query();
 */
export function createPorticoClient(options: PorticoClientOptions): PorticoClient {
  const endpoint = `${options.url.replace(/\/+$/, '')}/trpc`;
  const currentToken = async (): Promise<string | null> => {
    const token = options.getToken ? await options.getToken() : options.token;
    return token ?? null;
  };
  const untyped = createTRPCUntypedClient<AnyRouter>({
    links: [
      splitLink({
        condition: (operation) => operation.type === 'subscription',
        true: httpSubscriptionLink({
          url: endpoint,
          // EventSource cannot send headers; the token travels as a connection parameter instead.
          connectionParams: async () => {
            const token = await currentToken();
            return token === null ? {} : { token };
          },
          ...(options.EventSource ? { EventSource: options.EventSource } : {}),
        }),
        false: httpBatchLink({
          url: endpoint,
          ...(options.fetch ? { fetch: options.fetch } : {}),
          headers: async () => {
            const token = await currentToken();
            return token === null ? {} : { authorization: `Bearer ${token}` };
          },
        }),
      }),
    ],
  });
  // The tree is built from the same contract the type is derived from, so this assertion holds by construction.
  const procedures = clientTree(untyped, porticoContract, '') as ContractClient<PorticoContract>;
  return Object.assign(procedures, { files: filesClient(options.url, currentToken, options.fetch) });
}
