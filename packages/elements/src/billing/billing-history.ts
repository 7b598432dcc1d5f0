import {
  formatCents,
  formatInstantDate,
  formatPlainDate,
  type BillingHistory,
  type Plan,
  type PlanCode,
} from '@portico/core';
import { html, nothing } from 'lit';
import { brandNames } from './card-names.ts';

/**
 * The billing history: the open balance with Pay balance (when the caller may pay), the invoices with their PDF,
 * and the payments, declined ones with the reason.
 */
export function billingHistory(
  history: BillingHistory,
  plans: readonly Plan[],
  actions: { canPay: boolean; busy: boolean; pay: () => void; download: (invoiceId: string) => void },
) {
  const planNames = (codes: readonly PlanCode[]) =>
    codes.map((code) => plans.find((plan) => plan.code === code)?.name ?? code).join(', ');
  return html`<section part="history" aria-labelledby="history">
    <h3 id="history">Billing history</h3>
    <p class="balance" part="balance">
      Open balance: <strong>${formatCents(history.openBalanceCents)}</strong>
      ${
        actions.canPay && history.openBalanceCents > 0
          ? html`<button part="pay" ?disabled=${actions.busy} @click=${actions.pay}>Pay balance</button>`
          : nothing
      }
    </p>
    ${history.startsOn ? html`<p class="muted">Shown from ${formatPlainDate(history.startsOn)}.</p>` : nothing}
    <h4>Invoices</h4>
    ${
      history.invoices.length === 0
        ? html`<p class="state" part="state">
            No invoices yet. Invoices are issued monthly, after each month.
          </p>`
        : html`<table>
            <caption class="visually-hidden">
              Invoices
            </caption>
            <thead>
              <tr>
                <th scope="col">Invoice</th>
                <th scope="col">Service period</th>
                <th scope="col">Plans</th>
                <th scope="col">Amount</th>
                <th scope="col">Status</th>
                <th scope="col"><span class="visually-hidden">Download</span></th>
              </tr>
            </thead>
            <tbody>
              ${history.invoices.map(
                (invoice) =>
                  html`<tr>
                    <th scope="row">${invoice.number}</th>
                    <td>${formatPlainDate(invoice.firstDay)} – ${formatPlainDate(invoice.lastDay)}</td>
                    <td>${planNames(invoice.planCodes)}</td>
                    <td>${formatCents(invoice.amountCents)}</td>
                    <td>${invoice.status === 'PAID' ? 'Paid' : 'Open'}</td>
                    <td>
                      <button
                        class="secondary"
                        aria-label="Download PDF of invoice ${invoice.number}"
                        @click=${() => actions.download(invoice.id)}
                      >
                        Download PDF
                      </button>
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    <h4>Payments</h4>
    ${
      history.payments.length === 0
        ? html`<p class="state" part="state">No payments yet.</p>`
        : html`<table>
            <caption class="visually-hidden">
              Payments
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Amount</th>
                <th scope="col">Card</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              ${history.payments.map(
                (payment) =>
                  html`<tr>
                    <td>${formatInstantDate(payment.at)}</td>
                    <td>${formatCents(payment.amountCents)}</td>
                    <td>
                      ${payment.cardLast4 ? `${brandNames[payment.cardBrand ?? 'OTHER']} ending ${payment.cardLast4}` : '—'}
                    </td>
                    <td>
                      ${payment.status === 'SUCCEEDED' ? 'Paid' : `Declined: ${payment.failure ?? 'the card was declined.'}`}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}
