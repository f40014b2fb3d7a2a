// npm run locales:status: per locale, how many messages are translated, missing, and marked as
// needing review by a native speaker (XLIFF `state="needs-review-translation"`).
// With --check, exits 1 when a shipped locale has a missing message (en-XA, the pseudo-locale, is
// generated and not shipped to end users).
// Translation packs in locales/packs/ (npm run locales:pack) are counted too: per pack, the messages
// its language needs (plural forms by its CLDR categories), how many are translated, missing, and
// refused at run time because a placeholder is dropped or added. Packs are never a --check failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { makePack } from './locales-pack.mjs';

const dir = new URL('../locales/', import.meta.url);
const rows = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.xlf'))
  .sort()) {
  const xml = readFileSync(new URL(file, dir), 'utf8');
  const units = [...xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
  let translated = 0;
  let review = 0;
  const missing = [];
  for (const [, id, body] of units) {
    const target = /<target(?:\s+state="([^"]*)")?>([\s\S]*?)<\/target>/.exec(body);
    if (!target || !target[2].trim()) missing.push(id);
    else {
      translated++;
      if (/^needs-/.test(target[1] ?? '')) review++;
    }
  }
  rows.push({ locale: file.replace('.xlf', ''), total: units.length, translated, review, missing });
}
console.log('locale   messages  translated  needs review  missing');
for (const r of rows) {
  console.log(
    `${r.locale.padEnd(8)} ` +
      [
        String(r.total).padStart(8),
        String(r.translated).padStart(10),
        String(r.review).padStart(12),
        String(r.missing.length).padStart(7),
      ].join('  '),
  );
}

const packsAt = process.argv.indexOf('--packs'); // another folder of packs (tests)
const packDir =
  packsAt > 0 ? pathToFileURL(`${process.argv[packsAt + 1]}/`) : new URL('../locales/packs/', import.meta.url);
const packs = existsSync(packDir)
  ? readdirSync(packDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];
if (packs.length) {
  console.log('\npack     messages  translated  refused  missing  (translation packs, locales/packs/)');
  for (const file of packs) {
    let pack;
    try {
      pack = JSON.parse(readFileSync(new URL(file, packDir), 'utf8'));
    } catch (e) {
      console.log(`${file}: not JSON (${e.message})`);
      continue;
    }
    const locale = typeof pack.locale == 'string' ? pack.locale : file.replace('.json', '');
    const wanted = makePack(locale).messages;
    let translated = 0;
    let refused = 0;
    for (const [id, { source }] of Object.entries(wanted)) {
      const m = pack.messages?.[id];
      const text = typeof m == 'string' ? m : m?.translation;
      if (typeof text != 'string' || !text.trim()) continue;
      const want = new Set([...source.matchAll(/\{(\d+)\}/g)].map((x) => x[1]));
      const have = new Set([...text.matchAll(/\{(\d+)\}/g)].map((x) => x[1]));
      if (want.size != have.size || [...want].some((p) => !have.has(p))) refused++;
      else translated++;
    }
    const total = Object.keys(wanted).length;
    console.log(
      [
        locale.padEnd(8),
        String(total).padStart(8),
        String(translated).padStart(11),
        String(refused).padStart(8),
        String(total - translated - refused).padStart(8),
      ].join(' '),
    );
  }
}

if (process.argv.includes('--check')) {
  const incomplete = rows.filter((r) => r.locale != 'en-XA' && r.missing.length);
  for (const r of incomplete)
    console.error(`${r.locale}: ${r.missing.length} missing, e.g. ${r.missing.slice(0, 3).join(', ')}`);
  process.exit(incomplete.length ? 1 : 0);
}
