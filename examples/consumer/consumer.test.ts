import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../../scripts/chromium.mjs';
import sirv from 'sirv';
import { startTestServer, type TestServer } from '../../packages/server/src/testing/test-server.ts';

// The packages as an outside project gets them: packed (`npm pack` of the built dist/), installed from the
// tarballs into a fresh project outside the repository (no workspace links, no repo tsconfig, no source condition).
const repo = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./', import.meta.url));
const run = promisify(execFile);
/** Plain node and npm: no TypeScript loader, no `portico-source` condition. */
const outside = { ...process.env, NODE_OPTIONS: '' };
/** The environment without DATABASE_URL. */
function withoutDatabase(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _unused, ...rest } = env;
  return rest;
}
/** The three published packages, as npm's workspace flags. */
const PACKAGES = ['-w', '@portico/core', '-w', '@portico/elements', '-w', '@portico/server'];
const bin = (name: string) => join(repo, 'node_modules', '.bin', name);

describe('the packages installed in a project outside the repository', { timeout: 600_000 }, () => {
  let project: string;
  let app: TestServer;

  before(async () => {
    project = mkdtempSync(join(tmpdir(), 'portico-consumer-'));
    const packed = join(project, 'tarballs');
    mkdirSync(packed);
    await run('npm', ['pack', ...PACKAGES, '--pack-destination', packed], { cwd: repo, env: outside });
    const tarballs = readdirSync(packed).map((name) => join(packed, name));
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    // @types/node: the server's types use Node's, as any Node library's do.
    await run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '@types/node@20',
        '@types/react@19',
        'vue@3',
        ...tarballs,
      ],
      {
        cwd: project,
        env: outside,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    for (const file of [
      'list.mjs',
      'consumer.ts',
      'wrong.ts',
      'frameworks.tsx',
      'frameworks-wrong.tsx',
      'page',
    ])
      cpSync(join(here, file), join(project, file), { recursive: true });
    app = await startTestServer();
  });

  after(async () => {
    await app?.close();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('ships built JavaScript and types only: no TypeScript sources, tests or test harness', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', ...PACKAGES], {
      cwd: repo,
      env: outside,
      maxBuffer: 16 * 1024 * 1024,
    });
    const files = (JSON.parse(stdout) as { files: { path: string }[] }[]).flatMap((pkg) =>
      pkg.files.map((f) => f.path),
    );
    assert.deepEqual(
      files.filter((path) => /^src\/|\.test\.|\/testing\/|(?<!\.d)\.ts$/.test(path)),
      [],
    );
    assert.ok(files.includes('dist/index.js') && files.includes('dist/index.d.ts'));
    assert.ok(files.includes('dist/src/cli/portico-server.js'));
    assert.ok(files.includes('custom-elements.json'), 'the elements ship their manifest');
    assert.ok(files.includes('dist/openapi.json'), 'core ships the OpenAPI document');
  });

  it('passes npm publish --dry-run for each package', async () => {
    const { stdout, stderr } = await run('npm', ['publish', '--dry-run', ...PACKAGES], {
      cwd: repo,
      env: outside,
      maxBuffer: 16 * 1024 * 1024,
    });
    for (const name of ['@portico/core', '@portico/elements', '@portico/server'])
      assert.match(`${stdout}${stderr}`, new RegExp(`\\+ ${name}@\\d+\\.\\d+\\.\\d+`), name);
  });

  it('runs the SDK under plain node: imports @portico/core and lists the subscriptions of a real server', async () => {
    const { stdout } = await run(process.execPath, ['list.mjs'], {
      cwd: project,
      env: { ...outside, PORTICO_URL: app.url, PORTICO_TOKEN: await app.tokenFor('billing-manager') },
    });
    assert.match(stdout, /^AllPayer Access ACTIVE$/m);
  });

  for (const moduleResolution of ['bundler', 'nodenext'] as const) {
    it(`type-checks a strict consumer (SDK, server, React and Vue tags) with moduleResolution ${moduleResolution}, and reports real type errors`, async () => {
      const config = (files: string[]) =>
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            lib: ['ES2023', 'DOM'],
            module: moduleResolution === 'bundler' ? 'esnext' : 'nodenext',
            moduleResolution,
            strict: true,
            exactOptionalPropertyTypes: true,
            noUncheckedIndexedAccess: true,
            skipLibCheck: false,
            noEmit: true,
            jsx: 'react-jsx',
            types: ['node'],
          },
          files,
        });
      writeFileSync(join(project, 'tsconfig.good.json'), config(['consumer.ts', 'frameworks.tsx']));
      writeFileSync(join(project, 'tsconfig.wrong.json'), config(['wrong.ts', 'frameworks-wrong.tsx']));
      await run(bin('tsc'), ['-p', 'tsconfig.good.json'], { cwd: project, env: outside }).catch(
        (error: { stdout?: string }) => {
          assert.fail(`the consumer does not type-check:\n${error.stdout ?? String(error)}`);
        },
      );
      await assert.rejects(
        run(bin('tsc'), ['-p', 'tsconfig.wrong.json'], { cwd: project, env: outside }),
        (error: { stdout?: string }) =>
          /wrong\.ts.*TS2322/s.test(error.stdout ?? '') &&
          /frameworks-wrong\.tsx.*TS2322/s.test(error.stdout ?? ''),
      );
    });
  }

  it('bundles a page that imports only the root and the storefront, which renders the catalogue in Chromium', async () => {
    await run(bin('vite'), ['build', 'page', '--outDir', 'dist', '--logLevel', 'warn'], {
      cwd: project,
      env: outside,
    });
    const serve = sirv(join(project, 'page', 'dist'));
    const pages = createServer((req, res) => serve(req, res));
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    const address = pages.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const browser = await chromium.launch({ executablePath: chromiumExecutable, args: chromiumArgs });
    try {
      const page = await browser.newPage();
      const token = await app.tokenFor('billing-manager');
      await page.goto(
        `http://127.0.0.1:${port}/?server=${encodeURIComponent(app.url)}&token=${encodeURIComponent(token)}`,
      );
      await page.getByText('AllPayer Advantage').first().waitFor({ timeout: 20_000 });
      assert.ok(await page.getByText('Subscriptions for Maple Street Family Practice').isVisible());
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => pages.close(() => resolve()));
    }
  });

  it('starts `npx portico-server start` on embedded PGlite in a fresh directory, and documents its commands', async () => {
    const { stdout: help } = await run('npx', ['portico-server', '--help'], { cwd: project, env: outside });
    for (const command of ['start', 'migrate', 'import-ppef', 'token'])
      assert.match(help, new RegExp(`^  ${command} `, 'm'));
    // The installed bin itself (what npx runs), so that stopping it stops the server, not only npx.
    const server = spawn(join(project, 'node_modules', '.bin', 'portico-server'), ['start'], {
      cwd: project,
      // A fresh directory and no DATABASE_URL: embedded PGlite, whatever database the suite itself runs on.
      env: { ...withoutDatabase(outside), PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        server.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = /Health:\s+(\S+)/.exec(output);
          if (found?.[1]) resolve(found[1]);
        });
        server.once('exit', (code) => reject(new Error(`portico-server exited with ${code}: ${output}`)));
      });
      const health = await fetch(url);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok', database: 'pglite' });
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  });
});
