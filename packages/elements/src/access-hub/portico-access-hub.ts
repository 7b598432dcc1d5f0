import { consume } from '@lit/context';
import { Task } from '@lit/task';
import {
  ACCESS_STATUS_LABELS,
  BLOCKED_WORK_LABELS,
  formatCents,
  formatInstantDate,
  PorticoError,
  type AccessIssue,
  type AccessIssueStatus,
  type AccessTaskDetail,
  type Dashboard,
  type PorticoClient,
  type PortalIssues,
  type TaskQuery,
  type TaskRow,
  type TaskSortColumn,
} from '@portico/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { porticoClientContext } from '../root/client-context.ts';
import { listStyles } from '../shared/list.styles.ts';
import { LiveReloadController } from '../shared/live-reload.ts';
import { RowWindowController } from '../shared/row-window.ts';
import { saveFile } from '../shared/save-file.ts';
import { baseStyles } from '../shared/states.styles.ts';
import { tableStyles } from '../shared/table.styles.ts';
import { accessHubStyles } from './portico-access-hub.styles.ts';

export type AccessHubTab = 'dashboard' | 'tasks';

/**
 * Detail of `portico-open-worklist`: the claims tasks to pre-filter the host portal's enrollment worklist to.
 * `allPracticeTasks` is true for "Go to enrollment worklist" (every claims task assigned to the practice).
 */
export interface OpenWorklistDetail {
  taskIds: string[];
  taskNumbers: number[];
  portalId: string | null;
  allPracticeTasks: boolean;
}

/** Detail of `portico-access-response-submitted`. */
export interface AccessResponseSubmittedDetail {
  taskId: string;
  issueId: string;
}

const FIRST_PAGE = 200;
const NEXT_PAGE = 500;
/** Load the next page when the rows in view come this close to the end of what is loaded. */
const PREFETCH_ROWS = 100;

const COLUMN_LABELS: Record<TaskSortColumn, string> = {
  number: 'Task',
  kind: 'Type',
  portal: 'Portal',
  medicalGroup: 'Medical group',
  description: 'Description',
  impact: 'Dollars impacted',
  createdAt: 'Created',
};
/** The Tasks table's columns, in the order shown. */
const COLUMNS = Object.keys(COLUMN_LABELS) as TaskSortColumn[];

function statusBadge(status: AccessIssueStatus) {
  return html`<span part="status" class="status ${status}">${ACCESS_STATUS_LABELS[status]}</span>`;
}

function problemText(error: unknown, fallback: string): string {
  return error instanceof PorticoError ? error.message : fallback;
}

/** The task list as loaded so far: keyset pages appended as the person scrolls. */
interface TaskList {
  rows: TaskRow[];
  total: number;
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
}

/** The response form of the task dialog; Cancel drops it whole. */
interface ResponseDraft {
  editingAccount: boolean;
  userName: string;
  password: string;
  comment: string;
  assistanceNeeded: boolean;
}

const emptyDraft: ResponseDraft = {
  editingAccount: false,
  userName: '',
  password: '',
  comment: '',
  assistanceNeeded: false,
};

/**
 * @summary The payer portal access hub: what blocks the billing service on payer portals, and the practice's tasks.
 *
 * Must sit inside `<portico-root>`. Needs the "practice set-up: medical groups/providers/numbers" permission.
 *
 * @event portico-open-worklist - A claims task's Action needed link, or Go to enrollment worklist: the host portal
 *   opens its enrollment worklist pre-filtered. `detail`: `{ taskIds, taskNumbers, portalId, allPracticeTasks }`.
 * @event portico-access-response-submitted - The practice submitted an issue response. `detail`: `{ taskId, issueId }`.
 *
 * @csspart tabs - The Dashboard / Tasks tab list.
 * @csspart attention-card - The card counting the tasks that need attention.
 * @csspart quick-filter - The Needs your attention toggle.
 * @csspart payer-filter - The covered payer / insurance category filter form.
 * @csspart portals - The dashboard's table of portals.
 * @csspart status - A status label.
 * @csspart action - An Action needed button.
 * @csspart tasks - The Tasks table.
 * @csspart download - The Download CSV button.
 * @csspart dialog - The task dialog.
 * @csspart state - The loading, empty and error messages.
 * @csspart retry - The Try again button.
 *
 * @cssproperty --portico-color-primary - Buttons, links and focus rings.
 * @cssproperty --portico-color-attention - The Needs your attention status and card.
 * @cssproperty --portico-color-border - Borders and rules.
 * @cssproperty --portico-color-danger - Errors.
 * @cssproperty --portico-radius - Corner radius.
 * @cssproperty --portico-table-height - Height of the scrolling Tasks table.
 */
@customElement('portico-access-hub')
export class PorticoAccessHub extends LitElement {
  static override styles = [baseStyles, tableStyles, listStyles, accessHubStyles];

  @consume({ context: porticoClientContext, subscribe: true })
  @state()
  private client: PorticoClient | undefined;

  /** The tab shown. */
  @property({ reflect: true }) tab: AccessHubTab = 'dashboard';

  @state() private needsAttentionOnly = true;
  @state() private payerDraft = '';
  @state() private coveredPayer: string | undefined;
  @state() private expanded = new Set<string>();
  @state() private taskQuery: TaskQuery = { sort: 'createdAt', direction: 'desc' };
  @state() private list: TaskList = { rows: [], total: 0, nextCursor: null, loading: false, error: null };
  @state() private downloading = false;
  @state() private downloadProblem: string | null = null;
  @state() private task: AccessTaskDetail | null = null;
  @state() private taskProblem: string | null = null;
  @state() private dialogTab: 'response' | 'unpostables' = 'response';
  @state() private draft: ResponseDraft = emptyDraft;
  @state() private submitProblem: { field: string | null; message: string } | null = null;
  @state() private submitting = false;
  @state() private announcement = '';

  @query('dialog.task') private taskDialog?: HTMLDialogElement;

  /** Bumped whenever the task query changes, so a late page of an older query is dropped. */
  private listGeneration = 0;

  private readonly liveReload = new LiveReloadController(
    this,
    () => this.client,
    ['access_issue.changed'],
    () => {
      void this.dashboard.run();
      if (this.tab === 'tasks') this.reloadTasks();
    },
  );

  private readonly rowWindow = new RowWindowController(this, () =>
    this.renderRoot.querySelector<HTMLElement>('.table-scroll'),
  );

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

  private readonly filters = new Task(this, {
    args: () => [this.client, this.tab] as const,
    task: async ([client, tab], { signal }) => {
      if (!client || tab !== 'tasks') return null;
      return client.accessHub.taskFilters.query(undefined, { signal });
    },
  });

  protected override willUpdate(changed: PropertyValues): void {
    const clientChanged = changed.has('client');
    if (
      (changed.has('tab') || clientChanged) &&
      this.tab === 'tasks' &&
      (clientChanged || this.list.rows.length === 0)
    )
      this.reloadTasks();
  }

  protected override updated(): void {
    // Long lists: fetch the next keyset page before the person scrolls past what is loaded.
    if (this.tab !== 'tasks' || this.list.loading || this.list.nextCursor === null) return;
    const shown = this.rowWindow.window(this.list.total, this.list.rows.length);
    // After this update, not inside it: loading changes state, which would schedule an update from `updated`.
    if (shown.wantedEnd + PREFETCH_ROWS > this.list.rows.length) queueMicrotask(() => void this.loadPage());
  }

  /** Reads the list again from its first page; the rows shown stay until the new ones arrive. */
  private reloadTasks(): void {
    this.listGeneration += 1;
    this.list = { ...this.list, loading: false, error: null };
    void this.loadPage(true);
  }

  private async loadPage(first = false): Promise<void> {
    const client = this.client;
    if (!client || (this.list.loading && !first)) return;
    const after = first ? null : this.list.nextCursor;
    if (after === null && !first) return;
    const generation = this.listGeneration;
    this.list = { ...this.list, loading: true, error: null };
    try {
      const page = await client.accessHub.tasks.query({
        ...this.taskQuery,
        limit: after === null ? FIRST_PAGE : NEXT_PAGE,
        ...(after === null ? {} : { after }),
      });
      if (generation !== this.listGeneration) return;
      this.list = {
        rows: first ? page.rows : [...this.list.rows, ...page.rows],
        total: page.total,
        nextCursor: page.nextCursor,
        loading: false,
        error: null,
      };
    } catch (error) {
      if (generation !== this.listGeneration) return;
      this.list = {
        ...this.list,
        loading: false,
        error: problemText(error, 'The tasks could not be loaded.'),
      };
    }
  }

  private showTab(tab: AccessHubTab, focus = false): void {
    this.tab = tab;
    if (focus)
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  private onTabKey(event: KeyboardEvent): void {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const tabs: AccessHubTab[] = ['dashboard', 'tasks'];
    const index = tabs.indexOf(this.tab);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? tabs.length - 1
          : (index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length;
    this.showTab(tabs[next] ?? 'dashboard', true);
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

  private setQuery(change: Partial<TaskQuery>): void {
    const next: TaskQuery = { ...this.taskQuery, ...change };
    for (const key of ['portalId', 'medicalGroupId'] as const) if (next[key] === undefined) delete next[key];
    this.taskQuery = next;
    this.reloadTasks();
  }

  private sortBy(column: TaskSortColumn): void {
    const same = this.taskQuery.sort === column;
    this.setQuery({
      sort: column,
      direction: same ? (this.taskQuery.direction === 'asc' ? 'desc' : 'asc') : 'asc',
    });
  }

  private openWorklist(detail: OpenWorklistDetail): void {
    this.dispatchEvent(
      new CustomEvent<OpenWorklistDetail>('portico-open-worklist', { detail, bubbles: true, composed: true }),
    );
  }

  private async openTask(taskId: string): Promise<void> {
    if (!this.client) return;
    this.task = null;
    this.taskProblem = null;
    this.dialogTab = 'response';
    this.draft = emptyDraft;
    this.submitProblem = null;
    this.taskDialog?.showModal();
    try {
      this.task = await this.client.accessHub.task.query({ taskId });
    } catch (error) {
      this.taskProblem = problemText(error, 'The task could not be loaded.');
    }
  }

  private closeTask(): void {
    // Cancel saves nothing: the draft is dropped with the dialog.
    this.taskDialog?.close();
    this.task = null;
    this.draft = emptyDraft;
    this.submitProblem = null;
  }

  private async submitResponse(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const task = this.task;
    if (!task || !this.client || this.submitting) return;
    const draft = this.draft;
    const userName = draft.userName.trim();
    // Only what the person changed: an unchanged user name or an empty password field is not sent.
    const account = draft.editingAccount
      ? {
          ...(userName !== '' && userName !== task.account?.userName ? { userName } : {}),
          ...(draft.password !== '' ? { password: draft.password } : {}),
        }
      : {};
    this.submitting = true;
    this.submitProblem = null;
    try {
      const answered = await this.client.accessHub.submitResponse.mutate({
        taskId: task.id,
        ...(Object.keys(account).length > 0 ? { account } : {}),
        ...(draft.comment.trim() !== '' ? { comment: draft.comment } : {}),
        assistanceNeeded: draft.assistanceNeeded,
      });
      this.announcement = `Response submitted for task ${answered.number}. It is now with the service team.`;
      this.dispatchEvent(
        new CustomEvent<AccessResponseSubmittedDetail>('portico-access-response-submitted', {
          detail: { taskId: answered.id, issueId: answered.issueId },
          bubbles: true,
          composed: true,
        }),
      );
      this.closeTask();
      void this.dashboard.run();
      this.reloadTasks();
    } catch (error) {
      const problem = error instanceof PorticoError ? error : null;
      this.submitProblem = {
        field: problem?.fieldPath ?? null,
        message: problemText(error, 'The response could not be submitted. Try again.'),
      };
    } finally {
      this.submitting = false;
    }
  }

  private async downloadCsv(): Promise<void> {
    if (!this.client || this.downloading) return;
    this.downloading = true;
    this.downloadProblem = null;
    try {
      const response = await this.client.files.accessTasks(this.taskQuery);
      saveFile(this.renderRoot, await response.blob(), 'access-hub-tasks.csv');
    } catch (error) {
      this.downloadProblem = problemText(error, 'The tasks could not be downloaded. Try again.');
    } finally {
      this.downloading = false;
    }
  }

  // -------------------------------------------------------------------------------------------------------------

  protected override render() {
    return html`
      <div role="tablist" part="tabs" aria-label="Payer portal access hub" @keydown=${this.onTabKey}>
        ${(['dashboard', 'tasks'] as const).map(
          (tab) =>
            html`<button
              role="tab"
              id="tab-${tab}"
              aria-selected=${this.tab === tab ? 'true' : 'false'}
              aria-controls="panel-${tab}"
              tabindex=${this.tab === tab ? 0 : -1}
              @click=${() => this.showTab(tab)}
            >
              ${tab === 'dashboard' ? 'Dashboard' : 'Tasks'}
            </button>`,
        )}
      </div>
      <div
        role="tabpanel"
        id="panel-dashboard"
        aria-labelledby="tab-dashboard"
        ?hidden=${this.tab !== 'dashboard'}
      >
        ${this.tab === 'dashboard' ? this.renderDashboardTab() : nothing}
      </div>
      <div role="tabpanel" id="panel-tasks" aria-labelledby="tab-tasks" ?hidden=${this.tab !== 'tasks'}>
        ${this.tab === 'tasks' ? this.renderTasksTab() : nothing}
      </div>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${this.renderTaskDialog()}
    `;
  }

  private renderLoading(what: string) {
    return html`<p class="state" part="state" role="status">Loading ${what}…</p>`;
  }

  private renderError(message: string, retry: () => void) {
    return html`<div class="state error" part="state" role="alert">
      <p>${message}</p>
      <button part="retry" @click=${retry}>Try again</button>
    </div>`;
  }

  private renderDashboardTab() {
    return this.dashboard.render({
      initial: () => this.renderLoading('access issues'),
      pending: () =>
        this.dashboard.value
          ? this.renderDashboard(this.dashboard.value)
          : this.renderLoading('access issues'),
      error: (error) =>
        this.renderError(
          problemText(error, 'The access issues could not be loaded.'),
          () => void this.dashboard.run(),
        ),
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
        <button class="link" @click=${() => this.showTab('tasks', true)}>View all</button>
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
    const cents = group.impact.claims.cents + group.impact.unpostables.cents;
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
                        @click=${() => void this.openTask(task.id)}
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
                    this.openWorklist({
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
                  @click=${() => void this.openTask(action.taskId)}
                >
                  Resolve unpostables task
                </button>`
        }
      </td>
    </tr>`;
  }

  private renderTasksTab() {
    const filters = this.filters.value;
    const list = this.list;
    return html`
      <div class="toolbar">
        <label>
          Portal
          <select
            @change=${(e: Event) => this.setQuery({ portalId: (e.target as HTMLSelectElement).value || undefined })}
          >
            <option value="" ?selected=${!this.taskQuery.portalId}>All portals</option>
            ${filters?.portals.map(
              (p) =>
                html`<option value=${p.id} ?selected=${this.taskQuery.portalId === p.id}>${p.name}</option>`,
            )}
          </select>
        </label>
        <label>
          Medical group
          <select
            @change=${(e: Event) =>
              this.setQuery({ medicalGroupId: (e.target as HTMLSelectElement).value || undefined })}
          >
            <option value="" ?selected=${!this.taskQuery.medicalGroupId}>All medical groups</option>
            ${filters?.medicalGroups.map(
              (g) =>
                html`<option value=${g.id} ?selected=${this.taskQuery.medicalGroupId === g.id}>
                  ${g.name}
                </option>`,
            )}
          </select>
        </label>
        <button
          part="download"
          class="secondary"
          ?disabled=${this.downloading}
          @click=${() => void this.downloadCsv()}
        >
          ${this.downloading ? 'Preparing CSV…' : 'Download CSV'}
        </button>
        <button
          class="secondary"
          @click=${() =>
            this.openWorklist({
              taskIds: [],
              taskNumbers: [],
              portalId: this.taskQuery.portalId ?? null,
              allPracticeTasks: true,
            })}
        >
          Go to enrollment worklist
        </button>
      </div>
      ${this.downloadProblem ? html`<p class="field-error" role="alert">${this.downloadProblem}</p>` : nothing}
      ${
        list.error !== null
          ? this.renderError(list.error, () => this.reloadTasks())
          : list.rows.length === 0 && list.loading
            ? this.renderLoading('tasks')
            : list.rows.length === 0
              ? html`<p class="state" part="state">No task is waiting on the practice.</p>`
              : this.renderTaskTable(list)
      }
    `;
  }

  private sortHeader(column: TaskSortColumn) {
    const active = this.taskQuery.sort === column;
    const direction = active ? (this.taskQuery.direction === 'asc' ? 'ascending' : 'descending') : 'none';
    return html`<th scope="col" aria-sort=${direction} class=${column === 'impact' ? 'number' : ''}>
      <button class="sort" @click=${() => this.sortBy(column)}>
        ${COLUMN_LABELS[column]}${active ? (this.taskQuery.direction === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>`;
  }

  private renderTaskTable(list: TaskList) {
    const rows = list.rows;
    const shown = this.rowWindow.window(list.total, rows.length);
    return html`<p role="status">
        ${list.total} task${list.total === 1 ? '' : 's'} waiting on the
        practice${list.loading ? ' (loading more…)' : ''}
      </p>
      <div class="table-scroll" tabindex="0" role="region" aria-label="Tasks">
        <table part="tasks" aria-rowcount=${list.total + 1}>
          <caption class="visually-hidden">
            Tasks assigned to the practice
          </caption>
          <thead>
            <tr aria-rowindex="1">
              ${COLUMNS.map((column) => this.sortHeader(column))}
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            ${
              shown.spaceBefore > 0
                ? html`<tr aria-hidden="true" class="spacer" style="height: ${shown.spaceBefore}px"></tr>`
                : nothing
            }
            ${rows.slice(shown.start, shown.end).map(
              (task, offset) =>
                html`<tr aria-rowindex=${shown.start + offset + 2}>
                  <th scope="row">#${task.number}</th>
                  <td>${BLOCKED_WORK_LABELS[task.kind]}</td>
                  <td>
                    <a href=${task.portal.url} target="_blank" rel="noopener noreferrer"
                      >${task.portal.name}</a
                    >
                  </td>
                  <td>${task.medicalGroup?.name ?? html`<span aria-label="No medical group">—</span>`}</td>
                  <td>${task.description}</td>
                  <td class="number">${formatCents(task.impact.cents)}</td>
                  <td>${formatInstantDate(task.createdAt)}</td>
                  <td>
                    ${
                      task.kind === 'CLAIMS'
                        ? html`<button
                            part="action"
                            class="secondary"
                            aria-label="Resolve claims task ${task.number}"
                            @click=${() =>
                              this.openWorklist({
                                taskIds: [task.id],
                                taskNumbers: [task.number],
                                portalId: task.portal.id,
                                allPracticeTasks: false,
                              })}
                          >
                            Resolve claims task
                          </button>`
                        : html`<button
                            part="action"
                            class="secondary"
                            aria-label="Resolve unpostables task ${task.number}"
                            @click=${() => void this.openTask(task.id)}
                          >
                            Resolve unpostables task
                          </button>`
                    }
                  </td>
                </tr>`,
            )}
            ${
              shown.spaceAfter > 0
                ? html`<tr aria-hidden="true" class="spacer" style="height: ${shown.spaceAfter}px"></tr>`
                : nothing
            }
          </tbody>
        </table>
      </div>`;
  }

  private renderTaskDialog() {
    const task = this.task;
    return html`<dialog
      class="task"
      part="dialog"
      aria-labelledby="task-title"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.closeTask();
      }}
    >
      ${
        task === null
          ? this.taskProblem
            ? html`<div role="alert" class="state error" part="state"><p>${this.taskProblem}</p></div>
                <div class="actions"><button class="secondary" @click=${this.closeTask}>Close</button></div>`
            : html`<p role="status" id="task-title">Loading the task…</p>`
          : html`<h2 id="task-title">Task #${task.number}: ${task.portal.name}</h2>
              <div role="tablist" aria-label="Task" @keydown=${this.onDialogTabKey}>
                <button
                  role="tab"
                  id="dialog-tab-response"
                  aria-selected=${this.dialogTab === 'response' ? 'true' : 'false'}
                  aria-controls="dialog-panel-response"
                  tabindex=${this.dialogTab === 'response' ? 0 : -1}
                  @click=${() => (this.dialogTab = 'response')}
                >
                  Issue response
                </button>
                <button
                  role="tab"
                  id="dialog-tab-unpostables"
                  aria-selected=${this.dialogTab === 'unpostables' ? 'true' : 'false'}
                  aria-controls="dialog-panel-unpostables"
                  tabindex=${this.dialogTab === 'unpostables' ? 0 : -1}
                  @click=${() => (this.dialogTab = 'unpostables')}
                >
                  Affected unpostables
                </button>
              </div>
              <div
                role="tabpanel"
                id="dialog-panel-response"
                aria-labelledby="dialog-tab-response"
                ?hidden=${this.dialogTab !== 'response'}
              >
                ${this.renderResponse(task)}
              </div>
              <div
                role="tabpanel"
                id="dialog-panel-unpostables"
                aria-labelledby="dialog-tab-unpostables"
                ?hidden=${this.dialogTab !== 'unpostables'}
              >
                ${this.renderUnpostables(task)}
              </div>`
      }
    </dialog>`;
  }

  private onDialogTabKey(event: KeyboardEvent): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    this.dialogTab = this.dialogTab === 'response' ? 'unpostables' : 'response';
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#dialog-tab-${this.dialogTab}`)?.focus(),
    );
  }

  private setDraft(change: Partial<ResponseDraft>): void {
    this.draft = { ...this.draft, ...change };
  }

  /** The server's refusal, next to the field it names. */
  private fieldError(field: string) {
    const problem = this.submitProblem;
    return problem && problem.field === field
      ? html`<span class="field-error">${problem.message}</span>`
      : nothing;
  }

  private renderResponse(task: AccessTaskDetail) {
    const account = task.account;
    return html`<form @submit=${(e: SubmitEvent) => void this.submitResponse(e)}>
      <p>
        ${statusBadge(task.issueStatus)} ${BLOCKED_WORK_LABELS[task.kind]} task, created
        ${formatInstantDate(task.createdAt)}
      </p>
      <section aria-labelledby="description-title">
        <h3 id="description-title">Task description</h3>
        <p>${task.description}</p>
        ${
          task.tinsToAdd.length > 0
            ? html`<p>TINs to add to the account: ${task.tinsToAdd.join(', ')}</p>`
            : nothing
        }
      </section>
      <details>
        <summary>View history (${task.history.length})</summary>
        ${
          task.history.length === 0
            ? html`<p>No notes yet.</p>`
            : html`<ol class="history">
                ${task.history.map(
                  (note) =>
                    html`<li>
                      <strong
                        >${note.authorName ?? (note.author === 'PRACTICE' ? 'Practice' : 'Service team')}</strong
                      >, ${formatInstantDate(note.createdAt)}
                      <p class="body">${note.body}</p>
                    </li>`,
                )}
              </ol>`
        }
      </details>
      <dl class="account">
        <dt>User name</dt>
        <dd>${account?.userName ?? 'Not set'}</dd>
        <dt>Password</dt>
        <dd>
          ${
            account?.passwordSet
              ? `Set${account.passwordChangedAt ? `, last changed ${formatInstantDate(account.passwordChangedAt)}` : ''}`
              : 'Not set'
          }
        </dd>
        ${
          account && account.tins.length > 0
            ? html`<dt>TINs on the account</dt>
                <dd>${account.tins.join(', ')}</dd>`
            : nothing
        }
      </dl>
      ${
        task.canRespond
          ? this.renderResponseFields(task)
          : html`<p>
                ${
                  task.closed
                    ? 'This task is closed.'
                    : task.kind === 'CLAIMS'
                      ? 'Claims tasks are resolved in the enrollment worklist.'
                      : 'This task is with the service team; nothing is needed from the practice now.'
                }
              </p>
              <div class="actions">
                <button type="button" class="secondary" @click=${this.closeTask}>Close</button>
              </div>`
      }
    </form>`;
  }

  private renderResponseFields(task: AccessTaskDetail) {
    const draft = this.draft;
    const set = (change: Partial<ResponseDraft>) => this.setDraft(change);
    const editable = task.account?.editable ?? true;
    const problem = this.submitProblem;
    return html`
      ${
        editable
          ? draft.editingAccount
            ? html`<fieldset>
                <legend>Account information</legend>
                <label>
                  User name
                  <input
                    name="userName"
                    autocomplete="off"
                    maxlength="200"
                    .value=${live(draft.userName)}
                    @input=${(e: Event) => set({ userName: (e.target as HTMLInputElement).value })}
                  />
                  ${this.fieldError('account.userName')}
                </label>
                <label>
                  New password
                  <input
                    name="password"
                    type="password"
                    autocomplete="new-password"
                    maxlength="200"
                    .value=${live(draft.password)}
                    @input=${(e: Event) => set({ password: (e.target as HTMLInputElement).value })}
                  />
                  ${this.fieldError('account.password')}
                </label>
                <div class="actions">
                  <button
                    type="button"
                    class="secondary"
                    @click=${() => set({ editingAccount: false, userName: '', password: '' })}
                  >
                    Cancel account change
                  </button>
                </div>
              </fieldset>`
            : html`<button
                type="button"
                class="secondary"
                @click=${() => set({ editingAccount: true, userName: task.account?.userName ?? '', password: '' })}
              >
                ${
                  task.account?.userName || task.account?.passwordSet
                    ? 'Change account information'
                    : 'Add account information'
                }
              </button>`
          : html`<p>
              The service team manages this portal account; add a comment if something about it is wrong.
            </p>`
      }
      <label>
        Add a comment (optional)
        <textarea
          name="comment"
          maxlength="4000"
          .value=${live(draft.comment)}
          @input=${(e: Event) => set({ comment: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
        ${this.fieldError('comment')}
      </label>
      <label class="inline">
        <input
          type="checkbox"
          name="assistance"
          .checked=${live(draft.assistanceNeeded)}
          @change=${(e: Event) => set({ assistanceNeeded: (e.target as HTMLInputElement).checked })}
        />
        Assistance needed from the service team
      </label>
      ${
        problem && !['comment', 'account.userName', 'account.password'].includes(problem.field ?? '')
          ? html`<p class="field-error" role="alert">${problem.message}</p>`
          : problem
            ? html`<p class="visually-hidden" role="alert">${problem.message}</p>`
            : nothing
      }
      <div class="actions">
        <button type="button" class="secondary" @click=${this.closeTask}>Cancel</button>
        <button type="submit" ?disabled=${this.submitting}>
          ${this.submitting ? 'Submitting…' : 'Submit response'}
        </button>
      </div>
    `;
  }

  private renderUnpostables(task: AccessTaskDetail) {
    if (task.affectedUnpostables.length === 0)
      return html`<p>No unpostables are recorded for this issue.</p>`;
    const blocked = task.affectedUnpostables.filter((u) => u.blocked);
    return html`<table>
        <caption class="visually-hidden">
          Affected unpostables
        </caption>
        <thead>
          <tr>
            <th scope="col">Unpostable ID</th>
            <th scope="col">Blocked</th>
            <th scope="col" class="number">Dollars impacted</th>
          </tr>
        </thead>
        <tbody>
          ${task.affectedUnpostables.map(
            (u) =>
              html`<tr>
                <th scope="row">${u.unpostableId}</th>
                <td>${u.blocked ? 'Blocked' : 'Not blocked'}</td>
                <td class="number">${formatCents(u.cents)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p>${blocked.length} blocked, ${formatCents(blocked.reduce((sum, u) => sum + u.cents, 0))} impacted.</p>
      <div class="actions">
        <button type="button" class="secondary" @click=${this.closeTask}>Close</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-access-hub': PorticoAccessHub;
  }
}
