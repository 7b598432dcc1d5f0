import { css } from 'lit';

/**
 * Long lists and their controls, shared by the elements: a scrolling region with a sticky header, the spacer
 * rows of a windowed table, sort buttons in column headers, a toolbar of filters, and dialogs.
 */
export const listStyles = css`
  .table-scroll {
    max-height: var(--portico-table-height, 32rem);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .table-scroll:focus-visible {
    outline: 3px solid var(--_primary);
  }
  .table-scroll thead th {
    position: sticky;
    top: 0;
    background: var(--_surface);
    z-index: 1;
  }
  tr.spacer {
    border: none;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
    margin-bottom: var(--_space);
  }
  .toolbar label,
  form label {
    display: grid;
    gap: 0.25em;
    font-weight: 600;
  }
  th button.sort {
    all: unset;
    cursor: pointer;
    font-weight: 600;
    color: var(--_muted);
  }
  th button.sort:focus-visible {
    outline: 3px solid var(--_primary);
  }
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5);
    max-width: 32rem;
    width: calc(100% - 2rem);
    color: var(--_text);
  }
  label.inline {
    display: flex;
    gap: 0.4em;
    align-items: center;
    font-weight: 400;
  }
`;
