import { sql } from 'kysely';
import { auditPage } from '../packages/server/src/audit-log/store.ts';
import { OrgScope } from '../packages/server/src/tenancy/org-scope.ts';
import { runAccessLifecycle } from '../packages/server/src/users/jobs.ts';
import { listMembers } from '../packages/server/src/users/store.ts';
import { BENCH_ISSUER, latency as timed, ms, withBenchApp } from './support.ts';

const SAMPLES = 200;
const measured = (run: () => Promise<unknown>) => timed(run, SAMPLES, 10);
const count = (n: number) => n.toLocaleString('en-US');

/**
 * User administration on PostgreSQL (issue 22): an office of `officeUsers` users among `offices` offices, and an
 * audit trail growing from a tenth of `auditRows` to all of it. Measured at the store, in one transaction as a
 * request runs them: pages of the office's user list (first, deep, searched) and one audit page (one user, one
 * month, 50 rows), against an empty transaction and the audit page's own SQL sent bare through the same pool. Then the access lifecycle job's pass
 * over `lifecycleUsers` memberships, with about one in twenty due for a step.
 */
export async function benchUsers(
  serverUrl: string,
  offices: number,
  officeUsers: number,
  auditRows: number,
  lifecycleUsers: number,
): Promise<Record<string, string>> {
  return withBenchApp(serverUrl, 'portico_bench_users', async ({ database, clock }) => {
    const results: Record<string, string> = {};
    const { db } = database;
    const seeded = performance.now();
    await sql`insert into organizations (external_id, name, kind)
      select 'bench-office-' || o, 'Bench Office ' || o, 'office' from generate_series(1, ${offices}) o`.execute(
      db,
    );
    const big = await db
      .selectFrom('organizations')
      .select('id')
      .where('external_id', '=', 'bench-office-1')
      .executeTakeFirstOrThrow();
    await sql`insert into sites (organization_id, name) select ${big.id}::uuid, 'Site ' || s from generate_series(1, 20) s`.execute(
      db,
    );
    await sql`insert into users (issuer, subject, display_name, email, last_seen_at)
      select ${BENCH_ISSUER}, 'big-' || u, 'User ' || lpad(u::text, 5, '0'), 'user' || u || '@big.example',
             ${clock.now()}::timestamptz - (u % 20) * interval '1 day'
      from generate_series(1, ${officeUsers}) u`.execute(db);
    await sql`insert into memberships (organization_id, user_id, roles, access_renewed_at)
      select ${big.id}::uuid, id, array['OFFICE_USER'], ${clock.now()}::timestamptz - interval '10 days'
      from users where subject like 'big-%'`.execute(db);
    await sql`insert into membership_sites (organization_id, user_id, site_id)
      select m.organization_id, m.user_id, s.id from memberships m
      join lateral (select id from sites where organization_id = m.organization_id order by random() limit 2) s on true
      where m.organization_id = ${big.id}::uuid`.execute(db);
    const actors = (
      await db.selectFrom('users').select('id').where('subject', 'like', 'big-%').execute()
    ).map((r) => r.id);
    const actor = actors[0] ?? '';

    // Audit rows over the last year: a tenth in the big office, spread over its users; the rest over every office.
    const addAudit = async (rows: number) => {
      await sql`insert into audit_log (organization_id, at, actor_user_id, action, entity, entity_id, request_id)
        select case when n % 10 = 0 then ${big.id}::uuid else o.ids[1 + (n % ${offices})] end,
               ${clock.now()}::timestamptz - (random() * 365) * interval '1 day',
               case when n % 10 = 0 then u.ids[1 + (n / 10) % ${officeUsers}] else null end,
               (array['provider.read', 'provider.update', 'access.renew', 'subscription.create'])[1 + n % 4],
               'provider', 'p-' || n, 'r-' || n
        from generate_series(1, ${rows}) n,
             (select array_agg(id) ids from organizations where kind = 'office') o,
             (select array_agg(id order by id) ids from users where subject like 'big-%') u`.execute(db);
      // As after autovacuum: statistics and the visibility map current.
      await sql`vacuum analyze`.execute(db);
    };
    const inBig = <T>(work: (scope: OrgScope) => Promise<T>) =>
      db.transaction().execute((trx) => work(OrgScope.ofOrganization(trx, big.id)));
    const from = '2026-10-01';
    const to = '2026-10-31';
    const bare = () =>
      sql`select a.id, a.at, a.actor_user_id, u.display_name, a.action, a.entity, a.entity_id, a.request_id
        from audit_log a left join users u on u.id = a.actor_user_id
        where a.organization_id = ${big.id}::uuid and a.actor_user_id = ${actor}::uuid
          and a.at >= ('2026-10-01'::date)::timestamp at time zone 'America/New_York'
          and a.at < ('2026-11-01'::date)::timestamp at time zone 'America/New_York'
        order by a.at desc, a.id desc limit 51`.execute(db);
    const empty = await measured(() => db.transaction().execute((trx) => sql`select 1`.execute(trx)));
    results['baseline: an empty transaction (BEGIN, select 1, COMMIT)'] = ms(empty);
    const measure = async () => {
      const total = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const prefix = `${count(Number(total.n))} audit rows`;
      const list = await measured(() => inBig((scope) => listMembers(scope, { limit: 51 })));
      const deep = await measured(() =>
        inBig((scope) =>
          listMembers(scope, { limit: 51, after: { displayName: 'User 04000', userId: actor } }),
        ),
      );
      const found = await measured(() =>
        inBig((scope) => listMembers(scope, { limit: 51, search: 'user42' })),
      );
      const page = await measured(() =>
        inBig((scope) => auditPage(scope, { userId: actor, from, to }, { limit: 50 }, 'America/New_York')),
      );
      const raw = await measured(bare);
      results[`${prefix}: user list, first page (50 of ${count(officeUsers)}, with sites)`] = ms(list);
      results[`${prefix}: user list, a page from the 4,000th user`] = ms(deep);
      results[`${prefix}: user list, searched by email`] = ms(found);
      results[`${prefix}: audit page (one user, one month, 50 rows)`] = ms(page);
      results[`${prefix}: the same audit page's SQL, bare`] =
        `${ms(raw)} (Portico ${(page.p95 / raw.p95).toFixed(2)}x)`;
      return page.p95;
    };
    await addAudit(Math.round(auditRows / 10));
    const small = await measure();
    await addAudit(auditRows - Math.round(auditRows / 10));
    const large = await measure();
    results['audit page p95 at 10% → 100% of the rows'] =
      `${small.toFixed(2)} ms → ${large.toFixed(2)} ms (target: under 10 ms, flat)`;
    results['data set'] =
      `${count(offices)} offices, ${count(officeUsers)} users in one, made in ${((performance.now() - seeded) / 1000).toFixed(1)} s`;

    // The lifecycle pass: memberships over every office; renewals spread over 200 days, activity over 35.
    await sql`insert into users (issuer, subject, display_name, last_seen_at)
      select ${BENCH_ISSUER}, 'life-' || u, 'Member ' || u,
             ${clock.now()}::timestamptz - (case when u % 40 = 0 then 31 else u % 29 end) * interval '1 day'
      from generate_series(1, ${lifecycleUsers}) u`.execute(db);
    await sql`insert into memberships (organization_id, user_id, roles, access_renewed_at)
      select o.ids[1 + (n % ${offices})], u.id, array['OFFICE_USER'],
             ${clock.now()}::timestamptz - (case when n % 40 = 1 then 170 when n % 40 = 2 then 185 else n % 160 end)
               * interval '1 day'
      from (select id, row_number() over () n from users where subject like 'life-%') u,
           (select array_agg(id) ids from organizations where kind = 'office') o`.execute(db);
    await sql`vacuum analyze`.execute(db);
    const started = performance.now();
    const report = await runAccessLifecycle(db, { clock });
    const seconds = (performance.now() - started) / 1000;
    const members = lifecycleUsers + officeUsers;
    results[`lifecycle pass over ${count(members)} memberships`] =
      `${seconds.toFixed(1)} s, ${count(Math.round(members / seconds))} memberships/s; ${count(report.examined)} due a look, ${count(report.reminded)} reminded, ${count(report.terminated)} terminated, ${count(report.suspended)} suspended`;
    return results;
  });
}
