import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { systemClock } from '../packages/server/src/clock.ts';
import { openPostgres } from '../packages/server/src/db/connect.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { PPEF_COLUMNS } from '../packages/server/src/ppef/format.ts';
import { writePpefFile } from '../packages/server/src/ppef/generate.ts';
import { importPpefFile } from '../packages/server/src/ppef/import.ts';
import { percentile, withDatabase } from './support.ts';

/**
 * PPEF import on PostgreSQL against `psql \copy` of the same file into a plain table, in the same run;
 * then NPI lookup latency on the loaded table.
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

  // The baseline: \copy into a plain table; then, as a second reference, the same primary key built on it.
  const { copySeconds, keySeconds } = await withDatabase(serverUrl, 'portico_bench_copy', async (url) => {
    const columns = PPEF_COLUMNS.map((column) => `${column.toLowerCase()} text`).join(', ');
    execFileSync('psql', [url, '-q', '-c', `create table ppef_raw (${columns})`]);
    const started = performance.now();
    execFileSync('psql', [url, '-q', '-c', `\\copy ppef_raw from '${file}' with (format csv, header true)`]);
    const copied = performance.now();
    execFileSync('psql', [url, '-q', '-c', 'alter table ppef_raw add primary key (npi, enrlmt_id)']);
    return { copySeconds: (copied - started) / 1000, keySeconds: (performance.now() - copied) / 1000 };
  });

  return withDatabase(serverUrl, 'portico_bench_import', async (url) => {
    const database = openPostgres(url, 4);
    try {
      await migrateToLatest(database.db);
      const started = performance.now();
      const report = await importPpefFile(database, file, {
        clock: systemClock,
        onPhase: (phase) =>
          process.stdout.write(
            `  import: ${phase} at ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
          ),
      });
      const importSeconds = (performance.now() - started) / 1000;

      await sql`analyze ppef_enrollments`.execute(database.db);
      const { rows: sample } = await sql<{
        npi: string;
      }>`select npi from ppef_enrollments tablesample system (1) limit 2000`.execute(database.db);
      const latencies: number[] = [];
      for (let round = 0; round < 5; round += 1) {
        for (const { npi } of sample) {
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
      const probe = sample[0]?.npi ?? '';
      const explain = await sql<{
        'QUERY PLAN': string;
      }>`explain (analyze, format text) select * from ppef_enrollments where npi = ${probe}`.execute(
        database.db,
      );
      const execution =
        explain.rows.map((r) => r['QUERY PLAN']).find((line) => line.startsWith('Execution Time')) ?? '';
      return {
        file: `${rows.toLocaleString('en-US')} rows, ${megabytes.toFixed(0)} MB`,
        'psql \\copy (plain table)': `${copySeconds.toFixed(2)} s, ${Math.round(rows / copySeconds).toLocaleString('en-US')} rows/s`,
        'Portico import (parse, validate, COPY, key, swap)': `${importSeconds.toFixed(2)} s, ${Math.round(report.rowsRead / importSeconds).toLocaleString('en-US')} rows/s`,
        'ratio (import speed / \\copy speed)': `${(copySeconds / importSeconds).toFixed(2)}×`,
        'reference: \\copy, then the same primary key': `${(copySeconds + keySeconds).toFixed(2)} s: the import is ${((copySeconds + keySeconds) / importSeconds).toFixed(2)}× of it`,
        'rows loaded': report.rowsLoaded.toLocaleString('en-US'),
        'import phases (load: read, checksum, check, COPY / key / swap)': Object.values(report.phaseMs)
          .map((ms) => `${(ms / 1000).toFixed(2)} s`)
          .join(' / '),
        'NPI lookup through Kysely, p50 / p99': `${percentile(latencies, 50).toFixed(3)} ms / ${percentile(latencies, 99).toFixed(3)} ms`,
        'NPI lookup in PostgreSQL (EXPLAIN ANALYZE)': execution.replace('Execution Time: ', ''),
      };
    } finally {
      await database.close();
    }
  });
}
