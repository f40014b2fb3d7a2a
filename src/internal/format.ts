/**
 * Formatting through `Intl`, in the element's locale and the feed's time zone, with the formatters
 * cached (building an Intl formatter costs far more than using one).
 */
const cache = new Map<string, unknown>();
const cached = <T>(kind: string, locale: string, options: object, make: () => T): T => {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
};

export const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options));
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  cached('n', locale, options, () => new Intl.NumberFormat(locale, options));
export const listFormat = (locale: string, type: Intl.ListFormatType = 'conjunction') =>
  cached('l', locale, { type }, () => new Intl.ListFormat(locale, { style: 'long', type }));
const pluralRules = (locale: string) => cached('p', locale, {}, () => new Intl.PluralRules(locale));

/** A day number (days since 1970-01-01) as a Date at UTC midnight, for formatting a civil date. */
export const dayDate = (day: number) => new Date(day * 86_400_000);

/** "Wednesday 25 November" for a civil date. */
export const formatDay = (day: number, locale: string, options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' }) =>
  dateFormat(locale, { ...options, timeZone: 'UTC' }).format(dayDate(day));

/** 2024-01-01, a Monday in a leap year: the reference for weekday and month names. */
const MONDAY = 19723;
/** "Monday" for a weekday index (0 = Monday … 6 = Sunday). */
export const formatWeekday = (index: number, locale: string) => formatDay(MONDAY + index, locale, { weekday: 'long' });
/** "June" for a month (1–12). */
export const formatMonth = (month: number, locale: string) =>
  formatDay(MONDAY + [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335][month - 1], locale, { month: 'long' });

/** "10:00–11:30" in the given time zone. */
export const formatTimeRange = (start: Date, end: Date | undefined, locale: string, timeZone: string) => {
  const f = dateFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  return end && end > start ? f.formatRange(start, end) : f.format(start);
};

/** "a, b and c" (or "a, b or c"). */
export const formatList = (items: string[], locale: string, type?: Intl.ListFormatType) => listFormat(locale, type).format(items);

/**
 * Picks the message for `n` by the locale's plural rules (Welsh and Arabic have six categories).
 * Every category is a separate `msg()` in the caller, so translators see and fill each one.
 */
export const plural = (n: number, locale: string, forms: Record<Intl.LDMLPluralRule, () => string>) =>
  forms[pluralRules(locale).select(n)]();
