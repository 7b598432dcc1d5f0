import { css } from 'lit';

/** The remittance widget's own rules, over the member-data widgets' form and card styles. */
export const remittanceStyles = css`
  .amount {
    text-align: right;
  }
  .row-actions {
    white-space: nowrap;
  }
  .muted {
    color: var(--_muted, inherit);
    font-size: 0.9em;
  }
  .code {
    font-family: ui-monospace, monospace;
  }
  .adjustments,
  .remarks {
    margin: 0.25em 0;
    padding-left: 1.2em;
  }
  .paperless {
    color: var(--_success);
  }
  tr[aria-current='true'] {
    outline: 2px solid var(--_primary);
  }
  .done:empty {
    display: none;
  }
`;
