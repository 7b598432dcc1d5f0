import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type DatabaseHandle } from '../db/connect.ts';

/**
 * A fresh, empty database for one test file: in-memory PGlite by default (or in `pgliteDir`), or a new
 * database on the PostgreSQL server named by DATABASE_URL (dropped again on close). Tests never share state.
 * `url` is what another process would set as DATABASE_URL, or PORTICO_DATA_DIR for PGlite.
 */
export async function openTestDatabase(
  options: { pgliteDir?: string } = {},
): Promise<DatabaseHandle & { url: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = options.pgliteDir ?? 'memory://';
    return { ...(await openPglite(dir)), url: dir };
  }
  const name = `portico_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), 5);
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
