import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.ts';
import { listStyles } from '../shared/list.styles.ts';
import { tableStyles } from '../shared/table.styles.ts';

/** What the hub and all its parts share: the attention colour, tabs, links, status labels, figures. */
export const accessHubStyles = css`
  :host {
    --_attention: var(--portico-color-attention, #8a4b00);
  }
  [role='tablist'] {
    display: flex;
    gap: 0.25em;
    border-bottom: 1px solid var(--_border);
    margin-bottom: var(--_space);
  }
  [role='tab'] {
    background: transparent;
    color: var(--_muted);
    border: 1px solid transparent;
    border-bottom: none;
    border-radius: var(--_radius) var(--_radius) 0 0;
  }
  [role='tab'][aria-selected='true'] {
    color: var(--_primary);
    border-color: var(--_border);
    background: var(--_surface);
    font-weight: 600;
  }
  button.link {
    all: unset;
    color: var(--_primary);
    text-decoration: underline;
    cursor: pointer;
  }
  button.link:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
  a {
    color: var(--_primary);
  }
  .status {
    display: inline-block;
    padding: 0.1em 0.5em;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.85em;
    font-weight: 600;
    white-space: nowrap;
  }
  .status.NEEDS_YOUR_ATTENTION {
    color: var(--_attention);
  }
  .status.WITH_SERVICE,
  .status.WITH_PAYER,
  .status.RESOLVED {
    color: var(--_muted);
  }
  .status.NEEDS_YOUR_ATTENTION::before {
    content: '! ';
  }
  .number {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
`;

/** What the hub and each of its parts (dashboard, task table, task dialog) are styled with. */
export const hubStyles = [baseStyles, tableStyles, listStyles, accessHubStyles];
