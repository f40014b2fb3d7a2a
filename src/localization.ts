/**
 * The library's only `configureLocalization()` call. English (en-GB) is built in; every other
 * locale is a small module loaded on first use.
 */
import { configureLocalization, msg } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => import(`./generated/locales/${locale}.ts`),
});

/** Every locale the elements can speak. */
export const allLocales: readonly string[] = [sourceLocale, ...targetLocales];

// For the built-in timeline text, loaded lazily as a chunk of its own (see internal/lazy-msg.ts).
// configureLocalization() above has installed the runtime msg(), so this is that function.
Object.defineProperty(globalThis, Symbol.for('imh-widgets.msg'), { value: msg, configurable: true });
