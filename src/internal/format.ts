/**
 * Formatting through `Intl`, in the element's locale and the feed's time zone, with the formatters
 * cached (building an Intl formatter costs far more than using one).
 *
 * Some browsers' Intl lacks a language we ship: Debian's Chromium formats Welsh dates, lists and
 * units in American English and Punjabi months as "M11". Each locale chunk carries that
 * language's CLDR data (see scripts/intl-data.mjs); where the browser's own output disagrees
 * with it (checked once per locale), these functions format from the data instead, with
 * `cldr-format.ts`, a chunk loaded only with a language's messages (see `cldrFormat()`).
 */
import { cldrFormat, intlLocale } from '../localization.js';
import type { Translator } from './localize.js';

const cache = new Map<string, unknown>();
/** The `Intl` formatter `Make` for `locale` (its `intlLocale`) and `options`, made once. */
const cached = <O, T>(Make: new (locale: string, options: O) => T, locale: string, options: NoInfer<O>): T => {
  const key = `${Make.name}|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = new Make(intlLocale(locale), options)));
  return f;
};

export const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached(Intl.DateTimeFormat, locale, options);
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  cached(Intl.NumberFormat, locale, options);
export const pluralRules = (locale: string) => cached(Intl.PluralRules, locale, {});

/** The locale's formatters from its CLDR data, where the browser's Intl gets the language wrong. */
export const ownOf = (locale: string) => cldrFormat()?.own(locale);

/** A day number (days since 1970-01-01) as a Date at UTC midnight, for formatting a civil date. */
export const dayDate = (day: number) => new Date(day * 86_400_000);

/** "Wednesday 25 November" for a civil date; `options` pick the parts, as for Intl.DateTimeFormat. */
export const formatDay = (
  day: number,
  locale: string,
  options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' },
) => {
  const own = ownOf(locale);
  return own ? own.day(day, options) : dateFormat(locale, { ...options, timeZone: 'UTC' }).format(dayDate(day));
};

/** 2024-01-01, a Monday in a leap year: the reference for weekday and month names. */
export const MONDAY = 19723;
/** "Monday" for a weekday index (0 = Monday … 6 = Sunday). */
export const formatWeekday = (index: number, locale: string) => formatDay(MONDAY + index, locale, { weekday: 'long' });

/**
 * "10:00" in the given time zone, as the locale writes a time (CLDR's short time): on a 24-hour clock
 * with the hour in two digits ("09:00", as British English's HH:mm), on a 12-hour one without ("9:00 AM",
 * h:mm a; `hour: '2-digit'` wrote "09:00 AM").
 */
export const formatTime = (time: Date | number, locale: string, timeZone: string) => {
  const own = ownOf(locale);
  return own ? own.time(time, timeZone) : dateFormat(locale, { timeZone, timeStyle: 'short' }).format(time);
};

/** "10:00–11:30" (or "9:00 AM – 3:30 PM") in the given time zone. */
export const formatTimeRange = (start: Date, end: Date | undefined, locale: string, timeZone: string) => {
  if (!end || end <= start) return formatTime(start, locale, timeZone);
  const own = ownOf(locale);
  return own
    ? own.range(start, end, timeZone)
    : dateFormat(locale, { timeZone, timeStyle: 'short' }).formatRange(start, end);
};

/** "a, b and c" (or "a, b or c"). */
export const formatList = (items: string[], locale: string, type: Intl.ListFormatType = 'conjunction') => {
  const own = ownOf(locale);
  const text = own ? own.list(items, type) : cached(Intl.ListFormat, locale, { style: 'long', type }).format(items);
  // CLDR's Welsh "and" is "a(c)": "ac" before a vowel, "a" before a consonant.
  return text.replace(/ a\(c\) (?=(.))/g, (_, next: string) => (/[aeiouwyâêîôûŵŷ]/i.test(next) ? ' ac ' : ' a '));
};

/** "3 days", "1 month" (long unit names). */
export const formatUnit = (n: number, unit: 'day' | 'week' | 'month' | 'year', locale: string) => {
  const own = ownOf(locale);
  return own ? own.unit(n, unit) : numberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
};

/**
 * A child's age, as parents say it: "18 months", and in whole years from two ("2 years", "5 years");
 * an age past two that is not a whole number of years stays in months ("30 months").
 */
export const formatAge = (months: number, locale: string) =>
  months >= 24 && !(months % 12) ? formatUnit(months / 12, 'year', locale) : formatUnit(months, 'month', locale);

/** "3 days ago", "yesterday" (`n` is negative, in the past). */
export const formatAgo = (n: number, unit: 'day' | 'hour' | 'minute', locale: string) => {
  return ownOf(locale)?.ago(n, unit) ?? cached(Intl.RelativeTimeFormat, locale, { numeric: 'auto' }).format(n, unit);
};

/**
 * "Polish" for `pl`, in the locale's language (the code itself if nobody has a name for it): the one
 * source of language names for the cards and for `shippedLanguages()` (the language menus).
 */
export const formatLanguage = (code: string, locale: string) => {
  // British English says Bengali (CLDR's English says Bangla): the name our language menus use too.
  const own = locale.startsWith('en') && code == 'bn' ? 'Bengali' : ownOf(locale)?.data.languages[code];
  if (own) return own;
  try {
    return cached(Intl.DisplayNames, locale, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/**
 * Picks the message for `n` by the locale's plural rules (Welsh and Arabic have six categories),
 * and gives it `n` formatted in the locale's digits. Every category is a separate `msg()` in the
 * caller, so translators see and fill each one.
 */
export const plural = (n: number, locale: string, forms: Record<Intl.LDMLPluralRule, (n: string) => string>) =>
  forms[pluralRules(locale).select(n)](numberFormat(locale).format(n));

/**
 * Vocabulary labels as a list in a translator's language ("parents, carers and parents-to-be"), for
 * `both()` on a bilingual element: `both(t, labelList(s.audience, audienceLabel))`.
 */
export const labelList =
  <T>(list: T[] | undefined, label: (t: Translator, x: T) => string) =>
  (t: Translator): string =>
    list?.length
      ? formatList(
          list.map((x) => label(t, x)),
          t.locale,
        )
      : '';
