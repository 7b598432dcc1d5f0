import { css } from 'lit';
import { hubStyles } from './portico-access-hub.styles.ts';

/** The dashboard's attention card, quick filter, expandable portal rows and related tasks. */
export const dashboardStyles = [
  ...hubStyles,
  css`
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
    button.expand {
      all: unset;
      cursor: pointer;
      width: 1.5em;
      text-align: center;
    }
    button.expand:focus-visible {
      outline: 3px solid var(--_primary);
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
  `,
];
