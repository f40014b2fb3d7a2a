import type { Plugin } from 'vite';
/** The module with the import() of a locale file (written by scripts/locales.mjs). */
export declare const LOADER: string;
/** Where scripts/locales.mjs writes the locale files. */
export declare const LOCALE_DIR: string;
/** The locale files a page may load (`<locale>.<part>.js`), sorted. */
export declare const localeFileNames: (dir?: string) => string[];
/** Ships the locale files as they are, beside the chunk that loads them; leaves its import() as written. */
export declare const localeFiles: (where?: { loader?: string; dir?: string }) => Plugin;
