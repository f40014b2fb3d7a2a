// Fills targets in a locale's XLIFF from a JSON file of translations ({ "message.id": "Text with
// {0} placeholders" }), or from a translation pack (npm run locales:pack; its messages'
// "translation"), marked state="needs-review-translation" until a native speaker checks them.
//   node scripts/apply-translations.mjs cy translations.json
//   node scripts/apply-translations.mjs so locales/packs/so.json
// Placeholders {0}, {1}… stand for the source's <x id="0"/>… and must all be kept.
import { readFileSync, writeFileSync } from 'node:fs';

const [locale, jsonFile] = process.argv.slice(2);
if (!locale || !jsonFile) {
  console.error('Usage: node scripts/apply-translations.mjs <locale> <translations.json>');
  process.exit(64);
}
const file = new URL(`../locales/${locale}.xlf`, import.meta.url);
const json = JSON.parse(readFileSync(jsonFile, 'utf8'));
/** @type {Record<string, string>} */
const translations = Object.fromEntries(
  Object.entries(json.messages ?? json)
    .map(([id, m]) => [id, typeof m == 'string' ? m : m?.translation])
    .filter(([, text]) => typeof text == 'string' && text.trim()),
);
// A pack has only the plural forms its language uses; XLIFF has all six: the rest repeat "other".
if (json.messages)
  for (const [id, text] of Object.entries(translations)) {
    const stem = /^(.*)\.other$/.exec(id)?.[1];
    if (stem) for (const c of ['zero', 'one', 'two', 'few', 'many']) translations[`${stem}.${c}`] ??= text;
  }
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
let applied = 0;
const problems = [];
const xml = readFileSync(file, 'utf8').replace(
  /(<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>)(\s*<target[^>]*>[\s\S]*?<\/target>)?/g,
  (whole, head, id, source) => {
    const text = translations[id];
    if (text === undefined) return whole;
    const placeholders = [...source.matchAll(/<x id="(\d+)"[^>]*\/>/g)].map((m) => [m[1], m[0]]);
    const target = escape(text).replace(/\{(\d+)\}/g, (m, n) => placeholders.find(([id]) => id == n)?.[1] ?? m);
    const used = new Set([...text.matchAll(/\{(\d+)\}/g)].map((m) => m[1]));
    const lost = placeholders.filter(([n]) => !used.has(n)).map(([n]) => `{${n}}`);
    if (lost.length) problems.push(`${id}: the translation drops ${lost.join(', ')}`);
    applied++;
    return `${head}\n  <target state="needs-review-translation">${target}</target>`;
  },
);
writeFileSync(file, xml);
console.log(`${locale}: ${applied} translations written, marked needs-review-translation`);
for (const p of problems) console.warn(`  ! ${p}`);
