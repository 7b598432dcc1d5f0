import { expect } from '@open-wc/testing';
import '../index.ts';
import { capturedDownload, loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';
import { mountWidget } from '../testing/mount.ts';

describe('<portico-audit-log>', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });

  async function mount(token: string) {
    const widget = await mountWidget(server, 'portico-audit-log', token);
    await widget.element.updateComplete;
    await until(() => !/Loading/.test(widget.text()));
    return widget;
  }

  it('shows the security officer the office’s acts newest first, in words, and pages on', async () => {
    const { text, shadow, button } = await mount(server.tokens.auditOfficer);
    await until(() => text().includes('Audit trail of Juniper Health'));
    const rows = () => [...shadow().querySelectorAll('tbody tr')];
    expect(rows().length).to.equal(50);
    expect(rows()[0]?.textContent).to.contain('Viewed a provider');
    expect(rows()[49]?.textContent).to.contain('Changed a provider');
    expect(text()).not.to.match(/provider\.update|audit\.view/);
    button('Show more')?.click();
    await until(() => rows().length === 60);
    expect(shadow().querySelector('[part="more"]')).to.equal(null);
  });

  it('filters by user and kind of act, and downloads what the filters show as CSV', async () => {
    const { text, shadow, button } = await mount(server.tokens.auditOfficer);
    await until(() => text().includes('Audit trail'));
    const form = shadow().querySelector<HTMLFormElement>('[part="filters"]');
    const user = form?.querySelector<HTMLSelectElement>('select[name="userId"]');
    const option = [...(user?.options ?? [])].find((o) => o.textContent === 'Wren Ives');
    if (user && option) user.value = option.value;
    const action = form?.querySelector<HTMLSelectElement>('select[name="action"]');
    if (action) action.value = 'access.';
    button('Show')?.click();
    await until(() => shadow().querySelectorAll('tbody tr').length === 10);
    for (const row of shadow().querySelectorAll('tbody tr')) {
      expect(row.textContent).to.contain('Wren Ives');
      expect(row.textContent).to.contain('Renewed access');
    }
    const blob = await capturedDownload(() => button('Download CSV')?.click());
    const lines = (await blob.text()).trim().split(/\r?\n/);
    expect(lines[0]).to.equal('At,User,User id,Action,Entity,Entity id,Request id');
    expect(lines.length).to.equal(11);
  });

  it('tells someone without the audit permission why, with no controls', async () => {
    const { text, shadow } = await mount(server.tokens.auditViewer);
    await until(() => text().includes('Only the security officer'));
    expect(shadow().querySelector('button')).to.equal(null);
  });

  it('passes axe-core checks', async () => {
    const { element, text } = await mount(server.tokens.auditOfficer);
    await until(() => text().includes('Audit trail'));
    await expect(element).to.be.accessible();
  });
});
