import { expect, oneEvent } from '@open-wc/testing';
import { TASK_CSV_COLUMNS } from '@portico/core';
import { sendKeys } from '@web/test-runner-commands';
import type { OpenWorklistDetail } from './portico-access-hub.ts';
import { mountHub } from '../testing/access-hub-harness.ts';
import type { ComposedTree } from '../testing/composed.ts';
import { capturedDownload, loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';

describe('<portico-access-task-table> in the hub', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });

  /** Mounts the hub as Elm Court's manager on its Tasks tab; `rows` are the task rows rendered. */
  async function tasksTab() {
    const mounted = await mountHub(server, server.tokens.hubManager);
    mounted.hub.tab = 'tasks';
    await until(() => mounted.shadow().querySelector('[part="tasks"]') !== null);
    const rows = () => [...mounted.shadow().querySelectorAll('[part="tasks"] tbody tr:not([aria-hidden])')];
    return { ...mounted, rows };
  }

  /** Filters the Tasks tab to its second medical group (Elm Court Pediatrics). */
  async function filterToSecondGroup(shadow: () => ComposedTree) {
    const group = shadow().querySelectorAll('select')[1] as HTMLSelectElement;
    await until(() => group.options.length === 2);
    group.value = group.options[1]?.value ?? '';
    group.dispatchEvent(new Event('change'));
  }

  it('switches to the Tasks tab with the arrow keys and moves focus to it', async () => {
    const { hub, shadow } = await mountHub(server, server.tokens.hubManager);
    await until(() => shadow().querySelector('[part="portals"]') !== null);
    const dashboardTab = shadow().querySelector<HTMLButtonElement>('#tab-dashboard') as HTMLButtonElement;
    dashboardTab.focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => shadow().querySelector('[part="tasks"]') !== null);
    expect(hub.tab).to.equal('tasks');
    expect(shadow().activeElement?.id).to.equal('tab-tasks');
    const rows = () => [...shadow().querySelectorAll('[part="tasks"] tbody tr:not([aria-hidden])')];
    await until(() => rows().length > 0);
    expect(rows().length).to.equal(2);
  });

  it('sorts the tasks by a column, and filters them by medical group', async () => {
    const { shadow, button, rows } = await tasksTab();
    await until(() => rows().length === 2);
    const typeHeader = button('Type') as HTMLButtonElement;
    typeHeader.click();
    await until(() => typeHeader.closest('th')?.getAttribute('aria-sort') === 'ascending');
    await until(() => rows()[0]?.textContent?.includes('Claims') === true);
    expect(rows()[1]?.textContent).to.contain('Unpostables');
    expect(rows()[0]?.querySelector('a')?.getAttribute('href')).to.equal('https://bay-state.example/');

    await filterToSecondGroup(shadow);
    await until(() => rows().length === 1);
    expect(rows()[0]?.textContent).to.contain('Elm Court Pediatrics');
  });

  it('downloads the tasks as CSV with the filters applied', async () => {
    const { shadow, rows } = await tasksTab();
    await filterToSecondGroup(shadow);
    await until(() => rows().length === 1);
    const csv = await capturedDownload(() =>
      shadow().querySelector<HTMLButtonElement>('[part="download"]')?.click(),
    );
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).to.equal(TASK_CSV_COLUMNS.join(','));
    expect(lines.length).to.equal(2);
    expect(lines[1]).to.contain('Elm Court Pediatrics');
  });

  it('hands Go to enrollment worklist to the host for every claims task of the practice', async () => {
    const { hub, button, rows } = await tasksTab();
    await until(() => rows().length === 2);
    const opened = oneEvent(hub, 'portico-open-worklist');
    button('Go to enrollment worklist')?.click();
    expect(((await opened) as CustomEvent<OpenWorklistDetail>).detail.allPracticeTasks).to.equal(true);
    await expect(hub).to.be.accessible();
  });

  it('keeps only the rows in view for 10,000 tasks, loading keyset pages as it scrolls to the last', async () => {
    const { hub, shadow } = await mountHub(server, server.tokens.hubBig);
    hub.tab = 'tasks';
    await until(() => shadow().querySelector('[part="tasks"]') !== null);
    const table = shadow().querySelector('[part="tasks"]');
    expect(table?.getAttribute('aria-rowcount')).to.equal('10001');
    const rendered = () => shadow().querySelectorAll('[part="tasks"] tbody tr:not([aria-hidden])');
    expect(rendered().length).to.be.lessThan(200);
    const scroller = shadow().querySelector<HTMLElement>('.table-scroll') as HTMLElement;
    const deadline = performance.now() + 60_000;
    while (!(shadow().textContent ?? '').includes('Claims task 00001')) {
      if (performance.now() > deadline) throw new Error('never reached the last task');
      scroller.scrollTop = scroller.scrollHeight;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    expect(rendered().length).to.be.lessThan(200);
    expect(rendered()[rendered().length - 1]?.getAttribute('aria-rowindex')).to.equal('10001');
    await expect(hub).to.be.accessible();
  });
});
