import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PorticoError, type Member, type PorticoErrorCode } from '@portico/core';
import { deliverDueEmail } from '../email/delivery.ts';
import { smtpMailer, type Mailer } from '../email/mailer.ts';
import { startSmtpSink } from '../testing/smtp-sink.ts';
import { tableChecksum } from '../testing/table-checksum.ts';
import { startSecondInstance, startTestServer, type TestServer } from '../testing/test-server.ts';
import { waitFor } from '../testing/wait.ts';

const refusedWith = (code: PorticoErrorCode, pattern?: RegExp, fieldPath?: string) => (error: unknown) =>
  error instanceof PorticoError &&
  error.code === code &&
  (pattern === undefined || pattern.test(error.message)) &&
  (fieldPath === undefined || error.fieldPath === fieldPath);

describe('users: access requests, approval, denial and removal', () => {
  let app: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: Mailer;
  before(async () => {
    app = await startTestServer();
    smtp = await startSmtpSink();
    mailer = smtpMailer(smtp.url);
  });
  after(async () => {
    mailer.close();
    await smtp.close();
    await app.close();
  });

  const deliver = () =>
    deliverDueEmail(app.database.db, mailer, { clock: app.clock, from: 'Portico <portal@payer.test>' });

  async function newcomer(subject: string, name: string) {
    const token = await app.tokenFor('office-user', {
      subject,
      name,
      email: `${subject}@maplestreet.example`,
    });
    const client = app.clientWithToken(token);
    const session = await client.organizations.me.query();
    return { client, userId: session.user.id, token };
  }

  async function sites() {
    const session = await app.clientFor('security-officer').organizations.me.query();
    const byName = new Map(session.sites.map((site) => [site.name, site.id]));
    return { main: byName.get('Main Street clinic') ?? '', riverside: byName.get('Riverside clinic') ?? '' };
  }

  const find = (members: Member[], userId: string) => members.find((m) => m.userId === userId);

  it('shows a first sign-in as a pending request to the administrators, and to nobody else', async () => {
    const { userId } = await newcomer('req-ada', 'Ada Request');
    const grace = await app
      .clientFor('user-administrator')
      .users.list.query()
      .then((page) => page.members);
    assert.equal(find(grace, userId)?.status, 'PENDING');
    assert.equal(find(grace, userId)?.renewalDueAt, null);
    const harbor = await app
      .clientFor('other-office-admin')
      .users.list.query()
      .then((page) => page.members);
    assert.equal(find(harbor, userId), undefined);
    await assert.rejects(
      app
        .clientFor('office-user')
        .users.list.query()
        .then((page) => page.members),
      refusedWith('FORBIDDEN'),
    );
    // Once Dana (the whole office) approves Ada onto Main Street only, Grace (Riverside only) no longer sees her.
    const { main } = await sites();
    await app.clientFor('security-officer').users.approve.mutate({ userId, siteIds: [main] });
    assert.equal(
      find(
        await app
          .clientFor('user-administrator')
          .users.list.query()
          .then((page) => page.members),
        userId,
      ),
      undefined,
    );
    assert.equal(
      find(
        await app
          .clientFor('security-officer')
          .users.list.query()
          .then((page) => page.members),
        userId,
      )?.status,
      'ACTIVE',
    );
    assert.deepEqual(await deliver(), { sent: 1, failed: 0 });
  });

  it('pages the users by name, searches by name or email, and refuses a forged page link', async () => {
    const names = async (client: ReturnType<TestServer['clientFor']>, limit: number) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.users.list.query({ limit, ...(cursor ? { cursor } : {}) });
        assert.ok(page.members.length <= limit);
        seen.push(...page.members.map((m) => m.displayName));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };
    const whole = (await app.clientFor('security-officer').users.list.query({ limit: 200 })).members;
    assert.deepEqual(
      await names(app.clientFor('security-officer'), 2),
      whole.map((m) => m.displayName),
    );
    // Grace sees only her site's users and the requests, page by page as well.
    const grace = (await app.clientFor('user-administrator').users.list.query({ limit: 200 })).members;
    assert.deepEqual(
      await names(app.clientFor('user-administrator'), 1),
      grace.map((m) => m.displayName),
    );
    assert.ok(grace.length < whole.length);
    const found = await app.clientFor('security-officer').users.list.query({ search: 'PRIYA.nair@' });
    assert.deepEqual(
      found.members.map((m) => m.displayName),
      ['Priya Nair'],
    );
    const none = await app.clientFor('security-officer').users.list.query({ search: '%' });
    assert.deepEqual(none.members, [], 'a % is searched for, not a wildcard');
    await assert.rejects(
      app.clientFor('security-officer').users.list.query({ cursor: 'WyJ4Il0' }),
      refusedWith('BAD_REQUEST', /no longer valid/, 'cursor'),
    );
  });

  it('approves a request onto the approver’s own sites only, then the user may work and is told by email', async () => {
    const { client, userId } = await newcomer('req-ben', 'Ben Approved');
    const { main, riverside } = await sites();
    const grace = app.clientFor('user-administrator').users;
    const before = await tableChecksum(app.database.db);
    await assert.rejects(
      grace.approve.mutate({ userId, siteIds: [main] }),
      refusedWith('FORBIDDEN', /sites you administer/, 'siteIds'),
    );
    await assert.rejects(
      grace.approve.mutate({ userId, siteIds: [riverside], roles: ['SECURITY_OFFICER'] }),
      refusedWith('FORBIDDEN', /security officer/, 'roles'),
    );
    assert.equal(await tableChecksum(app.database.db), before);
    await assert.rejects(client.storefront.listPlans.query(), refusedWith('FORBIDDEN', /waiting/));

    const approved = await grace.approve.mutate({ userId, siteIds: [riverside] });
    assert.equal(approved.status, 'ACTIVE');
    assert.deepEqual(approved.siteIds, [riverside]);
    assert.equal(approved.renewalDueAt, '2027-05-22T15:00:00.000Z');
    assert.ok((await client.storefront.listPlans.query()).length > 0);
    await assert.rejects(
      grace.approve.mutate({ userId, siteIds: [riverside] }),
      refusedWith('CONFLICT', /active/),
    );

    assert.deepEqual(await deliver(), { sent: 1, failed: 0 });
    assert.deepEqual(await deliver(), { sent: 0, failed: 0 });
    const mail = smtp.mails.at(-1);
    assert.ok(mail);
    assert.deepEqual(mail.to, ['req-ben@maplestreet.example']);
    assert.match(mail.raw, /Subject: Your access to Maple Street Family Practice is approved/);
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', userId)
      .orderBy('at')
      .execute();
    assert.deepEqual(
      audit.map((row) => row.action),
      ['membership.provision', 'access.approve'],
    );
  });

  it('denies a request with a reason the user reads, and refuses their tokens from then on', async () => {
    const { userId } = await newcomer('req-cy', 'Cy Denied');
    const denied = await app.clientFor('security-officer').users.deny.mutate({
      userId,
      reason: 'Not on our staff list',
    });
    assert.equal(denied.status, 'TERMINATED');
    assert.equal(denied.statusReason, 'DENIED');
    const fresh = await app.tokenFor('office-user', { subject: 'req-cy' });
    await assert.rejects(
      app.clientWithToken(fresh).organizations.me.query(),
      refusedWith('UNAUTHORIZED', /declined/),
    );
    await deliver();
    const mail = smtp.mails.at(-1);
    assert.ok(mail?.raw.includes('Not on our staff list'));
  });

  it('keeps mail queued while the mail server refuses it, and sends it once it accepts again', async () => {
    const { userId } = await newcomer('req-dee', 'Dee Retry');
    const { riverside } = await sites();
    await app.clientFor('security-officer').users.approve.mutate({ userId, siteIds: [riverside] });
    smtp.refuse(true);
    const count = smtp.mails.length;
    assert.deepEqual(await deliver(), { sent: 0, failed: 1 });
    const row = await app.database.db
      .selectFrom('email_outbox')
      .select(['attempts', 'last_error', 'sent_at'])
      .where('to_address', '=', 'req-dee@maplestreet.example')
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { attempts: 1, last_error: 'SMTP 451', sent_at: null });
    smtp.refuse(false);
    assert.deepEqual(await deliver(), { sent: 0, failed: 0 }, 'not before its back-off');
    app.clock.advance(61_000);
    assert.deepEqual(await deliver(), { sent: 1, failed: 0 });
    assert.equal(smtp.mails.length, count + 1);
  });

  it('refuses acting on another office’s user, and changes nothing', async () => {
    const { userId } = await newcomer('req-eve', 'Eve Elsewhere');
    const before = await tableChecksum(app.database.db);
    const sam = app.clientFor('other-office-admin').users;
    await assert.rejects(
      sam.approve.mutate({ userId, siteIds: [crypto.randomUUID()] }),
      refusedWith('NOT_FOUND'),
    );
    await assert.rejects(sam.remove.mutate({ userId }), refusedWith('NOT_FOUND'));
    await assert.rejects(
      app.clientFor('office-user').users.remove.mutate({ userId }),
      refusedWith('FORBIDDEN'),
    );
    assert.equal(await tableChecksum(app.database.db), before);
  });

  it('refuses leaving a site without a user administrator, the administrator removing themselves included', async () => {
    const members = await app
      .clientFor('security-officer')
      .users.list.query()
      .then((page) => page.members);
    const dana = members.find((m) => m.displayName === 'Dana Whitfield');
    assert.ok(dana);
    await assert.rejects(
      app.clientFor('security-officer').users.remove.mutate({ userId: dana.userId }),
      refusedWith('CONFLICT', /Main Street clinic without a user administrator/, 'userId'),
    );
    await assert.rejects(
      app.clientFor('user-administrator').users.remove.mutate({ userId: dana.userId }),
      refusedWith('CONFLICT', /Main Street clinic/),
    );
  });

  it('ends a removed user’s open stream and refuses their next token', async () => {
    const { userId, client } = await newcomer('req-fay', 'Fay Removed');
    const { riverside } = await sites();
    await app.clientFor('security-officer').users.approve.mutate({ userId, siteIds: [riverside] });
    let ended: unknown = null;
    let started = false;
    const live = client.events.stream.subscribe(undefined, {
      onStarted: () => (started = true),
      onData: () => undefined,
      onError: (error) => (ended = error),
    });
    await waitFor(() => started);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const removed = await app.clientFor('security-officer').users.remove.mutate({ userId });
    assert.equal(removed.statusReason, 'REMOVED');
    await waitFor(() => ended !== null);
    assert.ok(refusedWith('UNAUTHORIZED', /has ended/)(ended));
    live.unsubscribe();
    const fresh = await app.tokenFor('office-user', { subject: 'req-fay' });
    await assert.rejects(app.clientWithToken(fresh).organizations.me.query(), refusedWith('UNAUTHORIZED'));
  });
});

describe(
  'users: two administrators demoting each other at once, on two instances',
  { skip: !process.env.DATABASE_URL },
  () => {
    let first: TestServer;
    let second: TestServer;
    before(async () => {
      first = await startTestServer();
      second = await startSecondInstance(first);
    });
    after(async () => {
      await second.close();
      await first.close();
    });

    it('lets exactly one of them through and keeps an administrator on every site', async () => {
      const members = await first
        .clientFor('security-officer')
        .users.list.query()
        .then((page) => page.members);
      const dana = members.find((m) => m.displayName === 'Dana Whitfield');
      const grace = members.find((m) => m.displayName === 'Grace Kim');
      assert.ok(dana && grace);
      for (let round = 0; round < 5; round++) {
        const results = await Promise.allSettled([
          first
            .clientFor('security-officer')
            .users.setPermissions.mutate({ userId: grace.userId, deny: ['users.manage'] }),
          second
            .clientFor('user-administrator')
            .users.setPermissions.mutate({ userId: dana.userId, deny: ['users.manage'] }),
        ]);
        const through = results.filter((result) => result.status === 'fulfilled');
        assert.ok(through.length <= 1, `round ${round}: both went through`);
        // Whoever is still an administrator reads the list (the other may have just lost the right to).
        const firstList = await first
          .clientFor('security-officer')
          .users.list.query()
          .catch(() => null);
        const after = (firstList ?? (await second.clientFor('user-administrator').users.list.query()))
          .members;
        const admins = after.filter(
          (m) => m.status === 'ACTIVE' && m.effectivePermissions.includes('users.manage'),
        );
        assert.ok(admins.length >= 1);
        // Undo, from whoever is still an administrator, for the next round.
        const restorer = admins.some((m) => m.userId === dana.userId)
          ? first.clientFor('security-officer')
          : second.clientFor('user-administrator');
        await restorer.users.setPermissions.mutate({
          userId: admins.some((m) => m.userId === dana.userId) ? grace.userId : dana.userId,
        });
      }
    });
  },
);
