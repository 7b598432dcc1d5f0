import { PorticoError } from '@portico/core';
import { html } from 'lit';
import { problemText } from './field-problem.ts';

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

/**
 * What a widget shows when its data could not be read: a refusal (the caller may not see this) says why in the
 * server's plain words with no Try again, since trying again cannot help; any other failure has Try again (an
 * expired token included: the host may have supplied a fresh one since).
 */
export function failureState(error: unknown, fallback: string, retry: () => void) {
  const message = problemText(error, fallback);
  const refused = error instanceof PorticoError && error.code === 'FORBIDDEN';
  return refused
    ? html`<div class="state error" part="state" role="alert"><p>${message}</p></div>`
    : errorState(message, retry);
}
