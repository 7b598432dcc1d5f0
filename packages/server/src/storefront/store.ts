import {
  addCalendarDays,
  firstOfMonth,
  isHeldStatus,
  medicareReadyBy,
  planChange,
  PorticoError,
  type Plan,
  type PlanCode,
  type Subscription,
  type SubscriptionQuote,
  type UseAgreement,
} from '@portico/core';
import { sql } from 'kysely';
import { listPlans } from '../plans/catalog.ts';
import type { OrgScope } from '../tenancy/org-scope.ts';
import { providerListGapsOf } from './medicare-readiness.ts';
import { subscriptionRows, toSubscription } from './subscription-rows.ts';

/** The organization's subscriptions with today's status: held ones first, then newest first. */
export async function listSubscriptions(scope: OrgScope, today: string): Promise<Subscription[]> {
  const rows = await subscriptionRows(scope)
    .orderBy('subscriptions.started_on', 'desc')
    .orderBy('subscriptions.created_at', 'desc')
    .execute();
  const all = rows.map((row) => toSubscription(row, today));
  return [...all.filter((s) => isHeldStatus(s.status)), ...all.filter((s) => !isHeldStatus(s.status))];
}

async function findSubscription(scope: OrgScope, id: string, today: string): Promise<Subscription> {
  const row = await subscriptionRows(scope).where('subscriptions.id', '=', id).executeTakeFirst();
  if (!row) {
    throw new PorticoError('NOT_FOUND', 'This office has no such subscription.', {
      fieldPath: 'subscriptionId',
    });
  }
  return toSubscription(row, today);
}
/** The use agreement the office accepts when it subscribes. */
export async function currentUseAgreement(scope: OrgScope): Promise<UseAgreement> {
  const row = await scope
    .selectFromCatalog('use_agreements')
    .select(['version', 'title', 'body'])
    .where('is_current', '=', true)
    .executeTakeFirstOrThrow();
  return { version: row.version, title: row.title, text: row.body };
}

async function heldPlanCodes(scope: OrgScope, today: string): Promise<PlanCode[]> {
  return (await listSubscriptions(scope, today)).filter((s) => isHeldStatus(s.status)).map((s) => s.planCode);
}

function priceOf(catalogue: readonly Plan[], codes: readonly PlanCode[]): number {
  return codes.reduce(
    (sum, code) => sum + (catalogue.find((plan) => plan.code === code)?.monthlyPriceCents ?? 0),
    0,
  );
}

/** The review step: what the selection adds and replaces, and the monthly cost before and after. */
export async function quoteSubscription(
  scope: OrgScope,
  today: string,
  planCodes: readonly PlanCode[],
): Promise<SubscriptionQuote> {
  const catalogue = await listPlans(scope);
  const held = await heldPlanCodes(scope, today);
  const change = planChange(catalogue, held, planCodes);
  const after = [...held.filter((code) => !change.replaces.includes(code)), ...change.adds];
  const needsMedicare = change.adds.some(
    (code) => catalogue.find((plan) => plan.code === code)?.requiresMedicareProvider,
  );
  return {
    ...change,
    currentMonthlyCents: priceOf(catalogue, held),
    newMonthlyCents: priceOf(catalogue, after),
    providerListGaps: needsMedicare ? await providerListGapsOf(scope) : [],
    agreement: await currentUseAgreement(scope),
  };
}

/**
 * Subscribes the office to the chosen plans, or upgrades held plans to a bundle that includes them. Serialised
 * per office (fifty concurrent calls: one takes effect, the rest see the plan held). An upgrade takes effect
 * today: the replaced subscriptions end yesterday, so billing cuts the month at the upgrade day. A Medicare plan
 * signed up without a complete provider list is recorded and waits; an upgrade needs the list complete, since it
 * cannot take effect at once otherwise.
 */
export async function subscribe(
  scope: OrgScope,
  input: { planCodes: readonly PlanCode[]; acceptedAgreementVersion: string },
  today: string,
  userId: string,
): Promise<{ added: string[]; replaced: string[] }> {
  await scope.lock('subscriptions');
  const agreement = await currentUseAgreement(scope);
  if (input.acceptedAgreementVersion !== agreement.version) {
    throw new PorticoError(
      'CONFLICT',
      `The use agreement is now version ${agreement.version}; review it and accept that version.`,
      { fieldPath: 'acceptedAgreementVersion' },
    );
  }
  const catalogue = await listPlans(scope);
  const held = (await listSubscriptions(scope, today)).filter((s) => isHeldStatus(s.status));
  const change = planChange(
    catalogue,
    held.map((s) => s.planCode),
    input.planCodes,
  );
  const plan = (code: PlanCode) => catalogue.find((candidate) => candidate.code === code) as Plan;
  const addsMedicare = change.adds.some((code) => plan(code).requiresMedicareProvider);
  const gaps = addsMedicare ? await providerListGapsOf(scope) : [];
  if (change.replaces.length > 0 && gaps.length > 0) {
    throw new PorticoError(
      'PLAN_CHANGE_NOT_ALLOWED',
      `An upgrade takes effect at once, so it needs a complete provider list first. ${gaps.map((gap) => gap.message).join(' ')}`,
      { fieldPath: 'planCodes' },
    );
  }
  const replaced = held.filter((s) => change.replaces.includes(s.planCode));
  if (replaced.length > 0) {
    await scope
      .updateTable('subscriptions')
      .set({ ends_on: addCalendarDays(today, -1), end_reason: 'UPGRADED', updated_at: sql`now()` })
      .where(
        'id',
        'in',
        replaced.map((s) => s.id),
      )
      .execute();
  }
  // Medicare services already running under a replaced plan carry over; they do not activate again.
  const running = replaced.find(
    (s) => plan(s.planCode).requiresMedicareProvider && s.status !== 'AWAITING_PROVIDERS',
  );
  const rows = change.adds.map((code) => {
    const medicare = plan(code).requiresMedicareProvider;
    const listCompleteOn = medicare && gaps.length === 0 ? today : null;
    return {
      plan_code: code,
      monthly_price_cents: plan(code).monthlyPriceCents,
      started_on: today,
      list_complete_on: listCompleteOn,
      ready_by: !medicare || gaps.length > 0 ? null : running ? running.readyBy : medicareReadyBy(today),
      billable_from: medicare && gaps.length > 0 ? null : today,
      use_agreement_version: agreement.version,
      subscribed_by: userId,
    };
  });
  const inserted = await scope.insertInto('subscriptions', rows).returning('id').execute();
  return { added: inserted.map((row) => row.id), replaced: replaced.map((s) => s.id) };
}

/**
 * Changes one subscription's end under the office's subscriptions lock: `refuse` looks at it as it is now and
 * throws when the change does not apply; `set` is the change. Returns the subscription as it is after.
 */
async function changeEnd(
  scope: OrgScope,
  subscriptionId: string,
  today: string,
  refuse: (subscription: Subscription) => void,
  set: { ends_on: string | null; end_reason: 'CANCELLED' | null; cancelled_by: string | null },
): Promise<Subscription> {
  await scope.lock('subscriptions');
  refuse(await findSubscription(scope, subscriptionId, today));
  await scope
    .updateTable('subscriptions')
    .set({ ...set, updated_at: sql`now()` })
    .where('id', '=', subscriptionId)
    .execute();
  return findSubscription(scope, subscriptionId, today);
}

const refusal = (message: string) => new PorticoError('CONFLICT', message, { fieldPath: 'subscriptionId' });

/** Sales cancels a held subscription; it ends on the last day of the office's current month. */
export function cancelAtMonthEnd(
  scope: OrgScope,
  subscriptionId: string,
  today: string,
  staffUserId: string,
): Promise<Subscription> {
  return changeEnd(
    scope,
    subscriptionId,
    today,
    (subscription) => {
      if (subscription.status === 'CANCELLATION_PENDING')
        throw refusal(`This subscription is already set to end on ${subscription.endsOn}.`);
      if (!isHeldStatus(subscription.status)) throw refusal('This subscription has already ended.');
    },
    {
      ends_on: addCalendarDays(firstOfMonth(today, 1), -1),
      end_reason: 'CANCELLED',
      cancelled_by: staffUserId,
    },
  );
}

/** The office takes back a cancellation that has not taken effect yet. */
export function stopCancellation(
  scope: OrgScope,
  subscriptionId: string,
  today: string,
): Promise<Subscription> {
  return changeEnd(
    scope,
    subscriptionId,
    today,
    (subscription) => {
      if (subscription.status === 'CANCELLED')
        throw refusal('This cancellation has already taken effect; subscribe again from the storefront.');
      if (subscription.status !== 'CANCELLATION_PENDING')
        throw refusal('This subscription has no pending cancellation.');
    },
    { ends_on: null, end_reason: null, cancelled_by: null },
  );
}
