import { html, type TemplateResult } from 'lit';

/** The shipped languages, with their names in themselves. */
export const SHIPPED = [
  ['en-GB', 'English'],
  ['cy', 'Cymraeg'],
  ['pa', 'ਪੰਜਾਬੀ'],
  ['ur', 'اردو'],
  ['pl', 'Polski'],
  ['ar', 'العربية'],
  ['ro', 'Română'],
  ['bn', 'বাংলা'],
] as const;

/** A story's content, once in every shipped language, for translators and reviewers. */
export const inEveryLanguage = (render: () => unknown): TemplateResult =>
  html`${SHIPPED.map(
    ([lang, name]) => html`<section lang=${lang} style="margin-block-end: 2rem">
      <h2 style="font-size: 1rem">${name} (${lang})</h2>
      ${render()}
    </section>`,
  )}`;
