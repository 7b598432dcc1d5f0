// Element tests in Debian's headless Chromium against a real Portico server (no browser download, no mocks).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumExecutable } from './scripts/chromium.mjs';

/** Starts the fixture server and resolves with its JSON line (URL and tokens). */
function startFixtureServer() {
  const child = spawn(
    process.execPath,
    ['--conditions=portico-source', '--import', 'tsx', 'packages/server/src/testing/serve-fixture.ts'],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: process.env,
    },
  );
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise((resolve, reject) => {
    lines.once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`fixture server exited with ${code}`)));
  });
  return { child, ready, lines };
}

/** Writes the pass/fail counts for scripts/test.mjs's summary line. */
function countingReporter(file) {
  const count = (results, totals) => {
    for (const test of results?.tests ?? []) {
      if (test.skipped) totals.skipped += 1;
      else if (test.passed) totals.passed += 1;
      else totals.failed += 1;
    }
    for (const suite of results?.suites ?? []) count(suite, totals);
  };
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const before = totals.failed;
        count(session.testResults, totals);
        // A file that failed to load, or an error outside any test, counts as one failure.
        if (!session.passed && totals.failed === before) totals.failed += 1;
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}

const fixture = startFixtureServer();

export default {
  files: 'packages/elements/src/**/*.test.ts',
  // The elements and the SDK from their TypeScript sources (the `portico-source` export condition).
  nodeResolve: { exportConditions: ['portico-source'] },
  concurrency: 1,
  // Generous per test and hook: the first file's before hook waits for the fixture server's seeding, which a busy
  // machine slows; the tests' own waits (until) fail sooner and say what they waited for.
  testFramework: { config: { timeout: 30000 } },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }),
    {
      name: 'portico-fixture',
      async serve(context) {
        if (context.path === '/__portico-fixture')
          return { body: JSON.stringify(await fixture.ready), type: 'json' };
        // A test asks the fixture server to cut its LISTEN connection (serve-fixture.ts, `drop-listener`).
        if (context.path === '/__portico-fixture/drop-listener') {
          await fixture.ready;
          const answer = new Promise((resolve) => fixture.lines.once('line', resolve));
          fixture.child.stdin.write('drop-listener\n');
          return { body: await answer, type: 'json' };
        }
        return undefined;
      },
      async serverStop() {
        fixture.child.stdin.end();
      },
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumExecutable, headless: true, args: chromiumArgs },
    }),
  ],
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    countingReporter('.test-results/elements.json'),
  ],
};
