import { css } from 'lit';

/**
 * The shared look of every Portico element: theme tokens with defaults, and the loading, empty and error
 * states. Hosts theme through these custom properties and the elements' parts; no global CSS, no fonts.
 */
export const baseStyles = css`
  :host {
    --_primary: var(--portico-color-primary, #0b5cad);
    --_on-primary: var(--portico-color-on-primary, #ffffff);
    --_text: var(--portico-color-text, #1d2530);
    --_muted: var(--portico-color-muted, #4f5b67);
    --_surface: var(--portico-color-surface, #ffffff);
    --_border: var(--portico-color-border, #c9d2dc);
    --_danger: var(--portico-color-danger, #a3231b);
    --_success: var(--portico-color-success, #1d6b33);
    --_warning: var(--portico-color-warning, #7a4d00);
    --_radius: var(--portico-radius, 6px);
    --_space: var(--portico-space, 1rem);
    display: block;
    font-family: var(--portico-font, inherit);
    color: var(--_text);
  }
  [hidden] {
    display: none !important;
  }
  .state {
    padding: var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
  }
  .state.error {
    border-style: solid;
    border-color: var(--_danger);
    color: var(--_danger);
  }
  button {
    font: inherit;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    padding: 0.4em 0.9em;
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button.secondary {
    background: transparent;
    color: var(--_primary);
  }
  /* What cannot be undone (remove, deny) looks unlike the primary action. */
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
  }
  input,
  select {
    font: inherit;
    padding: 0.35em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error {
    color: var(--_danger);
    font-weight: 400;
    font-size: 0.9em;
  }
  .actions {
    display: flex;
    gap: 0.5em;
    justify-content: end;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
`;
