import type { MedicarePlans } from '@portico/core';
import { html, nothing } from 'lit';
import { statusLabel } from './status-label.ts';

type MedicarePlan = MedicarePlans['plans'][number];

const planNames = (plans: readonly MedicarePlan[]) => plans.map((plan) => plan.planName).join(' and ');

/**
 * What the provider list lacks for the office's held Medicare plans, in the same words wherever it is shown: a
 * plan still waiting for the list, or a running one whose last enrolled provider left the enrollment file
 * (flagged, not silently broken). Nothing when there is no such plan or the list lacks nothing.
 */
export function providerListGapsNotice(
  plans: readonly MedicarePlan[],
  gaps: MedicarePlans['providerListGaps'],
  part: string,
) {
  if (plans.length === 0 || gaps.length === 0) return nothing;
  const waiting = plans.filter((plan) => plan.status === 'AWAITING_PROVIDERS');
  return html`<div class="banner waiting" part=${part}>
    <p>
      ${
        waiting.length > 0
          ? html`<strong>${planNames(waiting)}: waiting for your provider list.</strong> The subscription is
              recorded; services start within two business days of the list being complete.`
          : html`<strong>${planNames(plans)}: your provider list needs attention.</strong> Medicare services
              need at least one provider who is enrolled in Medicare.`
      }
    </p>
    <ul>
      ${gaps.map((gap) => html`<li>${gap.message}</li>`)}
    </ul>
  </div>`;
}

/** The Medicare plans whose list is complete and whose services are being switched on, with their ready-by day. */
export function activationNotice(plans: readonly MedicarePlan[], part: string) {
  const activating = plans.filter((plan) => plan.status === 'ACTIVATING');
  if (activating.length === 0) return nothing;
  return html`<div class="banner activating" part=${part}>
    ${activating.map(
      (plan) =>
        html`<p><strong>${plan.planName}: ${statusLabel(plan)}.</strong> Your provider list is complete.</p>`,
    )}
  </div>`;
}
