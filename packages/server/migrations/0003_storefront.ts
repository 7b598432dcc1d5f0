import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('monthly_price_cents', 'integer', (c) => c.notNull().check(sql`monthly_price_cents >= 0`))
    .addColumn('includes', sql`text[]`, (c) => c.notNull())
    .addColumn('requires_medicare_provider', 'boolean', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();

  // docs/domain.md: the three plans; Advantage bundles the other two. Prices live here, in cents, not in code.
  await sql`
    insert into plans (code, name, description, monthly_price_cents, includes, requires_medicare_provider, sort_order)
    values
      ('ALLPAYER_ACCESS', 'AllPayer Access',
       'Eligibility and claim status with every participating commercial health plan.', 2995,
       '{ALLPAYER_ACCESS}', false, 1),
      ('MEDICARE', 'Medicare',
       'Eligibility and claim status for Medicare fee-for-service patients.', 1995,
       '{MEDICARE}', true, 2),
      ('ALLPAYER_ADVANTAGE', 'AllPayer Advantage',
       'AllPayer Access and Medicare together, in one subscription.', 3995,
       '{ALLPAYER_ACCESS,MEDICARE}', true, 3)
  `.execute(db);

  await db.schema
    .createTable('subscriptions')
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('plan_code', 'text', (c) => c.notNull().references('plans.code'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('AWAITING_PROVIDERS', 'ACTIVATING', 'ACTIVE', 'CANCELLATION_PENDING', 'CANCELLED')`,
        ),
    )
    .addColumn('started_on', 'date', (c) => c.notNull())
    .addColumn('ready_by', 'date')
    .addColumn('ends_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('subscriptions_pkey', ['organization_id', 'id'])
    .execute();
  await db.schema
    .createIndex('subscriptions_organization_status_idx')
    .on('subscriptions')
    .columns(['organization_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('subscriptions').execute();
  await db.schema.dropTable('plans').execute();
}
