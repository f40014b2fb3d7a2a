/**
 * Parsing helpers every importer shares: bytes to text, ids, language names, phone numbers, times,
 * days, dates, yes/no, costs, links and opening hours, read the way people in the UK write them.
 * Plain TypeScript with no DOM.
 *
 * Each reader returns a `Parsed<T>`: the value (with a `guess` when it had to assume something the
 * editor should check), nothing for a blank cell, or a `problem`. `guess` and `problem` are
 * sentence fragments that start with the value as written and end without a full stop, for the
 * importer to place after a location and before what happened: `Row 7, Day: ` + problem +
 * `. This session was skipped.`
 */
import { DAYS } from '../feed/vocabulary.js';
import { formatPhone } from '../feed/phone.js';
import { LANG_RE } from '../feed/shape.js';
import type { Source } from '../feed/types.js';
import { safeUrl } from '../feed/url.js';
import { isInteger, isSafeNumber, parse as parseLossless } from 'lossless-json';

/** A value read from text: `value` (and maybe a `guess` to check), or a `problem`; neither for blank input. */
export interface Parsed<T> {
  value?: T;
  /** What was assumed, for the editor to check: `"1902551199" had lost its leading 0; read as 01902 551199`. */
  guess?: string;
  /** Why the text could not be read: `"Tusday" is not a day of the week; write Monday, Tuesday… or Mon, Tue…`. */
  problem?: string;
}

/** `"text"`, shortened to 60 characters and on one line, for messages. */
export const quoted = (text: string): string => {
  const one = text.replace(/\s+/g, ' ').trim();
  return `"${one.length > 60 ? one.slice(0, 57) + '…' : one}"`;
};

/** `1 page`, `3 pages`: a count and its noun, for English sentences in reports and the CLI. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n == 1 ? one : many}`;

/** Blank after trimming (spaces, non-breaking spaces, zero-width characters). */
export const isBlank = (text: string | undefined | null): boolean =>
  !text || !text.replace(/[\s\u00a0\u200b\ufeff]/g, '');

/** Trims, folds runs of spaces and tabs (keeping line breaks), and drops zero-width characters. */
export const cleanText = (text: string): string =>
  text
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();

// ---------------------------------------------------------------------------------------------
// Bytes to text

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The input started with a byte-order mark (removed from `text`). */
  bom: boolean;
  /**
   * A sentence for the report when the encoding was not plain UTF-8: what it was read as and why,
   * like "The file is not UTF-8; it was read as Windows-1252 (Excel's "CSV" on Windows), so £ and
   * accented letters come through.".
   */
  note?: string;
}

/** Windows-1252's bytes 80–9F (€, curly quotes, dashes…); the rest of it is Latin-1. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

const decode = (bytes: Uint8Array, encoding: TextEncodingName, fatal = false) =>
  encoding == 'windows-1252'
    ? // By hand: Node's TextDecoder reads this label as Latin-1, turning “ ” – € into control characters.
      Array.from(bytes, (b) => (b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80] : String.fromCharCode(b))).join('')
    : new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes);

/** Does the text look like UTF-16 without a byte-order mark: NUL in every other byte of the first 200? */
const utf16Without = (bytes: Uint8Array): TextEncodingName | undefined => {
  const n = Math.min(bytes.length - (bytes.length % 2), 200);
  if (n < 4) return;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] == 0) even++;
    if (bytes[i + 1] == 0) odd++;
  }
  if (odd > n / 2 / 2 && even == 0) return 'utf-16le';
  if (even > n / 2 / 2 && odd == 0) return 'utf-16be';
  return;
};

/**
 * Text from bytes as spreadsheets, calendars and directories save it: UTF-8 with or without a
 * byte-order mark; UTF-16 (Excel's "Unicode text"), with or without one; and Windows-1252 (Excel's
 * plain "CSV" on Windows, where £ is the single byte A3) when the bytes are not valid UTF-8. A
 * string is taken as already decoded (a leading byte-order mark is still removed).
 */
export function decodeBytes(input: Uint8Array | string): DecodedText {
  if (typeof input == 'string') {
    const bom = input.charCodeAt(0) == 0xfeff;
    return { text: bom ? input.slice(1) : input, encoding: 'utf-8', bom };
  }
  const b = input;
  if (b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf) {
    return { text: decode(b.subarray(3), 'utf-8'), encoding: 'utf-8', bom: true };
  }
  const unicodeText = (encoding: TextEncodingName, bom: boolean): DecodedText => ({
    text: decode(bom ? b.subarray(2) : b, encoding),
    encoding,
    bom,
    note:
      `The file is saved as UTF-16 (what Excel calls "Unicode Text"); it was read as such. ` +
      `Saving it as "CSV UTF-8" instead keeps it smaller and readable by more programs.`,
  });
  if (b[0] == 0xff && b[1] == 0xfe) return unicodeText('utf-16le', true);
  if (b[0] == 0xfe && b[1] == 0xff) return unicodeText('utf-16be', true);
  const sixteen = utf16Without(b);
  if (sixteen) return unicodeText(sixteen, false);
  try {
    return { text: decode(b, 'utf-8', true), encoding: 'utf-8', bom: false };
  } catch {
    return {
      text: decode(b, 'windows-1252'),
      encoding: 'windows-1252',
      bom: false,
      note:
        'The file is not UTF-8; it was read as Windows-1252 (what Excel saves as plain "CSV" on Windows), ' +
        'so £ signs and accented letters come through. Saving it as "CSV UTF-8" avoids the guess.',
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Ids

/**
 * A readable id from any text, matching the feed's id rule (lower-case letters, digits, hyphens):
 * accents are dropped ("Café Bébé" → "cafe-bebe"), "&" becomes "and", everything else that is not
 * a letter or digit becomes one hyphen. Empty when the text has no Latin letters or digits (an
 * Urdu name, say): use `stableId`, which falls back to a hash.
 */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/** A short hash of text (FNV-1a, 32 bits, base 36): the same text always gives the same 7 characters or fewer. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/**
 * An id derived from what identifies an item, the same on every run: the slugs of `parts` joined
 * by hyphens ("baby-massage-bob-jones-hub-mo"). Parts that give no slug (text in a non-Latin
 * script) are replaced by a hash of their text, so different names still give different ids; an
 * id that would be empty becomes `prefix-<hash>`.
 */
export function stableId(parts: (string | undefined)[], prefix = 'item', maxLength = 80): string {
  const slugs = parts
    .filter((p): p is string => !isBlank(p))
    .map((p) => slugify(p) || hashText(cleanText(p).toLowerCase()));
  const id = slugify(slugs.join('-'), maxLength);
  return id || `${prefix}-${hashText(parts.join('|'))}`;
}

/**
 * Gives out unique ids: the first asker of an id gets it, the next `id-2`, `id-3`… Feed items that
 * share a derived id should first be told apart by what identifies them (a time, a date); this
 * is the last resort.
 */
export class IdAllocator {
  private taken = new Set<string>();
  constructor(existing: Iterable<string> = []) {
    for (const id of existing) this.taken.add(id);
  }
  has(id: string): boolean {
    return this.taken.has(id);
  }
  /** `id`, or `id-2`, `id-3`… when it is taken. */
  claim(id: string): string {
    let out = id;
    for (let n = 2; this.taken.has(out); n++) out = `${id}-${n}`;
    this.taken.add(out);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Languages

/**
 * English names (and common other names) of the languages UK family services offer, with their
 * codes. Names in the languages themselves are added from `Intl.DisplayNames` where the platform
 * has them. Lower case.
 */
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  welsh: 'cy',
  cymraeg: 'cy',
  'scottish gaelic': 'gd',
  gaelic: 'gd',
  gàidhlig: 'gd',
  irish: 'ga',
  cornish: 'kw',
  'british sign language': 'bfi',
  bsl: 'bfi',
  punjabi: 'pa',
  panjabi: 'pa',
  urdu: 'ur',
  polish: 'pl',
  polski: 'pl',
  arabic: 'ar',
  romanian: 'ro',
  română: 'ro',
  romana: 'ro',
  bengali: 'bn',
  bangla: 'bn',
  sylheti: 'syl',
  gujarati: 'gu',
  hindi: 'hi',
  tamil: 'ta',
  telugu: 'te',
  malayalam: 'ml',
  marathi: 'mr',
  nepali: 'ne',
  sinhala: 'si',
  sinhalese: 'si',
  somali: 'so',
  tigrinya: 'ti',
  amharic: 'am',
  oromo: 'om',
  farsi: 'fa',
  persian: 'fa',
  dari: 'prs',
  pashto: 'ps',
  pushto: 'ps',
  kurdish: 'ku',
  sorani: 'ckb',
  kurmanji: 'kmr',
  turkish: 'tr',
  portuguese: 'pt',
  spanish: 'es',
  french: 'fr',
  italian: 'it',
  german: 'de',
  lithuanian: 'lt',
  latvian: 'lv',
  estonian: 'et',
  bulgarian: 'bg',
  ukrainian: 'uk',
  russian: 'ru',
  czech: 'cs',
  slovak: 'sk',
  hungarian: 'hu',
  albanian: 'sq',
  greek: 'el',
  croatian: 'hr',
  serbian: 'sr',
  bosnian: 'bs',
  chinese: 'zh',
  mandarin: 'zh',
  cantonese: 'yue',
  vietnamese: 'vi',
  thai: 'th',
  tagalog: 'tl',
  filipino: 'fil',
  japanese: 'ja',
  korean: 'ko',
  hebrew: 'he',
  swahili: 'sw',
  yoruba: 'yo',
  igbo: 'ig',
  twi: 'tw',
  akan: 'ak',
  shona: 'sn',
  lingala: 'ln',
  hausa: 'ha',
  'pahari-pothwari': 'phr',
  pahari: 'phr',
  pothwari: 'phr',
  mirpuri: 'phr',
};

let ownNames: Map<string, string> | undefined;
/** Each language's name in itself ("polski", "اردو", "ਪੰਜਾਬੀ"), where the platform knows it. */
const languageOwnNames = () => {
  if (!ownNames) {
    ownNames = new Map();
    for (const code of new Set(Object.values(LANGUAGE_NAMES))) {
      try {
        const own = new Intl.DisplayNames(code, { type: 'language', fallback: 'none' }).of(code);
        if (own && own.toLowerCase() != code) ownNames.set(own.toLowerCase(), code);
      } catch {
        // the platform has no data for it
      }
    }
  }
  return ownNames;
};

/** Is `code` a language code the platform can name (en, cy, pa-Guru, bfi…)? */
const knownCode = (code: string) => {
  if (!LANG_RE.test(code)) return false;
  if (Object.values(LANGUAGE_NAMES).includes(code.split('-')[0])) return true;
  try {
    return !!new Intl.DisplayNames('en', { type: 'language', fallback: 'none' }).of(code);
  } catch {
    return false;
  }
};

/**
 * A language's code from what people write: an English name ("Welsh", "Punjabi", "British Sign
 * Language"), its own name ("Cymraeg", "Polski", "اردو"), or a code ("cy", "pa-Guru", "en-GB").
 * Case and surrounding words like "language" or "spoken" do not matter. `undefined` when unknown.
 */
export function languageCode(name: string): string | undefined {
  const text = cleanText(name)
    .replace(/\((.*)\)$/, '$1')
    .trim();
  if (!text) return;
  const exact = text.toLowerCase();
  if (LANGUAGE_NAMES[exact]) return LANGUAGE_NAMES[exact];
  const lower = exact
    .replace(/\b(language|spoken|only)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (LANGUAGE_NAMES[lower]) return LANGUAGE_NAMES[lower];
  const own = languageOwnNames().get(lower);
  if (own) return own;
  // A code as written: en, en-GB, pa-Guru (region upper case, script title case, as BCP 47 likes).
  const parts = text.replace(/_/g, '-').split('-');
  const code = [
    parts[0].toLowerCase(),
    ...parts
      .slice(1)
      .map((p) =>
        p.length == 2 ? p.toUpperCase() : p.length == 4 ? p[0].toUpperCase() + p.slice(1).toLowerCase() : p,
      ),
  ].join('-');
  if (!knownCode(code)) return undefined;
  // ISO 639-2 codes that have a two-letter one ("urd", "wel", "cym") become it ("ur", "cy").
  try {
    return Intl.getCanonicalLocales(code)[0] ?? code;
  } catch {
    return code;
  }
}

/** The English name of a language code ("Welsh" for cy), or the code. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames('en', { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

// ---------------------------------------------------------------------------------------------
// Lists, yes/no, links

/**
 * Splits a list cell: by semicolons and line breaks, and by commas too when `commas` is set
 * (for lists of single words such as languages). Blank entries are dropped.
 */
export function splitList(text: string, { commas = false } = {}): string[] {
  return text
    .split(commas ? /[;\n,]/ : /[;\n]/)
    .map(cleanText)
    .filter((s) => !isBlank(s));
}

const YES = /^(y|yes|yeah|true|1|x|✓|✔|☑|on)(?![a-z0-9])/i;
const NO = /^(n|no|none|false|0|☐|off|not)(?![a-z0-9])/i;
/** "Yes", "Y", "TRUE", "x", "✓" → true; "No", "N", "FALSE", "0" → false; blank → no value. */
export function parseYesNo(text: string): Parsed<boolean> {
  const t = cleanText(text);
  if (!t) return {};
  if (YES.test(t)) return { value: true };
  if (NO.test(t)) return { value: false };
  return { problem: `${quoted(t)} is not yes or no; write Yes or No` };
}

/** An email address, with any `mailto:` and angle brackets removed. */
export function parseEmail(text: string): Parsed<string> {
  const t = cleanText(text)
    .replace(/^mailto:/i, '')
    .replace(/^<|>$/g, '')
    .trim();
  if (!t) return {};
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t)) return { value: t };
  return { problem: `${quoted(t)} is not an email address; write it like name@example.org.uk` };
}

/**
 * A web address. One written without `https://` ("www.example.org", "example.org/page") gets it,
 * as browsers do; only http, https, tel and mailto addresses are kept.
 */
export function parseUrl(text: string): Parsed<string> {
  const t = cleanText(text).replace(/\s+/g, '');
  if (!t) return {};
  const full = /^[a-z][a-z0-9+.-]*:/i.test(t)
    ? t
    : /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(t)
      ? `https://${t}`
      : '';
  const safe = full && safeUrl(full);
  if (safe) return { value: safe };
  return {
    problem: `${quoted(t)} is not a web address; write it in full, like https://www.example.org.uk/page`,
  };
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

/** The feed's rule for a phone number. */
const PHONE_RE = /^\+?[0-9][0-9 ()-]{1,22}$/;

/**
 * A phone number cleaned for the feed. Accepts what people and spreadsheets write: `tel:`,
 * `+44 (0)1902 551199`, dots and slashes between groups, an extension ("ext. 204", which becomes
 * part of `note`). A number that lost its leading 0 in a spreadsheet (1902551199, or 441902551199
 * that lost its +) is restored, as a guess. Short codes (111, 116 123, 85258) are kept as they are.
 */
export function parsePhone(text: string): Parsed<{ number: string; note?: string }> {
  let t = cleanText(text)
    .replace(/^tel:/i, '')
    .replace(/[\u2010-\u2015]/g, '-');
  if (!t) return {};
  if (/^\d(\.\d+)?e\+?\d+$/i.test(t)) {
    return {
      problem:
        `${quoted(t)} was turned into a number by the spreadsheet and its digits are lost; ` +
        `format the column as Text and type the number again`,
    };
  }
  let note: string | undefined;
  const ext = /[\s,]*(?:ext\.?|extn\.?|extension|x)\s*(\d{1,6})\s*$/i.exec(t);
  if (ext) {
    note = `extension ${ext[1]}`;
    t = t.slice(0, ext.index);
  }
  t = t.replace(/\(0\)/g, '').replace(/[./]/g, ' ').replace(/\s+/g, ' ').trim();
  const digits = t.replace(/\D/g, '');
  let guess: string | undefined;
  if (!t.startsWith('+') && /^\d+$/.test(t.replace(/[ ()-]/g, ''))) {
    if (digits.length == 10 && /^[1237-9]/.test(digits)) {
      t = formatPhone(`0${digits}`).display;
      guess = `${quoted(text)} had lost its leading 0 (spreadsheets drop it); read as ${t}`;
    } else if (digits.length == 12 && digits.startsWith('44') && /^[1237-9]/.test(digits[2])) {
      t = formatPhone(`0${digits.slice(2)}`).display;
      guess = `${quoted(text)} looks like a UK number that lost its + (spreadsheets drop it); read as ${t}`;
    }
  } else if (t.startsWith('+44')) t = formatPhone(t).display;
  if (!PHONE_RE.test(t) || digits.length < 3) {
    return {
      problem: `${quoted(text)} is not a phone number; write digits and spaces, like 01902 551199`,
    };
  }
  return { value: note ? { number: t, note } : { number: t }, guess };
}

/**
 * A phone number with words around it, as people write them in one cell: "0800 123 4567 (free
 * from mobiles)", "Text SHOUT to 85258", "Freephone: 0808 800 5000". The words become the note.
 */
export function parsePhoneWithNote(text: string): Parsed<{ number: string; note?: string }> {
  const t = cleanText(text);
  if (!t) return {};
  const run = /(?:tel:)?\+?\(?\d[\d ()./-]*\d(?:\s*(?:ext\.?|extn\.?|extension|x)\s*\d{1,6})?/i.exec(t);
  if (!run) return { problem: `${quoted(t)} has no phone number in it; write digits, like 01902 551199` };
  const phone = parsePhone(run[0]);
  if (!phone.value) return phone;
  const words = (t.slice(0, run.index) + ' ' + t.slice(run.index + run[0].length))
    .replace(/[()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:,–-]+|[\s:,–-]+$/g, '')
    .trim();
  const meaningful = /^(tel|telephone|phone|call|ring|t|number|no|tel no|phone number)\.?$/i.test(words)
    ? ''
    : words.replace(/\s+(to|on)$/i, '');
  const note = [meaningful, phone.value.note].filter(Boolean).join(', ');
  return { value: note ? { number: phone.value.number, note } : { number: phone.value.number }, guess: phone.guess };
}

// ---------------------------------------------------------------------------------------------
// Times of day

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

interface ClockReading {
  minutes: number;
  /** am or pm as written. */
  meridiem?: 'am' | 'pm';
  /** Written with a leading zero or past 12 ("09:30", "14:00"): the 24-hour clock for sure. */
  twentyFour: boolean;
}

/** One time of day as written, without deciding on am/pm for a bare "1:30". */
const readClock = (text: string): ClockReading | undefined => {
  const t = text
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/a\.?m\.?$/, 'am')
    .replace(/p\.?m\.?$/, 'pm')
    .replace(/(hrs|hours|h)$/, '');
  if (t == 'noon' || t == 'midday' || t == '12noon' || t == '12midday') return { minutes: 720, twentyFour: true };
  if (t == 'midnight' || t == '12midnight') return { minutes: 0, twentyFour: true };
  const m = /^(\d{1,2})(?:[:.h]?(\d{2}))?(?::(\d{2}))?(am|pm)?$/.exec(t);
  if (!m) return;
  let h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  const meridiem = m[4] as 'am' | 'pm' | undefined;
  if (min > 59 || (m[3] && Number(m[3]) > 59)) return;
  if (meridiem) {
    if (h < 1 || h > 12) return;
    h = (h % 12) + (meridiem == 'pm' ? 12 : 0);
  } else if (h > 24 || (h == 24 && min > 0)) return;
  return { minutes: h * 60 + min, meridiem, twentyFour: !meridiem && (/^0\d/.test(m[1]) || h > 12 || h == 0) };
};

const TIME_HINT = 'write a time like 10am, 11.30am or 14:00';

/** A spreadsheet's time of day stored as a fraction of a day (0.4375 is 10:30). */
const dayFraction = (t: string) => {
  if (!/^0?\.\d{3,}$/.test(t)) return;
  const minutes = Math.round(Number(t) * 1440);
  return minutes > 0 && minutes < 1440 ? minutes : undefined;
};

/**
 * A wall-clock time as `HH:MM` from what people write: "10am", "11.30am", "9:30", "09.30",
 * "14:00", "2 pm", "noon", "10:00:00" (seconds are dropped). A bare hour from 1 to 7 with no am
 * or pm ("1:30") is read as the afternoon, as a guess; "01:30" is taken as written. A spreadsheet
 * time stored as a fraction of a day (0.4375) is read too, as a guess.
 */
export function parseTime(text: string): Parsed<string> {
  const t = cleanText(text);
  if (!t) return {};
  const fraction = dayFraction(t);
  if (fraction != null) {
    return {
      value: hhmm(fraction),
      guess: `${quoted(t)} is a spreadsheet time stored as a number; read as ${hhmm(fraction)}`,
    };
  }
  const c = readClock(t);
  if (!c || c.minutes >= 1440) return { problem: `${quoted(t)} is not a time of day; ${TIME_HINT}` };
  if (!c.meridiem && !c.twentyFour && c.minutes >= 60 && c.minutes < 8 * 60) {
    const pm = hhmm(c.minutes + 720);
    return {
      value: pm,
      guess: `${quoted(t)} has no am or pm; read as ${pm} (write ${hhmm(c.minutes)} for the morning)`,
    };
  }
  return { value: hhmm(c.minutes) };
}

/**
 * Whether opening hours that close before they open (times in minutes from midnight) are a night's, open
 * past midnight as the feed reads them: opening from 12:00 (an afternoon or evening) and closing at most
 * 16 hours later, the next morning (a night line 22:00–02:00, an out-of-hours service 17:00–09:00).
 * Anything else is more likely a slip than a service open all night: 09:00–05:00 (for 17:00) would be 20
 * hours a day, 13:00–11:00 nearly all day. The importers keep such hours as written, in the hours note,
 * and say so (`NOT_A_NIGHT`); they never drop the service.
 */
export const nightHours = (opens: number, closes: number): boolean => opens >= 720 && closes + 1440 - opens <= 960;

/** What the importers say of hours that close before they open and are not a night's (after the hours, quoted). */
export const NOT_A_NIGHT =
  "closes before it opens, and not as a night's hours do (from 12:00, closing at most 16 hours later); " +
  'it was kept as text in the hours note: check the times';

/** Dashes and words that separate the two ends of a range: "10–11.30", "9am to 5pm", "9 till 12". */
const RANGE_SPLIT = /\s*(?:[-–—~]|\bto\b|\buntil\b|\btill\b|\btil\b)\s*/i;

/**
 * A time range from one cell: "10:00–11:30", "10-11.30am", "9am to 5pm", "1–3pm", "11-1pm",
 * "9-5". An end with am or pm lends it to a start without ("10-11.30am" starts at 10:00, "1–3pm"
 * at 13:00) unless that would start after the end ("11-1pm" starts at 11:00). With neither, an
 * end not after the start is moved to the afternoon ("9-5" is 09:00–17:00), as a guess. An end of
 * "midnight" or "24:00" is 24:00 (for opening hours).
 *
 * With `overnight` (opening hours), an end before the start is on the next day, as the feed reads
 * hours (22:00–02:00: open past midnight), where the hours are a night's (`nightHours`: else they are
 * a problem, said with the times), and an end of 00:00 is 24:00; an end at the start is a problem.
 * Without it (a session), the end must come after the start.
 */
export function parseTimeRange(text: string, overnight = false): Parsed<{ start: string; end: string }> {
  const t = cleanText(text);
  if (!t) return {};
  const parts = t.split(RANGE_SPLIT);
  if (parts.length != 2 || !parts[0] || !parts[1]) {
    return { problem: `${quoted(t)} is not a time range; write it like 10am–11.30am or 10:00–11:30` };
  }
  const a = readClock(parts[0]);
  const b = /^(midnight|24[:.]?00)$/i.test(parts[1].trim()) ? { minutes: 1440, twentyFour: true } : readClock(parts[1]);
  if (!a || a.minutes >= 1440) return { problem: `${quoted(parts[0])} is not a time of day; ${TIME_HINT}` };
  if (!b) return { problem: `${quoted(parts[1])} is not a time of day; ${TIME_HINT}` };
  let start = a.minutes;
  let end = b.minutes;
  let guess: string | undefined;
  if (!a.meridiem && !a.twentyFour && b.meridiem == 'pm' && start < 720) {
    if (start + 720 < end) start += 720;
  } else if (!a.meridiem && !b.meridiem && !a.twentyFour && !b.twentyFour && end <= start && end + 720 > start) {
    end += 720;
    guess = `${quoted(t)} has no am or pm; read as ${hhmm(start)}–${hhmm(end)}`;
  } else if (!a.meridiem && !b.meridiem && !a.twentyFour && !b.twentyFour && start >= 60 && start < 8 * 60) {
    start += 720;
    end += 720;
    guess = `${quoted(t)} has no am or pm; read as ${hhmm(start)}–${hhmm(end)}`;
  } else if (a.meridiem && !b.meridiem && !b.twentyFour && end <= start && end + 720 > start) {
    // "9am-5": the end without its pm, not five in the morning (a night's opening hours).
    end += 720;
    guess = `${quoted(t)} has no am or pm at its end; read as ${hhmm(start)}–${hhmm(end)}`;
  }
  if (overnight && !end) end = 1440;
  // Past midnight only for a night's hours (see `nightHours`): 09:00–05:00 is a slip, not 20 hours open.
  if (overnight && end < start && !nightHours(start, end)) return { problem: `${quoted(t)} ${NOT_A_NIGHT}` };
  // Past midnight only as written: an end that says am (10pm–2am) or is on a 24-hour clock (22:00–02:00).
  if (overnight && end < start && !b.meridiem && !b.twentyFour)
    guess = `${quoted(t)} has no am or pm at its end; read as ${hhmm(start)}–${hhmm(end)}, the next day`;
  if (end == start || (end < start && !overnight)) {
    return { problem: `${quoted(t)} ends before it starts; write it like 10am–11.30am` };
  }
  return { value: { start: hhmm(start), end: hhmm(end) }, guess };
}

// ---------------------------------------------------------------------------------------------
// Days of the week

/** The weekday (0 = Monday) of a `byDay` code, bare (`MO`) or with its ordinal (`1MO`, `-1SU`); -1 if none. */
export const dayIndex = (code: string): number => (DAYS as readonly string[]).indexOf(code.slice(-2));

const DAY_WORDS: Record<string, number> = {};
[
  ['mon', 'monday', 'mondays', 'mo'],
  ['tue', 'tues', 'tuesday', 'tuesdays', 'tu'],
  ['wed', 'weds', 'wednesday', 'wednesdays', 'we'],
  ['thu', 'thur', 'thurs', 'thursday', 'thursdays', 'th'],
  ['fri', 'friday', 'fridays', 'fr'],
  ['sat', 'saturday', 'saturdays', 'sa'],
  ['sun', 'sunday', 'sundays', 'su'],
].forEach((words, i) => words.forEach((w) => (DAY_WORDS[w] = i)));
const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  last: -1,
};
/** Words around days that change nothing: "every Monday", "Mondays only", "on the first Monday of the month". */
const FILLER = new Set([
  'every',
  'each',
  'on',
  'the',
  'of',
  'in',
  'and',
  'a',
  'an',
  'only',
  'week',
  'weekly',
  'day',
  'days',
  'at',
]);
/** Words that say how often, which the caller may use when its frequency is blank: "every other Monday". */
const FREQUENCY_WORDS: Record<string, 'P2W' | 'P1M'> = {
  other: 'P2W',
  alternate: 'P2W',
  fortnightly: 'P2W',
  fortnight: 'P2W',
  month: 'P1M',
  months: 'P1M',
  monthly: 'P1M',
};

export interface Days {
  /** Feed day codes: "MO", or "1MO" / "-1FR" for the first Monday / last Friday of the month. */
  byDay: string[];
  /** Set when the words said how often: "every other Monday" (P2W), "first Monday of the month" (P1M). */
  frequency?: 'P2W' | 'P1M';
}

/** Edit distance, for suggestions ("Tusday" → Tuesday). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DAY_HINT = 'write Monday, Tuesday… or Mon, Tue…';

/**
 * Days of the week from what people write: "Monday", "Mon & Wed", "Tue/Thu", "Monday, Thursday",
 * "Mondays", "Mon–Fri", "Monday to Friday", "Weekdays", "Weekends", "Every day", "Last Friday of
 * the month", "First Monday of the month", "1st and 3rd Wednesday", "Every other Tuesday".
 * `allowNth: false` (opening hours) refuses "first"/"last".
 */
export function parseDays(text: string, { allowNth = true } = {}): Parsed<Days> {
  const t = cleanText(text).toLowerCase();
  if (!t) return {};
  const tokens = t.replace(/[–—]/g, '-').match(/[\p{L}]+|\d+(?:st|nd|rd|th)?|-|[^\s\p{L}\d,&/+;.()]+/gu) ?? [];
  const days: string[] = [];
  const add = (code: string) => days.includes(code) || days.push(code);
  let ordinals: number[] = [];
  let frequency: Days['frequency'];
  let rangeFrom: number | undefined;
  let last: number | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i];
    if (w == '-' || w == 'to' || w == 'until' || w == 'till' || w == 'through') {
      if (last != null && DAY_WORDS[tokens[i + 1]] != null) rangeFrom = last;
      else if (w == '-') continue;
      else if (w != 'to') return { problem: `${quoted(text)} is not a list of days; ${DAY_HINT}` };
      continue;
    }
    if (DAY_WORDS[w] != null) {
      const d = DAY_WORDS[w];
      if (rangeFrom != null) {
        if (ordinals.length) return { problem: `${quoted(text)} mixes a range of days with "first" or "last"` };
        for (let k = (rangeFrom + 1) % 7; k != (d + 1) % 7; k = (k + 1) % 7) add(DAYS[k]);
        rangeFrom = undefined;
      } else if (ordinals.length) {
        if (!allowNth) {
          return { problem: `${quoted(text)} names a week of the month, which opening hours cannot; ${DAY_HINT}` };
        }
        for (const n of ordinals) add(`${n}${DAYS[d]}`);
        frequency = 'P1M';
      } else add(DAYS[d]);
      ordinals = [];
      last = d;
      continue;
    }
    if (ORDINALS[w] != null) {
      ordinals.push(ORDINALS[w]);
      continue;
    }
    if (w == 'weekdays' || w == 'weekday') {
      DAYS.slice(0, 5).forEach(add);
      continue;
    }
    if (w == 'weekends' || w == 'weekend') {
      DAYS.slice(5).forEach(add);
      continue;
    }
    if (w == 'daily' || (w == 'every' && tokens[i + 1] == 'day')) {
      DAYS.forEach(add);
      if (w == 'every') i++;
      continue;
    }
    if (FREQUENCY_WORDS[w]) {
      if (FREQUENCY_WORDS[w] == 'P2W' || !frequency) frequency = FREQUENCY_WORDS[w];
      continue;
    }
    if (FILLER.has(w)) continue;
    const near = DAY_NAMES.find((name) => editDistance(w, name.toLowerCase()) <= 2 && w.length > 3);
    const asWritten = cleanText(text).slice(t.indexOf(w), t.indexOf(w) + w.length) || w;
    return {
      problem: `${quoted(asWritten)} is not a day of the week${near ? ` (did you mean ${near}?)` : ''}; ${DAY_HINT}`,
    };
  }
  if (ordinals.length || rangeFrom != null) return { problem: `${quoted(text)} does not end with a day; ${DAY_HINT}` };
  if (!days.length) return { problem: `${quoted(text)} names no day of the week; ${DAY_HINT}` };
  const nth = days.filter((d) => d.length > 2);
  if (nth.length && nth.length != days.length) {
    return {
      problem: `${quoted(text)} mixes every week with a week of the month; put them in separate rows`,
    };
  }
  return { value: frequency ? { byDay: days, frequency } : { byDay: days } };
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3).toLowerCase());
const monthOf = (word: string) => {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.indexOf(w.slice(0, 3));
  if (i < 0) return;
  const full = MONTH_NAMES[i].toLowerCase();
  return full.startsWith(w) || w == 'sept' ? i + 1 : undefined;
};
const leap = (y: number) => y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
const monthLength = (y: number, m: number) => [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;

const DATE_HINT = 'write dates day first, like 07/09/2026, or as 2026-09-07';

export interface DateOptions {
  /** Read whole numbers from 25569 to 73050 as a spreadsheet's date serial numbers (default true). */
  serials?: boolean;
}

/** A spreadsheet date serial number (days since 30 December 1899) → ISO date. */
export const serialDate = (serial: number): string => {
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  const d = new Date(ms);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};

/**
 * A calendar date as `YYYY-MM-DD` from UK writing: "07/09/2026", "7/9/26", "07-09-2026",
 * "07.09.2026" (always day first, never month first), "2026-09-07" (also with a time after it),
 * "7 September 2026", "Mon 7th Sept 2026", "September 7, 2026", and a spreadsheet's date serial
 * number (46272), read as a guess. A date that could only be month first ("09/13/2026") is a
 * problem that says so.
 */
export function parseDate(text: string, { serials = true }: DateOptions = {}): Parsed<string> {
  const t = cleanText(text);
  if (!t) return {};
  const bad = (why: string): Parsed<string> => ({ problem: `${quoted(t)} ${why}; ${DATE_HINT}` });
  const check = (y: number, m: number, d: number, guess?: string): Parsed<string> => {
    if (m < 1 || m > 12) {
      return m > 12 && d <= 12
        ? {
            problem:
              `${quoted(t)} has no month ${m}: it looks written month first, American style, ` +
              `but dates here are read day first; write ${pad(m)}/${pad(d)}/${y} for ${m} ${MONTH_NAMES[d - 1]}, ` +
              `or ${iso(y, d, m)}`,
          }
        : bad(`has no month ${m}`);
    }
    if (d < 1 || d > monthLength(y, m)) return bad(`is not a date: there is no day ${d} in that month`);
    return guess ? { value: iso(y, m, d), guess } : { value: iso(y, m, d) };
  };
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/i.exec(t);
  if (m) return check(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+\d{1,2}:\d\d(?::\d\d)?)?$/.exec(t);
  if (m) return check(m[3].length == 2 ? 2000 + +m[3] : +m[3], +m[2], +m[1]);
  if (serials && /^\d{5}(\.0+)?$/.test(t)) {
    const n = Number(t);
    if (n >= 25569 && n <= 73050) {
      const date = serialDate(n);
      const [y, mo, d] = date.split('-');
      return {
        value: date,
        guess: `${quoted(t)} is a spreadsheet date stored as a number; read as ${d}/${mo}/${y}`,
      };
    }
  }
  // Words: "7 September 2026", "Mon 7th Sept 2026", "September 7, 2026", "7-Sep-2026".
  const words = t
    .toLowerCase()
    .replace(/[,]/g, ' ')
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/-/g, ' ')
    .split(/\s+/)
    .filter((w) => !/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/.test(w) || monthOf(w));
  if (words.length == 3) {
    const [a, b, c] = words;
    const mb = monthOf(b);
    const ma = monthOf(a);
    if (mb && /^\d{1,2}$/.test(a) && /^\d{4}$/.test(c)) return check(+c, mb, +a);
    if (ma && /^\d{1,2}$/.test(b) && /^\d{4}$/.test(c)) return check(+c, ma, +b);
  }
  if (words.length == 2 && (monthOf(words[1]) || monthOf(words[0]))) return bad('has no year');
  return bad('is not a date');
}

export interface DateRange {
  start: string;
  end: string;
}

/**
 * A date or a range of dates: "26/10/2026", "26/10/2026–30/10/2026", "26/10/2026 to 30/10/2026".
 * A range longer than a year is a problem (a typing slip, most likely).
 */
export function parseDateRange(text: string, options?: DateOptions): Parsed<DateRange> {
  const t = cleanText(text);
  if (!t) return {};
  // "26–30/10/2026", "26-30 October 2026": the first day shares the second's month and year.
  const short = /^(\d{1,2})\s*[-–—]\s*(\d{1,2})([/.]\d{1,2}[/.]\d{2,4}|\s+[a-z]+\.?\s+\d{4})$/i.exec(t);
  if (short) return parseDateRange(`${short[1]}${short[3]} – ${short[2]}${short[3]}`, options);
  const parts = t.split(/\s*(?:–|—|\bto\b|\buntil\b|\btill\b|\s-\s)\s*/i);
  const dash = parts.length == 1 && /^(\S+)-(\d{1,2}[/.]\d{1,2}[/.]\d{2,4})$/.exec(t); // 26/10/2026-30/10/2026
  const [a, b] = dash ? [dash[1], dash[2]] : parts;
  if (parts.length > 2) return { problem: `${quoted(t)} is not a date or a range of dates; ${DATE_HINT}` };
  const from = parseDate(a, options);
  if (!from.value) return { problem: from.problem };
  if (b === undefined) return { value: { start: from.value, end: from.value }, guess: from.guess };
  const to = parseDate(b, options);
  if (!to.value) return { problem: to.problem };
  if (to.value < from.value) return { problem: `${quoted(t)} ends before it starts` };
  if (Date.parse(to.value) - Date.parse(from.value) > 366 * 86_400_000) {
    return { problem: `${quoted(t)} is longer than a year; check the dates` };
  }
  return { value: { start: from.value, end: to.value }, guess: from.guess ?? to.guess };
}

/** Every date from `start` to `end`, inclusive, as `YYYY-MM-DD`. */
export function datesBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(start); ms <= Date.parse(end); ms += 86_400_000) {
    out.push(new Date(ms).toISOString().slice(0, 10));
  }
  return out;
}

/** The weekday of an ISO date: 0 = Monday … 6 = Sunday. */
export const weekdayOf = (date: string): number => (new Date(Date.parse(date)).getUTCDay() + 6) % 7;

// ---------------------------------------------------------------------------------------------
// Costs

export interface Cost {
  free?: boolean;
  amount?: number;
  currency?: string;
  note?: string;
}

const CURRENCY: Record<string, string> = { '£': 'GBP', '€': 'EUR', $: 'USD' };

/**
 * A cost from what people write: "Free", "Free (donations welcome)", "£1.50", "£1 per family",
 * "1.50", "50p", "£2.50 per session, siblings £1" (the first amount, and the rest as a note),
 * "Pay what you can" (a note alone). A "Â£" left by a file read in the wrong encoding is read as £.
 */
export function parseCost(text: string): Parsed<Cost> {
  const t = cleanText(text)
    .replace(/Â£/g, '£')
    .replace(/(\d),(\d\d)(?!\d)/g, '$1.$2'); // a decimal comma, as European Excel writes it: 1,50
  if (!t) return {};
  const free = /^(?:(?:free|no charge|nil|none)\b|£?0(?:\.0+)?(?![\d.]))\W*/i.exec(t);
  if (free) {
    const note = t.slice(free[0].length).replace(/^[()\s,;:–-]+|[()\s]+$/g, '');
    return { value: note ? { free: true, note } : { free: true } };
  }
  const money =
    /([£€$])\s?(\d+(?:,\d{3})*(?:\.\d{1,2})?)|\b(\d+(?:\.\d{1,2})?)\s?(p|pence)\b|^(\d+(?:\.\d{1,2})?)(?=\s|$)/i.exec(
      t,
    );
  if (!money) return { value: { note: t } };
  const amount = money[2] ? Number(money[2].replace(/,/g, '')) : money[3] ? Number(money[3]) / 100 : Number(money[5]);
  const currency = money[1] ? CURRENCY[money[1]] : 'GBP';
  const rest = (t.slice(0, money.index) + ' ' + t.slice(money.index + money[0].length))
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:–-]+|[\s,;:–-]+$/g, '')
    .trim();
  const cost: Cost = amount == 0 ? { free: true } : { amount, currency };
  if (rest) cost.note = rest;
  return { value: cost };
}

// ---------------------------------------------------------------------------------------------
// Opening hours

export interface OpeningHours {
  byDay: string[];
  opens: string;
  closes: string;
}

/**
 * Opening hours as people write them: "Mon–Fri 9am–5pm; Sat 10am–1pm", "Monday to Friday,
 * 9:00-17:00", "Weekdays 8am to 8pm, Saturday 9-12", "24 hours", "24/7", "Sun closed". Parts that
 * cannot be read come back in `unread` (for a note beside the hours); a guess about am/pm is in
 * `guess`.
 */
export function parseOpeningHours(text: string): Parsed<{ hours: OpeningHours[]; unread: string[] }> {
  const t = cleanText(text);
  if (!t) return {};
  if (/^(open\s+)?(24\s*(hours|hrs|\/\s*7)|24-7|always open)(,?\s*(7 days|every day)( a week)?)?$/i.test(t)) {
    return { value: { hours: [{ byDay: [...DAYS], opens: '00:00', closes: '24:00' }], unread: [] } };
  }
  // Parts: by semicolons and line breaks, and by commas that come before a day name.
  const parts = t
    .split(/\s*[;\n]\s*|,\s*(?=(?:mon|tue|wed|thu|fri|sat|sun|week)[a-z]*\b)/i)
    .map((p) => p.trim())
    .filter(Boolean);
  const hours: OpeningHours[] = [];
  const unread: string[] = [];
  const guesses: string[] = [];
  for (const part of parts) {
    if (/\bclosed\b/i.test(part)) continue;
    // The time range is the part's last run of digits, am/pm and dashes ("9am–5pm", "9:00 to 17:00").
    const time =
      /((?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|noon|midday)\s*(?:[-–—~]|to|until|till)\s*(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|noon|midday|midnight))\s*$/i.exec(
        part,
      );
    const lead = time
      ? undefined
      : /^((?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?|noon|midday)\s*(?:[-–—~]|to|until|till)\s*(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?|noon|midday|midnight))[,:\s]+(\D+)$/i.exec(
          part,
        );
    const dayText = time ? part.slice(0, time.index).replace(/[,:\s]+$/, '') : (lead?.[2].trim() ?? '');
    // Hours past midnight (10pm–2am) close on the next day, as the feed reads them.
    const range = time ? parseTimeRange(time[1], true) : lead ? parseTimeRange(lead[1], true) : undefined;
    // Hours with no days ("9am–5pm") could mean weekdays or every day: they stay as written.
    const days = dayText ? parseDays(dayText, { allowNth: false }) : {};
    if (!range?.value || !days.value || /\d/.test(dayText)) {
      unread.push(part);
      // Hours that are no night's (09:00–05:00): said with the times, not only as hours not read.
      if (range?.problem?.endsWith(NOT_A_NIGHT)) guesses.push(range.problem);
      continue;
    }
    if (range.guess) guesses.push(range.guess);
    hours.push({ byDay: days.value.byDay, opens: range.value.start, closes: range.value.end });
  }
  return { value: { hours, unread }, guess: guesses.length ? guesses.join('; ') : undefined };
}

// ---------------------------------------------------------------------------------------------
// Ages and stages

/**
 * The feed's stages (pregnancy, 0-12m, 12-24m) that an age range in months overlaps. Ages past 24
 * months overlap none (the feed's stages end at two). `undefined` ends are open.
 */
export function stagesForMonths(
  fromMonths: number | undefined,
  toMonths: number | undefined,
  pregnancy = false,
): ('pregnancy' | '0-12m' | '12-24m')[] {
  const from = fromMonths ?? 0;
  const to = toMonths ?? Infinity;
  const out: ('pregnancy' | '0-12m' | '12-24m')[] = [];
  if (pregnancy) out.push('pregnancy');
  if (from < 12 && to >= 0) out.push('0-12m');
  if (from < 24 && to > 12) out.push('12-24m');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Ids for records from machines

/**
 * A feed id from a source system's own id, the same on every run: slugified ("PB-SWIM-MON" →
 * "pb-swim-mon"; UUIDs and whole numbers stay as they are) and, when longer than `maxLength`,
 * cut and ended with a hash of the whole id, so two long ids that share a beginning (addresses,
 * URNs) never become one. An id with no Latin letters or digits becomes `id-<hash>`.
 */
export function compactId(sourceId: string, maxLength = 64): string {
  const full = slugify(sourceId, Infinity);
  if (!full) return `id-${hashText(sourceId)}`;
  if (full.length <= maxLength) return full;
  const hash = hashText(sourceId);
  return `${slugify(full, maxLength - hash.length - 1)}-${hash}`;
}

/** The id of a `sources` entry: its kind and where it was read from ("oruk-api-example-org-v1-services"). */
export function sourceId(kind: string, nameOrAddress: string): string {
  let where = nameOrAddress.trim();
  try {
    const url = new URL(where);
    where = `${url.host}${url.pathname}`;
  } catch {
    where = where.replace(/^.*[\\/]/, '');
  }
  return compactId(`${kind}-${where}`, 60);
}

/**
 * The `sources` entry for one import: a stable id from the kind and the address or file name,
 * the address (`url`) or file name (`file`), and when it was imported (to the second). `address`
 * is set when the input is an address to fetch rather than a file's content.
 */
export function sourceEntry(
  kind: Source['kind'],
  input: Uint8Array | string,
  options: { name: string; now?: Date },
): { source: Source; address?: string } {
  const address = isAddress(input) ? input.trim() : undefined;
  const source: Source = {
    id: sourceId(kind, address ?? options.name),
    kind,
    name: options.name,
    imported: (options.now ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z'),
  };
  if (address) source.url = address;
  else source.file = options.name;
  return { source, address };
}

// ---------------------------------------------------------------------------------------------
// Addresses, web pages and JSON

/** Is this input an address to fetch (one `http(s)://` address and nothing else), rather than a file's content? */
export const isAddress = (input: Uint8Array | string): input is string =>
  typeof input == 'string' && /^https?:\/\/\S+$/i.test(input.trim());

/** Line and column (1-based) of a character offset, for messages about a text file. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) == 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * Does this text look like a web page rather than data (a login page, an error page, a portal's
 * "page not found")? Its title, if it has one, for the message.
 */
export function htmlPage(text: string, contentType = ''): { title?: string } | undefined {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  const looks =
    /html/i.test(contentType) ||
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    /^<(head|body|meta|title)\b/.test(head);
  if (!looks) return undefined;
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text.slice(0, 20_000))?.[1];
  return { title: title ? htmlToText(title).slice(0, 120) || undefined : undefined };
}

/** A JSON text that could not be read, with where. */
export class JsonError extends Error {
  override name = 'JsonError';
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/**
 * Parses JSON without losing precision: whole numbers beyond 2^53 (OpenActive's RPDE `modified`,
 * some directories' ids) stay exact, as strings of their digits; every other number is a number.
 * A web page instead of JSON, or malformed JSON, throws a `JsonError` whose message says what and
 * where ("It is not valid JSON at line 3, column 14 (…)"), to follow "The file could not be read: ".
 */
export function parseJson(text: string): unknown {
  const page = htmlPage(text);
  if (page) throw new JsonError(`It is a web page${page.title ? ` ("${page.title}")` : ''}, not data`);
  if (!text.trim()) throw new JsonError('It is empty');
  // Only a number of 16 or more digits can pass 2^53; without one, the platform's parser is exact (and fast).
  if (!/[-\d]\d{15}/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // read again below, for a message that says where
    }
  }
  try {
    return parseLossless(text, null, (digits) =>
      isInteger(digits) && !isSafeNumber(digits) ? digits : parseFloat(digits),
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/end of (input|text)/i.test(message)) {
      const { line } = lineAndColumn(text, text.length);
      throw new JsonError(`It is not valid JSON: it stops part way, at line ${line} (it was cut off)`, line);
    }
    const pos = /position (\d+)/.exec(message);
    if (pos) {
      const { line, column } = lineAndColumn(text, Number(pos[1]));
      throw new JsonError(
        `It is not valid JSON at line ${line}, column ${column} (${message.replace(/ at position \d+/, '')})`,
        line,
        column,
      );
    }
    throw new JsonError(`It is not valid JSON (${message})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Fetching

export interface FetchTextOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** What is being read, for messages: "page 3 of the directory". */
  what?: string;
  /** Extra tries after a 429, a 5xx or a network error (default 1), waiting `Retry-After` or `retryDelayMs`. */
  retries?: number;
  /** Wait before a retry when the server does not say (default 1000 ms). */
  retryDelayMs?: number;
  /** Request headers (Accept defaults to JSON). */
  headers?: Record<string, string>;
}

/** A fetched text, or a sentence saying why there is none. `status` 404 and 410 mean "not there". */
export type Fetched =
  { ok: true; text: string; url: string; contentType: string } | { ok: false; reason: string; status?: number };

/**
 * A fetched answer's bytes (for text in a legacy encoding, a spreadsheet saved as Windows-1252), or
 * a sentence saying why there are none; `unreachable` when no answer came at all (offline, or in a
 * browser a server that does not let other sites read it).
 */
export type FetchedBytes =
  | { ok: true; bytes: Uint8Array; url: string; contentType: string }
  | { ok: false; reason: string; status?: number; unreachable?: boolean };

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/**
 * GETs an address as text (UTF-8, as `Response.text()` reads it). Never throws for the server's or
 * the network's faults: a failure is a sentence an editor can act on ("The server at
 * api.example.org answered 500 (Internal Server Error) for page 4 of the directory. Try again
 * later, or ask the publisher."). Retries politely after 429 and 5xx answers and network errors.
 */
export async function fetchText(url: string, options: FetchTextOptions = {}): Promise<Fetched> {
  const got = await fetchBytes(url, options);
  if (!got.ok) {
    const { unreachable: _unreachable, ...failed } = got;
    return failed;
  }
  const { bytes, ...rest } = got;
  return { ...rest, text: new TextDecoder().decode(bytes) };
}

/** `fetchText`, keeping the answer as bytes. */
export async function fetchBytes(url: string, options: FetchTextOptions = {}): Promise<FetchedBytes> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const what = options.what ? ` for ${options.what}` : '';
  const host = hostOf(url);
  let tries = 1 + (options.retries ?? 1);
  for (;;) {
    tries--;
    let response: Response;
    try {
      response = await doFetch(url, {
        signal: options.signal,
        headers: { Accept: 'application/json, application/ld+json;q=0.9, */*;q=0.1', ...options.headers },
      });
    } catch (e) {
      if (options.signal?.aborted) return { ok: false, reason: `The import was stopped while reading ${host}.` };
      if (tries > 0) {
        await sleep(options.retryDelayMs ?? 1000, options.signal).catch(() => {});
        continue;
      }
      const detail = e instanceof Error && e.message ? ` (${e.message})` : '';
      return {
        ok: false,
        unreachable: true,
        reason: `Could not reach ${host}${what}${detail}. Check the address and the connection, then try again.`,
      };
    }
    if (response.ok) {
      const contentType = response.headers.get('content-type') ?? '';
      try {
        return { ok: true, bytes: new Uint8Array(await response.arrayBuffer()), url: response.url || url, contentType };
      } catch (e) {
        const detail = e instanceof Error && e.message ? ` (${e.message})` : '';
        return { ok: false, reason: `The answer from ${host}${what} was cut off${detail}. Try again.` };
      }
    }
    if ((response.status == 429 || response.status >= 500) && tries > 0) {
      const after = Number(response.headers.get('retry-after'));
      const wait = isFinite(after) && after > 0 ? after * 1000 : (options.retryDelayMs ?? 1000);
      await sleep(Math.min(wait, 30_000), options.signal).catch(() => {});
      continue;
    }
    const status = `${response.status}${response.statusText ? ` (${response.statusText})` : ''}`;
    const advice =
      response.status == 401 || response.status == 403
        ? ' The address needs a login or a key; ask the publisher for an open address.'
        : response.status == 404 || response.status == 410
          ? ' Check the address.'
          : response.status == 429
            ? ' The server asks for fewer requests; try again later.'
            : ' Try again later, or ask the publisher.';
    return { ok: false, status: response.status, reason: `The server at ${host} answered ${status}${what}.${advice}` };
  }
}

/**
 * Runs `task` over `items` with at most `limit` running at a time (a polite limit on concurrent
 * requests), keeping the results in order.
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

// ---------------------------------------------------------------------------------------------
// HTML and summaries

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  pound: '£',
  euro: '€',
  copy: '©',
  reg: '®',
  trade: '™',
  bull: '•',
  middot: '·',
};

/** Decodes HTML character references (`&amp;`, `&#163;`, `&#x2019;`); unknown ones stay as written. */
export const decodeEntities = (input: string): string =>
  input.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, ref: string) => {
    if (ref[0] == '#') {
      const code = ref[1] == 'x' || ref[1] == 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });

/** Does this text contain HTML markup (tags or character references)? */
export const hasMarkup = (input: string): boolean => /<\/?[a-z][^>]*>|&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(input);

/**
 * Plain text from HTML, for feeds, which never hold markup: paragraphs and line breaks become new
 * lines, list items "• …", scripts and styles disappear, character references are decoded and
 * runs of spaces collapse. Text without markup comes back trimmed and otherwise unchanged.
 */
export function htmlToText(input: string): string {
  if (!hasMarkup(input)) return input.trim();
  const blocks = /<\/?(p|div|section|article|h[1-6]|ul|ol|table|tr|blockquote|pre|address|header|footer)\b[^>]*>/gi;
  const text = input
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(blocks, '\n\n')
    .replace(/<\/(td|th)>/gi, ' ')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The first sentence of a text (for a summary), at most `max` characters, cut at a word. */
export function firstSentence(text: string, max = 200): string {
  const line = text.split(/\n/)[0].trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(line);
  const s = (m ? m[1] : line).trim();
  if (s.length <= max) return s;
  return `${s.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

// ---------------------------------------------------------------------------------------------
// Placeholders that directories and forms leave in

const PLACEHOLDER_PHONES = new Set(['01234567890', '0123456789', '01234567891', '07123456789', '07000000000']);

/**
 * Why a phone number is a placeholder ("0777 777 7777", "00000 000000", "01234 567890"), or
 * undefined for a real-looking one. Fictional-but-valid Ofcom drama numbers (01632 960xxx) pass.
 */
export function placeholderPhone(number: string): string | undefined {
  const national = number
    .replace(/[^\d+]/g, '')
    .replace(/^\+44|^0044/, '0')
    .replace(/^\+/, '');
  if (/^0?(\d)\1+$/.test(national) || PLACEHOLDER_PHONES.has(national)) {
    return `${quoted(number)} looks like a placeholder, not a real number`;
  }
  return undefined;
}

const PLACEHOLDER_EMAIL =
  /^(email|e-mail|test|none|no|na|n\/a|info|name|user|someone|abc|address|your\.?name|x+)@(email|test|domain|none|abc|address|x+)\.(com|org|net|co\.uk)$/i;

/**
 * Why an email address is a placeholder ("email@email.com", anything at example.com, .org or
 * .net, reserved for examples), or undefined for a real-looking one.
 */
export function placeholderEmail(email: string): string | undefined {
  if (PLACEHOLDER_EMAIL.test(email) || /@(.+\.)?example\.(com|org|net)$/i.test(email)) {
    return `${quoted(email)} looks like a placeholder, not a real address`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Times written by machines

/**
 * A time of day as APIs write it ("10:00", "10:00:00", "09:00:00Z", "09:00+01:00", a whole
 * "2023-03-17T10:42:11.246Z") → `HH:MM`, keeping the hours and minutes as written (UK directories
 * mean the clock on the wall, all year). `seconds` is set when non-zero seconds were dropped and
 * `zone` to the "Z" or offset that was dropped, so the caller can warn. Undefined when it is not a
 * time. For times people type ("10am"), use `parseTime`.
 */
export function wallTime(input: string): { time: string; seconds?: boolean; zone?: string } | undefined {
  const m = /^(?:\d{4}-\d\d-\d\d[T ])?(\d{1,2}):(\d\d)(?::(\d\d)(?:\.\d+)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?$/i.exec(
    input.trim(),
  );
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h == 24 && min > 0)) return undefined;
  return {
    time: `${String(h).padStart(2, '0')}:${m[2]}`,
    seconds: m[3] != null && m[3] != '00' ? true : undefined,
    zone: m[4]?.toUpperCase(),
  };
}

// ---------------------------------------------------------------------------------------------
// Values in JSON from machines (directory APIs, OpenActive)

export type JsonObject = Record<string, unknown>;

/** Is this a JSON object (not null, not an array)? */
export const isObject = (v: unknown): v is JsonObject => !!v && typeof v == 'object' && !Array.isArray(v);
/** The objects in a list (anything else in it is ignored); a single object counts as a list of one. */
export const objectsOf = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.filter(isObject) : isObject(v) ? [v] : []);
/** A value as trimmed text: strings and numbers; null, "", "null" and objects are nothing. */
export const textOf = (v: unknown): string | undefined => {
  if (typeof v == 'number' && isFinite(v)) return String(v);
  if (typeof v != 'string') return undefined;
  const s = v.trim();
  return s && s.toLowerCase() != 'null' ? s : undefined;
};
/** A value as plain text, with any HTML turned into text. */
export const plainTextOf = (v: unknown): string | undefined => {
  const s = textOf(v);
  return s ? htmlToText(s) || undefined : undefined;
};
/** A number, or a string of one. */
export const numberOf = (v: unknown): number | undefined => {
  const n = typeof v == 'number' ? v : typeof v == 'string' && v.trim() ? Number(v) : NaN;
  return isFinite(n) ? n : undefined;
};
/** Ends a text with a full stop unless it already ends with punctuation. */
export const asSentence = (t: string): string => (/[.!?…:;)]$/.test(t) ? t : `${t}.`);

/**
 * An email address from a machine source: `parseEmail`, with placeholders ("email@email.com",
 * example.com) refused as a `problem`.
 */
export function sourceEmail(text: string): Parsed<string> {
  const p = parseEmail(text);
  if (!p.value) return p;
  const placeholder = placeholderEmail(p.value);
  return placeholder ? { problem: placeholder } : p;
}

/**
 * A phone number from a machine source: literal quotes removed (`"\"+44 1234 234567\""`), words
 * and an extension kept as the note (`parsePhoneWithNote`), placeholders ("0777 777 7777")
 * refused as a `problem`, and UK numbers grouped as people read them (01632960101 → 01632 960101).
 */
export function sourcePhone(text: string): Parsed<{ number: string; note?: string }> {
  const p = parsePhoneWithNote(text.replace(/^["'“”]+|["'“”]+$/g, ''));
  if (!p.value) return p;
  const placeholder = placeholderPhone(p.value.number);
  if (placeholder) return { problem: placeholder };
  const display = formatPhone(p.value.number).display;
  return { ...p, value: { ...p.value, number: PHONE_RE.test(display) ? display : p.value.number } };
}

/** Roughly the UK and its islands. */
const inUk = (lat: number, lng: number) => lat >= 49 && lat <= 61.1 && lng >= -8.7 && lng <= 2;

/**
 * Coordinates for a UK place, or why they are left out: not on Earth (the HSDS example's latitude
 * 100, longitude 101), 0, 0 (a blank filled with zeros), or outside the UK.
 */
export function ukGeo(latitude: unknown, longitude: unknown): Parsed<{ lat: number; lng: number }> {
  const lat = numberOf(latitude);
  const lng = numberOf(longitude);
  if (lat == null || lng == null || (lat == 0 && lng == 0)) return {};
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    return { problem: `the coordinates ${lat}, ${lng} are not on Earth (latitude ${lat})` };
  }
  if (!inUk(lat, lng)) return { problem: `the coordinates ${lat}, ${lng} are outside the UK` };
  return { value: { lat, lng } };
}

const UK_COUNTRIES = /^(gb|gbr|uk|united kingdom|great britain|england|wales|scotland|northern ireland|cymru)$/i;
/** "GB" for the ways sources write the UK (GB, UK, United Kingdom, England, Wales…), or why not. */
export function ukCountry(text: unknown): Parsed<'GB'> {
  const t = textOf(text);
  if (!t) return {};
  return UK_COUNTRIES.test(t) ? { value: 'GB' } : { problem: `the country ${quoted(t)} is not the UK` };
}
