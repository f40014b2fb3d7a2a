import type { Text } from './shape.js';

const base = (tag: string) => tag.split('-')[0].toLowerCase();

/**
 * Picks the best translation of a feed text for `locale`: the exact language, else one with the
 * same base language (`cy-GB` → `cy`, `en` → `en-GB`), else the feed's language, else the first
 * given. Returns the text and the language it is in (for a `lang` attribute), or `undefined`.
 */
export function pickText(
  value: Text | undefined,
  locale: string,
  feedLanguage = 'en-GB',
): { text: string; lang: string } | undefined {
  if (value == null) return undefined;
  if (typeof value == 'string') return { text: value, lang: feedLanguage };
  const keys = Object.keys(value);
  const find = (tag: string) =>
    keys.find((k) => k.toLowerCase() == tag.toLowerCase()) ?? keys.find((k) => base(k) == base(tag));
  const key = find(locale) ?? find(feedLanguage) ?? keys[0];
  return key === undefined ? undefined : { text: value[key], lang: key };
}
