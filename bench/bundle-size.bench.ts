import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** The widget entries a host page can import, each bundled alone with what it needs. */
const ENTRIES = {
  'root (portico-root)': ['root'],
  'root + storefront': ['root', 'storefront'],
  'root + billing': ['root', 'billing'],
  'root + provider-manager': ['root', 'provider-manager'],
  'root + access-hub': ['root', 'access-hub'],
  'root + users': ['root', 'users'],
  'root + audit-log': ['root', 'audit-log'],
  'root + eligibility': ['root', 'eligibility'],
  'every widget (@portico/elements)': [],
} as const;

/**
 * What a host page downloads for each widget entry: a page that imports only that entry, built by Vite for
 * production from the published modules (dist/, as an outside project resolves them: no source condition), with
 * lit, the tRPC client and zod included. Sizes are of the page's JavaScript, minified, and at gzip level 9. Run
 * `npm run build` first.
 */
export async function benchBundleSize(): Promise<Record<string, string>> {
  const results: Record<string, string> = {};
  const dir = join('bench', '.data', 'bundle-size');
  for (const [name, widgets] of Object.entries(ENTRIES)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const imports =
      widgets.length === 0 ? ['@portico/elements'] : widgets.map((w) => `@portico/elements/${w}`);
    writeFileSync(join(dir, 'main.js'), imports.map((path) => `import '${path}';`).join('\n'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
    await build({ root: dir, logLevel: 'silent', configFile: false, build: { outDir: 'dist' } });
    const assets = join(dir, 'dist', 'assets');
    let minified = 0;
    let gzip = 0;
    for (const file of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(assets, file));
      minified += code.length;
      gzip += gzipSync(code, { level: 9 }).length;
    }
    results[name] = `${(minified / 1000).toFixed(1)} kB minified, ${(gzip / 1000).toFixed(1)} kB gzip`;
  }
  rmSync(dir, { recursive: true, force: true });
  return results;
}
