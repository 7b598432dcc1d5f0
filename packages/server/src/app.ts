import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { PinnedClock, systemClock, type Clock } from './clock.ts';
import type { ServerConfig } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { startPorticoServer, type PorticoServer } from './http/server.ts';
import type { Logger } from './logger.ts';
import { seedDemo } from './seed/demo-office.ts';

/** Where `npm run build:example` writes the example host portal. */
export const EXAMPLE_PORTAL_DIR = fileURLToPath(
  new URL('../../../examples/host-portal/dist', import.meta.url),
);

/** A running Portico: the database (migrated, and seeded in demo mode) and the HTTP server on top of it. */
export interface PorticoApp {
  server: PorticoServer;
  database: DatabaseHandle;
  clock: Clock;
  close(): Promise<void>;
}

/** Opens the database, migrates it, seeds the demo in demo mode, and starts the server. */
export async function startApp(config: ServerConfig, logger: Logger, clock?: Clock): Promise<PorticoApp> {
  const appClock = clock ?? (config.pinnedNow ? new PinnedClock(config.pinnedNow) : systemClock);
  const database = await openDatabase(config);
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ applied }, 'migrated the database');
    if (config.demo) await seedDemo(database.db, { issuer: config.issuer, now: appClock.now() });
    const staticDir = config.staticDir ?? (existsSync(EXAMPLE_PORTAL_DIR) ? EXAMPLE_PORTAL_DIR : null);
    const server = await startPorticoServer({
      config: { ...config, staticDir },
      database,
      clock: appClock,
      logger,
    });
    return {
      server,
      database,
      clock: appClock,
      async close() {
        await server.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
