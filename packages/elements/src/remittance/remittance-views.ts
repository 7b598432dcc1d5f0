import {
  formatCents,
  formatPlainDate,
  type RemittanceAdjustment,
  type RemittanceDetail,
  type RemittanceListInput,
  type RemittanceSummary,
} from '@portico/core';
import { html, nothing } from 'lit';

/** The payment methods an office filters by, in its words. */
export const METHODS: readonly [string, string][] = [
  ['', 'Any'],
  ['ACH', 'Electronic funds transfer'],
  ['CHK', 'Check'],
  ['NON', 'No payment'],
];

/** A plain date in the office's words, or nothing. */
export const date = (value: string | null) => (value ? formatPlainDate(value) : '');

/** The office's remittances, newest payment first, each with Show and Download EOP. */
export function remittanceTable(
  remittances: readonly RemittanceSummary[],
  actions: { open(id: string): void; download(id: string): void; busy: boolean; openId: string | null },
) {
  if (remittances.length === 0)
    return html`<p class="state" part="state">No remittance matches these filters.</p>`;
  return html`<table part="table">
    <caption class="visually-hidden">
      Remittances, newest payment first
    </caption>
    <thead>
      <tr>
        <th scope="col">Paid on</th>
        <th scope="col">Method</th>
        <th scope="col">Check or EFT number</th>
        <th scope="col" class="amount">Amount</th>
        <th scope="col">Payee</th>
        <th scope="col">Site</th>
        <th scope="col" class="amount">Claims</th>
        <th scope="col"><span class="visually-hidden">Actions</span></th>
      </tr>
    </thead>
    <tbody>
      ${remittances.map(
        (r) =>
          html`<tr aria-current=${r.remittanceId === actions.openId ? 'true' : nothing}>
            <td>${date(r.paymentDate)}</td>
            <td>${r.method.label}</td>
            <td>${r.traceNumber}</td>
            <td class="amount">${formatCents(r.paymentCents)}</td>
            <td>${r.payee.name} <span class="muted">NPI ${r.payee.npi}</span></td>
            <td>${r.siteName}</td>
            <td class="amount">${r.claimCount}</td>
            <td class="row-actions">
              <button
                class="secondary"
                part="open"
                ?disabled=${actions.busy}
                aria-label="Show remittance ${r.traceNumber}"
                @click=${() => actions.open(r.remittanceId)}
              >
                Show
              </button>
              <button
                class="secondary"
                part="download"
                ?disabled=${actions.busy}
                aria-label="Download the EOP of ${r.traceNumber} as PDF"
                @click=${() => actions.download(r.remittanceId)}
              >
                EOP (PDF)
              </button>
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

const adjustmentList = (adjustments: readonly RemittanceAdjustment[]) =>
  adjustments.length === 0
    ? nothing
    : html`<ul class="adjustments">
        ${adjustments.map(
          (a) =>
            html`<li>
              <span class="code">${a.group.code}-${a.reason.code}</span> ${formatCents(a.amountCents)}:
              ${a.group.label}; ${a.reason.label}
            </li>`,
        )}
      </ul>`;

const remarkList = (remarks: RemittanceDetail['claims'][number]['remarks']) =>
  remarks.length === 0
    ? nothing
    : html`<ul class="remarks">
        ${remarks.map((r) => html`<li><span class="code">${r.code}</span> ${r.label}</li>`)}
      </ul>`;

/** One remittance as its explanation of payment: the payment, each claim with its lines, and the PLB. */
export function remittanceDetailView(detail: RemittanceDetail, download: () => void, busy: boolean) {
  return html`<h3 id="detail-heading" tabindex="-1">
      ${detail.method.label} ${detail.traceNumber}, ${formatCents(detail.paymentCents)}
    </h3>
    <dl>
      <dt>Paid on</dt>
      <dd>${date(detail.paymentDate)}</dd>
      <dt>Payer</dt>
      <dd>${detail.payer.name}</dd>
      <dt>Payee</dt>
      <dd>${detail.payee.name}, NPI ${detail.payee.npi}</dd>
      <dt>Questions</dt>
      <dd>${detail.payerContact.name}${detail.payerContact.phone ? `, ${detail.payerContact.phone}` : ''}</dd>
    </dl>
    <button class="secondary" part="download" ?disabled=${busy} @click=${download}>
      Download the EOP (PDF)
    </button>
    ${detail.claims.map(
      (claim) =>
        html`<section class="card" part="claim">
          <h4>${claim.patient.firstName} ${claim.patient.lastName}, account ${claim.patientAccountNumber}</h4>
          <dl>
            <dt>Member ID</dt>
            <dd>${claim.patient.memberId}</dd>
            <dt>Payer claim</dt>
            <dd>${claim.payerClaimNumber}: ${claim.status.label}</dd>
            <dt>Service</dt>
            <dd>
              ${date(claim.serviceFrom)}${claim.serviceTo && claim.serviceTo !== claim.serviceFrom ? ` to ${date(claim.serviceTo)}` : ''}
            </dd>
            <dt>Billed</dt>
            <dd>${formatCents(claim.chargedCents)}</dd>
            <dt>Paid</dt>
            <dd>${formatCents(claim.paidCents)}</dd>
            ${
              claim.patientResponsibilityCents === null
                ? nothing
                : html`<dt>Patient owes</dt>
                    <dd>${formatCents(claim.patientResponsibilityCents)}</dd>`
            }
          </dl>
          ${adjustmentList(claim.adjustments)} ${remarkList(claim.remarks)}
          <table part="lines">
            <caption class="visually-hidden">
              Service lines of claim ${claim.payerClaimNumber}
            </caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Date</th>
                <th scope="col" class="amount">Billed</th>
                <th scope="col" class="amount">Allowed</th>
                <th scope="col" class="amount">Paid</th>
                <th scope="col">Adjustments and remarks</th>
              </tr>
            </thead>
            <tbody>
              ${claim.lines.map(
                (line) =>
                  html`<tr>
                    <td>${[line.procedureCode, ...line.modifiers].join('-')}</td>
                    <td>${date(line.serviceDate)}</td>
                    <td class="amount">${formatCents(line.chargedCents)}</td>
                    <td class="amount">
                      ${line.allowedCents === null ? '' : formatCents(line.allowedCents)}
                    </td>
                    <td class="amount">${formatCents(line.paidCents)}</td>
                    <td>${adjustmentList(line.adjustments)} ${remarkList(line.remarks)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </section>`,
    )}
    ${
      detail.providerAdjustments.length === 0
        ? nothing
        : html`<section class="card" part="provider-adjustments">
            <h4>Provider adjustments (taken from the payment)</h4>
            <ul>
              ${detail.providerAdjustments.map(
                (p) =>
                  html`<li>
                    <span class="code">${p.reason.code}</span>
                    ${p.reason.label}${p.reference ? `, ${p.reference}` : ''}: ${formatCents(p.amountCents)}
                  </li>`,
              )}
            </ul>
          </section>`
    }`;
}

/** The filters of the remittance list (the page and its cursor aside). */
export type Filters = Omit<Exclude<RemittanceListInput, undefined>, 'cursor' | 'limit'>;

/** The filter form: payment dates, method, and a check, claim, account or member number. */
export function filterForm(f: Filters, busy: boolean, onSubmit: (event: SubmitEvent) => void) {
  return html`<form part="filters" aria-label="Filter the remittances" @submit=${onSubmit}>
    <label>Paid from <input type="date" name="paidFrom" .value=${f.paidFrom ?? ''} /></label>
    <label>Paid to <input type="date" name="paidTo" .value=${f.paidTo ?? ''} /></label>
    <label
      >Method
      <select name="method">
        ${METHODS.map(([code, label]) => html`<option value=${code} ?selected=${(f.method ?? '') === code}>${label}</option>`)}
      </select></label
    >
    <label
      >Check, claim, account or member number
      <input type="search" name="search" .value=${f.search ?? ''} autocomplete="off" />
    </label>
    <div class="actions"><button type="submit" part="apply" ?disabled=${busy}>Show</button></div>
  </form>`;
}
