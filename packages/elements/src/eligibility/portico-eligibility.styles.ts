import { css } from 'lit';

/** The eligibility widget's own colours: the coverage status (the rest is `memberRequestStyles`). */
export const eligibilityStyles = css`
  .status.active {
    color: var(--_success);
  }
  .status.inactive,
  .status.not_covered {
    color: var(--_danger);
  }
`;
