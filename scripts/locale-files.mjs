// @ts-check
// The script-tag builds' locale files, shipped as they are generated (scripts/locales.mjs), with no
// rewrite of any source: a Vite plugin that
// - leaves the one import() of a locale file, in src/generated/locale-files.ts, as it is written:
//   `import(`./locales/${locale}.${part}.js`)` (Vite would otherwise turn it into a table of every
//   file, 35 entries and a helper in every page's download);
// - emits each generated locale file (src/generated/locales/<locale>.<part>.js) byte for byte into a
//   `locales/` folder beside the chunk that holds that import, so the URL it names from its own
//   address is there: dist/locales/ for dist/imh-widgets.js, dist/autoloader/locales/ for the
//   autoloader's chunks. The browser loads the very files the tests load from src/generated/locales/.
// The npm package's build does not use it: a host app's bundler needs Vite's table to find the files.
// Unit tests: test/node/build/locale-files.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The module with the import() of a locale file (written by scripts/locales.mjs). */
export const LOADER = resolve(root, 'src/generated/locale-files.ts');
/** Where scripts/locales.mjs writes the locale files. */
export const LOCALE_DIR = resolve(root, 'src/generated/locales');

/**
 * The locale files a page may load: `<locale>.<part>.js` (not `source.js`, which the translation
 * pack loader imports as a module of its own).
 * @param {string} dir
 */
export const localeFileNames = (dir = LOCALE_DIR) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.js') && f.split('.').length == 3)
    .sort();

/**
 * @param {{ loader?: string, dir?: string }} [where] the loader module and the folder of locale
 *   files (the project's own by default; tests give others)
 * @returns {import('vite').Plugin}
 */
export const localeFiles = ({ loader = LOADER, dir = LOCALE_DIR } = {}) => ({
  name: 'imh-locale-files',
  apply: 'build',
  config: () => ({ build: { dynamicImportVarsOptions: { exclude: [/node_modules/, loader] } } }),
  generateBundle(_, bundle) {
    const holder = Object.values(bundle).find((c) => c.type == 'chunk' && c.moduleIds.includes(loader));
    if (!holder) return; // nothing in this build loads a locale
    const at = dirname(holder.fileName);
    for (const name of localeFileNames(dir)) {
      this.emitFile({
        type: 'asset',
        fileName: at == '.' ? `locales/${name}` : `${at}/locales/${name}`,
        source: readFileSync(join(dir, name)),
      });
    }
  },
});
