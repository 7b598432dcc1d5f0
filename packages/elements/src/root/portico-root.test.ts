import { consume } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import type { PorticoClient } from '@portico/core';
import { LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../index.ts';
import { loadFixture, type PorticoFixture } from '../testing/fixture.ts';
import { porticoClientContext } from './client-context.ts';
import type { PorticoRoot } from './portico-root.ts';

@customElement('test-client-probe')
class ClientProbe extends LitElement {
  @consume({ context: porticoClientContext, subscribe: true })
  @state()
  client: PorticoClient | undefined;
}

describe('<portico-root>', () => {
  let server: PorticoFixture;
  before(async () => {
    server = await loadFixture();
  });

  it('provides a working SDK client to elements nested anywhere inside it', async () => {
    const root = await fixture<PorticoRoot>(
      html`<portico-root url=${server.url} token=${server.tokens.officeUser}>
        <section>
          <div><test-client-probe></test-client-probe></div>
        </section>
      </portico-root>`,
    );
    const probe = root.querySelector('test-client-probe') as ClientProbe;
    expect(probe.client).to.not.equal(undefined);
    const session = await probe.client?.organizations.me.query();
    expect(session?.organization.name).to.equal('Maple Street Family Practice');
  });

  it('asks getToken for the token on each request', async () => {
    const root = await fixture<PorticoRoot>(
      html`<portico-root url=${server.url}>
        <test-client-probe></test-client-probe>
      </portico-root>`,
    );
    let asked = 0;
    root.getToken = async () => {
      asked += 1;
      return server.tokens.otherOffice;
    };
    const probe = root.querySelector('test-client-probe') as ClientProbe;
    const session = await probe.client?.organizations.me.query();
    expect(session?.organization.name).to.equal('Harbor Pediatrics');
    expect(asked).to.equal(1);
  });

  it('gives a new client to the descendants when the URL changes, and none without a URL', async () => {
    const root = await fixture<PorticoRoot>(
      html`<portico-root><test-client-probe></test-client-probe></portico-root>`,
    );
    const probe = root.querySelector('test-client-probe') as ClientProbe;
    expect(probe.client).to.equal(undefined);
    root.url = server.url;
    await root.updateComplete;
    expect(probe.client).to.not.equal(undefined);
  });

  it('lays out as if it were not there', async () => {
    const root = await fixture<PorticoRoot>(html`<portico-root></portico-root>`);
    expect(getComputedStyle(root).display).to.equal('contents');
  });
});
