import { provide } from '@lit/context';
import { createPorticoClient, type PorticoClient } from '@portico/core';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { porticoClientContext } from './client-context.ts';

/**
 * @summary Connects the Portico elements inside it to a Portico server.
 *
 * Give it the server's URL and either a `token` (attribute or property) or a `getToken` function (property)
 * that returns a fresh token from the host portal. Tokens travel in a header, never in cookies, so the
 * elements work with third-party cookies blocked.
 *
 * @slot - Portico elements, anywhere in the subtree.
 */
@customElement('portico-root')
export class PorticoRoot extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The Portico server's base URL, e.g. `https://portico.payer.example`. */
  @property() url = '';

  /** A token minted by the host portal for the signed-in user. */
  @property() token = '';

  /** Called before each request for a fresh token; takes precedence over `token`. */
  @property({ attribute: false }) getToken?: () =>
    string | null | undefined | Promise<string | null | undefined>;

  /** The client the descendants receive. Rebuilt when `url` changes; token changes need no rebuild. */
  @provide({ context: porticoClientContext })
  @property({ attribute: false })
  client: PorticoClient | undefined = undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('url')) {
      this.client =
        this.url === ''
          ? undefined
          : createPorticoClient({
              url: this.url,
              getToken: () => (this.getToken ? this.getToken() : this.token),
            });
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-root': PorticoRoot;
  }
}
