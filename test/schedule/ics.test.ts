import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { validateFeed, type Session } from '../../src/feed/index.js';
import {
  fold,
  googleCalendarUrl,
  occurrenceIcs,
  outlookCalendarUrl,
  rrule,
  seriesIcs,
} from '../../src/schedule/ics.js';
import { upcomingOccurrences } from '../../src/schedule/occurrences.js';

const session = (patch: Record<string, unknown> = {}, schedule: Record<string, unknown> = {}) =>
  (
    validateFeed({
      version: 1,
      sessions: [
        {
          id: 'baby-massage',
          name: 'Baby Massage',
          schedule: {
            repeatFrequency: 'P1W',
            byDay: ['MO'],
            startTime: '10:00',
            endTime: '11:00',
            startDate: '2026-09-07',
            ...schedule,
          },
          ...patch,
        },
      ],
    }).feed.sessions as Session[]
  )[0];
const text = {
  summary: 'Baby Massage; gentle, calm\nand fun',
  description: 'Bring a towel',
  location: 'Bob Jones Community Hub, Wolverhampton',
};
const NOW = new Date('2026-11-23T08:00:00Z');

/** Parses with ical.js (a strict RFC 5545 parser) and registers its VTIMEZONE. */
function parse(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return root;
}

/** Occurrence start instants (ISO) by ical.js's expansion, with overrides applied. */
function expand(ics: string, from: string, to: string): string[] {
  const root = parse(ics);
  const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const master = events.find((e) => !e.isRecurrenceException())!;
  for (const e of events) if (e.isRecurrenceException()) master.relateException(e);
  const out: string[] = [];
  const it = master.iterator();
  for (let next = it.next(); next; next = it.next()) {
    const details = master.getOccurrenceDetails(next);
    const start = details.startDate.toJSDate();
    if (start >= new Date(to)) break;
    if (start >= new Date(from)) out.push(start.toISOString());
  }
  return out;
}

describe('iCalendar export', () => {
  afterEach(() => ICAL.TimezoneService.reset());

  it('writes one occurrence that a strict parser reads back exactly', () => {
    const [o] = upcomingOccurrences([session()], { now: NOW, days: 7, timeZone: 'Europe/London' });
    const ics = occurrenceIcs(o, text, 'example.org', NOW);
    const event = new ICAL.Event(parse(ics).getFirstSubcomponent('vevent')!);
    expect(event.summary).to.equal(text.summary);
    expect(event.location).to.equal(text.location);
    expect(event.uid).to.equal('baby-massage-2026-11-23@example.org');
    expect(event.startDate.toJSDate().toISOString()).to.equal('2026-11-23T10:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).to.equal('2026-11-23T11:00:00.000Z');
    expect(event.startDate.zone.tzid).to.equal('Europe/London');
  });

  it('uses CRLF line ends and folds lines at 75 octets without splitting characters', () => {
    const long = session({ name: 'x' });
    const ics = seriesIcs(long, 'Europe/London', { summary: 'Tylino babanod — ' + 'ŵ'.repeat(60) }, 'example.org', NOW);
    expect(ics.endsWith('\r\n')).to.equal(true);
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).to.equal(true);
    expect(ics.replace(/\r\n /g, '')).to.contain('SUMMARY:Tylino babanod — ' + 'ŵ'.repeat(60));
    expect(fold('a'.repeat(80))).to.equal('a'.repeat(75) + '\r\n ' + 'a'.repeat(5));
  });

  it('writes a series whose expansion matches the list, across both clock changes, with exceptions and changes', () => {
    const s = session(
      {
        occurrences: [
          { date: '2026-11-30', status: 'cancelled', note: 'Staff training' },
          { date: '2026-12-14', status: 'changed', startTime: '13:00', endTime: '14:00' },
          { date: '2026-12-16', note: 'Extra session' },
        ],
      },
      { exceptDate: ['2026-12-21', '2026-12-28'], endDate: '2027-07-19' },
    );
    const ics = seriesIcs(s, 'Europe/London', text, 'example.org', NOW);
    const fromIcs = expand(ics, '2026-10-01T00:00:00Z', '2027-04-30T00:00:00Z');
    const fromList = upcomingOccurrences([s], {
      now: new Date('2026-10-01T00:00:00Z'),
      days: 211,
      timeZone: 'Europe/London',
    })
      .filter((o) => o.status != 'cancelled')
      .map((o) => o.start.toISOString());
    expect(fromIcs).to.deep.equal(fromList);
    expect(fromIcs).to.include('2026-10-19T09:00:00.000Z').and.include('2026-10-26T10:00:00.000Z'); // BST, then GMT
    expect(fromIcs).to.include('2027-03-22T10:00:00.000Z').and.include('2027-03-29T09:00:00.000Z'); // GMT, then BST
    expect(fromIcs).to.include('2026-12-14T13:00:00.000Z').and.include('2026-12-16T10:00:00.000Z');
    expect(fromIcs).not.to.include('2026-11-30T10:00:00.000Z');
    expect(ics).to.match(/RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270719T225959Z/);
  });

  it('writes monthly, fortnightly and yearly all-day rules', () => {
    expect(rrule(session({}, { repeatFrequency: 'P1M', byDay: ['-1TH'] }), 'Europe/London')).to.equal(
      'FREQ=MONTHLY;BYDAY=-1TH',
    );
    expect(rrule(session({}, { repeatFrequency: 'P2W', byDay: ['WE'], repeatCount: 6 }), 'Europe/London')).to.equal(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=6;WKST=MO',
    );
    const week = session(
      {},
      {
        repeatFrequency: 'P1Y',
        byMonth: [6],
        byDay: ['2MO'],
        startTime: undefined,
        endTime: undefined,
        duration: 'P7D',
        startDate: '2026-06-08',
      },
    );
    const ics = seriesIcs(
      week,
      'Europe/London',
      { summary: 'Infant Mental Health Awareness Week' },
      'example.org',
      NOW,
    );
    const event = new ICAL.Event(parse(ics).getFirstSubcomponent('vevent')!);
    expect(event.startDate.isDate).to.equal(true);
    expect(event.startDate.toString()).to.equal('2026-06-08');
    expect(event.endDate.toString()).to.equal('2026-06-15');
    const it = event.iterator();
    it.next();
    expect(it.next().toString()).to.equal('2027-06-14');
  });

  it('makes Google and Outlook links with the times and zone', () => {
    const [o] = upcomingOccurrences([session()], { now: NOW, days: 7, timeZone: 'Europe/London' });
    const google = new URL(googleCalendarUrl(o, text, rrule(o.session, 'Europe/London')));
    expect(google.origin).to.equal('https://calendar.google.com');
    expect(google.searchParams.get('dates')).to.equal('20261123T100000/20261123T110000');
    expect(google.searchParams.get('ctz')).to.equal('Europe/London');
    expect(google.searchParams.get('recur')).to.equal('RRULE:FREQ=WEEKLY;BYDAY=MO');
    const outlook = new URL(outlookCalendarUrl(o, text));
    expect(outlook.searchParams.get('startdt')).to.equal('2026-11-23T10:00:00.000Z');
    expect(outlook.searchParams.get('subject')).to.equal(text.summary);
  });

  describe('hardening (issue 12)', () => {
    it('never writes an empty BYDAY=, BYMONTH= or BYMONTHDAY=, which calendar programs reject', () => {
      const base = session();
      const empty = { ...base, schedule: { ...base.schedule, byDay: [], byMonth: [], byMonthDay: [] } } as Session;
      expect(rrule(empty, 'Europe/London')).to.equal('FREQ=WEEKLY;BYDAY=MO');
      const monthly = { ...base, schedule: { ...base.schedule, repeatFrequency: 'P1M', byDay: [] } } as Session;
      expect(rrule(monthly, 'Europe/London')).to.equal('FREQ=MONTHLY');
    });

    it('removes the control characters RFC 5545 forbids, and keeps line breaks escaped', () => {
      const ics = seriesIcs(
        session(),
        'Europe/London',
        {
          summary: 'Baby\u0000 Massage\u0007',
          description: 'Line one\rLine two\r\nLine three\u001b[31m \uD800',
          location: 'Hub\u000b',
        },
        'example.org',
        NOW,
      );
      // Nothing but CRLF line ends and tabs below U+0020
      // eslint-disable-next-line no-control-regex -- looking for control characters
      expect(/[\0-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(ics)).to.equal(false);
      expect(/\r(?!\n)/.test(ics)).to.equal(false);
      const event = new ICAL.Event(parse(ics).getFirstSubcomponent('vevent')!);
      expect(event.summary).to.equal('Baby Massage');
      expect(event.description).to.equal('Line one\nLine two\nLine three[31m ');
      expect(event.location).to.equal('Hub');
    });
  });
});
