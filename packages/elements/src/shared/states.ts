import { html } from 'lit';

/** The loading state, announced politely: "Loading providers…". */
export function loadingState(what: string) {
  return html`<p class="state" part="state" role="status">Loading ${what}…</p>`;
}

/** The error state with its Try again button, for a failure a retry can help with. */
export function errorState(message: string, retry: () => void) {
  return html`<div class="state error" part="state" role="alert">
    <p>${message}</p>
    <button part="retry" @click=${retry}>Try again</button>
  </div>`;
}
