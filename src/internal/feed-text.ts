import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { pickText } from '../feed/text.js';
import type { Text } from '../feed/types.js';
import { directionOf } from '../localization.js';
import type { Translator } from './localize.js';

const base = (tag: string) => tag.split('-')[0].toLowerCase();

/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko … and their presentation forms). */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * The direction of a text by its first strong (letter) character, as `dir="auto"` reads it; undefined
 * when it has none.
 */
export const textDirection = (text: string): 'ltr' | 'rtl' | undefined => {
  const letter = /\p{L}/u.exec(text)?.[0];
  return letter ? (RTL_LETTER.test(letter) ? 'rtl' : 'ltr') : undefined;
};

/**
 * A value that must keep its own order inside a sentence (a phone number, a time), for a message in
 * `locale`, and stay on one line (its spaces made no-break: "01632 960100" is never split after
 * "01632"). In a right-to-left language it is also wrapped in Unicode's first-strong isolate
 * (FSI … PDI), so "01632 960100" never reads "960100 01632" and a time range stays in order; a value
 * with no letters reads left to right. (Where a value stands alone in an element, the element gets
 * `dir` instead.)
 */
export const isolate = (value: string, locale: string): string => {
  const kept = value.replaceAll(' ', '\u00a0');
  return directionOf(locale) == 'rtl' && value ? `\u2068${kept}\u2069` : kept;
};

/**
 * Feed text for the element's locale, bound as text (never HTML). When the translation picked is
 * in another language than the element's, it is wrapped in a `lang` span so screen readers
 * pronounce it correctly, and, when that language is written in the other direction (English
 * text in an Urdu element), with its own `dir`, which isolates it: its full stop stays at its end.
 */
export function feedText(value: Text | undefined, locale: string, feedLanguage: string, also?: string) {
  const picked = pickText(value, locale, feedLanguage);
  if (!picked) return nothing;
  const first = inLanguage(breakable(picked.text), picked.lang, locale);
  const other = secondText(value, picked.lang, feedLanguage, also);
  return other ? second(first, breakable(other.text), other.lang, locale) : first;
}

/**
 * On a bilingual element (second language `also`), a feed text's translation in that language, where
 * the feed has one and it is not the language already shown (`shown`): once where the feed has one.
 */
const secondText = (value: Text | undefined, shown: string, feedLanguage: string, also?: string) => {
  const other = also && pickText(value, also, feedLanguage);
  return other && base(other.lang) == base(also) && base(other.lang) != base(shown) ? other : undefined;
};

/**
 * Feed text as the reader sees it, as a plain string (for search): in the element's language (or the
 * feed's where it has no translation) and, on a bilingual element, after a space, in the second
 * language where the feed has it. Never a translation that is not shown.
 */
export const shownString = (value: Text | undefined, locale: string, feedLanguage: string, also?: string): string => {
  const picked = pickText(value, locale, feedLanguage);
  const other = picked && secondText(value, picked.lang, feedLanguage, also);
  return picked ? picked.text + (other ? ' ' + other.text : '') : '';
};

/**
 * Text in an element's language followed by the same in its second language (a bilingual element):
 * the second with its own `lang`, and its `dir` where it differs, so screen readers switch voices;
 * shown after a slash, on a line of its own or in a column of its own by the element's
 * `bilingual-layout` (see `bilingual.ts`).
 */
const second = (first: unknown, text: unknown, lang: string, locale: string) => {
  const dir = directionOf(lang);
  return html`<span class="bi-pair"
    ><span>${first}</span> <span class="bi" lang=${lang} dir=${ifDefined(dir == directionOf(locale) ? undefined : dir)}
      >${text}</span
    ></span
  >`;
};

/**
 * A message in a bilingual element's second language; undefined where that language has none
 * (a translation pack lacks it): English there would be a third language, marked as the second.
 */
const inSecond = <T>(t: Translator, say: (t: Translator) => T): T | undefined => {
  const also = t.also;
  if (!also) return undefined;
  also.untranslated = false;
  const text = say(also);
  return also.untranslated ? undefined : text;
};

/**
 * Interface text in the element's language and, on a bilingual element, in its second language
 * after it: `both(t, (t) => t.msg(…))`. The message is made once with each translator, so its
 * values (a date, a list of labels) are in each language too.
 */
export const both = (t: Translator, say: (t: Translator) => unknown): unknown => {
  const first = say(t);
  const other = inSecond(t, say);
  return other && other !== first ? second(first, other, t.also!.locale, t.locale) : first;
};

/**
 * A link's visible words and, hidden after them, what it is for (`: <place> (opens in a new tab)`), so
 * its accessible name starts with its visible words (WCAG 2.5.3) and names its purpose (2.4.4). On a
 * bilingual element the visible words in both languages come first, together ("Gwefan Website"),
 * then the hidden words in both, each part in its own `lang`; a word the same in both ("Map") once.
 */
export const named = (t: Translator, word: (t: Translator) => string, rest: (t: Translator) => unknown) =>
  html`${both(t, word)}<span class="visually-hidden">${both(t, rest)}</span>`;

/**
 * Text with line-break opportunities (`<wbr>`) in its email and web addresses: after "@" and "/",
 * and before a "." inside a word, so "name@council.gov.uk" wraps as "name@" / "council.gov.uk" in a
 * narrow column instead of anywhere in a word (the elements' `overflow-wrap: anywhere` breaks a word
 * only when its line has no other place to break). Text without "@" or "//" is returned as it is.
 */
export const breakable = (text: string): unknown =>
  /@|\/\//.test(text) ? text.split(/(?<=[@/])\b|\b(?=\.\w)/).map((part, i) => (i ? [html`<wbr>`, part] : part)) : text;

/**
 * Text in language `lang` shown in an element speaking `locale`: marked with its language and direction
 * where they differ.
 */
export function inLanguage(text: unknown, lang: string, locale: string) {
  if (base(lang) == base(locale)) return text;
  const dir = directionOf(lang);
  return html`<span lang=${lang} dir=${ifDefined(dir == directionOf(locale) ? undefined : dir)}>${text}</span>`;
}

/** Feed text as a plain string (for attributes, calendar files and sorting). */
export const feedString = (value: Text | undefined, locale: string, feedLanguage: string): string =>
  pickText(value, locale, feedLanguage)?.text ?? '';
