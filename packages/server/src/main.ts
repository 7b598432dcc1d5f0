import { startApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';

/** `npm start`: the reference server, on PGlite unless DATABASE_URL is set. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await startApp(config, logger);
  const where =
    config.databaseUrl === null ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  process.stdout.write(`\nPortico is running on ${where}.\n`);
  process.stdout.write(`  Example host portal: ${app.server.url}/\n`);
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

main().catch((error: unknown) => {
  process.stderr.write(
    `Portico failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
