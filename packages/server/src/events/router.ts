import type { eventsContract } from '@portico/core';
import type { Handlers } from '../trpc/handlers.ts';

/** Live updates for the caller's organization only. */
export const eventsHandlers: Handlers<typeof eventsContract> = {
  stream: (_input, { principal, bus, signal }) => bus.stream(principal.organization.id, signal),
};
