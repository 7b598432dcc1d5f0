// `npm run bench`: Portico's benchmarks against a baseline measured in the same run, on PostgreSQL.
// DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres); each benchmark makes
// and drops its own databases. BENCH_PPEF_ROWS sets the enrollment file size (default 3,000,000).
import { benchPpefImport } from './ppef-import.bench.ts';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const rows = Number(process.env.BENCH_PPEF_ROWS ?? '3000000');

function print(title: string, results: Record<string, string>): void {
  process.stdout.write(`\n${title}\n`);
  const width = Math.max(...Object.keys(results).map((key) => key.length));
  for (const [key, value] of Object.entries(results))
    process.stdout.write(`  ${key.padEnd(width)}  ${value}\n`);
}

print('PPEF import vs psql \\copy (PostgreSQL)', await benchPpefImport(serverUrl, rows));
