import { randomUUID } from 'node:crypto';
import { firstOfMonth, monthInvoiceSpans, plainDateInZone } from '@portico/core';
import { sql, type Kysely } from 'kysely';
import { AuditTrail } from '../audit/audit-trail.ts';
import type { Clock } from '../services/clock.ts';
import type { Database } from '../db/database.ts';
import { publishEvent } from '../services/event-bus.ts';
import { OrgScope } from '../tenancy/org-scope.ts';
import { payInvoices } from './charges.ts';
import type { PaymentGateway } from '../services/payment-gateway.ts';

/** How far back a first run (or one after a long outage) bills months it never closed. */
export const CATCH_UP_MONTHS = 24;

export interface InvoiceRunResult {
  offices: number;
  invoices: number;
  amountCents: number;
}

/**
 * Bills one office's past months that are not closed yet, each by `monthInvoiceSpans`, and closes them, in one
 * transaction. Safe to run twice and from several instances at once: the office's advisory lock lets one run at
 * a time (a second instance skips the office), a closed month is never billed again, and (office, first day) is
 * unique on invoices.
 */
export async function invoiceOffice(
  db: Kysely<Database>,
  office: { id: string; timeZone: string },
  now: Date,
  runId: string,
): Promise<{ invoices: number; amountCents: number }> {
  const organizationId = office.id;
  return db.transaction().execute(async (trx) => {
    const scope = OrgScope.ofOrganization(trx, organizationId);
    if (!(await scope.tryLock('invoice-run'))) return { invoices: 0, amountCents: 0 };
    const today = plainDateInZone(now, office.timeZone);
    const lastMonth = firstOfMonth(today, -1);
    const subscriptions = await scope
      .selectFrom('subscriptions')
      .select(['plan_code', 'monthly_price_cents', 'billable_from', 'ends_on'])
      .where('billable_from', 'is not', null)
      .execute();
    const firstBillable = subscriptions.reduce<string | null>(
      (min, s) =>
        s.billable_from !== null && (min === null || s.billable_from < min) ? s.billable_from : min,
      null,
    );
    if (firstBillable === null) return { invoices: 0, amountCents: 0 };
    const closed = new Set(
      (
        await scope
          .selectFrom('billing_months')
          .select('month')
          .where('month', '>=', firstOfMonth(lastMonth, -CATCH_UP_MONTHS))
          .execute()
      ).map((row) => row.month),
    );
    const bills = subscriptions.map((s) => ({
      planCode: s.plan_code,
      monthlyPriceCents: s.monthly_price_cents,
      billableFrom: s.billable_from,
      endsOn: s.ends_on,
    }));
    const audit = new AuditTrail(scope, null, `invoice-run:${runId}`, { now: () => now });
    let invoices = 0;
    let amountCents = 0;
    const earliest = firstOfMonth(lastMonth, -(CATCH_UP_MONTHS - 1));
    let month = firstOfMonth(firstBillable) > earliest ? firstOfMonth(firstBillable) : earliest;
    for (; month <= lastMonth; month = firstOfMonth(month, 1)) {
      if (closed.has(month)) continue;
      const spans = monthInvoiceSpans(bills, month);
      if (spans.length > 0) {
        const inserted = await scope
          .insertInto(
            'invoices',
            spans.map((span) => ({
              month,
              first_day: span.firstDay,
              last_day: span.lastDay,
              plan_codes: span.planCodes,
              monthly_rate_cents: span.monthlyRateCents,
              amount_cents: span.amountCents,
              issued_on: today,
            })),
          )
          .onConflict((conflict) => conflict.columns(['organization_id', 'first_day']).doNothing())
          .returning(['id', 'amount_cents'])
          .execute();
        await audit.recordMany(
          inserted.map((row) => ({ action: 'invoice.issue', entity: 'invoice', entityId: row.id })),
        );
        invoices += inserted.length;
        amountCents += inserted.reduce((sum, row) => sum + row.amount_cents, 0);
      }
      await scope
        .insertInto('billing_months', { month, closed_at: now })
        .onConflict((conflict) => conflict.columns(['organization_id', 'month']).doNothing())
        .execute();
    }
    if (invoices > 0) {
      await publishEvent(scope, {
        topic: 'billing.changed',
        entityId: organizationId,
        at: now.toISOString(),
      });
    }
    return { invoices, amountCents };
  });
}

/**
 * The monthly invoice run over every office that has a billable subscription and has not closed its last month
 * (in its own time zone), `concurrency` offices at a time, each in its own transaction.
 */
export async function issueDueInvoices(
  db: Kysely<Database>,
  options: { clock: Clock; concurrency?: number },
): Promise<InvoiceRunResult> {
  const now = options.clock.now();
  const runId = randomUUID();
  const due = await sql<{ id: string; time_zone: string }>`
    select o.id, o.time_zone from organizations o
    where o.kind = 'office'
      and exists (select 1 from subscriptions s where s.organization_id = o.id and s.billable_from is not null
                  and s.billable_from < date_trunc('month', (${now}::timestamptz at time zone o.time_zone))::date)
      and not exists (select 1 from billing_months b where b.organization_id = o.id
                  and b.month = (date_trunc('month', (${now}::timestamptz at time zone o.time_zone)) - interval '1 month')::date)
    order by o.id`.execute(db);
  const result: InvoiceRunResult = { offices: 0, invoices: 0, amountCents: 0 };
  let next = 0;
  const worker = async () => {
    for (let row = due.rows[next++]; row !== undefined; row = due.rows[next++]) {
      const billed = await invoiceOffice(db, { id: row.id, timeZone: row.time_zone }, now, runId);
      result.offices += 1;
      result.invoices += billed.invoices;
      result.amountCents += billed.amountCents;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return result;
}

/**
 * Autopay: charges each open invoice that autopay has not tried yet, once, keyed `autopay:<invoice id>`, to the
 * primary card and then the backup. A declined invoice stays open for Pay balance; autopay does not retry it.
 */
export async function collectAutopay(
  db: Kysely<Database>,
  gateway: PaymentGateway,
  options: { clock: Clock },
): Promise<{ attempted: number; succeeded: number }> {
  const now = options.clock.now();
  const pending = await sql<{ organization_id: string; id: string }>`
    select i.organization_id, i.id from invoices i
    where i.paid_by_payment_id is null
      and exists (select 1 from payment_methods m where m.organization_id = i.organization_id
                  and m.role is not null and m.removed_at is null)
      and not exists (select 1 from payments p where p.organization_id = i.organization_id
                      and p.idempotency_key = 'autopay:' || i.id::text)
    order by i.organization_id, i.number`.execute(db);
  let attempted = 0;
  let succeeded = 0;
  for (const invoice of pending.rows) {
    const result = await db.transaction().execute(async (trx) => {
      const scope = OrgScope.ofOrganization(trx, invoice.organization_id);
      const paid = await payInvoices(scope, gateway, {
        idempotencyKey: `autopay:${invoice.id}`,
        invoiceIds: [invoice.id],
        actorUserId: null,
        now,
      });
      if (paid.kind === 'paid' && !paid.replayed) {
        await new AuditTrail(scope, null, `autopay:${invoice.id}`, { now: () => now }).record({
          action: 'payment.autopay',
          entity: 'payment',
          entityId: paid.payment.id,
        });
      }
      return paid;
    });
    if (result.kind === 'paid' && !result.replayed) {
      attempted += 1;
      if (result.payment.status === 'SUCCEEDED') succeeded += 1;
    }
  }
  return { attempted, succeeded };
}
