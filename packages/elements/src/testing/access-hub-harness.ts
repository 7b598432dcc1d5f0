import { fixture, html } from '@open-wc/testing';
import { createPorticoClient } from '@portico/core';
import '../index.ts';
import type { PorticoAccessHub } from '../access-hub/portico-access-hub.ts';
import { composed } from './composed.ts';
import { until, type PorticoFixture } from './fixture.ts';

/**
 * Mounts `<portico-access-hub>` under a root for `token`, with queries over its composed tree (the shell and its
 * parts) the way a person reads the page.
 */
export async function mountHub(server: PorticoFixture, token: string, style = '') {
  const root = await fixture(
    html`<portico-root url=${server.url} token=${token} style=${style}>
      <portico-access-hub></portico-access-hub>
    </portico-root>`,
  );
  const hub = root.querySelector('portico-access-hub') as PorticoAccessHub;
  const shadow = () => composed(hub);
  const text = () => shadow().textContent?.replace(/\s+/g, ' ') ?? '';
  const button = (label: string | RegExp) =>
    [...shadow().querySelectorAll('button')].find((b) => {
      const name = b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '';
      return typeof label === 'string' ? name === label || b.textContent?.trim() === label : label.test(name);
    });
  const portalNames = () =>
    [...shadow().querySelectorAll('[part="portals"] > tbody > tr > th a')].map((a) => a.textContent?.trim());
  return { root, hub, shadow, text, button, portalNames };
}

/** Mounts the hub as an Elm Court manager (`token`) and opens the Northwind unpostables task from the dashboard. */
export async function openUnpostablesTask(server: PorticoFixture, token: string) {
  const mounted = await mountHub(server, token);
  const { hub, shadow, button } = mounted;
  await until(() => button('Issues of Northwind Provider Connect') !== undefined);
  button('Issues of Northwind Provider Connect')?.click();
  await hub.updateComplete;
  button('Resolve unpostables task')?.click();
  // The dialog's code loads when a task is first opened.
  await until(() => shadow().querySelector('dialog.task') !== null);
  const dialog = shadow().querySelector('dialog.task') as HTMLDialogElement;
  await until(() => (dialog.textContent ?? '').includes('Task description'));
  return { ...mounted, dialog };
}

/** The SDK as payer support staff and as an Elm Court manager (`token`), to set up and check what the widget did. */
export function hubClients(server: PorticoFixture, token: string) {
  return {
    staff: () => createPorticoClient({ url: server.url, token: server.tokens.support }),
    practice: () => createPorticoClient({ url: server.url, token }),
  };
}
