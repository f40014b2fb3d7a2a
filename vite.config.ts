import { defineConfig } from 'vite';
import { stripDocs } from './scripts/strip-docs.mjs';
import { resolve } from 'node:path';

const root = import.meta.dirname;
const src = (p: string) => resolve(root, 'src', p);

/**
 * Three jobs:
 * - `vite` (npm start): the demo page (index.html) with the example feed from public/.
 * - `vite build`: the npm package — per-entry ES modules in dist/, Lit left as a peer import.
 * - `vite build --mode bundle`: dist/imh-widgets.js, the one script-tag module with Lit inside;
 *   locales stay separate chunks beside it, loaded on first use.
 * - `vite build --mode autoloader`: dist/autoloader/imh-autoloader.js, which loads each element's
 *   chunk (and the shared core) when its tag first appears in the page.
 */
export default defineConfig(({ command, mode }) => {
  const bundle = mode === 'bundle' || mode === 'autoloader';
  const autoloader = mode === 'autoloader';
  return {
    plugins: command === 'build' ? [stripDocs()] : [],
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
