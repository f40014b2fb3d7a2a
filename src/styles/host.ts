import { css } from './css.js';

/**
 * Host styles shared by every element: design tokens with defaults, inherited font, the focus ring,
 * visually hidden text and forced-colours fallbacks. No width, outer margin or font on :host: the
 * host page owns its layout and typography.
 */
export const hostStyles = css`
  :host {
    --_fg: var(--imh-color-text, #212b32);
    --_muted: var(--imh-color-text-secondary, #4c6272);
    --_bg: var(--imh-color-surface, #fff);
    --_line: var(--imh-color-border, #d8dde0);
    --_link: var(--imh-color-link, #005eb8);
    --_focus: var(--imh-color-focus, #ffeb3b);
    --_focus-text: var(--imh-color-focus-text, #212b32);
    --_gap: var(--imh-space, 1rem);
    --_radius: var(--imh-radius, 4px);
    --_button: var(--imh-color-button, #007f3b);
    --_button-text: var(--imh-color-button-text, #fff);
    display: block;
    color: var(--_fg);
    line-height: 1.5;
    /* Not break-word: anywhere also lets the content's flex and grid items shrink below a long word,
       so at 9em (see .fill) nothing sticks out (with break-word the timeline's content did by 34 px). */
    overflow-wrap: anywhere;
    /* As a flex item in a row that cannot wrap (a sidebar and two elements on a phone), or in a
       grid's 1fr column, the element may be narrower than its 9em (see .fill): the row fits the page,
       rather than making it scroll sideways. A min-content column still gives it 9em. */
    min-inline-size: 0;
    /* What changes inside is laid out inside: an element drawn on a page of many does not lay the
       others out again (issue 12: 200 session lists, 4.7 to 0.1 ms a frame for 60 of them). Its
       content (.root) already has this containment, as a query container. */
    contain: layout;
  }
  :host([hidden]) {
    display: none;
  }
  /* Urdu and Shahmukhi Punjabi are read in Nastaliq, whose letters climb diagonally and reach far
     above and below the line: more room between lines, for the whole element or one feed text in it
     (two classes' weight, so it wins over a component's own line-height). */
  .root:lang(ur),
  .root :lang(ur),
  .root:lang(pa-Arab),
  .root :lang(pa-Arab) {
    line-height: var(--imh-line-height-nastaliq, 2);
  }
  /*
   * The layouts adapt to the element's own width (container queries on .root). A query container
   * has no width of its own content, so .fill gives the element its intrinsic widths: what a
   * shrink-to-fit box (a float, an inline-block, a table cell, a column flexbox with align-items:
   * flex-start, a grid auto column) or a box as wide as its content (a min-content or max-content
   * grid column, width: max-content, a flex: none item) makes of it. It is an empty grid, zero
   * height and not in the accessibility tree, whose one column is:
   * - at least 9em (min-content; 144 px in 16 px text), the narrowest the content still reads well:
   *   a few words a line, a heading and a phone number fit, a long address or email address breaks.
   *   A min-content column gives a readable card, not a sliver (the old min-content, two characters,
   *   was 4 px and made an emergency card 5,989 px tall). Not wider: a table cell beside a label in
   *   a 200 px column must still fit; and like a long word, it makes a row of boxes that cannot wrap
   *   overflow a page too narrow for them all. Never more than the viewport less 40 px (large text).
   * - at most the viewport less 40 px (max-content; the dark theme pads .root, inside that). So a
   *   shrink-to-fit box gives the element the whole width it can, its column (up to that), and a box
   *   as wide as its content does not make the page scroll sideways: 100vw counts in a classic
   *   scrollbar (17 px on Windows, 12 in Firefox on Linux) and none of the page's margins (8 px each
   *   side of the body by default, and borders). The old max-content, 100vw and the 13 px of the two
   *   characters, made such a page 100vw + 13 px + its margins wide.
   *   40 px is all the room there is for margins: a box as wide as its content further in than that
   *   (in a centred column) is still wider than the page; the page asked for it.
   */
  .root {
    container-type: inline-size;
  }
  .fill {
    display: grid;
    grid: 0/minmax(min(9em, 100vw - 40px), calc(100vw - 40px));
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  a {
    color: var(--_link);
  }
  :is(a, button, summary, input, select):focus-visible {
    outline: 3px solid transparent;
    background-color: var(--_focus);
    color: var(--_focus-text);
    box-shadow:
      0 -2px var(--_focus),
      0 4px var(--_focus-text);
    text-decoration: none;
  }
  /* A radio or checkbox is too small for a highlight behind it: a ring of the highlight (where the
     browser paints a shadow on it) and an outline in the text colour around it, which stands out
     from the surface in every theme and is what forced-colours mode keeps. */
  input:is([type='radio'], [type='checkbox']):focus-visible {
    outline: 3px solid var(--_fg);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--_focus);
  }
  /* Fields show focus however they got it, and not only by a shadow (WebKit draws none on a select,
     and does not match :focus-visible on a date field): the highlight and an outline. */
  input:not([type='radio'], [type='checkbox']):focus,
  select:focus {
    outline: 3px solid var(--_focus-text);
    outline-offset: 0;
    background-color: var(--_focus);
    color: var(--_focus-text);
  }
  button {
    font: inherit;
    font-weight: 600;
    color: var(--_button-text);
    background: var(--_button);
    border: 2px solid transparent;
    border-radius: var(--_radius);
    padding: 0.375rem 0.75rem;
    min-block-size: 44px;
    cursor: pointer;
  }
  button.secondary {
    color: var(--_link);
    background: var(--_bg);
    border-color: currentColor;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  .notice {
    margin-block: 0 var(--_gap);
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_line);
    color: var(--_fg);
  }
  /* Credit for imported data (internal/attribution.ts): small but readable, never below 13 px. */
  .attribution {
    margin-block: var(--_gap) 0;
    font-size: max(0.8125rem, 0.875em);
    color: var(--_muted);
  }
  .placeholder {
    display: block;
    min-block-size: var(--imh-placeholder-height, 12rem);
    border-radius: var(--_radius);
    background: linear-gradient(var(--_line), var(--_line)) 0 0 / 100% 1.25rem no-repeat,
      linear-gradient(var(--_line), var(--_line)) 0 2.25rem / 70% 1rem no-repeat,
      linear-gradient(var(--_line), var(--_line)) 0 4.25rem / 85% 1rem no-repeat;
    opacity: 0.5;
  }
  /* On paper (every element): black on white, no controls (buttons, filters, the support list's skip
     link, "Add to calendar"), and a web address written out after its link's text. Closed details
     are opened for printing by ImhElement (beforeprint). */
  @media print {
    :host {
      --_fg: #000;
      --_muted: #000;
      --_bg: #fff;
      --_link: #000;
      background: #fff;
    }
    /* A button that is a heading's text (a timeline stage's title) prints as that heading's words. */
    button:not([part~='stage-heading'] button),
    .filters,
    .skip,
    .calendar {
      display: none !important;
    }
    a[href^='http']::after {
      content: ' (' attr(href) ')';
      direction: ltr;
      unicode-bidi: isolate;
    }
    :is(h2, h3, h4, h5, h6) {
      break-after: avoid;
    }
    /* Not the room held on screen while a list is drawn in parts (kept-height.ts): printing draws the rest. */
    .root {
      min-block-size: auto !important;
    }
  }
  @media (forced-colors: active) {
    button {
      border-color: ButtonText;
    }
    :is(a, button, summary, input, select):focus-visible {
      outline: 3px solid CanvasText;
    }
    .notice {
      border-inline-start-color: CanvasText;
    }
    .placeholder {
      background: none;
      border: 1px dashed GrayText;
    }
  }
`;
