import { consume } from '@lit/context';
import { Task } from '@lit/task';
import {
  formatCents,
  PorticoError,
  mayCall,
  type BillingHistory,
  type PaymentMethod,
  type PaymentMethodRole,
  type Plan,
  type PorticoClient,
} from '@portico/core';
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { porticoClientContext } from '../root/client-context.ts';
import { ActionController } from '../shared/action.ts';
import { emit } from '../shared/emit.ts';
import { saveFile } from '../shared/download.ts';
import { formProblemsOf, noFormProblems, withoutField, type FormProblems } from '../shared/field-problem.ts';
import { LiveReloadController } from '../shared/live-reload.ts';
import { failureState, loadingState } from '../shared/states.ts';
import { billingHistory } from './billing-history.ts';
import {
  CARD_FIELDS,
  cardInputOf,
  cardLabels,
  emptyCardDraft,
  type CardDraft,
  type CardField,
} from './card-form.ts';
import { cardName, roleLabel } from './card-names.ts';
import { billingStyles } from './portico-billing.styles.ts';

interface BillingData {
  plans: Plan[];
  methods: PaymentMethod[];
  history: BillingHistory;
  /** Whether the caller may change billing: the session says whether they may add a card. */
  canManage: boolean;
}

/** Detail of `portico-payment-method-changed`. */
export interface PaymentMethodChangedDetail {
  action: 'added' | 'role-changed' | 'removed';
  paymentMethodId: string;
}

/**
 * @summary Billing: cards on file (primary and backup), billing history with PDF invoices, and Pay balance.
 *
 * Must sit inside `<portico-root>`. `<portico-storefront>` shows it below the plans; a host can also place it alone.
 * A view-only user sees everything without the buttons. Reloads by itself when billing changes elsewhere.
 *
 * @fires {CustomEvent<PaymentMethodChangedDetail>} portico-payment-method-changed - A card was added, removed, or made primary or backup.
 *   `detail`: `{ action, paymentMethodId }`.
 *
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
 * @cssproperty --portico-color-border - Borders and rules.
 * @cssproperty --portico-color-danger - Errors.
 * @cssproperty --portico-radius - Corner radius.
 */
@customElement('portico-billing')
export class PorticoBilling extends LitElement {
  static override styles = billingStyles;

  @consume({ context: porticoClientContext, subscribe: true })
  @state()
  private client: PorticoClient | undefined;

  @state() private cardDraft: CardDraft = emptyCardDraft;
  @state() private cardProblems: FormProblems<CardField> = noFormProblems;
  @state() private confirmingRemoval: string | null = null;
  /** The key of a Pay balance click whose answer never came: a retry reuses it, so it can never charge twice. */
  private payKey: string | null = null;

  private readonly liveReload = new LiveReloadController(
    this,
    () => this.client,
    ['billing.changed'],
    () => {
      if (!this.action.busy) void this.data.run();
    },
  );

  private readonly data = new Task(this, {
    args: () => [this.client] as const,
    task: async ([client], { signal }): Promise<BillingData> => {
      if (!client) {
        throw new PorticoError(
          'BAD_REQUEST',
          'This element must be placed inside <portico-root> with a server URL.',
        );
      }
      const [session, plans, methods, history] = await Promise.all([
        client.organizations.me.query(undefined, { signal }),
        client.storefront.listPlans.query(undefined, { signal }),
        client.billing.listPaymentMethods.query(undefined, { signal }),
        client.billing.history.query(undefined, { signal }),
      ]);
      const canManage = mayCall(session, 'billing.addPaymentMethod');
      return { plans, methods, history, canManage };
    },
  });

  private readonly action = new ActionController(
    this,
    () => this.client,
    () => this.data.run(),
  );

  protected override render() {
    return this.data.render({
      initial: () => loadingState('billing'),
      pending: () => (this.data.value ? this.renderData(this.data.value) : loadingState('billing')),
      error: (error) =>
        failureState(error, 'The billing details could not be loaded.', () => void this.data.run()),
      complete: (data) => this.renderData(data),
    });
  }

  private renderData(data: BillingData) {
    return html`${this.renderPaymentMethods(data)}
      ${billingHistory(data.history, data.plans, {
        canPay: data.canManage,
        busy: this.action.busy,
        pay: () => void this.payBalance(),
        download: (invoiceId) => void this.downloadInvoice(invoiceId),
      })}
      <div class="notice ${this.action.notice?.kind ?? ''}" part="notice" role="status" aria-live="polite">
        ${this.action.notice?.text ?? nothing}
      </div>`;
  }

  private renderPaymentMethods({ methods, canManage }: BillingData) {
    return html`<section aria-labelledby="cards">
      <h3 id="cards">Payment methods</h3>
      ${
        methods.length === 0
          ? html`<p class="state" part="state">No card on file. Invoices are charged to the primary card.</p>`
          : html`<ul class="cards" part="payment-methods">
              ${methods.map((method) => this.renderCard(method, canManage))}
            </ul>`
      }
      ${canManage ? this.renderCardForm() : nothing}
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
                <button
                  class="danger"
                  ?disabled=${this.action.busy}
                  @click=${() => void this.removeCard(method)}
                >
                  Remove card
                </button>
                <button class="secondary" @click=${() => (this.confirmingRemoval = null)}>Keep card</button>
              </span>`
            : html`<span class="card-actions">
                ${method.role !== 'PRIMARY' ? this.roleButton(method, 'PRIMARY') : nothing}
                ${method.role === null ? this.roleButton(method, 'BACKUP') : nothing}
                <button
                  class="secondary"
                  ?disabled=${this.action.busy}
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
      ?disabled=${this.action.busy}
      aria-label="${text}: ${cardName(method)}"
      @click=${() => void this.setRole(method, role)}
    >
      ${text}
    </button>`;
  }

  private renderCardForm() {
    const problems = this.cardProblems;
    const field = (
      name: CardField,
      attributes: { autocomplete: string; inputmode?: string; size?: number },
    ) => {
      const problem = problems.fields[name];
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
            this.cardProblems = withoutField(this.cardProblems, name);
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
      ${problems.form ? html`<p class="field-error" role="alert">${problems.form}</p>` : nothing}
      <button type="submit" ?disabled=${this.action.busy}>Add card</button>
    </form>`;
  }

  private readonly addCard = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    this.cardProblems = noFormProblems;
    await this.action.act(
      async (client) => {
        const method = await client.billing.addPaymentMethod.mutate(cardInputOf(this.cardDraft));
        this.cardDraft = emptyCardDraft;
        emit(this, 'portico-payment-method-changed', {
          action: 'added',
          paymentMethodId: method.id,
        });
        return `${cardName(method)} added (${roleLabel(method.role).toLowerCase()}).`;
      },
      {
        // The server checks the card with core's schema; each problem shows at its field, and the first takes focus.
        onProblem: async (error) => {
          this.cardProblems = formProblemsOf(error, CARD_FIELDS, 'The card could not be added. Try again.');
          await this.updateComplete;
          const first = CARD_FIELDS.find((field) => this.cardProblems.fields[field] !== undefined);
          if (first) this.renderRoot.querySelector<HTMLInputElement>(`#card-${first}`)?.focus();
        },
      },
    );
  };

  private async setRole(method: PaymentMethod, role: PaymentMethodRole): Promise<void> {
    await this.action.act(async (client) => {
      await client.billing.setPaymentMethodRole.mutate({ id: method.id, role });
      emit(this, 'portico-payment-method-changed', {
        action: 'role-changed',
        paymentMethodId: method.id,
      });
      return `The ${cardName(method)} is now the ${role === 'PRIMARY' ? 'primary' : 'backup'} card.`;
    });
  }

  private async removeCard(method: PaymentMethod): Promise<void> {
    await this.action.act(async (client) => {
      await client.billing.removePaymentMethod.mutate({ id: method.id });
      emit(this, 'portico-payment-method-changed', {
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
    await this.action.act(async (client) => {
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
    await this.action.act(
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
    'portico-billing': PorticoBilling;
  }
  interface HTMLElementEventMap {
    'portico-payment-method-changed': CustomEvent<PaymentMethodChangedDetail>;
  }
}
