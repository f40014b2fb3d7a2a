/**
 * Localisation, with a language per element.
 *
 * Welsh public sites put Welsh and English side by side, and a Punjabi card can sit in an English
 * page, so there is no page-wide locale here (and no use of @lit/localize's runtime, which keeps
 * one per page and may be configured only once: a host app that uses it keeps it to itself).
 * Each element has its own translator (`internal/localize.ts`) bound to its language; this module
 * says what that language is and loads its messages.
 *
 * An element's language is its own `lang`, else the nearest ancestor's (across shadow roots),
 * else the page's `<html lang>`, else the default set with `setLocale()` (en-GB at first).
 * Regional and script variants fall back to the language in the same script (`cy-GB` → `cy`,
 * `pa-Guru` → `pa`, `pa-PK` → `pa-Arab`).
 * Messages come from `locales/*.xlf`, generated into one small module per locale and part
 * (scripts/locales.mjs) and loaded on first use from `locales/<locale>.<part>.js` beside the code
 * (`generated/locale-files.ts`); English (en-GB) is built in and costs nothing.
 */
import { sourceLocale, targetLocales } from './generated/locale-codes.js';
import { localeFile } from './generated/locale-files.js';
import { lazy } from './internal/lazy.js';

/** Every locale the elements can speak (the pseudo-locale en-XA is for testing, not offered). */
export const allLocales: readonly string[] = [sourceLocale, ...targetLocales];

/**
 * Messages come in parts, each a lazily loaded module per locale: the interface every element
 * uses (`ui`), the timeline's interface (`timeline`) and built-in stages (`stages`), which
 * only pages with a timeline load, the family sheet (`sheet`), loaded when someone prints one, and
 * the freshness and share messages (`reach`), which only elements with `last-checked`,
 * `review-after` or `share` load.
 */
export type LocalePart = 'ui' | 'timeline' | 'stages' | 'sheet' | 'reach';

/** A translation: text, or text and the positions of the source's values (`["Day ", 0, " of 1001"]`). */
export type Translation = string | (string | number)[];
/** A locale's messages by id. */
export type Messages = Record<string, Translation>;

type DataModule<T> = { default: T };
const modules = new Map<string, () => Promise<DataModule<unknown>>>();
/** One locale file (`cy.ui`, `cy.intl`…), loaded once; a failure is an ImhLoadError, and retried. */
const load = <T>(locale: string, part: LocalePart | 'intl'): Promise<DataModule<T>> => {
  const key = `${locale}.${part}`;
  let get = modules.get(key);
  if (!get) modules.set(key, (get = lazy(`the ${key} messages`, `locales/${key}.js`, () => localeFile(locale, part))));
  return get() as Promise<DataModule<T>>;
};

/**
 * CLDR data for a locale (weekday and month names, date patterns, list separators, unit and
 * relative-time patterns per plural category), shipped with its messages for browsers whose Intl
 * lacks the language: see `internal/format.ts`.
 */
export interface IntlData {
  weekdays: string[];
  months: string[];
  monthsShort: string[];
  /** Month names as a date writes them, where they differ from `months` (Polish "grudnia", of December). */
  monthsInDates?: string[];
  dayPeriods: string[];
  patterns: Record<string, string>;
  rangeSep: string;
  /** The locale's digits 0 to 9, where they are not 0–9 (Bengali). */
  digits?: string;
  lists: Record<'c' | 'd', string[]>;
  units: Record<string, Record<string, string>>;
  ago: Record<string, Record<string, string>>;
  /** Names of the languages UK services most often offer, by ISO 639 code. */
  languages: Record<string, string>;
}

const messages = new Map<string, Messages>();
/** Messages from translation packs, by locale. */
const overrides = new Map<string, Messages>();
/** Adds to a locale's messages (the later win). */
const addMessages = (locale: string, ...more: (Messages | undefined)[]) =>
  messages.set(locale, Object.assign(messages.get(locale) ?? {}, ...more));
const loading = new Map<string, Promise<void>>();
const intl = new Map<string, IntlData>();
const isTarget = (locale: string) => locale != sourceLocale && targetLocales.includes(locale as never);

/** Loads parts of a locale's messages (each once; the interface's with the CLDR data); resolves at once for English. */
export function loadLocale(locale: string, parts: readonly LocalePart[] = ['ui']): Promise<unknown> {
  if (!isTarget(locale)) return Promise.resolve();
  return Promise.all(
    parts.map((part) => {
      const key = `${locale}.${part}`;
      let p = loading.get(key);
      if (!p) {
        const cldr = part == 'ui' && !locale.startsWith('en-');
        const formats = cldr && loadCldrFormat();
        // Without the CLDR formatters (offline) the messages and data still serve, and the browser's
        // Intl formats (see `hasMessages`): their failure is reported once the messages are here.
        if (formats) formats.catch(() => {});
        p = Promise.all([load<Messages>(locale, part), cldr && load<IntlData>(locale, 'intl')])
          .then(([m, data]) => {
            // Parts of one locale share one map: the translator looks in one place.
            // A translation pack's messages and patterns win over ours (see packLoading).
            addMessages(locale, m.default, overrides.get(locale));
            if (data && !intl.has(locale)) intl.set(locale, data.default);
            worded.add(key);
            return formats;
          })
          .then(() => void loaded.add(key));
        // A failed load (offline) is forgotten, so the next try loads it again.
        p.catch(() => loading.delete(key));
        loading.set(key, p);
      }
      return p;
    }),
  );
}
const loaded = new Set<string>();
/** Parts whose messages are here, whatever else failed to load with them. */
const worded = new Set<string>();
const has =
  (set: Set<string>) =>
  (locale: string, parts: readonly LocalePart[] = ['ui']) =>
    !isTarget(locale) || parts.every((part) => set.has(`${locale}.${part}`));

/** Whether a locale's messages (these parts of them) are ready to render, with all they need. */
export const isLoaded = has(loaded);
/** Whether a locale's messages (these parts of them) are here, even if its date formatters failed to load. */
export const hasMessages = has(worded);

/** The messages loaded so far for a locale (none for English, the source). */
export const messagesOf = (locale: string): Messages | undefined => messages.get(locale);

/** The CLDR data shipped with a loaded locale, if any. */
export const intlDataOf = (locale: string): IntlData | undefined => intl.get(locale);

let cldrFormatter: typeof import('./internal/cldr-format.js') | undefined;
const cldrModule = lazy('the date formats', 'cldr-format.js', () => import('./internal/cldr-format.js'));
/**
 * The formatters that use a locale's CLDR data (`internal/cldr-format.ts`), loaded with any
 * language's data: an English page never loads them. If they fail to load (an ImhLoadError, which
 * the element reports and retries), the browser's Intl formats instead.
 */
const loadCldrFormat = () => cldrModule().then((m) => void (cldrFormatter = m));
/** The CLDR formatters, once a language that brings CLDR data has loaded them. */
export const cldrFormat = () => cldrFormatter;

const base = (tag: string) => tag.split('-')[0].toLowerCase();
const scripts = new Map<string, string | undefined>();
/**
 * The script a tag is written in (lower case): its own script subtag, else the likely one from
 * CLDR's likely subtags (`pa` → guru, `pa-PK` → arab, `ur` → arab), through `Intl.Locale`.
 */
const scriptOf = (tag: string): string | undefined => {
  let s = scripts.get(tag);
  if (s === undefined && !scripts.has(tag)) {
    try {
      s = new Intl.Locale(tag).maximize().script?.toLowerCase();
    } catch {
      s = tag
        .split('-')
        .find((p) => p.length == 4)
        ?.toLowerCase();
    }
    scripts.set(tag, s);
  }
  return s;
};
/** Other codes for a language we ship: Western Punjabi (ISO 639-3 `pnb`) is written in Shahmukhi. */
const ALIASES: Record<string, string> = { pnb: 'pa-Arab' };

/**
 * The supported locale for a language tag: the same tag, else the same language in the same
 * script (`cy-GB` → `cy`; `pa-Guru` and `pa-IN` → `pa`, Gurmukhi; `pa-Arab`, `pa-PK` and `pnb` →
 * `pa-Arab`, Shahmukhi), else English.
 */
export function resolveLocale(tag: string | undefined | null): string {
  const t = tag?.trim();
  if (!t) return sourceLocale;
  const exact = allLocales.find((l) => l.toLowerCase() == t.toLowerCase());
  if (exact) return exact;
  const alias = ALIASES[base(t)];
  if (alias && allLocales.includes(alias)) return alias;
  const written = scriptOf(t);
  const same = (l: string) => base(l) == base(t) && scriptOf(l) == written;
  return allLocales.find(same) ?? [...packs.keys()].find((l) => packs.get(l) === true && same(l)) ?? sourceLocale;
}

/**
 * Translation packs (`packs.ts`) by the locale they are for: loading, in use (true), or none or
 * unusable (false).
 */
const packs = new Map<string, Promise<unknown> | boolean>();

/**
 * The pack a language may have: the one the page names with
 * `<link rel="imh-translations" hreflang="so" href="…">` (for a shipped language too, improving our
 * translation), else, for a language we do not ship, one beside the script (url undefined).
 */
const packOf = (tag: string): [locale: string, url?: string, shipped?: boolean] | undefined => {
  const shipped = resolveLocale(tag);
  const own = shipped != sourceLocale;
  if (!own && base(tag) == 'en') return undefined;
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel~="imh-translations"][hreflang]')) {
    const lang = link.hreflang;
    if (own ? resolveLocale(lang) == shipped : base(lang) == base(tag)) return [own ? shipped : lang, link.href, own];
  }
  if (own) return undefined;
  try {
    const l = new Intl.Locale(tag);
    return [l.script ? `${l.language}-${l.script}` : l.language];
  } catch {
    return undefined;
  }
};

/** The pack loader, a chunk of its own: a failed load is said (ImhLoadError) and tried again next time. */
const packsModule = lazy('the translation packs code', 'packs.js', () => import('./packs.js'));

/**
 * Loads the translation pack for an element's language, if there may be one: resolves when it is
 * in use or known to be unusable; undefined when there is nothing (more) to wait for. Rejects with an
 * ImhLoadError when the pack loader's chunk cannot be loaded, and is then forgotten, so an element's
 * `reload()` tries again.
 */
export function packLoading(el: Element, tag = langOf(el) ?? fallback): Promise<unknown> | undefined {
  const found = packOf(tag);
  if (!found) return undefined;
  const [locale, url, shipped] = found;
  let state = packs.get(locale);
  if (state === undefined) {
    state = packsModule()
      .then(({ loadPack }) => loadPack(locale, url, shipped, cldrModule))
      .then(async (pack) => (pack?.intl && (await loadCldrFormat().catch(() => {})), pack))
      .then(
        (pack) => {
          if (pack) {
            overrides.set(locale, pack.messages);
            addMessages(locale, pack.messages);
            if (pack.intl) intl.set(locale, pack.intl);
          }
          packs.set(locale, !!pack);
        },
        (e: unknown) => {
          packs.delete(locale);
          throw e;
        },
      );
    packs.set(locale, state);
  }
  return typeof state == 'boolean' ? undefined : state;
}

/**
 * The locale a bilingual element's second language (`bilingual="so"`) is shown in, once its
 * messages (these parts) are here: one we ship, or one a translation pack brings (named in the page
 * or beside the script). Undefined for a language with neither, which would only be English again:
 * the element shows its own language, and the page's editor gets one console line and an
 * `imh-translation-pack` event saying so (a named pack that could not be used has said why already).
 */
export function secondLocale(
  tag: string,
  parts: readonly LocalePart[],
): string | undefined | Promise<string | undefined> {
  const pack = packLoading(document.documentElement, tag);
  if (pack) return pack.then(() => secondLocale(tag, parts));
  const locale = resolveLocale(tag);
  // English, or a language we ship (also by another code: `pnb` is `pa-Arab`).
  if (locale != sourceLocale || base(tag) == 'en')
    return isLoaded(locale, parts) ? locale : loadLocale(locale, parts).then(() => locale);
  void packsModule().then(
    ({ noTranslation }) => noTranslation(tag, packOf(tag)),
    () => {},
  );
  return undefined;
}

/** Scripts written right to left (Arabic, Hebrew, Thaana, Syriac, N'Ko, Adlam, Hanifi Rohingya, Mandaic). */
const RTL_SCRIPTS = ['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg', 'mand'];
/** Languages written right to left, for a browser that cannot say which script a tag is in. */
const RTL = ['ar', 'ur', 'fa', 'he', 'ps', 'sd', 'ckb', 'ug', 'yi', 'dv'];
/** A locale's direction, from its script: Arabic, Urdu and Shahmukhi Punjabi (`pa-Arab`) are right to left. */
export const directionOf = (locale: string): 'rtl' | 'ltr' => {
  const s = scriptOf(locale);
  return (s ? RTL_SCRIPTS.includes(s) : RTL.includes(base(locale))) ? 'rtl' : 'ltr';
};

/**
 * Digits a locale writes numbers in, where ours differ from CLDR's default: Shahmukhi Punjabi in
 * Latin digits, as our Urdu is (CLDR's `pa-Arab` defaults to Extended Arabic-Indic ۱۲۳), so a
 * count, a date and a time in one sentence agree.
 */
const NUMBERING: Record<string, string> = { 'pa-Arab': 'latn' };
/** The tag to give `Intl` for a locale: with its numbering system where ours differs from CLDR's. */
export const intlLocale = (locale: string): string =>
  NUMBERING[locale] ? `${locale}-u-nu-${NUMBERING[locale]}` : locale;

let fallback = sourceLocale;
const listeners = new Set<() => void>();

/**
 * The language an element speaks: its own `lang`, the nearest ancestor's (across shadow roots),
 * else the default from `setLocale()`.
 */
export function localeOf(el: Element): string {
  const lang = langOf(el);
  return lang ? resolveLocale(lang) : fallback;
}
/** The nearest `lang` attribute's value, across shadow roots. */
const langOf = (el: Element): string | undefined => {
  let node: Node | null = el;
  while (node) {
    const lang = node instanceof Element ? node.getAttribute('lang')?.trim() : undefined;
    if (lang) return lang;
    node = node.parentNode ?? (node as ShadowRoot).host ?? null;
  }
  return undefined;
};

/** Calls `listener` whenever a `lang` or `dir` attribute changes in the page; returns an unsubscribe. */
export function onLanguageChange(listener: () => void): () => void {
  if (!observer && typeof MutationObserver == 'function') {
    observer = new MutationObserver(() => listeners.forEach((l) => l()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
let observer: MutationObserver | undefined;

/** The default language for elements with no `lang` on themselves or their ancestors. */
export const getLocale = (): string => fallback;

/** Sets that default (e.g. from an app's language switch) and re-renders the elements it affects. */
export async function setLocale(locale: string): Promise<void> {
  fallback = resolveLocale(locale);
  await loadLocale(fallback);
  listeners.forEach((l) => l());
}
