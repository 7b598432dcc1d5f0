import { expect } from '@open-wc/testing';
import '../index.ts';
import { loadFixture, until, type PorticoFixture } from '../testing/fixture.ts';
import { mountWidget } from '../testing/mount.ts';

/** The event streams the page opens, to wait until the widget's stream is open before the connection is cut. */
const opened: EventSource[] = [];
const NativeEventSource = window.EventSource;
class TrackedEventSource extends NativeEventSource {
  constructor(url: string | URL, init?: EventSourceInit) {
    super(url, init);
    opened.push(this);
  }
}

describe('live updates after the server lost its LISTEN connection', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
    window.EventSource = TrackedEventSource;
  });
  after(() => {
    window.EventSource = NativeEventSource;
  });

  it('reloads what a widget shows on stream.missed, so a change no event announced still appears', async function () {
    const widget = await mountWidget(server, 'portico-provider-manager', server.tokens.listenerManager);
    await until(() => !/Loading/.test(widget.text()), 10_000);
    expect(widget.text()).not.to.contain('Unannounced Provider');
    await until(() => opened.some((source) => source.readyState === NativeEventSource.OPEN), 10_000);
    // The server subscribes the stream to the bus as it starts answering it: give it that moment.
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The fixture server adds a provider straight in the database (no event) and cuts its LISTEN connection.
    const answer = (await (await fetch('/__portico-fixture/drop-listener')).json()) as { dropped: boolean };
    // PGlite listens inside the server process: there is no connection to lose.
    if (!answer.dropped) this.skip();
    // The server listens again, tells the open stream it may have missed events, and the widget reads again.
    await until(() => widget.text().includes('Unannounced Provider'), 15_000);
  });
});
