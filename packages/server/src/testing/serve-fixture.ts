import { startTestServer, TEST_ISSUER } from './test-server.ts';

/**
 * A Portico server for the browser tests of @portico/elements: the demo offices, plus an office whose name
 * is markup (to prove the elements render it as text). Prints one JSON line with the URL and tokens, then
 * serves until its parent closes stdin or sends SIGTERM.
 */
async function main(): Promise<void> {
  const app = await startTestServer();
  await app.database.db
    .insertInto('organizations')
    .values({
      external_id: 'markup-office',
      name: '<img src=x onerror="window.__porticoPwned=1">Evil & Co',
      kind: 'office',
    })
    .execute();
  const markupToken = await app.tokenFor('office-user', {
    organization: 'markup-office',
    subject: 'markup-user',
  });
  // An office for the provider manager's tests: a billing manager and an active Medicare plan. The demo seed
  // enrolls NPIs 1234567893 and 1245319599 in Medicare.
  const { db } = app.database;
  const office = await db
    .insertInto('organizations')
    .values({ external_id: 'provider-office', name: 'Cedar Grove Clinic', kind: 'office' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const manager = await db
    .insertInto('users')
    .values({ issuer: TEST_ISSUER, subject: 'cedar-manager', display_name: 'Robin Cho' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ organization_id: office.id, user_id: manager.id, roles: ['BILLING_MANAGER'] })
    .execute();
  await db
    .insertInto('subscriptions')
    .values({
      organization_id: office.id,
      plan_code: 'MEDICARE',
      monthly_price_cents: 1995,
      started_on: '2026-10-01',
      list_complete_on: '2026-10-01',
      ready_by: '2026-10-05',
      billable_from: '2026-10-01',
    })
    .execute();
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
      providerManager: await app.tokenFor('billing-manager', {
        organization: 'provider-office',
        subject: 'cedar-manager',
      }),
      providerViewer: await app.tokenFor('office-user', {
        organization: 'provider-office',
        subject: 'cedar-viewer',
      }),
    },
  };
  process.stdout.write(`${JSON.stringify(fixture)}\n`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
  process.once('SIGTERM', () => void stop());
}

void main();
