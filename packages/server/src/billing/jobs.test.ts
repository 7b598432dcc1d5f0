import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '../logger.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { startBillingJobs } from './jobs.ts';
import { SANDBOX_CARDS } from './sandbox-gateway.ts';

describe('the billing jobs on two server instances at once', () => {
  let app: TestServer;
  before(async () => {
    app = await startTestServer({ now: '2026-12-01T15:00:00Z' });
  });
  after(async () => {
    await app.close();
  });

  it('bill and autopay each due month once, then stop cleanly', async () => {
    await app.clientFor('billing-manager').billing.addPaymentMethod.mutate({
      card: { number: SANDBOX_CARDS.approve, expMonth: 1, expYear: 2030, cvc: '123', holderName: 'Alex Kim' },
    });
    const options = {
      db: app.database.db,
      gateway: app.gateway,
      clock: app.clock,
      logger: createLogger('silent'),
      intervalSeconds: 5,
    };
    const stops = [startBillingJobs(options), startBillingJobs(options)];
    const paid = async () =>
      (
        await app.database.db
          .selectFrom('payments')
          .select('status')
          .where('status', '=', 'SUCCEEDED')
          .execute()
      ).length;
    for (let waited = 0; (await paid()) < 2 && waited < 20_000; waited += 100) await sleep(100);
    await Promise.all(stops.map((stop) => stop()));
    // The demo office has held Access since Oct 1: October and November, once each, each charged once.
    const invoices = await app.database.db
      .selectFrom('invoices')
      .select(['first_day', 'amount_cents'])
      .orderBy('first_day')
      .execute();
    assert.deepEqual(invoices, [
      { first_day: '2026-10-01', amount_cents: 2995 },
      { first_day: '2026-11-01', amount_cents: 2995 },
    ]);
    assert.equal(await paid(), 2);
    assert.equal((await app.gateway.succeededCharges()).length, 2);
    assert.equal((await app.clientFor('office-user').billing.history.query()).openBalanceCents, 0);
  });
});
