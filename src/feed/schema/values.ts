/**
 * The feed's values (ids, dates, times, phones, emails…) and the `source` field every imported item
 * carries, shared by the schemas of its lists. Part of the one schema (`../schema.ts`).
 */
import { arr, bool, doc, EMAIL_RE, ID_RE, LANG_RE, lax, num, obj, oneOf, opt, ref, str, text } from '../shape.js';
import { AUDIENCES, DAYS } from '../vocabulary.js';

/** The years a feed's dates may fall in: wider than any real feed needs, narrow enough to bound every date sum. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

/** A real calendar date (not 2026-02-30) in the years a feed may use. */
const isDate = (v: string) => {
  const y = +v.slice(0, 4);
  const m = +v.slice(5, 7);
  const d = +v.slice(8, 10);
  const leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1])) {
    return false;
  }
  return (y >= FIRST_YEAR && y <= LAST_YEAR) || 'date.range';
};
const zones = new Set<string>();
/**
 * An IANA name ("Europe/London", "UTC"), never an offset: a browser's Intl may accept "+01:00", which
 * Node refuses and a calendar file cannot name (TZID=+01:00 breaks the line). The feed's check, the
 * importers and the command line's `--time-zone` all ask this.
 */
export const isTimeZone = (v: string): boolean => {
  if (zones.has(v)) return true;
  if (!/^[a-z]/i.test(v)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: v });
    zones.add(v);
    return true;
  } catch {
    return false;
  }
};

// Each value's `what` names it in messages; how to write it (its hint) is in `explain.ts`, which
// only the editor's report loads.
export const id = (d = doc('A unique id: lower-case letters, digits and hyphens.')) =>
  str({ re: ID_RE, what: 'an id', max: 100, d });
export const date = (d?: string) =>
  str({ re: /^\d{4}-\d\d-\d\d$/, ok: isDate, schemaRe: /^20\d\d-\d\d-\d\d$/, what: 'a date', format: 'date', d });
export const time = (d?: string) => str({ re: /^([01]\d|2[0-3]):[0-5]\d$/, what: 'a time', d });
/** A closing time may be 24:00 (open until midnight). */
export const closingTime = str({ re: /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, what: 'a closing time' });
export const dateTime = str({
  re: /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/,
  what: 'a date and time',
});
export const zone = str({ ok: isTimeZone, what: 'a time zone', max: 64 });
export const lang = str({ re: LANG_RE, what: 'a language code', max: 35 });
/** At most 254 characters (RFC 5321), and nothing a mailto: link would read as more than the address. */
export const email = str({ re: EMAIL_RE, what: 'an email address', max: 254 });
export const phone = str({ re: /^\+?[0-9][0-9 ()-]{1,22}$/, what: 'a phone number' });
export const plainDay = oneOf(DAYS, 'a day');

export const audience = arr(lax(oneOf(AUDIENCES, 'an audience')), 0, doc('Who it is for.'));
export const cost = obj({
  free: opt(bool()),
  amount: opt(num({ min: 0 })),
  currency: opt(str({ re: /^[A-Z]{3}$/, what: 'a currency code' }), 'GBP'),
  note: opt(text()),
});

/** On an imported item: which source, and its id there. Items without it were written by hand. */
export const itemSource = obj(
  {
    ref: ref('sources', doc('The id of the entry in sources.')),
    id: opt(str({ d: doc("The item's id in the source: a row, a UID, an Open Referral or OpenActive id.") })),
    modified: opt(str({ d: doc('When the source last changed the item, as the source writes it.') })),
  },
  undefined,
  doc('Where an imported item came from. Items without it were written by hand, and imports keep them.'),
);
/** The `source` field of every kind of item. */
export const source = opt(lax(itemSource));
