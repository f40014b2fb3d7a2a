// npm run locales:pack -- so: writes a translation pack for a translator, locales/packs/so.json
// (or --out <file>): every message of this version with its English source and the note for
// translators, and an empty translation to fill in. A council hosts the filled-in file; the elements
// fetch it at run time (src/packs.ts; README "For translators"). No rebuild, no developer.
//
// - Plural messages come only in the forms the language uses (CLDR's categories, from Node's ICU:
//   Somali has "one" and "other", Welsh all six), each noted as such.
// - For a language we ship (cy, pa-Arab…), the pack starts from our translation, to be improved.
// - Where Node's ICU knows the language, the pack carries its CLDR date and list patterns ("intl",
//   the shape the build generates for shipped languages), for browsers whose Intl lacks it.
// - Run again on an existing pack (a new version with new messages): its translations are kept for
//   every message that is still there; messages no longer in the source are dropped.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { intlData } from './intl-data.mjs';
import { readUnits, toText, xliffFile } from './xliff.mjs';

const root = new URL('..', import.meta.url);
const config = JSON.parse(readFileSync(new URL('locales/lit-localize.json', root), 'utf8'));

/** The language's plural categories (CLDR, through Node's full ICU). */
export const pluralCategories = (locale) => {
  const used = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  return ['zero', 'one', 'two', 'few', 'many', 'other'].filter((c) => used.includes(c));
};

/**
 * The pack for `locale`, as an object: from the source messages (read from a shipped XLIFF file,
 * whose sources and notes are the code's), our translation where we ship the language, and an
 * earlier pack's translations (`previous`).
 * @param {string} locale
 * @param {{ previous?: any, dir?: URL }} [options]
 */
export function makePack(locale, { previous, dir } = {}) {
  const canonical = Intl.getCanonicalLocales(locale)[0];
  const shipped = config.targetLocales.includes(canonical);
  const units = readUnits(readFileSync(xliffFile(shipped ? canonical : 'en-XA', dir), 'utf8'));
  const categories = pluralCategories(canonical);
  const ids = new Set(units.map((u) => u.id));
  const earlier = previous?.messages ?? {};
  const messages = {};
  for (const u of units) {
    const form = /^(.*)\.(zero|one|two|few|many|other)$/.exec(u.id);
    const isPlural = form && ids.has(`${form[1]}.other`);
    if (isPlural && !categories.includes(form[2])) continue;
    const old = earlier[u.id];
    const kept = typeof old == 'string' ? old : old?.translation;
    const note = [u.note, isPlural && `Plural form "${form[2]}" (CLDR) for ${canonical}.`].filter(Boolean).join(' ');
    messages[u.id] = {
      source: toText(u.source),
      ...(note && { note }),
      translation: kept || (shipped && u.target ? toText(u.target) : ''),
    };
  }
  const knows = Intl.DateTimeFormat.supportedLocalesOf([canonical]).length > 0;
  const english = new Intl.DisplayNames('en', { type: 'language' }).of(canonical);
  return {
    locale: canonical,
    about:
      `Translation pack for imh-widgets, ${english}. Fill in each "translation" (keep every {0}, {1}: ` +
      'what the element fills in, as the note says), then publish this file where the page can fetch it. ' +
      'See README "For translators".',
    plurals: categories,
    messages,
    ...((previous?.intl ?? knows) && { intl: previous?.intl ?? intlData(canonical) }),
  };
}

if (import.meta.url == pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const out = at >= 0 ? args.splice(at, 2)[1] : undefined;
  const [locale] = args;
  if (!locale) {
    console.error('Usage: npm run locales:pack -- <language code> [--out <file>]   e.g. npm run locales:pack -- so');
    process.exit(64);
  }
  const file = out ?? fileURLToPath(new URL(`locales/packs/${Intl.getCanonicalLocales(locale)[0]}.json`, root));
  const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  const pack = makePack(locale, { previous });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(pack, null, 2)}\n`);
  const total = Object.keys(pack.messages).length;
  const done = Object.values(pack.messages).filter((m) => m.translation).length;
  console.log(`${file}: ${total} messages, ${done} translated${previous ? ' (kept from the earlier pack)' : ''}.`);
}
