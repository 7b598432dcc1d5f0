import assert from 'node:assert/strict';
import { mkdtempSync, openAsBlob, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { npiCheckDigit, ROSTER_DOWNLOAD_COLUMNS } from '@portico/core';
import { parse } from 'csv-parse/sync';
import { PPEF_COLUMNS } from '../ppef/format.ts';
import { writePpefFile } from '../ppef/generate.ts';
import { PPEF_IMPORT_LOCK } from '../ppef/import.ts';
import { refusedWith } from '../testing/refusal.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { providerRow } from '../testing/provider-rows.ts';
import { organizationId } from '../testing/organization-id.ts';

const npi = (firstNine: string) => firstNine + npiCheckDigit(firstNine);

describe('streamed files through the HTTP server and the SDK', () => {
  let app: TestServer;
  let dir: string;
  const officeId = (externalId: string) => organizationId(app.database.db, externalId);

  before(async () => {
    app = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'portico-files-'));
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("downloads the office's roster as CSV in NPI order, SSNs masked, and only that office's providers", async () => {
    const manager = app.clientFor('billing-manager');
    await manager.providers.add.mutate({
      npi: '1234567893',
      firstName: 'Jordan',
      lastName: 'Reyes',
      tin: '12-3456789',
    });
    await manager.providers.add.mutate({
      npi: npi('198765432'),
      firstName: 'Casey',
      lastName: 'Lind, Jr.',
      tin: '123-45-6789',
    });
    await manager.providers.add.mutate({
      npi: npi('212345678'),
      organizationName: 'Maple "Street" Group',
      tin: '27-1234567',
    });
    await app.database.db
      .insertInto('providers')
      .values(providerRow(await officeId('demo-office-2'), npi('111111111'), 'Not Ours', '27-7654321'))
      .execute();

    const response = await app.clientFor('office-user').files.providerRoster();
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(response.headers.get('content-length'), null, 'streamed in chunks, not buffered');
    const rows: string[][] = parse(await response.text());
    assert.deepEqual(rows[0], [...ROSTER_DOWNLOAD_COLUMNS]);
    assert.deepEqual(
      rows.slice(1).map((row) => row.slice(0, 7)),
      [
        ['1234567893', 'Jordan', 'Reyes', '', '12-3456789', '', 'Y'],
        [npi('198765432'), 'Casey', 'Lind, Jr.', '', '***-**-6789', '', 'N'],
        [npi('212345678'), '', '', 'Maple "Street" Group', '27-1234567', '', 'N'],
      ],
    );
    const actions = (await app.database.db.selectFrom('audit_log').select('action').execute()).map(
      (r) => r.action,
    );
    assert.ok(actions.includes('provider.roster.download'));
  });

  it('pages through a roster larger than one page', async () => {
    const office = await officeId('demo-office');
    const rows = Array.from({ length: 2500 }, (_, i) =>
      providerRow(office, npi(String(150000000 + i)), `Bulk Provider ${i}`),
    );
    await app.database.db.insertInto('providers').values(rows).execute();
    const csv: string[][] = parse(await (await app.clientFor('office-user').files.providerRoster()).text());
    assert.equal(csv.length, 1 + 3 + 2500);
    const npis = csv.slice(1).map((row) => row[0] ?? '');
    assert.deepEqual(npis, [...npis].sort());
    assert.equal(new Set(npis).size, npis.length);
  });

  it('refuses the roster without a token, without the permission, and with the wrong method', async () => {
    await assert.rejects(app.clientWithToken(null).files.providerRoster(), refusedWith('UNAUTHORIZED'));
    await assert.rejects(app.clientFor('sales').files.providerRoster(), refusedWith('FORBIDDEN'));
    const wrong = await fetch(`${app.url}/files/providers/roster.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await app.tokenFor('office-user')}` },
    });
    assert.equal(wrong.status, 400);
    assert.equal(((await wrong.json()) as { error: { code: string } }).error.code, 'BAD_REQUEST');
  });

  it('lets system staff import an enrollment file through the API, once at a time', async () => {
    const salesUser = await app.database.db
      .selectFrom('users')
      .select('id')
      .where('subject', '=', 'demo-payer-sales')
      .executeTakeFirstOrThrow();
    const file = join(dir, 'ppef.csv');
    await writePpefFile(file, { rows: 3000, seed: 7, dirtyRatio: 0.002 });

    // Sales staff and office users may not import.
    await assert.rejects(
      app.clientFor('sales').files.importPpef(await openAsBlob(file)),
      refusedWith('FORBIDDEN'),
    );
    await assert.rejects(
      app.clientFor('security-officer').files.importPpef(await openAsBlob(file)),
      refusedWith('FORBIDDEN'),
    );
    assert.equal((await app.database.db.selectFrom('ppef_files').select('id').execute()).length, 0);

    await app.database.db
      .updateTable('memberships')
      .set({ roles: ['SALES', 'SYSTEM'] })
      .where('user_id', '=', salesUser.id)
      .execute();
    const system = app.clientFor('sales');
    const report = await system.files.importPpef(await openAsBlob(file), { fileName: 'ppef-2026-11.csv' });
    assert.equal(report.outcome, 'loaded');
    assert.equal(report.fileName, 'ppef-2026-11.csv');
    assert.equal(report.rowsRead, 3000);
    assert.ok(report.rowsLoaded > 2900);
    assert.equal(report.rowsMalformed, report.malformed.length);
    const again = await system.files.importPpef(await openAsBlob(file), { fileName: 'ppef-2026-11.csv' });
    assert.equal(again.outcome, 'unchanged');
    assert.deepEqual(
      again.phaseMs,
      { load: 0, key: 0, swap: 0 },
      'hashed as it was uploaded, never loaded again',
    );

    const wrongHeader = join(dir, 'wrong.csv');
    writeFileSync(wrongHeader, `${PPEF_COLUMNS.slice(1).join(',')}\n1,2,3\n`);
    await assert.rejects(
      system.files.importPpef(await openAsBlob(wrongHeader)),
      refusedWith('BAD_REQUEST', 'file'),
    );
    // The same file with its line feeds turned into carriage returns alone (old Mac CSV) is refused as such.
    const classicMac = join(dir, 'classic-mac.csv');
    writeFileSync(classicMac, readFileSync(file, 'utf8').replaceAll('\n', '\r'));
    await assert.rejects(system.files.importPpef(await openAsBlob(classicMac)), (error) => {
      assert.ok(refusedWith('BAD_REQUEST', 'file')(error));
      assert.match((error as Error).message, /carriage return alone/);
      return true;
    });

    // While another import runs (here: held by this test), an upload is refused, not interleaved.
    const held = await app.database.exclusive(PPEF_IMPORT_LOCK, async () => {
      await assert.rejects(system.files.importPpef(await openAsBlob(file)), refusedWith('CONFLICT'));
    });
    assert.equal(held.ran, true);
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'ppef.import')
      .execute();
    assert.equal(audit.length, 2);
  });
});
