// The feed studio's styles: NHS-like, high contrast, logical properties (right to left works).
import { css } from 'lit';

export const studioStyles = css`
  :host {
    display: block;
    color: #212b32;
    line-height: 1.5;
    --studio-accent: #005eb8;
    --studio-border: #4c6272;
  }
  * {
    box-sizing: border-box;
  }
  .layout {
    display: grid;
    gap: 1.5rem;
  }
  @media (min-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      align-items: start;
    }
  }
  section {
    background: #fff;
    border-radius: 4px;
    padding: 1rem 1.25rem;
    min-inline-size: 0;
  }
  h2 {
    margin-block: 0 0.75rem;
    font-size: 1.375rem;
  }
  h3 {
    margin-block: 1rem 0.25rem;
    font-size: 1.125rem;
    overflow-wrap: anywhere;
  }
  h4 {
    margin-block: 0.75rem 0.25rem;
    font-size: 1rem;
  }
  p {
    margin-block: 0.25rem 0.75rem;
  }
  .drop {
    border: 3px dashed var(--studio-border);
    border-radius: 6px;
    padding: 1.25rem;
    text-align: center;
    background: #f8fafb;
  }
  .drop.over {
    border-color: var(--studio-accent);
    background: #e8f1fa;
  }
  label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }
  .drop label {
    font-size: 1.125rem;
  }
  input[type='file'] {
    font: inherit;
    max-inline-size: 100%;
  }
  input[type='file']::file-selector-button,
  button {
    font: inherit;
    font-weight: 600;
    padding: 0.5rem 1rem;
    border: 2px solid #007f3b;
    border-radius: 4px;
    background: #007f3b;
    color: #fff;
    cursor: pointer;
    margin-inline-end: 0.75rem;
  }
  button.secondary {
    background: #fff;
    color: #007f3b;
  }
  button:disabled {
    background: #d8dde0;
    border-color: #aeb7bd;
    color: #4c6272;
    cursor: not-allowed;
  }
  input[type='file']:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  summary:focus-visible {
    outline: 3px solid #ffeb3b;
    outline-offset: 0;
    box-shadow: 0 0 0 6px #212b32;
  }
  input[type='url'],
  select {
    font: inherit;
    border: 2px solid var(--studio-border);
    border-radius: 0;
    padding: 0.4rem 0.5rem;
    max-inline-size: 100%;
    background: #fff;
    color: inherit;
  }
  input[type='url'] {
    inline-size: 100%;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  .row > .grow {
    flex: 1 1 14rem;
  }
  .hint {
    color: #4c6272;
  }
  .summary {
    border-inline-start: 6px solid #007f3b;
    padding-inline-start: 0.75rem;
  }
  .summary.blocked {
    border-color: #d5281b;
  }
  .source {
    border-block-start: 1px solid #d8dde0;
    padding-block: 0.5rem;
  }
  .source.failed h3,
  .source.held h3 {
    color: #d5281b;
  }
  .column {
    display: grid;
    gap: 1.5rem;
    min-inline-size: 0;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 1rem 0 0;
    min-inline-size: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: 0.5rem;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: 600;
  }
  .check input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
  }
  details.group {
    margin-block: 0.5rem;
  }
  details.group > summary {
    padding-block: 0.25rem;
  }
  details.skipped > summary {
    color: #d5281b;
  }
  details.imported-with-losses > summary {
    color: #8a5200;
  }
  ul.records,
  ul.notes {
    padding-inline-start: 1.25rem;
    margin-block: 0.25rem;
  }
  ul.records li,
  ul.notes li {
    margin-block: 0.25rem;
    overflow-wrap: anywhere;
  }
  .level {
    font-weight: 700;
  }
  .level.error {
    color: #d5281b;
  }
  .level.warning {
    color: #8a5200;
  }
  .where {
    font-weight: 600;
  }
  code,
  .command {
    font-family: ui-monospace, Consolas, monospace;
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  .command {
    display: block;
    background: #f0f4f5;
    border: 1px solid #d8dde0;
    padding: 0.5rem;
    margin-block: 0.5rem;
  }
  .notice {
    border-inline-start: 6px solid #d5281b;
    padding-inline-start: 0.75rem;
  }
  .preview {
    display: grid;
    gap: 1rem;
    margin-block-start: 1rem;
  }
  form {
    margin-block-start: 1rem;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  details summary {
    cursor: pointer;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .drop,
    .summary,
    .notice {
      border-color: CanvasText;
    }
    button:focus-visible,
    input:focus-visible,
    select:focus-visible {
      outline-color: Highlight;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .drop {
      transition: background-color 0.15s;
    }
  }
`;
