/**
 * Formatting through `Intl`, in the element's locale and the feed's time zone, with the formatters
 * cached (building an Intl formatter costs far more than using one).
 *
 * Some browsers' Intl lacks a language we ship: Debian's Chromium formats Welsh dates, lists and
 * units in American English and Punjabi months as "M11". Each locale chunk carries that
 * language's CLDR data (see scripts/locale-split.mjs); where the browser's own output disagrees
 * with it (checked once per locale), these functions format from the data instead.
 */
import { intlDataOf, intlLocale, type IntlData } from '../localization.js';

const cache = new Map<string, unknown>();
const cached = <T>(kind: string, locale: string, options: object, make: () => T): T => {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
};

export const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached('d', locale, options, () => new Intl.DateTimeFormat(intlLocale(locale), options));
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  cached('n', locale, options, () => new Intl.NumberFormat(intlLocale(locale), options));
const pluralRules = (locale: string) => cached('p', locale, {}, () => new Intl.PluralRules(intlLocale(locale)));

const fill = (pattern: string, values: Record<string, string>) =>
  pattern.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
const perCategory = (forms: Record<string, string>, n: number, locale: string) =>
  fill(forms[pluralRules(locale).select(n)] ?? forms.other, { 0: numberFormat(locale).format(n) });

/** Per locale: its CLDR data if the browser's Intl gets the language wrong, else null. */
const verdicts = new Map<string, IntlData | null>();
const ownOf = (locale: string): IntlData | undefined => {
  const data = intlDataOf(locale);
  if (!data) return undefined;
  let verdict = verdicts.get(locale);
  if (verdict === undefined) {
    const january = dateFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 15));
    const days = numberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(3);
    verdict = january != data.months[0] || days != perCategory(data.units.day, 3, locale) ? data : null;
    verdicts.set(locale, verdict);
  }
  return verdict ?? undefined;
};

/** A day number (days since 1970-01-01) as a Date at UTC midnight, for formatting a civil date. */
export const dayDate = (day: number) => new Date(day * 86_400_000);

/** The parts of an instant in a time zone, as numbers (weekday 0 = Monday). */
const partsOf = (date: Date, timeZone: string) => {
  const parts = dateFormat('en-GB', {
    weekday: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type == type)?.value ?? '';
  return {
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')),
    year: get('year'),
    month: Number(get('month')),
    // en-GB's numeric dates pad the day ("04/12/2026"); CLDR's patterns for our languages do not.
    day: String(Number(get('day'))),
    hour: Number(get('hour')),
    minute: get('minute'),
  };
};

/** Formats from CLDR data: `key` names the pattern (see DATE_OPTIONS in scripts/locale-split.mjs). */
const ownDate = (data: IntlData, key: string, date: Date, timeZone: string, shortMonth = false) => {
  const p = partsOf(date, timeZone);
  const twelve = data.patterns.t.includes('{dayPeriod}');
  const hour = twelve ? p.hour % 12 || 12 : p.hour;
  return fill(data.patterns[key], {
    weekday: data.weekdays[p.weekday],
    day: p.day,
    month: (shortMonth ? data.monthsShort : data.months)[p.month - 1],
    year: p.year,
    hour: String(hour).padStart(2, '0'),
    minute: p.minute,
    dayPeriod: data.dayPeriods[p.hour < 12 ? 0 : 1],
  });
};

/** "Wednesday 25 November" for a civil date; `options` pick the parts, as for Intl.DateTimeFormat. */
export const formatDay = (
  day: number,
  locale: string,
  options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' },
) => {
  const data = ownOf(locale);
  const date = dayDate(day);
  if (data) {
    const { weekday, month, year } = options;
    if (!month) return weekday ? data.weekdays[partsOf(date, 'UTC').weekday] : '';
    if (!options.day) return data.months[partsOf(date, 'UTC').month - 1];
    return ownDate(
      data,
      weekday ? 'wdm' : year ? (month == 'short' ? 'dMy' : 'dmy') : 'dm',
      date,
      'UTC',
      month == 'short',
    );
  }
  return dateFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
};

/** 2024-01-01, a Monday in a leap year: the reference for weekday and month names. */
const MONDAY = 19723;
/** "Monday" for a weekday index (0 = Monday … 6 = Sunday). */
export const formatWeekday = (index: number, locale: string) => formatDay(MONDAY + index, locale, { weekday: 'long' });
/** "June" for a month (1–12). */
export const formatMonth = (month: number, locale: string) =>
  formatDay(MONDAY + [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335][month - 1], locale, { month: 'long' });

/** "10:00" in the given time zone. */
export const formatTime = (time: Date | number, locale: string, timeZone: string) => {
  const data = ownOf(locale);
  return data
    ? ownDate(data, 't', new Date(time), timeZone)
    : dateFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(time);
};

/** "10:00–11:30" in the given time zone. */
export const formatTimeRange = (start: Date, end: Date | undefined, locale: string, timeZone: string) => {
  if (!end || end <= start) return formatTime(start, locale, timeZone);
  const data = ownOf(locale);
  return data
    ? formatTime(start, locale, timeZone) + data.rangeSep + formatTime(end, locale, timeZone)
    : dateFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).formatRange(start, end);
};

/** "a, b and c" (or "a, b or c"). */
export const formatList = (items: string[], locale: string, type: Intl.ListFormatType = 'conjunction') => {
  const data = ownOf(locale);
  let text: string;
  if (!data)
    text = cached('l', locale, { type }, () => new Intl.ListFormat(intlLocale(locale), { style: 'long', type })).format(
      items,
    );
  else {
    const [two, middle, end] = data.lists[type == 'disjunction' ? 'd' : 'c'];
    text =
      items.length == 2
        ? items.join(two)
        : items.slice(0, -1).join(middle) + (items.length > 1 ? end : '') + items.slice(-1).join('');
  }
  // CLDR's Welsh "and" is "a(c)": "ac" before a vowel, "a" before a consonant.
  return text.replace(/ a\(c\) (?=(.))/g, (_, next: string) => (/[aeiouwyâêîôûŵŷ]/i.test(next) ? ' ac ' : ' a '));
};

/** "3 days", "1 month" (long unit names). */
export const formatUnit = (n: number, unit: 'day' | 'week' | 'month' | 'year', locale: string) => {
  const data = ownOf(locale);
  return data
    ? perCategory(data.units[unit], n, locale)
    : numberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
};

/** "3 days ago", "yesterday" (`n` is negative, in the past). */
export const formatAgo = (n: number, unit: 'day' | 'hour' | 'minute', locale: string) => {
  const data = ownOf(locale)?.ago[unit];
  if (!data)
    return cached('r', locale, {}, () => new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' })).format(
      n,
      unit,
    );
  return n == 0 ? data.now : n == -1 && data.prev ? data.prev : perCategory(data, -n, locale);
};

/** "Polish" for `pl`, in the locale's language (the code itself if nobody has a name for it). */
export const formatLanguage = (code: string, locale: string) => {
  const own = ownOf(locale)?.languages[code];
  if (own) return own;
  try {
    return (
      cached('dn', locale, {}, () => new Intl.DisplayNames(intlLocale(locale), { type: 'language' })).of(code) ?? code
    );
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
