import type { ProcedureContext } from '../trpc/handlers.ts';
import { startWaitingSubscriptions } from './store.ts';

/**
 * Called after every change to the provider list: when the change completed the list, the Medicare
 * subscriptions that waited for it start (billable today, ready within two business days), in the same
 * transaction, audited and announced. The storefront and the provider manager read the same rows, so they agree.
 */
export async function startSubscriptionsIfListComplete(
  context: Pick<ProcedureContext, 'scope' | 'audit' | 'today' | 'publish'>,
): Promise<void> {
  const started = await startWaitingSubscriptions(context.scope, context.today);
  if (started.length === 0) return;
  await context.audit.recordMany(
    started.map((id) => ({ action: 'subscription.activate', entity: 'subscription', entityId: id })),
  );
  for (const id of started) await context.publish({ topic: 'subscription.changed', entityId: id });
}
