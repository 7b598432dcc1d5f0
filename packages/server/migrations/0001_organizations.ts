import { sql, type Kysely } from 'kysely';

// Tenant tables lead their primary key and every index with organization_id, so that a deployment can
// distribute them by organization (Citus) without a redesign. README.md, "Architecture".

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('external_id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('office', 'payer')`))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('America/New_York'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('sites')
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('sites_pkey', ['organization_id', 'id'])
    .execute();

  await db.schema
    .createTable('medical_groups')
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('site_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('medical_groups_pkey', ['organization_id', 'id'])
    .addForeignKeyConstraint('medical_groups_site_fkey', ['organization_id', 'site_id'], 'sites', [
      'organization_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz')
    .addUniqueConstraint('users_issuer_subject_key', ['issuer', 'subject'])
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('roles', sql`text[]`, (c) => c.notNull())
    .addColumn('granted_permissions', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('denied_permissions', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('memberships_pkey', ['organization_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('membership_sites')
    .addColumn('organization_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('site_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('membership_sites_pkey', ['organization_id', 'user_id', 'site_id'])
    .addForeignKeyConstraint(
      'membership_sites_membership_fkey',
      ['organization_id', 'user_id'],
      'memberships',
      ['organization_id', 'user_id'],
      (c) => c.onDelete('cascade'),
    )
    .addForeignKeyConstraint('membership_sites_site_fkey', ['organization_id', 'site_id'], 'sites', [
      'organization_id',
      'id',
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'membership_sites',
    'memberships',
    'users',
    'medical_groups',
    'sites',
    'organizations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
