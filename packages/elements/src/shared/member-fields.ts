import type { Session } from '@portico/core';
import { html, nothing } from 'lit';
import type { FormProblems } from './field-problem.ts';
import type { OfficeProvider } from './member-request.ts';

/** The fields every member search has, as the server names them in a refusal. */
export const MEMBER_FIELDS = [
  'memberId',
  'firstName',
  'lastName',
  'dateOfBirth',
  'providerNpi',
  'siteId',
] as const;

const problemOf = (problems: FormProblems<string>, name: string) => problems.fields[name];

const errorAt = (problems: FormProblems<string>, name: string) => {
  const problem = problemOf(problems, name);
  return problem ? html`<span class="field-error" id="${name}-problem">${problem}</span>` : nothing;
};

/** One labelled input with its refusal beside it (`aria-invalid`, `aria-describedby`). */
export function inputField(
  problems: FormProblems<string>,
  name: string,
  label: string,
  type: string,
  options: { value?: string; required?: boolean; inputmode?: string } = {},
) {
  const problem = problemOf(problems, name);
  return html`<label
    >${label}
    <input
      name=${name}
      type=${type}
      ?required=${options.required ?? true}
      autocomplete="off"
      inputmode=${options.inputmode ?? nothing}
      .value=${options.value ?? ''}
      aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${problem ? `${name}-problem` : nothing}
    />
    ${errorAt(problems, name)}
  </label>`;
}

/**
 * Whom a search is about and who asks: member id, name and date of birth, the provider (one of the office's), and
 * the site, which only a user of several sites chooses.
 */
export function memberFields(
  session: Session,
  providers: readonly OfficeProvider[],
  problems: FormProblems<string>,
) {
  const sites = session.sites;
  return html`${inputField(problems, 'memberId', 'Member ID', 'text')}
    ${inputField(problems, 'firstName', 'First name', 'text')}
    ${inputField(problems, 'lastName', 'Last name', 'text')}
    ${inputField(problems, 'dateOfBirth', 'Date of birth', 'date')}
    <label
      >Provider
      <select
        name="providerNpi"
        required
        aria-invalid=${problemOf(problems, 'providerNpi') ? 'true' : 'false'}
        aria-describedby=${problemOf(problems, 'providerNpi') ? 'providerNpi-problem' : nothing}
      >
        ${providers.map((p) => html`<option value=${p.npi}>${p.displayName} (NPI ${p.npi})</option>`)}
      </select>
      ${errorAt(problems, 'providerNpi')}
    </label>
    ${
      sites.length > 1
        ? html`<label
            >Site of the visit
            <select
              name="siteId"
              required
              aria-invalid=${problemOf(problems, 'siteId') ? 'true' : 'false'}
              aria-describedby=${problemOf(problems, 'siteId') ? 'siteId-problem' : nothing}
            >
              ${sites.map((site) => html`<option value=${site.id}>${site.name}</option>`)}
            </select>
            ${errorAt(problems, 'siteId')}
          </label>`
        : nothing
    }`;
}

/** The form's submit button and a refusal of the whole form (focusable, announced). */
export function formEnd(
  problems: FormProblems<string>,
  button: { part: string; label: string; busyLabel: string },
  busy: boolean,
) {
  return html`<div class="actions">
      <button type="submit" part=${button.part} ?disabled=${busy}>
        ${busy ? button.busyLabel : button.label}
      </button>
    </div>
    ${
      problems.form
        ? html`<p class="field-error" part="problem" role="alert" tabindex="-1">${problems.form}</p>`
        : nothing
    }`;
}

/** A form's values by name, trimmed; an empty field is absent. */
export function formValues(form: HTMLFormElement): (name: string) => string | undefined {
  const data = new FormData(form);
  return (name) => {
    const entry = data.get(name);
    const value = typeof entry === 'string' ? entry.trim() : '';
    return value === '' ? undefined : value;
  };
}

/** The member fields of a submitted search, as the procedures take them. */
export function memberInput(value: (name: string) => string | undefined) {
  const siteId = value('siteId');
  return {
    memberId: value('memberId') ?? '',
    firstName: value('firstName') ?? '',
    lastName: value('lastName') ?? '',
    dateOfBirth: value('dateOfBirth') ?? '',
    providerNpi: value('providerNpi') ?? '',
    ...(siteId === undefined ? {} : { siteId }),
  };
}
