import { sql } from 'kysely';
import type { OrgScope } from '../tenancy/org-scope.ts';

/** What the office owes: the sum of its unpaid invoices, in cents. */
export async function openBalanceCents(scope: OrgScope): Promise<number> {
  const row = await scope
    .selectFrom('invoices')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amount_cents'), sql<string>`0`).as('open'))
    .where('paid_by_payment_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.open);
}
