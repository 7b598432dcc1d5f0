import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPorticoClient, npiCheckDigit } from '@portico/core';
import { mintToken } from '../packages/server/src/auth/tokens.ts';
import { SandboxGateway } from '../packages/server/src/billing/sandbox-gateway.ts';
import { PinnedClock } from '../packages/server/src/clock.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { openPostgres } from '../packages/server/src/db/connect.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { startPorticoServer } from '../packages/server/src/http/server.ts';
import { createLogger } from '../packages/server/src/logger.ts';
import { demoTokenClaims, seedDemo } from '../packages/server/src/seed/demo-office.ts';
import { withDatabase } from './support.ts';

const SECRET = 'portico-bench-secret-0123456789abcdef-0123456789';

/**
 * A roster upload of `rows` providers through the real HTTP server and the SDK on PostgreSQL (every row checked,
 * inserted and audited in one transaction), against `psql \copy` of the same CSV into a plain table; then the
 * streamed roster download of the same list.
 */
export async function benchRoster(serverUrl: string, rows: number): Promise<Record<string, string>> {
  const dataDir = join(import.meta.dirname, '.data');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `roster-${rows}.csv`);
  const lines = ['NPI,FIRST_NAME,LAST_NAME,ORGANIZATION_NAME,TIN,SPECIALTY'];
  for (let i = 0; i < rows; i += 1) {
    const firstNine = String(170000000 + i);
    lines.push(`${firstNine}${npiCheckDigit(firstNine)},Pat,Rivera ${i},,12-3456789,Family medicine`);
  }
  const csv = `${lines.join('\n')}\n`;
  writeFileSync(file, csv);

  const copySeconds = await withDatabase(serverUrl, 'portico_bench_roster_copy', async (url) => {
    execFileSync('psql', [
      url,
      '-q',
      '-c',
      'create table roster_raw (npi text, first_name text, last_name text, organization_name text, tin text, specialty text)',
    ]);
    const started = performance.now();
    execFileSync('psql', [
      url,
      '-q',
      '-c',
      `\\copy roster_raw from '${file}' with (format csv, header true)`,
    ]);
    return (performance.now() - started) / 1000;
  });

  return withDatabase(serverUrl, 'portico_bench_roster', async (url) => {
    const database = openPostgres(url, 10);
    const clock = new PinnedClock('2026-11-23T15:00:00Z');
    const gateway = await SandboxGateway.open({ databaseUrl: url, dataDir: 'memory://' });
    try {
      await migrateToLatest(database.db);
      await seedDemo(database.db, { issuer: 'portico-bench', now: clock.now() });
      const config = {
        ...loadConfig({
          PORT: '0',
          DATABASE_URL: url,
          PORTICO_JWT_SECRET: SECRET,
          PORTICO_JWT_ISSUER: 'portico-bench',
          PORTICO_ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 3).toString('base64')}`,
        }),
      };
      const server = await startPorticoServer({
        config,
        database,
        clock,
        gateway,
        logger: createLogger('silent'),
      });
      try {
        const token = () =>
          mintToken({
            secret: SECRET,
            issuer: 'portico-bench',
            audience: 'portico',
            ...demoTokenClaims('billing-manager'),
            now: clock.now(),
          });
        const client = createPorticoClient({ url: server.url, getToken: token });
        const started = performance.now();
        const report = await client.providers.importRoster.mutate({ csv, mode: 'all-or-nothing' });
        const uploadSeconds = (performance.now() - started) / 1000;
        if (report.added !== rows) throw new Error(`roster upload added ${report.added} of ${rows}`);
        const downloadStarted = performance.now();
        const response = await client.files.providerRoster();
        let bytes = 0;
        for await (const chunk of response.body ?? []) bytes += (chunk as Uint8Array).byteLength;
        const downloadSeconds = (performance.now() - downloadStarted) / 1000;
        return {
          roster: `${rows.toLocaleString('en-US')} rows, ${(csv.length / 1024 / 1024).toFixed(1)} MB`,
          'baseline: psql \\copy into a plain table': `${copySeconds.toFixed(3)} s`,
          'upload through HTTP and the SDK (checked, inserted, audited)': `${uploadSeconds.toFixed(2)} s, ${Math.round(rows / uploadSeconds).toLocaleString('en-US')} rows/s: ${(copySeconds / uploadSeconds).toFixed(2)}× of \\copy`,
          'streamed roster download': `${downloadSeconds.toFixed(2)} s, ${Math.round(rows / downloadSeconds).toLocaleString('en-US')} rows/s (${(bytes / 1024 / 1024).toFixed(1)} MB)`,
        };
      } finally {
        await server.close();
      }
    } finally {
      await gateway.close();
      await database.close();
    }
  });
}
