import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/** The database id of an organization, by the host portal's id for it (`demo-office`). */
export async function organizationId(db: Kysely<Database>, externalId: string): Promise<string> {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where('external_id', '=', externalId)
    .executeTakeFirstOrThrow();
  return row.id;
}
