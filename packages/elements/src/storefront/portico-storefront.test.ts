import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../index.ts';
import type { PorticoStorefront, SubscriptionChangedDetail } from './portico-storefront.ts';
import { mountWidget } from '../testing/mount.ts';
import { loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';

describe('<portico-storefront>', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });

  async function mount(token: string) {
    const mounted = await mountWidget(server, 'portico-storefront', token);
    return { ...mounted, storefront: mounted.element };
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
    const plans = [...shadow().querySelectorAll('[part="plan"] .plan-name')].map((h) => h.textContent);
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
    expect(shadow().querySelector('[part="subscriptions"]')).to.equal(null);
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

  it('signs up with the keyboard through the review step and the use agreement, then upgrades', async () => {
    const { storefront, shadow, text, button } = await mount(server.tokens.storefrontManager);
    await until(() => shadow().querySelector('input[value="MEDICARE"]') !== null);
    const changes: SubscriptionChangedDetail[] = [];
    storefront.addEventListener('portico-subscription-changed', (event) => changes.push(event.detail));
    const access = shadow().querySelector<HTMLInputElement>('input[value="ALLPAYER_ACCESS"]');
    expect(access?.disabled, 'a held plan cannot be chosen again').to.equal(true);
    const update = shadow().querySelector<HTMLButtonElement>('[part="update"]');
    expect(update?.disabled).to.equal(true);

    shadow().querySelector<HTMLInputElement>('input[value="MEDICARE"]')?.focus();
    await sendKeys({ press: 'Space' });
    expect(update?.disabled).to.equal(false);
    update?.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shadow().querySelector('[part="review"]') !== null);
    await until(() => shadow().activeElement?.id === 'review-heading');
    expect(text()).to.contain('$49.90 per month');
    expect(text()).to.contain('(now $29.95)');
    expect(text()).to.contain('version 2026.1');
    const subscribe = shadow().querySelector<HTMLButtonElement>('[part="subscribe"]');
    expect(subscribe?.disabled, 'Subscribe Now waits for the agreement').to.equal(true);
    shadow().querySelector<HTMLInputElement>('.accept input')?.focus();
    await sendKeys({ press: 'Space' });
    await until(() => subscribe?.disabled === false);
    await expect(storefront).to.be.accessible();
    subscribe?.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => changes.length === 1);
    expect(changes[0]?.action).to.equal('subscribed');
    await until(() => text().includes('Activating, ready by Nov 25, 2026'));
    expect(text()).to.contain('You are subscribed.');

    shadow().querySelector<HTMLInputElement>('input[value="ALLPAYER_ADVANTAGE"]')?.click();
    await until(() => shadow().querySelector<HTMLButtonElement>('[part="update"]')?.disabled === false);
    shadow().querySelector<HTMLButtonElement>('[part="update"]')?.click();
    await until(() => text().includes('Replacing'));
    expect(text()).to.contain('AllPayer Access, Medicare');
    expect(text()).to.contain('$39.95 per month');
    button('Back')?.click();
    await until(() => shadow().querySelector('[part="review"]') === null);
    shadow().querySelector<HTMLButtonElement>('[part="update"]')?.click();
    await until(() => shadow().querySelector('.accept input') !== null);
    shadow().querySelector<HTMLInputElement>('.accept input')?.click();
    await until(() => shadow().querySelector<HTMLButtonElement>('[part="subscribe"]')?.disabled === false);
    shadow().querySelector<HTMLButtonElement>('[part="subscribe"]')?.click();
    await until(() => changes.length === 2);
    expect(changes[1]?.action).to.equal('upgraded');
    expect(changes[1]?.subscriptions.map((s) => s.status)).to.include('UPGRADED');
    await until(() => text().includes('Upgraded, replaced on Nov 23, 2026'));
  });

  it('shows a view-only user everything without the buttons', async () => {
    const { storefront, shadow, text } = await mount(server.tokens.storefrontViewer);
    // The subscriptions and billing load side by side.
    await until(() => text().includes('Birch Lane Clinic') && text().includes('Billing history'));
    expect(text()).to.contain('Ask your security officer');
    expect(shadow().querySelector('input[type="checkbox"]')).to.equal(null);
    expect(shadow().querySelector('[part="update"]')).to.equal(null);
    expect(shadow().querySelector('[part="card-form"]')).to.equal(null);
    expect(shadow().querySelector('[part="pay"]')).to.equal(null);
    expect(text()).to.contain('Visa ending 4242');
    await expect(storefront).to.be.accessible();
  });

  it('shows a pending cancellation and lets the office stop it', async () => {
    const { storefront, shadow, text } = await mount(server.tokens.cancellingManager);
    await until(() => shadow().querySelector('[part="cancellation-banner"]') !== null);
    expect(text()).to.contain('Medicare: cancellation pending, ends Nov 30, 2026.');
    // A running Medicare plan whose office lists no enrolled provider is flagged, not silently broken.
    expect(text()).to.contain('Medicare: your provider list needs attention.');
    expect(shadow().querySelector('[part="provider-gaps"]')?.textContent).to.contain('Add the providers');
    await expect(storefront).to.be.accessible();
    const changes: SubscriptionChangedDetail[] = [];
    storefront.addEventListener('portico-subscription-changed', (event) => changes.push(event.detail));
    shadow().querySelector<HTMLButtonElement>('[part="stop-cancellation"]')?.click();
    await until(() => changes.length === 1);
    expect(changes[0]?.action).to.equal('cancellation-stopped');
    await until(() => shadow().querySelector('[part="cancellation-banner"]') === null);
    expect(shadow().querySelector('[part="status"]')?.textContent).to.contain('Active');
  });

  it('passes axe-core accessibility checks when loaded, empty and failed', async () => {
    for (const token of [server.tokens.officeUser, server.tokens.otherOffice, server.tokens.expired]) {
      const { storefront, shadow } = await mount(token);
      await until(() => shadow().querySelector('[role="status"].state') === null);
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
