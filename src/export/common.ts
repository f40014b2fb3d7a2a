/**
 * What the exporters share: picking a feed text in one language, lookups by id, UK country codes
 * and public bodies, ages in years. Plain TypeScript with no DOM and no Node APIs.
 */
import { pickText } from '../feed/text.js';
import type { Feed, Organisation, Place, Text } from '../feed/types.js';

/** A feed text in `lang` (the same choice the elements make), or undefined when absent or blank. */
export function textIn(value: Text | undefined, lang: string, feedLanguage: string): string | undefined {
  const t = pickText(value, lang, feedLanguage)?.text.trim();
  return t ? t : undefined;
}

const base = (tag: string) => tag.split('-')[0].toLowerCase();

/**
 * The translation of `value` in exactly `lang` (or another tag of its base language), never a
 * fallback: undefined when the text has none in that language. A plain string is in the feed's
 * language.
 */
export function translationIn(value: Text | undefined, lang: string, feedLanguage: string): string | undefined {
  if (value == null) return undefined;
  if (typeof value == 'string') return base(feedLanguage) == base(lang) && value.trim() ? value.trim() : undefined;
  const key =
    Object.keys(value).find((k) => k.toLowerCase() == lang.toLowerCase()) ??
    Object.keys(value).find((k) => base(k) == base(lang));
  const t = key === undefined ? undefined : value[key].trim();
  return t ? t : undefined;
}

/** The languages a text is written in (its keys, or the feed's language for a plain string). */
export const languagesOf = (value: Text | undefined, feedLanguage: string): string[] =>
  value == null ? [] : typeof value == 'string' ? [feedLanguage] : Object.keys(value);

/** Places and organisations by id. */
export function lookups(feed: Feed) {
  const places = new Map<string, Place>((feed.places ?? []).map((p) => [p.id, p]));
  const organisations = new Map<string, Organisation>((feed.organisations ?? []).map((o) => [o.id, o]));
  return { places, organisations };
}

const UK_NAMES = /^(gb|uk|united kingdom|great britain|england|wales|cymru|scotland|northern ireland)$/i;

/**
 * An ISO 3166-1 alpha-2 country code for a place: its `country` when that is a code or a name of
 * the United Kingdom or one of its nations, else GB for a feed in Europe/London with no country.
 * Undefined when neither tells.
 */
export function countryCode(country: string | undefined, timeZone: string): string | undefined {
  const c = country?.trim();
  if (!c) return timeZone == 'Europe/London' ? 'GB' : undefined;
  if (UK_NAMES.test(c)) return 'GB';
  if (/^[a-z]{2}$/i.test(c)) return c.toUpperCase();
  return undefined;
}

/** Domains of UK public bodies: central and devolved government, councils, the NHS, the police. */
const PUBLIC_DOMAINS =
  /(^|\.)(gov\.uk|gov\.wales|llyw\.cymru|gov\.scot|gov\.im|gov\.je|gov\.gg|nhs\.uk|nhs\.net|nhs\.wales|gig\.cymru|nhs\.scot|hscni\.net|police\.uk)$/i;

const hostOf = (value: string | undefined): string | undefined => {
  if (!value) return undefined;
  if (value.startsWith('mailto:')) return value.slice(value.lastIndexOf('@') + 1);
  if (!value.includes('://')) return value.includes('@') ? value.slice(value.lastIndexOf('@') + 1) : undefined;
  try {
    return new URL(value).hostname;
  } catch {
    return undefined;
  }
};

/** Whether a web address or email address belongs to a UK public body (by its domain). */
export const isPublicDomain = (...addresses: (string | undefined)[]): boolean =>
  addresses.some((a) => {
    const host = hostOf(a);
    return host != null && PUBLIC_DOMAINS.test(host);
  });

/** Months as years, to two decimal places (6 months → 0.5). */
export const years = (months: number): number => Math.round((months / 12) * 100) / 100;

/** The child's age range in years for a service's stages (pregnancy alone gives none). */
export function stageAges(stages: readonly string[] | undefined): { min: number; max: number } | undefined {
  if (!stages) return undefined;
  const baby = stages.includes('0-12m');
  const toddler = stages.includes('12-24m');
  if (!baby && !toddler) return undefined;
  return { min: baby ? 0 : 1, max: toddler ? 2 : 1 };
}
