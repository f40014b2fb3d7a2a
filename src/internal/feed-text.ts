import { html, nothing } from 'lit';
import { pickText } from '../feed/text.js';
import type { Text } from '../feed/types.js';

const base = (tag: string) => tag.split('-')[0].toLowerCase();

/**
 * Feed text for the element's locale, bound as text (never HTML). When the translation picked is
 * in another language than the element's, it is wrapped in a `lang` span so screen readers
 * pronounce it correctly.
 */
export function feedText(value: Text | undefined, locale: string, feedLanguage: string) {
  const picked = pickText(value, locale, feedLanguage);
  if (!picked) return nothing;
  return base(picked.lang) == base(locale) ? picked.text : html`<span lang=${picked.lang}>${picked.text}</span>`;
}

/** Feed text as a plain string (for attributes, calendar files and sorting). */
export const feedString = (value: Text | undefined, locale: string, feedLanguage: string): string =>
  pickText(value, locale, feedLanguage)?.text ?? '';
