import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { TabsController } from '../shared/tabs.ts';
import { hubStyles } from './portico-access-hub.styles.ts';
import './portico-access-dashboard.ts';
import type { PorticoAccessDashboard } from './portico-access-dashboard.ts';
import type { PorticoAccessTaskDialog } from './portico-access-task-dialog.ts';
import type { PorticoAccessTaskTable } from './portico-access-task-table.ts';

export type { AccessResponseSubmittedDetail, OpenWorklistDetail } from './hub-parts.ts';

export type AccessHubTab = 'dashboard' | 'tasks';

const DASHBOARD_PARTS = 'attention-card, quick-filter, payer-filter, portals, status, action, state, retry';
const TABLE_PARTS = 'tasks, download, action, state, retry';
const DIALOG_PARTS = 'dialog, status, state, reveal-password';

/**
 * The parts a page does not show at first load their code when first needed: the Tasks table when its tab is first
 * chosen, the task dialog when a task is first opened. A bundler splits each into a chunk of its own, so a page
 * with the hub downloads neither until the office uses it. Each module is asked for once.
 */
let taskTable: Promise<unknown> | undefined;
let taskDialog: Promise<unknown> | undefined;
const loadTaskTable = () => (taskTable ??= import('./portico-access-task-table.ts'));
const loadTaskDialog = () => (taskDialog ??= import('./portico-access-task-dialog.ts'));

/**
 * @summary The payer portal access hub: what blocks the billing service on payer portals, and the practice's tasks.
 *
 * Must sit inside `<portico-root>`. Needs the "practice set-up: medical groups/providers/numbers" permission.
 * A thin shell: the Dashboard and Tasks tabs, each its own element, and the task dialog both open. The Tasks
 * table and the dialog load their code when first used.
 *
 * @fires {CustomEvent<OpenWorklistDetail>} portico-open-worklist - A claims task's Action needed link, or Go to enrollment worklist: the host portal
 *   opens its enrollment worklist pre-filtered. `detail`: `{ taskIds, taskNumbers, portalId, allPracticeTasks }`.
 * @fires {CustomEvent<AccessResponseSubmittedDetail>} portico-access-response-submitted - The practice submitted an issue response. `detail`: `{ taskId, issueId }`.
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
 * @csspart reveal-password - The task dialog's Show password toggle.
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
  static override styles = hubStyles;

  /** The tab shown. */
  @property({ reflect: true }) tab: AccessHubTab = 'dashboard';

  @query('portico-access-dashboard') private dashboard?: PorticoAccessDashboard;
  @query('portico-access-task-table') private table?: PorticoAccessTaskTable;
  @query('portico-access-task-dialog') private dialog?: PorticoAccessTaskDialog;

  private readonly tabs = new TabsController<AccessHubTab>(this, {
    tabs: ['dashboard', 'tasks'],
    labels: { dashboard: 'Dashboard', tasks: 'Tasks' },
    idPrefix: '',
    get: () => this.tab,
    set: (tab) => (this.tab = tab),
  });

  constructor() {
    super();
    // The parts' requests stop here: they are the hub's own, not events a host listens to.
    this.addEventListener('portico-hub-open-task', (event) => {
      event.stopPropagation();
      void this.openTask(event.detail);
    });
    this.addEventListener('portico-hub-show-tasks', (event) => {
      event.stopPropagation();
      this.tabs.select('tasks', true);
    });
  }

  private async openTask(taskId: string): Promise<void> {
    await loadTaskDialog();
    // Defined now: the dialog already in the shadow root has been upgraded.
    await this.dialog?.open(taskId);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('tab') && this.tab === 'tasks') void loadTaskTable();
  }

  private onSubmitted(): void {
    // The answered task leaves the practice's lists: both are read again (the table, once it has loaded).
    this.dashboard?.reload();
    if (customElements.get('portico-access-task-table')) this.table?.reload();
  }

  protected override render() {
    return html`<div @portico-access-response-submitted=${this.onSubmitted}>
      ${this.tabs.render('Payer portal access hub', 'tabs')}
      ${this.tabs.panel('dashboard', html`<portico-access-dashboard exportparts=${DASHBOARD_PARTS}></portico-access-dashboard>`)}
      ${this.tabs.panel(
        'tasks',
        html`<portico-access-task-table
          exportparts=${TABLE_PARTS}
          ?active=${this.tab === 'tasks'}
        ></portico-access-task-table>`,
      )}
      <portico-access-task-dialog exportparts=${DIALOG_PARTS}></portico-access-task-dialog>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-access-hub': PorticoAccessHub;
  }
}
