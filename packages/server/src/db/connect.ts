import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './database.ts';

const DATE_OID = 1082;
const keepPlainDate = (value: string): string => value;
// DOMAIN/STYLE: calendar days travel as plain-date strings; never let the driver shift them through a local Date.
pg.types.setTypeParser(DATE_OID, keepPlainDate);

/** A callback for a NOTIFY payload. */
export type NotificationHandler = (payload: string) => void;

/** An open database: the query builder, a LISTEN hook, and how to close it. Same API on PostgreSQL and PGlite. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  /** Listens on a channel on a dedicated connection; returns what stops listening. */
  listen(channel: string, onNotification: NotificationHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

function quoteIdentifier(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** Opens PostgreSQL through a `pg` pool. */
export function openPostgres(connectionString: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async listen(channel, onNotification) {
      const client = new pg.Client({ connectionString });
      client.on('error', () => undefined);
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel && message.payload !== undefined) onNotification(message.payload);
      });
      await client.query(`LISTEN ${quoteIdentifier(channel)}`);
      return async () => {
        await client.end().catch(() => undefined);
      };
    },
    async close() {
      await db.destroy();
    },
  };
}

/** Opens embedded PGlite persisted in a directory, or in memory for `memory://`. */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { parsers: { [DATE_OID]: keepPlainDate } });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    async listen(channel, onNotification) {
      const stop = await pglite.listen(channel, onNotification);
      return stop;
    },
    async close() {
      await db.destroy();
    },
  };
}

/** Opens PostgreSQL when a URL is given, embedded PGlite otherwise. */
export async function openDatabase(options: {
  databaseUrl: string | null;
  dataDir: string;
  poolSize?: number;
}): Promise<DatabaseHandle> {
  return options.databaseUrl === null
    ? openPglite(options.dataDir)
    : openPostgres(options.databaseUrl, options.poolSize);
}

/** True when the database answers a trivial query. */
export async function isDatabaseHealthy(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
