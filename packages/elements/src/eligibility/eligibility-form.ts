import { plainDateInZone, type Session } from '@portico/core';
import { CORE_BASE_SERVICE_TYPES, serviceTypes } from '@portico/core/x12';
import { html, nothing } from 'lit';
import type { FormProblems } from '../shared/field-problem.ts';

/** The fields of the search, as the server names them in a refusal. */
export const FIELDS = [
  'memberId',
  'firstName',
  'lastName',
  'dateOfBirth',
  'providerNpi',
  'siteId',
  'dateOfService',
  'serviceTypes',
] as const;
export type Field = (typeof FIELDS)[number];

/** The service types offered: plan coverage (the CORE base set) first, then each base type on its own. */
const CHOICES = ['30', ...CORE_BASE_SERVICE_TYPES].map((code) => ({
  code,
  label: serviceTypes.codes[code] ?? code,
}));

interface FormOptions {
  session: Session;
  providers: readonly { npi: string; displayName: string }[];
  problems: FormProblems<Field>;
  busy: boolean;
  onSubmit: (event: SubmitEvent) => void;
}

function field(problems: FormProblems<Field>, name: Field, label: string, type: string, value = '') {
  const problem = problems.fields[name];
  return html`<label
    >${label}
    <input
      name=${name}
      type=${type}
      required
      autocomplete="off"
      .value=${value}
      aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${problem ? `${name}-problem` : nothing}
    />
    ${problem ? html`<span class="field-error" id="${name}-problem">${problem}</span>` : nothing}
  </label>`;
}

/**
 * The search form: member id, name and date of birth, the provider, the site (only for a user of several), the date
 * of service (today in the office's zone) and the service types; each refusal at its field.
 */
export function eligibilityForm({ session, providers, problems, busy, onSubmit }: FormOptions) {
  const sites = session.sites;
  const today = plainDateInZone(new Date(), session.organization.timeZone);
  const problemAt = (name: Field) => problems.fields[name];
  return html`<form part="form" aria-label="Check a member's eligibility" @submit=${onSubmit}>
    ${field(problems, 'memberId', 'Member ID', 'text')} ${field(problems, 'firstName', 'First name', 'text')}
    ${field(problems, 'lastName', 'Last name', 'text')}
    ${field(problems, 'dateOfBirth', 'Date of birth', 'date')}
    <label
      >Provider
      <select name="providerNpi" required aria-invalid=${problemAt('providerNpi') ? 'true' : 'false'}>
        ${providers.map((p) => html`<option value=${p.npi}>${p.displayName} (NPI ${p.npi})</option>`)}
      </select>
      ${problemAt('providerNpi') ? html`<span class="field-error">${problemAt('providerNpi')}</span>` : nothing}
    </label>
    ${
      sites.length > 1
        ? html`<label
            >Site of the visit
            <select name="siteId" required aria-invalid=${problemAt('siteId') ? 'true' : 'false'}>
              ${sites.map((site) => html`<option value=${site.id}>${site.name}</option>`)}
            </select>
            ${problemAt('siteId') ? html`<span class="field-error">${problemAt('siteId')}</span>` : nothing}
          </label>`
        : nothing
    }
    ${field(problems, 'dateOfService', 'Date of service', 'date', today)}
    <fieldset>
      <legend>Service types</legend>
      ${CHOICES.map(
        (choice) =>
          html`<label
            ><input
              type="checkbox"
              name="serviceTypes"
              value=${choice.code}
              ?checked=${choice.code === '30'}
            />
            ${choice.label}</label
          >`,
      )}
      ${problemAt('serviceTypes') ? html`<span class="field-error">${problemAt('serviceTypes')}</span>` : nothing}
    </fieldset>
    <div class="actions">
      <button type="submit" part="check" ?disabled=${busy}>
        ${busy ? 'Checking…' : 'Check eligibility'}
      </button>
    </div>
    ${
      problems.form
        ? html`<p class="field-error" part="problem" role="alert" tabindex="-1">${problems.form}</p>`
        : nothing
    }
  </form>`;
}
