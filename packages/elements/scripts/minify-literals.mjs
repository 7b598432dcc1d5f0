// Minifies the HTML and CSS inside lit's `html` and `css` template literals of the built modules (dist/), so
// what a host page downloads carries no indentation, comments or optional whitespace of our templates. The
// source maps are composed: dist's map still points at the TypeScript source.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import remapping from '@jridgewell/remapping';
import { minifyHTMLLiterals } from 'minify-literals';

const dist = new URL('../dist/', import.meta.url).pathname;

async function* modules(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* modules(path);
    else if (entry.name.endsWith('.js')) yield path;
  }
}

let before = 0;
let after = 0;
for await (const path of modules(dist)) {
  const code = await readFile(path, 'utf8');
  const result = await minifyHTMLLiterals(code, { fileName: path });
  before += code.length;
  if (!result) {
    after += code.length;
    continue;
  }
  const mapPath = `${path}.map`;
  const tscMap = JSON.parse(await readFile(mapPath, 'utf8'));
  const composed = remapping([result.map, tscMap], () => null);
  composed.file = tscMap.file;
  await writeFile(path, result.code);
  await writeFile(mapPath, JSON.stringify(composed));
  after += result.code.length;
}
console.log(`minify-literals: dist modules ${before} → ${after} bytes`);
