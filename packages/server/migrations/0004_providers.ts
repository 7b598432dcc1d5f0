import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // CMS's Medicare provider enrollment file (PPEF): global reference data, one row per NPI and enrollment.
  await db.schema
    .createTable('ppef_enrollments')
    .addColumn('npi', 'text', (c) => c.notNull())
    .addColumn('enrollment_id', 'text', (c) => c.notNull())
    .addColumn('multiple_npi', 'boolean', (c) => c.notNull())
    .addColumn('pac_id', 'text', (c) => c.notNull())
    .addColumn('provider_type_code', 'text', (c) => c.notNull())
    .addColumn('provider_type_description', 'text', (c) => c.notNull())
    .addColumn('state_code', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text')
    .addColumn('middle_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('organization_name', 'text')
    .addPrimaryKeyConstraint('ppef_enrollments_pkey', ['npi', 'enrollment_id'])
    .execute();

  await db.schema
    .createTable('providers')
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('npi', 'text', (c) => c.notNull())
    .addColumn('entity_kind', 'text', (c) =>
      c.notNull().check(sql`entity_kind in ('individual', 'organization')`),
    )
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('organization_name', 'text')
    .addColumn('tin_kind', 'text', (c) => c.notNull().check(sql`tin_kind in ('EIN', 'SSN')`))
    // An EIN is stored as written; an SSN only sealed (AES-256-GCM), plus its last four digits for display.
    .addColumn('tin_ein', 'text')
    .addColumn('tin_ssn_sealed', 'text')
    .addColumn('tin_last4', 'text', (c) => c.notNull())
    .addColumn('specialty', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('providers_pkey', ['organization_id', 'id'])
    .addUniqueConstraint('providers_organization_npi_key', ['organization_id', 'npi'])
    .addCheckConstraint(
      'providers_tin_check',
      sql`(tin_kind = 'EIN' and tin_ein is not null and tin_ssn_sealed is null)
       or (tin_kind = 'SSN' and tin_ssn_sealed is not null and tin_ein is null)`,
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('providers').execute();
  await db.schema.dropTable('ppef_enrollments').execute();
}
