import { provide } from '@lit/context';
import { createPorticoClient, type PorticoClient } from '@portico/core';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { emit } from '../shared/emit.ts';
import { porticoClientContext } from './client-context.ts';
import { IdleSignOutController } from './idle-sign-out.ts';

/** Detail of `portico-signed-out`: why Portico signed out (after `idleMinutes` without activity). */
export interface SignedOutDetail {
  reason: 'idle';
  idleMinutes: number;
}

/**
 * @summary Connects the Portico elements inside it to a Portico server, and signs out after idle time.
 *
 * Give it the server's URL and either a `token` (attribute or property) or a `getToken` function (property)
 * that returns a fresh token from the host portal. Tokens travel in a header, never in cookies, so the
 * elements work with third-party cookies blocked.
 *
 * Automatic log-off (HIPAA): after `idle-minutes` without activity in the page (default 15; 0 turns it off) a
 * dialog warns a minute before, with Stay signed in. Then every element inside loses its client, so what they
 * showed is cleared from the page, the root shows a signed-out note instead of its content, and
 * `portico-signed-out` tells the host to end its own session. A new `token` or `getToken` signs in again.
 *
 * @slot - Portico elements, anywhere in the subtree.
 *
 * @fires {CustomEvent<SignedOutDetail>} portico-signed-out - Portico signed out after the idle time; end the host's session too.
 *   `detail`: `{ reason, idleMinutes }`.
 *
 * @csspart idle-warning - The dialog that warns before the automatic sign-out.
 * @csspart stay - Its Stay signed in button.
 * @csspart signed-out - The note shown once signed out.
 *
 * @cssproperty --portico-color-primary - The Stay signed in button.
 * @cssproperty --portico-radius - Corner radius.
 */
@customElement('portico-root')
export class PorticoRoot extends LitElement {
  // No inherited look is set on the host page's own content inside the root: only the root's own dialog and note.
  static override styles = css`
    :host {
      display: contents;
    }
    dialog,
    .signed-out {
      font-family: var(--portico-font, inherit);
      color: var(--portico-color-text, #1d2530);
      border: 1px solid var(--portico-color-border, #c9d2dc);
      border-radius: var(--portico-radius, 6px);
      padding: var(--portico-space, 1rem);
      max-width: 28rem;
    }
    button {
      font: inherit;
      border-radius: var(--portico-radius, 6px);
      border: 1px solid var(--portico-color-primary, #0b5cad);
      background: var(--portico-color-primary, #0b5cad);
      color: var(--portico-color-on-primary, #ffffff);
      padding: 0.4em 0.9em;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid var(--portico-color-primary, #0b5cad);
      outline-offset: 2px;
    }
  `;

  /** The Portico server's base URL, e.g. `https://portico.payer.example`. */
  @property() url = '';

  /** A token minted by the host portal for the signed-in user. */
  @property() token = '';

  /** Called before each request for a fresh token; takes precedence over `token`. */
  @property({ attribute: false }) getToken?: () =>
    string | null | undefined | Promise<string | null | undefined>;

  /** Minutes without activity before Portico signs out (HIPAA automatic log-off); 0 turns it off. */
  @property({ type: Number, attribute: 'idle-minutes' }) idleMinutes = 15;

  /** The client the descendants receive. Rebuilt when `url` changes; token changes need no rebuild. */
  @provide({ context: porticoClientContext })
  @property({ attribute: false })
  client: PorticoClient | undefined = undefined;

  @query('dialog') private warning?: HTMLDialogElement;

  private readonly idle = new IdleSignOutController(
    this,
    () => this.idleMinutes * 60_000,
    () => {
      this.client = undefined;
      emit(this, 'portico-signed-out', { reason: 'idle', idleMinutes: this.idleMinutes });
    },
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    const signedOut = this.idle.state.kind === 'signed-out';
    if (signedOut && (changed.has('token') || changed.has('getToken'))) this.idle.restart();
    else if (changed.has('idleMinutes') && this.idle.state.kind === 'active') this.idle.restart();
    const signingIn = signedOut && this.idle.state.kind === 'active';
    if (changed.has('url') || signingIn) {
      this.client =
        this.url === ''
          ? undefined
          : createPorticoClient({
              url: this.url,
              getToken: () => (this.getToken ? this.getToken() : this.token),
            });
    }
  }

  protected override updated(): void {
    const warn = this.idle.state.kind === 'warning';
    if (warn && this.warning && !this.warning.open) this.warning.showModal();
    if (!warn && this.warning?.open) this.warning.close();
  }

  protected override render() {
    const state = this.idle.state;
    if (state.kind === 'signed-out')
      return html`<div class="signed-out" part="signed-out" role="status">
        <p>For privacy you were signed out after ${this.idleMinutes} minutes without activity.</p>
        <p>Sign in again to continue.</p>
      </div>`;
    return html`<slot></slot>
      <dialog
        part="idle-warning"
        aria-labelledby="idle-title"
        aria-describedby="idle-text"
        @cancel=${this.stay}
      >
        <h2 id="idle-title">Are you still there?</h2>
        <p id="idle-text">
          ${
            state.kind === 'warning'
              ? html`For privacy you will be signed out in ${state.secondsLeft} seconds.`
              : nothing
          }
        </p>
        <button part="stay" autofocus @click=${this.stay}>Stay signed in</button>
      </dialog>`;
  }

  private readonly stay = (event?: Event) => {
    event?.preventDefault();
    this.idle.restart();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-root': PorticoRoot;
  }
  interface HTMLElementEventMap {
    'portico-signed-out': CustomEvent<SignedOutDetail>;
  }
}
