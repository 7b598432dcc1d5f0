import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../index.ts';
import { loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';
import { composed } from '../testing/composed.ts';
import type { PorticoRoot } from './portico-root.ts';

// A short idle time (3 s, so the warning comes halfway, at 1.5 s) keeps the test quick; the rule is the same.
const IDLE_MINUTES = 0.05;

describe('<portico-root> automatic log-off', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });

  async function mount() {
    const root = await fixture<PorticoRoot>(
      html`<portico-root url=${server.url} token=${server.tokens.officeUser} idle-minutes=${IDLE_MINUTES}>
        <portico-storefront></portico-storefront>
      </portico-root>`,
    );
    const storefront = root.querySelector('portico-storefront');
    const text = () => (storefront ? composed(storefront).textContent : '');
    await until(() => text().includes('Maple Street Family Practice'));
    const dialog = () => root.shadowRoot?.querySelector('dialog');
    return { root, text, dialog };
  }

  it('warns before signing out, and Stay signed in keeps the session', async () => {
    const { root, dialog, text } = await mount();
    await until(() => dialog()?.open === true, 3000);
    expect(dialog()?.textContent).to.match(/signed out in \d seconds/);
    expect(root.shadowRoot?.activeElement?.textContent?.trim()).to.equal('Stay signed in');
    root.shadowRoot?.querySelector<HTMLButtonElement>('[part="stay"]')?.click();
    await until(() => dialog()?.open === false);
    // Well past the first deadline, still signed in: the clock started again at Stay signed in.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(text()).to.contain('Maple Street Family Practice');
    expect(root.shadowRoot?.querySelector('[part="signed-out"]')).to.equal(null);
  });

  it('signs out when nobody answers: clears what the widgets showed, says so, and tells the host', async () => {
    const { root, text, dialog } = await mount();
    await until(() => dialog()?.open === true, 3000);
    await expect(root.shadowRoot?.querySelector('dialog')).to.be.accessible();
    const event = await oneEvent(root, 'portico-signed-out');
    expect(event.detail).to.deep.equal({ reason: 'idle', idleMinutes: IDLE_MINUTES });
    await until(() => !text().includes('Maple Street Family Practice'));
    expect(root.shadowRoot?.querySelector('[part="signed-out"]')?.textContent).to.contain('signed out');
    expect(root.client).to.equal(undefined);
    // A new sign-in by the host brings the widgets back.
    root.idleMinutes = 0;
    root.token = server.tokens.storefrontManager;
    await until(() => text().includes('Birch Lane Clinic'));
  });

  it('counts a key press anywhere in the page as activity', async () => {
    const { dialog } = await mount();
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1100));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift' }));
    }
    expect(dialog()?.open).to.equal(false);
  });
});
