import { consume } from '@lit/context';
import { Task } from '@lit/task';
import {
  formatCents,
  formatInstantDate,
  formatPlainDate,
  ownedPlanCodes,
  PorticoError,
  type BillingHistory,
  type PaymentMethod,
  type PaymentMethodRole,
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
import { LiveReloadController } from '../shared/live-reload.ts';
import { bannerStyles } from '../shared/banner.styles.ts';
import { providerListGapsNotice } from '../shared/medicare-notice.ts';
import { saveFile } from '../shared/download.ts';
import { statusLabel } from '../shared/status-label.ts';
import { baseStyles } from '../shared/base.styles.ts';
import { tableStyles } from '../shared/table.styles.ts';
import {
  cardFieldOf,
  cardInputOf,
  cardProblems,
  emptyCardDraft,
  type CardDraft,
  type CardField,
} from './card-form.ts';
import { storefrontStyles } from './portico-storefront.styles.ts';

interface StorefrontData {
  session: Session;
  plans: Plan[];
  overview: StorefrontOverview;
  methods: PaymentMethod[];
  history: BillingHistory;
}

/** Detail of `portico-subscription-changed`. */
export interface SubscriptionChangedDetail {
  action: 'subscribed' | 'upgraded' | 'cancellation-stopped';
  subscriptions: Subscription[];
}

/** Detail of `portico-payment-method-changed`. */
export interface PaymentMethodChangedDetail {
  action: 'added' | 'role-changed' | 'removed';
  paymentMethodId: string;
}

const cardLabels: Record<CardField, string> = {
  holderName: 'Name on card',
  number: 'Card number',
  expMonth: 'Expiry month',
  expYear: 'Expiry year',
  cvc: 'Security code (CVC)',
};

const brandNames: Record<PaymentMethod['brand'], string> = {
  VISA: 'Visa',
  MASTERCARD: 'Mastercard',
  AMEX: 'American Express',
  DISCOVER: 'Discover',
  OTHER: 'Card',
};

function cardName(method: PaymentMethod): string {
  return `${brandNames[method.brand]} ending ${method.last4}`;
}

function roleLabel(role: PaymentMethodRole | null): string {
  return role === 'PRIMARY' ? 'Primary' : role === 'BACKUP' ? 'Backup' : 'Not used for autopay';
}

/**
 * @summary The subscription storefront: subscriptions with status, sign-up and upgrades with a review step and
 * the use agreement, cards on file, billing history with PDF invoices, Pay balance, and pending cancellations.
 *
 * Must sit inside `<portico-root>`. A view-only user sees everything without the buttons. Reloads by itself when
 * subscriptions, billing or the provider list change elsewhere.
 *
 * @event portico-subscription-changed - The office subscribed, upgraded or stopped a cancellation.
 *   `detail`: `{ action, subscriptions }`.
 * @event portico-payment-method-changed - A card was added, removed, or made primary or backup.
 *   `detail`: `{ action, paymentMethodId }`.
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
  @state() private cardDraft: CardDraft = emptyCardDraft;
  @state() private cardTouched = false;
  @state() private cardServerProblem: { field: CardField | null; message: string } | null = null;
  @state() private confirmingRemoval: string | null = null;
  @state() private notice: { kind: 'done' | 'problem'; text: string } | null = null;
  @state() private busy = false;
  /** The key of a Pay balance click whose answer never came: a retry reuses it, so it can never charge twice. */
  private payKey: string | null = null;

  private readonly liveReload = new LiveReloadController(
    this,
    () => this.client,
    ['subscription.changed', 'billing.changed', 'provider.changed'],
    () => {
      if (!this.busy) void this.data.run();
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
      const [session, plans, overview, methods, history] = await Promise.all([
        client.organizations.me.query(undefined, { signal }),
        client.storefront.listPlans.query(undefined, { signal }),
        client.storefront.overview.query(undefined, { signal }),
        client.billing.listPaymentMethods.query(undefined, { signal }),
        client.billing.history.query(undefined, { signal }),
      ]);
      return { session, plans, overview, methods, history };
    },
  });

  protected override render() {
    return this.data.render({
      initial: () => this.renderLoading(),
      pending: () => (this.data.value ? this.renderData(this.data.value) : this.renderLoading()),
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

  /**
   * Runs one call: busy while it runs, its outcome in the notice (or to `onProblem`, for a form that shows a
   * refusal at its field), and the data reloaded after a change (`reload: false` for a read).
   */
  private async act(
    work: (client: PorticoClient) => Promise<string | null>,
    options: { reload?: boolean; onProblem?: (error: unknown) => void } = {},
  ): Promise<boolean> {
    const client = this.client;
    if (!client || this.busy) return false;
    this.busy = true;
    this.notice = null;
    try {
      const done = await work(client);
      if (done) this.notice = { kind: 'done', text: done };
      return true;
    } catch (error) {
      if (options.onProblem) options.onProblem(error);
      else
        this.notice = {
          kind: 'problem',
          text: error instanceof PorticoError ? error.message : 'That did not work. Try again.',
        };
      return false;
    } finally {
      this.busy = false;
      if (options.reload !== false) await this.data.run();
    }
  }

  private emit<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
  }

  private renderData(data: StorefrontData) {
    const { session, overview } = data;
    return html`
      <section aria-labelledby="current">
        <h2 id="current" part="heading">Subscriptions for ${session.organization.name}</h2>
        ${this.renderCancellations(overview)} ${this.renderGaps(overview)}
        ${this.renderSubscriptions(overview)}
      </section>
      ${this.renderPlans(data)} ${this.review ? this.renderReview(data.plans, this.review) : nothing}
      ${this.renderPaymentMethods(data)} ${this.renderHistory(data)}
      <div class="notice ${this.notice?.kind ?? ''}" part="notice" role="status" aria-live="polite">
        ${this.notice?.text ?? nothing}
      </div>
    `;
  }

  private renderCancellations(overview: StorefrontOverview) {
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
                    ?disabled=${this.busy}
                    aria-label="Stop cancellation of ${s.planName}"
                    @click=${() => void this.stopCancellation(s)}
                  >
                    Stop cancellation
                  </button>`
                : nothing
            }
          </div>`,
      );
  }

  /**
   * What the provider list lacks, whenever the office holds a Medicare plan: a plan still waiting for the list, or a
   * running one whose last enrolled provider left the enrollment file (flagged, not silently broken).
   */
  private renderGaps(overview: StorefrontOverview) {
    return providerListGapsNotice(overview.medicarePlans, overview.providerListGaps, 'provider-gaps');
  }

  private renderSubscriptions(overview: StorefrontOverview) {
    if (overview.subscriptions.length === 0) {
      return html`<p class="state" part="state">
        Your office has no subscriptions yet. Choose a plan below.
      </p>`;
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
                    ?disabled=${isOwned(plan) || this.busy}
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
        ?disabled=${this.selected.length === 0 || this.busy}
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
          ?disabled=${!this.accepted || this.busy}
          @click=${() => void this.subscribe(quote)}
        >
          Subscribe Now
        </button>
        <button class="secondary" @click=${() => this.closeReview()}>Back</button>
      </div>
    </section>`;
  }

  private renderPaymentMethods({ methods, overview }: StorefrontData) {
    return html`<section aria-labelledby="cards">
      <h3 id="cards">Payment methods</h3>
      ${
        methods.length === 0
          ? html`<p class="state" part="state">No card on file. Invoices are charged to the primary card.</p>`
          : html`<ul class="cards" part="payment-methods">
              ${methods.map((method) => this.renderCard(method, overview.canManage))}
            </ul>`
      }
      ${overview.canManage ? this.renderCardForm() : nothing}
    </section>`;
  }

  private renderCard(method: PaymentMethod, canManage: boolean) {
    const label = cardName(method);
    const expiry = `${String(method.expMonth).padStart(2, '0')}/${method.expYear}`;
    return html`<li class="card">
      <span class="card-name">${label}</span>
      <span class="muted">${method.holderName}, expires ${expiry}${method.expired ? ' (expired)' : ''}</span>
      <span class="badge role ${method.role ?? 'NONE'}">${roleLabel(method.role)}</span>
      ${
        canManage
          ? this.confirmingRemoval === method.id
            ? html`<span class="confirm" role="group" aria-label="Confirm removal of ${label}">
                Remove the ${label}?
                <button class="danger" ?disabled=${this.busy} @click=${() => void this.removeCard(method)}>
                  Remove card
                </button>
                <button class="secondary" @click=${() => (this.confirmingRemoval = null)}>Keep card</button>
              </span>`
            : html`<span class="card-actions">
                ${method.role !== 'PRIMARY' ? this.roleButton(method, 'PRIMARY') : nothing}
                ${method.role === null ? this.roleButton(method, 'BACKUP') : nothing}
                <button
                  class="secondary"
                  ?disabled=${this.busy}
                  aria-label="Remove ${label}"
                  @click=${() => (this.confirmingRemoval = method.id)}
                >
                  Remove
                </button>
              </span>`
          : nothing
      }
    </li>`;
  }

  private roleButton(method: PaymentMethod, role: PaymentMethodRole) {
    const text = role === 'PRIMARY' ? 'Make primary' : 'Make backup';
    return html`<button
      class="secondary"
      ?disabled=${this.busy}
      aria-label="${text}: ${cardName(method)}"
      @click=${() => void this.setRole(method, role)}
    >
      ${text}
    </button>`;
  }

  private renderCardForm() {
    const problems = this.cardTouched ? cardProblems(this.cardDraft) : {};
    const server = this.cardServerProblem;
    const problemOf = (field: CardField) =>
      problems[field] ?? (server?.field === field ? server.message : undefined);
    const field = (
      name: CardField,
      attributes: { autocomplete: string; inputmode?: string; size?: number },
    ) => {
      const problem = problemOf(name);
      return html`<div class="field">
        <label for="card-${name}">${cardLabels[name]}</label>
        <input
          id="card-${name}"
          name=${name}
          autocomplete=${attributes.autocomplete}
          inputmode=${attributes.inputmode ?? 'text'}
          size=${attributes.size ?? 20}
          .value=${live(this.cardDraft[name])}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${problem ? `card-${name}-problem` : nothing}
          @input=${(event: Event) => {
            this.cardDraft = { ...this.cardDraft, [name]: (event.target as HTMLInputElement).value };
            this.cardServerProblem = null;
          }}
        />
        ${problem ? html`<p class="field-error" id="card-${name}-problem">${problem}</p>` : nothing}
      </div>`;
    };
    return html`<form part="card-form" novalidate aria-labelledby="add-card" @submit=${this.addCard}>
      <h4 id="add-card">Add a card</h4>
      <p class="muted">
        The card number goes straight to our payment processor; we keep only its last four digits.
      </p>
      ${field('holderName', { autocomplete: 'cc-name' })}
      ${field('number', { autocomplete: 'cc-number', inputmode: 'numeric', size: 22 })}
      <div class="row">
        ${field('expMonth', { autocomplete: 'cc-exp-month', inputmode: 'numeric', size: 4 })}
        ${field('expYear', { autocomplete: 'cc-exp-year', inputmode: 'numeric', size: 6 })}
        ${field('cvc', { autocomplete: 'cc-csc', inputmode: 'numeric', size: 6 })}
      </div>
      <div class="field">
        <label for="card-role">Use as</label>
        <select
          id="card-role"
          .value=${live(this.cardDraft.role)}
          @change=${(event: Event) =>
            (this.cardDraft = {
              ...this.cardDraft,
              role: (event.target as HTMLSelectElement).value as CardDraft['role'],
            })}
        >
          <option value="">Keep on file</option>
          <option value="PRIMARY">Primary card</option>
          <option value="BACKUP">Backup card</option>
        </select>
      </div>
      ${server && server.field === null ? html`<p class="field-error" role="alert">${server.message}</p>` : nothing}
      <button type="submit" ?disabled=${this.busy}>Add card</button>
    </form>`;
  }

  private renderHistory({ history, overview, plans }: StorefrontData) {
    const planNames = (codes: readonly PlanCode[]) =>
      codes.map((code) => plans.find((plan) => plan.code === code)?.name ?? code).join(', ');
    return html`<section part="history" aria-labelledby="history">
      <h3 id="history">Billing history</h3>
      <p class="balance" part="balance">
        Open balance: <strong>${formatCents(history.openBalanceCents)}</strong>
        ${
          overview.canManage && history.openBalanceCents > 0
            ? html`<button part="pay" ?disabled=${this.busy} @click=${() => void this.payBalance()}>
                Pay balance
              </button>`
            : nothing
        }
      </p>
      ${history.startsOn ? html`<p class="muted">Shown from ${formatPlainDate(history.startsOn)}.</p>` : nothing}
      <h4>Invoices</h4>
      ${
        history.invoices.length === 0
          ? html`<p class="state" part="state">
              No invoices yet. Invoices are issued monthly, after each month.
            </p>`
          : html`<table>
              <caption class="visually-hidden">
                Invoices
              </caption>
              <thead>
                <tr>
                  <th scope="col">Invoice</th>
                  <th scope="col">Service period</th>
                  <th scope="col">Plans</th>
                  <th scope="col">Amount</th>
                  <th scope="col">Status</th>
                  <th scope="col"><span class="visually-hidden">Download</span></th>
                </tr>
              </thead>
              <tbody>
                ${history.invoices.map(
                  (invoice) =>
                    html`<tr>
                      <th scope="row">${invoice.number}</th>
                      <td>${formatPlainDate(invoice.firstDay)} – ${formatPlainDate(invoice.lastDay)}</td>
                      <td>${planNames(invoice.planCodes)}</td>
                      <td>${formatCents(invoice.amountCents)}</td>
                      <td>${invoice.status === 'PAID' ? 'Paid' : 'Open'}</td>
                      <td>
                        <button
                          class="secondary"
                          aria-label="Download PDF of invoice ${invoice.number}"
                          @click=${() => void this.downloadInvoice(invoice.id)}
                        >
                          Download PDF
                        </button>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      <h4>Payments</h4>
      ${
        history.payments.length === 0
          ? html`<p class="state" part="state">No payments yet.</p>`
          : html`<table>
              <caption class="visually-hidden">
                Payments
              </caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Amount</th>
                  <th scope="col">Card</th>
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                ${history.payments.map(
                  (payment) =>
                    html`<tr>
                      <td>${formatInstantDate(payment.at)}</td>
                      <td>${formatCents(payment.amountCents)}</td>
                      <td>
                        ${payment.cardLast4 ? `${brandNames[payment.cardBrand ?? 'OTHER']} ending ${payment.cardLast4}` : '—'}
                      </td>
                      <td>
                        ${payment.status === 'SUCCEEDED' ? 'Paid' : `Declined: ${payment.failure ?? 'the card was declined.'}`}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>`;
  }

  private togglePlan(code: PlanCode, checked: boolean): void {
    this.selected = checked
      ? [...this.selected, code]
      : this.selected.filter((selected) => selected !== code);
    this.review = null;
  }

  private async openReview(): Promise<void> {
    await this.act(
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
    const ok = await this.act(async (client) => {
      const subscriptions = await client.storefront.subscribe.mutate({
        planCodes: quote.adds,
        acceptedAgreementVersion: quote.agreement.version,
      });
      this.emit<SubscriptionChangedDetail>('portico-subscription-changed', {
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
    await this.act(async (client) => {
      await client.storefront.stopCancellation.mutate({ subscriptionId: subscription.id });
      this.emit<SubscriptionChangedDetail>('portico-subscription-changed', {
        action: 'cancellation-stopped',
        subscriptions: await client.storefront.listSubscriptions.query(),
      });
      return `The cancellation of ${subscription.planName} is stopped.`;
    });
  }

  private readonly addCard = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    this.cardTouched = true;
    this.cardServerProblem = null;
    const problems = cardProblems(this.cardDraft);
    const first = (Object.keys(cardLabels) as CardField[]).find((field) => problems[field] !== undefined);
    if (first) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`#card-${first}`)?.focus();
      return;
    }
    await this.act(
      async (client) => {
        const method = await client.billing.addPaymentMethod.mutate(cardInputOf(this.cardDraft));
        this.cardDraft = emptyCardDraft;
        this.cardTouched = false;
        this.emit<PaymentMethodChangedDetail>('portico-payment-method-changed', {
          action: 'added',
          paymentMethodId: method.id,
        });
        return `${cardName(method)} added (${roleLabel(method.role).toLowerCase()}).`;
      },
      {
        // A refused card is shown at the field it concerns.
        onProblem: (error) => {
          this.cardServerProblem =
            error instanceof PorticoError
              ? { field: cardFieldOf(error.fieldPath), message: error.message }
              : { field: null, message: 'The card could not be added. Try again.' };
        },
      },
    );
  };

  private async setRole(method: PaymentMethod, role: PaymentMethodRole): Promise<void> {
    await this.act(async (client) => {
      await client.billing.setPaymentMethodRole.mutate({ id: method.id, role });
      this.emit<PaymentMethodChangedDetail>('portico-payment-method-changed', {
        action: 'role-changed',
        paymentMethodId: method.id,
      });
      return `The ${cardName(method)} is now the ${role === 'PRIMARY' ? 'primary' : 'backup'} card.`;
    });
  }

  private async removeCard(method: PaymentMethod): Promise<void> {
    await this.act(async (client) => {
      await client.billing.removePaymentMethod.mutate({ id: method.id });
      this.emit<PaymentMethodChangedDetail>('portico-payment-method-changed', {
        action: 'removed',
        paymentMethodId: method.id,
      });
      return `The ${cardName(method)} is removed.`;
    });
    this.confirmingRemoval = null;
  }

  private async payBalance(): Promise<void> {
    this.payKey ??= crypto.randomUUID();
    const key = this.payKey;
    await this.act(async (client) => {
      try {
        const payment = await client.billing.payBalance.mutate({ idempotencyKey: key });
        this.payKey = null;
        return payment.status === 'SUCCEEDED'
          ? `Paid ${formatCents(payment.amountCents)}. Thank you.`
          : `The payment was declined: ${payment.failure ?? 'the card was declined.'} Try another card.`;
      } catch (error) {
        // Only a lost answer keeps the key: the retry then returns that payment instead of charging again.
        if (!(error instanceof PorticoError && error.code === 'NETWORK')) this.payKey = null;
        throw error;
      }
    });
  }

  private async downloadInvoice(invoiceId: string): Promise<void> {
    await this.act(
      async (client) => {
        const pdf = await client.billing.invoicePdf.query({ invoiceId });
        const bytes = Uint8Array.from(atob(pdf.base64), (char) => char.charCodeAt(0));
        saveFile(this.renderRoot, new Blob([bytes], { type: pdf.contentType }), pdf.fileName);
        return `${pdf.fileName} downloaded.`;
      },
      { reload: false },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-storefront': PorticoStorefront;
  }
  interface HTMLElementEventMap {
    'portico-subscription-changed': CustomEvent<SubscriptionChangedDetail>;
    'portico-payment-method-changed': CustomEvent<PaymentMethodChangedDetail>;
  }
}
