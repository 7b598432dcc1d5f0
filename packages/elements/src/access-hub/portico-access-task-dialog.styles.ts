import { css } from 'lit';
import { hubStyles } from './portico-access-hub.styles.ts';

/** The task dialog: its account details, note history and response form. */
export const taskDialogStyles = [
  ...hubStyles,
  css`
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
  `,
];
