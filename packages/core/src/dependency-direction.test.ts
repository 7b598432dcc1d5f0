import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const packages = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? sources(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, type-only ones included. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[\s\S]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? '',
  );
}

function offenders(pkg: string, forbidden: RegExp): string[] {
  return sources(join(packages, pkg, 'src')).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => forbidden.test(specifier))
      .map((specifier) => `${relative(packages, file)} imports ${specifier}`),
  );
}

// README "Architecture": elements -> core <- server, no cycle, not even type-only.
describe('dependency direction', () => {
  it('keeps @portico/core free of the server and the elements', () => {
    assert.deepEqual(offenders('core', /^@portico\/(server|elements)|\.\.\/\.\.\/(server|elements)\//), []);
  });

  it('keeps @portico/elements free of the server', () => {
    assert.deepEqual(offenders('elements', /^@portico\/server|\.\.\/\.\.\/server\//), []);
  });

  it('keeps @portico/server free of the elements', () => {
    assert.deepEqual(offenders('server', /^@portico\/elements|\.\.\/\.\.\/elements\//), []);
  });

  it('finds imports at all (the scan is not vacuous)', () => {
    assert.ok(importsOf(join(packages, 'server/src/router.ts')).includes('@portico/core'));
  });
});
