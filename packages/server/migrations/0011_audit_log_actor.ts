import type { Kysely } from 'kysely';

// The audit viewer reads one user's acts in a span of time: a page stays an index range scan however long the
// office's trail (README.md, "Benchmarks").
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('audit_log_organization_actor_at_idx')
    .on('audit_log')
    .columns(['organization_id', 'actor_user_id', 'at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_log_organization_actor_at_idx').execute();
}
