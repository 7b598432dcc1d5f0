import { formatCents, formatPlainDate, type StorefrontOverview, type Subscription } from '@portico/core';
import { html, nothing } from 'lit';
import { statusLabel } from '../shared/status-label.ts';

/** A banner for each pending cancellation, with Stop cancellation for a caller who may manage the storefront. */
export function pendingCancellations(
  overview: StorefrontOverview,
  actions: { busy: boolean; stop: (subscription: Subscription) => void },
) {
  return overview.subscriptions
    .filter((s) => s.status === 'CANCELLATION_PENDING')
    .map(
      (s) =>
        html`<div
          class="banner"
          part="cancellation-banner"
          role="region"
          aria-label="Pending cancellation of ${s.planName}"
        >
          <p>
            <strong
              >${s.planName}: cancellation pending, ends
              ${formatPlainDate(s.endsOn ?? overview.today)}.</strong
            >
            Services continue until then.
          </p>
          ${
            overview.canManage
              ? html`<button
                  part="stop-cancellation"
                  ?disabled=${actions.busy}
                  aria-label="Stop cancellation of ${s.planName}"
                  @click=${() => actions.stop(s)}
                >
                  Stop cancellation
                </button>`
              : nothing
          }
        </div>`,
    );
}

/** The office's subscriptions with their status in words; the empty state points to the plans. */
export function subscriptionTable(overview: StorefrontOverview) {
  if (overview.subscriptions.length === 0) {
    return html`<p class="state" part="state">Your office has no subscriptions yet. Choose a plan below.</p>`;
  }
  return html`<table part="subscriptions">
    <caption class="visually-hidden">
      Subscriptions
    </caption>
    <thead>
      <tr>
        <th scope="col">Plan</th>
        <th scope="col">Status</th>
        <th scope="col">Monthly price</th>
        <th scope="col">Since</th>
      </tr>
    </thead>
    <tbody>
      ${overview.subscriptions.map(
        (subscription) =>
          html`<tr>
            <th scope="row">${subscription.planName}</th>
            <td>
              <span class="badge ${subscription.status}" part="status">${statusLabel(subscription)}</span>
            </td>
            <td>${formatCents(subscription.monthlyPriceCents)}</td>
            <td>${formatPlainDate(subscription.startedOn)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
