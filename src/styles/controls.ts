import { css } from './css.js';

/** Form controls shared by the elements that have them: filter rows, labels, selects and inputs. */
export const controlStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.25rem;
    margin-block-end: var(--_gap);
  }
  .filters label {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
    flex: 1 1 10rem;
    min-inline-size: 0;
  }
  select,
  input[type='search'],
  input[type='date'] {
    font: inherit;
    min-block-size: 44px;
    padding-inline: 0.5rem;
    border: 2px solid var(--_fg);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    max-inline-size: 100%;
    min-inline-size: 0;
  }
  .filters select,
  .filters input {
    inline-size: 100%;
  }
`;
