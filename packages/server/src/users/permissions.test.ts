import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { mayCall, PorticoError, type PorticoErrorCode } from '@portico/core';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const hasCode = (code: PorticoErrorCode, fieldPath?: string) => (error: unknown) =>
  error instanceof PorticoError &&
  error.code === code &&
  (fieldPath === undefined || error.fieldPath === fieldPath);

describe('users: members and permissions, scoped to the caller’s office', () => {
  let app: TestServer;
  before(async () => {
    app = await startTestServer();
  });
  after(async () => {
    await app.close();
  });

  async function auditCount() {
    const row = await app.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function memberId(
    name: string,
    user: 'security-officer' | 'other-office-admin' = 'security-officer',
  ) {
    const members = await app
      .clientFor(user)
      .users.list.query()
      .then((page) => page.members);
    const member = members.find((m) => m.displayName === name);
    assert.ok(member, name);
    return member.userId;
  }

  it("lists only the caller's office's members", async () => {
    const maple = await app
      .clientFor('security-officer')
      .users.list.query()
      .then((page) => page.members);
    assert.deepEqual(maple.map((m) => m.displayName).sort(), [
      'Dana Whitfield',
      'Grace Kim',
      'Jordan Reyes',
      'Luis Ortega',
      'Priya Nair',
    ]);
    const harbor = await app
      .clientFor('other-office-admin')
      .users.list.query()
      .then((page) => page.members);
    assert.deepEqual(
      harbor.map((m) => m.displayName),
      ['Sam Okafor'],
    );
  });

  it('refuses the member list to a user without users.view', async () => {
    await assert.rejects(
      app
        .clientFor('office-user')
        .users.list.query()
        .then((page) => page.members),
      hasCode('FORBIDDEN'),
    );
  });

  it('makes a user view-only for the storefront, writes one audit row, and the user sees the change', async () => {
    const priya = await memberId('Priya Nair');
    const before = await auditCount();
    const member = await app.clientFor('security-officer').users.setPermissions.mutate({
      userId: priya,
      deny: ['storefront.manage'],
    });
    assert.deepEqual(member.deniedPermissions, ['storefront.manage']);
    assert.ok(member.effectivePermissions.includes('storefront.view'));
    assert.ok(!member.effectivePermissions.includes('storefront.manage'));
    assert.equal(await auditCount(), before + 1);
    const row = await app.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'membership.permissions.update')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(row.entity, 'membership');
    assert.equal(row.entity_id, priya);
    assert.equal(row.at.toISOString(), '2026-11-23T15:00:00.000Z');
    assert.ok(row.request_id.length >= 8);
    const session = await app.clientFor('office-user').organizations.me.query();
    assert.ok(!session.permissions.includes('storefront.manage'));
    // The session says which procedures that leaves her, so a widget hides what she can no longer use.
    assert.ok(session.allowed.includes('storefront.listPlans'));
    assert.ok(!session.allowed.includes('storefront.subscribe'));
    assert.ok(!mayCall(session, 'storefront.stopCancellation'));
    const officer = await app.clientFor('security-officer').organizations.me.query();
    assert.ok(mayCall(officer, 'users.setPermissions'));
  });

  it("cannot touch another office's member: NOT_FOUND, nothing written", async () => {
    const sam = await memberId('Sam Okafor', 'other-office-admin');
    const before = await auditCount();
    await assert.rejects(
      app
        .clientFor('security-officer')
        .users.setPermissions.mutate({ userId: sam, deny: ['storefront.view'] }),
      hasCode('NOT_FOUND', 'userId'),
    );
    assert.equal(await auditCount(), before);
    const harbor = await app
      .clientFor('other-office-admin')
      .users.list.query()
      .then((page) => page.members);
    assert.deepEqual(harbor[0]?.deniedPermissions, []);
  });

  it('reports an unknown user id as NOT_FOUND', async () => {
    await assert.rejects(
      app.clientFor('security-officer').users.setPermissions.mutate({ userId: randomUUID() }),
      hasCode('NOT_FOUND', 'userId'),
    );
  });

  it('refuses a user without users.manage', async () => {
    const priya = await memberId('Priya Nair');
    await assert.rejects(
      app
        .clientFor('billing-manager')
        .users.setPermissions.mutate({ userId: priya, grant: ['users.manage'] }),
      hasCode('FORBIDDEN'),
    );
  });

  it('refuses to hand a payer staff permission to an office user', async () => {
    const priya = await memberId('Priya Nair');
    await assert.rejects(
      app
        .clientFor('security-officer')
        .users.setPermissions.mutate({ userId: priya, grant: ['staff.subscriptions.cancel'] }),
      hasCode('FORBIDDEN', 'grant'),
    );
  });

  it('refuses to let a security officer lock themself out', async () => {
    const dana = await memberId('Dana Whitfield');
    await assert.rejects(
      app.clientFor('security-officer').users.setPermissions.mutate({ userId: dana, deny: ['users.manage'] }),
      hasCode('CONFLICT', 'deny'),
    );
  });

  for (const [label, input, fieldPath] of [
    ['a user id that is not a UUID', { userId: 'x' }, 'userId'],
    ['an unknown permission', { userId: randomUUID(), grant: ['storefront.everything'] }, 'grant[0]'],
    [
      'a permission both granted and denied',
      { userId: randomUUID(), grant: ['users.view'], deny: ['users.view'] },
      'deny',
    ],
    ['a missing user id', {}, 'userId'],
    ['a string instead of an object', 'drop table memberships', null],
  ] as const) {
    it(`answers ${label} with BAD_REQUEST and its field path`, async () => {
      const before = await auditCount();
      await assert.rejects(
        // Deliberately outside the typed input: the server must refuse what a hostile caller sends.
        app.clientFor('security-officer').users.setPermissions.mutate(input as never),
        (error: unknown) =>
          error instanceof PorticoError &&
          error.code === 'BAD_REQUEST' &&
          error.fieldPath === fieldPath &&
          error.message.length > 0,
      );
      assert.equal(await auditCount(), before);
    });
  }
});
