import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { npiCheckDigit, PorticoError, ROSTER_COLUMNS } from '@portico/core';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const npi = (firstNine: string) => firstNine + npiCheckDigit(firstNine);
const HEADER = ROSTER_COLUMNS.join(',');

describe('provider roster upload (CSV) through the SDK', () => {
  let app: TestServer;
  before(async () => {
    app = await startTestServer();
  });
  after(async () => {
    await app.close();
  });
  beforeEach(async () => {
    await app.database.db.deleteFrom('providers').execute();
  });

  const roster = [
    HEADER,
    `${npi('123456789')},Jordan,Reyes,,12-3456789,Family medicine`,
    `${npi('212345678')},,,"Smith, Jones & Associates",27-1234567,`,
    `1234567890,Bad,Check,,12-3456789,`,
    `${npi('134567890')},NoLast,,,12-3456789,`,
    `${npi('145678901')},Ssn,Holder,,123-45-6789,`,
    `${npi('123456789')},Jordan,Again,,12-3456789,`,
    `${npi('156789012')},Bad,Tin,,07-1234567,`,
  ].join('\r\n');

  it('adds the valid rows and reports each refused row with its line and field', async () => {
    const report = await app
      .clientFor('billing-manager')
      .providers.importRoster.mutate({ csv: roster, mode: 'valid-rows' });
    assert.equal(report.rowsRead, 7);
    assert.equal(report.added, 3);
    assert.deepEqual(
      report.rejected.map((row) => [row.line, row.field]),
      [
        [4, 'npi'],
        [5, 'lastName'],
        [7, 'npi'],
        [8, 'tin'],
      ],
    );
    assert.match(report.rejected[2]?.message ?? '', /also on line 2/);
    const list = await app.clientFor('billing-manager').providers.list.query();
    assert.deepEqual(
      list.map((p) => p.displayName),
      ['Jordan Reyes', 'Smith, Jones & Associates', 'Ssn Holder'],
    );
    assert.equal(list.find((p) => p.displayName === 'Ssn Holder')?.tin.display, '***-**-6789');
  });

  it('refuses the whole roster in all-or-nothing mode, listing every bad row, and adds nothing', async () => {
    await assert.rejects(
      app.clientFor('billing-manager').providers.importRoster.mutate({ csv: roster, mode: 'all-or-nothing' }),
      (error: unknown) =>
        error instanceof PorticoError &&
        error.code === 'BAD_REQUEST' &&
        /4 of 7 rows/.test(error.message) &&
        JSON.stringify(error.issues.map((i) => i.path)) ===
          JSON.stringify([
            ['rows', 4, 'npi'],
            ['rows', 5, 'lastName'],
            ['rows', 7, 'npi'],
            ['rows', 8, 'tin'],
          ]),
    );
    assert.deepEqual(await app.clientFor('billing-manager').providers.list.query(), []);
  });

  it('refuses rows whose NPI is already on the list', async () => {
    await app.clientFor('billing-manager').providers.add.mutate({
      npi: npi('123456789'),
      firstName: 'Jordan',
      lastName: 'Reyes',
      tin: '12-3456789',
    });
    const report = await app.clientFor('billing-manager').providers.importRoster.mutate({
      csv: `${HEADER}\n${npi('123456789')},Jordan,Reyes,,12-3456789,\n`,
      mode: 'valid-rows',
    });
    assert.deepEqual(
      [report.added, report.rejected[0]?.message],
      [0, `NPI ${npi('123456789')} is already on your provider list.`],
    );
  });

  it('refuses a roster with a wrong header', async () => {
    await assert.rejects(
      app
        .clientFor('billing-manager')
        .providers.importRoster.mutate({ csv: 'npi,name\n1234567893,x\n', mode: 'valid-rows' }),
      (error: unknown) =>
        error instanceof PorticoError &&
        error.code === 'BAD_REQUEST' &&
        error.fieldPath === 'csv' &&
        /missing: FIRST_NAME/.test(error.message),
    );
  });

  it('takes a 10,000-row roster in one upload, audited row by row', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 10_000; i += 1) {
      const first = String(100_000_000 + i * 7);
      lines.push(`${npi(first)},First${i},Last${i},,12-3456789,`);
    }
    const report = await app
      .clientFor('billing-manager')
      .providers.importRoster.mutate({ csv: lines.join('\n'), mode: 'all-or-nothing' });
    assert.deepEqual([report.rowsRead, report.added, report.rejected.length], [10_000, 10_000, 0]);
    const audited = await app.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('action', '=', 'provider.create')
      .executeTakeFirstOrThrow();
    assert.ok(Number(audited.n) >= 10_000);
  });

  it('refuses a 50 MB roster before reading it', async () => {
    const huge = `${HEADER}\n${'x'.repeat(50 * 1024 * 1024)}`;
    await assert.rejects(
      app.clientFor('billing-manager').providers.importRoster.mutate({ csv: huge, mode: 'valid-rows' }),
      (error: unknown) => error instanceof PorticoError && error.code === 'PAYLOAD_TOO_LARGE',
    );
  });

  it('is for people with the practice set-up permission only', async () => {
    await assert.rejects(
      app.clientFor('office-user').providers.importRoster.mutate({ csv: roster, mode: 'valid-rows' }),
      (error: unknown) => error instanceof PorticoError && error.code === 'FORBIDDEN',
    );
  });
});
