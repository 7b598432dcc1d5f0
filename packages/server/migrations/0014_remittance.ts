import { sql, type Kysely } from 'kysely';

// DOMAIN.md "Payer provider portal services": the 835s an office is paid with, kept once they balance, each claim
// of them searchable; and the office's EFT/ERA enrollments, one per payee NPI, the account number sealed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('eft_enrollments')
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('payee_npi', 'text', (c) => c.notNull())
    .addColumn('payee_name', 'text', (c) => c.notNull())
    .addColumn('site_id', 'uuid', (c) => c.notNull())
    .addColumn('account_holder', 'text', (c) => c.notNull())
    .addColumn('account_type', 'text', (c) => c.notNull().check(sql`account_type in ('CHECKING', 'SAVINGS')`))
    .addColumn('routing_number', 'text', (c) => c.notNull())
    .addColumn('account_number_sealed', 'text', (c) => c.notNull())
    .addColumn('account_last4', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('PENDING', 'ACTIVE', 'REJECTED')`))
    .addColumn('status_reason', 'text')
    .addColumn('submitted_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('activated_at', 'timestamptz')
    .addPrimaryKeyConstraint('eft_enrollments_pkey', ['organization_id', 'id'])
    .addUniqueConstraint('eft_enrollments_payee_key', ['organization_id', 'payee_npi'])
    .addForeignKeyConstraint('eft_enrollments_site_fkey', ['organization_id', 'site_id'], 'sites', [
      'organization_id',
      'id',
    ])
    .execute();
  // The retrieval job reads the active enrollments of every office.
  await db.schema
    .createIndex('eft_enrollments_active_idx')
    .on('eft_enrollments')
    .columns(['organization_id', 'status'])
    .execute();

  await db.schema
    .createTable('remittances')
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('site_id', 'uuid', (c) => c.notNull())
    .addColumn('enrollment_id', 'uuid', (c) => c.notNull())
    .addColumn('payer_id', 'text', (c) => c.notNull())
    .addColumn('trace_number', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('payment_date', 'date', (c) => c.notNull())
    .addColumn('payment_cents', 'bigint', (c) => c.notNull())
    .addColumn('claim_count', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('CLEARINGHOUSE', 'PAYER_SYSTEM')`))
    .addColumn('interchange_control_number', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('payer_name', 'text', (c) => c.notNull())
    .addColumn('payee_npi', 'text', (c) => c.notNull())
    .addColumn('payee_name', 'text', (c) => c.notNull())
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('remittances_pkey', ['organization_id', 'id'])
    // One payment is kept once, however often it is retrieved or posted, by however many instances.
    .addUniqueConstraint('remittances_trace_key', ['organization_id', 'payer_id', 'trace_number'])
    .addForeignKeyConstraint('remittances_site_fkey', ['organization_id', 'site_id'], 'sites', [
      'organization_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'remittances_enrollment_fkey',
      ['organization_id', 'enrollment_id'],
      'eft_enrollments',
      ['organization_id', 'id'],
    )
    .execute();
  // The office's list: its sites' payments, newest first.
  await db.schema
    .createIndex('remittances_by_date_idx')
    .on('remittances')
    .columns(['organization_id', 'site_id', 'payment_date', 'id'])
    .execute();

  await db.schema
    .createTable('remittance_claims')
    .addColumn('organization_id', 'uuid', (c) => c.notNull())
    .addColumn('remittance_id', 'uuid', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('patient_account_number', 'text', (c) => c.notNull())
    .addColumn('payer_claim_number', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('charged_cents', 'bigint', (c) => c.notNull())
    .addColumn('paid_cents', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('remittance_claims_pkey', ['organization_id', 'remittance_id', 'position'])
    .addForeignKeyConstraint(
      'remittance_claims_remittance_fkey',
      ['organization_id', 'remittance_id'],
      'remittances',
      ['organization_id', 'id'],
    )
    .execute();
  // A search by claim, account or member number finds its remittances (values kept upper case).
  for (const column of ['payer_claim_number', 'patient_account_number', 'member_id'] as const)
    await db.schema
      .createIndex(`remittance_claims_${column}_idx`)
      .on('remittance_claims')
      .columns(['organization_id', column])
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('remittance_claims').execute();
  await db.schema.dropTable('remittances').execute();
  await db.schema.dropTable('eft_enrollments').execute();
}
