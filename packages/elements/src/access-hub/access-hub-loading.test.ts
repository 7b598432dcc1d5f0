import { expect, fixture, html } from '@open-wc/testing';
// Only what a host page embedding the hub imports: the root and the hub's entry, not the whole set.
import '../root/portico-root.ts';
import './portico-access-hub.ts';
import type { PorticoAccessHub } from './portico-access-hub.ts';
import { composed } from '../testing/composed.ts';
import { loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';

describe('<portico-access-hub> loading its parts', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });

  it('loads the Tasks table when its tab is first chosen and the task dialog when a task is first opened', async () => {
    const root = await fixture(
      html`<portico-root url=${server.url} token=${server.tokens.hubManager}>
        <portico-access-hub></portico-access-hub>
      </portico-root>`,
    );
    const hub = root.querySelector('portico-access-hub') as PorticoAccessHub;
    const shadow = () => composed(hub);
    const button = (name: string) =>
      [...shadow().querySelectorAll('button')].find(
        (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
      );
    await until(() => button('Issues of Northwind Provider Connect') !== undefined);
    // The dashboard is up; neither part's code has been asked for.
    expect(customElements.get('portico-access-task-table')).to.equal(undefined);
    expect(customElements.get('portico-access-task-dialog')).to.equal(undefined);

    button('Tasks')?.click();
    await until(() => shadow().querySelector('[part="tasks"] tbody tr') !== null, 10_000);
    expect(customElements.get('portico-access-task-table')).not.to.equal(undefined);
    expect(customElements.get('portico-access-task-dialog')).to.equal(undefined);

    button('Dashboard')?.click();
    await hub.updateComplete;
    button('Issues of Northwind Provider Connect')?.click();
    await hub.updateComplete;
    button('Resolve unpostables task')?.click();
    await until(() =>
      (shadow().querySelector('dialog.task')?.textContent ?? '').includes('Task description'),
    );
    expect((shadow().querySelector('dialog.task') as HTMLDialogElement).open).to.equal(true);
  });
});
