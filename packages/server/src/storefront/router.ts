import { satisfies, storefrontContract } from '@portico/core';
import { openBalanceCents } from '../billing/balance.ts';
import type { Handlers } from '../trpc/handlers.ts';
import { listPlans } from '../plans/catalog.ts';
import { listHeldMedicarePlans, providerListGapsOf } from './medicare-readiness.ts';
import {
  cancelAtMonthEnd,
  currentUseAgreement,
  listSubscriptions,
  quoteSubscription,
  stopCancellation,
  subscribe,
} from './store.ts';

/** The storefront domain: the catalogue, sign-up and upgrades, and cancellation by the payer's sales staff. */
export const storefrontHandlers: Handlers<typeof storefrontContract> = {
  listPlans: (_input, { scope }) => listPlans(scope),
  listSubscriptions: (_input, { scope, today }) => listSubscriptions(scope, today),

  async overview(_input, { scope, today, principal }) {
    return {
      today,
      subscriptions: await listSubscriptions(scope, today),
      providerListGaps: await providerListGapsOf(scope),
      medicarePlans: await listHeldMedicarePlans(scope, today),
      // Whether the caller may do what the storefront's buttons do: the permission sign-up declares.
      canManage: satisfies(principal.permissions, storefrontContract.subscribe.permission),
      openBalanceCents: await openBalanceCents(scope),
    };
  },

  useAgreement: (_input, { scope }) => currentUseAgreement(scope),
  quote: (input, { scope, today }) => quoteSubscription(scope, today, input.planCodes),

  async subscribe(input, { scope, today, principal, audit, publish }) {
    const { added, replaced } = await subscribe(scope, input, today, principal.userId);
    await audit.recordMany([
      ...added.map((id) => ({ action: 'subscription.create', entity: 'subscription', entityId: id })),
      ...replaced.map((id) => ({ action: 'subscription.upgrade', entity: 'subscription', entityId: id })),
    ]);
    for (const id of [...added, ...replaced]) await publish({ topic: 'subscription.changed', entityId: id });
    return listSubscriptions(scope, today);
  },

  async stopCancellation(input, { scope, today, audit, publish }) {
    const subscription = await stopCancellation(scope, input.subscriptionId, today);
    await audit.record({
      action: 'subscription.cancellation.stop',
      entity: 'subscription',
      entityId: subscription.id,
    });
    await publish({ topic: 'subscription.changed', entityId: subscription.id });
    return subscription;
  },

  async officeSubscriptions(input, { forOffice }) {
    const office = await forOffice(input.officeId);
    return listSubscriptions(office.scope, office.today);
  },

  async cancelSubscription(input, { forOffice, principal }) {
    const office = await forOffice(input.officeId);
    const subscription = await cancelAtMonthEnd(
      office.scope,
      input.subscriptionId,
      office.today,
      principal.userId,
    );
    await office.audit.record({
      action: 'subscription.cancel',
      entity: 'subscription',
      entityId: subscription.id,
    });
    await office.publish({ topic: 'subscription.changed', entityId: subscription.id });
    return subscription;
  },
};
