/**
 * The library's only `configureLocalization()` call. English (en-GB) is built in; every other
 * locale is a small module loaded on first use.
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

export const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => import(`./generated/locales/${locale}.ts`),
});

/** Every locale the elements can speak. */
export const allLocales: readonly string[] = [sourceLocale, ...targetLocales];
