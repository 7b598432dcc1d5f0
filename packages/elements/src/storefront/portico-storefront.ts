import { consume } from '@lit/context';
import { Task } from '@lit/task';
import {
  formatCents,
  ownedPlanCodes,
  PorticoError,
  type Plan,
  type PlanCode,
  type PorticoClient,
  type Session,
  type StorefrontOverview,
  type Subscription,
  type SubscriptionQuote,
} from '@portico/core';
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { porticoClientContext } from '../root/client-context.ts';
import { ActionController } from '../shared/action.ts';
import { emit } from '../shared/emit.ts';
import { failureState, loadingState } from '../shared/states.ts';
import { LiveReloadController } from '../shared/live-reload.ts';
import { bannerStyles } from '../shared/banner.styles.ts';
import { providerListGapsNotice } from '../shared/medicare-notice.ts';
import { baseStyles } from '../shared/base.styles.ts';
import { tableStyles } from '../shared/table.styles.ts';
import '../billing/portico-billing.ts';
import { storefrontStyles } from './portico-storefront.styles.ts';
import { pendingCancellations, subscriptionTable } from './subscription-list.ts';

interface StorefrontData {
  session: Session;
  plans: Plan[];
  overview: StorefrontOverview;
}

/** The billing parts a host styles through the storefront, as before billing had its own element. */
const BILLING_PARTS = 'payment-methods, card-form, history, balance, pay, notice, state, retry';

/** Detail of `portico-subscription-changed`. */
export interface SubscriptionChangedDetail {
  action: 'subscribed' | 'upgraded' | 'cancellation-stopped';
  subscriptions: Subscription[];
}

/**
 * @summary The subscription storefront: subscriptions with status, sign-up and upgrades with a review step and
 * the use agreement, and pending cancellations; cards, billing history and Pay balance through `<portico-billing>`.
 *
 * Must sit inside `<portico-root>`. A view-only user sees everything without the buttons. Reloads by itself when
 * subscriptions, billing or the provider list change elsewhere.
 *
 * @fires {CustomEvent<SubscriptionChangedDetail>} portico-subscription-changed - The office subscribed, upgraded or stopped a cancellation.
 *   `detail`: `{ action, subscriptions }`.
 * @fires {CustomEvent<PaymentMethodChangedDetail>} portico-payment-method-changed - From `<portico-billing>` inside: a card was added, removed, or made
 *   primary or backup. `detail`: `{ action, paymentMethodId }`.
 *
 * @csspart heading - The office's heading.
 * @csspart subscriptions - The table of subscriptions.
 * @csspart status - A subscription's status label.
 * @csspart cancellation-banner - The notice of a pending cancellation.
 * @csspart stop-cancellation - Its Stop cancellation button.
 * @csspart provider-gaps - What the provider list still lacks for Medicare.
 * @csspart plans - The list of plans.
 * @csspart plan - One plan card.
 * @csspart price - A plan's monthly price.
 * @csspart update - The Add/Update Subscriptions button.
 * @csspart review - The review step.
 * @csspart agreement - The use agreement text.
 * @csspart subscribe - The Subscribe Now button.
 * @csspart payment-methods - The list of cards on file.
 * @csspart card-form - The add-card form.
 * @csspart history - The billing history.
 * @csspart balance - The open balance.
 * @csspart pay - The Pay balance button.
 * @csspart notice - Outcome messages.
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
 * @cssproperty --portico-color-warning - Pending-cancellation and waiting notices.
 * @cssproperty --portico-radius - Corner radius.
 * @cssproperty --portico-font - Font family (inherits by default).
 */
@customElement('portico-storefront')
export class PorticoStorefront extends LitElement {
  static override styles = [baseStyles, tableStyles, bannerStyles, storefrontStyles];

  @consume({ context: porticoClientContext, subscribe: true })
  @state()
  private client: PorticoClient | undefined;

  @state() private selected: PlanCode[] = [];
  @state() private review: SubscriptionQuote | null = null;
  @state() private accepted = false;

  private readonly liveReload = new LiveReloadController(
    this,
    () => this.client,
    ['subscription.changed', 'provider.changed'],
    () => {
      if (!this.action.busy) void this.data.run();
    },
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
      const [session, plans, overview] = await Promise.all([
        client.organizations.me.query(undefined, { signal }),
        client.storefront.listPlans.query(undefined, { signal }),
        client.storefront.overview.query(undefined, { signal }),
      ]);
      return { session, plans, overview };
    },
  });

  private readonly action = new ActionController(
    this,
    () => this.client,
    () => this.data.run(),
  );

  protected override render() {
    // Billing loads beside the subscriptions, not after them; the storefront's own outcomes come last.
    return html`${this.data.render({
        initial: () => loadingState('subscriptions'),
        pending: () => (this.data.value ? this.renderData(this.data.value) : loadingState('subscriptions')),
        error: (error) =>
          failureState(error, 'The subscriptions could not be loaded.', () => void this.data.run()),
        complete: (data) => this.renderData(data),
      })}
      <portico-billing exportparts=${BILLING_PARTS}></portico-billing>
      <div class="notice ${this.action.notice?.kind ?? ''}" part="notice" role="status" aria-live="polite">
        ${this.action.notice?.text ?? nothing}
      </div>`;
  }

  private renderData(data: StorefrontData) {
    const { session, overview } = data;
    return html`
      <section aria-labelledby="current">
        <h2 id="current" part="heading">Subscriptions for ${session.organization.name}</h2>
        ${pendingCancellations(overview, { busy: this.action.busy, stop: (s) => void this.stopCancellation(s) })}
        ${this.renderGaps(overview)} ${subscriptionTable(overview)}
      </section>
      ${this.renderPlans(data)} ${this.review ? this.renderReview(data.plans, this.review) : nothing}
    `;
  }

  /**
   * What the provider list lacks, whenever the office holds a Medicare plan: a plan still waiting for the list, or a
   * running one whose last enrolled provider left the enrollment file (flagged, not silently broken).
   */
  private renderGaps(overview: StorefrontOverview) {
    return providerListGapsNotice(overview.medicarePlans, overview.providerListGaps, 'provider-gaps');
  }

  private renderPlans({ plans, overview }: StorefrontData) {
    const owned = ownedPlanCodes(plans, overview.subscriptions);
    const isOwned = (plan: Plan) => owned.has(plan.code);
    const card = (plan: Plan) => html`
      <span class="plan-name" id="plan-name-${plan.code}">${plan.name}</span>
      <span class="plan-detail" id="plan-detail-${plan.code}">
        <span class="description">${plan.description}</span>
        <span class="price" part="price"
          >${formatCents(plan.monthlyPriceCents)} <small>per month</small></span
        >
        ${isOwned(plan) ? html`<span class="badge owned">Included in your subscription</span>` : nothing}
      </span>
    `;
    if (plans.length === 0) {
      return html`<section aria-labelledby="catalogue">
        <h3 id="catalogue">Plans</h3>
        <p class="state" part="state">No plans are offered right now.</p>
      </section>`;
    }
    if (!overview.canManage) {
      return html`<section aria-labelledby="catalogue">
        <h3 id="catalogue">Plans</h3>
        <p class="note" part="view-only">
          You can view your office's subscriptions and billing. Ask your security officer if you need to
          change them.
        </p>
        <ul class="plans" part="plans">
          ${plans.map((plan) => html`<li class="plan" part="plan">${card(plan)}</li>`)}
        </ul>
      </section>`;
    }
    return html`<section aria-labelledby="catalogue">
      <h3 id="catalogue">Plans</h3>
      <fieldset>
        <legend>Choose the plans to add or upgrade to</legend>
        <ul class="plans" part="plans">
          ${plans.map(
            (plan) =>
              html`<li class="plan" part="plan">
                <label>
                  <input
                    type="checkbox"
                    name="plan"
                    value=${plan.code}
                    aria-labelledby="plan-name-${plan.code}"
                    aria-describedby="plan-detail-${plan.code}"
                    .checked=${live(this.selected.includes(plan.code))}
                    ?disabled=${isOwned(plan) || this.action.busy}
                    @change=${(event: Event) => this.togglePlan(plan.code, (event.target as HTMLInputElement).checked)}
                  />
                  ${card(plan)}
                </label>
              </li>`,
          )}
        </ul>
      </fieldset>
      <button
        part="update"
        ?disabled=${this.selected.length === 0 || this.action.busy}
        @click=${() => void this.openReview()}
      >
        Add/Update Subscriptions
      </button>
    </section>`;
  }

  private renderReview(plans: Plan[], quote: SubscriptionQuote) {
    const name = (code: PlanCode) => plans.find((plan) => plan.code === code)?.name ?? code;
    return html`<section class="review" part="review" aria-labelledby="review-heading">
      <h3 id="review-heading" tabindex="-1">Review your subscription</h3>
      <dl>
        <dt>Adding</dt>
        <dd>${quote.adds.map(name).join(', ')}</dd>
        ${
          quote.replaces.length > 0
            ? html`<dt>Replacing</dt>
                <dd>
                  ${quote.replaces.map(name).join(', ')}. The upgrade takes effect today; this month is billed
                  at the old rate before today and at the new rate from today.
                </dd>`
            : nothing
        }
        <dt>Monthly cost</dt>
        <dd>
          ${formatCents(quote.newMonthlyCents)} per month
          <span class="muted">(now ${formatCents(quote.currentMonthlyCents)})</span>
        </dd>
      </dl>
      ${
        quote.providerListGaps.length > 0
          ? html`<div class="banner waiting">
              <p>Medicare services will wait for your provider list:</p>
              <ul>
                ${quote.providerListGaps.map((gap) => html`<li>${gap.message}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      <h4>${quote.agreement.title} (version ${quote.agreement.version})</h4>
      <div class="agreement" part="agreement" tabindex="0" role="region" aria-label="Use agreement text">
        ${quote.agreement.text.split('\n\n').map((paragraph) => html`<p>${paragraph}</p>`)}
      </div>
      <label class="accept">
        <input
          type="checkbox"
          .checked=${live(this.accepted)}
          @change=${(event: Event) => (this.accepted = (event.target as HTMLInputElement).checked)}
        />
        I have read and accept the use agreement (version ${quote.agreement.version}).
      </label>
      <div class="actions">
        <button
          part="subscribe"
          ?disabled=${!this.accepted || this.action.busy}
          @click=${() => void this.subscribe(quote)}
        >
          Subscribe Now
        </button>
        <button class="secondary" @click=${() => this.closeReview()}>Back</button>
      </div>
    </section>`;
  }

  private togglePlan(code: PlanCode, checked: boolean): void {
    this.selected = checked
      ? [...this.selected, code]
      : this.selected.filter((selected) => selected !== code);
    this.review = null;
  }

  private async openReview(): Promise<void> {
    await this.action.act(
      async (client) => {
        this.review = await client.storefront.quote.query({ planCodes: this.selected });
        this.accepted = false;
        return null;
      },
      { reload: false },
    );
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#review-heading')?.focus();
  }

  private closeReview(): void {
    this.review = null;
    this.accepted = false;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part="update"]')?.focus(),
    );
  }

  private async subscribe(quote: SubscriptionQuote): Promise<void> {
    const ok = await this.action.act(async (client) => {
      const subscriptions = await client.storefront.subscribe.mutate({
        planCodes: quote.adds,
        acceptedAgreementVersion: quote.agreement.version,
      });
      emit(this, 'portico-subscription-changed', {
        action: quote.replaces.length > 0 ? 'upgraded' : 'subscribed',
        subscriptions,
      });
      return quote.replaces.length > 0 ? 'Your subscription is upgraded.' : 'You are subscribed.';
    });
    if (ok) {
      this.review = null;
      this.selected = [];
      this.accepted = false;
    }
  }

  private async stopCancellation(subscription: Subscription): Promise<void> {
    await this.action.act(async (client) => {
      await client.storefront.stopCancellation.mutate({ subscriptionId: subscription.id });
      emit(this, 'portico-subscription-changed', {
        action: 'cancellation-stopped',
        subscriptions: await client.storefront.listSubscriptions.query(),
      });
      return `The cancellation of ${subscription.planName} is stopped.`;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-storefront': PorticoStorefront;
  }
  interface HTMLElementEventMap {
    'portico-subscription-changed': CustomEvent<SubscriptionChangedDetail>;
  }
}
