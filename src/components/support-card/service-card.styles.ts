import { css } from '../../styles/css.js';

/** The card, after the NHS care card: a coloured band with the name, and the details below. */
export const cardStyles = css`
  .card {
    --_band: var(--imh-color-routine, #005eb8);
    --_band-text: var(--imh-color-routine-text, #fff);
    background: var(--_bg);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .card.urgent {
    --_band: var(--imh-color-urgent, #d5281b);
    --_band-text: var(--imh-color-urgent-text, #fff);
  }
  .card.emergency {
    --_band: var(--imh-color-emergency, #d5281b);
    --_band-text: var(--imh-color-emergency-text, #fff);
    border-color: var(--imh-color-emergency-surface, #212b32);
  }
  .band {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25rem 0.75rem;
    padding: 0.625rem min(1rem, 8cqi - 4px);
    background: var(--_band);
    color: var(--_band-text);
  }
  [part='heading'] {
    margin: 0;
    font-size: 1.2em;
    line-height: 1.3;
  }
  .badge {
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    padding: 0 0.375rem;
    font-weight: 700;
    font-size: 0.875em;
  }
  /* Less room each side in an element under 250 px (8% of its width less 4 px), more for a phone number. */
  .body {
    padding: 0.75rem min(1rem, 8cqi - 4px);
  }
  .emergency .body {
    background: var(--imh-color-emergency-surface, #212b32);
    color: var(--imh-color-emergency-surface-text, #fff);
  }
  .emergency .body a {
    color: inherit;
  }
  .emergency .body a:focus-visible {
    color: var(--_focus-text);
  }
  /* Urgent and emergency cards lead with their call, large, before any detail. */
  .lead {
    font-size: 1.375em;
    font-weight: 700;
    line-height: 1.3;
  }
  .body p.lead {
    margin-block: 0 0.75rem;
  }
  /* A phone number is never broken: in a narrow element a link's text is smaller (9.5% of the element's
     width: a number of 13 characters fits in a card at its narrowest), never larger. The lead too (an
     urgent service's may be 12 digits long); so a short number (111) is as small there. */
  .lead a {
    font-size: min(1em, 9.5cqi);
    display: inline-flex;
    align-items: center;
    min-block-size: 48px;
    text-decoration-thickness: 3px;
    text-underline-offset: 0.15em;
  }
  .lead .note {
    font-size: 0.75em;
    font-weight: 400;
  }
  .body p {
    margin-block: 0 0.5rem;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.125rem 0.75rem;
    margin: 0.5rem 0;
  }
  .facts div {
    display: contents;
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  .actions {
    list-style: none;
    margin: 0.5rem 0 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
  }
  .actions a {
    font-size: min(1em, 9.5cqi);
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 0.3em;
    min-block-size: 44px;
    font-weight: 600;
  }
  .reviewed {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .emergency .reviewed {
    color: inherit;
  }
  :host([layout='compact']) .facts {
    grid-template-columns: 1fr;
  }
  @container (max-width: 26rem) {
    .facts {
      grid-template-columns: 1fr;
    }
  }
  @media (forced-colors: active) {
    .card {
      border: 2px solid CanvasText;
    }
    .band {
      border-block-end: 4px solid CanvasText;
    }
    .card.urgent .band,
    .card.emergency .band {
      border-block-end-width: 8px;
    }
  }
  @media print {
    .card {
      break-inside: avoid;
    }
    .band,
    .emergency .body {
      background: none;
      color: inherit;
      border-block-end: 3px solid;
    }
  }
`;
