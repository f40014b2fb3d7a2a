import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { stripDocs } from './scripts/strip-docs.mjs';
import { localeFiles } from './scripts/locale-files.mjs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = import.meta.dirname;
const src = (p: string) => resolve(root, 'src', p);

/** The studio page's own files, copied as they are beside its scripts. */
const studioPage = (): Plugin => ({
  name: 'imh-studio-page',
  generateBundle() {
    for (const [from, to] of [
      ['page.html', 'index.html'],
      ['start.js', 'start.js'],
      ['page.css', 'page.css'],
    ]) {
      this.emitFile({ type: 'asset', fileName: to, source: readFileSync(resolve(root, 'demo/studio', from), 'utf8') });
    }
  },
});

/**
 * The feed studio as a page of its own in dist/studio/: `studio` builds modules (each importer a
 * chunk loaded when a file needs it) with index.html, `studio-file` the one-file build that
 * start.js loads instead when the page is opened from disk, where browsers refuse modules.
 */
const studio = (standalone: boolean): UserConfig => ({
  plugins: [stripDocs(), ...(standalone ? [] : [studioPage()])],
  publicDir: false,
  build: {
    target: 'es2021',
    outDir: 'dist/studio',
    emptyOutDir: !standalone,
    copyPublicDir: false,
    sourcemap: false,
    lib: {
      entry: resolve(root, 'demo/studio/main.ts'),
      formats: [standalone ? 'iife' : 'es'],
      name: 'ImhFeedStudio',
      fileName: () => (standalone ? 'studio-standalone.js' : 'studio.js'),
    },
    rolldownOptions: {
      output: {
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
        ...(standalone ? { inlineDynamicImports: true } : {}),
      },
    },
  },
});

/**
 * What each command builds (`npm run build` runs every build below in this order):
 * - `vite` (npm start): serves the demo page (index.html) with the example feed from public/; no build.
 * - `vite build`: the npm package: an ES module per entry in dist/ (index, define, feed, tools,
 *   schedule, the session list, the imh-feed command line), chunks in dist/chunks/, Lit left as a
 *   peer import. A locale's messages are chunks that Vite's table of imports names, so a host
 *   app's bundler finds them.
 * - `vite build --mode bundle`: dist/imh-widgets.js, the one script-tag module with Lit inside,
 *   minified; code it loads on first use (filters, calendar export, the feed report's sentences…)
 *   is chunks beside it (imh-widgets-<name>-<hash>.js), and the locale files are shipped as they
 *   are generated in dist/locales/ (scripts/locale-files.mjs).
 * - `vite build --mode autoloader`: dist/autoloader/imh-autoloader.js, which loads each element's
 *   chunk (and the shared core) when its tag first appears in the page; locale files in
 *   dist/autoloader/locales/.
 * - `vite build --mode studio` and `--mode studio-file` (npm run build:studio): the feed studio
 *   page in dist/studio/ (see `studio` above).
 * Every build but the dev server drops translators' notes, schema descriptions, CSS whitespace and
 * the indentation of html`` templates (scripts/strip-docs.mjs, a typed plugin with unit tests);
 * nothing else in the source is rewritten.
 * `npm run size` measures the script-tag bundle and the autoloader's pages as built here.
 */
export default defineConfig(({ command, mode }) => {
  if (mode === 'studio' || mode === 'studio-file') return studio(mode === 'studio-file');
  const bundle = mode === 'bundle' || mode === 'autoloader';
  const autoloader = mode === 'autoloader';
  return {
    plugins: command === 'build' ? [stripDocs(), ...(bundle ? [localeFiles()] : [])] : [],
    publicDir: 'public',
    server: { port: 5173, strictPort: false },
    build: {
      target: 'es2021',
      outDir: autoloader ? 'dist/autoloader' : 'dist',
      emptyOutDir: !bundle || autoloader,
      copyPublicDir: false,
      sourcemap: true,
      lib: {
        entry: (autoloader
          ? { 'imh-autoloader': src('autoloader.ts') }
          : bundle
            ? { 'imh-widgets': src('define.ts') }
            : {
                index: src('index.ts'),
                define: src('define.ts'),
                feed: src('feed/index.ts'),
                tools: src('feed/tools.ts'),
                schedule: src('schedule/index.ts'),
                'components/session-list/session-list': src('components/session-list/session-list.ts'),
                // The imh-feed command (bin/imh-feed.mjs runs it); its importers are chunks of their own.
                cli: src('cli/main.ts'),
              }) as Record<string, string>,
        formats: ['es'],
      },
      rolldownOptions: {
        external: bundle ? [] : [/^lit(\/|$)/, /^@lit\//, /^node:/],
        // The script-tag bundle may export what its lazy chunks share with it, so everything the
        // page needs at once stays in the one file imh-widgets.js.
        preserveEntrySignatures: bundle ? 'allow-extension' : 'strict',
        output: {
          minify: bundle,
          // Minified files keep no /* @__PURE__ */ annotations: nothing bundles them again.
          ...(bundle ? { comments: { annotation: false, jsdoc: false } } : {}),
          entryFileNames: '[name].js',
          chunkFileNames: autoloader
            ? 'imh-[name]-[hash].js'
            : bundle
              ? 'imh-widgets-[name]-[hash].js'
              : 'chunks/[name]-[hash].js',
        },
      },
    },
  };
});
