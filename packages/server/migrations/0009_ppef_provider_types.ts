import { sql, type Kysely } from 'kysely';

/**
 * Each provider type of the enrollment file with its description, held once. An enrollment row's
 * `provider_type_description` becomes NULL where it is its type's, and stays written where the file gave the row
 * another one: the import no longer stores the same few hundred texts 3 million times (over a third of the file).
 * Rows written before keep their descriptions; the types are taken from them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ppef_provider_types')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ppef_provider_types_pkey', ['code'])
    .execute();
  await sql`alter table ppef_enrollments alter column provider_type_description drop not null`.execute(db);
  await sql`insert into ppef_provider_types (code, description)
    select distinct on (provider_type_code) provider_type_code, provider_type_description
    from ppef_enrollments order by provider_type_code, npi, enrollment_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update ppef_enrollments e set provider_type_description = t.description
    from ppef_provider_types t where t.code = e.provider_type_code and e.provider_type_description is null`.execute(
    db,
  );
  await sql`alter table ppef_enrollments alter column provider_type_description set not null`.execute(db);
  await db.schema.dropTable('ppef_provider_types').execute();
}
