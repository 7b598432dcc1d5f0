import type { Session } from '@portico/core';
import { CORE_BASE_SERVICE_TYPES, serviceTypes } from '@portico/core/x12';
import { html, nothing } from 'lit';
import type { FormProblems } from '../shared/field-problem.ts';
import { formEnd, inputField, MEMBER_FIELDS, memberFields } from '../shared/member-fields.ts';
import type { OfficeProvider } from '../shared/member-request.ts';

/** The fields of the search, as the server names them in a refusal. */
export const FIELDS = [...MEMBER_FIELDS, 'dateOfService', 'serviceTypes'] as const;

/** The service types offered: plan coverage (the CORE base set) first, then each base type on its own. */
const CHOICES = ['30', ...CORE_BASE_SERVICE_TYPES].map((code) => ({
  code,
  label: serviceTypes.codes[code] ?? code,
}));

interface FormOptions {
  session: Session;
  providers: readonly OfficeProvider[];
  problems: FormProblems<string>;
  busy: boolean;
  onSubmit: (event: SubmitEvent) => void;
}

/**
 * The search form: member id, name and date of birth, the provider, the site (only for a user of several), the date
 * of service (today in the office's zone) and the service types; each refusal at its field.
 */
export function eligibilityForm({ session, providers, problems, busy, onSubmit }: FormOptions) {
  const { today } = session;
  const problem = problems.fields['serviceTypes'];
  return html`<form part="form" aria-label="Check a member's eligibility" @submit=${onSubmit}>
    ${memberFields(session, providers, problems)}
    ${inputField(problems, 'dateOfService', 'Date of service', 'date', { value: today })}
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
      ${problem ? html`<span class="field-error">${problem}</span>` : nothing}
    </fieldset>
    ${formEnd(problems, { part: 'check', label: 'Check eligibility', busyLabel: 'Checking…' }, busy)}
  </form>`;
}
