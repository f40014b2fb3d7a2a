/**
 * Text for search: lower case in the given locale, without accents (Welsh ŵ, Polish ą and ł,
 * Romanian ș, Arabic short vowels), so "cafe" finds "Café" and "ŵyr" finds "wyr". Marks that are
 * letters' vowels in other scripts (Bengali, Gurmukhi) are kept.
 */
export const fold = (text: string, locale?: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
    .toLocaleLowerCase(locale)
    .replace(/ł/g, 'l')
    .replace(/ß/g, 'ss');
