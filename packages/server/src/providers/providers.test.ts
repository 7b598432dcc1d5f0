import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { npiCheckDigit, PorticoError, type PorticoErrorCode, type ProviderInput } from '@portico/core';
import { PPEF_COLUMNS } from '../ppef/format.ts';
import { importPpefFile } from '../ppef/import.ts';
import { refusedWith } from '../testing/refusal.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { organizationId } from '../testing/organization-id.ts';

const npi = (firstNine: string) => firstNine + npiCheckDigit(firstNine);
const fails = refusedWith;

const jordan: ProviderInput = {
  npi: npi('123456789'),
  firstName: 'Jordan',
  lastName: 'Reyes',
  tin: '12-3456789',
  specialty: 'Family medicine',
};
const casey: ProviderInput = {
  npi: npi('198765432'),
  firstName: 'Casey',
  lastName: 'Lindqvist',
  tin: '123-45-6789',
};
const group: ProviderInput = {
  npi: npi('212345678'),
  organizationName: 'Maple Street Medical Group',
  tin: '27-1234567',
};

describe('providers: the office’s provider list through the HTTP server and the SDK', () => {
  let app: TestServer;
  let manager: TestServer['clientFor'] extends (key: never) => infer C ? C : never;

  before(async () => {
    app = await startTestServer();
    manager = app.clientFor('billing-manager');
    // The enrollment file this test reads, loaded by the import itself: the first row gives type 14-08 its
    // description, so Jordan's row is stored without it and the SDK must still show it.
    const dir = mkdtempSync(join(tmpdir(), 'portico-providers-'));
    const file = join(dir, 'ppef.csv');
    writeFileSync(
      file,
      [
        PPEF_COLUMNS.join(','),
        `${npi('111111111')},N,3234567890,I20170405000001,14-08,PRACTITIONER - FAMILY PRACTICE,NY,ANA,,LIMA,`,
        `${jordan.npi},N,1234567890,I20170405000123,14-08,PRACTITIONER - FAMILY PRACTICE,MA,JORDAN,,REYES,`,
        `${casey.npi},N,2234567890,I20190101000456,14-11,PRACTITIONER - INTERNAL MEDICINE,MA,CASEY,,LINDQVIST,`,
        '',
      ].join('\n'),
    );
    await importPpefFile(app.database, file, { clock: app.clock });
    rmSync(dir, { recursive: true, force: true });
    const stored = await app.database.db
      .selectFrom('ppef_enrollments')
      .select('provider_type_description')
      .where('npi', '=', jordan.npi)
      .executeTakeFirstOrThrow();
    assert.equal(stored.provider_type_description, null, "Jordan's row leaves its type's description out");
  });
  after(async () => {
    await app.close();
  });
  beforeEach(async () => {
    await app.database.db.deleteFrom('providers').execute();
    await app.database.db.deleteFrom('audit_log').where('action', 'like', 'provider.%').execute();
    await app.database.db.deleteFrom('subscriptions').where('plan_code', '<>', 'ALLPAYER_ACCESS').execute();
  });

  async function auditActions() {
    const rows = await app.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'provider.%')
      .execute();
    return rows.map((row) => row.action);
  }

  it('adds an individual provider and reads its Medicare status from the enrollment file', async () => {
    const added = await manager.providers.add.mutate(jordan);
    assert.equal(added.displayName, 'Jordan Reyes');
    assert.equal(added.entityKind, 'individual');
    assert.deepEqual(added.tin, { kind: 'EIN', display: '12-3456789' });
    assert.deepEqual(added.medicare, {
      enrolled: true,
      enrollments: [
        {
          enrollmentId: 'I20170405000123',
          providerTypeCode: '14-08',
          providerTypeDescription: 'PRACTITIONER - FAMILY PRACTICE',
          state: 'MA',
        },
      ],
    });
    const other = await manager.providers.add.mutate(group);
    assert.equal(other.displayName, 'Maple Street Medical Group');
    assert.equal(other.medicare.enrolled, false);
    const list = await app.clientFor('office-user').providers.list.query();
    assert.deepEqual(
      list.map((p) => p.displayName),
      ['Jordan Reyes', 'Maple Street Medical Group'],
    );
  });

  it('stores an SSN only sealed and shows it masked', async () => {
    const added = await manager.providers.add.mutate(casey);
    assert.deepEqual(added.tin, { kind: 'SSN', display: '***-**-6789' });
    const row = await app.database.db
      .selectFrom('providers')
      .selectAll()
      .where('id', '=', added.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.tin_ein, null);
    assert.ok(
      row.tin_ssn_sealed && !row.tin_ssn_sealed.includes('6789') && !row.tin_ssn_sealed.includes('123-45'),
    );
    assert.equal(app.server.services.sealer.open(row.tin_ssn_sealed), '123-45-6789');
    const listed = JSON.stringify(await manager.providers.list.query());
    assert.ok(!listed.includes('123-45-6789') && !listed.includes('123456789'));
    for (const line of app.logLines) assert.ok(!line.includes('123-45-6789'));
  });

  it('audits every change and every read of provider data', async () => {
    const added = await manager.providers.add.mutate(jordan);
    await manager.providers.list.query();
    await manager.providers.get.query({ id: added.id });
    await manager.providers.update.mutate({ id: added.id, provider: { ...jordan, specialty: 'Geriatrics' } });
    await manager.providers.remove.mutate({ id: added.id });
    assert.deepEqual(await auditActions(), [
      'provider.create',
      'provider.list',
      'provider.read',
      'provider.update',
      'provider.delete',
    ]);
  });

  it('lists an NPI once per office: a duplicate is a CONFLICT on npi and writes nothing', async () => {
    await manager.providers.add.mutate(jordan);
    await assert.rejects(
      manager.providers.add.mutate({ ...jordan, firstName: 'J.' }),
      fails('CONFLICT', 'npi'),
    );
    assert.equal((await manager.providers.list.query()).length, 1);
    const second = await manager.providers.add.mutate(group);
    await assert.rejects(
      manager.providers.update.mutate({
        id: second.id,
        provider: { ...group, npi: jordan.npi, firstName: 'x', lastName: 'y' },
      }),
      fails('CONFLICT', 'npi'),
    );
  });

  it('lets another office list the same NPI', async () => {
    await manager.providers.add.mutate(jordan);
    const theirs = await app.clientFor('other-office-admin');
    await app.database.db
      .updateTable('memberships')
      .set({ granted_permissions: ['practice_setup.manage'] })
      .execute();
    const added = await theirs.providers.add.mutate(jordan);
    assert.equal(added.npi, jordan.npi);
    await app.database.db.updateTable('memberships').set({ granted_permissions: [] }).execute();
  });

  for (const [label, input, fieldPath] of [
    ['a wrong NPI check digit', { ...jordan, npi: '1234567890' }, 'npi'],
    ['an NPI of 9 digits', { ...jordan, npi: '123456789' }, 'npi'],
    ['an NPI of 11 digits', { ...jordan, npi: '12345678931' }, 'npi'],
    ['an NPI with letters', { ...jordan, npi: '12345678A3' }, 'npi'],
    ['a TIN with an unassigned EIN prefix', { ...jordan, tin: '07-1234567' }, 'tin'],
    ['a TIN in no known format', { ...jordan, tin: '1234' }, 'tin'],
    ['a never-issued SSN', { ...jordan, tin: '666-12-3456' }, 'tin'],
    ['a person without a last name', { ...jordan, lastName: undefined }, 'lastName'],
    ['an organization NPI without the group name', { ...group, organizationName: '   ' }, 'organizationName'],
    ['a 10,000-character name', { ...jordan, firstName: 'x'.repeat(10_000) }, 'firstName'],
  ] as const) {
    it(`refuses ${label} with BAD_REQUEST on ${fieldPath}, writing nothing`, async () => {
      await assert.rejects(
        manager.providers.add.mutate(input as ProviderInput),
        fails('BAD_REQUEST', fieldPath),
      );
      assert.deepEqual(await manager.providers.list.query(), []);
    });
  }

  it("cannot read, change or remove another office's provider", async () => {
    await app.database.db
      .updateTable('memberships')
      .set({ granted_permissions: ['practice_setup.manage'] })
      .execute();
    try {
      const theirs = await app.clientFor('other-office-admin').providers.add.mutate(group);
      await assert.rejects(manager.providers.get.query({ id: theirs.id }), fails('NOT_FOUND', 'id'));
      await assert.rejects(
        manager.providers.update.mutate({ id: theirs.id, provider: jordan }),
        fails('NOT_FOUND', 'id'),
      );
      await assert.rejects(manager.providers.remove.mutate({ id: theirs.id }), fails('NOT_FOUND', 'id'));
      assert.equal(
        (await app.clientFor('other-office-admin').providers.get.query({ id: theirs.id })).displayName,
        'Maple Street Medical Group',
      );
    } finally {
      await app.database.db.updateTable('memberships').set({ granted_permissions: [] }).execute();
    }
  });

  it('lets ordinary users read the list but not change it; payer staff get neither', async () => {
    await assert.rejects(app.clientFor('office-user').providers.add.mutate(jordan), fails('FORBIDDEN'));
    await assert.rejects(app.clientFor('sales').providers.list.query(), fails('FORBIDDEN'));
    assert.deepEqual(await app.clientFor('office-user').providers.list.query(), []);
  });

  it('refuses to remove the last Medicare-enrolled provider while a Medicare plan is active', async () => {
    const office = { id: await organizationId(app.database.db, 'demo-office') };
    const first = await manager.providers.add.mutate(jordan);
    const unenrolled = await manager.providers.add.mutate(group);
    await manager.providers.remove.mutate({ id: first.id }); // no Medicare plan yet: allowed
    const again = await manager.providers.add.mutate(jordan);
    await app.database.db
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
    await manager.providers.remove.mutate({ id: unenrolled.id }); // not enrolled: allowed
    await assert.rejects(
      manager.providers.remove.mutate({ id: again.id }),
      (error: unknown) =>
        fails('LAST_MEDICARE_PROVIDER', 'id')(error) &&
        /only Medicare-enrolled provider/.test((error as Error).message),
    );
    // The same rule holds for an update that would change the NPI to one Medicare does not list.
    const notEnrolled = npi('155555555');
    await assert.rejects(
      manager.providers.update.mutate({ id: again.id, provider: { ...jordan, npi: notEnrolled } }),
      fails('LAST_MEDICARE_PROVIDER', 'provider.npi'),
    );
    assert.equal((await manager.providers.get.query({ id: again.id })).npi, jordan.npi, 'nothing changed');
    await manager.providers.update.mutate({ id: again.id, provider: { ...jordan, specialty: 'Pediatrics' } });
    const second = await manager.providers.add.mutate(casey);
    await manager.providers.remove.mutate({ id: again.id }); // another enrolled provider remains
    assert.deepEqual(
      (await manager.providers.list.query()).map((p) => p.id),
      [second.id],
    );
  });

  it('keeps one Medicare-enrolled provider when two removals race', async () => {
    const office = { id: await organizationId(app.database.db, 'demo-office') };
    await app.database.db
      .insertInto('subscriptions')
      .values({
        organization_id: office.id,
        plan_code: 'ALLPAYER_ADVANTAGE',
        monthly_price_cents: 3995,
        list_complete_on: '2026-10-01',
        billable_from: '2026-10-01',
        started_on: '2026-10-01',
      })
      .execute();
    // Several rounds: without the providers lock, PostgreSQL lets both removals through in some of them.
    for (let round = 0; round < 5; round += 1) {
      await app.database.db.deleteFrom('providers').execute();
      const a = await manager.providers.add.mutate(jordan);
      const b = await manager.providers.add.mutate(casey);
      const results = await Promise.allSettled([
        app.clientFor('billing-manager').providers.remove.mutate({ id: a.id }),
        app.clientFor('billing-manager').providers.remove.mutate({ id: b.id }),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, `round ${round}`);
      const rejected = results.find((r) => r.status === 'rejected');
      assert.ok(rejected && fails('LAST_MEDICARE_PROVIDER')(rejected.reason));
      assert.equal((await manager.providers.list.query()).length, 1);
    }
  });

  it('answers an unknown id with NOT_FOUND', async () => {
    await assert.rejects(manager.providers.get.query({ id: randomUUID() }), fails('NOT_FOUND', 'id'));
  });
});
