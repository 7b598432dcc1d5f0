import { firstOfMonth, type Session } from '@portico/core';
import { html } from 'lit';
import type { FormProblems } from '../shared/field-problem.ts';
import { formEnd, inputField, MEMBER_FIELDS, memberFields } from '../shared/member-fields.ts';
import type { OfficeProvider } from '../shared/member-request.ts';

/** The fields of the search, as the server names them in a refusal. */
export const FIELDS = [
  ...MEMBER_FIELDS,
  'serviceFrom',
  'serviceTo',
  'payerClaimNumber',
  'patientAccountNumber',
  'chargedCents',
] as const;

interface FormOptions {
  session: Session;
  providers: readonly OfficeProvider[];
  problems: FormProblems<string>;
  busy: boolean;
  onSubmit: (event: SubmitEvent) => void;
}

/**
 * The search form: the member and the provider, the dates of service (from the first of last month to today, in the
 * office's zone), and what narrows the search if the office has it: the payer's claim number, the patient account
 * number, the billed amount. Each refusal at its field.
 */
export function claimStatusForm({ session, providers, problems, busy, onSubmit }: FormOptions) {
  const { today } = session;
  const optional = { required: false };
  return html`<form part="form" aria-label="Check a claim's status" @submit=${onSubmit}>
    ${memberFields(session, providers, problems)}
    ${inputField(problems, 'serviceFrom', 'Dates of service from', 'date', { value: firstOfMonth(today, -1) })}
    ${inputField(problems, 'serviceTo', 'to', 'date', { value: today })}
    <fieldset>
      <legend>Narrow the search (optional)</legend>
      ${inputField(problems, 'payerClaimNumber', "Payer's claim number", 'text', optional)}
      ${inputField(problems, 'patientAccountNumber', 'Patient account number', 'text', optional)}
      ${inputField(problems, 'chargedCents', 'Billed amount ($)', 'text', { ...optional, inputmode: 'decimal' })}
    </fieldset>
    ${formEnd(problems, { part: 'check', label: 'Check claim status', busyLabel: 'Checking…' }, busy)}
  </form>`;
}
