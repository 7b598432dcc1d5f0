import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** `portico-server migrate`: brings the database named by the configuration to the latest schema. */
export async function migrate(): Promise<number> {
  const database = await openDatabase(loadConfig());
  try {
    const applied = await migrateToLatest(database.db);
    process.stdout.write(
      applied.length === 0 ? 'The database is up to date.\n' : `Applied: ${applied.join(', ')}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
