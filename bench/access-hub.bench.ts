import { execFileSync } from 'node:child_process';
import type { TaskQuery } from '@portico/core';
import { sql, type Kysely } from 'kysely';
import { dashboard } from '../packages/server/src/access-hub/dashboard.ts';
import { taskPage } from '../packages/server/src/access-hub/tasks.ts';
import type { Database } from '../packages/server/src/db/database.ts';
import { OrgScope } from '../packages/server/src/tenancy/org-scope.ts';
import { BENCH_ISSUER, latency as timed, ms, withBenchApp } from './support.ts';

const ISSUER = BENCH_ISSUER;
const PORTALS = 50;
const ISSUES_PER_OFFICE = 20;
const SAMPLES = 400;
const measured = (run: () => Promise<unknown>) => timed(run, SAMPLES);

/** Access issues and tasks for `offices` offices, made in SQL (the bench measures reads, not the writes). */
async function seedOffices(db: Kysely<Database>, offices: number): Promise<void> {
  await sql`
    insert into payer_portals (code, name, url, covered_payers)
    select 'portal-' || p, 'Portal ' || lpad(p::text, 2, '0'), 'https://portal-' || p || '.example/',
           array['Payer ' || p, 'Category ' || (p % 5)]
    from generate_series(1, ${PORTALS}) p`.execute(db);
  await sql`
    insert into organizations (external_id, name, kind)
    select 'bench-office-' || o, 'Bench Office ' || o, 'office' from generate_series(1, ${offices}) o`.execute(
    db,
  );
  await sql`
    insert into medical_groups (organization_id, name, created_at)
    select id, 'Group ' || g, now() - g * interval '1 day'
    from organizations, generate_series(1, 2) g where external_id like 'bench-%'`.execute(db);
  // Twenty issues per office over random portals: half need the practice, the rest are with the service or the payer.
  await sql`
    insert into access_issues (organization_id, portal_id, medical_group_id, blocks, status, description,
                               impact_count, impact_cents, created_at, updated_at)
    select o.id, portals.ids[1 + floor(random() * ${PORTALS})::int],
           case when i % 3 = 0 then null else (select g.id from medical_groups g
             where g.organization_id = o.id order by g.name limit 1) end,
           case when i % 2 = 0 then 'CLAIMS' else 'UNPOSTABLES' end,
           (array['NEEDS_YOUR_ATTENTION', 'NEEDS_YOUR_ATTENTION', 'WITH_SERVICE', 'WITH_PAYER'])[1 + i % 4],
           'Access issue ' || i, floor(random() * 50)::int, floor(random() * 5000000)::bigint,
           now() - random() * interval '90 days', now()
    from organizations o, generate_series(1, ${ISSUES_PER_OFFICE}) i,
         (select array_agg(id order by code) ids from payer_portals) portals
    where o.external_id like 'bench-office-%'`.execute(db);
}

/** Adds `perIssue` tasks to every issue of the bench offices (and `big` tasks to the big office). */
async function addTasks(db: Kysely<Database>, perIssue: number): Promise<void> {
  await sql`
    insert into access_tasks (organization_id, issue_id, portal_id, kind, assignee, description, medical_group_id,
                              created_at, updated_at)
    select i.organization_id, i.id, i.portal_id, i.blocks,
           case when random() < 0.7 then 'PRACTICE' else 'SERVICE' end,
           'Task ' || t || ' on ' || i.description, i.medical_group_id,
           i.created_at + random() * interval '30 days', now()
    from access_issues i join organizations o on o.id = i.organization_id,
         generate_series(1, ${perIssue}) t
    where o.external_id like 'bench-office-%'`.execute(db);
}

/** An office with `count` open practice tasks over 100 issues, and its billing manager, for the CSV export. */
async function addExportOffice(db: Kysely<Database>, externalId: string, count: number): Promise<string> {
  const office = await db
    .insertInto('organizations')
    .values({ external_id: externalId, name: `Export office ${externalId}`, kind: 'office' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({ issuer: ISSUER, subject: `${externalId}-manager`, display_name: 'Export Manager' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ organization_id: office.id, user_id: user.id, roles: ['BILLING_MANAGER'] })
    .execute();
  await sql`
    insert into access_issues (organization_id, portal_id, blocks, status, description, impact_count, impact_cents,
                               created_at, updated_at)
    select ${office.id}, portals.ids[1 + (i % ${PORTALS})], 'CLAIMS', 'NEEDS_YOUR_ATTENTION',
           'Big office issue ' || i, 10, 123456, now() - i * interval '1 hour', now()
    from generate_series(1, 100) i, (select array_agg(id order by code) ids from payer_portals) portals`.execute(
    db,
  );
  await sql`
    insert into access_tasks (organization_id, issue_id, portal_id, kind, assignee, description, created_at, updated_at)
    select i.organization_id, i.id, i.portal_id, 'CLAIMS', 'PRACTICE', 'Big office task ' || t || ', "quoted", with commas',
           i.created_at + t * interval '1 second', now()
    from access_issues i, generate_series(1, ${count / 100}) t
    where i.organization_id = ${office.id}`.execute(db);
  return office.id;
}

/**
 * The access hub on PostgreSQL with `offices` offices (20 issues each) and growing task tables: the dashboard
 * and Tasks-page queries for one office at 10% and 100% of `totalTasks`, through the store (one transaction, as a
 * request runs them) and through HTTP and the SDK; then the CSV export of 100,000 tasks against `psql \copy` of
 * the same query, with the server's peak memory while it streams.
 */
export async function benchAccessHub(
  serverUrl: string,
  offices: number,
  totalTasks: number,
  exportRows: number,
): Promise<Record<string, string>> {
  return withBenchApp(serverUrl, 'portico_bench_hub', async ({ url, database, serve }) => {
    const results: Record<string, string> = {};
    const { db } = database;
    const seeded = performance.now();
    await seedOffices(db, offices);
    const officeIds = (
      await db
        .selectFrom('organizations')
        .select('id')
        .where('external_id', 'like', 'bench-office-%')
        .execute()
    ).map((row) => row.id);
    const issues = offices * ISSUES_PER_OFFICE;
    const pick = () => officeIds[Math.floor(Math.random() * officeIds.length)] ?? '';
    const inScope = <T>(work: (scope: OrgScope) => Promise<T>) =>
      db.transaction().execute((trx) => work(OrgScope.ofOrganization(trx, pick())));
    const baseline = await measured(() => db.transaction().execute((trx) => sql`select 1`.execute(trx)));
    results['baseline: an empty transaction (BEGIN, select 1, COMMIT)'] = ms(baseline);

    const byPortal: TaskQuery & { limit: number } = { sort: 'portal', direction: 'asc', limit: 100 };
    const newest: TaskQuery & { limit: number } = { sort: 'createdAt', direction: 'desc', limit: 100 };
    const measure = async (label: string) => {
      // As after autovacuum: statistics and the visibility map current, and no vacuum running while we measure.
      await sql`vacuum analyze`.execute(db);
      const count = await db
        .selectFrom('access_tasks')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const prefix = `${Number(count.n).toLocaleString('en-US')} tasks (${label})`;
      const attention = await measured(() =>
        inScope((scope) => dashboard(scope, { needsAttentionOnly: true })),
      );
      const all = await measured(() => inScope((scope) => dashboard(scope, { needsAttentionOnly: false })));
      const first = await measured(() => inScope((scope) => taskPage(scope, newest)));
      const sorted = await measured(() => inScope((scope) => taskPage(scope, byPortal)));
      results[`${prefix}: dashboard, needs your attention`] = ms(attention);
      results[`${prefix}: dashboard, all open issues`] = ms(all);
      results[`${prefix}: tasks page (100, newest first, with total)`] = ms(first);
      results[`${prefix}: tasks page (100, by portal name, with total)`] = ms(sorted);
      return Math.max(attention.p95, all.p95, first.p95, sorted.p95);
    };

    await addTasks(db, Math.max(1, Math.round(totalTasks / 10 / issues)));
    const p95Small = await measure('10%');
    await addTasks(db, Math.max(1, Math.round((totalTasks * 9) / 10 / issues)));
    const p95Large = await measure('100%');
    results['worst p95 at 10% → 100% of the tasks'] =
      `${p95Small.toFixed(2)} ms → ${p95Large.toFixed(2)} ms (target: under 10 ms)`;
    const bigOffice = await addExportOffice(db, 'bench-export-large', exportRows);
    await addExportOffice(db, 'bench-export-small', exportRows / 10);
    await sql`analyze`.execute(db);
    results['data set'] =
      `${offices.toLocaleString('en-US')} offices, ${issues.toLocaleString('en-US')} issues, ${PORTALS} portals; made in ${((performance.now() - seeded) / 1000).toFixed(1)} s`;

    // Through HTTP and the SDK, as a host portal's page calls them: one bench office's billing manager.
    const managerUser = await db
      .insertInto('users')
      .values({ issuer: ISSUER, subject: 'bench-manager', display_name: 'Bench Manager' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`
        insert into memberships (organization_id, user_id, roles)
        select id, ${managerUser.id}, array['BILLING_MANAGER'] from organizations
        where external_id = 'bench-office-1'`.execute(db);
    const { clientFor } = await serve();
    const clientAs = (subject: string, organization: string) => clientFor({ subject, organization });
    const office = clientAs('bench-manager', 'bench-office-1');
    // The request path alone: who am I, a read of a few rows behind the same token check, caller and transaction.
    const meHttp = await measured(() => office.organizations.me.query());
    const dashboardHttp = await measured(() =>
      office.accessHub.dashboard.query({ needsAttentionOnly: true }),
    );
    const tasksHttp = await measured(() => office.accessHub.tasks.query(newest));
    results['HTTP + SDK, the request path alone: organizations.me'] = ms(meHttp);
    results['HTTP + SDK (token check, permission, one transaction): dashboard'] = ms(dashboardHttp);
    results['HTTP + SDK: tasks page (100 rows)'] = ms(tasksHttp);

    // The export: 100,000 rows streamed in keyset pages, against psql \copy of the same rows and order.
    const copyStarted = performance.now();
    execFileSync('psql', [
      url,
      '-q',
      '-c',
      `\\copy (select t.number, t.kind, p.name, p.url, coalesce(g.name, ''), t.description, i.impact_count, i.impact_cents, t.created_at from access_tasks t join payer_portals p on p.id = t.portal_id join access_issues i on i.organization_id = t.organization_id and i.id = t.issue_id left join medical_groups g on g.organization_id = t.organization_id and g.id = t.medical_group_id where t.organization_id = '${bigOffice}' and t.assignee = 'PRACTICE' and t.closed_at is null order by t.created_at desc, t.number desc) to '/dev/null' with (format csv, header true)`,
    ]);
    const copySeconds = (performance.now() - copyStarted) / 1000;
    /** Exports one office's tasks through HTTP and the SDK, sampling this process's heap while it streams. */
    const exportTasks = async (externalId: string, rows: number, sampleMemory: boolean) => {
      const client = clientAs(`${externalId}-manager`, externalId);
      // With --expose-gc (npm run bench sets it) each sample first collects, so it reads live memory only.
      // Collecting that often slows the export, so the timed run does not sample.
      const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
      collect();
      const heapBefore = process.memoryUsage().heapUsed;
      let heapPeak = heapBefore;
      const sampler = sampleMemory
        ? setInterval(() => {
            collect();
            heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
          }, 25)
        : undefined;
      const started = performance.now();
      const response = await client.files.accessTasks({ sort: 'createdAt', direction: 'desc' });
      let bytes = 0;
      let lines = 0;
      for await (const chunk of response.body ?? []) {
        const data = chunk as Uint8Array;
        bytes += data.byteLength;
        for (const byte of data) if (byte === 10) lines += 1;
      }
      const seconds = (performance.now() - started) / 1000;
      if (sampler) clearInterval(sampler);
      if (lines !== rows + 1) throw new Error(`the export had ${lines - 1} rows, not ${rows}`);
      return { seconds, bytes, heapGrowth: (heapPeak - heapBefore) / 1024 / 1024 };
    };
    const small = await exportTasks('bench-export-small', exportRows / 10, true);
    const largeMemory = await exportTasks('bench-export-large', exportRows, true);
    const large = await exportTasks('bench-export-large', exportRows, false);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    results['baseline: psql \\copy of the same rows and order to /dev/null'] = `${copySeconds.toFixed(2)} s`;
    results[`CSV export of ${exportRows.toLocaleString('en-US')} tasks through HTTP and the SDK`] =
      `${large.seconds.toFixed(2)} s, ${Math.round(exportRows / large.seconds).toLocaleString('en-US')} rows/s, ${mb(large.bytes)}: ${(copySeconds / large.seconds).toFixed(2)}× of \\copy`;
    results['peak live heap growth while exporting (server and client in this process)'] =
      `${small.heapGrowth.toFixed(1)} MB for ${(exportRows / 10).toLocaleString('en-US')} rows (${mb(small.bytes)}), ${largeMemory.heapGrowth.toFixed(1)} MB for ${exportRows.toLocaleString('en-US')} rows (${mb(large.bytes)})`;
    return results;
  });
}
