import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PorticoEvent } from '@portico/core';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { waitFor } from '../testing/wait.ts';

/** Collects a subscription's events until `count` arrive or `ms` pass. */
function collect(app: TestServer, user: 'security-officer' | 'other-office-admin') {
  const events: PorticoEvent[] = [];
  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  const live = app.clientFor(user).events.stream.subscribe(undefined, {
    onData: (event) => events.push(event),
    onStarted: () => started(),
  });
  return { events, ready, stop: () => live.unsubscribe() };
}

describe('live events over SSE, fed by LISTEN/NOTIFY', () => {
  let app: TestServer;
  before(async () => {
    app = await startTestServer();
  });
  after(async () => {
    await app.close();
  });

  it("delivers a committed change to its own office's subscribers only", async () => {
    const maple = collect(app, 'security-officer');
    const harbor = collect(app, 'other-office-admin');
    await Promise.all([maple.ready, harbor.ready]);
    // The stream is open once onStarted fires; give the server a moment to attach its listener.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const admin = app.clientFor('security-officer');
    const priya = (await admin.users.list.query().then((page) => page.members)).find(
      (m) => m.displayName === 'Priya Nair',
    );
    assert.ok(priya);
    await admin.users.setPermissions.mutate({
      userId: priya.userId,
      deny: ['storefront.manage'],
    });
    await waitFor(() => maple.events.length === 1);
    assert.deepEqual(maple.events[0], {
      topic: 'membership.changed',
      entityId: priya.userId,
      at: '2026-11-23T15:00:00.000Z',
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(harbor.events, []);
    maple.stop();
    harbor.stop();
  });

  it('sends nothing for a change that was refused', async () => {
    const maple = collect(app, 'security-officer');
    await maple.ready;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const admin = app.clientFor('security-officer');
    const dana = (await admin.users.list.query().then((page) => page.members)).find(
      (m) => m.displayName === 'Dana Whitfield',
    );
    assert.ok(dana);
    await assert.rejects(admin.users.setPermissions.mutate({ userId: dana.userId, deny: ['users.manage'] }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(maple.events, []);
    maple.stop();
  });

  it('refuses a subscription without a valid token', async () => {
    const errors: string[] = [];
    const live = app.clientWithToken('not-a-token').events.stream.subscribe(undefined, {
      onData: () => undefined,
      onError: (error) => errors.push(error.code),
    });
    await waitFor(() => errors.length > 0);
    live.unsubscribe();
    assert.equal(errors[0], 'UNAUTHORIZED');
  });
});
