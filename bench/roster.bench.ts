import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { npiCheckDigit } from '@portico/core';
import { demoTokenClaims } from '../packages/server/src/demo/demo-office.ts';
import { withBenchApp, withDatabase } from './support.ts';

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

  return withBenchApp(serverUrl, 'portico_bench_roster', async (app) => {
    const client = (await app.serve()).clientFor(demoTokenClaims('billing-manager'));
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
  });
}
