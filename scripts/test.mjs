// `npm test`: every check of every package, then one line `N passed, N failed` for people and CI.
// Runs: lint (type check, format), the example portal build, node:test suites (core, server, examples),
// and the element tests in headless Chromium. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Inside the repository the packages run from their TypeScript sources: the `portico-source` export condition
// (published packages resolve to their built `dist/`). Every process started from here inherits it.
process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, '--conditions=portico-source']
  .filter(Boolean)
  .join(' ');

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
rmSync('.test-results', { recursive: true, force: true });
mkdirSync('.test-results', { recursive: true });

function run(label, command, args, env = {}) {
  process.stdout.write(`\n── ${label} ──\n`);
  const outcome = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return outcome.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) results.passed += 1;
  else {
    results.failed += 1;
    failures.push(label);
  }
}

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return testFiles(path);
    return /\.test\.ts$/.test(name) ? [path] : [];
  });
}

function countTap(file) {
  if (!existsSync(file)) return null;
  const tap = readFileSync(file, 'utf8');
  const number = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  return {
    passed: number('pass'),
    failed: number('fail') + number('cancelled'),
    skipped: number('skipped') + number('todo'),
  };
}

/** Adds a runner's counts; a failed run that reported no failing test (it crashed) counts as one failure. */
function addCounts(label, ok, counts) {
  if (counts) {
    results.passed += counts.passed;
    results.failed += counts.failed;
    results.skipped += counts.skipped;
  }
  if (!ok && (!counts || counts.failed === 0)) {
    results.failed += 1;
    failures.push(label);
  }
}

const bin = (name) => join('node_modules', '.bin', name);

check('type check (tsc)', bin('tsc'), ['-p', 'tsconfig.json']);
check('format (prettier --check)', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
check('build the packages (tsc to dist/)', 'npm', ['run', 'build', '--silent']);
check('build the example host portal (vite)', bin('vite'), [
  'build',
  'examples/host-portal',
  '--logLevel',
  'warn',
]);

const nodeFiles = [
  ...testFiles('packages/core/src'),
  ...testFiles('packages/server/src'),
  ...testFiles('examples'),
];
const tapFile = join('.test-results', 'node.tap');
const nodeOk = run('core, server and example tests (node:test)', process.execPath, [
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=2',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${tapFile}`,
  ...nodeFiles,
]);
addCounts('node:test run', nodeOk, countTap(tapFile));

const elementsFile = join('.test-results', 'elements.json');
const elementsOk = run('element tests (web-test-runner, headless Chromium)', bin('wtr'), []);
addCounts(
  'web-test-runner run',
  elementsOk,
  existsSync(elementsFile) ? JSON.parse(readFileSync(elementsFile, 'utf8')) : null,
);

if (failures.length > 0) process.stdout.write(`\nFailed checks: ${failures.join(', ')}\n`);
const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
process.stdout.write(`\nDatabase: ${database}\n`);
process.stdout.write(
  `${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}\n`,
);
process.exit(results.failed === 0 ? 0 : 1);
