import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { npiCheckDigit } from '@portico/core';
import '../index.ts';
import { capturedDownload, loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';
import type { PorticoProviderManager } from './portico-provider-manager.ts';

const ENROLLED_A = '1234567893';
const ENROLLED_B = '1245319599';

describe('<portico-provider-manager>', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });

  async function mount(token: string) {
    const root = await fixture(
      html`<portico-root url=${server.url} token=${token}>
        <portico-provider-manager></portico-provider-manager>
      </portico-root>`,
    );
    const element = root.querySelector('portico-provider-manager') as PorticoProviderManager;
    const shadow = () => element.shadowRoot as ShadowRoot;
    await until(() => shadow().querySelector('[part="state"][role="status"]') === null);
    return { element, shadow };
  }

  function fill(shadow: ShadowRoot, values: Record<string, string>) {
    for (const [name, value] of Object.entries(values)) {
      const input = shadow.querySelector<HTMLInputElement>(`dialog[open] input[name="${name}"]`);
      if (!input) throw new Error(`no field ${name}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
  }

  const submit = (shadow: ShadowRoot) =>
    shadow.querySelector<HTMLButtonElement>('dialog[open] button[type="submit"]')?.click();

  it('starts empty, then adds a provider through the dialog and shows its Medicare status', async () => {
    const { element, shadow } = await mount(server.tokens.providerManager);
    expect(shadow().textContent).to.contain('No providers yet');
    shadow().querySelector<HTMLButtonElement>('[part="add"]')?.click();
    await element.updateComplete;
    expect(shadow().querySelector('dialog[open] h2')?.textContent).to.equal('Add a provider');
    fill(shadow(), {
      npi: ENROLLED_A,
      firstName: 'Jordan',
      lastName: 'Reyes',
      tin: '12-3456789',
      specialty: 'Family medicine',
    });
    await element.updateComplete;
    const changed = oneEvent(element, 'portico-providers-changed');
    submit(shadow());
    const event = await changed;
    expect(event.detail.action).to.equal('added');
    await until(() => shadow().querySelector('tbody tr') !== null);
    const row = shadow().querySelector('tbody tr')?.textContent ?? '';
    expect(row).to.contain('Jordan Reyes');
    expect(row).to.contain('Enrolled');
    expect(shadow().querySelector('dialog[open]')).to.equal(null);
  });

  it('says what a waiting Medicare plan needs, then the day it is ready by, in the same words as the storefront', async () => {
    const root = await fixture(
      html`<portico-root url=${server.url} token=${server.tokens.awaitingMedicare}>
        <portico-provider-manager></portico-provider-manager>
        <portico-storefront></portico-storefront>
      </portico-root>`,
    );
    const element = root.querySelector('portico-provider-manager') as PorticoProviderManager;
    const shadow = () => element.shadowRoot as ShadowRoot;
    const storefront = () => root.querySelector('portico-storefront')?.shadowRoot as ShadowRoot;
    const notice = () => shadow().querySelector('[part="medicare-plans"]');
    await until(() => shadow().querySelector('[part="provider-gaps"]') !== null);
    expect(notice()?.getAttribute('role')).to.equal('status');
    const gaps = shadow().querySelector('[part="provider-gaps"]')?.textContent ?? '';
    expect(gaps).to.contain('Medicare: waiting for your provider list.');
    await until(() => storefront()?.querySelector('[part="provider-gaps"]') != null);
    const words = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(words(shadow().querySelector('[part="provider-gaps"]'))).to.equal(
      words(storefront().querySelector('[part="provider-gaps"]')),
    );
    await expect(element).to.be.accessible();

    shadow().querySelector<HTMLButtonElement>('[part="add"]')?.click();
    await element.updateComplete;
    fill(shadow(), { npi: ENROLLED_B, firstName: 'Casey', lastName: 'Ward', tin: '12-3456789' });
    await element.updateComplete;
    submit(shadow());
    await until(() => shadow().querySelector('[part="activation"]') !== null);
    expect(shadow().querySelector('[part="provider-gaps"]')).to.equal(null);
    const activation = words(shadow().querySelector('[part="activation"]'));
    // The fixture's clock says Monday, November 23: ready by the end of the second business day after it.
    expect(activation).to.equal(
      'Medicare: Activating, ready by Nov 25, 2026. Your provider list is complete.',
    );
    // The storefront beside it reloads on the change and shows the same day.
    await until(() => storefront().querySelector('[part="provider-gaps"]') === null, 8000);
    const badges = [...storefront().querySelectorAll('[part="status"]')].map((badge) => words(badge));
    expect(activation).to.contain(badges.find((badge) => badge.startsWith('Activating')) ?? 'no badge');
    await expect(element).to.be.accessible();
  });

  it('shows every problem the server finds with core’s rules at its own field, and adds nothing', async () => {
    const { element, shadow } = await mount(server.tokens.providerManager);
    const rowsBefore = shadow().querySelectorAll('[part="table"] tbody tr:not(.spacer)').length;
    shadow().querySelector<HTMLButtonElement>('[part="add"]')?.click();
    await element.updateComplete;
    fill(shadow(), { npi: '1234567890', firstName: 'A', lastName: 'B', tin: '07-1234567' });
    submit(shadow());
    const npi = () => shadow().querySelector<HTMLInputElement>('dialog[open] input[name="npi"]');
    await until(() => npi()?.getAttribute('aria-invalid') === 'true');
    const npiError = shadow().getElementById(npi()?.getAttribute('aria-describedby') ?? '');
    expect(npiError?.textContent).to.contain('check digit');
    expect(shadow().textContent).to.contain('07 is not an EIN prefix the IRS assigns');
    expect(shadow().activeElement, 'the first refused field takes the focus').to.equal(npi());
    // Editing a field takes its message away; the other field's stays until it is edited too.
    fill(shadow(), { npi: '2123456789' });
    await element.updateComplete;
    expect(npi()?.getAttribute('aria-invalid')).to.equal('false');
    expect(shadow().textContent).to.contain('07 is not an EIN prefix the IRS assigns');
    expect(shadow().querySelector('dialog[open] input[name="organizationName"]')).to.not.equal(null);
    expect(shadow().querySelector('dialog[open] input[name="firstName"]')).to.equal(null);
    shadow().querySelector<HTMLButtonElement>('dialog[open] button.secondary')?.click();
    await element.updateComplete;
    expect(shadow().querySelectorAll('[part="table"] tbody tr:not(.spacer)').length).to.equal(rowsBefore);
  });

  it("shows the server's refusal next to the field it concerns (a duplicate NPI)", async () => {
    const { element, shadow } = await mount(server.tokens.providerManager);
    shadow().querySelector<HTMLButtonElement>('[part="add"]')?.click();
    await element.updateComplete;
    fill(shadow(), { npi: ENROLLED_A, firstName: 'Again', lastName: 'Reyes', tin: '12-3456789' });
    submit(shadow());
    await until(() =>
      (shadow().querySelector('dialog[open] .field-error')?.textContent ?? '').includes('already'),
    );
    expect(shadow().querySelector('dialog[open] input[name="npi"]')?.getAttribute('aria-invalid')).to.equal(
      'true',
    );
    shadow().querySelector<HTMLButtonElement>('dialog[open] button.secondary')?.click();
  });

  it('explains in plain words why the last Medicare-enrolled provider cannot be removed', async () => {
    const { element, shadow } = await mount(server.tokens.providerManager);
    shadow().querySelector<HTMLButtonElement>('button[aria-label="Remove Jordan Reyes"]')?.click();
    await element.updateComplete;
    expect(shadow().querySelector('dialog[open] h2')?.textContent).to.contain('Remove Jordan Reyes?');
    // What cannot be undone is in the danger colour, unlike the primary action.
    const confirm = shadow().querySelector<HTMLButtonElement>('dialog[open] [part="remove-confirm"]');
    expect(confirm && getComputedStyle(confirm).backgroundColor).to.equal('rgb(163, 35, 27)');
    confirm?.click();
    await until(() => shadow().querySelector('dialog[open] [role="alert"]') !== null);
    expect(shadow().querySelector('dialog[open] [role="alert"]')?.textContent).to.contain(
      'only Medicare-enrolled provider',
    );
    shadow().querySelector<HTMLButtonElement>('dialog[open] button.secondary')?.click();
    expect(shadow().textContent).to.contain('Jordan Reyes');
  });

  it('shows an SSN masked, sorts by column and filters by text', async () => {
    const { element, shadow } = await mount(server.tokens.providerManager);
    shadow().querySelector<HTMLButtonElement>('[part="add"]')?.click();
    await element.updateComplete;
    fill(shadow(), { npi: ENROLLED_B, firstName: 'Casey', lastName: 'Adams', tin: '123-45-6789' });
    submit(shadow());
    await until(() => shadow().querySelectorAll('tbody tr').length === 2);
    expect(shadow().textContent).to.contain('***-**-6789');
    expect(shadow().textContent).to.not.contain('123-45-6789');
    const names = () => [...shadow().querySelectorAll('tbody th')].map((th) => th.textContent);
    expect(names()).to.deep.equal(['Casey Adams', 'Jordan Reyes']);
    const nameHeader = shadow().querySelector('th[aria-sort="ascending"] button') as HTMLButtonElement;
    nameHeader.click();
    await element.updateComplete;
    expect(names()).to.deep.equal(['Jordan Reyes', 'Casey Adams']);
    expect(shadow().querySelector('th[aria-sort="descending"]')).to.not.equal(null);
    const filter = shadow().querySelector<HTMLInputElement>('[part="filter"]');
    if (filter) {
      filter.value = 'casey';
      filter.dispatchEvent(new Event('input'));
    }
    await element.updateComplete;
    expect(names()).to.deep.equal(['Casey Adams']);
  });

  it('updates itself when a provider is added elsewhere (live events over SSE)', async () => {
    const first = await mount(server.tokens.providerManager);
    const second = await mount(server.tokens.providerViewer);
    const countIn = (shadow: () => ShadowRoot) => shadow().querySelectorAll('tbody tr').length;
    await until(() => countIn(second.shadow) > 0);
    const before = countIn(second.shadow);
    // Let the second element's event stream connect before the change.
    await new Promise((resolve) => setTimeout(resolve, 300));
    first.shadow().querySelector<HTMLButtonElement>('[part="add"]')?.click();
    await first.element.updateComplete;
    fill(first.shadow(), { npi: '1326094327', firstName: 'Sam', lastName: 'Live', tin: '45-6789012' });
    submit(first.shadow());
    await until(() => countIn(second.shadow) === before + 1, 8000);
    expect(second.shadow().textContent).to.contain('Sam Live');
  });

  function chooseRoster(shadow: ShadowRoot, csv: string, addValidRows: boolean) {
    const input = shadow.querySelector<HTMLInputElement>('[part="roster"] input[type="file"]');
    const transfer = new DataTransfer();
    transfer.items.add(new File([csv], 'roster.csv', { type: 'text/csv' }));
    if (input) input.files = transfer.files;
    const checkbox = shadow.querySelector<HTMLInputElement>('[part="roster"] input[type="checkbox"]');
    if (checkbox) checkbox.checked = addValidRows;
    shadow.querySelector<HTMLButtonElement>('[part="roster"] button[type="submit"]')?.click();
  }
  const npi = (firstNine: string) => firstNine + npiCheckDigit(firstNine);
  const rosterHeader = 'NPI,FIRST_NAME,LAST_NAME,ORGANIZATION_NAME,TIN,SPECIALTY';

  it('refuses a roster with a bad row in all-or-nothing mode and lists the row by line', async () => {
    const { shadow } = await mount(server.tokens.providerManager);
    const before = shadow().querySelectorAll('tbody tr').length;
    chooseRoster(
      shadow(),
      `${rosterHeader}\n${npi('171111111')},Ana,Lima,,12-3456789,\n1234567890,Bad,Npi,,12-3456789,\n`,
      false,
    );
    await until(() => shadow().querySelector('[part="roster-report"]') !== null);
    expect(shadow().querySelector('.roster-status')?.textContent).to.contain('1 of 2 rows cannot be added');
    const cells = [...shadow().querySelectorAll('[part="roster-report"] tbody td')].map(
      (td) => td.textContent,
    );
    expect(cells.slice(0, 2)).to.deep.equal(['3', 'npi']);
    expect(shadow().querySelectorAll('[part="table"] tbody tr').length).to.equal(before);
  });

  it('adds the valid rows of a roster when asked, reports the rest, and tells the host page', async () => {
    const { element, shadow } = await mount(server.tokens.providerManager);
    const changed = oneEvent(element, 'portico-providers-changed');
    chooseRoster(
      shadow(),
      `${rosterHeader}\n${npi('171111111')},Ana,Lima,,12-3456789,\n${npi('181111111')},Ben,Ode,,12-3456789,\n1234567890,Bad,Npi,,12-3456789,\n`,
      true,
    );
    const event = await changed;
    expect(event.detail).to.deep.equal({ action: 'imported', providerId: null, count: 2 });
    await until(() => (shadow().textContent ?? '').includes('Ana Lima'));
    expect(shadow().querySelector('.roster-status')?.textContent).to.contain('Added 2 of 3 providers');
    expect(shadow().querySelectorAll('[part="roster-report"] tbody tr').length).to.equal(1);
    await expect(element).to.be.accessible();
  });

  it('is read-only for a user without the practice set-up permission', async () => {
    const { shadow } = await mount(server.tokens.providerViewer);
    await until(() => shadow().querySelector('tbody tr') !== null);
    expect(shadow().querySelector('[part="add"]')).to.equal(null);
    expect(shadow().querySelector('[part="roster"]')).to.equal(null);
    expect(shadow().querySelector('button[aria-label^="Remove"]')).to.equal(null);
  });

  it('keeps only the rows in view in the DOM for 5,000 providers, and scrolls to the last', async () => {
    const { element, shadow } = await mount(server.tokens.bigRoster);
    await until(() => shadow().querySelector('tbody tr') !== null);
    const table = shadow().querySelector('[part="table"]');
    expect(table?.getAttribute('aria-rowcount')).to.equal('5001');
    const rendered = () => shadow().querySelectorAll('tbody tr:not([aria-hidden])');
    expect(rendered().length).to.be.greaterThan(10);
    expect(rendered().length).to.be.lessThan(200);
    const scroller = shadow().querySelector<HTMLElement>('.table-scroll') as HTMLElement;
    scroller.scrollTop = scroller.scrollHeight;
    await until(() => (shadow().textContent ?? '').includes('Provider No. 5000'));
    expect(rendered().length).to.be.lessThan(200);
    expect(rendered()[rendered().length - 1]?.getAttribute('aria-rowindex')).to.equal('5001');
    const filter = shadow().querySelector<HTMLInputElement>('[part="filter"]') as HTMLInputElement;
    filter.value = 'No. 12';
    filter.dispatchEvent(new Event('input'));
    await element.updateComplete;
    // "No. 12" matches Provider No. 1200 to 1299: a short list, rendered whole.
    await until(() => shadow().querySelector('tr.spacer') === null);
    expect(rendered().length).to.equal(100);
    await expect(element).to.be.accessible();
  });

  it('downloads the roster as CSV from the server', async () => {
    const { shadow } = await mount(server.tokens.bigRoster);
    const roster = await capturedDownload(() =>
      shadow().querySelector<HTMLButtonElement>('[part="download"]')?.click(),
    );
    const lines = (await roster.text()).trim().split('\r\n');
    expect(lines[0]).to.equal(
      'NPI,FIRST_NAME,LAST_NAME,ORGANIZATION_NAME,TIN,SPECIALTY,MEDICARE_ENROLLED,MEDICARE_PROVIDER_TYPES,MEDICARE_STATES',
    );
    expect(lines.length).to.equal(5001);
  });

  it('passes axe-core checks with the list and with the add dialog open', async () => {
    const { element, shadow } = await mount(server.tokens.providerManager);
    await expect(element).to.be.accessible();
    shadow().querySelector<HTMLButtonElement>('[part="add"]')?.click();
    await element.updateComplete;
    submit(shadow());
    await element.updateComplete;
    await expect(element).to.be.accessible();
  });
});
