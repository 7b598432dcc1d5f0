import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { systemClock } from '../packages/server/src/services/clock.ts';
import { openPostgres, type DatabaseHandle } from '../packages/server/src/db/connect.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { PPEF_COLUMNS } from '../packages/server/src/ppef/format.ts';
import { writePpefFile } from '../packages/server/src/ppef/generate.ts';
import { importPpefFile } from '../packages/server/src/ppef/import.ts';
import { percentile, withDatabase } from './support.ts';

/** Paired rounds of `\copy` and the import; the figures are their medians, as one round is at the mercy of the VM. */
const ROUNDS = Number(process.env.BENCH_PPEF_ROUNDS ?? '3');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** The baseline: `psql \copy` into a plain table; then, as a second reference, the same primary key built on it. */
async function copyRound(serverUrl: string, file: string) {
  return withDatabase(serverUrl, 'portico_bench_copy', async (url) => {
    const columns = PPEF_COLUMNS.map((column) => `${column.toLowerCase()} text`).join(', ');
    execFileSync('psql', [url, '-q', '-c', `create table ppef_raw (${columns})`]);
    const started = performance.now();
    execFileSync('psql', [url, '-q', '-c', `\\copy ppef_raw from '${file}' with (format csv, header true)`]);
    const copied = performance.now();
    execFileSync('psql', [url, '-q', '-c', 'alter table ppef_raw add primary key (npi, enrlmt_id)']);
    return { copySeconds: (copied - started) / 1000, keySeconds: (performance.now() - copied) / 1000 };
  });
}

/**
 * PPEF import on PostgreSQL against `psql \copy` of the same file into a plain table, in the same run: `ROUNDS`
 * rounds, each a `\copy` and an import into fresh databases, reported as medians with each round's ratio; then NPI
 * lookup latency on the last round's table.
 */
export async function benchPpefImport(serverUrl: string, rows: number): Promise<Record<string, string>> {
  const dataDir = join(import.meta.dirname, '.data');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `ppef-${rows}.csv`);
  if (!existsSync(file)) {
    process.stdout.write(`generating ${rows.toLocaleString('en-US')} rows → ${file}\n`);
    await writePpefFile(file, { rows, seed: 2026, dirtyRatio: 0 });
  }
  const megabytes = statSync(file).size / 1024 / 1024;
  const rounds: { copySeconds: number; keySeconds: number; importSeconds: number; phaseMs: number[] }[] = [];
  let lookups: Record<string, string> = {};
  let rowsRead = 0;
  let rowsLoaded = 0;
  for (let round = 1; round <= ROUNDS; round += 1) {
    const copy = await copyRound(serverUrl, file);
    const imported = await withDatabase(serverUrl, 'portico_bench_import', async (url) => {
      const database = openPostgres(url, 4);
      try {
        await migrateToLatest(database.db);
        const started = performance.now();
        const report = await importPpefFile(database, file, { clock: systemClock });
        const importSeconds = (performance.now() - started) / 1000;
        if (round === ROUNDS) {
          // Once as the import leaves the server (its 300 MB still being written back), once in steady state.
          const fresh = await measureLookups(database);
          await sql`checkpoint`.execute(database.db);
          const steady = await measureLookups(database);
          lookups = {
            'NPI lookup through Kysely, p50 / p99, just after the import': fresh.throughKysely,
            'NPI lookup through Kysely, p50 / p99, after a CHECKPOINT': steady.throughKysely,
            'NPI lookup in PostgreSQL (EXPLAIN ANALYZE)': steady.inPostgres,
          };
        }
        return { importSeconds, report };
      } finally {
        await database.close();
      }
    });
    rowsRead = imported.report.rowsRead;
    rowsLoaded = imported.report.rowsLoaded;
    rounds.push({
      ...copy,
      importSeconds: imported.importSeconds,
      phaseMs: Object.values(imported.report.phaseMs),
    });
    process.stdout.write(
      `  round ${round}: \\copy ${copy.copySeconds.toFixed(2)} s, import ${imported.importSeconds.toFixed(2)} s (${Object.values(
        imported.report.phaseMs,
      )
        .map((ms) => (ms / 1000).toFixed(2))
        .join(' / ')}): ${(copy.copySeconds / imported.importSeconds).toFixed(2)}×\n`,
    );
  }
  const copySeconds = median(rounds.map((r) => r.copySeconds));
  const importSeconds = median(rounds.map((r) => r.importSeconds));
  const withKey = median(rounds.map((r) => r.copySeconds + r.keySeconds));
  const ratios = rounds.map((r) => r.copySeconds / r.importSeconds);
  const phases = [0, 1, 2].map((phase) => median(rounds.map((r) => r.phaseMs[phase] ?? 0)));
  return {
    file: `${rows.toLocaleString('en-US')} rows, ${megabytes.toFixed(0)} MB`,
    rounds: `${ROUNDS} (a \\copy and an import each, fresh databases; medians below)`,
    'psql \\copy (plain table)': `${copySeconds.toFixed(2)} s, ${Math.round(rows / copySeconds).toLocaleString('en-US')} rows/s`,
    'Portico import (parse, validate, COPY, key, swap)': `${importSeconds.toFixed(2)} s, ${Math.round(rowsRead / importSeconds).toLocaleString('en-US')} rows/s`,
    'ratio (import speed / \\copy speed), median of rounds': `${median(ratios).toFixed(2)}× (rounds: ${ratios.map((r) => `${r.toFixed(2)}×`).join(', ')})`,
    'reference: \\copy, then the same primary key': `${withKey.toFixed(2)} s: the import is ${(withKey / importSeconds).toFixed(2)}× of it`,
    'rows loaded': rowsLoaded.toLocaleString('en-US'),
    'import phases (load: read, checksum, check, COPY / key / swap)': phases
      .map((ms) => `${(ms / 1000).toFixed(2)} s`)
      .join(' / '),
    ...lookups,
  };
}

/**
 * NPI lookups on the loaded table: through Kysely (p50, p99 of 10,000), each beside a `select 1` through the same
 * pool as the baseline (a round trip that does no work, so it meets the same noise), and inside PostgreSQL
 * (EXPLAIN ANALYZE).
 */
async function measureLookups(
  database: DatabaseHandle,
): Promise<{ throughKysely: string; inPostgres: string }> {
  await sql`analyze ppef_enrollments`.execute(database.db);
  const { rows: sample } = await sql<{
    npi: string;
  }>`select npi from ppef_enrollments tablesample system (1) limit 2000`.execute(database.db);
  const latencies: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    for (const { npi } of sample) {
      const b0 = performance.now();
      await sql`select 1`.execute(database.db);
      baseline.push(performance.now() - b0);
      const t0 = performance.now();
      await database.db
        .selectFrom('ppef_enrollments')
        .select(['enrollment_id', 'provider_type_code'])
        .where('npi', '=', npi)
        .execute();
      latencies.push(performance.now() - t0);
    }
  }
  latencies.sort((a, b) => a - b);
  baseline.sort((a, b) => a - b);
  const probe = sample[0]?.npi ?? '';
  const explain = await sql<{
    'QUERY PLAN': string;
  }>`explain (analyze, format text) select * from ppef_enrollments where npi = ${probe}`.execute(database.db);
  const execution =
    explain.rows.map((r) => r['QUERY PLAN']).find((line) => line.startsWith('Execution Time')) ?? '';
  return {
    throughKysely: `${percentile(latencies, 50).toFixed(3)} ms / ${percentile(latencies, 99).toFixed(3)} ms (select 1: ${percentile(baseline, 50).toFixed(3)} ms / ${percentile(baseline, 99).toFixed(3)} ms)`,
    inPostgres: execution.replace('Execution Time: ', ''),
  };
}
