import { consume } from '@lit/context';
import {
  type CheckOutcome,
  type CheckSummary,
  type EligibilityCheckInput,
  type EligibilityResult,
  type PorticoClient,
} from '@portico/core';
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { porticoClientContext } from '../root/client-context.ts';
import { baseStyles } from '../shared/base.styles.ts';
import { emit } from '../shared/emit.ts';
import { formValues, memberInput } from '../shared/member-fields.ts';
import { MemberRequestController, refusedOutcome } from '../shared/member-request.ts';
import { memberRequestStyles } from '../shared/member-request.styles.ts';
import { tableStyles } from '../shared/table.styles.ts';
import { eligibilityForm, FIELDS } from './eligibility-form.ts';
import { historyView, OUTCOME_TEXT, resultView } from './eligibility-views.ts';
import { eligibilityStyles } from './portico-eligibility.styles.ts';

/** Detail of `portico-eligibility-checked`: the check just made and how it came out. */
export interface EligibilityCheckedDetail {
  checkId: string | null;
  outcome: CheckOutcome;
}

/**
 * @summary Checks a member's eligibility with the payer before the visit: a search form, the coverage card, the
 * benefits by service type and network, and today's checks at the user's sites.
 *
 * Must sit inside `<portico-root>`. The search needs the member id, name and date of birth; the provider is one of
 * the office's. A user who works at several sites says which one the visit is at. The answer appears right under
 * the form and takes the focus; a payer's refusal appears at the field it concerns, in the payer's words.
 *
 * @fires {CustomEvent<EligibilityCheckedDetail>} portico-eligibility-checked - A check was answered or refused.
 *   `detail`: `{ checkId, outcome }` (`checkId` is null when nothing was kept: the input was refused).
 *
 * @csspart form - The search form.
 * @csspart check - Its Check eligibility button.
 * @csspart problem - A refusal of the whole search.
 * @csspart result - Where the answer appears.
 * @csspart coverage - The coverage card.
 * @csspart status - The coverage status in the card.
 * @csspart benefits - The benefits table.
 * @csspart x12 - The raw X12, folded.
 * @csspart history - Today's checks.
 * @csspart open - A history line's Show button.
 * @csspart state - The loading, empty and error messages.
 * @csspart retry - The Try again button.
 *
 * @cssproperty --portico-color-primary - Buttons and focus rings.
 * @cssproperty --portico-color-border - Borders and rules.
 * @cssproperty --portico-color-danger - Errors and inactive coverage.
 * @cssproperty --portico-color-success - Active coverage.
 * @cssproperty --portico-radius - Corner radius.
 */
@customElement('portico-eligibility')
export class PorticoEligibility extends LitElement {
  static override styles = [baseStyles, tableStyles, memberRequestStyles, eligibilityStyles];

  @consume({ context: porticoClientContext, subscribe: true })
  @state()
  private client: PorticoClient | undefined;

  private readonly request = new MemberRequestController<EligibilityResult, CheckSummary>(
    this,
    () => this.client,
    {
      procedure: 'eligibility.check',
      history: async (client) => (await client.eligibility.history.query()).checks,
    },
  );

  private async check(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const value = formValues(event.currentTarget);
    const input: EligibilityCheckInput = {
      ...memberInput(value),
      serviceTypes: new FormData(event.currentTarget)
        .getAll('serviceTypes')
        .filter((entry): entry is string => typeof entry === 'string'),
    };
    const dateOfService = value('dateOfService');
    if (dateOfService !== undefined) input.dateOfService = dateOfService;
    const outcome = await this.request.submit((client) => client.eligibility.check.mutate(input), FIELDS, {
      announce: (result) =>
        `Coverage ${OUTCOME_TEXT[result.summary.plan.status].toLowerCase()} for ${result.summary.member.firstName} ${result.summary.member.lastName}.`,
      failed: 'The check could not be made. Try again.',
    });
    if (!outcome) return;
    emit(
      this,
      'portico-eligibility-checked',
      'result' in outcome
        ? { checkId: outcome.result.checkId, outcome: outcome.result.summary.plan.status }
        : { checkId: null, outcome: refusedOutcome(outcome.error) },
    );
  }

  protected override render() {
    const gate = this.request.gate({
      loading: 'eligibility',
      failed: 'Eligibility could not be loaded.',
      action: 'Checking eligibility',
      perProvider: 'a check is made for one of them',
    });
    if ('blocked' in gate) return gate.blocked;
    const { session } = gate;
    const { result } = this.request;
    return html`<h2 part="heading">Check eligibility</h2>
      ${eligibilityForm({
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
                  ${result.summary.member.firstName} ${result.summary.member.lastName}
                </h3>
                ${resultView(result)}`
            : nothing
        }
      </div>
      <h3>Checked today</h3>
      ${historyView(
        this.request.history,
        (checkId) =>
          void this.request.open(
            (client) => client.eligibility.get.query({ checkId }),
            'That check could not be shown.',
          ),
        this.request.busy,
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-eligibility': PorticoEligibility;
  }
  interface HTMLElementEventMap {
    'portico-eligibility-checked': CustomEvent<EligibilityCheckedDetail>;
  }
}
