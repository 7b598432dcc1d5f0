import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { npiCheckDigit, PorticoError } from '@portico/core';
import { sql } from 'kysely';
import { PinnedClock } from '../services/clock.ts';
import { openPglite, type DatabaseHandle } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemo } from '../demo/demo-office.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { PPEF_COLUMNS } from './format.ts';
import { writePpefFile } from './generate.ts';
import { importPpefFile } from './import.ts';
import { providerRow } from '../testing/provider-rows.ts';
import { organizationId } from '../testing/organization-id.ts';

const HEADER = PPEF_COLUMNS.join(',');
const npi = (firstNine: string) => firstNine + npiCheckDigit(firstNine);
const REYES = npi('123456789');
const GROUP = npi('212345678');
const row = (n: string, enrollment: string, last = 'REYES', org = '') =>
  `${n},N,1234567890,${enrollment},14-08,PRACTITIONER - FAMILY PRACTICE,MA,JORDAN,,${last},${org}`;

describe('importing the Medicare enrollment file (PPEF)', () => {
  let database: DatabaseHandle & { url: string };
  let dir: string;
  const clock = new PinnedClock('2026-11-23T15:00:00Z');
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const enrolledNpis = async () =>
    (await database.db.selectFrom('ppef_enrollments').select('npi').distinct().orderBy('npi').execute()).map(
      (r) => r.npi,
    );

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portico-ppef-'));
    database = await openTestDatabase();
    await migrateToLatest(database.db);
    await seedDemo(database.db, { issuer: 'test', now: clock.now() });
  });
  after(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads a clean file and records its name, counts and checksum', async () => {
    const path = write(
      'clean.csv',
      `${HEADER}\n${row(REYES, 'I20170405000123')}\n${row(GROUP, 'O20170405000124', '', 'MAPLE STREET MEDICAL GROUP')}\n`,
    );
    const report = await importPpefFile(database, path, { clock });
    assert.equal(report.outcome, 'loaded');
    assert.deepEqual(
      [report.rowsRead, report.rowsLoaded, report.rowsMalformed, report.rowsDuplicate],
      [2, 2, 0, 0],
    );
    assert.match(report.sha256, /^[0-9a-f]{64}$/);
    // PostgreSQL parses a file it can take as it is; PGlite always goes through csv-parse.
    assert.deepEqual(await enrolledNpis(), [REYES, GROUP].sort());
    const file = await database.db
      .selectFrom('ppef_files')
      .selectAll()
      .where('status', '=', 'CURRENT')
      .executeTakeFirstOrThrow();
    assert.equal(file.file_name, 'clean.csv');
    assert.equal(file.rows_loaded, 2);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await database.db.selectFrom('ppef_files').select('id').execute();
    const report = await importPpefFile(database, join(dir, 'clean.csv'), { clock });
    assert.equal(report.outcome, 'unchanged');
    assert.deepEqual(await database.db.selectFrom('ppef_files').select('id').execute(), before);
  });

  it("takes the caller's checksum of a file it has not seen, instead of hashing it again", async () => {
    const path = write(
      'checked.csv',
      `${HEADER}\n${row(REYES, 'I20170405000123')}\n${row(GROUP, 'O20170405000124')}\n`,
    );
    const given = 'c'.repeat(64);
    const report = await importPpefFile(database, path, { clock, sha256: given });
    assert.equal(report.outcome, 'loaded');
    assert.equal(report.sha256, given);
    const again = await importPpefFile(database, path, { clock, sha256: given });
    assert.equal(again.outcome, 'unchanged');
  });

  it('refuses a file with a wrong header and keeps the current data', async () => {
    const path = write('wrong-header.csv', `NPI,NAME\n${row(REYES, 'I20170405000999')}\n`);
    await assert.rejects(
      importPpefFile(database, path, { clock }),
      (error: unknown) =>
        error instanceof PorticoError && error.code === 'BAD_REQUEST' && /header/.test(error.message),
    );
    await assert.rejects(importPpefFile(database, write('empty.csv', ''), { clock }), /empty/);
    assert.deepEqual(await enrolledNpis(), [REYES, GROUP].sort());
  });

  it('reads quoted commas, blank names, CRLF line ends and a UTF-8 BOM, and reports bad lines by number', async () => {
    const lines = [
      HEADER,
      row(REYES, 'I20170405000123'),
      `${GROUP},N,1234567890,O20170405000124,12-70,PART B SUPPLIER - CLINIC/GROUP PRACTICE,MA,,,,"SMITH, JONES & ASSOCIATES, P.C."`,
      `${npi('145678901')},N,1234567890,I20170405000125,14-08,PRACTITIONER - FAMILY PRACTICE,MA,,,,`,
      '1234567890,N,1234567890,I20170405000126,14-08,X,MA,A,,B,',
      `${npi('156789012')},N,123`,
    ];
    for (let i = 0; i < 200; i += 1)
      lines.push(row(npi(String(160000000 + i)), `I2017040500${String(1000 + i)}`));
    lines.push(`${npi('198765432')},N,1234567890,I20170405000999,14-08,"PRACTITIONER - FAMILY`);
    const path = write('dirty.csv', `\uFEFF${lines.join('\r\n')}`);
    const report = await importPpefFile(database, path, { clock, maxMalformedRatio: 0.05 });
    assert.equal(report.rowsRead, 206);
    assert.equal(report.rowsLoaded, 203);
    assert.deepEqual(report.malformed.slice(0, 2), [
      { line: 5, reason: 'NPI "1234567890" is not a valid NPI' },
      { line: 6, reason: 'has 3 fields instead of 11' },
    ]);
    assert.equal(report.malformed[2]?.line, 207, 'the truncated last line');
    const group = await database.db
      .selectFrom('ppef_enrollments')
      .selectAll()
      .where('npi', '=', GROUP)
      .executeTakeFirstOrThrow();
    assert.equal(group.organization_name, 'SMITH, JONES & ASSOCIATES, P.C.');
    const blank = await database.db
      .selectFrom('ppef_enrollments')
      .selectAll()
      .where('npi', '=', npi('145678901'))
      .executeTakeFirstOrThrow();
    assert.equal(blank.last_name, null);
  });

  it('reports rows with bad values by line, and trims padded values', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 150; i += 1)
      lines.push(row(npi(String(170000000 + i)), `I2017040600${String(1000 + i)}`));
    lines[10] = `1234567890,N,1234567890,I20170406009990,14-08,PRACTITIONER - FAMILY PRACTICE,NY,A,,B,`;
    lines[20] = `${npi('179999999')},N,1234567890,I20170406009991,14-08,PRACTITIONER - FAMILY PRACTICE,New York,A,,B,`;
    lines[30] = `${npi('179999998')},N,12345,I20170406009992,14-08,PRACTITIONER - FAMILY PRACTICE,NY,A,,B,`;
    lines[40] = ` ${npi('179999997')} ,N,1234567890,I20170406009993,14-08,PRACTITIONER - FAMILY PRACTICE,NY," Ana ","",Lima ,`;
    const report = await importPpefFile(database, write('values.csv', `${lines.join('\n')}\n`), {
      clock,
      maxMalformedRatio: 0.05,
    });
    assert.deepEqual([report.rowsRead, report.rowsMalformed, report.rowsLoaded], [150, 3, 147]);
    assert.deepEqual(report.malformed, [
      { line: 11, reason: 'NPI "1234567890" is not a valid NPI' },
      { line: 21, reason: 'STATE_CD is not a two-letter code' },
      { line: 31, reason: 'PECOS_ASCT_CNTL_ID is not 10 digits' },
    ]);
    const padded = await database.db
      .selectFrom('ppef_enrollments')
      .select(['npi', 'first_name', 'middle_name', 'last_name'])
      .where('enrollment_id', '=', 'I20170406009993')
      .executeTakeFirstOrThrow();
    assert.deepEqual(padded, {
      npi: npi('179999997'),
      first_name: 'Ana',
      middle_name: null,
      last_name: 'Lima',
    });
  });

  it('rejects a file over the malformed limit, records the refusal and keeps the current data', async () => {
    const before = await enrolledNpis();
    const path = write('mostly-bad.csv', `${HEADER}\n${row(REYES, 'I20170405000777')}\nbad,line\nworse\n`);
    await assert.rejects(importPpefFile(database, path, { clock }), /2 of 3 rows are malformed/);
    assert.deepEqual(await enrolledNpis(), before);
    const rejected = await database.db
      .selectFrom('ppef_files')
      .selectAll()
      .where('status', '=', 'REJECTED')
      .execute();
    assert.equal(rejected.length, 1);
    assert.equal(
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from pg_tables where tablename = 'ppef_enrollments_staging'`.execute(
          database.db,
        )
      ).rows[0]?.n,
      0,
    );
  });

  it('keeps one row per NPI and enrollment when the file repeats one', async () => {
    const path = write(
      'repeats.csv',
      `${HEADER}\n${row(REYES, 'I20170405000123')}\n${row(REYES, 'I20170405000123')}\n${row(REYES, 'I20170405000124')}\n`,
    );
    const report = await importPpefFile(database, path, { clock });
    assert.deepEqual([report.rowsLoaded, report.rowsDuplicate], [2, 1]);
    assert.equal((await database.db.selectFrom('ppef_enrollments').select('npi').execute()).length, 2);
  });

  it("holds each provider type's description once, keeps a row's own, and swaps the types with the file", async () => {
    const typed = (n: string, enrollment: string, code: string, description: string) =>
      `${n},N,1234567890,${enrollment},${code},${description},MA,JORDAN,,REYES,`;
    const types = () => database.db.selectFrom('ppef_provider_types').selectAll().orderBy('code').execute();
    await importPpefFile(
      database,
      write(
        'types-1.csv',
        [
          HEADER,
          typed(REYES, 'I20170405000123', '14-08', 'PRACTITIONER - FAMILY PRACTICE'),
          typed(REYES, 'I20170405000124', '14-08', 'FAMILY PRACTICE (OLD NAME)'),
          typed(GROUP, 'O20170405000124', '12-70', '"PART B SUPPLIER - CLINIC/GROUP PRACTICE"'),
          '',
        ].join('\n'),
      ),
      { clock },
    );
    assert.deepEqual(await types(), [
      { code: '12-70', description: 'PART B SUPPLIER - CLINIC/GROUP PRACTICE' },
      { code: '14-08', description: 'PRACTITIONER - FAMILY PRACTICE' },
    ]);
    const rows = await database.db
      .selectFrom('ppef_enrollments')
      .select(['enrollment_id', 'provider_type_description'])
      .orderBy('enrollment_id')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.enrollment_id, r.provider_type_description]),
      [
        ['I20170405000123', null],
        ['I20170405000124', 'FAMILY PRACTICE (OLD NAME)'],
        ['O20170405000124', null],
      ],
    );
    await importPpefFile(
      database,
      write(
        'types-2.csv',
        `${HEADER}\n${typed(REYES, 'I20170405000123', '14-08', 'PRACTITIONER - GENERAL')}\n`,
      ),
      { clock },
    );
    assert.deepEqual(await types(), [{ code: '14-08', description: 'PRACTITIONER - GENERAL' }]);
    const staging = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_tables where tablename like 'ppef%staging'`.execute(database.db);
    assert.equal(staging.rows[0]?.n, 0);
  });

  it('flags an office whose only Medicare provider left the file, and clears the flag when it returns', async () => {
    const office = { id: await organizationId(database.db, 'demo-office') };
    await database.db
      .insertInto('subscriptions')
      .values({
        organization_id: office.id,
        plan_code: 'MEDICARE',
        monthly_price_cents: 1995,
        list_complete_on: '2026-10-01',
        billable_from: '2026-10-01',
        started_on: '2026-10-01',
      })
      .execute();
    await database.db
      .insertInto('providers')
      .values(providerRow(office.id, REYES, 'Jordan Reyes', '12-3456789'))
      .execute();
    const without = await importPpefFile(
      database,
      write('without-reyes.csv', `${HEADER}\n${row(GROUP, 'O20170405000124', '', 'GROUP')}\n`),
      { clock },
    );
    assert.equal(without.officesFlagged, 1);
    assert.deepEqual(
      (await database.db.selectFrom('medicare_provider_gaps').select('organization_id').execute()).map(
        (r) => r.organization_id,
      ),
      [office.id],
    );
    const back = await importPpefFile(
      database,
      write('with-reyes.csv', `${HEADER}\n${row(REYES, 'I20170405000123')}\n`),
      { clock },
    );
    assert.equal(back.officesFlagged, 0);
    assert.deepEqual(await database.db.selectFrom('medicare_provider_gaps').selectAll().execute(), []);
  });

  it('starts a waiting Medicare subscription when its provider appears in a new file', async () => {
    const harbor = { id: await organizationId(database.db, 'demo-office-2') };
    const waiting = await database.db
      .insertInto('subscriptions')
      .values({
        organization_id: harbor.id,
        plan_code: 'MEDICARE',
        monthly_price_cents: 1995,
        started_on: '2026-11-02',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('providers')
      .values(providerRow(harbor.id, GROUP, 'Harbor Group'))
      .execute();
    const before = await importPpefFile(
      database,
      write('reyes-only.csv', `${HEADER}\n${row(REYES, 'I20170405000123')}\n`),
      {
        clock,
      },
    );
    assert.equal(before.subscriptionsStarted, 0);
    const report = await importPpefFile(
      database,
      write(
        'with-group.csv',
        `${HEADER}\n${row(REYES, 'I20170405000123')}\n${row(GROUP, 'O20170405000124', '', 'GROUP')}\n`,
      ),
      { clock },
    );
    assert.equal(report.subscriptionsStarted, 1);
    const started = await database.db
      .selectFrom('subscriptions')
      .select(['list_complete_on', 'ready_by', 'billable_from'])
      .where('id', '=', waiting.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(started, {
      list_complete_on: '2026-11-23',
      ready_by: '2026-11-25',
      billable_from: '2026-11-23',
    });
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'request_id'])
      .where('action', '=', 'subscription.activate')
      .execute();
    assert.deepEqual(audit, [{ actor_user_id: null, request_id: `ppef-import:${report.fileId}` }]);
  });

  it('finds one NPI through the primary key index', async () => {
    await importPpefFile(database, await generated('indexed.csv', 5000), { clock });
    await sql`analyze ppef_enrollments`.execute(database.db);
    const plan = await sql<{
      'QUERY PLAN': string;
    }>`explain select * from ppef_enrollments where npi = ${REYES}`.execute(database.db);
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    assert.match(text, /Index (Only )?Scan using ppef_enrollments_pkey/);
    // The key was built with full pages and kept them through the swap.
    const key = await sql<{
      reloptions: string[] | null;
    }>`select reloptions from pg_class where relname = 'ppef_enrollments_pkey'`.execute(database.db);
    assert.deepEqual(key.rows[0]?.reloptions, ['fillfactor=100']);
  });

  async function generated(name: string, rows: number) {
    const path = join(dir, name);
    await writePpefFile(path, { rows, seed: rows });
    return path;
  }
});

describe('an import killed half-way (kill -9)', () => {
  it('leaves the previous file in place, and the next import succeeds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-ppef-kill-'));
    const clock = new PinnedClock('2026-11-23T15:00:00Z');
    let database = await openTestDatabase({ pgliteDir: join(dir, 'data') });
    const reopen = async () => (process.env.DATABASE_URL ? database : openPglite(join(dir, 'data')));
    try {
      await migrateToLatest(database.db);
      const small = join(dir, 'small.csv');
      writeFileSync(small, `${PPEF_COLUMNS.join(',')}\n${row(REYES, 'I20170405000123')}\n`);
      await importPpefFile(database, small, { clock });
      const big = join(dir, 'big.csv');
      await writePpefFile(big, { rows: 300_000, seed: 7 });
      if (!process.env.DATABASE_URL) await database.close(); // PGlite: one process at a time
      const child = spawn(
        process.execPath,
        [
          '--conditions=portico-source',
          '--import',
          'tsx',
          'packages/server/src/cli/portico-server.ts',
          'import-ppef',
          big,
        ],
        {
          env: {
            ...process.env,
            ...(process.env.DATABASE_URL
              ? { DATABASE_URL: database.url }
              : { PORTICO_DATA_DIR: join(dir, 'data') }),
            PORTICO_JWT_SECRET: 'k'.repeat(40),
            PORTICO_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
          },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Kill once the load phase (staging table created, COPY under way) has started, never before.
      let progress = '';
      await new Promise<void>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          progress += chunk.toString('utf8');
          if (progress.includes('ppef import: load')) resolve();
        });
        child.once('exit', () => reject(new Error(`the import ended before loading: ${progress}`)));
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill('SIGKILL');
      await exited;
      database = Object.assign(await reopen(), { url: database.url });
      const npis = await database.db.selectFrom('ppef_enrollments').select('npi').execute();
      assert.deepEqual(
        npis.map((r) => r.npi),
        [REYES],
        'the previous file is intact',
      );
      const current = await database.db
        .selectFrom('ppef_files')
        .select('file_name')
        .where('status', '=', 'CURRENT')
        .execute();
      assert.deepEqual(current, [{ file_name: 'small.csv' }]);
      assert.deepEqual(await database.db.selectFrom('ppef_provider_types').selectAll().execute(), [
        { code: '14-08', description: 'PRACTITIONER - FAMILY PRACTICE' },
      ]);
      const report = await importPpefFile(database, big, { clock });
      assert.equal(report.outcome, 'loaded');
      assert.ok(report.rowsLoaded > 290_000);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
