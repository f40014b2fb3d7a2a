// Writes locales/en-XA.xlf, a pseudo-locale for testing: every message accented and about 40%
// longer, inside ⟦ ⟧, so untranslated strings and layouts that break with long text stand out.
// Run after `lit-localize extract` (npm run locales:extract does both). Not offered to end users.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../locales/en-XA.xlf', import.meta.url);
const ACCENTS = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ö',
  u: 'ü',
  c: 'ç',
  n: 'ñ',
  y: 'ý',
  A: 'Å',
  E: 'É',
  I: 'Î',
  O: 'Ø',
  U: 'Û',
  C: 'Ç',
  N: 'Ñ',
  Y: 'Ý',
};

/** Accents the text between placeholders and markup; leaves `<x …/>` placeholders and entities alone. */
const pseudo = (source) => {
  let letters = 0;
  const body = source.replace(/(<[^>]+>|&[a-z]+;)|([^<&]+)/g, (m, keep, text) => {
    if (keep) return keep;
    letters += text.replace(/\s/g, '').length;
    return text.replace(/[aeiouycnAEIOUYCN]/g, (ch) => ACCENTS[ch]);
  });
  return `⟦${body}${' ·'.repeat(Math.ceil(letters * 0.2))}⟧`;
};

const xml = readFileSync(file, 'utf8').replace(
  /(<source>([\s\S]*?)<\/source>)(\s*<target[^>]*>[\s\S]*?<\/target>)?/g,
  (_, sourceTag, source) => `${sourceTag}\n  <target state="final">${pseudo(source)}</target>`,
);
writeFileSync(file, xml);
console.log('wrote locales/en-XA.xlf');
