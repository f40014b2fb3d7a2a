// The timeline's own styles, for its body only (the form, the summary, the stages): a lazy chunk loaded
// beside the body's and adopted before the body is first drawn (`internal/body-styles.ts`). What the
// element draws before (its placeholder, the error notice and Try again, the fallback) takes only the
// shared styles, so a page without a timeline never downloads these (issue 14). Plain text, as
// `styles/palettes.ts` and `internal/bilingual.ts` are (the element makes it a style sheet): this chunk
// imports nothing, so no part of Lit is split into a file of its own for it in the autoloader build.

/** Marks CSS as CSS: plain text, which the builds minify as they do Lit's css`` blocks (scripts/strip-docs.mjs). */
const css = String.raw;

export const styles = css`
  :host {
    --_current: var(--imh-color-current, #005eb8);
    --_error: var(--imh-color-error, #d5281b);
  }
  .intro {
    margin-block: 0 var(--_gap);
  }
  /* In an element under 200 px (its width in cqi) less room each side and smaller date text, so the date
     field shows a whole date from 9em (144 px) on, in either theme: it was 110 px and cut "dd/mm/yyyy" to
     "dd/mm/yy", 78 px in the dark theme. Never below 11 px (an 83 px element cuts it, as it was). */
  fieldset {
    min-inline-size: 0;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: 0.75rem clamp(0px, 20cqi - 24px, 1rem);
    margin: 0 0 var(--_gap);
  }
  fieldset > * + * {
    margin-block-start: 0.5rem;
  }
  /* A floated legend wraps in every engine (WebKit will not wrap a normal one). */
  legend {
    float: inline-start;
    inline-size: 100%;
    padding: 0;
    font-weight: 700;
  }
  legend + * {
    clear: both;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
  }
  .choices label,
  .remember {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 44px;
  }
  input[type='radio'],
  input[type='checkbox'] {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    accent-color: var(--_current);
  }
  .date {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
    justify-items: start;
  }
  .date input {
    padding-inline: min(0.5rem, 2cqi);
    font-size: clamp(0.6875em, 7cqi + 2px, 1em);
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .error {
    color: var(--_error);
    font-weight: 700;
    margin: 0;
  }
  .hint {
    color: var(--_muted);
    margin: 0;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }
  .journey {
    border-inline-start: 6px solid var(--_current);
    padding: 0.5rem 1rem;
    margin-block-end: var(--_gap);
    background: var(--_bg);
  }
  .journey p {
    margin: 0 0 0.25rem;
  }
  .where {
    font-size: 1.2em;
  }
  .stages {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0;
  }
  .stage {
    position: relative;
    padding-block: 0 var(--_gap);
    padding-inline-start: 1.75rem;
    border-inline-start: 3px solid var(--_line);
    margin-inline-start: 0.5rem;
  }
  .stage::before {
    content: '';
    position: absolute;
    inset-inline-start: -0.6rem;
    inset-block-start: 0.55rem;
    inline-size: 0.9rem;
    block-size: 0.9rem;
    border-radius: 50%;
    background: var(--_bg);
    border: 3px solid var(--_line);
  }
  .stage.current::before {
    background: var(--_current);
    border-color: var(--_current);
  }
  /* Stages already passed: a filled grey marker and "✓ Done" beside the title. */
  .stage.done::before {
    background: var(--_muted);
    border-color: var(--_muted);
  }
  .here.done-mark {
    color: var(--_muted);
  }
  .show-all {
    margin-block-end: var(--_gap);
  }
  /* Scrolled to after "Show my 1001 days": room above for its focus outline. */
  .journey {
    scroll-margin-block-start: 0.75rem;
  }
  .journey:focus {
    outline: 3px solid var(--_focus-text);
    outline-offset: 2px;
  }
  [part='stage-heading'] {
    margin: 0;
    font-size: 1.15em;
  }
  [part='stage-heading'] button {
    all: unset;
    box-sizing: border-box;
    cursor: pointer;
    color: var(--_link);
    text-decoration: underline;
    font-weight: 700;
    min-block-size: 44px;
    padding-block: 0.35rem;
    display: inline-block;
  }
  [part='stage-heading'] button:focus-visible {
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 4px var(--_focus-text);
  }
  [part='stage-heading'] button:focus-visible .here {
    color: inherit;
  }
  /* "You are here" (not .badge: the service cards inside a stage have badges of their own). */
  .here {
    display: inline-block;
    margin-inline-start: 0.5rem;
    padding: 0 0.375rem;
    border: 2px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.8em;
    text-decoration: none;
    color: var(--_current);
  }
  .dates {
    display: block;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .content p,
  .content ul {
    margin-block: 0.25rem 0.5rem;
  }
  .label {
    font-weight: 700;
  }
  .services {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  /* Wide: the stages side by side, like a timeline strip, in as many rows as it takes (eight 15rem
     columns in one row ran 750 px past a 1280 px page, off its left edge in Urdu). */
  @container (min-width: 64rem) {
    .stages {
      grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
      align-items: start;
      gap: 0.75rem;
    }
    .stage {
      border-inline-start: 0;
      border-block-start: 3px solid var(--_line);
      margin-inline-start: 0;
      padding-inline-start: 0;
      padding-block-start: 1rem;
    }
    .stage::before {
      inset-inline-start: 0;
      inset-block-start: -0.65rem;
    }
    /* An open stage (the current one, or any opened, "Show all stages" too) takes a whole row, its
       prose at a readable measure and its service cards side by side: in one 15rem cell it made a
       column 1,300 px tall beside empty space. The others keep the strip, in order around it. */
    .stage.open {
      grid-column: 1 / -1;
    }
    .stage.open .content > :not(.services) {
      max-inline-size: 42rem;
    }
    .stage.open .services {
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
      gap: 0.75rem;
      margin-block-start: 0.75rem;
    }
    /* Each card as tall as its row's tallest. */
    .stage.open .services > li {
      display: grid;
    }
    /* Two languages side by side (bilingual-layout="columns") need twice the room. */
    :host([bilingual][bilingual-layout='columns']) .stage.open .content > :not(.services) {
      max-inline-size: 84rem;
    }
    :host([bilingual][bilingual-layout='columns']) .stage.open .services {
      grid-template-columns: repeat(auto-fill, minmax(30rem, 1fr));
    }
  }
  @media (forced-colors: active) {
    .stage.current::before {
      background: Highlight;
      border-color: Highlight;
    }
    .stage.done::before {
      background: CanvasText;
      border-color: CanvasText;
    }
    .journey {
      border-inline-start-color: CanvasText;
    }
  }
  @media print {
    .personal,
    [part='stage-heading'] button {
      text-decoration: none;
    }
    .personal,
    .show-all {
      display: none;
    }
    .content[hidden] {
      display: block !important;
    }
    .stage {
      break-inside: avoid;
    }
  }
`;
