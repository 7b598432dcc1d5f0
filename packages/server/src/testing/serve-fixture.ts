import { createInterface } from 'node:readline';
import { npiCheckDigit, type PlanCode, type Role } from '@portico/core';
import { sql, type Insertable } from 'kysely';
import { issueDueInvoices } from '../billing/invoice-run.ts';
import type { SubscriptionsTable } from '../db/database.ts';
import type { DemoUserKey } from '../demo/demo-office.ts';
import { startTestServer, TEST_ISSUER } from './test-server.ts';
import { providerRow } from './provider-rows.ts';
import { seedEligibilityOffice } from './eligibility-fixture.ts';
import { seedRemittanceOffice } from './remittance-fixture.ts';

/**
 * A Portico server for the browser tests of @portico/elements: the demo offices, plus an office whose name
 * is markup (to prove the elements render it as text). Prints one JSON line with the URL and tokens, then
 * serves until its parent closes stdin or sends SIGTERM.
 */
async function main(): Promise<void> {
  const app = await startTestServer();
  /** A token for a member of one of the offices below, in the role of a demo user. */
  const memberToken = (role: DemoUserKey, organization: string, subject: string) =>
    app.tokenFor(role, { organization, subject });
  // An office for the provider manager's tests: a billing manager and an active Medicare plan. The demo seed
  // enrolls NPIs 1234567893 and 1245319599 in Medicare.
  const { db } = app.database;
  /** An office with members (roles, and storefront changes denied for view-only users). */
  const addOffice = async (
    externalId: string,
    name: string,
    members: {
      subject: string;
      name: string;
      roles: Role[];
      viewOnly?: boolean;
      email?: string;
      /** An access request not yet approved. */
      pending?: boolean;
    }[],
  ) => {
    const office = await db
      .insertInto('organizations')
      .values({ external_id: externalId, name, kind: 'office' })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const member of members) {
      const user = await db
        .insertInto('users')
        .values({
          issuer: TEST_ISSUER,
          subject: member.subject,
          display_name: member.name,
          email: member.email ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('memberships')
        .values({
          organization_id: office.id,
          user_id: user.id,
          roles: member.roles,
          denied_permissions: member.viewOnly ? ['storefront.manage'] : [],
          ...(member.pending && { status: 'PENDING', status_reason: 'REQUESTED' }),
        })
        .execute();
    }
    return office;
  };
  await addOffice('markup-office', '<img src=x onerror="window.__porticoPwned=1">Evil & Co', [
    { subject: 'markup-user', name: 'Mark Up', roles: ['OFFICE_USER'] },
  ]);
  const markupToken = await memberToken('office-user', 'markup-office', 'markup-user');
  // Linden: the user administration widget's tests. Two sites; a security officer on both, a user administrator
  // on North only, a billing manager on both, and an access request waiting.
  const linden = await addOffice('users-office', 'Linden Family Health', [
    {
      subject: 'linden-officer',
      name: 'Quinn Ash',
      roles: ['SECURITY_OFFICER'],
      email: 'quinn@linden.example',
    },
    {
      subject: 'linden-admin',
      name: 'Rae Brook',
      roles: ['USER_ADMINISTRATOR'],
      email: 'rae@linden.example',
    },
    { subject: 'linden-billing', name: 'Sol Cruz', roles: ['BILLING_MANAGER'], email: 'sol@linden.example' },
    { subject: 'linden-new', name: 'Tay Dunn', roles: ['OFFICE_USER'], pending: true },
  ]);
  const lindenSites = await db
    .insertInto('sites')
    .values([
      { organization_id: linden.id, name: 'North clinic' },
      { organization_id: linden.id, name: 'South clinic' },
    ])
    .returning(['id', 'name'])
    .execute();
  const siteRows = (subject: string, names: string[]) =>
    sql`insert into membership_sites (organization_id, user_id, site_id)
      select ${linden.id}, u.id, s.id from users u, sites s
      where u.subject = ${subject} and s.organization_id = ${linden.id} and s.name = any(${names})`.execute(
      db,
    );
  const both = lindenSites.map((site) => site.name);
  await siteRows('linden-officer', both);
  await siteRows('linden-admin', ['North clinic']);
  await siteRows('linden-billing', both);
  // Juniper: the audit viewer's tests. 60 acts an hour apart, oldest first: 40 provider changes by Uma, then 10
  // renewals and 10 provider views by Wren.
  const juniper = await addOffice('audit-office', 'Juniper Health', [
    { subject: 'juniper-officer', name: 'Uma Vale', roles: ['SECURITY_OFFICER'] },
    { subject: 'juniper-user', name: 'Wren Ives', roles: ['OFFICE_USER'] },
  ]);
  await sql`insert into audit_log (organization_id, at, actor_user_id, action, entity, entity_id, request_id)
    select ${juniper.id}::uuid, ${app.clock.now()}::timestamptz - (60 - n) * interval '1 hour', u.id,
           case when n <= 40 then 'provider.update' when n <= 50 then 'access.renew' else 'provider.read' end,
           case when n <= 40 then 'provider' else 'membership' end, 'e-' || n, 'r-' || n
    from generate_series(1, 60) n
    join users u on u.subject = case when n <= 40 then 'juniper-officer' else 'juniper-user' end`.execute(db);
  /** A subscription of an office at the plan's catalogue price; other columns as given. */
  const addSubscription = (
    organizationId: string,
    planCode: PlanCode,
    columns: Omit<Insertable<SubscriptionsTable>, 'organization_id' | 'plan_code' | 'monthly_price_cents'>,
  ) =>
    db
      .insertInto('subscriptions')
      .values((eb) => ({
        organization_id: organizationId,
        plan_code: planCode,
        monthly_price_cents: eb
          .selectFrom('plans')
          .select('monthly_price_cents')
          .where('code', '=', planCode),
        ...columns,
      }))
      .execute();
  /** A Medicare plan whose provider list was complete on the day it started, billed from that day. */
  const addRunningMedicare = (
    organizationId: string,
    startedOn: string,
    readyBy: string,
    columns: Pick<Insertable<SubscriptionsTable>, 'ends_on' | 'end_reason'> = {},
  ) =>
    addSubscription(organizationId, 'MEDICARE', {
      started_on: startedOn,
      list_complete_on: startedOn,
      ready_by: readyBy,
      billable_from: startedOn,
      ...columns,
    });
  const office = await addOffice('provider-office', 'Cedar Grove Clinic', [
    { subject: 'cedar-manager', name: 'Robin Cho', roles: ['BILLING_MANAGER'] },
    { subject: 'cedar-viewer', name: 'Ellis Vane', roles: ['OFFICE_USER'] },
  ]);
  await addRunningMedicare(office.id, '2026-10-01', '2026-10-05');

  // Hazel Row: the live-update recovery test. Its provider list changes behind the server's back while the
  // server's LISTEN connection is cut (`drop-listener` below).
  const hazel = await addOffice('listener-office', 'Hazel Row Clinic', [
    { subject: 'hazel-manager', name: 'Noor Hale', roles: ['BILLING_MANAGER'] },
  ]);

  // Willow Bend: signed up for Medicare with no provider list yet, so the plan waits for the list.
  const willow = await addOffice('willow-office', 'Willow Bend Clinic', [
    { subject: 'willow-manager', name: 'Ari Benson', roles: ['BILLING_MANAGER'] },
  ]);
  await addSubscription(willow.id, 'MEDICARE', { started_on: '2026-11-20', use_agreement_version: '2026.1' });

  // Offices for the storefront's tests. Birch Lane: AllPayer Access since September, a Medicare-enrolled
  // provider, September and October invoiced and open, no card yet; a manager and a view-only user.
  const birch = await addOffice('birch-office', 'Birch Lane Clinic', [
    { subject: 'birch-manager', name: 'Dana Whitfield', roles: ['BILLING_MANAGER'] },
    { subject: 'birch-viewer', name: 'Lee Park', roles: ['OFFICE_USER'], viewOnly: true },
  ]);
  await addSubscription(birch.id, 'ALLPAYER_ACCESS', {
    started_on: '2026-09-01',
    billable_from: '2026-09-01',
    use_agreement_version: '2026.1',
  });
  await db
    .insertInto('providers')
    .values(providerRow(birch.id, '1234567893', 'Jordan Reyes', '12-3456789'))
    .execute();
  await issueDueInvoices(db, { clock: app.clock });
  // Aspen Ridge: Medicare, cancelled by sales, ending this month.
  const aspen = await addOffice('aspen-office', 'Aspen Ridge Clinic', [
    { subject: 'aspen-manager', name: 'Kim Osei', roles: ['BILLING_MANAGER'] },
  ]);
  await addRunningMedicare(aspen.id, '2026-06-01', '2026-06-03', {
    ends_on: '2026-11-30',
    end_reason: 'CANCELLED',
  });

  // Oak Hill: a large practice, 5,000 providers, for the provider manager's long-list tests.
  const oak = await addOffice('big-office', 'Oak Hill Medical Group', [
    { subject: 'oak-viewer', name: 'Ari Stone', roles: ['OFFICE_USER'] },
  ]);
  await db
    .insertInto('providers')
    .values(
      Array.from({ length: 5000 }, (_, i) => {
        const firstNine = String(160000000 + i);
        return providerRow(
          oak.id,
          firstNine + npiCheckDigit(firstNine),
          `Provider No. ${String(i + 1).padStart(4, '0')}`,
        );
      }),
    )
    .execute();

  // Elm Court: the access hub's tests. Three portals, an unpostables task (practice-managed account, affected
  // unpostables, a note written as markup), a claims task, and an issue with the payer. Seeded once per test file
  // that changes it (the task dialog answers a task, the live test moves an issue), so files running side by side
  // never see each other's changes; the rest read `hub-office`.
  const staff = app.clientFor('support').accessHub;
  const portal = (code: string, name: string, coveredPayers: string[]) =>
    staff.definePortal.mutate({ code, name, url: `https://${code}.example/`, coveredPayers });
  const northwind = await portal('northwind', 'Northwind Provider Connect', [
    'Northwind Health Plan',
    'Medicaid',
  ]);
  const bayState = await portal('bay-state', 'Bay State Gateway', ['Bay State Medicaid']);
  const summit = await portal('summit', 'Summit Benefits', ['Summit Commercial']);
  const seedElmCourt = async (officeId: string, prefix: string) => {
    const elm = await addOffice(officeId, 'Elm Court Clinic', [
      { subject: `${prefix}-manager`, name: 'Noor Haddad', roles: ['BILLING_MANAGER'] },
      { subject: `${prefix}-viewer`, name: 'Tom Reid', roles: ['OFFICE_USER'] },
    ]);
    const elmGroup = await db
      .insertInto('medical_groups')
      .values({ organization_id: elm.id, name: 'Elm Court Pediatrics' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unpostables = await staff.reportIssue.mutate({
      officeId,
      portalId: northwind.id,
      blocks: 'UNPOSTABLES',
      description: 'The saved password has expired.',
      account: { type: 'PRACTICE_MANAGED', userName: 'elm.billing', tins: ['27-1234567'] },
    });
    await staff.attachUnpostables.mutate({
      officeId,
      issueId: unpostables.id,
      unpostables: [
        { unpostableId: 'U-5001', blocked: true, cents: 184_250 },
        { unpostableId: 'U-5002', blocked: false, cents: 9_900 },
      ],
    });
    await staff.assignTask.mutate({
      officeId,
      issueId: unpostables.id,
      assignee: 'PRACTICE',
      description: 'Reset the billing account password and enter it here.',
      tinsToAdd: ['27-7654321'],
      medicalGroupIds: [elmGroup.id],
    });
    await staff.addNote.mutate({
      officeId,
      issueId: unpostables.id,
      body: '<img src=x onerror="window.__porticoPwned=1"> The portal says the password expired.',
    });
    const claims = await staff.reportIssue.mutate({
      officeId,
      portalId: bayState.id,
      blocks: 'CLAIMS',
      description: 'The TIN is not linked to the account.',
      impact: { count: 37, cents: 1_268_400 },
    });
    await staff.assignTask.mutate({
      officeId,
      issueId: claims.id,
      assignee: 'PRACTICE',
      description: 'Ask Bay State to link the TIN.',
    });
    await staff.reportIssue.mutate({
      officeId,
      portalId: summit.id,
      blocks: 'CLAIMS',
      status: 'WITH_PAYER',
      description: 'The payer portal is down for maintenance.',
      impact: { count: 12, cents: 310_000 },
    });
  };
  await seedElmCourt('hub-office', 'elm');
  await seedElmCourt('hub-response-office', 'elm-response');
  await seedElmCourt('hub-live-office', 'elm-live');

  // Pine Hollow: 10,000 open tasks on one portal, for the long-list tests (inserted in one statement).
  const pine = await addOffice('hub-big-office', 'Pine Hollow Health', [
    { subject: 'pine-manager', name: 'Eli Brandt', roles: ['BILLING_MANAGER'] },
  ]);
  const pineIssue = await staff.reportIssue.mutate({
    officeId: 'hub-big-office',
    portalId: bayState.id,
    blocks: 'CLAIMS',
    status: 'NEEDS_YOUR_ATTENTION',
    description: 'Every claim status check fails.',
    impact: { count: 10_000, cents: 5_000_000 },
  });
  await sql`
    insert into access_tasks (organization_id, issue_id, portal_id, kind, assignee, description, created_at, updated_at)
    select ${pine.id}, ${pineIssue.id}, ${bayState.id}, 'CLAIMS', 'PRACTICE',
           'Claims task ' || lpad(n::text, 5, '0'), ${app.clock.now()}, ${app.clock.now()}
    from generate_series(1, 10000) n`.execute(db);

  const fixture = {
    url: app.url,
    tokens: {
      officeUser: await app.tokenFor('office-user'),
      otherOffice: await app.tokenFor('other-office-admin'),
      expired: await app.tokenFor('office-user', {
        now: new Date(app.clock.now().getTime() - 3600_000),
        lifetimeSeconds: 60,
      }),
      markupOffice: markupToken,
      providerManager: await memberToken('billing-manager', 'provider-office', 'cedar-manager'),
      providerViewer: await memberToken('office-user', 'provider-office', 'cedar-viewer'),
      awaitingMedicare: await memberToken('billing-manager', 'willow-office', 'willow-manager'),
      storefrontManager: await memberToken('billing-manager', 'birch-office', 'birch-manager'),
      listenerManager: await memberToken('billing-manager', 'listener-office', 'hazel-manager'),
      storefrontViewer: await memberToken('office-user', 'birch-office', 'birch-viewer'),
      bigRoster: await memberToken('office-user', 'big-office', 'oak-viewer'),
      cancellingManager: await memberToken('billing-manager', 'aspen-office', 'aspen-manager'),
      hubManager: await memberToken('billing-manager', 'hub-office', 'elm-manager'),
      hubViewer: await memberToken('office-user', 'hub-office', 'elm-viewer'),
      hubResponder: await memberToken('billing-manager', 'hub-response-office', 'elm-response-manager'),
      hubLive: await memberToken('billing-manager', 'hub-live-office', 'elm-live-manager'),
      hubBig: await memberToken('billing-manager', 'hub-big-office', 'pine-manager'),
      support: await app.tokenFor('support'),
      usersOfficer: await memberToken('security-officer', 'users-office', 'linden-officer'),
      usersAdmin: await memberToken('user-administrator', 'users-office', 'linden-admin'),
      usersBilling: await memberToken('billing-manager', 'users-office', 'linden-billing'),
      usersPending: await memberToken('office-user', 'users-office', 'linden-new'),
      auditOfficer: await memberToken('security-officer', 'audit-office', 'juniper-officer'),
      auditViewer: await memberToken('office-user', 'audit-office', 'juniper-user'),
      ...(await seedEligibilityOffice(app)),
      ...(await seedRemittanceOffice(app)),
    },
  };
  process.stdout.write(`${JSON.stringify(fixture)}\n`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  // Commands from the test runner, a line each, answered with a JSON line. `drop-listener` (PostgreSQL only): adds a
  // provider to Hazel Row straight in the database (no event announces it), then ends this server's LISTEN
  // backends, so open streams can only learn of the change from `stream.missed` once the server listens again.
  const commands = createInterface({ input: process.stdin });
  commands.on('line', (line) => {
    if (line.trim() !== 'drop-listener') return;
    void (async () => {
      if (!process.env['DATABASE_URL']) {
        process.stdout.write(`${JSON.stringify({ dropped: false })}\n`);
        return;
      }
      await db
        .insertInto('providers')
        .values(providerRow(hazel.id, '1003000126', 'Unannounced Provider'))
        .execute();
      const backends = await sql<{ pid: number }>`select pid from pg_stat_activity
        where datname = current_database() and query like 'LISTEN %' and pid <> pg_backend_pid()`.execute(db);
      for (const { pid } of backends.rows) await sql`select pg_terminate_backend(${pid})`.execute(db);
      process.stdout.write(`${JSON.stringify({ dropped: backends.rows.length > 0 })}\n`);
    })();
  });
  commands.on('close', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();
