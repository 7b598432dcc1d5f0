import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PorticoError } from '@portico/core';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

describe('storefront through the HTTP server and the SDK', () => {
  let app: TestServer;
  before(async () => {
    app = await startTestServer();
  });
  after(async () => {
    await app.close();
  });

  it('lists the plan catalogue from the database with prices in cents', async () => {
    const plans = await app.clientFor('office-user').storefront.listPlans.query();
    assert.deepEqual(
      plans.map((plan) => [plan.code, plan.name, plan.monthlyPriceCents]),
      [
        ['ALLPAYER_ACCESS', 'AllPayer Access', 2995],
        ['MEDICARE', 'Medicare', 1995],
        ['ALLPAYER_ADVANTAGE', 'AllPayer Advantage', 3995],
      ],
    );
    assert.deepEqual(plans.find((plan) => plan.code === 'ALLPAYER_ADVANTAGE')?.includes, [
      'ALLPAYER_ACCESS',
      'MEDICARE',
    ]);
  });

  it('reads the catalogue price as it is in the database, not from code', async () => {
    await app.database.db
      .updateTable('plans')
      .set({ monthly_price_cents: 4100 })
      .where('code', '=', 'MEDICARE')
      .execute();
    try {
      const plans = await app.clientFor('office-user').storefront.listPlans.query();
      assert.equal(plans.find((plan) => plan.code === 'MEDICARE')?.monthlyPriceCents, 4100);
    } finally {
      await app.database.db
        .updateTable('plans')
        .set({ monthly_price_cents: 1995 })
        .where('code', '=', 'MEDICARE')
        .execute();
    }
  });

  it("lists only the caller's office's subscriptions", async () => {
    const mine = await app.clientFor('office-user').storefront.listSubscriptions.query();
    assert.equal(mine.length, 1);
    assert.equal(mine[0]?.planCode, 'ALLPAYER_ACCESS');
    assert.equal(mine[0]?.status, 'ACTIVE');
    assert.equal(mine[0]?.startedOn, '2026-09-01');
    const theirs = await app.clientFor('other-office-admin').storefront.listSubscriptions.query();
    assert.deepEqual(theirs, []);
  });

  it('refuses the storefront to a member whose storefront.view is denied', async () => {
    const admin = app.clientFor('security-officer');
    const members = await admin.users.list.query().then((page) => page.members);
    const priya = members.find((member) => member.displayName === 'Priya Nair');
    assert.ok(priya);
    await admin.users.setPermissions.mutate({
      userId: priya.userId,
      deny: ['storefront.view'],
    });
    await assert.rejects(
      app.clientFor('office-user').storefront.listSubscriptions.query(),
      (error: unknown) => error instanceof PorticoError && error.code === 'FORBIDDEN',
    );
    await admin.users.setPermissions.mutate({ userId: priya.userId });
    assert.equal((await app.clientFor('office-user').storefront.listSubscriptions.query()).length, 1);
  });
});
