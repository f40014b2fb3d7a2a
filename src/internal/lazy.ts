import { ImhLoadError } from '../events/load-error.js';

/** The address in a browser's "failed to fetch dynamically imported module: <address>". */
const addressIn = (e: unknown) => /\bhttps?:\/\/\S+?\.(?:m?js|ts)\b/.exec(String((e as Error)?.message ?? e))?.[0];

/** A script's name after a "-", less a build's hash (8 characters, which may hold "-"): `-imh-widgets-qr.js`. */
const named = (address: string) => `-${address.split('/').pop()}`.replace(/-[\w-]{8}\.js$/, '.js');

/**
 * The address of the file that failed, from the page's resource timing, for browsers whose error
 * does not say it (WebKit's "Importing a module script failed."): the last script whose name ends in
 * the module's own after a "-" (`default-timeline.js` in `imh-widgets-default-timeline-1a2b_C-d.js`,
 * `cy.ui.js` in `cy.ui.js`), never a module whose name only holds it (`jsonld` in
 * `imh-widgets-jsonld-block-3e4f5g6h.js`).
 */
const fetchedAs = (file: string) => {
  const own = `-${file.split('/').pop()!.replace(/\.js$/, '')}.js`;
  return performance
    .getEntriesByType('resource')
    .map((r) => r.name.split('?')[0])
    .filter((name) => named(name).endsWith(own))
    .at(-1);
};

/**
 * A module loaded on first use, once per page. A failure rejects with an `ImhLoadError` naming
 * the file (its address where the browser says it, else `file`, the module's own name), and is
 * forgotten, so the next call tries again. A browser may keep a failed module in
 * its module map for good (Firefox does; Chromium asks again), so a retry asks for the address the
 * browser named under a fresh query, a new module to the browser.
 */
export const lazy = <T>(what: string, file: string, load: () => Promise<T>): (() => Promise<T>) => {
  let module: Promise<T> | undefined;
  let failed: string | undefined;
  let tries = 0;
  return () =>
    (module ??= (failed ? (import(/* @vite-ignore */ `${failed}?retry=${++tries}`) as Promise<T>) : load()).catch(
      (e: unknown) => {
        module = undefined;
        failed = addressIn(e) ?? failed ?? fetchedAs(file);
        throw e instanceof ImhLoadError ? e : new ImhLoadError(what, failed ?? file, e);
      },
    ));
};
