import { parseArgs } from 'node:util';
import { PorticoError } from '@portico/core';
import { systemClock } from '../services/clock.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { writePpefFile } from '../ppef/generate.ts';
import { importPpefFile, PPEF_IMPORT_LOCK } from '../ppef/import.ts';

const usage = `Usage:
  npm run import:ppef -- FILE [--max-malformed 0.01]
      Imports a Medicare provider enrollment (PPEF) CSV into the database named by DATABASE_URL, or the embedded
      PGlite data directory (stop the server first: PGlite allows one process).
  npm run generate:ppef -- FILE --rows N [--seed 1] [--dirty 0.001] [--crlf] [--bom]
      Writes a synthetic file in the real format.`;

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      rows: { type: 'string' },
      seed: { type: 'string' },
      dirty: { type: 'string' },
      crlf: { type: 'boolean' },
      bom: { type: 'boolean' },
      'max-malformed': { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || (command !== 'import' && command !== 'generate')) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  if (command === 'generate') {
    const rows = Number(values.rows ?? '1000');
    await writePpefFile(file, {
      rows,
      seed: Number(values.seed ?? '1'),
      dirtyRatio: Number(values.dirty ?? '0.001'),
      crlf: values.crlf ?? false,
      bom: values.bom ?? false,
    });
    process.stdout.write(`Wrote ${rows} rows to ${file}\n`);
    return 0;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    const outcome = await database.exclusive(PPEF_IMPORT_LOCK, () =>
      importPpefFile(database, file, {
        clock: systemClock,
        onPhase: (phase) => process.stderr.write(`ppef import: ${phase}\n`),
        ...(values['max-malformed'] ? { maxMalformedRatio: Number(values['max-malformed']) } : {}),
      }),
    );
    if (!outcome.ran) {
      process.stderr.write(
        'Import refused: another enrollment file is being imported. Try again when it has finished.\n',
      );
      return 1;
    }
    process.stdout.write(`${JSON.stringify(outcome.result, null, 2)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`Import failed: ${error instanceof PorticoError ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
