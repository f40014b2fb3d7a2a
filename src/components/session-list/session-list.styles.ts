// The session list's own styles, for its body only (the days, the sessions, the empty message, "Show
// more"): in the body's chunk (`session-list-body.ts`), and adopted before the body is first drawn
// (`internal/body-styles.ts`). What the element draws before (its placeholder, the error notice and
// Try again, the fallback) takes only the shared styles, so a page without a session list never
// downloads these (issue 14). Plain text, as the timeline's are (the element makes it a style sheet).

/** Marks CSS as CSS: plain text, which the builds minify as they do Lit's css`` blocks (scripts/strip-docs.mjs). */
const css = String.raw;

export const styles = css`
  :host {
    --_cancelled: var(--imh-color-cancelled, #d5281b);
  }
  .day {
    margin-block-end: calc(var(--_gap) * 1.5);
  }
  /* A long list (more than 50 sessions asked for) has the browser lay out and paint only the days near the
     screen, each other day at the height it last had, else about one session's: a list of every date of 500
     series took 35 s to draw without it, each part laying out every day before it again (issue 14). Its focus
     outlines are drawn past its edges, which its containment would cut; printed, every day is drawn. */
  .long .day {
    content-visibility: auto;
    contain-intrinsic-size: auto 20rem;
    overflow-clip-margin: 0.5rem;
  }
  @media print {
    .long .day {
      content-visibility: visible;
    }
  }
  [part='day-heading'] {
    font-size: 1.25em;
    margin-block: 0 0.5rem;
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  .item {
    background: var(--_bg);
    border: 1px solid var(--_line);
    border-inline-start: 4px solid var(--_link);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
  }
  .item:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .item.cancelled {
    border-inline-start-color: var(--_cancelled);
  }
  [part='item-title'] {
    font-size: 1.125em;
    margin: 0 0 0.25rem;
  }
  .item p {
    margin: 0 0 0.375rem;
  }
  .when {
    font-weight: 600;
  }
  .pattern,
  .address,
  dt {
    color: var(--_muted);
  }
  .pattern {
    font-weight: 400;
  }
  /* A postcode is read as one: it moves to the next line whole (an inline block), and breaks only where
     a line is too narrow for it (nowrap made the session stick out of a narrow element). */
  .postcode {
    display: inline-block;
  }
  /* A phone number is read as one, never broken: on one line, smaller in a narrow element (11% of its
     width fits a number of 13 characters in a session at 83 px), never larger. */
  [href^='tel:'] {
    white-space: nowrap;
    font-size: min(1em, 11cqi);
  }
  .badge {
    display: inline-block;
    padding: 0 0.375rem;
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    font-weight: 700;
    font-size: 0.875em;
  }
  .badge.cancelled {
    color: var(--_cancelled);
  }
  .item.cancelled .when time {
    text-decoration: line-through;
  }
  /* A cancelled date is one compact line: its name, the badge and note, the struck-through time. */
  .item.cancelled {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.75rem;
    padding-block: 0.375rem;
  }
  .item.cancelled > * {
    margin: 0;
  }
  /* A changed date: the usual time, struck through, after the new one. */
  .was s {
    margin-inline-start: 0.5em;
    color: var(--_muted);
    font-weight: 400;
  }
  .facts {
    margin: 0.5rem 0;
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.125rem 0.75rem;
  }
  .facts div {
    display: contents;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  details {
    margin-block-start: 0.375rem;
  }
  summary {
    cursor: pointer;
    color: var(--_link);
    text-decoration: underline;
    inline-size: fit-content;
  }
  details ul {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }
  .more {
    margin-block-start: var(--_gap);
  }
  .empty {
    margin-block: 0 var(--_gap);
  }
  .results {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .count {
    margin: 0;
    font-weight: 600;
  }
  /* Narrow (the element's own width), and compact: each fact on one line, its label first; under 250 px
     less room each side (6% of its width less 3 px), more for a phone number. */
  @container (max-width: 30rem) {
    .facts,
    .facts div {
      display: block;
    }
    dt,
    dd {
      display: inline;
      margin-inline-end: 0.5em;
    }
    .item {
      padding: 0.5rem min(0.75rem, 6cqi - 3px);
    }
  }
  :host([layout='compact']) .facts,
  :host([layout='compact']) .facts div {
    display: block;
  }
  :host([layout='compact']) :is(dt, dd) {
    display: inline;
    margin-inline-end: 0.5em;
  }
  :host([layout='compact']) .item {
    padding: 0.5rem 0.75rem;
  }
  @media (forced-colors: active) {
    .item,
    .item.cancelled {
      border-color: CanvasText;
    }
    .badge,
    .badge.cancelled {
      color: CanvasText;
      border-color: CanvasText;
    }
  }
  @media print {
    .item {
      break-inside: avoid;
    }
  }
`;
