import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { PorticoError, mayCall, type MedicarePlans, type PorticoClient, type Provider } from '@portico/core';
import { html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { porticoClientContext } from '../root/client-context.ts';
import { LiveReloadController } from '../shared/live-reload.ts';
import { bannerStyles } from '../shared/banner.styles.ts';
import { activationNotice, providerListGapsNotice } from '../shared/medicare-notice.ts';
import { RowWindowController } from '../shared/row-window.ts';
import { DownloadController } from '../shared/download.ts';
import { emit } from '../shared/emit.ts';
import { formProblemsOf, noFormProblems, withoutField, type FormProblems } from '../shared/field-problem.ts';
import { failureState, loadingState } from '../shared/states.ts';
import { baseStyles } from '../shared/base.styles.ts';
import { listStyles } from '../shared/list.styles.ts';
import { tableStyles } from '../shared/table.styles.ts';
import { providerManagerStyles } from './portico-provider-manager.styles.ts';
import { DRAFT_FIELDS, draftOf, emptyDraft, inputOf, type ProviderDraft } from './provider-form.ts';
import { providerFormDialog, providerRemoveDialog } from './provider-dialogs.ts';
import { rosterUpload, uploadRoster, type RosterOutcome } from './roster-upload.ts';

type SortKey = 'displayName' | 'npi' | 'medicare' | 'specialty';

/** Detail of `portico-providers-changed`: what happened, to which provider (null for a roster), how many. */
export interface ProvidersChangedDetail {
  action: 'added' | 'updated' | 'removed' | 'imported';
  providerId: string | null;
  count: number;
}

/**
 * @summary The office's provider list: NPI, name, TIN (SSNs masked), Medicare status; add, edit and remove.
 *
 * Must sit inside `<portico-root>`. People without the practice set-up permission see the list read-only. When the
 * office holds a Medicare plan, a notice above the list says what the list still lacks for it, or, once the list is
 * complete, the day Medicare services are ready by: the same facts and words as `<portico-storefront>`.
 *
 * @fires {CustomEvent<ProvidersChangedDetail>} portico-providers-changed - Providers were added, updated, removed or imported from a roster.
 *   `detail`: `{ action, providerId, count }`.
 *
 * @csspart table - The providers table.
 * @csspart filter - The filter input.
 * @csspart add - The Add provider button.
 * @csspart download - The Download roster (CSV) button.
 * @csspart dialog - The add/edit and remove dialogs.
 * @csspart remove-confirm - The remove dialog's Remove button (in the danger colour).
 * @csspart medicare - A provider's Medicare status.
 * @csspart medicare-plans - The notice of the office's Medicare plans (a live region).
 * @csspart provider-gaps - What the provider list lacks for a Medicare plan.
 * @csspart activation - The Medicare plans being activated, with their ready-by day.
 * @csspart roster - The roster upload form.
 * @csspart progress - The upload progress indicator.
 * @csspart roster-report - The table of roster rows that were not added.
 * @csspart state - The loading, empty and error messages.
 * @csspart retry - The Try again button.
 *
 * @cssproperty --portico-color-primary - Buttons and focus rings.
 * @cssproperty --portico-color-border - Borders and rules.
 * @cssproperty --portico-color-danger - Errors.
 * @cssproperty --portico-color-success - Medicare-enrolled status.
 * @cssproperty --portico-color-warning - The notice of what the provider list lacks.
 * @cssproperty --portico-radius - Corner radius.
 */
@customElement('portico-provider-manager')
export class PorticoProviderManager extends LitElement {
  static override styles = [baseStyles, tableStyles, listStyles, bannerStyles, providerManagerStyles];

  @consume({ context: porticoClientContext, subscribe: true })
  @state()
  private client: PorticoClient | undefined;

  @state() private filter = '';
  @state() private sort: { key: SortKey; descending: boolean } = { key: 'displayName', descending: false };
  @state() private editing: Provider | null = null;
  @state() private draft: ProviderDraft = emptyDraft;
  @state() private problems: FormProblems<keyof ProviderDraft> = noFormProblems;
  @state() private removing: Provider | null = null;
  @state() private removeProblem: string | null = null;
  @state() private busy = false;
  @state() private uploading = false;
  @state() private rosterOutcome: RosterOutcome | null = null;

  @query('dialog.form-dialog') private formDialog?: HTMLDialogElement;
  @query('dialog.remove-dialog') private removeDialog?: HTMLDialogElement;

  // Reload when providers change elsewhere; this element's own changes reload it directly.
  private readonly liveReload = new LiveReloadController(
    this,
    () => this.client,
    // A sign-up in the storefront changes the Medicare notice.
    ['provider.changed', 'subscription.changed'],
    () => {
      if (!this.busy) void this.data.run();
    },
  );

  // Thousands of providers: only the rows in view are in the DOM.
  private readonly download = new DownloadController(
    this,
    () => this.client,
    'The roster could not be downloaded. Try again.',
  );

  private readonly rows = new RowWindowController(this, () =>
    this.renderRoot.querySelector<HTMLElement>('.table-scroll'),
  );

  private readonly data = new Task(this, {
    args: () => [this.client] as const,
    task: async ([client], { signal }) => {
      if (!client)
        throw new PorticoError(
          'BAD_REQUEST',
          'This element must be placed inside <portico-root> with a server URL.',
        );
      const [session, providers, medicare] = await Promise.all([
        client.organizations.me.query(undefined, { signal }),
        client.providers.list.query(undefined, { signal }),
        client.providers.medicarePlans.query(undefined, { signal }),
      ]);
      // The buttons show when the caller may call what they call (the server says so in the session).
      const canManage = mayCall(session, 'providers.add');
      return { canManage, providers, medicare };
    },
  });

  private visible(providers: Provider[]): Provider[] {
    const needle = this.filter.trim().toLowerCase();
    const matching = needle
      ? providers.filter((p) =>
          [p.displayName, p.npi, p.specialty ?? ''].some((text) => text.toLowerCase().includes(needle)),
        )
      : providers;
    const value = (p: Provider) =>
      this.sort.key === 'medicare'
        ? String(p.medicare.enrolled)
        : this.sort.key === 'specialty'
          ? (p.specialty ?? '')
          : p[this.sort.key];
    const sorted = [...matching].sort(
      (a, b) => value(a).localeCompare(value(b)) || a.npi.localeCompare(b.npi),
    );
    return this.sort.descending ? sorted.reverse() : sorted;
  }

  private sortBy(key: SortKey): void {
    this.sort = { key, descending: this.sort.key === key ? !this.sort.descending : false };
  }

  private openForm(provider: Provider | null): void {
    this.editing = provider;
    this.draft = provider ? draftOf(provider) : emptyDraft;
    this.problems = noFormProblems;
    this.formDialog?.showModal();
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.client) return;
    this.busy = true;
    this.problems = noFormProblems;
    try {
      const input = inputOf(this.draft);
      const saved = this.editing
        ? await this.client.providers.update.mutate({ id: this.editing.id, provider: input })
        : await this.client.providers.add.mutate(input);
      this.formDialog?.close();
      this.announce(this.editing ? 'updated' : 'added', saved.id);
      await this.data.run();
    } catch (error) {
      this.problems = formProblemsOf(error, DRAFT_FIELDS, 'The provider could not be saved.');
      await this.updateComplete;
      // The first field the server refused takes the focus, so the person lands on what to fix.
      const first = DRAFT_FIELDS.find((name) => this.problems.fields[name] !== undefined);
      if (first) this.renderRoot.querySelector<HTMLInputElement>(`#field-${first}`)?.focus();
    } finally {
      this.busy = false;
    }
  }

  private askRemove(provider: Provider): void {
    this.removing = provider;
    this.removeProblem = null;
    this.removeDialog?.showModal();
  }

  private async confirmRemove(): Promise<void> {
    if (!this.removing || !this.client) return;
    this.busy = true;
    try {
      await this.client.providers.remove.mutate({ id: this.removing.id });
      this.removeDialog?.close();
      this.announce('removed', this.removing.id);
      await this.data.run();
    } catch (error) {
      this.removeProblem =
        error instanceof PorticoError ? error.message : 'The provider could not be removed.';
    } finally {
      this.busy = false;
    }
  }

  private async upload(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget;
    if (!(form instanceof HTMLFormElement)) return;
    const fileInput = form.elements.namedItem('roster');
    const validRowsInput = form.elements.namedItem('valid-rows');
    const file = fileInput instanceof HTMLInputElement ? fileInput.files?.[0] : undefined;
    const addValidRows = validRowsInput instanceof HTMLInputElement && validRowsInput.checked;
    if (!file || !this.client) {
      this.rosterOutcome = { kind: 'refused', message: 'Choose a roster file (CSV) first.', rejected: [] };
      return;
    }
    this.uploading = true;
    this.busy = true;
    this.rosterOutcome = null;
    try {
      this.rosterOutcome = await uploadRoster(this.client, file, addValidRows);
      if (this.rosterOutcome.kind === 'added' && this.rosterOutcome.added > 0) {
        this.announce('imported', null, this.rosterOutcome.added);
        await this.data.run();
      }
    } finally {
      this.uploading = false;
      this.busy = false;
    }
  }

  private announce(action: ProvidersChangedDetail['action'], providerId: string | null, count = 1): void {
    emit(this, 'portico-providers-changed', { action, providerId, count });
  }

  protected override render() {
    return html`${this.data.render({
      initial: () => loadingState('providers'),
      pending: () => (this.data.value ? this.renderList(this.data.value) : loadingState('providers')),
      error: (error) => failureState(error, 'The providers could not be loaded.', () => void this.data.run()),
      complete: (value) => this.renderList(value),
    })}
    ${providerFormDialog({
      draft: this.draft,
      problems: this.problems,
      editing: this.editing,
      busy: this.busy,
      edit: (change) => {
        this.draft = { ...this.draft, ...change };
        for (const name of Object.keys(change) as (keyof ProviderDraft)[])
          this.problems = withoutField(this.problems, name);
      },
      save: (event) => void this.save(event),
      cancel: () => this.formDialog?.close(),
    })}
    ${providerRemoveDialog({
      removing: this.removing,
      problem: this.removeProblem,
      busy: this.busy,
      confirm: () => void this.confirmRemove(),
      cancel: () => this.removeDialog?.close(),
    })}`;
  }

  private sortHeader(key: SortKey, label: string) {
    const active = this.sort.key === key;
    const direction = active ? (this.sort.descending ? 'descending' : 'ascending') : 'none';
    return html`<th scope="col" aria-sort=${direction}>
      <button class="sort" @click=${() => this.sortBy(key)}>
        ${label}${active ? (this.sort.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>`;
  }

  private renderList({
    canManage,
    providers,
    medicare,
  }: {
    canManage: boolean;
    providers: Provider[];
    medicare: MedicarePlans;
  }) {
    const rows = this.visible(providers);
    const shown = this.rows.window(rows.length);
    return html`
      <div part="medicare-plans" role="status">
        ${providerListGapsNotice(medicare.plans, medicare.providerListGaps, 'provider-gaps')}
        ${activationNotice(medicare.plans, 'activation')}
      </div>
      <div class="toolbar">
        <label>
          Filter providers
          <input
            part="filter"
            type="search"
            .value=${live(this.filter)}
            @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)}
          />
        </label>
        ${canManage ? html`<button part="add" @click=${() => this.openForm(null)}>Add provider</button>` : nothing}
        <button
          part="download"
          class="secondary"
          ?disabled=${this.download.busy}
          @click=${() => void this.download.save('provider-roster.csv', (client) => client.files.providerRoster())}
        >
          ${this.download.busy ? 'Preparing roster…' : 'Download roster (CSV)'}
        </button>
      </div>
      ${this.download.problem ? html`<p class="field-error" role="alert">${this.download.problem}</p>` : nothing}
      ${canManage ? rosterUpload(this.rosterOutcome, this.uploading, (e) => void this.upload(e)) : nothing}
      ${
        providers.length === 0
          ? html`<p class="state" part="state">
              No providers yet.${canManage ? ' Add the providers who use the services.' : ''}
            </p>`
          : html`<div class="table-scroll" tabindex="0" role="region" aria-label="Providers">
                <table part="table" aria-rowcount=${rows.length + 1}>
                  <caption hidden>
                    Providers
                  </caption>
                  <thead>
                    <tr aria-rowindex="1">
                      ${this.sortHeader('displayName', 'Name')} ${this.sortHeader('npi', 'NPI')}
                      <th scope="col">TIN</th>
                      ${this.sortHeader('medicare', 'Medicare')} ${this.sortHeader('specialty', 'Specialty')}
                      ${canManage ? html`<th scope="col">Actions</th>` : nothing}
                    </tr>
                  </thead>
                  <tbody>
                    ${shown.spaceBefore > 0 ? html`<tr aria-hidden="true" class="spacer" style="height: ${shown.spaceBefore}px"></tr>` : nothing}
                    ${rows.slice(shown.start, shown.end).map(
                      (p, offset) =>
                        html`<tr aria-rowindex=${shown.start + offset + 2}>
                          <th scope="row">${p.displayName}</th>
                          <td>${p.npi}</td>
                          <td>${p.tin.display}</td>
                          <td part="medicare" class="medicare ${p.medicare.enrolled ? 'yes' : 'no'}">
                            ${p.medicare.enrolled ? 'Enrolled' : 'Not enrolled'}
                          </td>
                          <td>${p.specialty ?? ''}</td>
                          ${
                            canManage
                              ? html`<td>
                                  <button
                                    class="secondary"
                                    aria-label="Edit ${p.displayName}"
                                    @click=${() => this.openForm(p)}
                                  >
                                    Edit
                                  </button>
                                  <button
                                    class="secondary"
                                    aria-label="Remove ${p.displayName}"
                                    @click=${() => this.askRemove(p)}
                                  >
                                    Remove
                                  </button>
                                </td>`
                              : nothing
                          }
                        </tr>`,
                    )}
                    ${shown.spaceAfter > 0 ? html`<tr aria-hidden="true" class="spacer" style="height: ${shown.spaceAfter}px"></tr>` : nothing}
                  </tbody>
                </table>
              </div>
              ${rows.length === 0 ? html`<p class="state" part="state">No provider matches “${this.filter}”.</p>` : nothing}`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-provider-manager': PorticoProviderManager;
  }
  interface HTMLElementEventMap {
    'portico-providers-changed': CustomEvent<ProvidersChangedDetail>;
  }
}
