import { startTestServer } from './test-server.ts';

/**
 * A Portico server for the browser tests of @portico/elements: the demo offices, plus an office whose name
 * is markup (to prove the elements render it as text). Prints one JSON line with the URL and tokens, then
 * serves until its parent closes stdin or sends SIGTERM.
 */
async function main(): Promise<void> {
  const app = await startTestServer();
  await app.database.db
    .insertInto('organizations')
    .values({
      external_id: 'markup-office',
      name: '<img src=x onerror="window.__porticoPwned=1">Evil & Co',
      kind: 'office',
    })
    .execute();
  const markupToken = await app.tokenFor('office-user', {
    organization: 'markup-office',
    subject: 'markup-user',
  });
  const fixture = {
    url: app.url,
    tokens: {
      officeUser: await app.tokenFor('office-user'),
      otherOffice: await app.tokenFor('other-office-admin'),
      expired: await app.tokenFor('office-user', {
        now: new Date(app.clock.now().getTime() - 3600_000),
        lifetimeSeconds: 60,
      }),
      markupOffice: markupToken,
    },
  };
  process.stdout.write(`${JSON.stringify(fixture)}\n`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
  process.once('SIGTERM', () => void stop());
}

void main();
