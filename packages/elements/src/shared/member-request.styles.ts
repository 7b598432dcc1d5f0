import { css } from 'lit';

/** The member-data widgets (eligibility, claim status): a search form, answer cards, today's history. */
export const memberRequestStyles = css`
  form {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: 0.75em var(--_space);
    align-items: start;
    margin-bottom: var(--_space);
  }
  label {
    display: grid;
    gap: 0.2em;
  }
  fieldset {
    grid-column: 1 / -1;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em 1em;
  }
  fieldset label {
    display: flex;
    gap: 0.35em;
    align-items: center;
  }
  .actions {
    grid-column: 1 / -1;
    display: flex;
    gap: var(--_space);
    align-items: center;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em var(--_space);
    margin-bottom: var(--_space);
    background: var(--_surface);
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em 1em;
    margin: 0.5em 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .status {
    font-weight: 700;
    font-size: 1.1em;
    margin: 0;
  }
  .muted,
  .code {
    color: var(--_muted);
  }
  .scroll {
    overflow-x: auto;
  }
  pre {
    white-space: pre-wrap;
    word-break: break-all;
    font-size: 0.85em;
  }
  .history {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .history li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    align-items: center;
    border-bottom: 1px solid var(--_border);
    padding-bottom: 0.4em;
  }
  h3:focus {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
`;
