// npm run locales:add -- <language tag>   e.g.  npm run locales:add -- so   (Somali)
// Adds the locale to locales/lit-localize.json and creates locales/<tag>.xlf with every message
// of the source (en-GB) and no translations yet, ready for a translator or a translation tool.
// Then: translate the <target> elements (keep each <x id="…"/> placeholder), `npm run locales:status`,
// and preview with `npm start` (the demo's language menu) or `npm run storybook` (the Language toolbar).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const tag = process.argv[2];
if (!tag || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) {
  console.error('Usage: npm run locales:add -- <language tag, e.g. so, fr or pa-Arab>');
  process.exit(64);
}
const file = new URL('../locales/lit-localize.json', import.meta.url);
const config = JSON.parse(readFileSync(file, 'utf8'));
if (tag == config.sourceLocale || config.targetLocales.includes(tag)) {
  console.error(`${tag} is already a locale of this project.`);
  process.exit(1);
}
try {
  new Intl.Locale(tag);
} catch {
  console.error(`${tag} is not a valid BCP 47 language tag.`);
  process.exit(1);
}
// The pseudo-locale stays last; the new language goes before it.
const pseudo = config.targetLocales.filter((l) => l == 'en-XA');
config.targetLocales = [...config.targetLocales.filter((l) => l != 'en-XA'), tag, ...pseudo];
writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
const run = (args) => execFileSync('node', args, { stdio: 'inherit', cwd: new URL('..', import.meta.url) });
run(['node_modules/.bin/lit-localize', 'extract', '--config', 'locales/lit-localize.json']);
run(['scripts/pseudo-locale.mjs']);
run(['scripts/prepare.mjs']);
if (!existsSync(new URL(`../locales/${tag}.xlf`, import.meta.url)))
  throw new Error(`locales/${tag}.xlf was not created`);
console.log(`\nCreated locales/${tag}.xlf. Translate its <target> elements, then run npm run locales:status.`);
console.log(`Its direction comes from its script (${new Intl.Locale(tag).maximize().script ?? 'unknown'}).`);
