import { consume } from '@lit/context';
import {
  dollarsToCents,
  type ClaimStatusInput,
  type ClaimStatusResult,
  type InquiryOutcome,
  type InquirySummary,
  type PorticoClient,
} from '@portico/core';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { porticoClientContext } from '../root/client-context.ts';
import { baseStyles } from '../shared/base.styles.ts';
import { emit } from '../shared/emit.ts';
import { formValues, memberInput } from '../shared/member-fields.ts';
import { MemberRequestController, refusedOutcome } from '../shared/member-request.ts';
import { memberRequestStyles } from '../shared/member-request.styles.ts';
import { tableStyles } from '../shared/table.styles.ts';
import { claimStatusForm, FIELDS } from './claim-status-form.ts';
import { historyView, PHASE_TEXT, resultView } from './claim-status-views.ts';

/** Detail of `portico-claim-status-checked`: the inquiry just made and how it came out. */
export interface ClaimStatusCheckedDetail {
  inquiryId: string | null;
  outcome: InquiryOutcome;
}

const claimStatusStyles = css`
  .status.paid,
  .status.received {
    color: var(--_success);
  }
  .status.denied,
  .status.returned,
  .status.not_found {
    color: var(--_danger);
  }
  .status.information_requested {
    color: var(--_warning);
  }
  .statuses {
    margin: 0.25em 0;
    padding-left: 1.2em;
  }
  h4 {
    margin: 0 0 0.25em;
  }
`;

/**
 * @summary Follows a member's claims with the payer: a search by member, provider and dates of service, each claim
 * found with where it stands, its amounts, payment and service lines, and today's inquiries at the user's sites.
 *
 * Must sit inside `<portico-root>`. The search needs the member id, name and date of birth, a provider of the office
 * and the dates of service; the payer's claim number, the patient account number and the billed amount narrow it.
 * The answer appears right under the form and takes the focus; a payer's refusal appears at the field it concerns.
 *
 * @fires {CustomEvent<ClaimStatusCheckedDetail>} portico-claim-status-checked - An inquiry was answered or refused.
 *   `detail`: `{ inquiryId, outcome }` (`inquiryId` is null when nothing was kept: the input was refused).
 *
 * @csspart form - The search form.
 * @csspart check - Its Check claim status button.
 * @csspart problem - A refusal of the whole search.
 * @csspart result - Where the answer appears.
 * @csspart claim - One claim's card.
 * @csspart status - A claim's phase in its card.
 * @csspart lines - A claim's service lines.
 * @csspart x12 - The raw X12, folded.
 * @csspart history - Today's inquiries.
 * @csspart open - A history line's Show button.
 * @csspart state - The loading, empty and error messages.
 * @csspart retry - The Try again button.
 *
 * @cssproperty --portico-color-primary - Buttons and focus rings.
 * @cssproperty --portico-color-border - Borders and rules.
 * @cssproperty --portico-color-danger - Errors, denied and returned claims.
 * @cssproperty --portico-color-success - Paid and received claims.
 * @cssproperty --portico-color-warning - Claims waiting on information.
 * @cssproperty --portico-radius - Corner radius.
 */
@customElement('portico-claim-status')
export class PorticoClaimStatus extends LitElement {
  static override styles = [baseStyles, tableStyles, memberRequestStyles, claimStatusStyles];

  @consume({ context: porticoClientContext, subscribe: true })
  @state()
  private client: PorticoClient | undefined;

  private readonly request = new MemberRequestController<ClaimStatusResult, InquirySummary>(
    this,
    () => this.client,
    {
      procedure: 'claims.status',
      history: async (client) => (await client.claims.history.query()).inquiries,
    },
  );

  private async check(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const value = formValues(event.currentTarget);
    const input: ClaimStatusInput = { ...memberInput(value), serviceFrom: value('serviceFrom') ?? '' };
    const serviceTo = value('serviceTo');
    const payerClaimNumber = value('payerClaimNumber');
    const patientAccountNumber = value('patientAccountNumber');
    const billed = value('chargedCents');
    if (serviceTo !== undefined) input.serviceTo = serviceTo;
    if (payerClaimNumber !== undefined) input.payerClaimNumber = payerClaimNumber;
    if (patientAccountNumber !== undefined) input.patientAccountNumber = patientAccountNumber;
    if (billed !== undefined) {
      const cents = dollarsToCents(billed);
      // Not an amount: said at the field, nothing sent.
      if (cents === null)
        return this.request.refuse(
          'chargedCents',
          'Enter the billed amount in dollars and cents, like 185.50',
        );
      input.chargedCents = cents;
    }
    const outcome = await this.request.submit((client) => client.claims.status.mutate(input), FIELDS, {
      announce: (result) => {
        const claims = result.summary.claims;
        const first = claims[0];
        if (!first || first.phase === 'NOT_FOUND') return 'The payer found no claim in these dates.';
        return `${claims.length === 1 ? 'One claim' : `${claims.length} claims`} found; the first is ${PHASE_TEXT[first.phase].toLowerCase()}.`;
      },
      failed: 'The claim status could not be checked. Try again.',
    });
    if (!outcome) return;
    emit(
      this,
      'portico-claim-status-checked',
      'result' in outcome
        ? {
            inquiryId: outcome.result.inquiryId,
            outcome: outcome.result.summary.claims[0]?.phase ?? 'NOT_FOUND',
          }
        : { inquiryId: null, outcome: refusedOutcome(outcome.error) },
    );
  }

  protected override render() {
    const gate = this.request.gate({
      loading: 'claim status',
      failed: 'Claim status could not be loaded.',
      action: 'Checking claim status',
      perProvider: 'a claim is looked up for one of them',
    });
    if ('blocked' in gate) return gate.blocked;
    const { session } = gate;
    const { result } = this.request;
    return html`<h2 part="heading">Check claim status</h2>
      ${claimStatusForm({
        session,
        providers: this.request.providers,
        problems: this.request.problems,
        busy: this.request.busy,
        onSubmit: (event) => void this.check(event),
      })}
      <p class="visually-hidden" role="status" aria-live="polite">${this.request.announcement}</p>
      <div part="result">
        ${
          result
            ? html`<h3 id="result-heading" tabindex="-1">
                  Claims of ${result.summary.member.firstName} ${result.summary.member.lastName}
                </h3>
                ${resultView(result)}`
            : nothing
        }
      </div>
      <h3>Checked today</h3>
      ${historyView(
        this.request.history,
        (inquiryId) =>
          void this.request.open(
            (client) => client.claims.get.query({ inquiryId }),
            'That claim status could not be shown.',
          ),
        this.request.busy,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-claim-status': PorticoClaimStatus;
  }
  interface HTMLElementEventMap {
    'portico-claim-status-checked': CustomEvent<ClaimStatusCheckedDetail>;
  }
}
