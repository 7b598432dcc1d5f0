#!/usr/bin/env node
import { migrate } from './migrate.ts';
import { ppef } from './ppef.ts';
import { start } from './start.ts';
import { token } from './token.ts';

/*
 * `portico-server`: the reference server's command line. Exit codes: 0 done (or, for `start`, stopped by a
 * signal), 1 the command failed, 2 the arguments are wrong. Configuration comes from the environment (README,
 * "Configuration").
 */

interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number | 'running'>;
}

const commands: Record<string, Command> = {
  start: {
    summary: 'Run the server: migrated, on embedded PGlite unless DATABASE_URL is set.',
    usage: `portico-server start

Runs the Portico server until SIGINT or SIGTERM. Without DATABASE_URL it keeps its data in embedded PGlite under
PORTICO_DATA_DIR (default .portico/data in this directory); it migrates the database first, and in demo mode
(PORTICO_DEMO, on by default without a configured token key) seeds demo offices and staff. It prints its URL.`,
    run: async () => {
      await start();
      return 'running';
    },
  },
  migrate: {
    summary: 'Bring the configured database to the latest schema, and stop.',
    usage: `portico-server migrate

Applies every migration the database lacks (safe to run from several instances at once) and prints what it did.`,
    run: () => migrate(),
  },
  'import-ppef': {
    summary: "Import CMS's Medicare enrollment file (PPEF CSV) into the configured database.",
    usage: `portico-server import-ppef FILE [--max-malformed RATIO]

Checks and loads the Medicare Fee-For-Service Public Provider Enrollment file and prints the import's report.
A file that is already the current one is answered "unchanged". --max-malformed (default 0.01) refuses a file
with a larger share of malformed rows. On embedded PGlite, stop the server first: PGlite allows one process.`,
    run: (args) => ppef('import', args),
  },
  'generate-ppef': {
    summary: 'Write a synthetic enrollment file in the real format (for trying and benchmarking).',
    usage: `portico-server generate-ppef FILE --rows N [--seed 1] [--dirty 0.001] [--crlf] [--bom]

Writes N rows of made-up providers in the PPEF's columns, with a share of dirty rows (--dirty).`,
    run: (args) => ppef('generate', args),
  },
  token: {
    summary: 'Print a 15-minute token for a demo user (demo mode, HS256 secret only).',
    usage: `portico-server token [USER]

Mints a token for a demo user (default security-officer), as a host portal would, signed with PORTICO_JWT_SECRET.`,
    run: (args) => token(args),
  },
};

const help = `Usage: portico-server COMMAND [options]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(14)} ${command.summary}`)
  .join('\n')}

Run "portico-server COMMAND --help" for a command's options. Exit codes: 0 done, 1 failed, 2 wrong arguments.`;

async function main(argv: string[]): Promise<number | 'running'> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${help}\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 'running') process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`portico-server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
