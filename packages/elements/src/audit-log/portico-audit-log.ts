import { consume } from '@lit/context';
import { mayCall, type AuditEntry, type AuditFilters, type Member, type PorticoClient } from '@portico/core';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { porticoClientContext } from '../root/client-context.ts';
import { baseStyles } from '../shared/base.styles.ts';
import { DownloadController } from '../shared/download.ts';
import { problemText } from '../shared/field-problem.ts';
import { errorState, loadingState } from '../shared/states.ts';
import { tableStyles } from '../shared/table.styles.ts';
import { ACTION_FILTERS, actionText } from './action-labels.ts';

const PAGE = 50;

type Loaded = { entries: AuditEntry[]; nextCursor: string | null };

/**
 * @summary The office's audit trail for its security officer: who did what to which record and when, filtered by
 * user, kind of act and days, newest first, a page at a time, and downloadable as CSV.
 *
 * Must sit inside `<portico-root>`. Every view and download is itself audited by the server. Someone without the
 * audit permission reads why in plain words.
 *
 * @csspart filters - The filter form.
 * @csspart apply - Its Show button.
 * @csspart table - The audit table.
 * @csspart more - The Show more button.
 * @csspart download - The Download CSV button.
 * @csspart state - The loading, empty and error messages.
 * @csspart retry - The Try again button.
 *
 * @cssproperty --portico-color-primary - Buttons and focus rings.
 * @cssproperty --portico-color-border - Borders and rules.
 * @cssproperty --portico-color-danger - Errors.
 * @cssproperty --portico-radius - Corner radius.
 */
@customElement('portico-audit-log')
export class PorticoAuditLog extends LitElement {
  static override styles = [
    baseStyles,
    tableStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em var(--_space);
        align-items: end;
        margin-bottom: var(--_space);
      }
      label {
        display: grid;
        gap: 0.2em;
      }
      .more {
        margin-top: var(--_space);
        display: flex;
        gap: var(--_space);
        align-items: center;
      }
    `,
  ];

  @consume({ context: porticoClientContext, subscribe: true })
  @state()
  private client: PorticoClient | undefined;

  @state() private phase: 'loading' | 'ready' | 'error' | 'not-allowed' = 'loading';
  @state() private problem = '';
  @state() private office = '';
  @state() private members: Member[] = [];
  @state() private filters: AuditFilters = {};
  @state() private loaded: Loaded = { entries: [], nextCursor: null };
  @state() private loadingMore = false;
  private loadedFor: PorticoClient | undefined;

  private readonly download = new DownloadController(
    this,
    () => this.client,
    'The audit trail could not be downloaded.',
  );

  protected override willUpdate(): void {
    if (this.client !== this.loadedFor) {
      this.loadedFor = this.client;
      void this.start();
    }
  }

  private async start(): Promise<void> {
    const client = this.client;
    this.loaded = { entries: [], nextCursor: null };
    if (!client) {
      this.phase = 'error';
      this.problem = 'This element must be placed inside <portico-root> with a server URL.';
      return;
    }
    this.phase = 'loading';
    try {
      const session = await client.organizations.me.query();
      this.office = session.organization.name;
      if (!mayCall(session, 'auditLog.page')) {
        this.phase = 'not-allowed';
        return;
      }
      // The user filter offers the first 200 users by name; the CSV and the page filters take any user id.
      this.members = mayCall(session, 'users.list')
        ? (await client.users.list.query({ limit: 200 })).members
        : [];
      await this.load(false);
    } catch (error) {
      this.phase = 'error';
      this.problem = problemText(error, 'The audit trail could not be loaded.');
    }
  }

  /** Reads the first page for the filters, or the next page after what is shown. */
  private async load(more: boolean): Promise<void> {
    const client = this.client;
    if (!client) return;
    const cursor = more ? this.loaded.nextCursor : null;
    this.loadingMore = more;
    try {
      const page = await client.auditLog.page.query({
        filters: this.filters,
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      });
      this.loaded = {
        entries: more ? [...this.loaded.entries, ...page.entries] : page.entries,
        nextCursor: page.nextCursor,
      };
      this.phase = 'ready';
      this.problem = '';
    } catch (error) {
      if (!more) this.phase = 'error';
      this.problem = problemText(error, 'The audit trail could not be loaded.');
    } finally {
      this.loadingMore = false;
    }
  }

  private apply(event: SubmitEvent): void {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const data = new FormData(event.currentTarget);
    const value = (name: string) => {
      const entry = data.get(name);
      return typeof entry === 'string' && entry !== '' ? entry : undefined;
    };
    const filters: AuditFilters = {};
    const userId = value('userId');
    const action = value('action');
    const from = value('from');
    const to = value('to');
    if (userId) filters.userId = userId;
    if (action) filters.action = action;
    if (from) filters.from = from;
    if (to) filters.to = to;
    this.filters = filters;
    void this.load(false);
  }

  protected override render() {
    if (this.phase === 'loading') return loadingState('the audit trail');
    if (this.phase === 'not-allowed')
      return html`<p class="state" part="state" role="status">
        Only the security officer of ${this.office} reads its audit trail.
      </p>`;
    if (this.phase === 'error') return errorState(this.problem, () => void this.start());
    const { entries, nextCursor } = this.loaded;
    return html`<h2 part="heading">Audit trail of ${this.office}</h2>
      <form part="filters" aria-label="Filter the audit trail" @submit=${this.apply}>
        ${
          this.members.length > 0
            ? html`<label
                >User
                <select name="userId">
                  <option value="">Anyone</option>
                  ${this.members.map(
                    (m) =>
                      html`<option value=${m.userId} ?selected=${this.filters.userId === m.userId}>
                        ${m.displayName}
                      </option>`,
                  )}
                </select></label
              >`
            : nothing
        }
        <label
          >Action
          <select name="action">
            ${ACTION_FILTERS.map(
              ([value, label]) =>
                html`<option value=${value} ?selected=${(this.filters.action ?? '') === value}>
                  ${label}
                </option>`,
            )}
          </select></label
        >
        <label>From <input type="date" name="from" .value=${this.filters.from ?? ''} /></label>
        <label>To <input type="date" name="to" .value=${this.filters.to ?? ''} /></label>
        <button type="submit" part="apply">Show</button>
        <button
          type="button"
          class="secondary"
          part="download"
          ?disabled=${this.download.busy}
          @click=${() => void this.download.save('audit-trail.csv', (client) => client.files.auditTrail(this.filters))}
        >
          Download CSV
        </button>
      </form>
      ${this.download.problem ? html`<p class="field-error" role="alert">${this.download.problem}</p>` : nothing}
      ${this.problem ? html`<p class="field-error" role="alert">${this.problem}</p>` : nothing}
      ${
        entries.length === 0
          ? html`<p class="state" part="state">Nothing was recorded for these filters.</p>`
          : html`<table part="table">
              <caption class="visually-hidden">
                Audited acts, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Record</th>
                </tr>
              </thead>
              <tbody>
                ${entries.map(
                  (entry) =>
                    html`<tr>
                      <td>${new Date(entry.at).toLocaleString()}</td>
                      <td>${entry.actor?.displayName ?? 'Portico (automatic)'}</td>
                      <td>${actionText(entry.action)}</td>
                      <td>${entry.entity} ${entry.entityId}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      <div class="more">
        <span role="status">${entries.length} shown</span>
        ${
          nextCursor
            ? html`<button
                class="secondary"
                part="more"
                ?disabled=${this.loadingMore}
                @click=${() => void this.load(true)}
              >
                Show more
              </button>`
            : nothing
        }
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-audit-log': PorticoAuditLog;
  }
}
