// @ts-check
// Generates the locale files the elements load at run time, from the translators' XLIFF files
// (locales/*.xlf) and the messages in the source, read by @lit/localize-tools itself:
//
//   src/generated/locale-codes.ts           the source locale and the target locales
//   src/generated/locale-files.ts           the one import() of a locale file: `./locales/<locale>.<part>.js`
//                                            beside the module. The script-tag builds ship the files
//                                            below as they are, in a locales/ folder beside the module
//                                            that holds this import (vite.config.ts), so the browser
//                                            loads the very files the tests load, by one URL pattern
//   src/generated/locales/<locale>.<part>.js one part of a locale's messages: `ui` (every element),
//                                            `timeline` (the timeline's interface) or `stages` (its
//                                            built-in stages), each loaded only by elements that need it
//   src/generated/locales/<locale>.intl.js   the locale's CLDR data (scripts/intl-data.mjs)
//   src/generated/locales/source.js          every message id with the number of its values, which
//                                            translation packs are checked against at run time
//                                            (src/packs.ts; loaded only with a pack)
//
// Each part is a plain data module in the shape the translator reads (src/internal/localize.ts):
// `export default { "<message id>": "text" }`, and for a message with placeholders an array of its
// text and the positions of the source's values: "Diwrnod ${0} o 1001" is ["Diwrnod ", 0, " o 1001"].
// A message's part is decided by the file its msg() call is in (see partOf). Nothing is rewritten:
// the modules are written as the runtime reads them. Run by scripts/prepare.mjs (`npm test`, builds,
// Storybook), so a fresh clone needs nothing else.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import { parseStringAsTemplateLiteral } from '@lit/localize-tools/lib/typescript.js';
import { intlData } from './intl-data.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The parts a locale's messages are split into, in the order a page needs them. */
export const PARTS = ['ui', 'timeline', 'stages', 'sheet', 'reach'];

/**
 * The part a message belongs to, from the source file its msg() call is in: the timeline's
 * built-in stages, the rest of the timeline, the printed family sheet and its dialog (loaded only
 * by a practitioner who prints one), the freshness and share code (`src/reach/`, loaded only by
 * elements with last-checked, review-after or share), or the interface every element shares.
 * @param {string} file a path relative to the project (src/components/…)
 */
export function partOf(file) {
  const f = file.replaceAll('\\', '/');
  if (f == 'src/components/first-1001-days-timeline/default-timeline.ts') return 'stages';
  if (f.startsWith('src/components/first-1001-days-timeline/')) return 'timeline';
  if (f.startsWith('src/components/family-sheet/')) return 'sheet';
  if (f.startsWith('src/reach/')) return 'reach';
  return 'ui';
}

/**
 * @typedef {{ untranslatable: string, index: number }} Placeholder
 * @typedef {Array<string | Placeholder>} Contents
 * @typedef {string | Array<string | number>} Compiled
 */

/**
 * A translation in the runtime's shape: plain text, or text and value positions. A placeholder may
 * hold several of the source's `${…}` expressions (and the text between them); each becomes the
 * position of that expression among the source's values, so a translation can reorder them.
 * @param {Contents} contents the translation
 * @param {Contents} canon the source message
 * @returns {Compiled}
 */
export function compileMessage(contents, canon) {
  /** @type {Map<string, number>} */
  const position = new Map();
  let next = 0;
  for (const c of canon) {
    if (typeof c == 'string') continue;
    const t = parseStringAsTemplateLiteral(c.untranslatable);
    if (!ts.isNoSubstitutionTemplateLiteral(t))
      t.templateSpans.forEach((_, i) => position.set(`${c.index}/${i}`, next++));
  }
  /** @type {Array<string | number>} */
  const out = [];
  const text = (s) => {
    if (!s) return;
    if (typeof out.at(-1) == 'string') out[out.length - 1] += s;
    else out.push(s);
  };
  for (const c of contents) {
    if (typeof c == 'string') {
      text(c);
      continue;
    }
    const t = parseStringAsTemplateLiteral(c.untranslatable);
    if (ts.isNoSubstitutionTemplateLiteral(t)) {
      text(t.text);
      continue;
    }
    text(t.head.text);
    t.templateSpans.forEach((span, i) => {
      const at = position.get(`${c.index}/${i}`);
      if (at === undefined) throw new Error(`placeholder ${c.untranslatable} is not in the source message`);
      out.push(at);
      text(span.literal.text);
    });
  }
  return out.length == 1 && typeof out[0] == 'string' ? out[0] : out.length ? out : '';
}

const banner = '// Generated by scripts/locales.mjs from locales/*.xlf: do not edit.\n';
/**
 * Data as a JavaScript literal, as short as a minifier would write it: JSON, with object keys that
 * are identifiers unquoted (`{weekdays:[…]}`), since the files ship as they are written.
 * @param {unknown} data
 * @returns {string}
 */
export function jsLiteral(data) {
  if (Array.isArray(data)) return `[${data.map(jsLiteral).join(',')}]`;
  if (!data || typeof data != 'object') return JSON.stringify(data);
  // In an object literal, quoted or not, this key would set the object's prototype.
  if (Object.hasOwn(data, '__proto__')) throw new Error('"__proto__" cannot be a key in a data module');
  const key = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k));
  return `{${Object.entries(data)
    .map(([k, v]) => `${key(k)}:${jsLiteral(v)}`)
    .join(',')}}`;
}
/** A plain data module: imports nothing, exports the data (shipped byte for byte). @param {unknown} data */
export const dataModule = (data) => `${banner}export default ${jsLiteral(data)};\n`;

/**
 * The module that loads a locale file: one URL pattern relative to itself, `./locales/<key>.js`,
 * which the source (src/generated/locales/), the script-tag bundle (dist/locales/) and the
 * autoloader (dist/autoloader/locales/) all lay out alike.
 */
export const loaderModule = () =>
  banner +
  `/** One locale file (\`cy.ui\`, \`cy.intl\`…) as a module: \`locales/<locale>.<part>.js\` beside this one. */\n` +
  `export const localeFile = (locale: string, part: string): Promise<{ default: unknown }> =>\n` +
  `  import(\`./locales/\${locale}.\${part}.js\`);\n`;

/**
 * Writes every locale file. Fails (throws) when a translation's placeholders do not match its
 * source, or a message uses a Lit `html` template (the translator handles text and `str` only).
 */
export function generate({ configFile = `${root}locales/lit-localize.json`, out = `${root}src/generated/` } = {}) {
  // lit-localize.json's output mode is `runtime` (checked by lit-localize itself when it reads it).
  const config = /** @type {import('@lit/localize-tools/lib/modes/runtime.js').RuntimeLitLocalizer['config']} */ (
    readConfigFileAndWriteSchema(configFile)
  );
  const localizer = new RuntimeLitLocalizer(config);
  localizer.assertTranslationsAreValid();
  const { messages, errors } = localizer.extractSourceMessages();
  if (errors.length) throw new Error(ts.formatDiagnostics(errors, ts.createCompilerHost({})));
  const base = config.resolve('..');
  const canon = new Map(messages.map((m) => [m.name, m]));
  const parts = new Map(messages.map((m) => [m.name, partOf(relative(base, m.file.fileName))]));
  for (const m of messages) {
    if (m.tag == 'html') throw new Error(`${m.name}: messages are text or str\`\`, not html\`\` templates`);
  }
  const { translations } = localizer.readTranslationsSync();
  rmSync(`${out}locales`, { recursive: true, force: true });
  mkdirSync(`${out}locales`, { recursive: true });
  /** @type {Record<string, number>} */
  const source = {};
  for (const m of [...messages].sort((a, b) => a.name.localeCompare(b.name))) {
    const compiled = compileMessage(m.contents, m.contents);
    source[m.name] = typeof compiled == 'string' ? 0 : compiled.filter((c) => typeof c == 'number').length;
  }
  writeFileSync(`${out}locales/source.js`, dataModule(source));
  writeFileSync(
    `${out}locales/source.d.ts`,
    `${banner}declare const source: Record<string, number>;\nexport default source;\n`,
  );
  writeFileSync(
    `${out}locale-codes.ts`,
    `${banner}/** The language the messages are written in. */\n` +
      `export const sourceLocale = ${JSON.stringify(config.sourceLocale)};\n` +
      `/** The languages they are translated into (en-XA is a pseudo-locale for testing). */\n` +
      `export const targetLocales = ${JSON.stringify([...config.targetLocales].sort())} as const;\n`,
  );
  writeFileSync(`${out}locale-files.ts`, loaderModule());
  for (const locale of config.targetLocales) {
    /** @type {Record<string, Record<string, Compiled>>} */
    const byPart = Object.fromEntries(PARTS.map((p) => [p, {}]));
    for (const t of [...(translations.get(locale) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      const source = canon.get(t.name);
      if (!source) continue; // a translation of a message no longer in the source
      byPart[parts.get(t.name)][t.name] = compileMessage(t.contents, source.contents);
    }
    for (const part of PARTS) writeFileSync(`${out}locales/${locale}.${part}.js`, dataModule(byPart[part]));
    if (!locale.startsWith('en-')) writeFileSync(`${out}locales/${locale}.intl.js`, dataModule(intlData(locale)));
  }
  return { messages: messages.length, locales: config.targetLocales };
}

if (import.meta.url == pathToFileURL(process.argv[1]).href) generate();
