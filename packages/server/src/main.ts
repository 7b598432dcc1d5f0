import { start } from './cli/start.ts';

/** `npm start`: the reference server, on PGlite unless DATABASE_URL is set (`portico-server start`). */
start().catch((error: unknown) => {
  process.stderr.write(
    `Portico failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
