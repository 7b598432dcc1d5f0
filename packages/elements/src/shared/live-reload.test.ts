import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../index.ts';
import { loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';

/** Counts the event streams the page opens and closes, whoever opens them. */
const streams = { opened: 0, closed: 0 };
const NativeEventSource = window.EventSource;
class CountedEventSource extends NativeEventSource {
  constructor(url: string | URL, init?: EventSourceInit) {
    super(url, init);
    streams.opened += 1;
  }
  override close(): void {
    if (this.readyState !== NativeEventSource.CLOSED) streams.closed += 1;
    super.close();
  }
}

describe('live reload', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
    window.EventSource = CountedEventSource;
  });
  after(() => {
    window.EventSource = NativeEventSource;
  });

  it('closes every event stream of widgets removed before their data arrived', async () => {
    const before = { ...streams };
    for (let round = 0; round < 8; round += 1) {
      await fixture(
        html`<portico-root url=${server.url} token=${server.tokens.storefrontManager}>
          <portico-storefront></portico-storefront>
          <portico-provider-manager></portico-provider-manager>
        </portico-root>`,
      );
      // Removed at once: the widgets' data arrives after they left the page.
      fixtureCleanup();
    }
    // Let every late answer land and every late update run.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(streams.opened - before.opened).to.be.greaterThan(0);
    expect(streams.opened - before.opened).to.equal(streams.closed - before.closed);
  });

  it('shares one stream among the widgets under one root, and closes it with the last', async () => {
    const before = { ...streams };
    await fixture(
      html`<portico-root url=${server.url} token=${server.tokens.storefrontManager}>
        <portico-storefront></portico-storefront>
        <portico-provider-manager></portico-provider-manager>
      </portico-root>`,
    );
    await until(() => streams.opened > before.opened);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(streams.opened - before.opened).to.equal(1);
    fixtureCleanup();
    expect(streams.closed - before.closed).to.equal(1);
  });
});
