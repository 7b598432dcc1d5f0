import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPorticoClient, npiCheckDigit, type PorticoError, type PorticoEvent } from '@portico/core';
import { EventSource } from 'eventsource';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { waitFor } from '../testing/wait.ts';

/** Defects 10 and 11 of issue 23: a stream ends with its token, and survives the database dropping LISTEN. */
describe('a live stream: no longer than its token, and through a lost database connection', () => {
  let app: TestServer;
  before(async () => {
    app = await startTestServer();
  });
  after(async () => {
    await app.close();
  });

  const addProvider = (firstNine: string) =>
    app.clientFor('billing-manager').providers.add.mutate({
      npi: `${firstNine}${npiCheckDigit(firstNine)}`,
      firstName: 'Sam',
      lastName: 'Okafor',
      tin: '27-7654321',
    });

  it('ends when its token expires and reopens with a fresh one from getToken, missing nothing after', async () => {
    let minted = 0;
    const client = createPorticoClient({
      url: app.url,
      EventSource,
      getToken: () => {
        minted += 1;
        return app.tokenFor('billing-manager', { lifetimeSeconds: 2 });
      },
    });
    const events: PorticoEvent[] = [];
    let started = 0;
    const live = client.events.stream.subscribe(undefined, {
      onData: (event) => events.push(event),
      onStarted: () => (started += 1),
    });
    await waitFor(() => started === 1);
    const tokensAtOpen = minted;
    // The token lives 2 s: the server ends the stream then, and the client opens it again with a new token.
    await waitFor(() => started >= 2 && minted > tokensAtOpen, 8000);
    assert.ok(!events.some((event) => event.topic === 'stream.expired'), 'the SDK handles the expiry itself');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const added = await addProvider('133333333');
    await waitFor(() => events.some((event) => event.entityId === added.id));
    live.unsubscribe();
  });

  it('stops delivering to a stream whose token has expired: reopening with it is refused', async () => {
    const token = await app.tokenFor('billing-manager', { lifetimeSeconds: 2 });
    const errors: PorticoError[] = [];
    let started = 0;
    const live = app.clientWithToken(token).events.stream.subscribe(undefined, {
      onData: () => undefined,
      onStarted: () => (started += 1),
      onError: (error) => errors.push(error),
    });
    await waitFor(() => started === 1);
    app.clock.advance(10_000); // past the 5 s clock tolerance too
    try {
      await waitFor(() => errors.length > 0);
      assert.equal(errors[0]?.code, 'UNAUTHORIZED');
    } finally {
      live.unsubscribe();
      app.clock.advance(-10_000);
    }
  });

  it('listens again after its LISTEN backend is killed, tells open streams to reload, and reports it in /readyz', async (t) => {
    if (app.database.kind !== 'postgres') {
      t.skip('PGlite listens in-process: there is no connection to lose');
      return;
    }
    const events: PorticoEvent[] = [];
    let started = false;
    const live = app.clientFor('billing-manager').events.stream.subscribe(undefined, {
      onData: (event) => events.push(event),
      onStarted: () => (started = true),
    });
    await waitFor(() => started);
    assert.equal((await fetch(`${app.url}/readyz`)).status, 200);
    const killed = await sql<{ pid: number }>`
      select pid from pg_stat_activity
      where datname = current_database() and query like 'LISTEN %' and pid <> pg_backend_pid()`.execute(
      app.database.db,
    );
    assert.ok(killed.rows.length > 0, 'found the LISTEN backend');
    for (const { pid } of killed.rows)
      await sql`select pg_terminate_backend(${pid})`.execute(app.database.db);
    await waitFor(() => events.some((event) => event.topic === 'stream.missed'));
    const ready = (await (await fetch(`${app.url}/readyz`)).json()) as { listener: string };
    assert.equal(ready.listener, 'listening');
    const added = await addProvider('144444444');
    await waitFor(() => events.some((event) => event.entityId === added.id));
    live.unsubscribe();
  });
});
