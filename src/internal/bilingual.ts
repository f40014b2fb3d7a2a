// What only a bilingual element (`bilingual`, see imh-element.ts) needs: a chunk loaded with the
// first one, so a page in one language never downloads it. The element adopts these styles before
// the second language shows. Plain text (the element makes it a style sheet), as `palettes.ts` is:
// this chunk imports nothing, so no part of Lit is split into a file of its own for it.

/**
 * Marks CSS as CSS: plain text, which the builds minify as they do Lit's css`` blocks
 * (scripts/strip-docs.mjs minifies every css`` template) and editors highlight as CSS.
 */
const css = String.raw;

/** The second language's layouts (`bilingual-layout`), for the pairs `feed-text.ts` writes. */
export const bilingualCss = css`
  /* A bilingual element's second language (imh-element.ts, bilingual): after a slash (not read aloud
     where the browser can say so; at the end of the first, in its direction, so it stays between the
     two when the second is written the other way), on a smaller line below (stacked), or in a column
     beside the first, both columns stacked where there is no room for two (columns). Any other value is the
     default: the slash. */
  .bi-pair > :first-child::after {
    content: ' /';
    content: ' /' / '';
  }
  :host([bilingual-layout='stacked']) .bi {
    display: block;
    font-size: 0.875em;
    /* Aligned as the first language's line (English under Urdu aligns right); Chromium knows only -webkit-. */
    text-align: -webkit-match-parent;
    text-align: match-parent;
  }
  :host([bilingual-layout='stacked']) .bi-pair > :first-child::after,
  :host([bilingual-layout='columns']) .bi-pair > :first-child::after {
    content: none;
  }
  /* Columns: each as wide as its words where both fit, else sharing the width equally (grid auto
     tracks), one above the other in a narrow element. A grid is an atomic inline, which a link's or a
     summary's underline (and a focused link's highlight) does not reach: they are inherited instead
     (WCAG 1.4.1: a link is not told by its colour alone). An inline link's box is one line high, under
     the grid: its focus bar is drawn by the grid too (an action link's box holds the grid, and has its own). */
  :host([bilingual-layout='columns']) .bi-pair {
    display: inline-grid;
    grid-template-columns: auto auto;
    column-gap: 1em;
    background-color: inherit;
  }
  :host([bilingual-layout='columns']) [part='link'] > .bi-pair {
    box-shadow: inherit;
  }
  :host([bilingual-layout='columns']) :is(.bi-pair, .bi-pair > *) {
    text-decoration: inherit;
  }
  @container (width < 30em) {
    :host([bilingual-layout='columns']) .bi-pair {
      grid-template-columns: auto;
    }
    /* One above the other, each aligned as the first language's line (as when stacked). */
    :host([bilingual-layout='columns']) .bi-pair > * {
      text-align: -webkit-match-parent;
      text-align: match-parent;
    }
  }
`;

/** `bilingual-layout` values already reported in the console: once per value per page. */
const reported = new Set<string>();

/**
 * A `bilingual-layout` that is not one of ours (`column`, `side-by-side`): the element shows the
 * default (the second language after a slash), and the page's editor gets one console line per
 * value per page naming the layouts there are.
 */
export function checkLayout(layout: string | null): void {
  if (!layout || layout == 'stacked' || layout == 'columns' || reported.has(layout)) return;
  reported.add(layout);
  console.warn(
    `imh-widgets: bilingual-layout="${layout}" is not a layout: write stacked or columns, or leave it out ` +
      'for the default (the second language after a slash), which is shown until then.',
  );
}
