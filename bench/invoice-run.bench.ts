import { sql } from 'kysely';
import { PinnedClock } from '../packages/server/src/services/clock.ts';
import { openPostgres } from '../packages/server/src/db/connect.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { issueDueInvoices } from '../packages/server/src/billing/invoice-run.ts';
import { withDatabase } from './support.ts';

/**
 * The monthly invoice run on PostgreSQL: `offices` offices, September closed, October to bill, run on Nov 1.
 * The mix: 40% AllPayer Access, 20% Medicare, 20% AllPayer Advantage, 20% Access upgraded to Advantage on a day
 * of October (two invoices). The run's invoices are checked against an independent sum in SQL (the proration
 * rule written as one set-based statement); that statement's own time is the baseline.
 */
export async function benchInvoiceRun(serverUrl: string, offices: number): Promise<Record<string, string>> {
  return withDatabase(serverUrl, 'portico_bench_invoices', async (url) => {
    const handle = openPostgres(url, 10);
    try {
      const { db } = handle;
      await migrateToLatest(db);
      await sql`
        insert into organizations (external_id, name, kind)
        select 'bench-office-' || n, 'Bench office ' || n, 'office' from generate_series(1, ${offices}) n`.execute(
        db,
      );
      // Every office: its plan since Sep 1; the last fifth upgrades from Access to Advantage on day 1 + n % 31.
      await sql`
        with o as (select id, row_number() over (order by external_id) as n from organizations where kind = 'office')
        insert into subscriptions (organization_id, plan_code, monthly_price_cents, started_on, billable_from,
                                   list_complete_on, ends_on, end_reason)
        select id,
               case when n % 5 in (0, 1, 4) then 'ALLPAYER_ACCESS' when n % 5 = 2 then 'MEDICARE' else 'ALLPAYER_ADVANTAGE' end,
               case when n % 5 in (0, 1, 4) then 2995 when n % 5 = 2 then 1995 else 3995 end,
               date '2026-09-01', date '2026-09-01', date '2026-09-01',
               case when n % 5 = 4 then date '2026-10-01' + (n % 31)::int - 1 end,
               case when n % 5 = 4 then 'UPGRADED' end
        from o`.execute(db);
      await sql`
        with o as (select id, row_number() over (order by external_id) as n from organizations where kind = 'office')
        insert into subscriptions (organization_id, plan_code, monthly_price_cents, started_on, billable_from,
                                   list_complete_on)
        select id, 'ALLPAYER_ADVANTAGE', 3995, date '2026-10-01' + (n % 31)::int, date '2026-10-01' + (n % 31)::int,
               date '2026-10-01' + (n % 31)::int
        from o where n % 5 = 4`.execute(db);
      await sql`
        insert into billing_months (organization_id, month, closed_at)
        select id, date '2026-09-01', now() from organizations where kind = 'office'`.execute(db);
      await sql`analyze`.execute(db);

      // The baseline and the check: October's invoices per subscription, by the rule, in one statement.
      const baselineStarted = performance.now();
      const expected = await sql<{ invoices: string; cents: string }>`
        with covered as (
          select monthly_price_cents as p,
                 (least(coalesce(ends_on, date '2026-10-31'), date '2026-10-31')
                  - greatest(billable_from, date '2026-10-01') + 1) as d
          from subscriptions)
        select count(*) filter (where (2 * p * d + 31) / 62 > 0) as invoices,
               coalesce(sum((2 * p * d + 31) / 62), 0) as cents
        from covered where d > 0`.execute(db);
      const baselineSeconds = (performance.now() - baselineStarted) / 1000;

      const clock = new PinnedClock('2026-11-01T12:00:00Z');
      const started = performance.now();
      const result = await issueDueInvoices(db, { clock, concurrency: 8 });
      const seconds = (performance.now() - started) / 1000;
      const rerunStarted = performance.now();
      const rerun = await issueDueInvoices(db, { clock, concurrency: 8 });
      const rerunSeconds = (performance.now() - rerunStarted) / 1000;

      const stored = await sql<{ invoices: string; cents: string }>`
        select count(*) as invoices, coalesce(sum(amount_cents), 0) as cents from invoices`.execute(db);
      const want = expected.rows[0];
      const got = stored.rows[0];
      const matches =
        want !== undefined && got !== undefined && want.invoices === got.invoices && want.cents === got.cents;
      if (!matches)
        throw new Error(`invoice totals differ: run ${JSON.stringify(got)}, SQL ${JSON.stringify(want)}`);
      return {
        offices: offices.toLocaleString('en-US'),
        'invoices issued': `${result.invoices.toLocaleString('en-US')} (${Number(got?.cents ?? 0).toLocaleString('en-US')} cents)`,
        'check against the SQL sum': 'equal (count and cents)',
        'invoice run': `${seconds.toFixed(2)} s, ${Math.round(offices / seconds).toLocaleString('en-US')} offices/s`,
        'second run (nothing due)': `${rerunSeconds.toFixed(2)} s, ${rerun.invoices} invoices`,
        'baseline: one set-based SQL statement': `${baselineSeconds.toFixed(3)} s`,
        'ratio (run / baseline)': `${(seconds / baselineSeconds).toFixed(0)}×`,
      };
    } finally {
      await handle.close();
    }
  });
}
