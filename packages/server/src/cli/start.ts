import { startApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';

/**
 * `portico-server start` (and `npm start`): the reference server, on embedded PGlite unless DATABASE_URL is set,
 * migrated (and seeded in demo mode), until SIGINT or SIGTERM. Resolves once it is listening.
 */
export async function start(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await startApp(config, logger);
  const where =
    config.databaseUrl === null ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  process.stdout.write(`\nPortico is running on ${where}.\n`);
  if (app.server.servesExamplePortal) process.stdout.write(`  Example host portal: ${app.server.url}/\n`);
  process.stdout.write(`  API:                 ${app.server.url}/trpc\n`);
  process.stdout.write(`  Health:              ${app.server.url}/health\n\n`);
  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
