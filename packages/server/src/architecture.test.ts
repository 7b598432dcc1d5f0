import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { IConfiguration, ICruiseResult } from 'dependency-cruiser';

// The import rules live in .dependency-cruiser.cjs (README, "Architecture"); this test runs them.
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const config: IConfiguration = createRequire(import.meta.url)(join(repo, '.dependency-cruiser.cjs'));
const forbidden = config.forbidden ?? [];

/**
 * Runs dependency-cruiser's CLI (its swc parser does not load under tsx's loader) with the repo's options and the
 * given rules, from `baseDir`, and returns its JSON result.
 */
function cruiseWith(
  baseDir: string,
  paths: string[],
  rules: typeof forbidden,
  exclude: string[],
): ICruiseResult {
  const dir = mkdtempSync(join(tmpdir(), 'portico-rules-'));
  try {
    const file = join(dir, 'rules.cjs');
    const options = { ...config.options, exclude: { path: exclude } };
    writeFileSync(file, `module.exports = ${JSON.stringify({ forbidden: rules, options })};`);
    const bin = join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
    const run = spawnSync(process.execPath, [bin, ...paths, '--config', file, '--output-type', 'json'], {
      cwd: baseDir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.stdout.trim() === '') throw new Error(`dependency-cruiser printed nothing: ${run.stderr}`);
    return JSON.parse(run.stdout) as ICruiseResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const violations = (result: ICruiseResult) =>
  result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);

const PACKAGE_DIRECTION = ['core-stands-alone', 'elements-never-server', 'server-never-elements'];

describe('architecture', () => {
  it('keeps every rule on the production sources: layers, domains, package direction, no cycle', () => {
    // The configuration's own exclusions (tests, harnesses, the consumer project): one list, not two.
    const excluded = config.options?.exclude;
    const paths = typeof excluded === 'object' && !Array.isArray(excluded) ? excluded.path : excluded;
    const result = cruiseWith(repo, ['packages', 'examples', 'bench'], forbidden, [paths ?? []].flat());
    assert.deepEqual(violations(result), []);
    assert.ok(result.summary.totalCruised > 100, `only ${result.summary.totalCruised} modules were read`);
  });

  it('keeps tests and test harnesses to the package direction too, type imports included', () => {
    const rules = forbidden.filter((rule) => PACKAGE_DIRECTION.includes(rule.name ?? ''));
    assert.equal(rules.length, PACKAGE_DIRECTION.length);
    const result = cruiseWith(repo, ['packages'], rules, ['node_modules', '/dist/']);
    assert.deepEqual(violations(result), []);
  });

  it('catches what it forbids: a type import from core into the server, a domain reaching into another store', () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-deps-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      };
      write(
        'packages/core/src/leak.ts',
        "import type { X } from '../../server/src/billing/store.ts';\nexport type Y = X;\n",
      );
      write('packages/server/src/billing/store.ts', 'export type X = number;\nexport const x = 1;\n');
      write(
        'packages/server/src/providers/store.ts',
        "import { x } from '../billing/store.ts';\nexport const y = x;\n",
      );
      const result = cruiseWith(dir, ['packages'], forbidden, ['node_modules']);
      const names = new Set(result.summary.violations.map((v) => v.rule.name));
      assert.ok(names.has('core-stands-alone'), violations(result).join('\n'));
      assert.ok(names.has('no-cross-domain-import'), violations(result).join('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
