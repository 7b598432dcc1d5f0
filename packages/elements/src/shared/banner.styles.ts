import { css } from 'lit';

/**
 * Notice banners (a pending cancellation, what the provider list lacks, an activation): a rule on the left, in the
 * danger, warning or primary colour.
 */
export const bannerStyles = css`
  .banner {
    border: 1px solid var(--_danger);
    border-left-width: 4px;
    border-radius: var(--_radius);
    padding: 0.5em var(--_space);
    margin-bottom: var(--_space);
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em var(--_space);
    align-items: center;
    justify-content: space-between;
  }
  .banner.waiting {
    border-color: var(--_warning);
    display: block;
  }
  .banner.activating {
    border-color: var(--_primary);
    display: block;
  }
  .banner p {
    margin: 0;
  }
`;
