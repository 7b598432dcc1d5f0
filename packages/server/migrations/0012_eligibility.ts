import { sql, type Kysely } from 'kysely';

// DOMAIN.md "Payer provider portal services" and CAQH CORE: every eligibility check is kept with its control
// numbers and timing (the office's history, the monthly 20-second report); control numbers come from one
// sequence so that every instance draws unique ones.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create sequence x12_control_number_seq minvalue 1 maxvalue 999999999 cycle`.execute(db);
  await db.schema
    .createTable('eligibility_checks')
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('site_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('date_of_birth', 'date', (c) => c.notNull())
    .addColumn('provider_npi', 'text', (c) => c.notNull())
    .addColumn('service_types', sql`text[]`, (c) => c.notNull())
    .addColumn('date_of_service', 'date', (c) => c.notNull())
    .addColumn('control_number', 'text', (c) => c.notNull())
    .addColumn('trace_number', 'text', (c) => c.notNull())
    .addColumn('request_x12', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'timestamptz', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) =>
      c
        .notNull()
        .check(sql`outcome in ('ACTIVE', 'INACTIVE', 'NOT_COVERED', 'REJECTED', 'TIMEOUT', 'UNAVAILABLE')`),
    )
    .addColumn('problem', 'text')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('duration_ms', 'integer')
    .addColumn('response_x12', 'text')
    .addColumn('summary', 'jsonb')
    .addColumn('as_of', 'timestamptz')
    .addPrimaryKeyConstraint('eligibility_checks_pkey', ['organization_id', 'id'])
    .addForeignKeyConstraint('eligibility_checks_site_fkey', ['organization_id', 'site_id'], 'sites', [
      'organization_id',
      'id',
    ])
    .execute();
  // The history reads one day of an office newest first; the monthly report counts a month of it.
  await db.schema
    .createIndex('eligibility_checks_by_time_idx')
    .on('eligibility_checks')
    .columns(['organization_id', 'checked_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('eligibility_checks').execute();
  await sql`drop sequence x12_control_number_seq`.execute(db);
}
