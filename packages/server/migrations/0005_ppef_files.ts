import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Every import of the enrollment file: what was read, what was loaded, and whether it became current.
  await db.schema
    .createTable('ppef_files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('CURRENT', 'REPLACED', 'REJECTED')`))
    .addColumn('rows_read', 'integer', (c) => c.notNull())
    .addColumn('rows_loaded', 'integer', (c) => c.notNull())
    .addColumn('rows_malformed', 'integer', (c) => c.notNull())
    .addColumn('rows_duplicate', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz', (c) => c.notNull())
    .addColumn('problem', 'text')
    .execute();
  await db.schema
    .createIndex('ppef_files_one_current_idx')
    .on('ppef_files')
    .column('status')
    .unique()
    .where(sql.ref('status'), '=', 'CURRENT')
    .execute();

  // Offices whose Medicare or Advantage plan has no Medicare-enrolled provider in the current file.
  await db.schema
    .createTable('medicare_provider_gaps')
    .addColumn('organization_id', 'uuid', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('detected_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ppef_file_id', 'uuid', (c) => c.notNull().references('ppef_files.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('medicare_provider_gaps').execute();
  await db.schema.dropTable('ppef_files').execute();
}
