import {
  formatCents,
  formatPlainDate,
  type CheckSummary,
  type EligibilityResult,
  type NetworkBenefits,
  type ServiceBenefits,
} from '@portico/core';
import { html, nothing } from 'lit';

type Figure = NetworkBenefits['deductible']['individual'];

const STATUS_TEXT = { ACTIVE: 'Active', INACTIVE: 'Inactive', NOT_COVERED: 'Not covered' } as const;

/** What a history line says happened, in words. */
export const OUTCOME_TEXT: Record<CheckSummary['outcome'], string> = {
  ACTIVE: 'Active coverage',
  INACTIVE: 'Inactive',
  NOT_COVERED: 'Not covered',
  REJECTED: 'Refused by the payer',
  TIMEOUT: 'No answer in time',
  UNAVAILABLE: 'Payer unavailable',
};

const dollars = (cents: number | null) => (cents === null ? null : formatCents(cents));

/** "$650.00 left of $1,500.00", or whichever half the payer sent, or a dash. */
function figureText(figure: Figure): string {
  const base = dollars(figure.baseCents);
  const left = dollars(figure.remainingCents);
  if (base && left) return `${left} left of ${base}`;
  if (base) return base;
  if (left) return `${left} left`;
  return '—';
}

const percent = (points: number | null) =>
  points === null ? '—' : `${(points / 100).toLocaleString('en-US')} %`;

const dayText = (day: string | null) => (day === null ? null : formatPlainDate(day));

function networkCells(network: NetworkBenefits) {
  const family =
    network.deductible.family.baseCents !== null || network.deductible.family.remainingCents !== null;
  return html`<td>
      ${figureText(network.deductible.individual)}
      ${family ? html`<br /><span class="muted">Family: ${figureText(network.deductible.family)}</span>` : nothing}
    </td>
    <td>${figureText(network.outOfPocket.individual)}</td>
    <td>${dollars(network.copayCents) ?? '—'}</td>
    <td>${percent(network.coinsuranceBasisPoints)}</td>
    <td>
      ${network.authorizationRequired === null ? '—' : network.authorizationRequired ? 'Required' : 'Not required'}
    </td>`;
}

const hasFigures = (network: NetworkBenefits) =>
  [network.deductible.individual, network.outOfPocket.individual].some(
    (f) => f.baseCents !== null || f.remainingCents !== null,
  ) ||
  network.copayCents !== null ||
  network.coinsuranceBasisPoints !== null;

function benefitRows(benefit: ServiceBenefits) {
  const networks = [
    ['In network', benefit.inNetwork],
    ['Out of network', benefit.outOfNetwork],
  ] as const;
  const shown = networks.filter(([, network]) => hasFigures(network));
  const coverage = benefit.coverage ? STATUS_TEXT[benefit.coverage] : '—';
  if (shown.length === 0)
    return html`<tr>
      <th scope="row">
        ${benefit.serviceType.label} <span class="code">(${benefit.serviceType.code})</span>
      </th>
      <td>${coverage}</td>
      <td colspan="6" class="muted">No cost figures sent</td>
    </tr>`;
  return shown.map(
    ([name, network], index) =>
      html`<tr>
        ${
          index === 0
            ? html`<th scope="row" rowspan=${shown.length}>
                  ${benefit.serviceType.label} <span class="code">(${benefit.serviceType.code})</span>
                </th>
                <td rowspan=${shown.length}>${coverage}</td>`
            : nothing
        }
        <td>${name}</td>
        ${networkCells(network)}
      </tr>`,
  );
}

/** The coverage card and the benefits table of one answered check. */
export function resultView(result: EligibilityResult) {
  const { summary } = result;
  const { member, plan } = summary;
  const dates = [dayText(plan.coverageBegins), dayText(plan.coverageEnds)];
  return html`<section part="coverage" class="card" aria-label="Coverage">
      <p class="status ${plan.status.toLowerCase()}" part="status">${STATUS_TEXT[plan.status]}</p>
      <dl>
        <dt>Member</dt>
        <dd>${member.firstName} ${member.lastName} · ${member.memberId}</dd>
        ${
          member.dateOfBirth
            ? html`<dt>Date of birth</dt>
                <dd>${dayText(member.dateOfBirth)}</dd>`
            : nothing
        }
        <dt>Plan</dt>
        <dd>
          ${plan.description ?? '—'}${plan.insuranceType ? html` · ${plan.insuranceType.label}` : nothing}
        </dd>
        <dt>Coverage</dt>
        <dd>${dates[0] ? `From ${dates[0]}` : 'Start not sent'}${dates[1] ? ` to ${dates[1]}` : ''}</dd>
        ${
          member.groupNumber
            ? html`<dt>Group</dt>
                <dd>${member.groupNumber}</dd>`
            : nothing
        }
        <dt>Payer</dt>
        <dd>${summary.payer.name}</dd>
        <dt>Primary care provider</dt>
        <dd>
          ${
            summary.primaryCareProvider
              ? `${summary.primaryCareProvider.name}${summary.primaryCareProvider.npi ? ` (NPI ${summary.primaryCareProvider.npi})` : ''}`
              : 'None on file'
          }
        </dd>
        <dt>Date of service</dt>
        <dd>${dayText(result.dateOfService)}</dd>
      </dl>
      <p class="muted">
        The payer's data as of
        ${new Date(result.asOf).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })} (it
        refreshes three times a day).
      </p>
      ${
        summary.messages.length > 0
          ? html`<ul class="messages">
              ${summary.messages.map((m) => html`<li>${m}</li>`)}
            </ul>`
          : nothing
      }
    </section>
    ${
      summary.benefits.length === 0
        ? html`<p class="state" part="state">The payer sent no benefits for these service types.</p>`
        : html`<div class="scroll">
            <table part="benefits">
              <caption>
                Benefits by service type and network (individual figures; family deductible below)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Service type</th>
                  <th scope="col">Coverage</th>
                  <th scope="col">Network</th>
                  <th scope="col">Deductible</th>
                  <th scope="col">Out-of-pocket</th>
                  <th scope="col">Co-pay</th>
                  <th scope="col">Co-insurance</th>
                  <th scope="col">Prior authorization</th>
                </tr>
              </thead>
              <tbody>
                ${summary.benefits.map(benefitRows)}
              </tbody>
            </table>
          </div>`
    }
    <details part="x12">
      <summary>The X12 exchanged (control number ${result.controlNumber})</summary>
      <p>Sent (270)</p>
      <pre>${result.x12.request}</pre>
      <p>Received (271)</p>
      <pre>${result.x12.response}</pre>
    </details>`;
}

/** Today's checks at the user's sites, newest first; answered ones can be opened again. */
export function historyView(checks: readonly CheckSummary[], open: (checkId: string) => void, busy: boolean) {
  if (checks.length === 0) return html`<p class="state" part="state">No checks yet today.</p>`;
  return html`<ul part="history" class="history">
    ${checks.map(
      (check) =>
        html`<li>
          <span>
            <strong>${check.member.firstName} ${check.member.lastName}</strong> · ${check.member.memberId} ·
            ${new Date(check.checkedAt).toLocaleTimeString('en-US', { timeStyle: 'short' })} ·
            ${check.checkedBy} · ${check.siteName}
          </span>
          <span class="outcome ${check.outcome.toLowerCase()}">${OUTCOME_TEXT[check.outcome]}</span>
          ${check.problem ? html`<span class="muted">${check.problem}</span>` : nothing}
          ${
            check.hasResult
              ? html`<button
                  class="secondary"
                  part="open"
                  ?disabled=${busy}
                  aria-label=${`Show the check of ${check.member.firstName} ${check.member.lastName} again`}
                  @click=${() => open(check.checkId)}
                >
                  Show
                </button>`
              : nothing
          }
        </li>`,
    )}
  </ul>`;
}
