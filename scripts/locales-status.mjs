// npm run locales:status: per locale, how many messages are translated, missing, and marked as
// needing review by a native speaker (XLIFF `state="needs-review-translation"`).
// With --check, exits 1 when a shipped locale has a missing message (en-XA, the pseudo-locale, is
// generated and not shipped to end users).
import { readdirSync, readFileSync } from 'node:fs';

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
    `${r.locale.padEnd(8)} ${String(r.total).padStart(8)}  ${String(r.translated).padStart(10)}  ${String(r.review).padStart(12)}  ${String(r.missing.length).padStart(7)}`,
  );
}
if (process.argv.includes('--check')) {
  const incomplete = rows.filter((r) => r.locale != 'en-XA' && r.missing.length);
  for (const r of incomplete)
    console.error(`${r.locale}: ${r.missing.length} missing, e.g. ${r.missing.slice(0, 3).join(', ')}`);
  process.exit(incomplete.length ? 1 : 0);
}
