import { css } from 'lit';

/** The user administration widget: access requests, then the users as cards, each with its permission matrix. */
export const userAdminStyles = css`
  ul {
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_space);
    display: grid;
    gap: 0.75em;
  }
  li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em var(--_space);
    background: var(--_surface);
  }
  li.terminated {
    opacity: 0.75;
  }
  p {
    margin: 0.2em 0;
  }
  .muted {
    color: var(--_muted);
  }
  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
    gap: 0.25em var(--_space);
    align-items: baseline;
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 0.5em;
    margin: 0;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
  }
  .status {
    font-weight: 600;
  }
  .suspended .status,
  .terminated .status {
    color: var(--_danger);
  }
  .actions {
    flex-wrap: wrap;
    align-items: center;
    margin-top: 0.5em;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em var(--_space);
    align-items: end;
    margin-top: 0.5em;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: flex;
    gap: 0.75em;
    flex-wrap: wrap;
  }
  .notice {
    margin-top: 0.5em;
    padding: 0.4em 0.6em;
    border-left: 4px solid var(--_success);
  }
  .notice.refused {
    border-left-color: var(--_danger);
    color: var(--_danger);
  }
  table.matrix {
    border-collapse: collapse;
    margin-top: 0.75em;
    width: 100%;
  }
  .matrix caption {
    text-align: start;
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  .matrix th,
  .matrix td {
    text-align: start;
    border-bottom: 1px solid var(--_border);
    padding: 0.3em 0.5em;
  }
  .matrix th[scope='row'] {
    font-weight: 400;
  }
`;
