/**
 * Sessions and when they happen. Part of the one schema (`../schema.ts`).
 */
import { hasDates } from '../../schedule/recur.js';
import { arr, bool, doc, lax, link, list, num, obj, oneOf, opt, ref, str, text } from '../shape.js';
import { audience, cost, date, email, id, lang, phone, source, time, zone } from './values.js';

// A session's own values and vocabulary: here, not in `values.ts` and `vocabulary.ts`, which the
// support elements' schemas share, so a page without a session list does not download them.
export const STATUSES = ['scheduled', 'cancelled', 'changed'] as const;
export const duration = str({ re: /^P(?!$)(\d{1,4}D)?(T(?=\d)(\d{1,4}H)?(\d{1,5}M)?)?$/, what: 'a duration' });
/** One weekday, or for monthly and yearly series an nth weekday: 1MO is the first Monday, -1FR the last Friday. */
export const day = str({ re: /^(-1|[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/, what: 'a day' });

export const scheduleSchema = obj(
  {
    startDate: date(doc('The first date (for a one-off session, its only date).')),
    endDate: opt(date(doc('The last date the series may run.'))),
    startTime: opt(time(doc('Wall-clock start in the schedule time zone; leave out for all-day events.'))),
    endTime: opt(time()),
    duration: opt(duration),
    repeatFrequency: opt(str({ re: /^P([1-9]\d?)[DWMY]$/, what: 'a repeat frequency' })),
    byDay: opt(arr(day, 1)),
    byMonth: opt(arr(num({ min: 1, max: 12, int: true }), 1)),
    byMonthDay: opt(
      arr(
        num({ min: -1, max: 31, int: true, nonzero: true }),
        1,
        doc('Days of the month: 1 to 31, or -1 for the last day.'),
      ),
    ),
    repeatCount: opt(num({ min: 1, max: 10_000, int: true })),
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
    if (s.endDate && s.endDate < s.startDate) report('endDate', 'schedule.endDate');
    if (s.endTime && s.duration) report('duration', 'schedule.duration');
    if (s.endTime && s.startTime && s.endTime <= s.startTime) report('endTime', 'schedule.endTime');
    if (s.endTime && !s.startTime) report('endTime', 'schedule.endTime-alone');
    const unit = s.repeatFrequency?.slice(-1);
    if (!unit && (s.byDay || s.byMonth || s.byMonthDay || s.repeatCount)) {
      report('repeatFrequency', 'schedule.repeatFrequency');
    }
    if (unit == 'Y' && (s.byDay || s.byMonthDay) && !s.byMonth) report('byMonth', 'schedule.byMonth');
    if (unit == 'W' && s.byMonthDay) report('byMonthDay', 'schedule.byMonthDay-weekly');
    s.byDay?.forEach((d, i) => {
      if (d.length > 2 && unit != 'M' && unit != 'Y') report(`byDay[${i}]`, 'schedule.byDay-nth');
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
    // A range that ends before it starts ("12 to 0 months") is ignored, with a warning: no age filter
    // would ever find the session, and it would show as written.
    ageRange: opt(
      lax(
        obj(
          {
            pregnancy: opt(bool()),
            fromMonths: opt(num({ min: 0, max: 60 })),
            toMonths: opt(num({ min: 0, max: 60 })),
          },
          (a, report) => {
            if (a.toMonths! < a.fromMonths!) report('toMonths', 'ageRange.order');
          },
        ),
      ),
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
  (s, report) => {
    // A pattern that never gives a date (byMonthDay 31 in February, every date excepted) would
    // leave the session out of every list without a word: say so.
    // Which of the two it is is worked out here, so the editor's report needs no schedule engine.
    if (!hasDates(s.schedule) && !s.occurrences?.some((o) => o.status != 'cancelled')) {
      const excepted = s.schedule.exceptDate && hasDates({ ...s.schedule, exceptDate: undefined });
      report('schedule', excepted ? 'session.no-dates-excepted' : 'session.no-dates');
    }
  },
  doc('A session for parents and babies, one-off or repeating.'),
);

export const sessionsField = opt(lax(list(sessionSchema)));
