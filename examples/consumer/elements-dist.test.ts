import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

// The elements' built modules, as `npm run build` (run by `npm test` before this file) writes them: the HTML and
// CSS of their templates minified, and each source map still leading back to the TypeScript source.
const dist = fileURLToPath(new URL('../../packages/elements/dist/', import.meta.url));

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modules(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

/** The markup of each `html` and `css` template literal in `code`: its text with each `${…}` expression left out. */
function templates(code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(/\b(?:html|css)\s*`/g)) {
    let text = '';
    let depth = 0;
    for (let i = (match.index ?? 0) + match[0].length; i < code.length; i += 1) {
      const char = code[i];
      if (depth === 0 && char === '\\') i += 1;
      else if (depth === 0 && char === '`') break;
      else if (depth === 0 && char === '$' && code[i + 1] === '{') {
        depth = 1;
        i += 1;
      } else if (depth > 0 && char === '{') depth += 1;
      else if (depth > 0 && char === '}') depth -= 1;
      else if (depth === 0) text += char;
    }
    found.push(text);
  }
  return found;
}

describe('@portico/elements dist', () => {
  const files = modules(dist);

  it('ships its templates minified: no line breaks or indentation inside html and css literals', () => {
    const literals = files.flatMap((file) => templates(readFileSync(file, 'utf8')));
    assert.ok(literals.length > 100, `found ${literals.length} templates`);
    const loose = literals.filter((text) => /\n\s{2,}/.test(text));
    assert.deepEqual(loose.slice(0, 3), []);
  });

  it('keeps source maps that lead each element registration back to its line in the TypeScript source', () => {
    let checked = 0;
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split('\n');
      const line = lines.findIndex((text) => text.includes('customElement('));
      if (line < 0) continue;
      const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
      const column = lines[line]?.indexOf('customElement(') ?? 0;
      const original = originalPositionFor(map, { line: line + 1, column });
      assert.ok(original.source && original.line, `${file} maps its registration`);
      const source = readFileSync(resolve(file, '..', original.source), 'utf8').split('\n');
      assert.match(source[original.line - 1] ?? '', /@customElement\(/, file);
      checked += 1;
    }
    assert.ok(checked >= 10, `checked ${checked} elements`);
  });
});
