import { fixture, html } from '@open-wc/testing';
import '../index.ts';
import { composed } from './composed.ts';
import type { PorticoFixture } from './fixture.ts';

/**
 * Mounts one widget under a `<portico-root>` for `token`, with queries over its composed tree the way a person
 * reads the page: its text, and a button by its name (visible text or aria-label).
 */
export async function mountWidget<K extends keyof HTMLElementTagNameMap>(
  server: PorticoFixture,
  tag: K,
  token: string,
) {
  const root = await fixture(
    html`<portico-root url=${server.url} token=${token}>${document.createElement(tag)}</portico-root>`,
  );
  const element = root.querySelector(tag) as HTMLElementTagNameMap[K];
  const shadow = () => composed(element);
  const text = () => shadow().textContent?.replace(/\s+/g, ' ') ?? '';
  const button = (label: string | RegExp) =>
    [...shadow().querySelectorAll('button')].find((b) =>
      typeof label === 'string'
        ? b.textContent?.trim() === label || b.getAttribute('aria-label') === label
        : label.test(b.getAttribute('aria-label') ?? b.textContent ?? ''),
    );
  return { root, element, shadow, text, button };
}
