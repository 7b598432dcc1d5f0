import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  'root + claims': ['root', 'claims'],
  'root + remittance': ['root', 'remittance'],
  'root + storefront, billing, providers, hub': [
    'root',
    'storefront',
    'billing',
    'provider-manager',
    'access-hub',
  ],
  'every widget (@portico/elements)': [],
} as const;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

/** The chunks a key loads before it runs: itself and its static imports, transitively. */
function staticClosure(manifest: Record<string, ManifestChunk>, keys: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  for (const key of keys) visit(key);
  return seen;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * What a host page downloads for each widget entry: a page that imports only that entry, built by Vite for
 * production from the published modules (dist/, as an outside project resolves them: no source condition), with
 * lit, the tRPC client and zod included. Sizes are of the page's JavaScript, minified, and at gzip level 9, each
 * chunk compressed on its own as a server sends it. "At load" is what runs before the widgets render: the entry
 * chunk and its static imports. "On use" is the code a widget imports when a part is first used (the access hub's
 * Tasks table and task dialog), reported apart so nothing is hidden. Run `npm run build` first.
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
    await build({
      root: dir,
      logLevel: 'silent',
      configFile: false,
      build: { outDir: 'dist', manifest: true },
    });
    const out = join(dir, 'dist');
    const manifest = JSON.parse(readFileSync(join(out, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
    const atLoad = staticClosure(manifest, entries);
    const size = (keys: Iterable<string>) => {
      let minified = 0;
      let gzip = 0;
      for (const key of keys) {
        const chunk = manifest[key];
        if (!chunk?.file.endsWith('.js')) continue;
        const code = readFileSync(join(out, chunk.file));
        minified += code.length;
        gzip += gzipSync(code, { level: 9 }).length;
      }
      return { minified, gzip };
    };
    const load = size(atLoad);
    const onUse = size(Object.keys(manifest).filter((key) => !atLoad.has(key)));
    results[name] =
      `${kB(load.minified)} minified, ${kB(load.gzip)} gzip at load` +
      (onUse.gzip > 0 ? `; ${kB(onUse.gzip)} gzip more on use` : '');
  }
  rmSync(dir, { recursive: true, force: true });
  return results;
}
