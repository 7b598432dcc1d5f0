import { sql, type Kysely } from 'kysely';

// DOMAIN.md "Payer provider portal services" and CAQH CORE: every claim status inquiry is kept with its control
// numbers and timing, like eligibility checks (the office's history; the X12 both ways for support).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('claim_status_inquiries')
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('site_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('date_of_birth', 'date', (c) => c.notNull())
    .addColumn('provider_npi', 'text', (c) => c.notNull())
    .addColumn('service_from', 'date', (c) => c.notNull())
    .addColumn('service_to', 'date', (c) => c.notNull())
    .addColumn('payer_claim_number', 'text')
    .addColumn('patient_account_number', 'text')
    .addColumn('charged_cents', 'integer')
    .addColumn('control_number', 'text', (c) => c.notNull())
    .addColumn('trace_number', 'text', (c) => c.notNull())
    .addColumn('request_x12', 'text', (c) => c.notNull())
    .addColumn('checked_at', 'timestamptz', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`outcome in ('RECEIVED', 'PENDING', 'INFORMATION_REQUESTED', 'PAID', 'DENIED', 'FINALIZED', 'RETURNED', 'NOT_FOUND', 'REJECTED', 'TIMEOUT', 'UNAVAILABLE')`,
        ),
    )
    .addColumn('problem', 'text')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('duration_ms', 'integer')
    .addColumn('response_x12', 'text')
    .addColumn('summary', 'jsonb')
    .addPrimaryKeyConstraint('claim_status_inquiries_pkey', ['organization_id', 'id'])
    .addForeignKeyConstraint('claim_status_inquiries_site_fkey', ['organization_id', 'site_id'], 'sites', [
      'organization_id',
      'id',
    ])
    .execute();
  // The history reads one day of an office newest first.
  await db.schema
    .createIndex('claim_status_inquiries_by_time_idx')
    .on('claim_status_inquiries')
    .columns(['organization_id', 'checked_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('claim_status_inquiries').execute();
}
