import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PorticoError } from '@portico/core';
import { startSecondInstance, startTestServer, type TestServer } from '../testing/test-server.ts';
import { waitFor } from '../testing/wait.ts';

const denied = (error: unknown) => error instanceof PorticoError && error.code === 'FORBIDDEN';

async function priyaId(app: TestServer): Promise<string> {
  const members = await app.clientFor('security-officer').organizations.listMembers.query();
  const priya = members.find((member) => member.displayName === 'Priya Nair');
  assert.ok(priya);
  return priya.userId;
}

/** The resolved-caller cache never lets a permission outlive its withdrawal (issue 23, the request path). */
describe('cached callers: a permission change takes effect at once, on every instance', () => {
  it('applies a withdrawal to the very next request on the same instance, though the caller was cached', async () => {
    const app = await startTestServer();
    try {
      const priya = app.clientFor('office-user');
      // Cached now: two calls that read the caller.
      assert.ok((await priya.organizations.me.query()).permissions.includes('storefront.manage'));
      await priya.storefront.listPlans.query();
      await app.clientFor('security-officer').organizations.setMemberPermissions.mutate({
        userId: await priyaId(app),
        deny: ['storefront.view'],
      });
      await assert.rejects(priya.storefront.listPlans.query(), denied);
      assert.ok(!(await priya.organizations.me.query()).permissions.includes('storefront.view'));
    } finally {
      await app.close();
    }
  });

  it('reaches another instance through LISTEN/NOTIFY (PostgreSQL)', async (t) => {
    if (!process.env.DATABASE_URL) {
      t.skip('embedded PGlite serves one process; several instances need PostgreSQL');
      return;
    }
    const first = await startTestServer();
    const second = await startSecondInstance(first);
    try {
      const priyaOnSecond = second.clientFor('office-user');
      await priyaOnSecond.storefront.listPlans.query();
      await first.clientFor('security-officer').organizations.setMemberPermissions.mutate({
        userId: await priyaId(first),
        deny: ['storefront.view'],
      });
      await waitFor(() => priyaOnSecond.storefront.listPlans.query().then(() => false, denied));
    } finally {
      await second.close();
      await first.close();
    }
  });
});
