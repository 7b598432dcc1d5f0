import { formatInstantDate, type EftEnrollment, type Session } from '@portico/core';
import { html, nothing } from 'lit';
import type { FormProblems } from '../shared/field-problem.ts';
import { formEnd, inputField } from '../shared/member-fields.ts';
import type { OfficeProvider } from '../shared/member-request.ts';

/** The enrollment form's fields, as the server names them in a refusal. */
export const ENROLL_FIELDS = [
  'payeeNpi',
  'siteId',
  'accountHolder',
  'routingNumber',
  'accountNumber',
  'accountType',
] as const;

const STATUS_TEXT: Record<EftEnrollment['status'], string> = {
  PENDING: 'Waiting for the payer to verify the account',
  ACTIVE: 'Active: paid by EFT with electronic remittances',
  REJECTED: 'Rejected by the payer',
};

const selectField = (
  problems: FormProblems<string>,
  name: string,
  label: string,
  options: readonly [string, string][],
) => {
  const problem = problems.fields[name];
  return html`<label
    >${label}
    <select
      name=${name}
      required
      aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${problem ? `${name}-problem` : nothing}
    >
      ${options.map(([value, text]) => html`<option value=${value}>${text}</option>`)}
    </select>
    ${problem ? html`<span class="field-error" id="${name}-problem">${problem}</span>` : nothing}
  </label>`;
};

/**
 * The office's EFT/ERA enrollments (the account shown by its last four digits only) and the form that enrolls a
 * payee NPI or replaces its account. The result shows at the form and is announced.
 */
export function eftEnrollmentView(options: {
  session: Session;
  providers: readonly OfficeProvider[];
  enrollments: readonly EftEnrollment[];
  paperless: boolean;
  problems: FormProblems<string>;
  busy: boolean;
  done: string;
  onSubmit: (event: SubmitEvent) => void;
}) {
  const { enrollments } = options;
  return html`<section part="enrollment" aria-labelledby="eft-heading">
    <h3 id="eft-heading">EFT and electronic remittance (ERA) enrollment</h3>
    <p part="paperless" class=${options.paperless ? 'paperless' : ''}>
      ${
        options.paperless
          ? 'Your office is paperless: payments arrive by EFT and remittances here, with no paper checks or EOPs.'
          : 'Until every enrollment is active, the payer still mails paper checks and EOPs.'
      }
    </p>
    ${
      enrollments.length === 0
        ? nothing
        : html`<table part="enrollments">
            <caption class="visually-hidden">
              EFT and ERA enrollments
            </caption>
            <thead>
              <tr>
                <th scope="col">Payee</th>
                <th scope="col">Site</th>
                <th scope="col">Account</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              ${enrollments.map(
                (e) =>
                  html`<tr>
                    <td>${e.payeeName} <span class="muted">NPI ${e.payeeNpi}</span></td>
                    <td>${e.siteName}</td>
                    <td>
                      ${e.accountType === 'CHECKING' ? 'Checking' : 'Savings'} ending ${e.accountLast4}
                      <span class="muted">(routing ${e.routingNumber})</span>
                    </td>
                    <td>
                      ${STATUS_TEXT[e.status]}${e.statusReason ? `: ${e.statusReason}` : ''}
                      <span class="muted">since ${formatInstantDate(e.activatedAt ?? e.submittedAt)}</span>
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${
      options.providers.length === 0
        ? html`<p class="state" part="state">
            Add the office's billing provider to its provider list first: EFT is set up per payee NPI.
          </p>`
        : html`<form
            part="enroll-form"
            aria-labelledby="eft-form-heading"
            @submit=${options.onSubmit}
            novalidate
          >
            <h4 id="eft-form-heading">Enroll a payee or change its bank account</h4>
            ${selectField(
              options.problems,
              'payeeNpi',
              'Payee (billing provider)',
              options.providers.map((p) => [p.npi, `${p.displayName} (NPI ${p.npi})`]),
            )}
            ${selectField(
              options.problems,
              'siteId',
              'Site that receives the remittances',
              options.session.sites.map((s) => [s.id, s.name]),
            )}
            ${inputField(options.problems, 'accountHolder', 'Account holder', 'text')}
            ${inputField(options.problems, 'routingNumber', 'Routing number (9 digits)', 'text', { inputmode: 'numeric' })}
            ${inputField(options.problems, 'accountNumber', 'Account number', 'password', { inputmode: 'numeric' })}
            ${selectField(options.problems, 'accountType', 'Account type', [
              ['CHECKING', 'Checking'],
              ['SAVINGS', 'Savings'],
            ])}
            ${formEnd(options.problems, { part: 'enroll', label: 'Submit for verification', busyLabel: 'Submitting…' }, options.busy)}
            <p part="enrolled" class="done" role="status" tabindex="-1">${options.done}</p>
          </form>`
    }
  </section>`;
}
