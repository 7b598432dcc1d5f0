import { sql, type Kysely } from 'kysely';

// docs/domain.md "User administration": every membership carries where its access stands, and mail to users
// leaves through a transactional outbox (written in the same transaction as the change it announces).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('memberships')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('ACTIVE')
        .check(sql`status in ('PENDING', 'ACTIVE', 'SUSPENDED', 'TERMINATED')`),
    )
    .addColumn('status_reason', 'text', (c) =>
      c
        .notNull()
        .defaultTo('APPROVED')
        .check(
          sql`status_reason in ('REQUESTED', 'APPROVED', 'RENEWED', 'RENEWAL_OVERDUE', 'INACTIVE', 'DENIED', 'REMOVED')`,
        ),
    )
    .addColumn('status_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('access_renewed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('renewal_reminded_days', 'smallint')
    .execute();
  await sql`update memberships set status_changed_at = created_at, access_renewed_at = created_at`.execute(
    db,
  );
  // The user list pages by name within an office: the name is kept on the membership (filled from the user on
  // insert, followed on a rename) so a page is one index range scan, however many users the deployment has.
  await db.schema.alterTable('memberships').addColumn('display_name', 'text').execute();
  await sql`update memberships m set display_name = u.display_name from users u where u.id = m.user_id`.execute(
    db,
  );
  await sql`alter table memberships alter column display_name set not null`.execute(db);
  await sql`create function memberships_display_name() returns trigger language plpgsql as $$
    begin
      select u.display_name into new.display_name from users u where u.id = new.user_id;
      return new;
    end $$`.execute(db);
  await sql`create trigger memberships_display_name before insert on memberships
    for each row execute function memberships_display_name()`.execute(db);
  await sql`create function users_display_name_follow() returns trigger language plpgsql as $$
    begin
      update memberships set display_name = new.display_name where user_id = new.id;
      return new;
    end $$`.execute(db);
  await sql`create trigger users_display_name_follow after update of display_name on users
    for each row when (old.display_name is distinct from new.display_name)
    execute function users_display_name_follow()`.execute(db);
  await db.schema
    .createIndex('memberships_by_name_idx')
    .on('memberships')
    .columns(['organization_id', 'display_name', 'user_id'])
    .execute();
  // The lifecycle job walks memberships in key order; who has been idle since when is read off users.
  await db.schema.createIndex('users_last_seen_idx').on('users').columns(['last_seen_at']).execute();

  await db.schema
    .createTable('email_outbox')
    .addColumn('organization_id', 'uuid', (c) => c.notNull().references('organizations.id'))
    .addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    // One mail per cause (`access.approved:<user>:<instant>`): a retried request queues it once.
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent_at', 'timestamptz')
    // The SMTP reply code or error class of the last failure; never the message or the recipient.
    .addColumn('last_error', 'text')
    .addPrimaryKeyConstraint('email_outbox_pkey', ['organization_id', 'id'])
    .addUniqueConstraint('email_outbox_dedupe_key', ['organization_id', 'dedupe_key'])
    .execute();
  await db.schema
    .createIndex('email_outbox_due_idx')
    .on('email_outbox')
    // Unsent mail only, so the index stays small however much has been sent; led by the office like every index.
    .columns(['organization_id', 'next_attempt_at'])
    .where(sql.ref('sent_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('email_outbox').execute();
  await db.schema.dropIndex('users_last_seen_idx').execute();
  await db.schema.dropIndex('memberships_by_name_idx').execute();
  await sql`drop trigger users_display_name_follow on users`.execute(db);
  await sql`drop function users_display_name_follow()`.execute(db);
  await sql`drop trigger memberships_display_name on memberships`.execute(db);
  await sql`drop function memberships_display_name()`.execute(db);
  await db.schema
    .alterTable('memberships')
    .dropColumn('status')
    .dropColumn('status_reason')
    .dropColumn('status_changed_at')
    .dropColumn('access_renewed_at')
    .dropColumn('renewal_reminded_days')
    .dropColumn('display_name')
    .execute();
}
