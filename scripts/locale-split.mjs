// Runs after `lit-localize build` (scripts/prepare.mjs). For each target locale it:
// 1. moves the timeline's messages out of src/generated/locales/<locale>.ts into two chunks only
//    pages with a timeline load: its interface (src/generated/timeline/<locale>.ts) and the
//    built-in stages' text (src/generated/stages/<locale>.ts), so each chunk stays under 3 KiB;
// 2. appends `intl`, the locale's date, list, unit and relative-time data from Node's full ICU
//    (CLDR), which src/internal/format.ts uses only where the browser's Intl lacks the language
//    (Debian's Chromium formats Welsh dates in English and Punjabi months as "M11").
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const config = JSON.parse(readFileSync(new URL('../locales/lit-localize.json', import.meta.url), 'utf8'));
const out = new URL('../src/generated/', import.meta.url);

/** The options src/internal/format.ts formats dates with (keys as format.ts builds them). */
export const DATE_OPTIONS = {
  wdm: { weekday: 'long', day: 'numeric', month: 'long' },
  dm: { day: 'numeric', month: 'long' },
  dmy: { day: 'numeric', month: 'long', year: 'numeric' },
  dMy: { day: 'numeric', month: 'short', year: 'numeric' },
  t: { hour: '2-digit', minute: '2-digit' },
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
  const monthsShort = [...Array(12).keys()].map((i) =>
    fmt({ month: 'short', day: 'numeric' }, utc(2024, i + 1, 15))
      .replace(/\s*15\.?\s*/, '')
      .trim(),
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
  const t = new Intl.DateTimeFormat(locale, { ...DATE_OPTIONS.t, timeZone: 'UTC' });
  const [a, b] = [t.format(utc(2024, 1, 1, 9)), t.format(utc(2024, 1, 1, 15))];
  const range = t.formatRange(utc(2024, 1, 1, 9), utc(2024, 1, 1, 15));
  const rangeSep = range.startsWith(a) && range.endsWith(b) ? range.slice(a.length, range.length - b.length) : '–';
  // Lists: the separators between two items, and between the first, middle and last of three.
  const lists = {};
  for (const type of ['conjunction', 'disjunction']) {
    const f = new Intl.ListFormat(locale, { type, style: 'long' });
    const two = f.format(['\u0001', '\u0002']).split(/[\u0001\u0002]/);
    const three = f.format(['\u0001', '\u0002', '\u0003']).split(/[\u0001\u0002\u0003]/);
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
  return { weekdays, months, monthsShort, dayPeriods, patterns, rangeSep, lists, units, ago, languages };
}

// The built-in stages' text (the ids in default-timeline.ts) is a part of its own: with the
// timeline's interface it would pass 3 KiB in Bengali and Punjabi.
const stageIds = new Set(
  [
    ...readFileSync(
      new URL('../src/components/first-1001-days-timeline/default-timeline.ts', import.meta.url),
      'utf8',
    ).matchAll(/id: '([^']+)'/g),
  ].map((m) => m[1]),
);
const partOf = (line) => {
  const id = /^\s*'([^']+)':/.exec(line)?.[1];
  return !id ? undefined : stageIds.has(id) ? 'stages' : id.startsWith('timeline.') ? 'timeline' : 'ui';
};

const split = (locale) => {
  const file = new URL(`locales/${locale}.ts`, out);
  const source = readFileSync(file, 'utf8');
  const lines = source.split('\n');
  const head = source.slice(0, source.indexOf('export const templates'));
  for (const part of ['timeline', 'stages']) {
    const mine = lines.filter((l) => partOf(l) == part);
    const imports = mine.some((l) => l.includes('str`')) ? head : head.replace(/^\s*import \{str\}.*$/m, '');
    writeFileSync(
      new URL(`${part}/${locale}.ts`, out),
      `${imports}export const templates = {\n${mine.join('\n')}\n};\n`,
    );
  }
  const rest = lines.filter((l) => (partOf(l) ?? 'ui') == 'ui');
  const data = locale.startsWith('en-') ? undefined : intlData(locale);
  writeFileSync(file, `${rest.join('\n')}\n${data ? `export const intl = ${JSON.stringify(data)};\n` : ''}`);
};

if (import.meta.url == pathToFileURL(process.argv[1]).href) {
  for (const part of ['timeline', 'stages']) mkdirSync(new URL(`${part}/`, out), { recursive: true });
  for (const locale of config.targetLocales) split(locale);
}
