import {
  createTRPCUntypedClient,
  httpBatchLink,
  httpSubscriptionLink,
  isTRPCClientError,
  splitLink,
  type TRPCUntypedClient,
} from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { listProcedures, type ContractTree } from '../contract/define.ts';
import { FILE_PATHS } from '../contract/file-paths.ts';
import type { PorticoContract } from '../contract/portico-contract.ts';
import { isPorticoErrorShape, PorticoError } from '../errors/portico-error.ts';
import type { PpefImportReport } from '../ppef/schemas.ts';
import type { TaskQuery } from '../access-hub/schemas.ts';
import type { AuditFilters } from '../audit-log/schemas.ts';
import type { CallOptions, ContractClient, ProcedurePath, SubscriptionHandlers } from './client-types.ts';

/** Streamed files: what does not fit a JSON procedure (see `fileRoutes`). */
export interface PorticoFiles {
  /** The office's provider roster as CSV: a streamed `Response` (read its `body`, or `blob()` in a browser). */
  providerRoster(options?: CallOptions): Promise<Response>;
  /** The practice's open access-hub tasks as CSV, with the Tasks tab's filters and order: a streamed `Response`. */
  accessTasks(query?: Partial<TaskQuery>, options?: CallOptions): Promise<Response>;
  /** The office's audit trail as CSV, newest first, with the audit viewer's filters: a streamed `Response`. */
  auditTrail(filters?: AuditFilters, options?: CallOptions): Promise<Response>;
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
  /**
   * When given (`porticoContract`), every answer and event is parsed with its output schema, and an answer that
   * does not match is an `INTERNAL` error naming the procedure: for Node services that want the server's answers
   * checked against the SDK version they were built with. Without it the client imports no schema, so a
   * browser page does not load zod; the server checks every answer against the contract before sending it.
   */
  contract?: ContractTree;
  /** The most calls sent together in one HTTP request (default 10); keep it at or under the server's PORTICO_MAX_BATCH. */
  maxBatch?: number;
}

/** Calls per batched request unless `maxBatch` says otherwise: under the server's default limit of 16. */
const DEFAULT_MAX_BATCH = 10;

/** The longest address a batch of queries may have: well under the 16 KiB servers read in a header. */
const MAX_URL_LENGTH = 8000;

/** What an error envelope's `data` carries under `portico` (tRPC's envelope, and a refusal before any route). */
function porticoIn(data: unknown): unknown {
  return typeof data === 'object' && data !== null && 'portico' in data ? data.portico : undefined;
}

/** Turns anything a call can throw into a PorticoError with the server's code, field path and message. */
export function toPorticoError(error: unknown): PorticoError {
  if (error instanceof PorticoError) return error;
  if (isTRPCClientError(error)) {
    const data: unknown = error.data;
    const shape = porticoIn(data);
    if (isPorticoErrorShape(shape)) return PorticoError.fromShape(shape);
    // httpBatchLink's own refusal to send one query whose input makes its address longer than `maxURLLength`.
    if ((data === undefined || data === null) && /too big for a single dispatch/.test(error.message)) {
      return new PorticoError(
        'PAYLOAD_TOO_LARGE',
        `This input is too large to send as a query (over ${MAX_URL_LENGTH} characters in its address).`,
        { cause: error },
      );
    }
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

/** How an answer is read: parsed with its procedure's output schema (the `contract` option), or taken as sent. */
type ReadAnswer = (path: string, value: unknown) => unknown;

function answerReader(contract: ContractTree | undefined): ReadAnswer {
  if (!contract) return (_path, value) => value;
  const outputs = new Map(listProcedures(contract).map(({ path, procedure }) => [path, procedure.output]));
  return (path, value) => {
    const schema = outputs.get(path);
    if (!schema) return value;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw new PorticoError(
      'INTERNAL',
      `The server's answer to ${path} does not match this SDK version's contract.`,
      { cause: parsed.error },
    );
  };
}

/** How a procedure is called: the last step of the path, as in `client.providers.list.query()`. */
type Method = 'query' | 'mutate' | 'subscribe';

function call(
  untyped: TRPCUntypedClient<AnyRouter>,
  read: ReadAnswer,
  path: string,
  method: Method,
  args: unknown[],
): unknown {
  const [input, second] = args;
  if (method === 'subscribe') {
    const handlers = second as SubscriptionHandlers<unknown>;
    let current: { unsubscribe(): void } | null = null;
    let stopped = false;
    const open = () => {
      current = untyped.subscription(path, input, {
        onStarted: () => handlers.onStarted?.(),
        onData: (event: unknown) => {
          try {
            const value = read(path, event);
            // The stream's token expires: it ends, and is opened again with a fresh token from getToken.
            if (isStreamExpiry(value)) {
              current?.unsubscribe();
              if (!stopped) open();
              return;
            }
            handlers.onData(value);
          } catch (error) {
            handlers.onError?.(toPorticoError(error));
          }
        },
        onError: (error: unknown) => handlers.onError?.(toPorticoError(error)),
      });
    };
    open();
    return {
      unsubscribe: () => {
        stopped = true;
        current?.unsubscribe();
      },
    };
  }
  const options = second as CallOptions | undefined;
  return (async () => {
    try {
      const result =
        method === 'query'
          ? await untyped.query(path, input, options)
          : await untyped.mutation(path, input, options);
      return read(path, result);
    } catch (error) {
      throw toPorticoError(error);
    }
  })();
}

const isStreamExpiry = (value: unknown) =>
  typeof value === 'object' && value !== null && 'topic' in value && value.topic === 'stream.expired';

const METHODS: ReadonlySet<string> = new Set<Method>(['query', 'mutate', 'subscribe']);

/**
 * The procedure tree as a proxy: each property step adds to the path, and calling a step calls the procedure
 * the steps before it name, the step itself naming how (`query`, `mutate` or `subscribe`). So
 * `client.storefront.subscribe.mutate()` is the mutation `storefront.subscribe`. No list of procedures is needed
 * at run time (the type comes from the contract), which keeps the contract's schemas out of what a browser loads.
 */
function procedureProxy(
  untyped: TRPCUntypedClient<AnyRouter>,
  read: ReadAnswer,
  path: readonly string[],
): object {
  // Each step is made once, so `client.storefront` is the same object every time it is read.
  const steps = new Map<string, object>();
  return new Proxy(() => undefined, {
    get(_target, key) {
      // Not a thenable, not a tag: only string steps are part of a path.
      if (typeof key !== 'string' || key === 'then') return undefined;
      let step = steps.get(key);
      if (!step) {
        step = procedureProxy(untyped, read, [...path, key]);
        steps.set(key, step);
      }
      return step;
    },
    apply(_target, _this, args: unknown[]) {
      const method = path.at(-1);
      if (path.length < 2 || method === undefined || !METHODS.has(method)) {
        throw new TypeError(
          `client.${path.join('.')}() is not a procedure call: end with .query, .mutate or .subscribe.`,
        );
      }
      return call(untyped, read, path.slice(0, -1).join('.'), method as Method, args);
    },
  });
}

/** Calls one file route with the bearer token; a refusal comes back as the server's PorticoError. */
async function callFileRoute(
  method: 'GET' | 'POST',
  url: string,
  token: string | null,
  init: { body?: Blob; signal?: AbortSignal },
  doFetch: typeof globalThis.fetch,
): Promise<Response> {
  let response: Response;
  try {
    response = await doFetch(url, {
      method,
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
  const error: unknown = typeof body === 'object' && body !== null && 'error' in body ? body.error : null;
  // A file route answers `{ error: shape }`; a refusal before any route (an address too long) the tRPC envelope.
  const shape =
    isPorticoErrorShape(error) || typeof error !== 'object' || error === null
      ? error
      : porticoIn('data' in error ? error.data : undefined);
  if (isPorticoErrorShape(shape)) throw PorticoError.fromShape(shape);
  throw new PorticoError('INTERNAL', `The server answered ${response.status} to ${new URL(url).pathname}.`);
}

/** A file route's query string from flat filters, leaving out what is unset. */
function searchOf(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  return params.size > 0 ? `?${params.toString()}` : '';
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
      return callFileRoute(
        'GET',
        `${base}${FILE_PATHS.providerRoster}`,
        await currentToken(),
        options,
        doFetch,
      );
    },
    async accessTasks(query = {}, options = {}) {
      const url = `${base}${FILE_PATHS.accessTasks}${searchOf(query)}`;
      return callFileRoute('GET', url, await currentToken(), options, doFetch);
    },
    async auditTrail(filters = {}, options = {}) {
      const url = `${base}${FILE_PATHS.auditTrail}${searchOf(filters)}`;
      return callFileRoute('GET', url, await currentToken(), options, doFetch);
    },
    async importPpef(file, options = {}) {
      const query = options.fileName ? `?name=${encodeURIComponent(options.fileName)}` : '';
      const response = await callFileRoute(
        'POST',
        `${base}${FILE_PATHS.importPpef}${query}`,
        await currentToken(),
        { body: file, ...(options.signal ? { signal: options.signal } : {}) },
        doFetch,
      );
      return (await response.json()) as PpefImportReport;
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
          // Calls made together travel in one request, up to what a server accepts (PORTICO_MAX_BATCH, 16 by
          // default), and a batch of queries is split before its URL grows past what servers read in a header.
          maxItems: options.maxBatch ?? DEFAULT_MAX_BATCH,
          maxURLLength: MAX_URL_LENGTH,
          ...(options.fetch ? { fetch: options.fetch } : {}),
          headers: async () => {
            const token = await currentToken();
            return token === null ? {} : { authorization: `Bearer ${token}` };
          },
        }),
      }),
    ],
  });
  const files = filesClient(options.url, currentToken, options.fetch);
  const procedures = procedureProxy(untyped, answerReader(options.contract), []);
  // Every path the type allows is a step of the proxy, and `files` is answered before the proxy is asked.
  return new Proxy(procedures, {
    get: (target, key, receiver) => (key === 'files' ? files : Reflect.get(target, key, receiver)),
  }) as PorticoClient;
}

/**
 * Whether the signed-in user may call a procedure, from their session (`organizations.me`): the server works out
 * `allowed` from their permissions, so a page shows a control only to those who may use it.
 */
export function mayCall(
  session: { readonly allowed: readonly string[] },
  path: ProcedurePath<PorticoContract>,
): boolean {
  return session.allowed.includes(path);
}
