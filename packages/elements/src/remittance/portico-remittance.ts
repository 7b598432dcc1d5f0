import { consume } from '@lit/context';
import {
  mayCall,
  type EftEnrollment,
  type EftEnrollmentInput,
  type PorticoClient,
  type RemittanceDetail,
  type RemittanceSummary,
  type Session,
} from '@portico/core';
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { porticoClientContext } from '../root/client-context.ts';
import { baseStyles } from '../shared/base.styles.ts';
import { saveFile } from '../shared/download.ts';
import { emit } from '../shared/emit.ts';
import { formProblemsOf, noFormProblems, problemText, type FormProblems } from '../shared/field-problem.ts';
import { LiveReloadController } from '../shared/live-reload.ts';
import { formValues } from '../shared/member-fields.ts';
import type { OfficeProvider } from '../shared/member-request.ts';
import { memberRequestStyles } from '../shared/member-request.styles.ts';
import { failureState, loadingState } from '../shared/states.ts';
import { tableStyles } from '../shared/table.styles.ts';
import { ENROLL_FIELDS, eftEnrollmentView } from './eft-enrollment.ts';
import { filterForm, remittanceDetailView, remittanceTable, type Filters } from './remittance-views.ts';
import { remittanceStyles } from './remittance.styles.ts';

const PAGE = 25;

/** Detail of `portico-remittance-enrolled`: the enrollment just submitted, waiting for the payer. */
export interface RemittanceEnrolledDetail {
  enrollmentId: string;
  payeeNpi: string;
  status: EftEnrollment['status'];
}

/**
 * @summary The office's remittances (835s) and explanations of payment: the payments made to the user's sites,
 * filtered by date, method or a check, claim, account or member number, a page at a time; each one's claims with
 * their adjustments and remark codes beside their labels; the EOP as a PDF; and the office's EFT/ERA enrollment.
 *
 * Must sit inside `<portico-root>`. The remittances need access to member data; the enrollment needs the office's
 * practice set-up permission. Someone with neither reads who can grant it, in plain words. A new remittance or an
 * enrollment the payer verifies shows without a reload.
 *
 * @fires {CustomEvent<RemittanceEnrolledDetail>} portico-remittance-enrolled - An EFT/ERA enrollment was submitted.
 *   `detail`: `{ enrollmentId, payeeNpi, status }`.
 *
 * @csspart heading - The widget's heading.
 * @csspart filters - The filter form.
 * @csspart apply - Its Show button.
 * @csspart table - The remittance table.
 * @csspart open - A row's Show button.
 * @csspart download - An EOP (PDF) button.
 * @csspart more - The Show more button.
 * @csspart detail - Where a remittance's explanation appears.
 * @csspart claim - One claim's card in it.
 * @csspart lines - A claim's service lines.
 * @csspart provider-adjustments - The provider-level adjustments.
 * @csspart notice - What a download or action said.
 * @csspart enrollment - The EFT/ERA enrollment section.
 * @csspart paperless - Whether the office is paperless.
 * @csspart enrollments - The enrollment table.
 * @csspart enroll-form - The enrollment form.
 * @csspart enroll - Its submit button.
 * @csspart enrolled - Its result.
 * @csspart problem - A refusal of the whole form.
 * @csspart state - The loading, empty and error messages.
 * @csspart retry - The Try again button.
 *
 * @cssproperty --portico-color-primary - Buttons and focus rings.
 * @cssproperty --portico-color-border - Borders and rules.
 * @cssproperty --portico-color-danger - Errors.
 * @cssproperty --portico-color-success - The paperless note.
 * @cssproperty --portico-radius - Corner radius.
 */
@customElement('portico-remittance')
export class PorticoRemittance extends LitElement {
  static override styles = [baseStyles, tableStyles, memberRequestStyles, remittanceStyles];

  @consume({ context: porticoClientContext, subscribe: true })
  @state()
  private client: PorticoClient | undefined;

  @state() private phase: 'loading' | 'ready' | 'error' | 'not-allowed' = 'loading';
  @state() private failure: unknown = null;
  @state() private session: Session | null = null;
  @state() private filters: Filters = {};
  @state() private remittances: RemittanceSummary[] = [];
  @state() private nextCursor: string | null = null;
  @state() private listProblem = '';
  @state() private detail: RemittanceDetail | null = null;
  @state() private enrollment: { enrollments: EftEnrollment[]; paperless: boolean } | null = null;
  @state() private providers: OfficeProvider[] = [];
  @state() private problems: FormProblems<string> = noFormProblems;
  @state() private busy = false;
  @state() private notice = '';
  @state() private enrolled = '';
  private loadedFor: PorticoClient | undefined;

  constructor() {
    super();
    new LiveReloadController(
      this,
      () => this.client,
      ['remittance.changed', 'provider.changed', 'membership.changed'],
      () => {
        if (!this.busy && this.phase === 'ready') void this.read(false);
      },
    );
  }

  protected override willUpdate(): void {
    if (this.client !== this.loadedFor) {
      this.loadedFor = this.client;
      void this.start();
    }
  }

  private async start(): Promise<void> {
    this.detail = null;
    if (!this.client) {
      this.failure = new Error('This element must be placed inside <portico-root> with a server URL.');
      this.phase = 'error';
      return;
    }
    this.phase = 'loading';
    try {
      await this.read(true);
    } catch (error) {
      this.failure = error;
      this.phase = 'error';
    }
  }

  private get mayList(): boolean {
    return this.session !== null && mayCall(this.session, 'remittance.list');
  }

  private get mayEnroll(): boolean {
    return this.session !== null && mayCall(this.session, 'remittance.enroll');
  }

  /** Reads the session, the first page for the filters and the enrollments; `first` lets a failure show. */
  private async read(first: boolean): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      const session = await client.organizations.me.query();
      this.session = session;
      if (!this.mayList && !this.mayEnroll) {
        this.phase = 'not-allowed';
        return;
      }
      const [page, enrollment, providers] = await Promise.all([
        this.mayList ? client.remittance.list.query({ ...this.filters, limit: PAGE }) : null,
        this.mayEnroll ? client.remittance.enrollments.query() : null,
        this.mayEnroll && mayCall(session, 'providers.list') ? client.providers.list.query() : [],
      ]);
      if (page) {
        this.remittances = page.remittances;
        this.nextCursor = page.nextCursor;
      }
      this.enrollment = enrollment;
      this.providers = providers.map((p) => ({ npi: p.npi, displayName: p.displayName }));
      this.listProblem = '';
      this.phase = 'ready';
    } catch (error) {
      if (first) throw error;
      // What is shown stays; the next event or action reads again.
    }
  }

  private async more(): Promise<void> {
    const client = this.client;
    if (!client || !this.nextCursor || this.busy) return;
    this.busy = true;
    try {
      const page = await client.remittance.list.query({
        ...this.filters,
        limit: PAGE,
        cursor: this.nextCursor,
      });
      this.remittances = [...this.remittances, ...page.remittances];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.listProblem = problemText(error, 'More remittances could not be loaded.');
    } finally {
      this.busy = false;
    }
  }

  private async apply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement) || !this.client || this.busy) return;
    const value = formValues(event.currentTarget);
    const filters: Filters = {};
    const paidFrom = value('paidFrom');
    const paidTo = value('paidTo');
    const method = value('method');
    const search = value('search');
    if (paidFrom) filters.paidFrom = paidFrom;
    if (paidTo) filters.paidTo = paidTo;
    if (method === 'ACH' || method === 'CHK' || method === 'NON') filters.method = method;
    if (search) filters.search = search;
    this.busy = true;
    try {
      const page = await this.client.remittance.list.query({ ...filters, limit: PAGE });
      this.filters = filters;
      this.remittances = page.remittances;
      this.nextCursor = page.nextCursor;
      this.listProblem = '';
      this.notice = `${page.remittances.length === 0 ? 'No' : page.remittances.length}${page.nextCursor ? ' or more' : ''} remittance${page.remittances.length === 1 ? '' : 's'} found.`;
    } catch (error) {
      this.listProblem = problemText(error, 'The remittances could not be loaded.');
      this.notice = this.listProblem;
    } finally {
      this.busy = false;
    }
  }

  private async open(remittanceId: string): Promise<void> {
    const client = this.client;
    if (!client || this.busy) return;
    this.busy = true;
    try {
      this.detail = await client.remittance.get.query({ remittanceId });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#detail-heading')?.focus();
    } catch (error) {
      this.notice = problemText(error, 'That remittance could not be shown.');
    } finally {
      this.busy = false;
    }
  }

  private async download(remittanceId: string): Promise<void> {
    const client = this.client;
    if (!client || this.busy) return;
    this.busy = true;
    try {
      const pdf = await client.remittance.eopPdf.query({ remittanceId });
      const bytes = Uint8Array.from(atob(pdf.base64), (char) => char.charCodeAt(0));
      saveFile(this.renderRoot, new Blob([bytes], { type: pdf.contentType }), pdf.fileName);
      this.notice = `${pdf.fileName} downloaded.`;
    } catch (error) {
      this.notice = problemText(error, 'The EOP could not be downloaded.');
    } finally {
      this.busy = false;
    }
  }

  private async enroll(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement) || !this.client || this.busy) return;
    const value = formValues(event.currentTarget);
    const input: EftEnrollmentInput = {
      payeeNpi: value('payeeNpi') ?? '',
      siteId: value('siteId') ?? '',
      accountHolder: value('accountHolder') ?? '',
      routingNumber: value('routingNumber') ?? '',
      accountNumber: value('accountNumber') ?? '',
      accountType: value('accountType') === 'SAVINGS' ? 'SAVINGS' : 'CHECKING',
    };
    const form = event.currentTarget;
    this.busy = true;
    this.problems = noFormProblems;
    this.enrolled = '';
    try {
      const result = await this.client.remittance.enroll.mutate(input);
      this.enrollment = result;
      const saved = result.enrollments.find((e) => e.payeeNpi === input.payeeNpi);
      form.reset();
      this.enrolled = `Submitted: the payer verifies the account ending ${saved?.accountLast4 ?? ''} before paying by EFT.`;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="enrolled"]')?.focus();
      if (saved)
        emit(this, 'portico-remittance-enrolled', {
          enrollmentId: saved.enrollmentId,
          payeeNpi: saved.payeeNpi,
          status: saved.status,
        });
    } catch (error) {
      this.problems = formProblemsOf(
        error,
        ENROLL_FIELDS,
        problemText(error, 'The enrollment was not saved.'),
      );
      await this.updateComplete;
      const first = ENROLL_FIELDS.find((field) => this.problems.fields[field]);
      this.renderRoot.querySelector<HTMLElement>(first ? `[name="${first}"]` : '[part="problem"]')?.focus();
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    if (this.phase === 'loading') return loadingState('remittances');
    if (this.phase === 'error')
      return failureState(this.failure, 'Remittances could not be loaded.', () => void this.start());
    const session = this.session;
    if (this.phase === 'not-allowed' || !session)
      return html`<p class="state" part="state" role="status">
        Remittances are shown to the people who work with member data at your sites, and EFT enrollment to
        those who manage the office's payment set-up. Ask your office's security officer if you need either.
      </p>`;
    return html`<h2 part="heading">Remittances and explanations of payment</h2>
      <p class="visually-hidden" role="status" aria-live="polite">${this.notice}</p>
      ${
        this.mayList
          ? html`${filterForm(this.filters, this.busy, (e) => void this.apply(e))}
              ${this.listProblem ? html`<p class="field-error" role="alert">${this.listProblem}</p>` : nothing}
              ${remittanceTable(this.remittances, {
                open: (id) => void this.open(id),
                download: (id) => void this.download(id),
                busy: this.busy,
                openId: this.detail?.remittanceId ?? null,
              })}
              ${
                this.nextCursor
                  ? html`<div class="actions">
                      <button
                        class="secondary"
                        part="more"
                        ?disabled=${this.busy}
                        @click=${() => void this.more()}
                      >
                        Show more
                      </button>
                    </div>`
                  : nothing
              }
              <p part="notice" class="done">${this.notice}</p>
              <div part="detail">
                ${
                  this.detail
                    ? remittanceDetailView(
                        this.detail,
                        () => void this.download(this.detail?.remittanceId ?? ''),
                        this.busy,
                      )
                    : nothing
                }
              </div>`
          : nothing
      }
      ${
        this.mayEnroll && this.enrollment
          ? eftEnrollmentView({
              session,
              providers: this.providers,
              enrollments: this.enrollment.enrollments,
              paperless: this.enrollment.paperless,
              problems: this.problems,
              busy: this.busy,
              done: this.enrolled,
              onSubmit: (event) => void this.enroll(event),
            })
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-remittance': PorticoRemittance;
  }
  interface HTMLElementEventMap {
    'portico-remittance-enrolled': CustomEvent<RemittanceEnrolledDetail>;
  }
}
