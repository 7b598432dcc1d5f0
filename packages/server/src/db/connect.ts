import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import pgCopyStreams from 'pg-copy-streams';
import type { Database } from './database.ts';
import { listenPostgres, type Listener, type NotificationHandler } from './listener.ts';

const DATE_OID = 1082;
const keepPlainDate = (value: string): string => value;
// DOMAIN/STYLE: calendar days travel as plain-date strings; never let the driver shift them through a local Date.
pg.types.setTypeParser(DATE_OID, keepPlainDate);

/** An open database: the query builder, a LISTEN hook, and how to close it. Same API on PostgreSQL and PGlite. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  /**
   * Listens on a channel on a dedicated connection. On PostgreSQL the connection is re-established when lost, and
   * `onReconnect` is called then (notifications in between were missed).
   */
  listen(channel: string, onNotification: NotificationHandler, onReconnect: () => void): Promise<Listener>;
  /**
   * Empties `table` and loads CSV (whole lines, no header) into it with PostgreSQL's own CSV parser; the lines'
   * fields map in order to `columns`. PostgreSQL: one transaction of `TRUNCATE` and `COPY … FROM STDIN WITH (FORMAT
   * csv, FREEZE true)` (frozen rows need no hint-bit writes on the first scan), fed as the chunks come. PGlite:
   * `/dev/blob` batches of bounded size. Resolves with the rows copied.
   */
  copyCsv(table: string, columns: readonly string[], chunks: AsyncIterable<Uint8Array>): Promise<number>;
  /**
   * Runs `work` unless another process (or, on PGlite, this one) is running work under the same name; then
   * answers `busy` without running it. PostgreSQL: a session advisory lock on a connection of its own, so every
   * server instance sees it; PGlite belongs to one process, so a flag there is enough.
   */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }>;
  close(): Promise<void>;
}

/** PGlite loads one Blob per COPY; this bounds how much of a file is held at once. */
const PGLITE_COPY_BATCH_BYTES = 8 * 1024 * 1024;

function copyTarget(table: string, columns: readonly string[]): string {
  return `${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')})`;
}

function quoteIdentifier(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** How long a new PostgreSQL connection may take to be ready, unless configured. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** Where a DATABASE_URL points, for messages: host and port only, never the user or password. */
export function databaseHost(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname || 'localhost'}:${url.port || '5432'}`;
  } catch {
    return 'an address that is not a URL';
  }
}

/**
 * Proves PostgreSQL answers before the server starts, within the connect timeout. A database that accepts TCP and
 * never answers, a closed port or a bad URL each end start-up with one sentence naming DATABASE_URL and the host.
 */
async function assertReachable(
  db: Kysely<Database>,
  connectionString: string,
  timeoutMs: number,
): Promise<void> {
  const where = `PostgreSQL at ${databaseHost(connectionString)} (DATABASE_URL)`;
  if (!/^postgres(?:ql)?:\/\//.test(connectionString))
    throw new Error(`DATABASE_URL is not a PostgreSQL URL (postgres://user@host:5432/database).`);
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const reason =
      error instanceof Error && /timeout/i.test(error.message)
        ? `it did not answer within ${timeoutMs / 1000} s`
        : code === 'ECONNREFUSED'
          ? 'the connection was refused (is PostgreSQL running there?)'
          : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
            ? 'the host name does not resolve'
            : code === '28P01' || code === '28000'
              ? 'it refused the user or password'
              : code === '3D000'
                ? 'the database does not exist'
                : `it failed (${code || (error instanceof Error ? error.name : 'unknown error')})`;
    throw new Error(`Cannot connect to ${where}: ${reason}.`, { cause: error });
  }
}

/** Opens PostgreSQL through a `pg` pool. */
export function openPostgres(
  connectionString: string,
  poolSize = 10,
  connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS,
): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: connectTimeoutMs });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    listen(channel, onNotification, onReconnect) {
      return listenPostgres({ connectionString, connectTimeoutMs, channel }, onNotification, onReconnect);
    },
    async copyCsv(table, columns, chunks) {
      const client = await pool.connect();
      let failure: unknown;
      try {
        await client.query('BEGIN');
        await client.query(`TRUNCATE ${quoteIdentifier(table)}`);
        const copy = client.query(
          pgCopyStreams.from(`COPY ${copyTarget(table, columns)} FROM STDIN WITH (FORMAT csv, FREEZE true)`),
        );
        await pipeline(Readable.from(chunks), copy);
        await client.query('COMMIT');
        return copy.rowCount;
      } catch (error) {
        failure = error;
        throw error;
      } finally {
        // A connection whose COPY failed is not reused.
        client.release(failure instanceof Error ? failure : undefined);
      }
    },
    async exclusive(name, work) {
      const client = await pool.connect();
      try {
        const { rows } = await client.query<{ locked: boolean }>(
          'select pg_try_advisory_lock(hashtextextended($1, 0)) as locked',
          [name],
        );
        if (!rows[0]?.locked) return { ran: false };
        try {
          return { ran: true, result: await work() };
        } finally {
          await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [name]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

/** Runs a PGlite `COPY … FROM '/dev/blob'` once per batch of whole-line chunks of bounded size; answers the rows. */
async function copyInBlobBatches(
  pglite: PGlite,
  statement: string,
  chunks: AsyncIterable<Uint8Array>,
): Promise<number> {
  let copied = 0;
  let batch: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await pglite.query(statement, [], { blob: new Blob(batch) });
    copied += result.affectedRows ?? 0;
    batch = [];
    size = 0;
  };
  for await (const chunk of chunks) {
    batch.push(new Uint8Array(chunk));
    size += chunk.length;
    if (size >= PGLITE_COPY_BATCH_BYTES) await flush();
  }
  await flush();
  return copied;
}

/** Opens embedded PGlite persisted in a directory, or in memory for `memory://`. */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { parsers: { [DATE_OID]: keepPlainDate } });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const running = new Set<string>();
  return {
    db,
    kind: 'pglite',
    async listen(channel, onNotification) {
      // In-process: there is no connection to lose.
      const stop = await pglite.listen(channel, onNotification);
      return { state: () => 'listening', stop };
    },
    async copyCsv(table, columns, chunks) {
      await pglite.query(`TRUNCATE ${quoteIdentifier(table)}`);
      const statement = `COPY ${copyTarget(table, columns)} FROM '/dev/blob' WITH (FORMAT csv)`;
      return copyInBlobBatches(pglite, statement, chunks);
    },
    async exclusive(name, work) {
      if (running.has(name)) return { ran: false };
      running.add(name);
      try {
        return { ran: true, result: await work() };
      } finally {
        running.delete(name);
      }
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
  /** DATABASE_POOL_SIZE. */
  databasePoolSize?: number;
  /** DATABASE_CONNECT_TIMEOUT_SECONDS, in milliseconds. */
  databaseConnectTimeoutMs?: number;
}): Promise<DatabaseHandle> {
  if (options.databaseUrl === null) return openPglite(options.dataDir);
  const timeout = options.databaseConnectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const handle = openPostgres(options.databaseUrl, options.databasePoolSize, timeout);
  try {
    await assertReachable(handle.db, options.databaseUrl, timeout);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  return handle;
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
