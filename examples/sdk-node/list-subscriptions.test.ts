import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from '../../packages/server/src/testing/test-server.ts';

// Plain node, as an outside project runs it: no TypeScript loader and no source condition, so `@portico/core`
// resolves to its built dist/ (`npm test` builds the packages first).
const plainNode = { ...process.env, NODE_OPTIONS: '' };

describe('examples/sdk-node', () => {
  let app: TestServer;
  before(async () => {
    app = await startTestServer();
  });
  after(async () => {
    await app.close();
  });

  it("prints the office's subscriptions when run as a script against a real server", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['examples/sdk-node/list-subscriptions.mjs'],
      {
        env: { ...plainNode, PORTICO_URL: app.url, PORTICO_TOKEN: await app.tokenFor('billing-manager') },
      },
    );
    assert.match(stdout, /^Maple Street Family Practice: 1 subscription\(s\)$/m);
    assert.match(stdout, /AllPayer Access\s+ACTIVE\s+\$29\.95\/month since Sep 1, 2026/);
  });

  it('reports a refused token with its code and exits non-zero', async () => {
    await assert.rejects(
      promisify(execFile)(process.execPath, ['examples/sdk-node/list-subscriptions.mjs'], {
        env: { ...plainNode, PORTICO_URL: app.url, PORTICO_TOKEN: 'garbage' },
      }),
      (error: { code?: number; stderr?: string }) =>
        error.code === 1 && /UNAUTHORIZED/.test(error.stderr ?? ''),
    );
  });
});
