import { css } from 'lit';

export const storefrontStyles = css`
  section + section {
    margin-top: calc(var(--_space) * 1.5);
  }
  h2,
  h3 {
    margin: 0 0 0.5em;
    font-size: 1.1em;
  }
  .plans {
    list-style: none;
    padding: 0;
    margin: 0;
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
  .price {
    font-weight: 700;
    font-size: 1.2em;
  }
  .badge {
    display: inline-block;
    border-radius: 999px;
    padding: 0.1em 0.6em;
    font-size: 0.85em;
    border: 1px solid currentColor;
  }
  .badge.ACTIVE,
  .badge.owned {
    color: var(--_success);
  }
  .badge.CANCELLATION_PENDING,
  .badge.CANCELLED {
    color: var(--_danger);
  }
`;
