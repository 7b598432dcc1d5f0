import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPorticoClient, PorticoError, porticoContract } from '@portico/core';
import { z } from 'zod';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

describe('the SDK client over HTTP: a proxy over the procedure path', () => {
  let app: TestServer;
  let token: string;
  before(async () => {
    app = await startTestServer();
    token = await app.tokenFor('security-officer');
  });
  after(async () => {
    await app.close();
  });

  it('calls procedures by path with no contract at run time, and takes answers as the server checked them', async () => {
    const client = createPorticoClient({ url: app.url, token });
    const session = await client.organizations.me.query();
    assert.equal(session.user.displayName.length > 0, true);
    const plans = await client.storefront.listPlans.query();
    assert.ok(plans.length > 0);
    // `subscribe` is a procedure's name here, not the call: the last step says how it is called.
    await assert.rejects(
      client.storefront.subscribe.mutate({ planCodes: [], acceptedAgreementVersion: 'x' }),
      (error) => error instanceof PorticoError && error.code === 'BAD_REQUEST',
    );
  });

  it('checks answers against a contract when given one, and refuses an answer that does not match', async () => {
    const drifted = {
      ...porticoContract,
      organizations: {
        ...porticoContract.organizations,
        me: { ...porticoContract.organizations.me, output: z.object({ user: z.object({ id: z.number() }) }) },
      },
    };
    const client = createPorticoClient({ url: app.url, token, contract: drifted });
    await assert.rejects(
      client.organizations.me.query(),
      (error) =>
        error instanceof PorticoError &&
        error.code === 'INTERNAL' &&
        error.message.includes('organizations.me') &&
        error.message.includes("does not match this SDK version's contract"),
    );
    // Other procedures are checked with their own (matching) schemas and pass.
    assert.ok((await client.storefront.listPlans.query()).length > 0);
  });

  it('says how to call when a path is called without query, mutate or subscribe', () => {
    const client = createPorticoClient({ url: app.url, token }) as unknown as Record<
      string,
      Record<string, () => unknown>
    >;
    assert.throws(() => client['storefront']?.['listPlans']?.(), /end with \.query, \.mutate or \.subscribe/);
  });

  it('is no promise: awaiting the client or a step of it gives the client back', async () => {
    const client = createPorticoClient({ url: app.url, token });
    assert.equal(await client, client);
    assert.equal(await client.storefront, client.storefront);
  });
});
