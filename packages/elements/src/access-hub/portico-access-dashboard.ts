import { consume } from '@lit/context';
import { Task } from '@lit/task';
import {
  BLOCKED_WORK_LABELS,
  formatCents,
  formatInstantDate,
  portalBlockedCents,
  PorticoError,
  type AccessIssue,
  type Dashboard,
  type PorticoClient,
  type PortalIssues,
} from '@portico/core';
import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { porticoClientContext } from '../root/client-context.ts';
import { emit } from '../shared/emit.ts';
import { LiveReloadController } from '../shared/live-reload.ts';
import { loadingState, failureState } from '../shared/states.ts';
import { dashboardStyles } from './portico-access-dashboard.styles.ts';
import { statusBadge } from './hub-parts.ts';

/**
 * @summary The access hub's Dashboard tab (internal to `<portico-access-hub>`): the attention card, the quick and
 * covered-payer filters, and the portals with their issues, related tasks and the action needed.
 *
 * @csspart attention-card - The card counting the tasks that need attention.
 * @csspart quick-filter - The Needs your attention toggle.
 * @csspart payer-filter - The covered payer / insurance category filter form.
 * @csspart portals - The dashboard's table of portals.
 * @csspart status - A status label.
 * @csspart action - An Action needed button.
 * @csspart state - The loading, empty and error messages.
 * @csspart retry - The Try again button.
 */
@customElement('portico-access-dashboard')
export class PorticoAccessDashboard extends LitElement {
  static override styles = dashboardStyles;

  @consume({ context: porticoClientContext, subscribe: true })
  @state()
  private client: PorticoClient | undefined;

  @state() private needsAttentionOnly = true;
  @state() private payerDraft = '';
  @state() private coveredPayer: string | undefined;
  @state() private expanded = new Set<string>();

  constructor() {
    super();
    new LiveReloadController(
      this,
      () => this.client,
      ['access_issue.changed'],
      () => this.reload(),
    );
  }

  private readonly dashboard = new Task(this, {
    args: () => [this.client, this.needsAttentionOnly, this.coveredPayer] as const,
    task: async ([client, needsAttentionOnly, coveredPayer], { signal }): Promise<Dashboard> => {
      if (!client)
        throw new PorticoError(
          'BAD_REQUEST',
          'This element must be placed inside <portico-root> with a server URL.',
        );
      return client.accessHub.dashboard.query(
        { needsAttentionOnly, ...(coveredPayer ? { coveredPayer } : {}) },
        { signal },
      );
    },
  });

  /** Reads the dashboard again (after a response, or a live change). */
  reload(): void {
    void this.dashboard.run();
  }

  private toggle(portalId: string): void {
    const expanded = new Set(this.expanded);
    if (expanded.has(portalId)) expanded.delete(portalId);
    else expanded.add(portalId);
    this.expanded = expanded;
  }

  private applyPayer(event: SubmitEvent): void {
    event.preventDefault();
    this.coveredPayer = this.payerDraft.trim() || undefined;
  }

  private clearFilters(): void {
    this.payerDraft = '';
    this.coveredPayer = undefined;
    this.needsAttentionOnly = true;
  }

  protected override render() {
    return this.dashboard.render({
      initial: () => loadingState('access issues'),
      pending: () =>
        this.dashboard.value ? this.renderDashboard(this.dashboard.value) : loadingState('access issues'),
      error: (error) => failureState(error, 'The access issues could not be loaded.', () => this.reload()),
      complete: (value) => this.renderDashboard(value),
    });
  }

  private renderDashboard(dashboard: Dashboard) {
    const count = dashboard.tasksNeedingAttention;
    return html`
      <section class="card" part="attention-card" aria-label="Tasks needing attention">
        <p>
          <span class="count">${count}</span>${count === 1 ? ' task needs' : ' tasks need'} your attention
        </p>
        <button class="link" @click=${() => emit(this, 'portico-hub-show-tasks', null)}>View all</button>
      </section>
      <div class="toolbar">
        <button
          part="quick-filter"
          aria-pressed=${this.needsAttentionOnly ? 'true' : 'false'}
          @click=${() => (this.needsAttentionOnly = !this.needsAttentionOnly)}
        >
          Needs your attention
        </button>
        <form
          class="toolbar"
          part="payer-filter"
          @submit=${this.applyPayer}
          aria-label="Filter by covered payer"
        >
          <label>
            Covered payer or insurance category
            <input
              type="search"
              list="covered-payers"
              .value=${live(this.payerDraft)}
              @input=${(e: Event) => (this.payerDraft = (e.target as HTMLInputElement).value)}
            />
          </label>
          <datalist id="covered-payers">
            ${dashboard.coveredPayers.map((payer) => html`<option value=${payer}></option>`)}
          </datalist>
          <button type="submit">Apply</button>
          <button type="button" class="secondary" @click=${this.clearFilters}>Clear all</button>
        </form>
      </div>
      ${
        dashboard.portals.length === 0
          ? html`<p class="state" part="state">
              ${
                this.needsAttentionOnly
                  ? 'No access issue needs your attention.'
                  : 'There are no open access issues.'
              }${this.coveredPayer ? ` (covering “${this.coveredPayer}”)` : ''}
            </p>`
          : html`<table part="portals">
              <caption class="visually-hidden">
                Payer portals with access issues${this.needsAttentionOnly ? ' needing your attention' : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col"><span class="visually-hidden">Show issues</span></th>
                  <th scope="col">Portal</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="number">Issues</th>
                  <th scope="col" class="number">Claims blocked</th>
                  <th scope="col" class="number">Unpostables blocked</th>
                  <th scope="col" class="number">Dollars impacted</th>
                </tr>
              </thead>
              <tbody>
                ${dashboard.portals.map((group) => this.renderPortal(group))}
              </tbody>
            </table>`
      }
    `;
  }

  private renderPortal(group: PortalIssues) {
    const open = this.expanded.has(group.portal.id);
    const cents = portalBlockedCents(group);
    return html`<tr>
        <td>
          <button
            class="expand"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls="issues-${group.portal.id}"
            aria-label="Issues of ${group.portal.name}"
            @click=${() => this.toggle(group.portal.id)}
          >
            ${open ? '▾' : '▸'}
          </button>
        </td>
        <th scope="row">
          <a href=${group.portal.url} target="_blank" rel="noopener noreferrer">${group.portal.name}</a>
        </th>
        <td>${statusBadge(group.status)}</td>
        <td class="number">${group.issues.length}</td>
        <td class="number">${group.impact.claims.count}</td>
        <td class="number">${group.impact.unpostables.count}</td>
        <td class="number">${formatCents(cents)}</td>
      </tr>
      <tr id="issues-${group.portal.id}" ?hidden=${!open}>
        <td colspan="7" class="issues-cell">
          ${
            open
              ? html`<table>
                  <caption class="visually-hidden">
                    Access issues on ${group.portal.name}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Issue</th>
                      <th scope="col">Blocks</th>
                      <th scope="col">Status</th>
                      <th scope="col" class="number">Impact</th>
                      <th scope="col">Related tasks</th>
                      <th scope="col">Action needed</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${group.issues.map((issue) => this.renderIssue(group, issue))}
                  </tbody>
                </table>`
              : nothing
          }
        </td>
      </tr>`;
  }

  private renderIssue(group: PortalIssues, issue: AccessIssue) {
    const action = issue.actionNeeded;
    return html`<tr>
      <th scope="row">
        ${issue.description}
        ${issue.medicalGroup ? html`<br /><small>${issue.medicalGroup.name}</small>` : nothing}
        <br /><small>Reported ${formatInstantDate(issue.createdAt)}</small>
      </th>
      <td>${BLOCKED_WORK_LABELS[issue.blocks]}</td>
      <td>${statusBadge(issue.status)}</td>
      <td class="number">${issue.impact.count} · ${formatCents(issue.impact.cents)}</td>
      <td>
        ${
          issue.relatedTasks.length === 0
            ? 'None'
            : html`<ul class="related">
                ${issue.relatedTasks.map(
                  (task) =>
                    html`<li>
                      <button
                        class="link"
                        aria-label="View task ${task.number} (read-only)"
                        @click=${() => emit(this, 'portico-hub-open-task', task.id)}
                      >
                        #${task.number}
                      </button>
                    </li>`,
                )}
              </ul>`
        }
      </td>
      <td>
        ${
          action === null
            ? html`<span>None</span>`
            : action.kind === 'CLAIMS'
              ? html`<button
                  part="action"
                  class="secondary"
                  @click=${() =>
                    emit(this, 'portico-open-worklist', {
                      taskIds: action.taskIds,
                      taskNumbers: action.taskNumbers,
                      portalId: group.portal.id,
                      allPracticeTasks: false,
                    })}
                >
                  Resolve claims task${action.taskIds.length === 1 ? '' : 's'}
                </button>`
              : html`<button
                  part="action"
                  class="secondary"
                  @click=${() => emit(this, 'portico-hub-open-task', action.taskId)}
                >
                  Resolve unpostables task
                </button>`
        }
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-access-dashboard': PorticoAccessDashboard;
  }
}
