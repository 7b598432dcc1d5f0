import { css } from 'lit';

export const storefrontStyles = css`
  section + section {
    margin-top: calc(var(--_space) * 1.5);
  }
  h2,
  h3,
  h4 {
    margin: 0 0 0.5em;
  }
  h2,
  h3 {
    font-size: 1.1em;
  }
  h4 {
    font-size: 1em;
  }
  .muted {
    color: var(--_muted);
  }
  fieldset {
    border: none;
    padding: 0;
    margin: 0 0 var(--_space);
  }
  legend {
    padding: 0;
    margin-bottom: 0.5em;
    color: var(--_muted);
  }
  .plans,
  .cards {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .plans {
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
  }
  .plan {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space);
  }
  .plan label,
  .plan,
  .plan-detail {
    display: grid;
    gap: 0.35em;
  }
  .plan label {
    cursor: pointer;
  }
  .plan-name {
    font-weight: 700;
  }
  .price {
    font-weight: 700;
    font-size: 1.2em;
  }
  .badge {
    display: inline-block;
    justify-self: start;
    border-radius: 999px;
    padding: 0.1em 0.6em;
    font-size: 0.85em;
    border: 1px solid currentColor;
  }
  .badge.ACTIVE,
  .badge.owned,
  .badge.PRIMARY {
    color: var(--_success);
  }
  .badge.CANCELLATION_PENDING,
  .badge.CANCELLED {
    color: var(--_danger);
  }
  .badge.AWAITING_PROVIDERS,
  .badge.ACTIVATING {
    color: var(--_warning);
  }
  .review {
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .review dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.35em var(--_space);
  }
  .review dt {
    font-weight: 600;
  }
  .review dd {
    margin: 0;
  }
  .agreement {
    max-height: 10em;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0 var(--_space);
    margin-bottom: var(--_space);
  }
  .accept {
    display: flex;
    gap: 0.5em;
    align-items: start;
    margin-bottom: var(--_space);
  }
  .actions {
    justify-content: start;
  }
  .card {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em var(--_space);
    align-items: center;
    padding: 0.5em 0;
    border-bottom: 1px solid var(--_border);
  }
  .card-name {
    font-weight: 600;
  }
  .card-actions,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
    margin-left: auto;
  }
  form {
    display: grid;
    gap: 0.75em;
    max-width: 32rem;
    margin-top: var(--_space);
  }
  form .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  .field label {
    font-weight: 600;
  }
  .field-error {
    margin: 0;
  }
  form button[type='submit'] {
    justify-self: start;
  }
  .balance {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  /* The live region stays in the page (so screen readers hear what lands in it) but takes no room while empty:
     Lit leaves comment markers inside it, so :empty never matches; an outcome sets the done or problem class. */
  .notice {
    border-radius: var(--_radius);
  }
  .notice.done,
  .notice.problem {
    margin-top: var(--_space);
    padding: 0.5em var(--_space);
    border: 1px solid var(--_success);
  }
  portico-billing {
    margin-top: calc(var(--_space) * 1.5);
  }
  .notice.problem {
    border-color: var(--_danger);
    color: var(--_danger);
  }
`;
