// npm run size: min+brotli sizes, measured by building each piece the way the script-tag bundle
// is built (Vite/Rolldown, minified, docs stripped), counting an entry and everything it imports
// statically. Lazy chunks (calendar export, filters…) and the locale files (shipped as generated,
// scripts/locale-files.mjs) are reported separately.
// Fails when a resolved budget is exceeded.
import { build } from 'vite';
import { brotliCompressSync, constants } from 'node:zlib';
import { existsSync, mkdirSync, rmSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { stripDocs } from './strip-docs.mjs';
import { localeFiles, localeFileNames, LOCALE_DIR } from './locale-files.mjs';
import { zeroHashes } from './zero-hashes.mjs';

const KiB = 1024;
const LOCALES = JSON.parse(
  readFileSync(new URL('../locales/lit-localize.json', import.meta.url), 'utf8'),
).targetLocales;
const root = new URL('..', import.meta.url).pathname;
const tmp = `${root}.size`;
const br = (code) => brotliCompressSync(Buffer.from(code), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const CORE = [
  `import '../src/localization.ts';`,
  `import { ImhElement } from '../src/internal/imh-element.ts';`,
  `import { defineElement } from '../src/internal/define-element.ts';`,
].join(' ');
// What the elements share beyond the core: formatting, feed text, headings and vocabulary labels
// (every element), the "Print for a family" button and its loader (both lists import
// internal/family-sheet-button.ts; the sheet itself is a lazy chunk), and the feed's schemas (the
// schedule engine is a lazy chunk of its own: internal/dates.ts): each element validates only its own
// lists (`feed/parts.ts`), so a page's rows below carry only those, but the element rows count its
// code alone, as they always have.
const SHARED = [
  `import { ALL_PARTS as p } from '../src/feed/all-parts.ts';`,
  `import * as f from '../src/internal/format.ts';`,
  `import * as l from '../src/internal/labels.ts';`,
  `import * as t from '../src/internal/feed-text.ts';`,
  `import * as h from '../src/internal/heading.ts';`,
  `import * as s from '../src/internal/family-sheet-button.ts';`,
  `globalThis.__keep = [p, f, l, t, h, s];`,
].join(' ');
const CARD = `import '../src/components/support-card/support-card.ts';`;
const TIMELINE = `import '../src/components/first-1001-days-timeline/first-1001-days-timeline.ts';`;
const entries = {
  // Lit, the localisation runtime, the base element, the feed loader and validation.
  core: `${CORE} defineElement('imh-core', class extends ImhElement {});`,
  shared: `${CORE} ${SHARED} defineElement('imh-core', class extends ImhElement {});`,
  'shared + imh-session-list': `${SHARED} import '../src/components/session-list/session-list.ts';`,
  'shared + support elements': `${SHARED} ${CARD} import '../src/components/support-list/support-list.ts';`,
  'one support card': `import '../src/localization.ts'; import '../src/components/support-card/support-card.ts';`,
  // The timeline reuses the support card's rendering for its compact cards.
  'shared + support card': `${SHARED} ${CARD}`,
  'shared + support card + timeline': `${SHARED} ${CARD} ${TIMELINE}`,
};

async function measure(name, code) {
  mkdirSync(tmp, { recursive: true });
  const file = `${tmp}/${name.replace(/\W+/g, '-')}.ts`;
  writeFileSync(file, code);
  const out = await build({
    configFile: false,
    plugins: [stripDocs(), localeFiles()],
    logLevel: 'silent',
    root,
    build: {
      write: false,
      target: 'es2021',
      lib: { entry: file, formats: ['es'] },
      // As vite.config.ts builds the script-tag bundle: its entry may export what lazy chunks share with it,
      // and the minified code keeps no annotation comments.
      rolldownOptions: {
        preserveEntrySignatures: 'allow-extension',
        output: { minify: true, comments: { annotation: false, jsdoc: false } },
      },
    },
  });
  const chunks = (Array.isArray(out) ? out[0] : out).output.filter((c) => c.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set();
  const stack = [chunks.find((c) => c.isEntry).fileName];
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    stack.push(...(byName.get(f)?.imports ?? []));
  }
  // Measured with the hashes in file names as zeros (see zero-hashes.mjs), here and below.
  const shipped = (c) => zeroHashes(c.code, byName.keys());
  const size = [...seen].reduce((n, f) => n + br(shipped(byName.get(f))), 0);
  const lazy = chunks
    .filter((c) => !seen.has(c.fileName))
    .map((c) => {
      const part = /\/generated\/(timeline|stages)\//.exec(c.facadeModuleId ?? '')?.[1];
      return [part ? `${c.name}, ${part}` : c.name, br(shipped(c))];
    });
  return { size, lazy };
}

const results = {};
for (const [name, code] of Object.entries(entries)) results[name] = await measure(name, code);
rmSync(tmp, { recursive: true, force: true });

const rows = [];
const check = (label, size, budget, enforced = true, ceiling) => rows.push({ label, size, budget, enforced, ceiling });
// Issue 14's budgets for what a page downloads, not met yet: until they are, each is held to a
// ceiling (it may only shrink), and the row says how far it is from the budget. Each ceiling is the
// size measured at the last reduction plus 0.6 KiB: that 0.6 KiB is shared room for the issue-13
// features being built this session, not room for anything else. Lowered at 5040019+: bundle
// 36.99 → 35.90 KiB (minified files keep no annotation comments; locale data chunks named without a
// hash; the CLDR fallback formatters in a chunk loaded only with a language that brings CLDR data),
// autoloader page with one card 29.63 → 28.00 KiB. Lowered again at c4f7299+: 35.75 and 27.42 KiB (the
// sentences saying why a feed is not JSON load only when it is not). And at d7f791a+: 35.67 and 27.30 KiB
// (the build's typed strip-docs plugin also drops concatenated doc() descriptions).
// Raised once, by 0.13 KiB, at 15f8f99+: the Task primitive (680f954) took the shared room, and the
// timeline's fix for its summary left above the screen on a phone (a second scroll once the update
// has settled) measured 36.35 KiB.
// Lowered at ca8b295 to the measured size plus 0.2 KiB (lazy chunks' hashes move the total by ~65 B),
// with no shared room left: measured 36.13 and 26.44 KiB then, with bilingual display (bfae239), print
// (c4aa965) and the saved-copy load report (6b54aaf); 36.19 and 26.46 KiB at e6f772d (ifDefined, print).
// Lowered at 823d37a to 34.55 KiB (measured 34.34 plus 0.2): the timeline's body loads only on pages
// with a timeline (ee27fd1, -2.45 KiB), after which freshness and share (f8b4220), the long-feed
// parser's hook (12e5065) and part-by-part drawing (10b912f) landed.
// Lowered at the change that measures file names' hashes as zeros (zero-hashes.mjs), by what that
// took off the measured sizes, so no room came of it: 34.275 → 34.193 and 26.610 → 26.399 KiB on
// b1a7e24 (the hashes moved these by up to 0.09 KiB from build to build; now a figure moves only with
// code), so 34.55 → 34.47 and 26.65 → 26.44 KiB.
// Lowered again at the change that loads the timeline's own styles with its body (a lazy chunk beside
// timeline-body's): measured 34.280 → 33.778 and 26.341 → 26.342 KiB, so 34.47 → 33.83 and 26.44 → 26.39 KiB.
// Lowered at the change that loads the session list's body (each session drawn, with the list's own
// styles: one chunk) only on pages with a session list, as the timeline's is: measured 33.825 → 31.159
// KiB, so 33.83 → 31.21 KiB; and the autoloader's card page, 25.940 KiB since session 13's changes
// (unchanged here), so 26.39 → 25.99 KiB.
// Lowered at the change that loads the credit for imported data (attribution.ts) only for a feed whose
// sources ask for one (session 25, with that day's fixes: an editor card's urgency, overnight opening
// hours, ignored age ranges, the calendar warning's path): measured 30.949 and 25.722 KiB, so
// 31.21 → 30.96 and 25.99 → 25.73 KiB.
// Raised at session 26's fixes, the first time a ceiling went up: 30.921 → 31.244 KiB (bundle) and
// 25.722 → 25.971 KiB (the card page), so 30.96 → 31.25 and 25.73 → 25.98 KiB, for defects fixed in
// code that runs on every page: an element moved into another frame keeps its styles (about 0.1 KiB
// of both); readable widths in min-content columns and no sideways scroll; "No services are listed
// here yet." and "closes tomorrow" (two new English messages); a card's hours note; 12-hour times
// without a leading zero; data whose getters throw (about 0.1 KiB of the bundle); now= read only in
// its documented forms (about 0.07 KiB of both). Each runs as an element first draws (what could
// wait is lazy already: the bad-date sentence, the path of a throw in explain).
// Raised at session 27's fixes: 31.244 → 31.471 KiB (bundle) and 25.971 → 26.009 KiB (the card page), so
// 31.25 → 31.48 and 25.98 → 26.02 KiB. Most of it (about 0.14 KiB of the bundle) is the session list drawing
// only its new sessions at each part of a long list (the days drawn, what they were drawn with, the same dates
// a minute later kept as the same list), which took a list of every date of 500 series from 146 s to under 10;
// the rest: long lists' off-screen days left to the browser, the loading placeholder found without reading
// every node, the Share state a list redraws on, "No sessions match" only where the page's sessions have
// dates; content that fits an element 83 px wide (the card's and shared styles); less the constructor's work
// made smaller (a page of many elements) and shorter focus selectors.
// Raised at session 28's: 31.471 → 31.544 KiB (bundle), so 31.48 → 31.55 KiB: the session list's own sessions'
// dates worked out under a choice too (they were stale after a feed change under one), with the support list's
// filters read by control (about 0.02 KiB less) and a session's templates without lines of indent.
// Raised at session 29's: 31.544 → 31.674 KiB (bundle), so 31.55 → 31.68 KiB: an "Add to calendar" drawn only
// while open, its day alone drawn again as it opens (the first one opened in a list of every date of 500 series
// was two tasks of 265 and 370 ms; none over 50 now), and "Show more" drawing only what it adds: about 0.38 KiB
// minified in the session list. Alone it measured 31.573 and the support list's quoted presets alone 31.497
// (0.047 less); together 31.674: brotli's share of each is not additive at this scale.
// Raised at session 30's: 31.674 → 31.682 KiB (bundle) and 26.009 → 26.018 KiB (the card page), so 31.68 →
// 31.69 and 26.02 → 26.03 KiB: a long list's parts come one a frame whatever else updates it meanwhile (one
// frame callback at a time), and a long session list's later parts grow past ten (every date of 500 series
// from 3.45 to 1.77 times FullCalendar's time, no long task): about 0.1 KiB minified in the base element and
// the pace, which every element runs (measured at 31.722 and 26.055 in a first form of the same code).
// Raised at session 31's: 31.682 → 31.743 KiB (bundle) and 26.018 → 26.094 KiB (the card page), so 31.69 →
// 31.75 and 26.03 → 26.10 KiB: the first part of a list laid out in a frame of its own (500 series to the next
// frame 1.38 → 1.27 times the baseline), and the height keeper reading no size while a list's parts come with
// its room held (but reading it while a placeholder shows), in the base element and the height keeper, which
// every element runs.
// New features go in lazy chunks; a ceiling is not raised to fit one. Where the bytes come from:
// `node scripts/size-sources.mjs dist/imh-widgets.js` (per source file, from the source map).
// Lowered at session 32's: 31.743 → 31.316 KiB (bundle), so 31.75 → 31.32 KiB: the schedule engine
// (schedule/occurrences.ts) a chunk the session list and the timeline load beside their bodies
// (internal/dates.ts); the card page unchanged (26.092 KiB). Then 31.354 KiB, so 31.36: the session list
// works out which sessions it shows, and their dates not yet confirmed, before the engine comes (the
// review's finding: the notes' file was asked for only after the body), its dates as soon as the engine is
// here, not after the body. Then 31.361 and 26.109 KiB, so 31.37 and 26.11: an element moved into another
// window's document gets its own prototype back (Firefox 140 ESR gives it that window's HTMLElement's).
// Then 31.412 and 26.172, so 31.42 and 26.18: the review's fixes (helper-110) to that (only an element that
// lost its prototype, and only for a class the registry has), the list (no update for one that left the
// page) and the timeline (one style sheet for every timeline again). Brotli moves by a few hundredths of a
// KiB for a few bytes at this size (the same fix written two ways measured 31.412 and 31.449).
const CEILING = { bundle: 31.42 * KiB, autoloaderCard: 26.18 * KiB };
check('shared core (Lit, localisation, loader, validation)', results.core.size, 8 * KiB, false);
check('shared runtime: core + helpers every element uses', results.shared.size, Infinity, false);
check(
  'imh-session-list: its own code on top of the shared runtime',
  results['shared + imh-session-list'].size - results.shared.size,
  6 * KiB,
);
check(
  'imh-support-card and imh-support-list: their own code on top of the shared runtime',
  results['shared + support elements'].size - results.shared.size,
  5 * KiB,
);
check(
  'imh-first-1001-days-timeline: its own code on top of the shared runtime and the support card',
  results['shared + support card + timeline'].size - results['shared + support card'].size,
  5 * KiB,
);
check(
  'a page with one support card (script and everything it loads at once)',
  results['one support card'].size,
  12 * KiB,
  false,
);
const lazy = new Map([
  ...results['shared + imh-session-list'].lazy,
  ...results['shared + support card + timeline'].lazy,
]);
for (const [name, size] of lazy) check(`  lazy: ${name}`, size, 4 * KiB);
// Locale files (a part of a locale's messages, or its CLDR data), shipped as generated: at most 3 KiB each.
for (const name of localeFileNames()) {
  if (!LOCALES.includes(name.split('.')[0])) throw new Error(`${name}: not a locale in lit-localize.json`);
  check(`  lazy: locales/${name} (locale)`, br(readFileSync(`${LOCALE_DIR}/${name}`)), 3 * KiB);
}
// The built script-tag bundle: one file, with nothing else loaded at once.
if (readdirSync(`${root}dist`).includes('imh-widgets.js')) {
  const code = zeroHashes(readFileSync(`${root}dist/imh-widgets.js`, 'utf8'), readdirSync(`${root}dist`));
  const imports = code.match(/^import[^;]*?from"\.\/[^"]+"/gm) ?? [];
  check('dist/imh-widgets.js (script-tag bundle, all elements, English)', br(code), 24 * KiB, false, CEILING.bundle);
  if (imports.length) {
    console.log(`dist/imh-widgets.js must be one file, but it imports: ${imports.join(', ')}`);
    rows.push({ label: 'dist/imh-widgets.js is one file', size: 1, budget: 0, enforced: true });
  }
}

// The autoloader (built): what a page with one support card downloads at once: the autoloader,
// the card's chunk and every chunk it imports statically (not the lazy locales or calendar export).
if (existsSync(`${root}dist/autoloader/imh-autoloader.js`)) {
  const dir = `${root}dist/autoloader/`;
  const loader = readFileSync(`${dir}imh-autoloader.js`, 'utf8');
  const card = /import\(`\.\/(imh-support-card-[^`]+\.js)`\)/.exec(loader)?.[1];
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(dir + file, 'utf8').matchAll(
      /(?:^|;)import\s*(?:[^'"`;]*?from\s*)?["'`]\.\/([^"'`]+)["'`]/g,
    ))
      visit(m[1]);
  };
  visit('imh-autoloader.js');
  if (card) visit(card);
  const files = readdirSync(dir);
  const total = [...seen].reduce((n, f) => n + br(zeroHashes(readFileSync(dir + f, 'utf8'), files)), 0);
  check(`autoloader page with one support card (${seen.size} files)`, total, 15 * KiB, false, CEILING.autoloaderCard);
}

let failed = false;
for (const r of rows) {
  const over = r.size > r.budget;
  const overCeiling = r.ceiling !== undefined && r.size > r.ceiling;
  if ((over && r.enforced) || overCeiling) failed = true;
  const verdict = overCeiling
    ? `OVER its ceiling of ${(r.ceiling / KiB).toFixed(2)} KiB (today's size; the budget is issue 14's)`
    : !over
      ? 'ok'
      : r.enforced
        ? 'OVER'
        : r.ceiling !== undefined
          ? `over budget by ${((r.size - r.budget) / KiB).toFixed(2)} KiB (issue 14); ` +
            `held to ${(r.ceiling / KiB).toFixed(2)} KiB`
          : 'over (budget not yet enforced: issue 7)';
  const budget = r.budget == Infinity ? '    -  ' : `${(r.budget / KiB).toFixed(0)} KiB`;
  console.log(`${(r.size / KiB).toFixed(2).padStart(6)} KiB / ${budget}  ${verdict.padEnd(4)}  ${r.label}`);
}
process.exit(failed ? 1 : 0);
