import { consume } from '@lit/context';
import {
  mayCall,
  PorticoError,
  type CheckOutcome,
  type CheckSummary,
  type EligibilityCheckInput,
  type EligibilityResult,
  type PorticoClient,
  type Session,
} from '@portico/core';
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { porticoClientContext } from '../root/client-context.ts';
import { baseStyles } from '../shared/base.styles.ts';
import { emit } from '../shared/emit.ts';
import { LiveReloadController } from '../shared/live-reload.ts';
import { formProblemsOf, noFormProblems, problemText, type FormProblems } from '../shared/field-problem.ts';
import { failureState, loadingState } from '../shared/states.ts';
import { tableStyles } from '../shared/table.styles.ts';
import { eligibilityForm, FIELDS, type Field } from './eligibility-form.ts';
import { historyView, OUTCOME_TEXT, resultView } from './eligibility-views.ts';
import { eligibilityStyles } from './portico-eligibility.styles.ts';

/** Detail of `portico-eligibility-checked`: the check just made and how it came out. */
export interface EligibilityCheckedDetail {
  checkId: string | null;
  outcome: CheckOutcome;
}

/** How a refused check shows in the event: the payer's refusal, no answer in time, or the payer unreachable. */
function outcomeOfError(error: unknown): CheckOutcome {
  if (!(error instanceof PorticoError)) return 'UNAVAILABLE';
  if (error.code === 'TIMEOUT') return 'TIMEOUT';
  return error.code === 'PAYER_UNAVAILABLE' ? 'UNAVAILABLE' : 'REJECTED';
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
  static override styles = [baseStyles, tableStyles, eligibilityStyles];

  @consume({ context: porticoClientContext, subscribe: true })
  @state()
  private client: PorticoClient | undefined;

  @state() private phase: 'loading' | 'ready' | 'error' | 'not-allowed' = 'loading';
  @state() private failure: unknown = null;
  @state() private session: Session | null = null;
  @state() private providers: { npi: string; displayName: string }[] = [];
  @state() private problems: FormProblems<Field> = noFormProblems;
  @state() private result: EligibilityResult | null = null;
  @state() private history: CheckSummary[] = [];
  @state() private busy = false;
  @state() private announcement = '';
  private loadedFor: PorticoClient | undefined;

  constructor() {
    super();
    // A provider added or a site or permission changed elsewhere on the page shows here without a reload.
    new LiveReloadController(
      this,
      () => this.client,
      ['provider.changed', 'membership.changed'],
      () => {
        if (!this.busy && this.phase !== 'loading') void this.refresh();
      },
    );
  }

  /** Reads the session and the provider list again, keeping the answer and the form as they are. */
  private async refresh(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      await this.read(client, false);
    } catch {
      // What is shown stays; the next event or action reads again.
    }
  }

  /** Reads who the user is and the office's providers (and, on first load, today's checks), then shows them. */
  private async read(client: PorticoClient, withHistory: boolean): Promise<void> {
    const session = await client.organizations.me.query();
    this.session = session;
    if (!mayCall(session, 'eligibility.check')) {
      this.phase = 'not-allowed';
      return;
    }
    const [providers, history] = await Promise.all([
      mayCall(session, 'providers.list') ? client.providers.list.query() : Promise.resolve([]),
      withHistory ? client.eligibility.history.query() : Promise.resolve(null),
    ]);
    this.providers = providers.map((p) => ({ npi: p.npi, displayName: p.displayName }));
    if (history) this.history = history.checks;
    this.phase = 'ready';
  }

  private get resultHeading(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('#result-heading');
  }

  protected override willUpdate(): void {
    if (this.client !== this.loadedFor) {
      this.loadedFor = this.client;
      void this.start();
    }
  }

  private async start(): Promise<void> {
    const client = this.client;
    this.result = null;
    if (!client) {
      this.phase = 'error';
      this.failure = new Error('This element must be placed inside <portico-root> with a server URL.');
      return;
    }
    this.phase = 'loading';
    try {
      await this.read(client, true);
    } catch (error) {
      this.phase = 'error';
      this.failure = error;
    }
  }

  private async refreshHistory(client: PorticoClient): Promise<void> {
    try {
      this.history = (await client.eligibility.history.query()).checks;
    } catch {
      // The answer is already on screen; the history catches up on the next check.
    }
  }

  private async check(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.client;
    if (!client || this.busy || !(event.currentTarget instanceof HTMLFormElement)) return;
    const data = new FormData(event.currentTarget);
    const value = (name: Field) => {
      const entry = data.get(name);
      return typeof entry === 'string' ? entry.trim() : '';
    };
    const input: EligibilityCheckInput = {
      memberId: value('memberId'),
      firstName: value('firstName'),
      lastName: value('lastName'),
      dateOfBirth: value('dateOfBirth'),
      providerNpi: value('providerNpi'),
      serviceTypes: data.getAll('serviceTypes').filter((entry): entry is string => typeof entry === 'string'),
    };
    if (value('dateOfService') !== '') input.dateOfService = value('dateOfService');
    if (value('siteId') !== '') input.siteId = value('siteId');
    this.busy = true;
    this.problems = noFormProblems;
    this.announcement = '';
    try {
      const result = await client.eligibility.check.mutate(input);
      this.result = result;
      this.announcement = `Coverage ${OUTCOME_TEXT[result.summary.plan.status].toLowerCase()} for ${result.summary.member.firstName} ${result.summary.member.lastName}.`;
      emit(this, 'portico-eligibility-checked', {
        checkId: result.checkId,
        outcome: result.summary.plan.status,
      });
      await this.updateComplete;
      this.resultHeading?.focus();
    } catch (error) {
      this.result = null;
      this.problems = formProblemsOf(
        error,
        FIELDS,
        problemText(error, 'The check could not be made. Try again.'),
      );
      this.announcement = Object.values(this.problems.fields)[0] ?? this.problems.form ?? '';
      emit(this, 'portico-eligibility-checked', { checkId: null, outcome: outcomeOfError(error) });
      await this.updateComplete;
      const first = FIELDS.find((field) => this.problems.fields[field]);
      this.renderRoot.querySelector<HTMLElement>(first ? `[name="${first}"]` : '[part="problem"]')?.focus();
    } finally {
      this.busy = false;
      await this.refreshHistory(client);
    }
  }

  private async open(checkId: string): Promise<void> {
    const client = this.client;
    if (!client || this.busy) return;
    this.busy = true;
    try {
      this.result = await client.eligibility.get.query({ checkId });
      this.problems = noFormProblems;
      await this.updateComplete;
      this.resultHeading?.focus();
    } catch (error) {
      this.problems = { fields: {}, form: problemText(error, 'That check could not be shown.') };
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    if (this.phase === 'loading') return loadingState('eligibility');
    if (this.phase === 'error')
      return failureState(this.failure, 'Eligibility could not be loaded.', () => void this.start());
    const session = this.session;
    if (this.phase === 'not-allowed' || !session)
      return html`<p class="state" part="state" role="status">
        Checking eligibility needs access to member data. Ask your user administrator if you need it.
      </p>`;
    if (this.providers.length === 0)
      return html`<p class="state" part="state" role="status">
        Add the office's providers to its provider list first: a check is made for one of them.
      </p>`;
    return html`<h2 part="heading">Check eligibility</h2>
      ${eligibilityForm({
        session,
        providers: this.providers,
        problems: this.problems,
        busy: this.busy,
        onSubmit: (event) => void this.check(event),
      })}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      <div part="result">
        ${
          this.result
            ? html`<h3 id="result-heading" tabindex="-1">
                  ${this.result.summary.member.firstName} ${this.result.summary.member.lastName}
                </h3>
                ${resultView(this.result)}`
            : nothing
        }
      </div>
      <h3>Checked today</h3>
      ${historyView(this.history, (checkId) => void this.open(checkId), this.busy)}`;
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
