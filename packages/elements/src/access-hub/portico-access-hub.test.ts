import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createPorticoClient, TASK_CSV_COLUMNS } from '@portico/core';
import { sendKeys } from '@web/test-runner-commands';
import '../index.ts';
import type {
  AccessResponseSubmittedDetail,
  OpenWorklistDetail,
  PorticoAccessHub,
} from './portico-access-hub.ts';
import { composed } from '../testing/composed.ts';
import { capturedDownload, loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';

describe('<portico-access-hub>', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });

  async function mount(token: string, style = '') {
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
        return typeof label === 'string'
          ? name === label || b.textContent?.trim() === label
          : label.test(name);
      });
    const portalNames = () =>
      [...shadow().querySelectorAll('[part="portals"] > tbody > tr > th a')].map((a) =>
        a.textContent?.trim(),
      );
    return { root, hub, shadow, text, button, portalNames };
  }

  /** Mounts the hub as Elm Court's manager and opens the Northwind unpostables task from the dashboard. */
  async function openUnpostablesTask() {
    const mounted = await mount(server.tokens.hubManager);
    const { hub, shadow, button } = mounted;
    await until(() => button('Issues of Northwind Provider Connect') !== undefined);
    button('Issues of Northwind Provider Connect')?.click();
    await hub.updateComplete;
    button('Resolve unpostables task')?.click();
    const dialog = shadow().querySelector('dialog.task') as HTMLDialogElement;
    await until(() => (dialog.textContent ?? '').includes('Task description'));
    return { ...mounted, dialog };
  }

  const staff = () => createPorticoClient({ url: server.url, token: server.tokens.support });
  const practice = () => createPorticoClient({ url: server.url, token: server.tokens.hubManager });

  it('shows the portals needing attention first, with the attention card, and all issues on request', async () => {
    const { hub, shadow, text, button, portalNames } = await mount(server.tokens.hubManager);
    expect(shadow().querySelector('[role="status"]')?.textContent).to.contain('Loading');
    await until(() => shadow().querySelector('[part="portals"]') !== null);
    expect(shadow().querySelector('[part="attention-card"]')?.textContent?.replace(/\s+/g, ' ')).to.contain(
      '2 tasks need your attention',
    );
    const quick = shadow().querySelector('[part="quick-filter"]');
    expect(quick?.getAttribute('aria-pressed')).to.equal('true');
    expect(portalNames()).to.deep.equal(['Bay State Gateway', 'Northwind Provider Connect']);
    expect(text()).to.contain('Needs your attention');
    expect(text()).to.not.contain('Summit Benefits');

    button('Needs your attention')?.click();
    await until(() => portalNames().length === 3);
    expect(portalNames()[2]).to.equal('Summit Benefits');
    expect(text()).to.contain('With payer');
    await expect(hub).to.be.accessible();
  });

  it('filters by covered payer across all portals with Apply, and Clear all restores the default view', async () => {
    const { shadow, button, portalNames } = await mount(server.tokens.hubManager);
    await until(() => portalNames().length === 2);
    const input = shadow().querySelector<HTMLInputElement>('[part="payer-filter"] input') as HTMLInputElement;
    const options = [...shadow().querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(options).to.include.members(['Medicaid', 'Bay State Medicaid', 'Summit Commercial']);
    input.focus();
    await sendKeys({ type: 'medicaid' });
    await sendKeys({ press: 'Enter' });
    await until(() => portalNames().length === 1);
    expect(portalNames()).to.deep.equal(['Northwind Provider Connect']);
    button('Clear all')?.click();
    await until(() => portalNames().length === 2);
    expect(input.value).to.equal('');
  });

  it('expands a portal with the keyboard, shows its issues and related tasks, and hands claims tasks to the host', async () => {
    const { hub, shadow, button } = await mount(server.tokens.hubManager);
    await until(() => button('Issues of Bay State Gateway') !== undefined);
    const expand = button('Issues of Bay State Gateway') as HTMLButtonElement;
    expand.focus();
    await sendKeys({ press: 'Enter' });
    await hub.updateComplete;
    expect(expand.getAttribute('aria-expanded')).to.equal('true');
    const region = shadow().getElementById(expand.getAttribute('aria-controls') ?? '');
    expect(region?.hidden).to.equal(false);
    expect(region?.textContent).to.contain('The TIN is not linked to the account.');
    expect(region?.textContent).to.contain('$12,684.00');
    expect(region?.querySelectorAll('ul.related li').length).to.equal(1);
    const opened = oneEvent(hub, 'portico-open-worklist');
    (button('Resolve claims task') as HTMLButtonElement).click();
    const event = (await opened) as CustomEvent<OpenWorklistDetail>;
    expect(event.detail.taskIds.length).to.equal(1);
    expect(event.detail.allPracticeTasks).to.equal(false);
    expect(event.detail.portalId).to.be.a('string');
    await expect(hub).to.be.accessible();
  });

  it('opens the unpostables task: response and affected unpostables tabs, history rendered as text; Cancel saves nothing', async () => {
    const { hub, button, dialog } = await openUnpostablesTask();
    expect(dialog.open).to.equal(true);
    const content = dialog.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(content).to.contain('Reset the billing account password and enter it here.');
    expect(content).to.contain('TINs to add to the account: 27-7654321');
    expect(content).to.contain('elm.billing');
    expect(content).to.contain('Password Not set');
    // The staff note is markup: shown as text, never run.
    expect(content).to.contain(
      '<img src=x onerror="window.__porticoPwned=1"> The portal says the password expired.',
    );
    expect(dialog.querySelector('img')).to.equal(null);
    expect((window as unknown as { __porticoPwned?: number }).__porticoPwned).to.equal(undefined);

    // The second tab, by keyboard.
    const responseTab = dialog.querySelector<HTMLButtonElement>('#dialog-tab-response') as HTMLButtonElement;
    responseTab.focus();
    await sendKeys({ press: 'ArrowRight' });
    await hub.updateComplete;
    const unpostablesPanel = dialog.querySelector<HTMLElement>('#dialog-panel-unpostables');
    expect(unpostablesPanel?.hidden).to.equal(false);
    expect(unpostablesPanel?.textContent?.replace(/\s+/g, ' ')).to.contain('U-5001 Blocked $1,842.50');
    expect(unpostablesPanel?.textContent?.replace(/\s+/g, ' ')).to.contain('U-5002 Not blocked $99.00');
    await expect(hub).to.be.accessible();
    await sendKeys({ press: 'ArrowLeft' });
    await hub.updateComplete;

    const comment = dialog.querySelector<HTMLTextAreaElement>(
      'textarea[name="comment"]',
    ) as HTMLTextAreaElement;
    comment.focus();
    await sendKeys({ type: 'Not sure yet' });
    (button('Cancel') as HTMLButtonElement).click();
    await hub.updateComplete;
    expect(dialog.open).to.equal(false);
    const tasks = await practice().accessHub.tasks.query({});
    const task = tasks.rows.find((row) => row.kind === 'UNPOSTABLES');
    expect(task).to.not.equal(undefined);
    const detail = await practice().accessHub.task.query({ taskId: task?.id ?? '' });
    expect(detail.canRespond).to.equal(true);
    expect(detail.history.length).to.equal(1);
  });

  it('switches tabs with the arrow keys, sorts and filters the tasks, and downloads them as CSV', async () => {
    const { hub, shadow, button } = await mount(server.tokens.hubManager);
    await until(() => shadow().querySelector('[part="portals"]') !== null);
    const dashboardTab = shadow().querySelector<HTMLButtonElement>('#tab-dashboard') as HTMLButtonElement;
    dashboardTab.focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => shadow().querySelector('[part="tasks"]') !== null);
    expect(hub.tab).to.equal('tasks');
    expect(shadow().activeElement?.id).to.equal('tab-tasks');
    const rows = () => [...shadow().querySelectorAll('[part="tasks"] tbody tr:not([aria-hidden])')];
    expect(rows().length).to.equal(2);

    const typeHeader = button('Type') as HTMLButtonElement;
    typeHeader.click();
    await until(() => typeHeader.closest('th')?.getAttribute('aria-sort') === 'ascending');
    await until(() => rows()[0]?.textContent?.includes('Claims') === true);
    expect(rows()[1]?.textContent).to.contain('Unpostables');
    expect(rows()[0]?.querySelector('a')?.getAttribute('href')).to.equal('https://bay-state.example/');

    const group = shadow().querySelectorAll('select')[1] as HTMLSelectElement;
    await until(() => group.options.length === 2);
    group.value = group.options[1]?.value ?? '';
    group.dispatchEvent(new Event('change'));
    await until(() => rows().length === 1);
    expect(rows()[0]?.textContent).to.contain('Elm Court Pediatrics');

    const csv = await capturedDownload(() =>
      shadow().querySelector<HTMLButtonElement>('[part="download"]')?.click(),
    );
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).to.equal(TASK_CSV_COLUMNS.join(','));
    expect(lines.length).to.equal(2);
    expect(lines[1]).to.contain('Elm Court Pediatrics');

    const opened = oneEvent(hub, 'portico-open-worklist');
    button('Go to enrollment worklist')?.click();
    expect(((await opened) as CustomEvent<OpenWorklistDetail>).detail.allPracticeTasks).to.equal(true);
    await expect(hub).to.be.accessible();
  });

  it('keeps only the rows in view for 10,000 tasks, loading keyset pages as it scrolls to the last', async () => {
    const { hub, shadow } = await mount(server.tokens.hubBig);
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

  it('tells a user without the practice set-up permission so, with Try again', async () => {
    const { shadow } = await mount(server.tokens.hubViewer);
    await until(() => shadow().querySelector('[role="alert"]') !== null);
    expect(shadow().querySelector('[role="alert"]')?.textContent).to.contain('permission');
    expect(shadow().querySelector('[part="retry"]')).to.not.equal(null);
  });

  it('takes the host page theme through custom properties and parts', async () => {
    const { shadow } = await mount(server.tokens.hubManager, '--portico-color-attention: rgb(1, 2, 3)');
    await until(() => shadow().querySelector('[part="status"]') !== null);
    const status = shadow().querySelector('[part="status"]') as HTMLElement;
    expect(getComputedStyle(status).color).to.equal('rgb(1, 2, 3)');
  });

  it('submits a response with a new password that is never shown again, and updates the dashboard', async () => {
    const PASSWORD = 'Elm-Court-new-password-7731';
    const { hub, shadow, button, dialog } = await openUnpostablesTask();
    button('Change account information')?.click();
    await hub.updateComplete;
    const password = dialog.querySelector<HTMLInputElement>('input[name="password"]') as HTMLInputElement;
    expect(password.type).to.equal('password');
    password.focus();
    await sendKeys({ type: PASSWORD });
    const comment = dialog.querySelector<HTMLTextAreaElement>(
      'textarea[name="comment"]',
    ) as HTMLTextAreaElement;
    comment.focus();
    await sendKeys({ type: 'Reset today.' });
    dialog.querySelector<HTMLInputElement>('input[name="assistance"]')?.click();
    await expect(hub).to.be.accessible();
    const submitted = oneEvent(hub, 'portico-access-response-submitted');
    button('Submit response')?.click();
    const event = (await submitted) as CustomEvent<AccessResponseSubmittedDetail>;
    expect(dialog.open).to.equal(false);
    await until(() =>
      (shadow().querySelector('[part="attention-card"]')?.textContent ?? '').includes('1 task needs'),
    );
    const detail = await practice().accessHub.task.query({ taskId: event.detail.taskId });
    expect(detail.assignee).to.equal('SERVICE');
    expect(detail.assistanceNeeded).to.equal(true);
    expect(detail.account?.passwordSet).to.equal(true);
    expect(detail.history.at(-1)?.body).to.contain('Reset today.');
    expect(JSON.stringify(detail)).to.not.contain(PASSWORD);
    expect(shadow().innerHTML).to.not.contain(PASSWORD);
    expect([...shadow().querySelectorAll('input')].some((input) => input.value === PASSWORD)).to.equal(false);
  });

  it('updates an open dashboard without reload when staff change an issue', async () => {
    const { shadow, portalNames } = await mount(server.tokens.hubManager);
    await until(() => shadow().querySelector('[part="portals"]') !== null);
    const before = portalNames();
    expect(before).to.not.include('Summit Benefits');
    // Give the live stream a moment to connect, then staff move the Summit issue onto the practice.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const issues = await staff().accessHub.officeIssues.query({ officeId: 'hub-office' });
    const summitIssue = issues.find((issue) => issue.status === 'WITH_PAYER');
    expect(summitIssue).to.not.equal(undefined);
    await staff().accessHub.changeIssueStatus.mutate({
      officeId: 'hub-office',
      issueId: summitIssue?.id ?? '',
      status: 'NEEDS_YOUR_ATTENTION',
    });
    await until(() => portalNames().includes('Summit Benefits'), 10_000);
  });
});
