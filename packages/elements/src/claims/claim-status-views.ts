import {
  formatCents,
  formatPlainDate,
  type ClaimPhase,
  type ClaimStatus,
  type ClaimStatusResult,
  type InquirySummary,
} from '@portico/core';
import { html, nothing } from 'lit';

/** Where a claim stands, in words. */
export const PHASE_TEXT: Record<ClaimPhase, string> = {
  RECEIVED: 'Received',
  PENDING: 'In process',
  INFORMATION_REQUESTED: 'Information requested',
  PAID: 'Paid',
  DENIED: 'Denied',
  FINALIZED: 'Finalized',
  RETURNED: 'Returned',
  NOT_FOUND: 'Not found',
};

/** What a history line says happened, in words. */
export const OUTCOME_TEXT: Record<InquirySummary['outcome'], string> = {
  ...PHASE_TEXT,
  REJECTED: 'Refused by the payer',
  TIMEOUT: 'No answer in time',
  UNAVAILABLE: 'Payer unavailable',
};

const dollars = (cents: number | null) => (cents === null ? '—' : formatCents(cents));
const day = (value: string | null) => (value === null ? '—' : formatPlainDate(value));
const span = (from: string | null, to: string | null) =>
  from === null ? '—' : to === null || to === from ? day(from) : `${day(from)} to ${day(to)}`;

function statusLines(statuses: ClaimStatus['statuses']) {
  return html`<ul class="statuses">
    ${statuses.map(
      (s) =>
        html`<li>
          ${s.category.label} <span class="code">(${s.category.code})</span>: ${s.status.label}
          <span class="code">(${s.status.code}${s.entity ? `, about ${s.entity}` : ''})</span>
        </li>`,
    )}
  </ul>`;
}

function claimCard(claim: ClaimStatus, index: number) {
  if (claim.phase === 'NOT_FOUND')
    return html`<section class="card" part="claim" aria-label="No claim found">
      <p class="status not_found" part="status">${PHASE_TEXT.NOT_FOUND}</p>
      <p>The payer found no claim for this member and provider in these dates of service.</p>
      ${statusLines(claim.statuses)}
    </section>`;
  const title = claim.payerClaimNumber ? `Claim ${claim.payerClaimNumber}` : `Claim ${index + 1}`;
  return html`<section class="card" part="claim" aria-label=${title}>
    <h4>${title}</h4>
    <p class="status ${claim.phase.toLowerCase()}" part="status">
      ${PHASE_TEXT[claim.phase]}${claim.finalized ? '' : ' (not final)'}
    </p>
    <dl>
      <dt>Patient account</dt>
      <dd>${claim.patientAccountNumber ?? '—'}</dd>
      <dt>Dates of service</dt>
      <dd>${span(claim.serviceFrom, claim.serviceTo)}</dd>
      <dt>Billed</dt>
      <dd>${dollars(claim.chargedCents)}</dd>
      <dt>Paid</dt>
      <dd>${dollars(claim.paidCents)}</dd>
      <dt>Adjudicated</dt>
      <dd>${day(claim.adjudicatedOn)}</dd>
      ${
        claim.payment
          ? html`<dt>Payment</dt>
              <dd>
                ${claim.payment.method?.label ?? 'Payment'}${claim.payment.trace ? ` ${claim.payment.trace}` : ''}
                ${claim.payment.date ? ` on ${day(claim.payment.date)}` : ''}
              </dd>`
          : nothing
      }
    </dl>
    ${statusLines(claim.statuses)}
    ${
      claim.lines.length === 0
        ? nothing
        : html`<div class="scroll">
            <table part="lines">
              <caption>
                Service lines of ${title}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Procedure</th>
                  <th scope="col">Date</th>
                  <th scope="col">Billed</th>
                  <th scope="col">Paid</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                ${claim.lines.map(
                  (line) =>
                    html`<tr>
                      <th scope="row">
                        ${line.procedureCode}${line.modifiers.length > 0 ? `-${line.modifiers.join('-')}` : ''}
                      </th>
                      <td>${day(line.serviceDate)}</td>
                      <td>${dollars(line.chargedCents)}</td>
                      <td>${dollars(line.paidCents)}</td>
                      <td>
                        ${line.statuses.map((s) => `${s.category.label}: ${s.status.label}`).join('; ')}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}

/** The claims the payer reported for one inquiry, and the X12 folded. */
export function resultView(result: ClaimStatusResult) {
  return html`<p class="muted">
      ${result.summary.payer.name} · dates of service ${span(result.serviceFrom, result.serviceTo)}
    </p>
    ${result.summary.claims.map(claimCard)}
    <details part="x12">
      <summary>The X12 exchanged (control number ${result.controlNumber})</summary>
      <p>Sent (276)</p>
      <pre>${result.x12.request}</pre>
      <p>Received (277)</p>
      <pre>${result.x12.response}</pre>
    </details>`;
}

/** Today's inquiries at the user's sites, newest first; answered ones can be opened again. */
export function historyView(inquiries: readonly InquirySummary[], open: (id: string) => void, busy: boolean) {
  if (inquiries.length === 0)
    return html`<p class="state" part="state">No claim status checks yet today.</p>`;
  return html`<ul part="history" class="history">
    ${inquiries.map(
      (inquiry) =>
        html`<li>
          <span>
            <strong>${inquiry.member.firstName} ${inquiry.member.lastName}</strong> ·
            ${inquiry.member.memberId} · ${span(inquiry.serviceFrom, inquiry.serviceTo)} ·
            ${new Date(inquiry.checkedAt).toLocaleTimeString('en-US', { timeStyle: 'short' })} ·
            ${inquiry.checkedBy} · ${inquiry.siteName}
          </span>
          <span class="outcome ${inquiry.outcome.toLowerCase()}">${OUTCOME_TEXT[inquiry.outcome]}</span>
          ${inquiry.problem ? html`<span class="muted">${inquiry.problem}</span>` : nothing}
          ${
            inquiry.hasResult
              ? html`<button
                  class="secondary"
                  part="open"
                  ?disabled=${busy}
                  aria-label=${`Show the claim status of ${inquiry.member.firstName} ${inquiry.member.lastName} again`}
                  @click=${() => open(inquiry.inquiryId)}
                >
                  Show
                </button>`
              : nothing
          }
        </li>`,
    )}
  </ul>`;
}
