import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Migrator, sql } from 'kysely';
import type { DatabaseHandle } from './connect.ts';
import { migrateToLatest, migrationProvider } from './migrate.ts';
import { openTestDatabase } from '../testing/test-database.ts';

describe('database schema', () => {
  let database: DatabaseHandle;
  before(async () => {
    database = await openTestDatabase();
    await migrateToLatest(database.db);
  });
  after(async () => {
    await database.close();
  });

  it('leads the primary key and every index of each tenant table with organization_id (Citus-ready)', async () => {
    const { rows } = await sql<{ table: string; index: string; first_column: string }>`
      select t.relname as table, i.relname as index, a.attname as first_column
      from pg_index x
      join pg_class t on t.oid = x.indrelid
      join pg_class i on i.oid = x.indexrelid
      join pg_namespace n on n.oid = t.relnamespace
      join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
      where n.nspname = 'public'
        and exists (select 1 from information_schema.columns c
                    where c.table_schema = 'public' and c.table_name = t.relname and c.column_name = 'organization_id')
    `.execute(database.db);
    assert.ok(rows.length >= 8, `found ${rows.length} tenant indexes`);
    const offenders = rows.filter((row) => row.first_column !== 'organization_id');
    assert.deepEqual(offenders, []);
  });

  it('gives every tenant table a primary key', async () => {
    const { rows } = await sql<{ table: string }>`
      select c.table_name as table from information_schema.columns c
      where c.table_schema = 'public' and c.column_name = 'organization_id'
        and not exists (select 1 from information_schema.table_constraints k
                        where k.table_schema = 'public' and k.table_name = c.table_name and k.constraint_type = 'PRIMARY KEY')
    `.execute(database.db);
    assert.deepEqual(rows, []);
  });

  it('migrates idempotently: a second run applies nothing', async () => {
    assert.deepEqual(await migrateToLatest(database.db), []);
  });

  it('keeps calendar days as plain strings, not shifted Dates', async () => {
    const { rows } = await sql<{ day: unknown }>`select date '2026-03-08' as day`.execute(database.db);
    assert.equal(rows[0]?.day, '2026-03-08');
  });
});

describe('migration 0009: provider types held once', () => {
  it('takes the types from the rows already loaded, keeps every row as it was, and goes back down', async () => {
    const database = await openTestDatabase();
    try {
      const migrator = new Migrator({ db: database.db, provider: migrationProvider });
      const to = async (name: string) => {
        const { error } = await migrator.migrateTo(name);
        if (error) throw error;
      };
      await to('0008_ppef_key_collation');
      const row = (npi: string, enrollment: string, code: string, description: string) => ({
        npi,
        enrollment_id: enrollment,
        multiple_npi: false,
        pac_id: '1234567890',
        provider_type_code: code,
        provider_type_description: description,
        state_code: 'MA',
      });
      await database.db
        .insertInto('ppef_enrollments')
        .values([
          row('1234567893', 'I20170405000123', '14-08', 'PRACTITIONER - FAMILY PRACTICE'),
          row('1234567893', 'I20170405000124', '14-08', 'FAMILY PRACTICE (OLD NAME)'),
          row('1987654320', 'I20190101000456', '14-11', 'PRACTITIONER - INTERNAL MEDICINE'),
        ])
        .execute();
      await to('0009_ppef_provider_types');
      assert.deepEqual(
        await database.db.selectFrom('ppef_provider_types').selectAll().orderBy('code').execute(),
        [
          { code: '14-08', description: 'PRACTITIONER - FAMILY PRACTICE' },
          { code: '14-11', description: 'PRACTITIONER - INTERNAL MEDICINE' },
        ],
      );
      const descriptions = async () =>
        (
          await database.db
            .selectFrom('ppef_enrollments')
            .select('provider_type_description')
            .orderBy('enrollment_id')
            .execute()
        ).map((r) => r.provider_type_description);
      assert.deepEqual(await descriptions(), [
        'PRACTITIONER - FAMILY PRACTICE',
        'FAMILY PRACTICE (OLD NAME)',
        'PRACTITIONER - INTERNAL MEDICINE',
      ]);
      // A row stored the new way (NULL: its type's) gets its description written back on the way down.
      await database.db
        .updateTable('ppef_enrollments')
        .set({ provider_type_description: null })
        .where('enrollment_id', '=', 'I20190101000456')
        .execute();
      await to('0008_ppef_key_collation');
      assert.deepEqual(await descriptions(), [
        'PRACTITIONER - FAMILY PRACTICE',
        'FAMILY PRACTICE (OLD NAME)',
        'PRACTITIONER - INTERNAL MEDICINE',
      ]);
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from information_schema.tables where table_name = 'ppef_provider_types'`.execute(
        database.db,
      );
      assert.equal(rows[0]?.n, 0);
    } finally {
      await database.close();
    }
  });
});
