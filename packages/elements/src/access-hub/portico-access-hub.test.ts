import { expect } from '@open-wc/testing';
import { mountHub } from '../testing/access-hub-harness.ts';
import { loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';

describe('<portico-access-hub>', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });

  it('tells a user without the practice set-up permission so in words, with no Try again that cannot help', async () => {
    const { shadow } = await mountHub(server, server.tokens.hubViewer);
    await until(() => shadow().querySelector('[role="alert"]') !== null);
    expect(shadow().querySelector('[role="alert"]')?.textContent).to.contain('permission');
    expect(shadow().querySelector('[role="alert"]')?.textContent).not.to.match(/practice_setup|accessHub\./);
    expect(shadow().querySelector('[part="retry"]')).to.equal(null);
  });

  it('takes the host page theme through custom properties and parts', async () => {
    const { shadow } = await mountHub(
      server,
      server.tokens.hubManager,
      '--portico-color-attention: rgb(1, 2, 3)',
    );
    await until(() => shadow().querySelector('[part="status"]') !== null);
    const status = shadow().querySelector('[part="status"]') as HTMLElement;
    expect(getComputedStyle(status).color).to.equal('rgb(1, 2, 3)');
  });
});
