import { css } from 'lit';

export const providerManagerStyles = css`
  .medicare.yes {
    color: var(--_success);
  }
  form {
    display: grid;
    gap: var(--_space);
  }
  form.roster {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
    margin-bottom: var(--_space);
  }
`;
