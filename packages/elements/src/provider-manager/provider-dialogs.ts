import type { Provider } from '@portico/core';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FormProblems } from '../shared/field-problem.ts';
import { fieldLabels, isOrganizationDraft, type ProviderDraft } from './provider-form.ts';

/** What the add/edit dialog shows and does. */
export interface ProviderForm {
  draft: ProviderDraft;
  /** The server's refusal of the last save, at the fields it names (a field's message goes once it is edited). */
  problems: FormProblems<keyof ProviderDraft>;
  /** The provider being edited; null when adding. */
  editing: Provider | null;
  busy: boolean;
  /** Changes one field of the current draft. */
  edit(change: Partial<ProviderDraft>): void;
  save(event: SubmitEvent): void;
  cancel(): void;
}

function field(form: ProviderForm, name: keyof ProviderDraft) {
  const message = form.problems.fields[name];
  const id = `field-${name}`;
  return html`<label>
    ${fieldLabels[name]}
    <input
      id=${id}
      name=${name}
      .value=${live(form.draft[name])}
      aria-invalid=${message ? 'true' : 'false'}
      aria-describedby=${message ? `${id}-error` : nothing}
      autocomplete="off"
      @input=${(e: Event) => form.edit({ [name]: (e.target as HTMLInputElement).value })}
    />
    ${message ? html`<span class="field-error" id="${id}-error">${message}</span>` : nothing}
  </label>`;
}

/** The add/edit dialog: the server checks the draft with core's schema, and each problem shows at its field. */
export function providerFormDialog(form: ProviderForm) {
  const organization = isOrganizationDraft(form.draft);
  return html`<dialog class="form-dialog" part="dialog" aria-labelledby="form-title">
    <form @submit=${form.save} novalidate>
      <h2 id="form-title">${form.editing ? `Edit ${form.editing.displayName}` : 'Add a provider'}</h2>
      ${field(form, 'npi')}
      ${organization ? field(form, 'organizationName') : html`${field(form, 'firstName')} ${field(form, 'lastName')}`}
      ${field(form, 'tin')} ${field(form, 'specialty')}
      ${form.problems.form ? html`<p class="field-error" role="alert">${form.problems.form}</p>` : nothing}
      <div class="actions">
        <button type="button" class="secondary" @click=${form.cancel}>Cancel</button>
        <button type="submit" ?disabled=${form.busy}>
          ${form.editing ? 'Save changes' : 'Add provider'}
        </button>
      </div>
    </form>
  </dialog>`;
}

/** The confirmation before a provider leaves the list, with the server's refusal (the last Medicare provider). */
export function providerRemoveDialog(remove: {
  removing: Provider | null;
  problem: string | null;
  busy: boolean;
  confirm: () => void;
  cancel: () => void;
}) {
  return html`<dialog class="remove-dialog" part="dialog" aria-labelledby="remove-title">
    <h2 id="remove-title">Remove ${remove.removing?.displayName ?? 'provider'}?</h2>
    <p>They will no longer be on your office's provider list.</p>
    ${remove.problem ? html`<p class="field-error" role="alert">${remove.problem}</p>` : nothing}
    <div class="actions">
      <button type="button" class="secondary" @click=${remove.cancel}>Cancel</button>
      <button
        type="button"
        class="danger"
        part="remove-confirm"
        ?disabled=${remove.busy}
        @click=${remove.confirm}
      >
        Remove
      </button>
    </div>
  </dialog>`;
}
