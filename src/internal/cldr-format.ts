/**
 * Formatting from a locale's CLDR data, for browsers whose Intl lacks the language (Debian's
 * Chromium formats Welsh dates, lists and units in American English, and Punjabi months as "M11").
 * A chunk of its own, loaded with a language's messages (`loadLocale`, or a translation pack that
 * brings CLDR data): an English page never downloads it. `format.ts` asks `own(locale)` and uses
 * the browser's Intl whenever it answers undefined.
 */
import { intlDataOf, type IntlData } from '../localization.js';
import { dateFormat, dayDate, numberFormat, pluralRules } from './format.js';

const fill = (pattern: string, values: Record<string, string>) =>
  pattern.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
const perCategory = (forms: Record<string, string>, n: number, locale: string) =>
  fill(forms[pluralRules(locale).select(n)] ?? forms.other, { 0: numberFormat(locale).format(n) });

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

/** The values a pattern names, for one instant: `{h}` is the hour unpadded, as ranges write it. */
const valuesOf = (data: IntlData, date: Date, timeZone: string, shortMonth: boolean, end = '') => {
  const p = partsOf(date, timeZone);
  const twelve = data.patterns.t.includes('{dayPeriod}');
  const hour = String(twelve ? p.hour % 12 || 12 : p.hour);
  // In the locale's own digits (Bengali's ০–৯), as CLDR writes its dates.
  const digits = (s: string) => (data.digits ? s.replace(/\d/g, (d) => data.digits![+d]) : s);
  const values: Record<string, string> = {
    weekday: data.weekdays[p.weekday],
    day: digits(p.day),
    month: (shortMonth ? data.monthsShort : (data.monthsInDates ?? data.months))[p.month - 1],
    year: digits(p.year),
    // Two digits on a 24-hour clock ("09:05"), one on a 12-hour clock ("9:05 AM"), as CLDR writes them.
    hour: digits(twelve ? hour : hour.padStart(2, '0')),
    h: digits(hour),
    minute: digits(p.minute),
    dayPeriod: data.dayPeriods[p.hour < 12 ? 0 : 1],
  };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k + end, v]));
};

/** Formats from CLDR data: `key` names the pattern (see DATE_OPTIONS in scripts/intl-data.mjs). */
const ownDate = (data: IntlData, key: string, date: Date, timeZone: string, shortMonth = false) =>
  fill(data.patterns[key], valuesOf(data, date, timeZone, shortMonth));

/** A range from CLDR's interval pattern `key`: the second instant's values end in 2 (`{day2}`). */
const ownRange = (data: IntlData, key: string, a: Date, b: Date, timeZone: string, shortMonth = false) =>
  fill(data.patterns[key], {
    ...valuesOf(data, a, timeZone, shortMonth),
    ...valuesOf(data, b, timeZone, shortMonth, '2'),
  });

/** A locale's formatters from its CLDR data (each as its namesake in `format.ts`). */
export interface OwnFormat {
  data: IntlData;
  day(day: number, options: Intl.DateTimeFormatOptions): string;
  time(time: Date | number, timeZone: string): string;
  range(start: Date, end: Date, timeZone: string): string;
  /** Two civil dates (day numbers) as a range: day, short month and year. */
  days(from: number, to: number): string;
  list(items: string[], type: Intl.ListFormatType): string;
  unit(n: number, unit: 'day' | 'week' | 'month' | 'year'): string;
  /** Undefined where the data has no such unit. */
  ago(n: number, unit: 'day' | 'hour' | 'minute'): string | undefined;
}

/** A locale's formatters from its CLDR data, whatever the browser's Intl can do (tests hold them to CLDR's output). */
export const formatFrom = (data: IntlData, locale: string): OwnFormat => {
  const time = (t: Date | number, timeZone: string) => ownDate(data, 't', new Date(t), timeZone);
  return {
    data,
    day(day, { weekday, month, year, day: numeric }) {
      const date = dayDate(day);
      if (!month) return weekday ? data.weekdays[partsOf(date, 'UTC').weekday] : '';
      if (!numeric) return data.months[partsOf(date, 'UTC').month - 1];
      const key = weekday ? 'wdm' : year ? (month == 'short' ? 'dMy' : 'dmy') : 'dm';
      return ownDate(data, key, date, 'UTC', month == 'short');
    },
    time,
    range(start, end, timeZone) {
      // Data without interval patterns (a translation pack's) joins two times.
      if (!data.patterns.tr) return time(start, timeZone) + data.rangeSep + time(end, timeZone);
      const pm = (d: Date) => partsOf(d, timeZone).hour >= 12;
      return ownRange(data, pm(start) == pm(end) ? 'trs' : 'tr', start, end, timeZone);
    },
    days(from, to) {
      const [a, b] = [dayDate(from), dayDate(to)];
      if (!data.patterns.ry)
        return ownDate(data, 'dMy', a, 'UTC', true) + data.rangeSep + ownDate(data, 'dMy', b, 'UTC', true);
      const [p, q] = [partsOf(a, 'UTC'), partsOf(b, 'UTC')];
      return ownRange(data, p.year != q.year ? 'ry' : p.month != q.month ? 'rm' : 'rd', a, b, 'UTC', true);
    },
    list(items, type) {
      const [two, middle, end] = data.lists[type == 'disjunction' ? 'd' : 'c'];
      return items.length == 2
        ? items.join(two)
        : items.slice(0, -1).join(middle) + (items.length > 1 ? end : '') + items.slice(-1).join('');
    },
    unit: (n, unit) => perCategory(data.units[unit], n, locale),
    ago(n, unit) {
      const forms = data.ago[unit];
      if (!forms) return undefined;
      return n == 0 ? forms.now : n == -1 && forms.prev ? forms.prev : perCategory(forms, -n, locale);
    },
  };
};

/** Per locale: formatters from its CLDR data if the browser's Intl gets the language wrong, else null. */
const verdicts = new Map<string, OwnFormat | null>();

/** A locale's own formatters, when it has CLDR data and the browser's Intl gets it wrong (checked once). */
export const own = (locale: string): OwnFormat | undefined => {
  const data = intlDataOf(locale);
  if (!data) return undefined;
  let verdict = verdicts.get(locale);
  if (verdict === undefined || (verdict && verdict.data != data)) {
    const january = dateFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 15));
    const days = numberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(3);
    verdict =
      january != data.months[0] || days != perCategory(data.units.day, 3, locale) ? formatFrom(data, locale) : null;
    verdicts.set(locale, verdict);
  }
  return verdict ?? undefined;
};
