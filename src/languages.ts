import { formatLanguage } from './internal/format.js';
import { allLocales } from './localization.js';

/**
 * Names of our languages in themselves (Debian's Chromium has no Welsh or Punjabi names). Punjabi is
 * named with its script, Gurmukhi or Shahmukhi, so a reader picks the one they read.
 */
const NAMES: Record<string, [own: string, english?: string]> = {
  'en-GB': ['English', 'English'],
  cy: ['Cymraeg'],
  pa: ['ਪੰਜਾਬੀ (ਗੁਰਮੁਖੀ)', 'Punjabi (Gurmukhi)'],
  'pa-Arab': ['پنجابی (شاہ مکھی)', 'Punjabi (Shahmukhi)'],
  ur: ['اردو'],
  pl: ['Polski'],
  ar: ['العربية'],
  ro: ['Română'],
  bn: ['বাংলা'],
};
/** A language's name in English, as the cards write it ("Bengali", where CLDR's English says "Bangla"). */
const named = (code: string, inLocale: string) => formatLanguage(code, inLocale);

/**
 * The languages the elements speak, each with its name in itself and in English: for a site's
 * language switch, the demo and Storybook. A language added with `npm run locales:add` appears
 * here too (named by the browser). The pseudo-locale en-XA is for testing and is left out.
 */
export const shippedLanguages = (): { code: string; name: string; english: string }[] =>
  allLocales
    .filter((code) => code != 'en-XA')
    .map((code) => ({
      code,
      name: NAMES[code]?.[0] ?? named(code, code),
      english: NAMES[code]?.[1] ?? named(code, 'en-GB'),
    }));
