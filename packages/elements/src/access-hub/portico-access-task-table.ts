import { consume } from '@lit/context';
import { Task } from '@lit/task';
import {
  BLOCKED_WORK_LABELS,
  formatCents,
  formatInstantDate,
  type PorticoClient,
  type TaskQuery,
  type TaskRow,
  type TaskSortColumn,
} from '@portico/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { porticoClientContext } from '../root/client-context.ts';
import { emit } from '../shared/emit.ts';
import { DownloadController } from '../shared/download.ts';
import { KeysetListController, type KeysetList } from '../shared/keyset-list.ts';
import { LiveReloadController } from '../shared/live-reload.ts';
import { RowWindowController } from '../shared/row-window.ts';
import { errorState, loadingState } from '../shared/states.ts';

import { hubStyles } from './portico-access-hub.styles.ts';

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

/**
 * @summary The access hub's Tasks tab (internal to `<portico-access-hub>`): the practice's open tasks with portal
 * and medical-group filters, every column sortable, read in keyset pages as the person scrolls (only the rows in
 * view are in the DOM), CSV download, and each task's action.
 *
 * @csspart tasks - The Tasks table.
 * @csspart download - The Download CSV button.
 * @csspart action - A Resolve task button.
 * @csspart state - The loading, empty and error messages.
 * @csspart retry - The Try again button.
 */
@customElement('portico-access-task-table')
export class PorticoAccessTaskTable extends LitElement {
  static override styles = hubStyles;

  @consume({ context: porticoClientContext, subscribe: true })
  @state()
  private client: PorticoClient | undefined;

  /** Whether the Tasks tab is shown: the list is first read when it is. */
  @property({ type: Boolean }) active = false;

  @state() private taskQuery: TaskQuery = { sort: 'createdAt', direction: 'desc' };

  private readonly rowWindow = new RowWindowController(this, () =>
    this.renderRoot.querySelector<HTMLElement>('.table-scroll'),
  );
  private readonly download = new DownloadController(
    this,
    () => this.client,
    'The tasks could not be downloaded. Try again.',
  );
  private readonly pages = new KeysetListController<TaskRow>(
    this,
    (after, limit) =>
      this.client?.accessHub.tasks.query({
        ...this.taskQuery,
        limit,
        ...(after === null ? {} : { after }),
      }) ?? null,
    {
      firstPage: FIRST_PAGE,
      nextPage: NEXT_PAGE,
      prefetchRows: PREFETCH_ROWS,
      failure: 'The tasks could not be loaded.',
    },
  );

  private readonly filters = new Task(this, {
    args: () => [this.client, this.active] as const,
    task: async ([client, active], { signal }) => {
      if (!client || !active) return null;
      return client.accessHub.taskFilters.query(undefined, { signal });
    },
  });

  constructor() {
    super();
    new LiveReloadController(
      this,
      () => this.client,
      ['access_issue.changed'],
      () => {
        if (this.active) this.reload();
      },
    );
  }

  /** Reads the list again from its first page; the rows shown stay until the new ones arrive. */
  reload(): void {
    this.pages.reload();
  }

  protected override updated(changed: PropertyValues): void {
    if (!this.active) return;
    // After this update, not inside it: loading changes state, which would schedule an update from `updated`.
    const clientChanged = changed.has('client');
    if ((changed.has('active') || clientChanged) && (clientChanged || this.pages.list.rows.length === 0)) {
      queueMicrotask(() => this.reload());
      return;
    }
    // Long lists: fetch the next keyset page before the person scrolls past what is loaded.
    const { list } = this.pages;
    this.pages.loadMoreIfNeeded(this.rowWindow.window(list.total, list.rows.length).wantedEnd);
  }

  private setQuery(change: Partial<TaskQuery>): void {
    const next: TaskQuery = { ...this.taskQuery, ...change };
    for (const key of ['portalId', 'medicalGroupId'] as const) if (next[key] === undefined) delete next[key];
    this.taskQuery = next;
    this.reload();
  }

  private sortBy(column: TaskSortColumn): void {
    const same = this.taskQuery.sort === column;
    this.setQuery({
      sort: column,
      direction: same ? (this.taskQuery.direction === 'asc' ? 'desc' : 'asc') : 'asc',
    });
  }

  protected override render() {
    const filters = this.filters.value;
    const list = this.pages.list;
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
          ?disabled=${this.download.busy}
          @click=${() => void this.download.save('access-hub-tasks.csv', (client) => client.files.accessTasks(this.taskQuery))}
        >
          ${this.download.busy ? 'Preparing CSV…' : 'Download CSV'}
        </button>
        <button
          class="secondary"
          @click=${() =>
            emit(this, 'portico-open-worklist', {
              taskIds: [],
              taskNumbers: [],
              portalId: this.taskQuery.portalId ?? null,
              allPracticeTasks: true,
            })}
        >
          Go to enrollment worklist
        </button>
      </div>
      ${this.download.problem ? html`<p class="field-error" role="alert">${this.download.problem}</p>` : nothing}
      ${
        list.error !== null
          ? errorState(list.error, () => this.reload())
          : list.rows.length === 0 && list.loading
            ? loadingState('tasks')
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

  private renderTaskTable(list: KeysetList<TaskRow>) {
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
                              emit(this, 'portico-open-worklist', {
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
                            @click=${() => emit(this, 'portico-hub-open-task', task.id)}
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
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-access-task-table': PorticoAccessTaskTable;
  }
}
