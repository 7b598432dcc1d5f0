import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PorticoError } from '@portico/core';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

interface ErrorBody {
  error?: {
    message: string;
    data: { portico: { code: string; message: string; requestId: string | null }; stack?: string };
  };
}

describe('the HTTP surface: errors are typed, never raw, never leak', () => {
  let app: TestServer;
  let token: string;
  before(async () => {
    app = await startTestServer({ config: { maxBodyBytes: 4096 } });
    token = await app.tokenFor('security-officer');
  });
  after(async () => {
    await app.close();
  });

  const post = (path: string, body: string) =>
    fetch(`${app.url}/trpc/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });

  it('answers malformed JSON with 400 BAD_REQUEST and no stack', async () => {
    const response = await post('users.setPermissions', '{"userId": ');
    assert.equal(response.status, 400);
    const body: ErrorBody = await response.json();
    assert.equal(body.error?.data.portico.code, 'BAD_REQUEST');
    assert.equal(body.error?.data.stack, undefined);
  });

  it('answers an unknown procedure with 404 NOT_FOUND', async () => {
    const response = await fetch(`${app.url}/trpc/storefront.dropEverything`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 404);
    const body: ErrorBody = await response.json();
    assert.equal(body.error?.data.portico.code, 'NOT_FOUND');
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await post('users.setPermissions', JSON.stringify({ userId: 'x'.repeat(10_000) }));
    assert.equal(response.status, 413);
    const body: ErrorBody = await response.json();
    assert.equal(body.error?.data.portico.code, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses a mutation sent as GET', async () => {
    const response = await fetch(`${app.url}/trpc/users.setPermissions`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.ok(response.status === 405 || response.status === 400, String(response.status));
  });

  it('tags every response with a request id, and keeps a safe one from the load balancer', async () => {
    const fresh = await fetch(`${app.url}/health`);
    assert.match(fresh.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    const kept = await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'lb-1234567890' } });
    assert.equal(kept.headers.get('x-request-id'), 'lb-1234567890');
    const replaced = await fetch(`${app.url}/health`, { headers: { 'x-request-id': '<script>' } });
    assert.notEqual(replaced.headers.get('x-request-id'), '<script>');
  });

  it('reports health with the database kind', async () => {
    const response = await fetch(`${app.url}/health`);
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.status, 'ok');
    assert.equal(body.database, process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('answers CORS preflights for any origin, without cookies', async () => {
    const response = await fetch(`${app.url}/trpc/storefront.listPlans`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://portal.payer.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /authorization/);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });

  it('mints demo tokens in demo mode only for known demo users', async () => {
    const good = await fetch(`${app.url}/demo/token?as=billing-manager`);
    assert.equal(good.status, 200);
    const { token: demo } = await good.json();
    const session = await app.clientWithToken(demo).organizations.me.query();
    assert.equal(session.user.displayName, 'Luis Ortega');
    const bad = await fetch(`${app.url}/demo/token?as=root`);
    assert.equal(bad.status, 404);
  });

  it('never writes a token into the log', async () => {
    await app.clientWithToken(token).organizations.me.query();
    await fetch(`${app.url}/trpc/organizations.me?input=${encodeURIComponent(token)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.ok(app.logLines.length > 0);
    for (const line of app.logLines) assert.ok(!line.includes(token), line);
  });

  it('rolls the whole mutation back when its audit row cannot be written', async () => {
    const members = await app
      .clientFor('security-officer')
      .users.list.query()
      .then((page) => page.members);
    const priya = members.find((m) => m.displayName === 'Priya Nair');
    assert.ok(priya);
    await sql`alter table audit_log rename to audit_log_away`.execute(app.database.db);
    try {
      await assert.rejects(
        app
          .clientFor('security-officer')
          .users.setPermissions.mutate({ userId: priya.userId, deny: ['storefront.manage'] }),
        (error: unknown) => error instanceof PorticoError && error.code === 'INTERNAL',
      );
    } finally {
      await sql`alter table audit_log_away rename to audit_log`.execute(app.database.db);
    }
    const after = await app
      .clientFor('security-officer')
      .users.list.query()
      .then((page) => page.members);
    assert.deepEqual(after.find((m) => m.userId === priya.userId)?.deniedPermissions, []);
  });

  it('turns an unexpected failure into INTERNAL with a request id: stack in the log, not in the response', async () => {
    await sql`alter table subscriptions rename to subscriptions_away`.execute(app.database.db);
    try {
      const response = await fetch(`${app.url}/trpc/storefront.listSubscriptions`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(response.status, 500);
      const text = await response.text();
      assert.ok(!text.includes('subscriptions_away') && !text.includes('relation'), text);
      assert.ok(!/\bat .+\.ts:\d+/.test(text), 'no stack frames');
      const body: ErrorBody = JSON.parse(text);
      const requestId = response.headers.get('x-request-id');
      assert.equal(body.error?.data.portico.code, 'INTERNAL');
      assert.equal(body.error?.data.portico.requestId, requestId);
      assert.ok(body.error?.data.portico.message.includes(requestId ?? 'missing'));
      const logged = app.logLines.find(
        (line) => line.includes(requestId ?? 'missing') && line.includes('procedure failed'),
      );
      assert.ok(logged, 'the failure is logged with its request id');
      assert.match(logged, /"stack"/);
    } finally {
      await sql`alter table subscriptions_away rename to subscriptions`.execute(app.database.db);
    }
  });
});
