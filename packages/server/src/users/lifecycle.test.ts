import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PorticoError } from '@portico/core';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { runAccessLifecycle } from './jobs.ts';

const DAY = 86_400_000;

describe('users: the access lifecycle job, driven by the test clock', () => {
  let app: TestServer;
  let start: number;
  before(async () => {
    app = await startTestServer();
    start = app.clock.now().getTime();
  });
  after(async () => {
    await app.close();
  });

  const at = (days: number) => app.clock.set(new Date(start + days * DAY));
  const run = () => runAccessLifecycle(app.database.db, { clock: app.clock, batchSize: 2 });
  /** Uses Portico as these demo users, so their last activity is now. */
  const use = async (...users: Parameters<TestServer['clientFor']>[0][]) => {
    for (const user of users) await app.clientFor(user).organizations.me.query();
  };
  /** A member's access as stored (read directly: by day 180 every administrator of the demo is suspended). */
  async function member(name: string) {
    return app.database.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id as userId', 'memberships.status', 'memberships.status_reason as statusReason'])
      .where('users.display_name', '=', name)
      .executeTakeFirstOrThrow();
  }
  async function outbox(subject: RegExp) {
    const rows = await app.database.db.selectFrom('email_outbox').select(['to_address', 'subject']).execute();
    return rows
      .filter((row) => subject.test(row.subject))
      .map((row) => row.to_address)
      .sort();
  }

  it('reminds at 14 and 3 days before day 180, once each, then suspends, and a renewal lifts it', async () => {
    at(29);
    await use('security-officer', 'office-user');
    assert.deepEqual(await run(), { examined: 0, reminded: 0, suspended: 0, terminated: 0 });

    // Dana and Priya keep using Portico; Luis, Grace and Harbor's Sam have been idle for 30 days or more.
    at(100);
    await use('security-officer', 'office-user');
    assert.deepEqual(await run(), { examined: 3, reminded: 0, suspended: 0, terminated: 3 });
    assert.equal((await member('Luis Ortega')).statusReason, 'INACTIVE');
    assert.equal((await member('Jordan Reyes')).status, 'PENDING', 'a pending request is left alone');

    at(166);
    await use('security-officer', 'office-user');
    const first = await run();
    assert.deepEqual(first, { examined: 2, reminded: 2, suspended: 0, terminated: 0 });
    assert.deepEqual(await outbox(/within 14 days/), [
      'dana.whitfield@maplestreet.example',
      'priya.nair@maplestreet.example',
    ]);
    assert.equal((await run()).reminded, 0, 'each reminder once');

    at(177);
    await use('security-officer', 'office-user');
    assert.equal((await run()).reminded, 2);
    assert.equal((await outbox(/within 3 days/)).length, 2);

    at(180);
    await use('security-officer', 'office-user');
    const due = await run();
    assert.equal(due.suspended, 2);
    assert.equal((await member('Priya Nair')).status, 'SUSPENDED');
    await assert.rejects(
      app.clientFor('office-user').storefront.listPlans.query(),
      (error: unknown) =>
        error instanceof PorticoError && error.code === 'FORBIDDEN' && /suspended/.test(error.message),
    );
    const session = await app.clientFor('office-user').organizations.me.query();
    assert.equal(session.access.status, 'SUSPENDED');
    assert.deepEqual(session.permissions, []);
  });

  it('refuses a suspended administrator’s own renewals and, with the policy off, self-attestation', async () => {
    // Dana is suspended too: she may not use her permissions, renewal included.
    const priya = await member('Priya Nair');
    await assert.rejects(
      app.clientFor('security-officer').users.renew.mutate({ userId: priya.userId }),
      (error: unknown) => error instanceof PorticoError && error.code === 'FORBIDDEN',
    );
    // Self-attestation is off by default.
    await assert.rejects(
      app.clientFor('office-user').users.attest.mutate(),
      (error: unknown) =>
        error instanceof PorticoError &&
        error.code === 'FORBIDDEN' &&
        /user administrator/.test(error.message),
    );
  });

  it('terminates after 30 days without activity and refuses the next token with a clear message', async () => {
    at(211);
    assert.deepEqual(await run(), { examined: 2, reminded: 0, suspended: 0, terminated: 2 });
    const token = await app.tokenFor('office-user');
    await assert.rejects(
      app.clientWithToken(token).organizations.me.query(),
      (error: unknown) =>
        error instanceof PorticoError &&
        error.code === 'UNAUTHORIZED' &&
        /30 days without use/.test(error.message),
    );
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('action', 'like', 'access.%')
      .execute();
    const actions = new Set(audit.map((row) => row.action));
    assert.deepEqual([...actions].sort(), ['access.renewal.remind', 'access.suspend', 'access.terminate']);
    assert.ok(
      audit.every((row) => row.actor_user_id === null),
      'the system acts, not a user',
    );
    assert.deepEqual(await run(), { examined: 0, reminded: 0, suspended: 0, terminated: 0 });
  });
});

describe('users: renewal by an administrator and self-attestation', () => {
  let app: TestServer;
  before(async () => {
    app = await startTestServer({ config: { selfAttestation: true } });
  });
  after(async () => {
    await app.close();
  });

  it('renews a suspended user in one click, and lets a user attest for themselves where the payer allows it', async () => {
    const start = app.clock.now().getTime();
    app.clock.set(new Date(start + 180 * 86_400_000));
    for (const user of ['security-officer', 'office-user', 'user-administrator'] as const)
      await app.clientFor(user).organizations.me.query();
    const report = await runAccessLifecycle(app.database.db, { clock: app.clock });
    assert.ok(report.suspended >= 3);
    const session = await app.clientFor('office-user').organizations.me.query();
    assert.equal(session.access.mayAttest, true);
    const attested = await app.clientFor('office-user').users.attest.mutate();
    assert.equal(attested.status, 'ACTIVE');
    assert.equal(attested.statusReason, 'RENEWED');
    assert.equal(attested.renewalDueAt, new Date(start + 360 * 86_400_000).toISOString());
    // Grace is suspended as well: she attests first, then renews Dana in one click.
    await app.clientFor('user-administrator').users.attest.mutate();
    const target = (
      await app
        .clientFor('user-administrator')
        .users.list.query()
        .then((page) => page.members)
    ).find((m) => m.displayName === 'Dana Whitfield');
    assert.ok(target);
    assert.equal(target.status, 'SUSPENDED');
    const renewed = await app.clientFor('user-administrator').users.renew.mutate({ userId: target.userId });
    assert.equal(renewed.status, 'ACTIVE');
  });
});
