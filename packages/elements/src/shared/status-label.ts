import { addCalendarDays, formatPlainDate, type Subscription } from '@portico/core';

/** What a subscription's status means to office staff, in words (never colour alone). */
export function statusLabel(
  subscription: Pick<Subscription, 'status' | 'readyBy'> & Partial<Pick<Subscription, 'endsOn'>>,
): string {
  switch (subscription.status) {
    case 'AWAITING_PROVIDERS':
      return 'Waiting for provider details';
    case 'ACTIVATING':
      return subscription.readyBy
        ? `Activating, ready by ${formatPlainDate(subscription.readyBy)}`
        : 'Activating';
    case 'ACTIVE':
      return 'Active';
    case 'CANCELLATION_PENDING':
      return subscription.endsOn
        ? `Cancellation pending, ends ${formatPlainDate(subscription.endsOn)}`
        : 'Cancellation pending';
    case 'CANCELLED':
      return subscription.endsOn ? `Cancelled, ended ${formatPlainDate(subscription.endsOn)}` : 'Cancelled';
    case 'UPGRADED':
      return subscription.endsOn
        ? `Upgraded, replaced on ${formatPlainDate(addCalendarDays(subscription.endsOn, 1))}`
        : 'Upgraded';
  }
}
