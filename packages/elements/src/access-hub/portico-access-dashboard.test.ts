import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OpenWorklistDetail } from './portico-access-hub.ts';
import { hubClients, mountHub } from '../testing/access-hub-harness.ts';
import { loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';

describe('<portico-access-dashboard> in the hub', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });
  const staff = () => hubClients(server, server.tokens.hubLive).staff();

  it('shows the portals needing attention first, with the attention card, and all issues on request', async () => {
    const { hub, shadow, text, button, portalNames } = await mountHub(server, server.tokens.hubManager);
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
    const { shadow, button, portalNames } = await mountHub(server, server.tokens.hubManager);
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
    const { hub, shadow, button } = await mountHub(server, server.tokens.hubManager);
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

  it('updates an open dashboard without reload when staff change an issue', async () => {
    const { shadow, portalNames } = await mountHub(server, server.tokens.hubLive);
    await until(() => shadow().querySelector('[part="portals"]') !== null);
    const before = portalNames();
    expect(before).to.not.include('Summit Benefits');
    // Give the live stream a moment to connect, then staff move the Summit issue onto the practice.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const issues = await staff().accessHub.officeIssues.query({ officeId: 'hub-live-office' });
    const summitIssue = issues.find((issue) => issue.status === 'WITH_PAYER');
    expect(summitIssue).to.not.equal(undefined);
    await staff().accessHub.changeIssueStatus.mutate({
      officeId: 'hub-live-office',
      issueId: summitIssue?.id ?? '',
      status: 'NEEDS_YOUR_ATTENTION',
    });
    await until(() => portalNames().includes('Summit Benefits'), 10_000);
  });
});
