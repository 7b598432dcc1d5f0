import { consume } from '@lit/context';
import { Task } from '@lit/task';
import {
  formatCents,
  formatPlainDate,
  PorticoError,
  type Plan,
  type PorticoClient,
  type Session,
  type Subscription,
} from '@portico/core';
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { porticoClientContext } from '../root/client-context.ts';
import { LiveReloadController } from '../shared/live-reload.ts';
import { baseStyles } from '../shared/states.styles.ts';
import { tableStyles } from '../shared/table.styles.ts';
import { storefrontStyles } from './portico-storefront.styles.ts';
import { statusLabel } from './status-label.ts';

interface StorefrontData {
  session: Session;
  plans: Plan[];
  subscriptions: Subscription[];
}

/**
 * @summary The office's subscriptions and the plan catalogue, read live from the Portico server.
 *
 * Must sit inside `<portico-root>`. Reloads by itself when the office's subscriptions change elsewhere.
 *
 * @csspart heading - The office's heading.
 * @csspart subscriptions - The table of current subscriptions.
 * @csspart status - A subscription's status label.
 * @csspart plans - The list of plans.
 * @csspart plan - One plan card.
 * @csspart price - A plan's monthly price.
 * @csspart state - The loading, empty and error messages.
 * @csspart retry - The Try again button of the error state.
 *
 * @cssproperty --portico-color-primary - Buttons and focus rings.
 * @cssproperty --portico-color-text - Body text.
 * @cssproperty --portico-color-muted - Secondary text.
 * @cssproperty --portico-color-border - Borders and rules.
 * @cssproperty --portico-color-surface - Card background.
 * @cssproperty --portico-color-danger - Errors.
 * @cssproperty --portico-color-success - Active status.
 * @cssproperty --portico-radius - Corner radius.
 * @cssproperty --portico-font - Font family (inherits by default).
 */
@customElement('portico-storefront')
export class PorticoStorefront extends LitElement {
  static override styles = [baseStyles, tableStyles, storefrontStyles];

  @consume({ context: porticoClientContext, subscribe: true })
  @state()
  private client: PorticoClient | undefined;

  // Reload when the office's subscriptions change anywhere (another tab, another user, staff).
  private readonly liveReload = new LiveReloadController(
    this,
    () => this.client,
    ['subscription.changed'],
    () => void this.data.run(),
  );

  private readonly data = new Task(this, {
    args: () => [this.client] as const,
    task: async ([client], { signal }): Promise<StorefrontData> => {
      if (!client) {
        throw new PorticoError(
          'BAD_REQUEST',
          'This element must be placed inside <portico-root> with a server URL.',
        );
      }
      const [session, plans, subscriptions] = await Promise.all([
        client.organizations.me.query(undefined, { signal }),
        client.storefront.listPlans.query(undefined, { signal }),
        client.storefront.listSubscriptions.query(undefined, { signal }),
      ]);
      return { session, plans, subscriptions };
    },
  });

  protected override render() {
    return this.data.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      error: (error) => this.renderError(error),
      complete: (data) => this.renderData(data),
    });
  }

  private renderLoading() {
    return html`<p class="state" part="state" role="status">Loading subscriptions…</p>`;
  }

  private renderError(error: unknown) {
    const message = error instanceof PorticoError ? error.message : 'The subscriptions could not be loaded.';
    return html`<div class="state error" part="state" role="alert">
      <p>${message}</p>
      <button part="retry" @click=${() => void this.data.run()}>Try again</button>
    </div>`;
  }

  private renderData({ session, plans, subscriptions }: StorefrontData) {
    const owned = new Set(
      subscriptions
        .filter((s) => s.status !== 'CANCELLED')
        .flatMap((s) => plans.find((p) => p.code === s.planCode)?.includes ?? [s.planCode]),
    );
    return html`
      <section aria-labelledby="current">
        <h2 id="current" part="heading">Subscriptions for ${session.organization.name}</h2>
        ${
          subscriptions.length === 0
            ? html`<p class="state" part="state">
                Your office has no subscriptions yet. Choose a plan below.
              </p>`
            : html`<table part="subscriptions">
                <caption hidden>
                  Current subscriptions
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
                  ${subscriptions.map(
                    (subscription) =>
                      html`<tr>
                        <th scope="row">${subscription.planName}</th>
                        <td>
                          <span class="badge ${subscription.status}" part="status"
                            >${statusLabel(subscription)}</span
                          >
                        </td>
                        <td>${formatCents(subscription.monthlyPriceCents)}</td>
                        <td>${formatPlainDate(subscription.startedOn)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
        }
      </section>
      <section aria-labelledby="catalogue">
        <h3 id="catalogue">Plans</h3>
        ${
          plans.length === 0
            ? html`<p class="state" part="state">No plans are offered right now.</p>`
            : html`<ul class="plans" part="plans">
                ${plans.map(
                  (plan) =>
                    html`<li class="plan" part="plan">
                      <h4>${plan.name}</h4>
                      <p>${plan.description}</p>
                      <p class="price" part="price">
                        ${formatCents(plan.monthlyPriceCents)} <small>per month</small>
                      </p>
                      ${
                        plan.includes.every((code) => owned.has(code))
                          ? html`<span class="badge owned">Included in your subscription</span>`
                          : nothing
                      }
                    </li>`,
                )}
              </ul>`
        }
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-storefront': PorticoStorefront;
  }
}
