/**
 * The feed's shape: the one source of truth for its TypeScript types (`types.ts`), its runtime
 * validation (`validate.ts`) and the published JSON Schema (`schema/feed.schema.json`, generated
 * by `npm run schema`). Names follow schema.org Event/Schedule as OpenActive uses them for
 * sessions, and Open Referral UK (HSDS 3.0) concepts for services. See `docs/feed.md`.
 */
import { arr, bool, doc, ID_RE, LANG_RE, lax, link, list, num, obj, oneOf, opt, ref, str, text } from './shape.js';
import {
  AUDIENCES,
  BANK_HOLIDAY_DIVISIONS,
  DAYS,
  FACILITIES,
  KINDS,
  REFERRERS,
  SOURCE_KINDS,
  STAGES,
  STATUSES,
  TERM_TYPES,
  URGENCIES,
} from './vocabulary.js';

export {
  AUDIENCES,
  BANK_HOLIDAY_DIVISIONS,
  DAYS,
  FACILITIES,
  KINDS,
  REFERRERS,
  SOURCE_KINDS,
  STAGES,
  STATUSES,
  TERM_TYPES,
  URGENCIES,
};
export type { Day } from './vocabulary.js';

// ---------------------------------------------------------------------------------------------
// Values

const isDate = (v: string) => {
  const y = +v.slice(0, 4);
  const m = +v.slice(5, 7);
  const d = +v.slice(8, 10);
  const leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
  return m >= 1 && m <= 12 && d >= 1 && d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
};
const zones = new Set<string>();
const isZone = (v: string) => {
  if (zones.has(v)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: v });
    zones.add(v);
    return true;
  } catch {
    return false;
  }
};

export const id = (d = doc('A unique id: lower-case letters, digits and hyphens.')) =>
  str({ re: ID_RE, what: 'an id', hint: 'use lower-case letters, digits and hyphens, like "bob-jones-hub"', d });
export const date = (d?: string) =>
  str({
    re: /^\d{4}-\d\d-\d\d$/,
    ok: isDate,
    what: 'a date',
    hint: 'write it as YYYY-MM-DD, like 2026-09-07',
    format: 'date',
    d,
  });
export const time = (d?: string) =>
  str({
    re: /^([01]\d|2[0-3]):[0-5]\d$/,
    what: 'a time',
    hint: 'write it as HH:MM on the 24-hour clock, like 09:30',
    d,
  });
/** A closing time may be 24:00 (open until midnight). */
const closingTime = str({
  re: /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/,
  what: 'a time',
  hint: 'write it as HH:MM on the 24-hour clock, like 17:00 (24:00 for midnight)',
});
const dateTime = str({
  re: /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/,
  what: 'a date and time',
  hint: 'write it as 2026-11-20T09:00:00Z',
  format: 'date-time',
});
const zone = str({ ok: isZone, what: 'a time zone', hint: 'use an IANA name like Europe/London' });
const lang = str({ re: LANG_RE, what: 'a language code', hint: 'use codes like en, cy, ur or pa-Guru' });
const email = str({ re: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, what: 'an email address', format: 'email' });
const phone = str({
  re: /^\+?[0-9][0-9 ()-]{1,22}$/,
  what: 'a phone number',
  hint: 'write digits, spaces and an optional leading +, like 01902 551199',
});
const duration = str({
  re: /^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?)?$/,
  what: 'a duration',
  hint: 'write it in ISO 8601, like PT1H30M for an hour and a half or P7D for a week',
});
/** One weekday, or for monthly and yearly series an nth weekday: 1MO is the first Monday, -1FR the last Friday. */
const day = str({
  re: /^(-1|[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/,
  what: 'a day',
  hint: 'use MO, TU, WE, TH, FR, SA or SU (in a monthly series, 1MO is the first Monday and -1MO the last)',
});
const plainDay = oneOf(DAYS, 'a day');

const audience = arr(lax(oneOf(AUDIENCES, 'an audience')), 0, doc('Who it is for.'));
const cost = obj({
  free: opt(bool()),
  amount: opt(num({ min: 0 })),
  currency: opt(str({ re: /^[A-Z]{3}$/, what: 'a currency code', hint: 'use a code like GBP' }), 'GBP'),
  note: opt(text()),
});

// ---------------------------------------------------------------------------------------------
// Where imported items came from

export const sourceSchema = obj(
  {
    id: id(),
    kind: oneOf(SOURCE_KINDS, 'a kind of source'),
    name: opt(text(doc('The source as people know it, like "Anytown Leisure timetable".'))),
    url: opt(link(doc('The address it was read from.'))),
    file: opt(str({ d: doc('The name of the file it was read from.') })),
    imported: opt(dateTime),
    licence: opt(link(doc('The licence of its data, like https://creativecommons.org/licenses/by/4.0/.'))),
    attribution: opt(
      text(doc('The credit its licence asks for, shown wherever its items appear, like "Data from Anytown Leisure".')),
    ),
  },
  undefined,
  doc('A source of imported items. Importing it again updates and removes its items, never hand-written ones.'),
);

/** On an imported item: which source, and its id there. Items without it were written by hand. */
const itemSource = obj(
  {
    ref: ref('sources', doc('The id of the entry in sources.')),
    id: opt(str({ d: doc("The item's id in the source: a row, a UID, an Open Referral or OpenActive id.") })),
    modified: opt(str({ d: doc('When the source last changed the item, as the source writes it.') })),
  },
  undefined,
  doc('Where an imported item came from. Items without it were written by hand, and imports keep them.'),
);
const source = opt(lax(itemSource));

// ---------------------------------------------------------------------------------------------
// School terms and bank holidays, held once and used by every session that names them

export const termSchema = obj(
  {
    type: oneOf(TERM_TYPES, 'a kind of term date'),
    start: date(doc('The first day.')),
    end: date(doc('The last day (inclusive).')),
    name: opt(text(doc('Like "Autumn term" or "October half term".'))),
    academicYear: opt(str({ d: doc('Like "2026-27".') })),
    note: opt(text()),
  },
  (t, report) => {
    if (t.end < t.start) report('end', `${t.end} is before the start ${t.start}`);
  },
  doc(
    'A term, or a half term or holiday within or between terms. Term time is every day inside a term and ' +
      'outside every half term and holiday.',
  ),
);

export const termDatesSchema = obj(
  {
    area: opt(text(doc('Whose term dates these are, like "Anytown maintained schools".'))),
    terms: arr(termSchema, 1),
    source,
  },
  undefined,
  doc('School term dates, for sessions that run in term time only (schedule.termTimeOnly).'),
);

export const bankHolidaysSchema = obj(
  {
    division: opt(oneOf(BANK_HOLIDAY_DIVISIONS, 'a bank-holiday division'), 'england-and-wales'),
    dates: arr(obj({ date: date(), name: opt(text()) })),
    until: opt(
      date(doc('The last date the list is known to cover (default: 31 December of the year of its last date).')),
    ),
    source,
  },
  undefined,
  doc('Bank holidays (GOV.UK), for sessions that do not run on them (schedule.notOnBankHolidays).'),
);

// ---------------------------------------------------------------------------------------------
// Places and organisations

export const placeSchema = obj(
  {
    id: id(),
    name: text(doc('The place as people know it.')),
    address: opt(
      obj({
        street: opt(str()),
        locality: opt(str()),
        region: opt(str()),
        postcode: opt(str()),
        country: opt(str()),
      }),
    ),
    geo: opt(obj({ lat: num({ min: -90, max: 90 }), lng: num({ min: -180, max: 180 }) })),
    facilities: opt(arr(lax(oneOf(FACILITIES, 'a known facility')))),
    directions: opt(text(doc('How to find it: the entrance, parking, buses.'))),
    url: opt(link()),
    source,
  },
  undefined,
  doc('A place where sessions happen, written once and referred to by id.'),
);

export const organisationSchema = obj({
  id: id(),
  name: text(),
  url: opt(link()),
  email: opt(email),
  phone: opt(phone),
  source,
});

// ---------------------------------------------------------------------------------------------
// Sessions

export const scheduleSchema = obj(
  {
    startDate: date(doc('The first date (for a one-off session, its only date).')),
    endDate: opt(date(doc('The last date the series may run.'))),
    startTime: opt(time(doc('Wall-clock start in the schedule time zone; leave out for all-day events.'))),
    endTime: opt(time()),
    duration: opt(duration),
    repeatFrequency: opt(
      str({
        re: /^P([1-9]\d?)[DWMY]$/,
        what: 'a repeat frequency',
        hint: 'use P1W for weekly, P2W for every other week, P1M for monthly or P1Y for yearly',
      }),
    ),
    byDay: opt(arr(day)),
    byMonth: opt(arr(num({ min: 1, max: 12, int: true }))),
    byMonthDay: opt(arr(num({ min: -1, max: 31, int: true }))),
    repeatCount: opt(num({ min: 1, int: true })),
    exceptDate: opt(arr(date(), 0, doc('Dates when the series does not run (holidays).'))),
    termTimeOnly: opt(
      bool(
        doc(
          "Runs in school term time only: not in half terms and holidays (the feed's termDates), and not " +
            'after the last known term until its dates are added.',
        ),
      ),
    ),
    notOnBankHolidays: opt(bool(doc("Does not run on bank holidays (the feed's bankHolidays)."))),
    scheduleTimezone: opt(zone),
    note: opt(text(doc('A note on the pattern, like "Term time only".'))),
  },
  (s, report) => {
    if (s.endDate && s.endDate < s.startDate) report('endDate', `${s.endDate} is before the startDate ${s.startDate}`);
    if (s.endTime && s.duration) report('duration', 'give endTime or duration, not both');
    if (s.endTime && s.startTime && s.endTime <= s.startTime) {
      report('endTime', `${s.endTime} is not after the startTime ${s.startTime}`);
    }
    if (s.endTime && !s.startTime) report('endTime', 'needs a startTime too');
    const unit = s.repeatFrequency?.slice(-1);
    if (!unit && (s.byDay || s.byMonth || s.byMonthDay || s.repeatCount)) {
      report('repeatFrequency', 'is missing; a repeating pattern needs one, like P1W for weekly');
    }
    if (unit == 'Y' && (s.byDay || s.byMonthDay) && !s.byMonth) {
      report('byMonth', 'is missing; a yearly series with byDay or byMonthDay needs byMonth, like [6] for June');
    }
    s.byDay?.forEach((d, i) => {
      if (d.length > 2 && unit != 'M' && unit != 'Y') {
        report(
          `byDay[${i}]`,
          `${JSON.stringify(d)} names an nth weekday, which only a monthly (P1M) or yearly (P1Y) series can use`,
        );
      }
    });
  },
  doc('When a session happens: a one-off date or a repeating pattern (schema.org Schedule).'),
);

export const occurrenceSchema = obj({
  date: date(doc('The date of the occurrence this entry is about.')),
  status: opt(oneOf(STATUSES, 'a status'), 'scheduled'),
  note: opt(text(doc('Why, in a few words: "Half term", "Moved to the library".'))),
  startTime: opt(time()),
  endTime: opt(time()),
  place: opt(lax(ref('places'))),
});

export const sessionSchema = obj(
  {
    id: id(),
    name: text(),
    description: opt(text()),
    category: opt(id(doc('A category id shared by similar sessions, like "baby-massage".'))),
    audience: opt(audience),
    ageRange: opt(
      obj({
        pregnancy: opt(bool()),
        fromMonths: opt(num({ min: 0, max: 60 })),
        toMonths: opt(num({ min: 0, max: 60 })),
      }),
    ),
    place: opt(lax(ref('places'))),
    online: opt(obj({ url: opt(link()), note: opt(text()) }, undefined, doc('Set for a session held online.'))),
    organiser: opt(lax(ref('organisations'))),
    schedule: scheduleSchema,
    occurrences: opt(arr(occurrenceSchema, 0, doc('Per-date changes and cancellations, and extra dates.'))),
    cost: opt(cost),
    booking: opt(
      obj({
        required: opt(bool(), false),
        url: opt(link()),
        phone: opt(phone),
        email: opt(email),
        note: opt(text()),
      }),
    ),
    languages: opt(arr(lax(lang))),
    url: opt(link()),
    source,
  },
  undefined,
  doc('A session for parents and babies, one-off or repeating.'),
);

// ---------------------------------------------------------------------------------------------
// Services

export const hoursSchema = obj({ byDay: arr(plainDay, 1), opens: time(), closes: closingTime }, (h, report) => {
  if (h.closes <= h.opens) report('closes', `${h.closes} is not after opening time ${h.opens}`);
});

export const serviceSchema = obj(
  {
    id: id(),
    name: text(),
    kind: opt(oneOf(KINDS, 'a kind of service'), 'service'),
    urgency: opt(oneOf(URGENCIES, 'an urgency'), 'routine'),
    summary: opt(text()),
    description: opt(text()),
    audience: opt(audience),
    stages: opt(arr(lax(oneOf(STAGES, 'a stage')))),
    organisation: opt(lax(ref('organisations'))),
    place: opt(lax(ref('places'))),
    contact: opt(
      obj({
        url: opt(link()),
        email: opt(email),
        phones: opt(
          arr(
            obj({
              number: phone,
              kind: opt(oneOf(['voice', 'text', 'textphone'] as const, 'a kind of phone'), 'voice'),
              note: opt(text()),
            }),
          ),
        ),
      }),
    ),
    apps: opt(obj({ ios: opt(link()), android: opt(link()) })),
    eligibility: opt(text()),
    referral: opt(
      obj({
        self: opt(bool()),
        by: opt(arr(lax(oneOf(REFERRERS, 'a referrer')))),
        how: opt(text()),
      }),
    ),
    hours: opt(arr(hoursSchema)),
    hoursNote: opt(text()),
    languages: opt(arr(lax(lang))),
    cost: opt(cost),
    area: opt(text(doc('The area served.'))),
    reviewed: opt(date(doc('When the information was last checked.'))),
    source,
  },
  undefined,
  doc('A support service or resource (Open Referral UK concepts).'),
);

// ---------------------------------------------------------------------------------------------
// Timeline

/** A point in the 1001 days, relative to birth: negative weeks are pregnancy. */
const point = obj(
  {
    week: opt(num({ min: -42, max: 160, int: true })),
    month: opt(num({ min: 0, max: 36, int: true })),
    day: opt(num({ min: -300, max: 1100, int: true })),
  },
  (p, report) => {
    const n = Number(p.week != null) + Number(p.month != null) + Number(p.day != null);
    if (n != 1) report('', 'give exactly one of week, month or day (weeks before birth are negative)');
  },
);

export const stageSchema = obj({
  id: id(),
  from: point,
  to: point,
  title: text(),
  summary: opt(text()),
  messages: opt(arr(text())),
  checks: opt(arr(obj({ name: text(), at: opt(point), note: opt(text()) }))),
  ifWorried: opt(text()),
  services: opt(arr(lax(ref('services')))),
  sessionCategories: opt(arr(id())),
});

// ---------------------------------------------------------------------------------------------
// The feed

export const feedSchema = obj(
  {
    version: num({ min: 1, d: doc('The major version of this format the file follows: 1.') }),
    publisher: opt(lax(obj({ name: text(), url: opt(link()), email: opt(email), phone: opt(phone) }))),
    updated: opt(lax(dateTime)),
    language: opt(lax(lang), 'en-GB'),
    timeZone: opt(lax(zone), 'Europe/London'),
    places: opt(lax(list(placeSchema))),
    organisations: opt(lax(list(organisationSchema))),
    sessions: opt(lax(list(sessionSchema))),
    services: opt(lax(list(serviceSchema))),
    termDates: opt(lax(termDatesSchema)),
    bankHolidays: opt(lax(bankHolidaysSchema)),
    sources: opt(lax(list(sourceSchema))),
    timeline: opt(
      lax(
        obj({
          mode: opt(oneOf(['extend', 'replace'] as const, 'a timeline mode'), 'extend'),
          stages: list(stageSchema),
        }),
      ),
    ),
  },
  undefined,
  doc('An imh-widgets feed: sessions, support services and the first 1001 days timeline.'),
);
