import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * One fingerprint of every row of every table in the database's public schema: equal before and after a call
 * exactly when the call changed no row. For tests only (it reads every table whole).
 */
export async function tableChecksum(db: Kysely<Database>): Promise<string> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const parts = tables.rows.map(
    ({ name }) =>
      sql`select ${name} as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from ${sql.table(name)} t`,
  );
  const rows = await sql<{ name: string; hash: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return rows.rows
    .map((row) => `${row.name}:${row.hash}`)
    .sort()
    .join(',');
}
