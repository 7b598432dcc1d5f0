import { parseArgs } from 'node:util';
import { PorticoError } from '@portico/core';
import { systemClock } from '../services/clock.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { writePpefFile } from '../ppef/generate.ts';
import { importPpefFile, PPEF_IMPORT_LOCK } from '../ppef/import.ts';

/**
 * `portico-server import-ppef FILE` and `portico-server generate-ppef FILE`: the Medicare enrollment file's import
 * into the configured database, and a synthetic file in the real format. Answer the exit code: 0 done, 1 failed,
 * 2 the arguments are wrong.
 */
export async function ppef(command: 'import' | 'generate', args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
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
  if (!file) {
    process.stderr.write(`Name the file: portico-server ${command}-ppef FILE (see --help).\n`);
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
