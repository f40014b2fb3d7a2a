/**
 * Translation packs: a language added, or a shipped one improved, without rebuilding.
 *
 * A pack is a JSON file (`npm run locales:pack -- so` writes a blank one; README "For translators")
 * that a page names with `<link rel="imh-translations" hreflang="so" href="…/so.json">`, or that is
 * published beside the script as `imh-translations/<language>.json` (tried only for a language we
 * do not ship). It is fetched as data, never run as script, so it works under a strict
 * Content-Security-Policy with Trusted Types (its address must be allowed by `connect-src`).
 *
 * Each message is checked against the source: a message missing from the pack shows in English
 * (or in our shipped translation, for a shipped language), a translation that drops or adds a
 * placeholder is refused and shows in English, plural forms are the language's own CLDR
 * categories (`Intl.PluralRules`). The page's editor gets one console line and an
 * `imh-translation-pack` event on `document` saying what was wrong; elements never break.
 * This module is loaded only when a page names a pack or an element's language is not shipped.
 */
import type { IntlData, Messages, Translation } from './localization.js';
import type { OwnFormat } from './internal/cldr-format.js';
import { ImhTranslationPackEvent, type PackProblem } from './events/translation-pack.js';

/** A pack as a translator writes it; a message is its text, or `{ translation, source, note }`. */
interface PackFile {
  locale?: unknown;
  messages?: unknown;
  intl?: unknown;
}

/** A pack's text in the translator's shape: "{0} sesiwn" → ["", 0, " sesiwn"] with values by position. */
const compile = (text: string): Translation => {
  const out: (string | number)[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{(\d+)\}/g)) {
    out.push(text.slice(last, m.index), Number(m[1]));
    last = m.index! + m[0].length;
  }
  out.push(text.slice(last));
  return out.length == 1 ? text : out;
};

/** Why a translation's placeholders do not fit a source with `count` values (undefined when they do). */
const placeholderProblem = (text: string, count: number): string | undefined => {
  const used = [...text.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));
  const dropped = [...Array(count).keys()].filter((i) => !used.includes(i)).map((i) => `{${i}}`);
  const added = [...new Set(used.filter((i) => i >= count))].map((i) => `{${i}}`);
  const parts = [];
  if (dropped.length) parts.push(`drops ${dropped.join(', ')}`);
  if (added.length) parts.push(`adds ${added.join(', ')}, which the English does not have`);
  return parts.length ? parts.join(' and ') : undefined;
};

const strings = (v: unknown, n?: number) =>
  Array.isArray(v) && v.every((s) => typeof s == 'string') && (n === undefined || v.length == n);
const record = (v: unknown): v is Record<string, unknown> => !!v && typeof v == 'object' && !Array.isArray(v);
const textRecord = (v: unknown) => record(v) && Object.values(v).every((s) => typeof s == 'string');

/** What is wrong with a pack's date and list patterns (undefined when they can be used). */
function intlProblem(d: unknown): string | undefined {
  if (!record(d)) return 'they are not an object';
  if (!strings(d.weekdays, 7)) return 'weekdays needs 7 names, Monday first';
  if (!strings(d.months, 12) || !strings(d.monthsShort, 12)) return 'months and monthsShort need 12 names each';
  if (!strings(d.dayPeriods)) return 'dayPeriods needs a list of texts';
  if (!textRecord(d.patterns) || !['wdm', 'dm', 'dmy', 'dMy', 't'].every((k) => k in (d.patterns as object)))
    return 'patterns needs wdm, dm, dmy, dMy and t';
  if (typeof d.rangeSep != 'string') return 'rangeSep needs a text';
  if (!record(d.lists) || !strings(d.lists.c, 3) || !strings(d.lists.d, 3)) return 'lists needs c and d, 3 texts each';
  for (const k of ['units', 'ago'] as const) {
    const v = d[k];
    if (!record(v) || !Object.values(v).every((forms) => textRecord(forms) && 'other' in (forms as object)))
      return `${k} needs texts per plural category, with other`;
  }
  if (d.languages !== undefined && !textRecord(d.languages)) return 'languages needs texts';
  return undefined;
}

/** The formatters for a pack's date and list patterns (`internal/cldr-format.ts`), loaded on first use. */
type Formats = () => Promise<{ formatFrom(data: IntlData, locale: string): OwnFormat }>;

/**
 * Why a pack's date and list patterns (well formed) cannot be used: the formatters' file could not
 * be loaded, or they throw on these patterns (a unit or an interval the pack lacks). Undefined when
 * every formatter writes them.
 */
async function formatProblem(data: IntlData, locale: string, formats: Formats): Promise<string | undefined> {
  let f: OwnFormat;
  try {
    f = (await formats()).formatFrom(data, locale);
  } catch (e) {
    return (e as Error).message;
  }
  try {
    // 15 January 2025, and an hour on 1 January 1970, in every shape the elements write.
    const day = 20103;
    for (const month of ['long', 'short'] as const) {
      f.day(day, { weekday: 'long', day: 'numeric', month });
      f.day(day, { day: 'numeric', month, year: 'numeric' });
      f.day(day, { day: 'numeric', month });
    }
    f.time(0, 'UTC');
    f.range(new Date(0), new Date(3_600_000), 'UTC');
    f.days(day, day + 40);
    f.list(['a', 'b', 'c'], 'conjunction');
    f.list(['a', 'b'], 'disjunction');
    for (const unit of ['day', 'week', 'month', 'year'] as const) f.unit(2, unit);
    for (const unit of ['day', 'hour', 'minute'] as const) f.ago(-2, unit);
  } catch (e) {
    return `they cannot be written (${String(e)})`;
  }
  return undefined;
}

/** Languages already said to have no usable translation (one console line per page). */
const unsupported = new Set<string>();

/** Says what was wrong with a pack: one console line naming every problem, and the event on `document`. */
function report(locale: string, url: string, problems: PackProblem[], shipped: boolean, pack?: LoadedPack, count = 0) {
  if (problems.length) {
    const by = (kind: PackProblem['kind']) => problems.filter((p) => p.kind == kind);
    const list = (ps: PackProblem[], n = 3) =>
      ps
        .slice(0, n)
        .map((p) => (p.id ? `${p.id}${p.kind == 'refused' ? ` (${p.message})` : ''}` : p.message))
        .join('; ') + (ps.length > n ? `; and ${ps.length - n} more` : '');
    const say: string[] = [];
    const fatal = by('pack');
    if (fatal.length) say.push(`not used: ${fatal[0].message}`);
    const refused = by('refused');
    if (refused.length)
      say.push(`${refused.length} refused, shown ${shipped ? 'as before' : 'in English'}: ${list(refused)}`);
    const missing = by('missing');
    if (missing.length) say.push(`${missing.length} missing, shown in English: ${list(missing)}`);
    const unknown = by('unknown');
    if (unknown.length) say.push(`${unknown.length} ignored: ${list(unknown)}`);
    const intl = by('intl');
    if (intl.length) say.push(`date and list patterns ignored: ${intl[0].message}`);
    console.warn(`imh-widgets: translation pack for ${locale} (${url}): ${say.join('. ')}.`);
  }
  // Said why it is not used: a second language with no translation says nothing more.
  if (!pack) unsupported.add(locale);
  document.dispatchEvent(new ImhTranslationPackEvent({ locale, url, used: !!pack, messages: count, problems }));
  return pack;
}

/** This module's address: beside the script (the bundle's and the autoloader's chunks sit beside it). */
const script = import.meta.url;

/** Where a pack for `locale` is looked for when the page names none: beside the script. */
const besideScript = (locale: string) => new URL(`imh-translations/${locale}.json`, script).href;

/**
 * A bilingual element's second language (`bilingual`) that we do not ship and no pack brings: said
 * as an unusable pack is (the pack it would need, where it was looked for), once per page; not
 * when the page names a pack for it, which has said why it could not be used. A value that is not a
 * language tag (`cy_GB`) is said in a sentence of its own, with the tag to write (`cy-GB`), and no
 * pack event: no pack could be read for it.
 */
export function noTranslation(tag: string, [locale, named]: [string, string?, boolean?] = [tag]) {
  // Once per page for each language, and for each value that is not a tag (`cy_GB`, `EN_gb`).
  const key = canonical(tag) ? locale : ' ' + tag;
  if (unsupported.has(key) || named) return;
  unsupported.add(key);
  // Not a language tag (`cy_GB`): no pack could ever be read for it, so no advice to publish one.
  if (key != locale) {
    const write = canonical(tag.replace(/_/g, '-')) ?? 'one such as cy or cy-GB';
    return console.warn(
      `imh-widgets: bilingual="${tag}": ${tag} is not a language tag; write ${write}. ` +
        'Until then the element shows one language.',
    );
  }
  report(
    locale,
    besideScript(locale),
    [
      {
        kind: 'pack',
        message:
          `there is none, and imh-widgets does not ship ${tag}, so bilingual="${tag}" shows one language ` +
          '(publish a pack there or name one with <link rel="imh-translations">)',
      },
    ],
    false,
  );
}

/** A well-formed BCP 47 language tag in its canonical form (`EN-gb` is `en-GB`); undefined for `cy_GB` or `Welsh!`. */
const canonical = (tag: string): string | undefined => {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
};

export interface LoadedPack {
  messages: Messages;
  intl?: IntlData;
}

/**
 * Fetches and checks the pack for `locale` at the address the page `named`, else beside the script
 * (where a pack need not exist: its absence is no problem). Resolves with what can be used, or
 * undefined when nothing can (then the elements speak English, or our shipped translation).
 * For a language we ship (`shipped`), a message the pack lacks is ours: no problem to report.
 */
export async function loadPack(
  locale: string,
  named?: string,
  shipped = false,
  formats?: Formats,
): Promise<LoadedPack | undefined> {
  const url = named ?? besideScript(locale);
  const problems: PackProblem[] = [];
  const done = (pack?: LoadedPack, count = 0) => report(locale, url, problems, shipped, pack, count);
  let file: PackFile;
  try {
    // At most as long as a feed may take (an unanswered request would hold the language for good).
    const res = await fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(10_000) });
    if (!res.ok) {
      if (!named && res.status == 404) return undefined;
      throw new Error(`the server answered ${res.status}`);
    }
    // JSON.parse, not res.json(): WebKit's res.json() throws a DOMException, not a SyntaxError.
    file = JSON.parse(await res.text()) as PackFile;
  } catch (e) {
    problems.push({
      kind: 'pack',
      message:
        e instanceof SyntaxError
          ? 'it is not JSON'
          : (e as Error).name == 'TimeoutError'
            ? 'it did not arrive within 10 s'
            : (e as Error).message,
    });
    return done();
  }
  const base = (tag: string) => tag.split('-')[0].toLowerCase();
  if (!record(file) || !record(file.messages)) {
    problems.push({ kind: 'pack', message: 'it has no "messages" object' });
    return done();
  }
  if (typeof file.locale == 'string' && base(file.locale) != base(locale)) {
    problems.push({ kind: 'pack', message: `it is a pack for ${file.locale}, not ${locale}` });
    return done();
  }
  const { default: source } = await import('./generated/locales/source.js');
  let categories: string[];
  try {
    categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  } catch {
    categories = ['one', 'other'];
  }
  /** The plural category a message id is a form of, where the source has the set. */
  const categoryOf = (id: string) => {
    const m = /^(.*)\.(zero|one|two|few|many|other)$/.exec(id);
    return m && `${m[1]}.other` in source ? m[2] : undefined;
  };
  const given = file.messages;
  const messages: Messages = {};
  for (const id of Object.keys(given))
    if (!(id in source)) problems.push({ kind: 'unknown', id, message: 'not a message of this version' });
  for (const [id, count] of Object.entries(source)) {
    const category = categoryOf(id);
    const entry = given[id];
    const text = typeof entry == 'string' ? entry : record(entry) ? entry.translation : undefined;
    if (category && !categories.includes(category)) {
      if (typeof text == 'string' && text)
        problems.push({ kind: 'unknown', id, message: `${locale} has no "${category}" plural form` });
      continue;
    }
    if (typeof text != 'string' || !text.trim()) {
      if (!shipped) problems.push({ kind: 'missing', id, message: 'no translation' });
      continue;
    }
    const wrong = placeholderProblem(text, count);
    if (wrong) problems.push({ kind: 'refused', id, message: `the translation ${wrong}` });
    else messages[id] = compile(text);
  }
  let intl: IntlData | undefined;
  if (file.intl !== undefined) {
    // Checked before the pack is announced, so a formatter that fails is in its one line and event.
    const wrong = intlProblem(file.intl) ?? (formats && (await formatProblem(file.intl as IntlData, locale, formats)));
    if (wrong) problems.push({ kind: 'intl', message: wrong });
    else intl = file.intl as IntlData;
  }
  return done({ messages, intl }, Object.keys(messages).length);
}
