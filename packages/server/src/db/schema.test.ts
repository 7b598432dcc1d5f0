import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { DatabaseHandle } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
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
