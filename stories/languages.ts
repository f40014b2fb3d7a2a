import { html, type TemplateResult } from 'lit';
import { shippedLanguages } from '../src/languages.js';

/** A story's content, once in every shipped language, for translators and reviewers. */
export const inEveryLanguage = (render: () => unknown): TemplateResult =>
  html`${shippedLanguages().map(
    ({ code, name }) => html`<section lang=${code} style="margin-block-end: 2rem">
      <h2 style="font-size: 1rem">${name} (${code})</h2>
      ${render()}
    </section>`,
  )}`;
