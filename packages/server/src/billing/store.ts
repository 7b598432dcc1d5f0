import {
  isCardExpired,
  PorticoError,
  type BillingHistory,
  type Invoice,
  type Payment,
  type PaymentMethod,
  type PaymentMethodRole,
} from '@portico/core';
import { sql } from 'kysely';
import type { OrgScope } from '../tenancy/org-scope.ts';
import { openBalanceCents } from './balance.ts';
import type { CardDetails, PaymentGateway } from '../services/payment-gateway.ts';

/** The invoice number people read: `INV-000123`. */
export function invoiceNumber(number: string | number | bigint): string {
  return `INV-${String(number).padStart(6, '0')}`;
}

function liveCards(scope: OrgScope) {
  return scope
    .selectFrom('payment_methods')
    .select([
      'id',
      'gateway_token',
      'brand',
      'last4',
      'exp_month',
      'exp_year',
      'holder_name',
      'role',
      'created_at',
    ])
    .where('removed_at', 'is', null);
}

/** The office's cards on file, primary first, then backup, then the rest by age. */
export async function listPaymentMethods(scope: OrgScope, today: string): Promise<PaymentMethod[]> {
  const rows = await liveCards(scope)
    .orderBy(sql`case role when 'PRIMARY' then 0 when 'BACKUP' then 1 else 2 end`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    brand: row.brand,
    last4: row.last4,
    expMonth: row.exp_month,
    expYear: row.exp_year,
    holderName: row.holder_name,
    role: row.role,
    expired: isCardExpired(row.exp_month, row.exp_year, today),
  }));
}

/** Cards to charge, in order: the primary, then the backup (docs/domain.md). */
export async function chargeableCards(scope: OrgScope) {
  const rows = await liveCards(scope).where('role', 'is not', null).execute();
  return ['PRIMARY', 'BACKUP'].flatMap((role) => rows.filter((row) => row.role === role));
}

/** Gives `role` to one card; the card that held it takes this card's old role (a swap), or none. */
async function assignRole(
  scope: OrgScope,
  id: string,
  role: PaymentMethodRole | null,
  previous: PaymentMethodRole | null,
) {
  if (role === previous) return;
  await scope.updateTable('payment_methods').set({ role: null }).where('id', '=', id).execute();
  if (role !== null) {
    await scope
      .updateTable('payment_methods')
      .set({ role: previous })
      .where('role', '=', role)
      .where('removed_at', 'is', null)
      .execute();
    await scope.updateTable('payment_methods').set({ role }).where('id', '=', id).execute();
  }
}

/**
 * Adds a card: the gateway tokenizes it (the number and CVC go nowhere else), and we keep the token, brand, last
 * four digits and expiry. The office's first card is primary whatever was asked.
 */
export async function addPaymentMethod(
  scope: OrgScope,
  gateway: PaymentGateway,
  card: CardDetails,
  requestedRole: PaymentMethodRole | null,
  today: string,
  onRollback: (undo: () => Promise<void>) => void,
): Promise<string> {
  if (isCardExpired(card.expMonth, card.expYear, today)) {
    throw new PorticoError(
      'CARD_EXPIRED',
      'This card has expired. Check the expiry date or use another card.',
      {
        fieldPath: 'card.expYear',
      },
    );
  }
  await scope.lock('billing');
  const tokenized = await gateway.tokenizeCard(card);
  // The token is the gateway's: if this card is not stored after all, the gateway forgets it too.
  onRollback(() => gateway.detachCard(tokenized.token));
  const existing = await liveCards(scope).select('id').execute();
  const role = existing.length === 0 ? 'PRIMARY' : requestedRole;
  const inserted = await scope
    .insertInto('payment_methods', {
      gateway_token: tokenized.token,
      brand: tokenized.brand,
      last4: tokenized.last4,
      exp_month: tokenized.expMonth,
      exp_year: tokenized.expYear,
      holder_name: card.holderName,
      role: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await assignRole(scope, inserted.id, role, null);
  return inserted.id;
}

async function findCard(scope: OrgScope, id: string) {
  const card = await liveCards(scope).where('id', '=', id).executeTakeFirst();
  if (!card)
    throw new PorticoError('NOT_FOUND', 'This office has no such card on file.', { fieldPath: 'id' });
  return card;
}

/** Makes a card primary or backup, or neither. The primary card stays until another card takes its place. */
export async function setPaymentMethodRole(
  scope: OrgScope,
  id: string,
  role: PaymentMethodRole | null,
): Promise<void> {
  await scope.lock('billing');
  const card = await findCard(scope, id);
  if (card.role === 'PRIMARY' && role !== 'PRIMARY') {
    throw new PorticoError('CONFLICT', 'Make another card primary first; autopay needs a primary card.', {
      fieldPath: 'role',
    });
  }
  await assignRole(scope, id, role, card.role);
}

/**
 * Removes a card. The only card of an office with an open balance stays. When the primary goes, the backup
 * (or else the oldest other card) becomes primary.
 */
export async function removePaymentMethod(scope: OrgScope, id: string, now: Date): Promise<void> {
  await scope.lock('billing');
  const card = await findCard(scope, id);
  const others = await liveCards(scope).where('id', '<>', id).orderBy('created_at').orderBy('id').execute();
  if (others.length === 0 && (await openBalanceCents(scope)) > 0) {
    throw new PorticoError(
      'CONFLICT',
      'This is the only card on file and the office has an open balance. Pay the balance or add another card first.',
      { fieldPath: 'id' },
    );
  }
  await scope
    .updateTable('payment_methods')
    .set({ role: null, removed_at: now })
    .where('id', '=', id)
    .execute();
  if (card.role === 'PRIMARY') {
    const successor = others.find((other) => other.role === 'BACKUP') ?? others[0];
    if (successor) await assignRole(scope, successor.id, 'PRIMARY', successor.role);
  }
}

function invoiceRows(scope: OrgScope) {
  return scope
    .selectFrom('invoices')
    .select([
      'id',
      sql<string>`number::text`.as('number'),
      'first_day',
      'last_day',
      'plan_codes',
      'monthly_rate_cents',
      'amount_cents',
      'issued_on',
      'paid_by_payment_id',
    ]);
}
type InvoiceRow = Awaited<ReturnType<ReturnType<typeof invoiceRows>['executeTakeFirstOrThrow']>>;

function toInvoice(row: InvoiceRow): Invoice {
  return {
    id: row.id,
    number: invoiceNumber(row.number),
    firstDay: row.first_day,
    lastDay: row.last_day,
    planCodes: row.plan_codes,
    monthlyRateCents: row.monthly_rate_cents,
    amountCents: row.amount_cents,
    issuedOn: row.issued_on,
    status: row.paid_by_payment_id === null ? 'OPEN' : 'PAID',
  };
}

export async function findInvoice(scope: OrgScope, id: string): Promise<Invoice> {
  const row = await invoiceRows(scope).where('id', '=', id).executeTakeFirst();
  if (!row)
    throw new PorticoError('NOT_FOUND', 'This office has no such invoice.', { fieldPath: 'invoiceId' });
  return toInvoice(row);
}

export async function findPayment(scope: OrgScope, id: string): Promise<Payment> {
  const [payment] = await paymentsWhere(scope, (query) => query.where('payments.id', '=', id));
  if (!payment) throw new Error('payment vanished inside its own transaction');
  return payment;
}

async function paymentsWhere(
  scope: OrgScope,
  narrow: (query: ReturnType<typeof paymentRows>) => ReturnType<typeof paymentRows>,
): Promise<Payment[]> {
  const rows = await narrow(paymentRows(scope)).execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.created_at.toISOString(),
    amountCents: row.amount_cents,
    status: row.status,
    cardBrand: row.card_brand,
    cardLast4: row.card_last4,
    failure: row.failure,
    invoiceNumbers: (row.invoice_numbers ?? []).map(invoiceNumber),
  }));
}

function paymentRows(scope: OrgScope) {
  return scope.selectFrom('payments').select([
    'payments.id',
    'payments.created_at',
    'payments.amount_cents',
    'payments.status',
    'payments.card_brand',
    'payments.card_last4',
    'payments.failure',
    sql<string[] | null>`(select array_agg(i.number::text order by i.number) from invoices i
        where i.organization_id = payments.organization_id and i.id = any(payments.invoice_ids))`.as(
      'invoice_numbers',
    ),
  ]);
}

/**
 * Invoices and payments from the office's storefront history start date (docs/domain.md), newest first; the date is a
 * day in the office's `timeZone`. The open balance counts every unpaid invoice, shown or not: a migration hides
 * history, not debt.
 */
export async function billingHistory(scope: OrgScope, timeZone: string): Promise<BillingHistory> {
  const account = await scope.selectFrom('billing_accounts').select('history_starts_on').executeTakeFirst();
  const startsOn = account?.history_starts_on ?? null;
  // (office, first day) is unique, so the first day alone orders an office's invoices.
  let invoices = invoiceRows(scope).orderBy('first_day', 'desc');
  if (startsOn !== null) invoices = invoices.where('issued_on', '>=', startsOn);
  const payments = await paymentsWhere(scope, (query) => {
    const ordered = query.orderBy('payments.created_at', 'desc').orderBy('payments.id');
    return startsOn === null
      ? ordered
      : // The start date is a day in the office's time zone: payments from its midnight there on.
        ordered.where(
          'payments.created_at',
          '>=',
          sql<Date>`(${startsOn}::date::timestamp at time zone ${timeZone})`,
        );
  });
  return {
    startsOn,
    invoices: (await invoices.execute()).map(toInvoice),
    payments,
    openBalanceCents: await openBalanceCents(scope),
  };
}

/** Staff: sets the office's storefront history start date. */
export async function setHistoryStart(scope: OrgScope, startsOn: string | null): Promise<void> {
  await scope
    .insertInto('billing_accounts', { history_starts_on: startsOn })
    .onConflict((conflict) =>
      conflict.column('organization_id').doUpdateSet({ history_starts_on: startsOn, updated_at: sql`now()` }),
    )
    .execute();
}
