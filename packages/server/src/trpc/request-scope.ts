import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The id of the HTTP request being handled, for errors tRPC raises before a procedure's context exists (a body
 * that is not JSON, a batch that is too large, the wrong content type): they carry the same id as every other
 * answer and log line of that request. Per request, never shared between requests or instances.
 */
const scope = new AsyncLocalStorage<string>();

/** Runs the handling of one request with its id in scope. */
export function withRequestId<T>(requestId: string, run: () => T): T {
  return scope.run(requestId, run);
}

/** The id of the request being handled, or null outside one. */
export function currentRequestId(): string | null {
  return scope.getStore() ?? null;
}
