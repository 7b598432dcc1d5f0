import { PorticoError } from '../errors/portico-error.ts';
import type { Plan, PlanCode, ProviderListGap, Subscription, SubscriptionStatus } from './schemas.ts';

/** The dates a subscription's status is derived from. */
export interface SubscriptionFacts {
  requiresMedicareProvider: boolean;
  /** The day the provider list became complete for this subscription (null while it is not). */
  listCompleteOn: string | null;
  readyBy: string | null;
  /** The last day of service (inclusive), once it is set to end. */
  endsOn: string | null;
  endReason: 'CANCELLED' | 'UPGRADED' | null;
}

/**
 * The status of a subscription on `today` (plain dates compare as strings). Ended subscriptions are CANCELLED or
 * UPGRADED; a cancellation still to take effect is CANCELLATION_PENDING; a Medicare plan without a complete
 * provider list waits; within the two-business-day window it is ACTIVATING.
 */
export function subscriptionStatus(facts: SubscriptionFacts, today: string): SubscriptionStatus {
  if (facts.endsOn !== null && facts.endsOn < today) {
    return facts.endReason === 'UPGRADED' ? 'UPGRADED' : 'CANCELLED';
  }
  if (facts.endReason === 'CANCELLED') return 'CANCELLATION_PENDING';
  if (facts.requiresMedicareProvider && facts.listCompleteOn === null) return 'AWAITING_PROVIDERS';
  if (facts.readyBy !== null && today <= facts.readyBy) return 'ACTIVATING';
  return 'ACTIVE';
}

/** Statuses of a subscription the office still holds (it blocks a second sign-up for the same plan). */
export function isHeldStatus(status: SubscriptionStatus): boolean {
  return status !== 'CANCELLED' && status !== 'UPGRADED';
}

/**
 * What a Medicare plan needs from the provider list (docs/domain.md): at least one provider, and at least one of them
 * enrolled in Medicare. Every listed provider already has NPI, name and TIN: the provider schema requires them.
 */
export function providerListGaps(list: { providers: number; medicareEnrolled: number }): ProviderListGap[] {
  if (list.providers === 0) {
    return [
      {
        code: 'NO_PROVIDERS',
        message:
          'Add the providers who will use the services (NPI, provider or group name, TIN), at least one of them enrolled in Medicare.',
      },
    ];
  }
  if (list.medicareEnrolled === 0) {
    return [
      {
        code: 'NO_MEDICARE_ENROLLED_PROVIDER',
        message:
          'None of your providers is enrolled in Medicare. Add at least one Medicare-enrolled provider to start Medicare services.',
      },
    ];
  }
  return [];
}

/** What subscribing to `selected` does to an office holding `held`: the plans it adds and those it replaces. */
export interface PlanChange {
  adds: PlanCode[];
  replaces: PlanCode[];
}

/**
 * Checks a plan selection against what the office holds, with the catalogue's `includes` (data, not code):
 * - a plan already held: CONFLICT; a plan a held bundle already includes (a downgrade): PLAN_CHANGE_NOT_ALLOWED;
 * - a bundle together with a plan it includes: BAD_REQUEST;
 * - held plans that a chosen bundle includes are replaced (an upgrade).
 */
export function planChange(
  catalogue: readonly Plan[],
  held: readonly PlanCode[],
  selected: readonly PlanCode[],
): PlanChange {
  const plan = (code: PlanCode): Plan => {
    const found = catalogue.find((candidate) => candidate.code === code);
    if (!found)
      throw new PorticoError('BAD_REQUEST', `There is no plan ${code} for sale.`, { fieldPath: 'planCodes' });
    return found;
  };
  const includedBy = (bundle: Plan, code: PlanCode) => bundle.code !== code && bundle.includes.includes(code);
  // The selection must make sense on its own before it is compared with what the office holds.
  for (const code of selected) {
    const chosenBundle = selected.map(plan).find((bundle) => includedBy(bundle, code));
    if (chosenBundle) {
      throw new PorticoError(
        'BAD_REQUEST',
        `${chosenBundle.name} already includes ${plan(code).name}; choose one of them.`,
        { fieldPath: 'planCodes' },
      );
    }
  }
  for (const code of selected) {
    const chosen = plan(code);
    if (held.includes(code)) {
      throw new PorticoError('CONFLICT', `Your office already subscribes to ${chosen.name}.`, {
        fieldPath: 'planCodes',
      });
    }
    const heldBundle = held.map(plan).find((bundle) => includedBy(bundle, code));
    if (heldBundle) {
      throw new PorticoError(
        'PLAN_CHANGE_NOT_ALLOWED',
        `${heldBundle.name} already includes ${chosen.name}; a plan cannot be changed to a smaller one here. Ask your payer's sales team to cancel instead.`,
        { fieldPath: 'planCodes' },
      );
    }
  }
  // In catalogue order, however the office's plans were listed.
  const replaces = catalogue
    .map((candidate) => candidate.code)
    .filter((code) => held.includes(code) && selected.some((chosen) => includedBy(plan(chosen), code)));
  return { adds: [...selected], replaces };
}

/**
 * The plans an office has: each held plan and every plan a held bundle includes. Holding every part of a bundle
 * is not holding the bundle: that office may upgrade to it.
 */
export function ownedPlanCodes(
  catalogue: readonly Pick<Plan, 'code' | 'includes'>[],
  subscriptions: readonly Pick<Subscription, 'planCode' | 'status'>[],
): Set<PlanCode> {
  return new Set(
    subscriptions
      .filter((s) => isHeldStatus(s.status))
      .flatMap((s) => [s.planCode, ...(catalogue.find((p) => p.code === s.planCode)?.includes ?? [])]),
  );
}
