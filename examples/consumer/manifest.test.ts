import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// The elements' custom-elements manifest, as `npm run build` (run by `npm test` before this file) writes it and
// the package ships it: it must describe what the sources register and fire, and name published modules.
const elements = fileURLToPath(new URL('../../packages/elements/', import.meta.url));

interface ManifestEvent {
  name: string;
  type?: { text: string };
}
interface ManifestDeclaration {
  tagName?: string;
  customElement?: boolean;
  events?: ManifestEvent[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  members?: { name: string; privacy?: string; kind: string }[];
}
interface Manifest {
  modules: { path: string; declarations?: ManifestDeclaration[] }[];
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('custom-elements.json', () => {
  const manifest: Manifest = JSON.parse(readFileSync(join(elements, 'custom-elements.json'), 'utf8'));
  const declared = manifest.modules.flatMap((module) =>
    (module.declarations ?? []).filter((d) => d.customElement).map((d) => ({ path: module.path, ...d })),
  );
  const texts = sources(join(elements, 'src')).map((file) => readFileSync(file, 'utf8'));

  it('lists every element the sources register, at the published module that registers it', () => {
    const registered = texts.flatMap((text) =>
      [...text.matchAll(/@customElement\('([a-z-]+)'\)/g)].map((m) => m[1]),
    );
    assert.deepEqual(declared.map((d) => d.tagName).sort(), registered.sort());
    for (const element of declared) {
      assert.match(element.path, /^dist\/.+\.js$/, element.tagName);
      assert.ok(existsSync(join(elements, element.path)), `${element.path} is not built`);
    }
  });

  it('lists every event an element fires, with its detail type, and no event that is not one', () => {
    const fired = texts.flatMap((text) =>
      [...text.matchAll(/@fires \{([^}]+)\} (portico-[a-z-]+)/g)].map((m) => `${m[2]}: ${m[1]}`),
    );
    const listed = declared.flatMap((d) =>
      (d.events ?? []).map((event) => `${event.name}: ${event.type?.text ?? '?'}`),
    );
    assert.deepEqual([...new Set(listed)].sort(), [...new Set(fired)].sort());
    for (const event of listed) assert.match(event, /^portico-[a-z-]+: CustomEvent<\w+Detail>$/);
  });

  it("documents each public widget's parts and theme properties, and shows no private member as API", () => {
    for (const tag of [
      'portico-storefront',
      'portico-billing',
      'portico-provider-manager',
      'portico-access-hub',
      'portico-user-admin',
      'portico-audit-log',
      'portico-eligibility',
      'portico-claim-status',
      'portico-remittance',
    ]) {
      const element = declared.find((d) => d.tagName === tag);
      assert.ok(element, tag);
      assert.ok((element.cssParts ?? []).length >= 5, `${tag} documents its parts`);
      assert.ok(
        (element.cssProperties ?? []).some((p) => p.name === '--portico-color-primary'),
        tag,
      );
      const publicFields = (element.members ?? []).filter(
        (m) => m.kind === 'field' && m.privacy === undefined,
      );
      for (const field of publicFields) assert.doesNotMatch(field.name, /^_|^#/, `${tag}.${field.name}`);
    }
  });
});
