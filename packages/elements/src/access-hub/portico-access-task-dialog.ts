import { consume } from '@lit/context';
import {
  BLOCKED_WORK_LABELS,
  formatCents,
  formatInstantDate,
  type AccessTaskDetail,
  type PorticoClient,
} from '@portico/core';
import { html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { porticoClientContext } from '../root/client-context.ts';
import { ActionController } from '../shared/action.ts';
import { emit } from '../shared/emit.ts';
import { problemText } from '../shared/field-problem.ts';
import { TabsController } from '../shared/tabs.ts';
import { statusBadge } from './hub-parts.ts';
import { taskDialogStyles } from './portico-access-task-dialog.styles.ts';

/** The response form of the task dialog; Cancel drops it whole. */
interface ResponseDraft {
  editingAccount: boolean;
  userName: string;
  password: string;
  /** The new password shown as typed (Show password), for checking it before it is sent. */
  revealed: boolean;
  comment: string;
  assistanceNeeded: boolean;
}

const emptyDraft: ResponseDraft = {
  editingAccount: false,
  userName: '',
  password: '',
  revealed: false,
  comment: '',
  assistanceNeeded: false,
};

/** The response form's fields a refusal can name. */
const RESPONSE_FIELDS = ['comment', 'account.userName', 'account.password'] as const;
type ResponseField = (typeof RESPONSE_FIELDS)[number];

/**
 * @summary The access hub's task dialog (internal to `<portico-access-hub>`): an unpostables task's Issue response
 * (description, history, account, comment, assistance needed; Submit hands it to the service team, Cancel saves
 * nothing) and its Affected unpostables; any other task read-only.
 *
 * @fires {CustomEvent<AccessResponseSubmittedDetail>} portico-access-response-submitted - The practice submitted an issue response. `detail`: `{ taskId, issueId }`.
 *
 * @csspart dialog - The task dialog.
 * @csspart status - A status label.
 * @csspart state - The error message.
 * @csspart reveal-password - The Show password toggle of the new account password.
 */
@customElement('portico-access-task-dialog')
export class PorticoAccessTaskDialog extends LitElement {
  static override styles = taskDialogStyles;

  @consume({ context: porticoClientContext, subscribe: true })
  @state()
  private client: PorticoClient | undefined;

  @state() private task: AccessTaskDetail | null = null;
  @state() private taskProblem: string | null = null;
  @state() private dialogTab: 'response' | 'unpostables' = 'response';
  @state() private draft: ResponseDraft = emptyDraft;
  @state() private announcement = '';

  @query('dialog.task') private taskDialog?: HTMLDialogElement;

  private readonly tabs = new TabsController(this, {
    tabs: ['response', 'unpostables'],
    labels: { response: 'Issue response', unpostables: 'Affected unpostables' },
    idPrefix: 'dialog-',
    get: () => this.dialogTab,
    set: (tab) => (this.dialogTab = tab),
  });

  // The hub reloads its lists on `portico-access-response-submitted`; the dialog has nothing of its own to reload.
  private readonly submit = new ActionController<ResponseField>(
    this,
    () => this.client,
    async () => undefined,
    RESPONSE_FIELDS,
  );

  /** Opens the dialog on a task and loads it. */
  async open(taskId: string): Promise<void> {
    if (!this.client) return;
    this.task = null;
    this.taskProblem = null;
    this.dialogTab = 'response';
    this.draft = emptyDraft;
    this.submit.clear();
    await this.updateComplete;
    this.taskDialog?.showModal();
    try {
      this.task = await this.client.accessHub.task.query({ taskId });
    } catch (error) {
      this.taskProblem = problemText(error, 'The task could not be loaded.');
    }
  }

  private readonly close = (): void => {
    // Cancel saves nothing: the draft is dropped with the dialog.
    this.taskDialog?.close();
    this.task = null;
    this.draft = emptyDraft;
    this.submit.clear();
  };

  private async submitResponse(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const task = this.task;
    if (!task) return;
    const draft = this.draft;
    const userName = draft.userName.trim();
    // Only what the person changed: an unchanged user name or an empty password field is not sent.
    const account = draft.editingAccount
      ? {
          ...(userName !== '' && userName !== task.account?.userName ? { userName } : {}),
          ...(draft.password !== '' ? { password: draft.password } : {}),
        }
      : {};
    const answered = await this.submit.run(
      (client) =>
        client.accessHub.submitResponse.mutate({
          taskId: task.id,
          ...(Object.keys(account).length > 0 ? { account } : {}),
          ...(draft.comment.trim() !== '' ? { comment: draft.comment } : {}),
          assistanceNeeded: draft.assistanceNeeded,
        }),
      { failure: 'The response could not be submitted. Try again.', reload: false },
    );
    if (!answered) return;
    this.announcement = `Response submitted for task ${answered.number}. It is now with the service team.`;
    emit(this, 'portico-access-response-submitted', { taskId: answered.id, issueId: answered.issueId });
    this.close();
  }

  protected override render() {
    const task = this.task;
    return html`<p class="visually-hidden" role="status">${this.announcement}</p>
      <dialog
        class="task"
        part="dialog"
        aria-labelledby="task-title"
        @cancel=${(e: Event) => {
          e.preventDefault();
          this.close();
        }}
      >
        ${
          task === null
            ? this.taskProblem
              ? html`<div role="alert" class="state error" part="state"><p>${this.taskProblem}</p></div>
                  <div class="actions"><button class="secondary" @click=${this.close}>Close</button></div>`
              : html`<p role="status" id="task-title">Loading the task…</p>`
            : html`<h2 id="task-title">Task #${task.number}: ${task.portal.name}</h2>
                ${this.tabs.render('Task')} ${this.tabs.panel('response', this.renderResponse(task))}
                ${this.tabs.panel('unpostables', this.renderUnpostables(task))}`
        }
      </dialog>`;
  }

  private setDraft(change: Partial<ResponseDraft>): void {
    this.draft = { ...this.draft, ...change };
  }

  /** The server's refusal, next to the field it names. */
  private fieldError(field: ResponseField) {
    const message = this.submit.problemAt(field);
    return message === null ? nothing : html`<span class="field-error">${message}</span>`;
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
                <button type="button" class="secondary" @click=${this.close}>Close</button>
              </div>`
      }
    </form>`;
  }

  private renderResponseFields(task: AccessTaskDetail) {
    const draft = this.draft;
    const set = (change: Partial<ResponseDraft>) => this.setDraft(change);
    const editable = task.account?.editable ?? true;
    const problem = this.submit.problem;
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
                    type=${draft.revealed ? 'text' : 'password'}
                    autocomplete="new-password"
                    maxlength="200"
                    .value=${live(draft.password)}
                    @input=${(e: Event) => set({ password: (e.target as HTMLInputElement).value })}
                  />
                  ${this.fieldError('account.password')}
                </label>
                <button
                  type="button"
                  class="secondary"
                  part="reveal-password"
                  aria-pressed=${draft.revealed ? 'true' : 'false'}
                  @click=${() => set({ revealed: !draft.revealed })}
                >
                  Show password
                </button>
                <div class="actions">
                  <button
                    type="button"
                    class="secondary"
                    @click=${() => set({ editingAccount: false, userName: '', password: '', revealed: false })}
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
        problem && problem.field === null
          ? html`<p class="field-error" role="alert">${problem.message}</p>`
          : problem
            ? html`<p class="visually-hidden" role="alert">${problem.message}</p>`
            : nothing
      }
      <div class="actions">
        <button type="button" class="secondary" @click=${this.close}>Cancel</button>
        <button type="submit" ?disabled=${this.submit.busy}>
          ${this.submit.busy ? 'Submitting…' : 'Submit response'}
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
        <button type="button" class="secondary" @click=${this.close}>Close</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-access-task-dialog': PorticoAccessTaskDialog;
  }
}
