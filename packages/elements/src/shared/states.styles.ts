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
  button:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
`;
