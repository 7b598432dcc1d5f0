import { expect, fixture, html } from '@open-wc/testing';
import '../index.ts';
import type { PorticoStorefront } from './portico-storefront.ts';
import { loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';

describe('<portico-storefront>', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });

  async function mount(token: string) {
    const root = await fixture(
      html`<portico-root url=${server.url} token=${token}>
        <portico-storefront></portico-storefront>
      </portico-root>`,
    );
    const storefront = root.querySelector('portico-storefront') as PorticoStorefront;
    return { root, storefront, shadow: () => storefront.shadowRoot as ShadowRoot };
  }

  it("shows the office's subscriptions and the plan catalogue from the server", async () => {
    const { shadow } = await mount(server.tokens.officeUser);
    await until(() => shadow().querySelector('table') !== null);
    const text = shadow().textContent ?? '';
    expect(text).to.contain('Subscriptions for Maple Street Family Practice');
    const row = shadow().querySelector('tbody tr');
    expect(row?.textContent).to.contain('AllPayer Access');
    expect(row?.textContent).to.contain('Active');
    expect(row?.textContent).to.contain('$29.95');
    const plans = [...shadow().querySelectorAll('[part="plan"] h4')].map((h) => h.textContent);
    expect(plans).to.deep.equal(['AllPayer Access', 'Medicare', 'AllPayer Advantage']);
    expect(text).to.contain('$39.95');
  });

  it('shows a loading state first, announced to screen readers', async () => {
    const { shadow } = await mount(server.tokens.officeUser);
    const status = shadow().querySelector('[role="status"]');
    expect(status?.textContent).to.contain('Loading');
  });

  it('says so when the office has no subscriptions', async () => {
    const { shadow } = await mount(server.tokens.otherOffice);
    await until(() => (shadow().textContent ?? '').includes('no subscriptions'));
    expect(shadow().textContent).to.contain('Harbor Pediatrics');
    expect(shadow().querySelector('table')).to.equal(null);
  });

  it("shows the server's error and a working Try again button when the token has expired", async () => {
    const { shadow } = await mount(server.tokens.expired);
    await until(() => shadow().querySelector('[role="alert"]') !== null);
    const alert = shadow().querySelector('[role="alert"]');
    expect(alert?.textContent).to.contain('expired');
    const retry = shadow().querySelector<HTMLButtonElement>('[part="retry"]');
    expect(retry?.textContent).to.contain('Try again');
    retry?.focus();
    expect(shadow().activeElement).to.equal(retry);
  });

  it('recovers on Try again once the host portal supplies a fresh token', async () => {
    const { root, shadow } = await mount(server.tokens.expired);
    await until(() => shadow().querySelector('[role="alert"]') !== null);
    root.setAttribute('token', server.tokens.officeUser);
    shadow().querySelector<HTMLButtonElement>('[part="retry"]')?.click();
    await until(() => shadow().querySelector('table') !== null);
    expect(shadow().textContent).to.contain('AllPayer Access');
  });

  it('renders markup in data as text, never as HTML', async () => {
    const { shadow } = await mount(server.tokens.markupOffice);
    await until(() => (shadow().textContent ?? '').includes('Evil & Co'));
    expect(shadow().querySelector('img')).to.equal(null);
    expect(shadow().textContent).to.contain('<img src=x onerror="window.__porticoPwned=1">Evil & Co');
    expect((window as unknown as { __porticoPwned?: number }).__porticoPwned).to.equal(undefined);
  });

  it('passes axe-core accessibility checks when loaded, empty and failed', async () => {
    for (const token of [server.tokens.officeUser, server.tokens.otherOffice, server.tokens.expired]) {
      const { storefront, shadow } = await mount(token);
      await until(() => shadow().querySelector('[role="status"]') === null);
      await expect(storefront).to.be.accessible();
    }
  });

  it('can be themed through custom properties and parts', async () => {
    const host = await fixture(
      html`<div>
        <style>
          .themed portico-storefront {
            --portico-color-border: rgb(255, 0, 0);
          }
          .themed portico-storefront::part(plan) {
            background-color: rgb(0, 0, 255);
          }
        </style>
        <portico-root class="themed" url=${server.url} token=${server.tokens.officeUser}>
          <portico-storefront></portico-storefront>
        </portico-root>
      </div>`,
    );
    const storefront = host.querySelector('portico-storefront') as PorticoStorefront;
    await until(() => storefront.shadowRoot?.querySelector('[part="plan"]') != null);
    const plan = storefront.shadowRoot?.querySelector('[part="plan"]') as HTMLElement;
    expect(getComputedStyle(plan).backgroundColor).to.equal('rgb(0, 0, 255)');
    expect(getComputedStyle(plan).borderTopColor).to.equal('rgb(255, 0, 0)');
  });
});
