import { PorticoError, type Payment } from '@portico/core';
import type { OrgScope } from '../tenancy/org-scope.ts';
import type { PaymentGateway } from '../services/payment-gateway.ts';
import { chargeableCards, findPayment } from './store.ts';

export interface PayRequest {
  /** One key per attempt, chosen by the caller (Pay balance) or derived from the invoice (autopay). */
  idempotencyKey: string;
  /** Only these invoices (autopay of one invoice); all open invoices when absent (Pay balance). */
  invoiceIds?: readonly string[];
  actorUserId: string | null;
  now: Date;
}

export type PayResult =
  { kind: 'paid'; payment: Payment; replayed: boolean } | { kind: 'nothing-due' } | { kind: 'no-card' };

/**
 * Charges open invoices: the primary card, then the backup card on a decline (docs/domain.md). Serialised per office;
 * a request whose key was seen before returns the first payment and charges nothing. Each card's charge carries
 * `<key>:<card id>` to the gateway, so a retry after a crash (charged at the gateway, not yet committed here)
 * gets the gateway's first outcome back rather than a second charge. A payment declined on every card is recorded
 * as FAILED; its invoices stay open.
 */
export async function payInvoices(
  scope: OrgScope,
  gateway: PaymentGateway,
  request: PayRequest,
): Promise<PayResult> {
  await scope.lock('billing');
  const seen = await scope
    .selectFrom('payments')
    .select('id')
    .where('idempotency_key', '=', request.idempotencyKey)
    .executeTakeFirst();
  if (seen) return { kind: 'paid', payment: await findPayment(scope, seen.id), replayed: true };

  let open = scope
    .selectFrom('invoices')
    .select(['id', 'amount_cents', 'number'])
    .where('paid_by_payment_id', 'is', null);
  if (request.invoiceIds) {
    if (request.invoiceIds.length === 0) return { kind: 'nothing-due' };
    open = open.where('id', 'in', request.invoiceIds);
  }
  const invoices = await open.orderBy('number').execute();
  const amountCents = invoices.reduce((sum, invoice) => sum + invoice.amount_cents, 0);
  if (amountCents === 0) return { kind: 'nothing-due' };
  const cards = await chargeableCards(scope);
  if (cards.length === 0) return { kind: 'no-card' };

  let charged: { card: (typeof cards)[number]; chargeId: string } | null = null;
  let last: { card: (typeof cards)[number]; chargeId: string; reason: string } | null = null;
  for (const card of cards) {
    const outcome = await gateway.charge({
      token: card.gateway_token,
      amountCents,
      idempotencyKey: `${request.idempotencyKey}:${card.id}`,
      description: `Portico invoices ${invoices.map((invoice) => invoice.number).join(', ')}`,
    });
    if (outcome.status === 'SUCCEEDED') {
      charged = { card, chargeId: outcome.chargeId };
      break;
    }
    last = { card, chargeId: outcome.chargeId, reason: outcome.reason };
  }
  const used = charged ?? last;
  if (!used) throw new Error('no card was tried');
  const inserted = await scope
    .insertInto('payments', {
      idempotency_key: request.idempotencyKey,
      amount_cents: amountCents,
      status: charged ? 'SUCCEEDED' : 'FAILED',
      payment_method_id: used.card.id,
      card_brand: used.card.brand,
      card_last4: used.card.last4,
      gateway_charge_id: used.chargeId,
      failure: charged ? null : (last?.reason ?? null),
      invoice_ids: invoices.map((invoice) => invoice.id),
      actor_user_id: request.actorUserId,
      created_at: request.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (charged) {
    await scope
      .updateTable('invoices')
      .set({ paid_by_payment_id: inserted.id })
      .where(
        'id',
        'in',
        invoices.map((invoice) => invoice.id),
      )
      .execute();
  }
  return { kind: 'paid', payment: await findPayment(scope, inserted.id), replayed: false };
}

/** Pay balance from the storefront: the whole open balance, with a clear error when there is nothing to charge. */
export async function payBalance(
  scope: OrgScope,
  gateway: PaymentGateway,
  request: PayRequest,
): Promise<PayResult & { kind: 'paid' }> {
  const result = await payInvoices(scope, gateway, request);
  if (result.kind === 'nothing-due') {
    throw new PorticoError('CONFLICT', 'There is no open balance to pay.');
  }
  if (result.kind === 'no-card') {
    throw new PorticoError('CONFLICT', 'Add a card and make it primary before paying the balance.');
  }
  return result;
}
