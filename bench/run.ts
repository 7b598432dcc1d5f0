// `npm run bench`: Portico's benchmarks against a baseline measured in the same run, on PostgreSQL.
// DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres); each benchmark makes
// and drops its own databases. BENCH_PPEF_ROWS sets the enrollment file size (default 3,000,000);
// BENCH_OFFICES the offices of the invoice run (default 10,000); BENCH_ROSTER_ROWS the roster upload's rows
// (default 10,000). BENCH_HUB_OFFICES, BENCH_HUB_TASKS and BENCH_HUB_EXPORT size the access hub's data (5,000
// offices, 1,000,000 tasks, a 100,000-task export). BENCH_ONLY=invoices|roster|ppef|hub|size|http runs one of them
// (size: the widgets' bundles, from the built packages; run `npm run build` first). BENCH_HTTP_SECONDS and
// BENCH_HTTP_ROUNDS set the request-path benchmark's round length (5 s) and rounds per target (3).
// BENCH_ONLY=users: user administration; BENCH_USERS_OFFICES (5,000), BENCH_OFFICE_USERS (5,000 in one office),
// BENCH_AUDIT_ROWS (10,000,000) and BENCH_LIFECYCLE_USERS (1,000,000) size it. BENCH_ONLY=x12: the X12 engine
// against x12-parser and node-x12 on a generated file of BENCH_X12_MB (100) MB, best of BENCH_X12_ROUNDS (3).
// BENCH_ONLY=eligibility: eligibility checks at 50 connections against the sandbox payer asked directly.
import { benchAccessHub } from './access-hub.bench.ts';
import { benchBundleSize } from './bundle-size.bench.ts';
import { benchEligibility } from './eligibility.bench.ts';
import { benchInvoiceRun } from './invoice-run.bench.ts';
import { benchPpefImport } from './ppef-import.bench.ts';
import { benchRequestPath } from './request-path.bench.ts';
import { benchRoster } from './roster.bench.ts';
import { benchUsers } from './users.bench.ts';
import { benchX12 } from './x12.bench.ts';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const rows = Number(process.env.BENCH_PPEF_ROWS ?? '3000000');
const offices = Number(process.env.BENCH_OFFICES ?? '10000');
const rosterRows = Number(process.env.BENCH_ROSTER_ROWS ?? '10000');
const hubOffices = Number(process.env.BENCH_HUB_OFFICES ?? '5000');
const hubTasks = Number(process.env.BENCH_HUB_TASKS ?? '1000000');
const hubExport = Number(process.env.BENCH_HUB_EXPORT ?? '100000');
const only = process.env.BENCH_ONLY;

function print(title: string, results: Record<string, string>): void {
  process.stdout.write(`\n${title}\n`);
  const width = Math.max(...Object.keys(results).map((key) => key.length));
  for (const [key, value] of Object.entries(results))
    process.stdout.write(`  ${key.padEnd(width)}  ${value}\n`);
}

if (only === undefined || only === 'size')
  print('Widget bundles for a host page (Vite production build; gzip -9)', await benchBundleSize());
if (only === undefined || only === 'invoices')
  print('Monthly invoice run (PostgreSQL)', await benchInvoiceRun(serverUrl, offices));
if (only === undefined || only === 'roster')
  print('Roster upload and download (PostgreSQL, HTTP and SDK)', await benchRoster(serverUrl, rosterRows));
if (only === undefined || only === 'ppef')
  print('PPEF import vs psql \\copy (PostgreSQL)', await benchPpefImport(serverUrl, rows));
if (only === undefined || only === 'hub')
  print(
    'Access hub: dashboard and tasks queries, CSV export (PostgreSQL)',
    await benchAccessHub(serverUrl, hubOffices, hubTasks, hubExport),
  );
if (only === undefined || only === 'http')
  print(
    'Request path at 50 connections vs a bare node:http + pg + jose handler (PostgreSQL, autocannon)',
    await benchRequestPath(serverUrl),
  );
if (only === undefined || only === 'users')
  print(
    'User administration: user list, audit page, lifecycle pass (PostgreSQL)',
    await benchUsers(
      serverUrl,
      Number(process.env.BENCH_USERS_OFFICES ?? '5000'),
      Number(process.env.BENCH_OFFICE_USERS ?? '5000'),
      Number(process.env.BENCH_AUDIT_ROWS ?? '10000000'),
      Number(process.env.BENCH_LIFECYCLE_USERS ?? '1000000'),
    ),
  );
if (only === undefined || only === 'x12')
  print(
    'X12: tokenize and typed 835 models vs x12-parser and node-x12 (one process each, peak RSS)',
    await benchX12(Number(process.env.BENCH_X12_MB ?? '100'), Number(process.env.BENCH_X12_ROUNDS ?? '3')),
  );
if (only === undefined || only === 'eligibility')
  print(
    'Eligibility round trips at 50 connections vs the sandbox payer alone (PostgreSQL, autocannon)',
    await benchEligibility(serverUrl),
  );
