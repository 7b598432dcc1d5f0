import { css } from 'lit';
import { baseStyles } from '../shared/base.styles.ts';
import { listStyles } from '../shared/list.styles.ts';
import { tableStyles } from '../shared/table.styles.ts';

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
  .card {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_attention);
    border-radius: var(--_radius);
    margin-bottom: var(--_space);
  }
  .card .count {
    font-size: 1.6em;
    font-weight: 700;
    margin-right: 0.3em;
  }
  button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button[aria-pressed='false'] {
    background: transparent;
    color: var(--_primary);
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
  button.expand {
    all: unset;
    cursor: pointer;
    width: 1.5em;
    text-align: center;
  }
  button.expand:focus-visible {
    outline: 3px solid var(--_primary);
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
  td.issues-cell {
    padding: 0 0 var(--_space) 2em;
    background: var(--_surface);
  }
  ul.related {
    margin: 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .number {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  dialog.task {
    max-width: 44rem;
  }
  dialog form {
    display: grid;
    gap: var(--_space);
  }
  dl.account {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.3em 1em;
    margin: 0;
  }
  dl.account dt {
    font-weight: 600;
  }
  dl.account dd {
    margin: 0;
  }
  ol.history {
    margin: 0;
    padding-left: 1.2em;
  }
  ol.history .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0.2em 0 0.6em;
  }
  textarea {
    font: inherit;
    padding: 0.35em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-height: 5em;
  }
  textarea:focus-visible {
    outline: 3px solid var(--_primary);
    outline-offset: 2px;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: grid;
    gap: var(--_space);
  }
`;

/** What the hub and each of its parts (dashboard, task table, task dialog) are styled with. */
export const hubStyles = [baseStyles, tableStyles, listStyles, accessHubStyles];
