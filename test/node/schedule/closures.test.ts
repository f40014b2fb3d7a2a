// School terms and bank holidays held once in the feed, applied by the schedule engine: closed
// dates left out, nothing invented after the last known term, and the .ics export agreeing with
// ical.js's own expansion.
process.env.TZ = 'Pacific/Auckland'; // far from London: nothing may read the machine's own zone
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { validateFeed, type Feed, type Session } from '../../../src/feed/index.js';
import { parseDay, formatDay } from '../../../src/schedule/civil.js';
import { openDates, scheduleLimits, unconfirmedDates } from '../../../src/schedule/closures.js';
import { rrule, seriesIcs } from '../../../src/schedule/ics.js';
import { upcomingOccurrences } from '../../../src/schedule/occurrences.js';
import { BANK_HOLIDAYS, TERMS } from '../../fixtures/terms.js';

const MONDAY_CLASS = {
  id: 'rhyme-time',
  name: 'Rhyme Time',
  schedule: {
    repeatFrequency: 'P1W',
    byDay: ['MO'],
    startTime: '10:00',
    endTime: '11:00',
    startDate: '2026-09-07',
    termTimeOnly: true,
    notOnBankHolidays: true,
  },
};

/** The feed's calendars, as the elements pass them. */
const cal = (f: Feed) => ({ termDates: f.termDates, bankHolidays: f.bankHolidays });
/** A feed through the validator, as the elements get it. */
const feedOf = (sessions: object[], extra: object = { termDates: TERMS, bankHolidays: BANK_HOLIDAYS }) =>
  validateFeed({ version: 1, sessions, ...extra });
/** Our occurrences in the same form as icalStarts(). */
const ourStarts = (f: Feed, now: Date) =>
  upcomingOccurrences(f.sessions!, { now, days: 800, timeZone: f.timeZone, ...cal(f) }).map((o) =>
    o.startTime ? `${o.date}T${o.startTime}:00 ${o.start.toISOString()}` : o.date,
  );
const with_ = (schedule: object) => ({ ...MONDAY_CLASS, schedule: { ...MONDAY_CLASS.schedule, ...schedule } });
const first = (f: Feed) => f.sessions![0] as Session;
const dates = (f: Feed, from: string, to: string) =>
  openDates(first(f).schedule, f, parseDay(from), parseDay(to)).map(formatDay);

describe('term time and bank holidays in the schedule engine', () => {
  const { feed } = feedOf([MONDAY_CLASS]);

  test('a weekly term-time session skips half terms, Christmas, Easter and bank holidays in term', () => {
    const all = dates(feed, '2026-09-01', '2027-09-30');
    for (const closed of [
      '2026-10-26', // October half term
      '2026-12-21', // Christmas holiday (outside every term)
      '2026-12-28',
      '2027-02-15', // February half term
      '2027-03-29', // Easter Monday, in the Easter holiday
      '2027-04-05',
      '2027-05-03', // Early May bank holiday, in the summer term
      '2027-05-31', // May half term and Spring bank holiday
    ])
      assert.ok(!all.includes(closed), `${closed} should be closed`);
    for (const open of ['2026-09-07', '2026-10-19', '2026-11-02', '2026-12-14', '2027-01-04', '2027-03-22'])
      assert.ok(all.includes(open), `${open} should be open`);
    assert.equal(all[0], '2026-09-07');
    // Nothing after the last known term: no invented dates in the summer or the next school year.
    assert.equal(all.at(-1), '2027-07-19');
    assert.equal(all.length, 14 + 11 + 13); // autumn, spring and summer terms' Mondays
  });

  test('only the flags a schedule sets apply', () => {
    const termOnly = feedOf([with_({ notOnBankHolidays: false })]).feed;
    assert.ok(dates(termOnly, '2027-05-01', '2027-05-10').includes('2027-05-03'), 'a bank holiday in term');
    const bankOnly = feedOf([with_({ termTimeOnly: false })]).feed;
    const d = dates(bankOnly, '2026-10-19', '2027-01-11');
    assert.ok(d.includes('2026-10-26') && d.includes('2026-12-21'), 'holidays run');
    assert.ok(!d.includes('2026-12-28'), 'Boxing Day (substitute) does not');
    // Bank holidays are known to the end of 2027 (the year of the last date), not beyond.
    assert.equal(dates(bankOnly, '2027-12-01', '2028-02-01').at(-1), '2027-12-20');
    assert.deepEqual(dates(bankOnly, '2028-01-01', '2028-02-01'), []);
  });

  test('a bank-holiday list says how far it goes with until', () => {
    const { feed: f } = feedOf([with_({ termTimeOnly: false })], {
      bankHolidays: { ...BANK_HOLIDAYS, until: '2027-06-30' },
    });
    assert.equal(dates(f, '2027-06-01', '2027-08-01').at(-1), '2027-06-28');
  });

  test('term dates that list only the breaks: term time is every day between them outside the breaks', () => {
    const breaks = {
      terms: TERMS.terms
        .filter((t) => t.type != 'term')
        .concat([
          {
            type: 'holiday',
            start: '2026-12-19',
            end: '2027-01-03',
            name: 'Christmas holiday',
            academicYear: '2026-27',
          },
        ]),
    };
    const { feed: f } = feedOf([with_({ notOnBankHolidays: false })], { termDates: breaks });
    assert.deepEqual(dates(f, '2026-10-19', '2027-01-11'), [
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
      '2026-12-07',
      '2026-12-14',
      '2027-01-04',
      '2027-01-11',
    ]);
    // After the last break listed, nothing is known.
    assert.equal(dates(f, '2027-01-01', '2027-12-31').at(-1), '2027-05-24');
  });

  test('a term-time series with no term dates has no known dates, and the validator says what to add', () => {
    const { feed: f, issues } = feedOf([MONDAY_CLASS, { ...MONDAY_CLASS, id: 'stay-and-play' }], {});
    assert.deepEqual(dates(f, '2026-09-01', '2027-09-01'), []);
    assert.equal(scheduleLimits(first(f).schedule, f).knownUntil, -Infinity);
    const term = issues.find((i) => i.path == 'sessions[0].schedule.termTimeOnly');
    assert.ok(term, JSON.stringify(issues));
    assert.equal(term.severity, 'warning');
    assert.match(term.message, /term time only \(as does 1 more session\), but the feed has no termDates/);
    assert.match(term.message, /Add your school term dates to the feed as termDates/);
    const bank = issues.find((i) => i.path == 'sessions[0].schedule.notOnBankHolidays');
    assert.match(bank!.message, /import https:\/\/www\.gov\.uk\/bank-holidays\.json/);
    assert.equal(feedOf([MONDAY_CLASS]).issues.length, 0, 'no warning when the calendars are there');
  });

  test('explicit dates in occurrences win over the calendars', () => {
    const { feed: f } = feedOf([
      { ...MONDAY_CLASS, occurrences: [{ date: '2026-10-28', status: 'scheduled', note: 'Half-term special' }] },
    ]);
    const got = upcomingOccurrences(f.sessions!, {
      now: new Date('2026-10-24T12:00:00Z'),
      days: 14,
      timeZone: 'Europe/London',
      ...cal(f),
    }).map((o) => o.date);
    assert.deepEqual(got, ['2026-10-28', '2026-11-02']);
  });
});

describe('upcoming occurrences and the "not yet confirmed" state', () => {
  const { feed } = feedOf([MONDAY_CLASS]);
  const upcoming = (now: string, days = 28, f: Feed = feed) =>
    upcomingOccurrences(f.sessions!, { now: new Date(now), days, timeZone: f.timeZone, ...cal(f) });

  test('10:00 London time on both sides of both clock changes, with the half term and Easter left out', () => {
    const autumn = upcoming('2026-10-17T12:00:00Z', 21).map((o) => `${o.date} ${o.start.toISOString()}`);
    assert.deepEqual(autumn, [
      '2026-10-19 2026-10-19T09:00:00.000Z', // BST
      // 26 October: the first Monday after the clock change is half term
      '2026-11-02 2026-11-02T10:00:00.000Z', // GMT
    ]);
    const spring = upcoming('2027-03-20T12:00:00Z', 28).map((o) => `${o.date} ${o.start.toISOString()}`);
    assert.deepEqual(spring, [
      '2027-03-22 2027-03-22T10:00:00.000Z', // GMT; the clocks go forward on Easter Sunday, 28 March
      '2027-04-12 2027-04-12T09:00:00.000Z', // BST, after the Easter holiday
    ]);
  });

  test('after the last known term: no dates, and a state saying which date is the last known', () => {
    const now = new Date('2027-07-12T08:00:00Z');
    const options = { now, days: 28, timeZone: 'Europe/London', ...cal(feed) };
    assert.deepEqual(
      upcomingOccurrences(feed.sessions!, options).map((o) => o.date),
      ['2027-07-12', '2027-07-19'],
    );
    const u = unconfirmedDates(first(feed), options);
    assert.deepEqual(u && { reason: u.reason, knownUntil: u.knownUntil, from: u.from }, {
      reason: 'term-dates',
      knownUntil: '2027-07-21',
      from: '2027-07-26',
    });
    // Within the known dates there is nothing to say.
    assert.equal(unconfirmedDates(first(feed), { ...options, now: new Date('2027-03-01T08:00:00Z') }), undefined);
    // A series that has ended by then has nothing unconfirmed either.
    const ended = feedOf([with_({ endDate: '2027-07-19' })]).feed;
    assert.equal(unconfirmedDates(first(ended), { ...options, ...cal(ended) }), undefined);
  });

  test('beyond the bank-holiday list the same state names the bank holidays', () => {
    const { feed: f } = feedOf([with_({ termTimeOnly: false })], { bankHolidays: BANK_HOLIDAYS });
    const options = { now: new Date('2027-12-20T08:00:00Z'), days: 28, timeZone: 'Europe/London', ...cal(f) };
    assert.deepEqual(
      upcomingOccurrences(f.sessions!, options).map((o) => o.date),
      ['2027-12-20'],
    );
    const u = unconfirmedDates(first(f), options);
    assert.equal(u?.reason, 'bank-holidays');
    assert.equal(u?.knownUntil, '2027-12-31');
    assert.equal(u?.from, '2028-01-03');
  });

  test('without the feed’s calendars a flagged series shows nothing rather than invented dates', () => {
    const got = upcomingOccurrences(feed.sessions!, {
      now: new Date('2026-11-01T12:00:00Z'),
      days: 28,
      timeZone: 'Europe/London',
    });
    assert.deepEqual(got, []);
    const u = unconfirmedDates(first(feed), { now: new Date('2026-11-01T12:00:00Z'), timeZone: 'Europe/London' });
    assert.equal(u?.knownUntil, undefined);
    assert.equal(u?.from, '2026-11-02');
  });

  test('a big feed: 3,000 term-time series over a year, each with its own closed dates', () => {
    const days = ['MO', 'TU', 'WE', 'TH', 'FR'];
    const many = feedOf(
      Array.from({ length: 3000 }, (_, i) => with_({ byDay: [days[i % 5]] })).map((s, i) => ({ ...s, id: `s${i}` })),
    ).feed;
    const got = upcomingOccurrences(many.sessions!, {
      now: new Date('2026-09-01T08:00:00Z'),
      days: 366,
      timeZone: 'Europe/London',
      ...cal(many),
    });
    const perDay = days
      .map((d) => feedOf([with_({ byDay: [d] })]).feed)
      .map((f) => dates(f, '2026-09-01', '2027-09-01'));
    assert.equal(got.length, 600 * perDay.reduce((n, d) => n + d.length, 0));
    assert.ok(
      got.every((o) => o.date <= '2027-07-21' && perDay[days.indexOf(o.session.schedule.byDay![0])].includes(o.date)),
    );
  });
});

/**
 * Parses with ical.js, registers the file's VTIMEZONE, and lists the series' starts as wall-clock
 * times in the series' zone ("2026-09-07T10:00:00", or "2026-09-07" all day) with the instant.
 */
function icalStarts(ics: string, until: string): string[] {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const event = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
  const out: string[] = [];
  const it = event.iterator();
  for (let next = it.next(); next && out.length < 1000; next = it.next()) {
    const start = event.getOccurrenceDetails(next).startDate;
    if (start.toString() > until) break;
    out.push(start.isDate ? start.toString() : `${start.toString()} ${start.toJSDate().toISOString()}`);
  }
  return out;
}

describe('.ics export of a term-time series', () => {
  const text = { summary: 'Rhyme Time' };
  const NOW = new Date('2026-09-01T08:00:00Z');

  test('writes the closed dates as EXDATEs and ends on the last known date; ical.js expands it to our dates', () => {
    const { feed } = feedOf([MONDAY_CLASS]);
    const s = first(feed);
    const ics = seriesIcs(s, feed.timeZone, text, 'anytown.gov.uk', NOW, feed);
    assert.match(ics, /RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270721T225959Z/);
    assert.match(ics, /EXDATE;TZID=Europe\/London:20261026T100000,20261221T100000,20261228T100000,/);
    const ours = ourStarts(feed, NOW);
    assert.equal(ours.length, 38);
    assert.equal(ours[7], '2026-11-02T10:00:00 2026-11-02T10:00:00.000Z');
    assert.deepEqual(icalStarts(ics, '2029-01-01'), ours);
  });

  test('the same for a fortnightly series, a monthly one, an all-day one and one with a count', () => {
    for (const schedule of [
      { repeatFrequency: 'P2W', byDay: ['TU', 'TH'] },
      { repeatFrequency: 'P1M', byDay: ['1MO', '-1FR'] },
      { startTime: undefined, endTime: undefined, byDay: ['WE'] },
      { repeatCount: 20, byDay: ['FR'] },
      { repeatCount: 60, byDay: ['FR'] }, // the count outlasts the term dates
      { notOnBankHolidays: false, endDate: '2027-06-30' },
    ]) {
      const { feed } = feedOf([with_(schedule)]);
      const s = first(feed);
      const ics = seriesIcs(s, feed.timeZone, text, 'anytown.gov.uk', NOW, feed);
      const ours = ourStarts(feed, NOW);
      assert.ok(ours.length > 3, JSON.stringify(schedule));
      assert.deepEqual(icalStarts(ics, '2029-01-01'), ours, JSON.stringify(schedule));
    }
  });

  test('a series after the last known term exports no dates at all', () => {
    const { feed } = feedOf([with_({ startDate: '2027-09-06' })]);
    const ics = seriesIcs(first(feed), feed.timeZone, text, 'anytown.gov.uk', NOW, feed);
    assert.deepEqual(icalStarts(ics, '2029-01-01'), []);
  });

  test('without calendars the rule is as before; with them it ends on the last known date', () => {
    const { feed } = feedOf([MONDAY_CLASS]);
    assert.equal(rrule(first(feed), 'Europe/London'), 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20260907T225959Z');
    assert.equal(rrule(first(feed), 'Europe/London', feed), 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20270721T225959Z');
    const plain = feedOf([with_({ termTimeOnly: false, notOnBankHolidays: false })]).feed;
    assert.equal(rrule(first(plain), 'Europe/London', plain), 'FREQ=WEEKLY;BYDAY=MO');
  });
});
