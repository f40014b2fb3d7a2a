// The CLDR data each locale carries for browsers whose Intl lacks the language (Debian's Chromium
// formats Welsh dates in English and Punjabi months as "M11"): weekday and month names, date
// patterns, list separators, unit and relative-time patterns, and the names of the languages UK
// services offer. Read from Node's full ICU when the locale files are generated (scripts/locales.mjs);
// used by src/internal/format.ts only where the browser's own output disagrees with it.
import { existsSync, readFileSync } from 'node:fs';

/** The options src/internal/format.ts formats dates with (keys as format.ts builds them). */
export const DATE_OPTIONS = {
  wdm: { weekday: 'long', day: 'numeric', month: 'long' },
  dm: { day: 'numeric', month: 'long' },
  dmy: { day: 'numeric', month: 'long', year: 'numeric' },
  dMy: { day: 'numeric', month: 'short', year: 'numeric' },
  t: { timeStyle: 'short' },
};

/** Languages a UK service commonly offers (ISO 639): their names travel with each locale. */
const LANGUAGES = [
  'en',
  'cy',
  'gd',
  'ga',
  'pa',
  'ur',
  'pl',
  'ar',
  'ro',
  'bn',
  'gu',
  'hi',
  'ta',
  'so',
  'ti',
  'fa',
  'ps',
  'ku',
  'tr',
  'pt',
  'es',
  'lt',
  'bg',
  'uk',
  'zh',
];

/** CLDR data for one locale, as small as format.ts needs it. */
export function intlData(locale) {
  const utc = (y, m, d, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));
  const fmt = (options, date) => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
  // 2024-01-01 was a Monday.
  const weekdays = [0, 1, 2, 3, 4, 5, 6].map((i) => fmt({ weekday: 'long' }, utc(2024, 1, 1 + i)));
  const months = [...Array(12).keys()].map((i) => fmt({ month: 'long' }, utc(2024, i + 1, 15)));
  // The month as it is written beside a day ("15 Tach"), taken from the parts, whatever digits the locale uses.
  const shortMonth = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const monthsShort = [...Array(12).keys()].map(
    (i) =>
      shortMonth
        .formatToParts(utc(2024, i + 1, 15))
        .find((p) => p.type == 'month')
        ?.value.trim() ?? months[i],
  );
  // The month as a date writes it, where that differs from its name alone: Polish "4 grudnia" (of
  // December), though the month alone is "grudzień".
  const longMonth = new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' });
  const monthsInDates = months.map(
    (m, i) =>
      longMonth
        .formatToParts(utc(2024, i + 1, 15))
        .find((p) => p.type == 'month')
        ?.value.trim() ?? m,
  );
  const dayPeriods = [utc(2024, 1, 1, 9), utc(2024, 1, 1, 15)].map(
    (d) =>
      new Intl.DateTimeFormat(locale, { hour: 'numeric', timeZone: 'UTC' })
        .formatToParts(d)
        .find((p) => p.type == 'dayPeriod')?.value ?? '',
  );
  // A pattern is a list of literal strings and part names (weekday, day, month, year, hour, minute, dayPeriod).
  const patterns = {};
  for (const [key, options] of Object.entries(DATE_OPTIONS)) {
    patterns[key] = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })
      .formatToParts(utc(2024, 11, 27, 15, 5))
      .map((p) => (p.type == 'literal' ? p.value : `{${p.type}}`))
      .join('');
  }
  // Ranges as CLDR's interval formats write them: the second date's parts end in 2, and `{h}` is an
  // hour the range writes without padding ("9:05 AM – 3:30 PM"). (`{hour}` is padded by cldr-format.ts
  // on a 24-hour clock only: "09:05", but "9:05 AM", as CLDR's HH:mm and h:mm a.)
  const rangePattern = (options, a, b) => {
    const parts = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).formatRangeToParts(a, b);
    const unpadded = parts.find((p) => p.type == 'hour')?.value.length == 1;
    return parts
      .map((p) =>
        p.type == 'literal'
          ? p.value
          : `{${p.type == 'hour' && unpadded ? 'h' : p.type}${p.source == 'endRange' ? '2' : ''}}`,
      )
      .join('');
  };
  const dMy = DATE_OPTIONS.dMy;
  // A time range across noon, one within a morning; dates in different years, months, and one month.
  patterns.tr = rangePattern(DATE_OPTIONS.t, utc(2024, 1, 1, 9, 5), utc(2024, 1, 1, 15, 30));
  patterns.trs = rangePattern(DATE_OPTIONS.t, utc(2024, 1, 1, 9, 5), utc(2024, 1, 1, 11, 30));
  patterns.ry = rangePattern(dMy, utc(2024, 11, 27), utc(2025, 3, 1));
  patterns.rm = rangePattern(dMy, utc(2024, 11, 27), utc(2024, 12, 3));
  patterns.rd = rangePattern(dMy, utc(2024, 11, 3), utc(2024, 11, 27));
  // The locale's own digits, where they are not 0–9 (Bengali writes ০১২৩৪৫৬৭৮৯).
  const nf0 = new Intl.NumberFormat(locale, { useGrouping: false });
  const digits = [...'0123456789'].map((d) => nf0.format(Number(d))).join('');
  const t = new Intl.DateTimeFormat(locale, { ...DATE_OPTIONS.t, timeZone: 'UTC' });
  const [a, b] = [t.format(utc(2024, 1, 1, 9)), t.format(utc(2024, 1, 1, 15))];
  const range = t.formatRange(utc(2024, 1, 1, 9), utc(2024, 1, 1, 15));
  const rangeSep = range.startsWith(a) && range.endsWith(b) ? range.slice(a.length, range.length - b.length) : '–';
  // Lists: the separators between two items, and between the first, middle and last of three.
  const lists = {};
  for (const type of ['conjunction', 'disjunction']) {
    const f = new Intl.ListFormat(locale, { type, style: 'long' });
    // Marker characters for the items, so the separators are what is left between them.
    const two = f.format(['\u0001', '\u0002']).split(/[\u0001\u0002]/); // eslint-disable-line no-control-regex
    const three = f.format(['\u0001', '\u0002', '\u0003']).split(/[\u0001-\u0003]/); // eslint-disable-line no-control-regex
    lists[type[0]] = [two[1], three[1], three[2]];
  }
  // Units and relative times: a pattern per plural category, with {0} for the number.
  const rules = new Intl.PluralRules(locale);
  const samples = {};
  for (let n = 0; n < 1000; n++) samples[rules.select(n)] ??= n;
  const nf = new Intl.NumberFormat(locale);
  const perCategory = (format) =>
    Object.fromEntries(Object.entries(samples).map(([cat, n]) => [cat, format(n).replace(nf.format(n), '{0}')]));
  const units = {};
  for (const unit of ['day', 'week', 'month', 'year']) {
    const f = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' });
    units[unit] = perCategory((n) => f.format(n));
  }
  const ago = {};
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const unit of ['day', 'hour', 'minute']) {
    ago[unit] = perCategory((n) => new Intl.RelativeTimeFormat(locale).format(-n, unit));
    ago[unit].now = rtf.format(0, unit);
    if (unit == 'day') ago[unit].prev = rtf.format(-1, unit);
  }
  // Names of the languages UK family services most often offer, for a service's "Languages".
  const names = new Intl.DisplayNames(locale, { type: 'language' });
  const languages = Object.fromEntries(
    LANGUAGES.map((code) => [code, names.of(code)]).filter(([code, name]) => name && name != code),
  );
  return withSupplement(locale, {
    weekdays,
    months,
    monthsShort,
    ...(monthsInDates.some((m, i) => m != months[i]) && { monthsInDates }),
    dayPeriods,
    patterns,
    rangeSep,
    ...(digits != '0123456789' && { digits }),
    lists,
    units,
    ago,
    languages,
  });
}

/**
 * Where CLDR's own data for a locale is thin (`pa-Arab`, Shahmukhi Punjabi, has basic coverage:
 * names of days and months, but lists, units, relative times and date patterns fall back to
 * CLDR's root, in English), `locales/intl/<locale>.json` supplies them, in the same shape, written
 * by hand and awaiting review like the translations. Each of its keys replaces ICU's (objects key
 * by key), so ICU's names stay where they are right.
 */
function withSupplement(locale, data) {
  const file = new URL(`../locales/intl/${locale}.json`, import.meta.url);
  if (!existsSync(file)) return data;
  const extra = JSON.parse(readFileSync(file, 'utf8'));
  for (const [key, value] of Object.entries(extra)) {
    if (key.startsWith('$')) continue; // "$comment"
    data[key] = value && typeof value == 'object' && !Array.isArray(value) ? { ...data[key], ...value } : value;
  }
  return data;
}
