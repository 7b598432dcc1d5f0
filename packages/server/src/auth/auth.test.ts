import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PorticoError } from '@portico/core';
import { SignJWT } from 'jose';
import {
  startTestServer,
  TEST_AUDIENCE,
  TEST_ISSUER,
  TEST_SECRET,
  type TestServer,
} from '../testing/test-server.ts';

const isUnauthorized = (pattern: RegExp) => (error: unknown) =>
  error instanceof PorticoError && error.code === 'UNAUTHORIZED' && pattern.test(error.message);

describe('host-portal token hand-off', () => {
  let app: TestServer;
  before(async () => {
    app = await startTestServer();
  });
  after(async () => {
    await app.close();
  });

  it('maps a valid token to the user and organization it names', async () => {
    const session = await app.clientFor('security-officer').organizations.me.query();
    assert.equal(session.user.displayName, 'Dana Whitfield');
    assert.equal(session.organization.name, 'Maple Street Family Practice');
    assert.deepEqual(session.roles, ['SECURITY_OFFICER']);
    assert.ok(session.permissions.includes('users.manage'));
    assert.deepEqual(
      session.sites.map((site) => site.name),
      ['Main Street clinic', 'Riverside clinic'],
    );
  });

  it("gives the office's date by the server's clock in the office's time zone, for the widgets' dates", async () => {
    const pinned = app.clock.now();
    try {
      // 03:00 UTC on the 24th is still the evening of the 23rd in New York, where the demo office is.
      app.clock.set(new Date('2026-11-24T03:00:00Z'));
      assert.equal((await app.clientFor('office-user').organizations.me.query()).today, '2026-11-23');
      app.clock.set(new Date('2026-11-24T05:30:00Z'));
      assert.equal((await app.clientFor('office-user').organizations.me.query()).today, '2026-11-24');
    } finally {
      app.clock.set(pinned);
    }
  });

  it('refuses a request without a token', async () => {
    await assert.rejects(app.clientWithToken(null).organizations.me.query(), isUnauthorized(/no token/));
  });

  it('refuses an expired token', async () => {
    const token = await app.tokenFor('office-user', { lifetimeSeconds: 60 });
    app.clock.advance(10 * 60 * 1000);
    try {
      await assert.rejects(app.clientWithToken(token).organizations.me.query(), isUnauthorized(/expired/));
    } finally {
      app.clock.advance(-10 * 60 * 1000);
    }
  });

  it('refuses a token for another audience', async () => {
    const token = await app.tokenFor('office-user', { audience: 'some-other-service' });
    await assert.rejects(app.clientWithToken(token).organizations.me.query(), isUnauthorized(/not valid/));
  });

  it('refuses a token from another issuer', async () => {
    const token = await app.tokenFor('office-user', { issuer: 'https://evil.example' });
    await assert.rejects(app.clientWithToken(token).organizations.me.query(), isUnauthorized(/not valid/));
  });

  it('refuses a token signed with another secret', async () => {
    const token = await app.tokenFor('office-user', { secret: 'x'.repeat(48) });
    await assert.rejects(app.clientWithToken(token).organizations.me.query(), isUnauthorized(/not valid/));
  });

  it('refuses a tampered token that switches its organization', async () => {
    const token = await app.tokenFor('office-user');
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
    claims.org = 'demo-office-2';
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    await assert.rejects(app.clientWithToken(forged).organizations.me.query(), isUnauthorized(/not valid/));
  });

  it('refuses an unsigned (alg none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const now = Math.floor(app.clock.now().getTime() / 1000);
    const body = Buffer.from(
      JSON.stringify({
        sub: 'demo-security-officer',
        org: 'demo-office',
        iss: TEST_ISSUER,
        aud: TEST_AUDIENCE,
        iat: now,
        exp: now + 60,
      }),
    ).toString('base64url');
    await assert.rejects(
      app.clientWithToken(`${header}.${body}.`).organizations.me.query(),
      isUnauthorized(/not valid/),
    );
  });

  it('refuses a token minted to live longer than an hour', async () => {
    const token = await app.tokenFor('office-user', { lifetimeSeconds: 3 * 3600 });
    await assert.rejects(
      app.clientWithToken(token).organizations.me.query(),
      isUnauthorized(/longer than Portico accepts/),
    );
  });

  it('refuses a token without the org claim', async () => {
    const now = Math.floor(app.clock.now().getTime() / 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setSubject('someone')
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(new TextEncoder().encode(TEST_SECRET));
    await assert.rejects(app.clientWithToken(token).organizations.me.query(), isUnauthorized(/claims/));
  });

  it('refuses a token naming an organization the server does not know', async () => {
    const token = await app.tokenFor('office-user', { organization: 'no-such-office' });
    await assert.rejects(app.clientWithToken(token).organizations.me.query(), isUnauthorized(/organization/));
  });

  it('makes a first-time office user an access request that may do nothing until approved, and audits it', async () => {
    const token = await app.tokenFor('office-user', { subject: 'new-hire-42', name: 'Ada Newhire' });
    const client = app.clientWithToken(token);
    const session = await client.organizations.me.query();
    assert.equal(session.user.displayName, 'Ada Newhire');
    assert.deepEqual(session.roles, ['OFFICE_USER']);
    assert.deepEqual(session.permissions, []);
    assert.deepEqual([...session.allowed].sort(), ['events.stream', 'organizations.me', 'users.attest']);
    assert.deepEqual(session.access, {
      status: 'PENDING',
      reason: 'REQUESTED',
      renewalDueAt: null,
      mayAttest: false,
    });
    await assert.rejects(
      client.storefront.listPlans.query(),
      (error: unknown) =>
        error instanceof PorticoError &&
        error.code === 'FORBIDDEN' &&
        /waiting for a user administrator/.test(error.message),
    );
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'entity_id', 'actor_user_id'])
      .where('action', '=', 'membership.provision')
      .execute();
    assert.deepEqual(audit, [
      {
        action: 'membership.provision',
        entity: 'membership',
        entity_id: session.user.id,
        actor_user_id: session.user.id,
      },
    ]);
  });

  it('provisions a first-time user once when their first requests arrive together', async () => {
    // A widget's first page load sends several requests at once; on PostgreSQL they race for the same rows.
    const token = await app.tokenFor('office-user', { subject: 'new-hire-43', name: 'Bo Together' });
    const client = app.clientWithToken(token);
    const sessions = await Promise.all(Array.from({ length: 8 }, () => client.organizations.me.query()));
    assert.equal(new Set(sessions.map((session) => session.user.id)).size, 1);
    for (const session of sessions) assert.deepEqual(session.roles, ['OFFICE_USER']);
    const userId = sessions[0]?.user.id ?? '';
    const provisions = await app.database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'membership.provision')
      .where('entity_id', '=', userId)
      .execute();
    assert.equal(provisions.length, 1);
    const memberships = await app.database.db
      .selectFrom('memberships')
      .select('roles')
      .where('user_id', '=', userId)
      .execute();
    assert.deepEqual(memberships, [{ roles: ['OFFICE_USER'] }]);
  });

  it('gives a first-time user in the payer organization no role and no permission', async () => {
    const token = await app.tokenFor('sales', { subject: 'walk-in-staff' });
    const client = app.clientWithToken(token);
    const session = await client.organizations.me.query();
    assert.deepEqual(session.roles, []);
    assert.deepEqual(session.permissions, []);
    await assert.rejects(
      client.storefront.listPlans.query(),
      (error: unknown) => error instanceof PorticoError && error.code === 'FORBIDDEN',
    );
  });
});
