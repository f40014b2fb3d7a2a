// Merging imports into a feed: nothing an editor wrote is lost or written over, and a source that
// fails or shrinks never empties the feed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeImports } from '../../../src/import/merge.js';
import { formatImportReport } from '../../../src/import/report.js';
import { validateFeed } from '../../../src/feed/validate.js';
import type { ImportResult, RecordReport } from '../../../src/import/types.js';

const NOW = new Date('2026-11-20T09:00:00Z');
type Json = Record<string, unknown>;

/** A session row as the sessions spreadsheet importer makes it. */
const session = (id: string, name: string, day = 'MO', place = 'bob-jones-hub', extra: Json = {}): Json => ({
  id,
  name,
  category: 'stay-and-play',
  place,
  schedule: { startDate: '2026-09-07', repeatFrequency: 'P1W', byDay: [day], startTime: '10:00', endTime: '11:30' },
  ...extra,
});
const bobJones = { id: 'bob-jones-hub', name: 'Bob Jones Community Hub', address: { postcode: 'WV10 6DE' } };
const library = { id: 'central-library', name: 'Central Library', address: { postcode: 'WV1 3AX' } };

/**
 * An ImportResult as the spreadsheet importer returns it for sessions.csv: every item carries
 * `source.ref`, and the report has one record per row with its location.
 */
function spreadsheet(sessions: Json[], places: Json[] = [bobJones], file = 'sessions.csv'): ImportResult {
  const ref = 'spreadsheet-sessions-csv';
  const tag = (item: Json) => ({ ...item, source: { ref } });
  const records: RecordReport[] = sessions.map((s, i) => ({
    outcome: 'imported',
    name: s.name as string,
    at: { source: file, row: i + 2 },
    items: [
      { list: 'sessions', id: s.id as string },
      { list: 'places', id: s.place as string },
    ],
    notes: [],
  }));
  return {
    feed: { sessions: sessions.map(tag), places: places.map(tag) },
    source: { id: ref, kind: 'spreadsheet', file, imported: '2026-11-20T09:00:00Z' },
    report: {
      format: 'sessions-csv',
      detected: 'a sessions spreadsheet (its header has Session name and Day)',
      source: file,
      records,
      notes: [],
    },
  };
}

/** An ImportResult as the iCalendar importer returns it: items keep their UID as `source.id`. */
function calendar(events: [uid: string, id: string, name: string][]): ImportResult {
  const ref = 'ics-calendar-example-org-library-ics';
  return {
    feed: {
      sessions: events.map(([uid, id, name]) => ({
        ...session(id, name, 'TU', 'central-library'),
        source: { ref, id: uid },
      })),
      places: [{ ...library, source: { ref } }],
    },
    source: { id: ref, kind: 'ics', url: 'https://calendar.example.org/library.ics' },
    report: {
      format: 'ics',
      detected: 'an iCalendar file (it starts with BEGIN:VCALENDAR)',
      source: 'https://calendar.example.org/library.ics',
      records: events.map(([uid, id, name], i) => ({
        outcome: 'imported',
        name,
        at: { source: 'https://calendar.example.org/library.ics', line: 10 + i * 12, id: uid },
        items: [{ list: 'sessions', id }],
        notes: [],
      })),
      notes: [],
    },
  };
}

/** A feed an editor wrote by hand: a session, a service and a timeline stage that links to it. */
const handWritten = (): Json => ({
  version: 1,
  publisher: { name: 'Anytown Family Hubs' },
  language: 'en-GB',
  places: [{ id: 'town-hall', name: 'Town Hall', address: { postcode: 'WV1 1RG' }, x_note: 'kept as written' }],
  sessions: [session('baby-massage', 'Baby Massage', 'WE', 'town-hall', { x_internal: 'an unknown field' })],
  services: [{ id: 'health-visiting', name: 'Health visiting', kind: 'service' }],
  timeline: {
    stages: [{ id: 'birth', from: { week: 0 }, to: { week: 2 }, title: 'Birth', services: ['health-visiting'] }],
  },
});

const names = (items: { name: string }[]) => items.map((i) => i.name);
const valid = (feed: Json) => {
  const { issues } = validateFeed(feed);
  assert.deepEqual(issues, [], 'the merged feed has issues');
};

describe('merging an import into a feed', () => {
  test('a first import makes a valid feed whose items say where they came from', () => {
    const result = mergeImports(undefined, [spreadsheet([session('stay-and-play', 'Stay and Play')])], { now: NOW });
    assert.equal(result.write, true);
    assert.equal(result.changed, true);
    valid(result.feed);
    assert.deepEqual(result.feed.sources, [
      { id: 'spreadsheet-sessions-csv', kind: 'spreadsheet', file: 'sessions.csv', imported: '2026-11-20T09:00:00Z' },
    ]);
    assert.deepEqual((result.feed.sessions as Json[])[0].source, { ref: 'spreadsheet-sessions-csv' });
    assert.equal(result.feed.updated, '2026-11-20T09:00:00Z');
    assert.deepEqual(names(result.sources[0].added), ['Bob Jones Community Hub', 'Stay and Play']);
  });

  test("keeps the editor's names for categories (feed.categories), and imported sessions name them by id", () => {
    const categories = [{ id: 'stay-and-play', name: { en: 'Stay and Play at the Hub', cy: 'Aros a Chwarae' } }];
    const result = mergeImports(
      { ...handWritten(), categories },
      [spreadsheet([session('stay-and-play', 'Stay and Play')])],
      {
        now: NOW,
      },
    );
    valid(result.feed);
    assert.deepEqual(result.feed.categories, categories);
    assert.deepEqual(validateFeed(result.feed).feed.categories, categories);
    assert.ok((result.feed.sessions as Json[]).some((s) => s.category == 'stay-and-play'));
  });

  test('keeps every hand-written item exactly as written, unknown fields and all', () => {
    const existing = handWritten();
    const result = mergeImports(existing, [spreadsheet([session('stay-and-play', 'Stay and Play')])], { now: NOW });
    valid(result.feed);
    const feed = result.feed as { sessions: Json[]; places: Json[]; services: Json[]; timeline: unknown };
    assert.deepEqual(feed.sessions[0], (existing.sessions as Json[])[0]);
    assert.deepEqual(feed.places[0], (existing.places as Json[])[0]);
    assert.deepEqual(feed.services, existing.services);
    assert.deepEqual(feed.timeline, existing.timeline);
    assert.deepEqual(handWritten(), existing, 'the existing feed object was changed');
    // The existing feed's own field order is kept, so its diff shows only what changed.
    assert.deepEqual(Object.keys(result.feed).slice(0, 7), [
      'version',
      'publisher',
      'language',
      'places',
      'sessions',
      'services',
      'timeline',
    ]);
  });

  test('a re-import updates, adds and removes its own items, by name, and keeps their ids', () => {
    const first = mergeImports(
      handWritten(),
      [
        spreadsheet([
          session('stay-and-play', 'Stay and Play'),
          session('rhyme-time', 'Rhyme Time', 'TH'),
          session('baby-yoga', 'Baby Yoga', 'FR'),
          session('dads-group', 'Dads Group', 'SA'),
        ]),
      ],
      { now: NOW },
    ).feed;
    const second = mergeImports(
      first,
      [
        spreadsheet([
          session('stay-and-play', 'Stay and Play', 'TU'), // moved to Tuesday
          session('rhyme-time', 'Rhyme Time', 'TH'),
          session('baby-yoga', 'Baby Yoga', 'FR'),
          session('bumps-and-babies', 'Bumps and Babies', 'WE'), // new; Dads Group gone
        ]),
      ],
      { now: new Date('2026-11-27T09:00:00Z') },
    );
    assert.equal(second.write, true);
    valid(second.feed);
    const [change] = second.sources;
    assert.deepEqual(names(change.updated), ['Stay and Play']);
    assert.deepEqual(names(change.added), ['Bumps and Babies']);
    assert.deepEqual(names(change.removed), ['Dads Group']);
    assert.equal(change.unchanged, 3); // two sessions and the place
    const ids = (second.feed.sessions as Json[]).map((s) => s.id);
    assert.deepEqual(ids, ['baby-massage', 'stay-and-play', 'rhyme-time', 'baby-yoga', 'bumps-and-babies']);
    assert.deepEqual(((second.feed.sessions as Json[])[1].schedule as Json).byDay, ['TU']);
    assert.equal((second.feed.sources as Json[]).length, 1, 'the source entry is updated, not added again');
  });

  test('an item renamed upstream keeps its feed id when the source has ids (an .ics UID)', () => {
    const first = mergeImports(undefined, [calendar([['uid-1@library', 'story-time', 'Story Time']])], { now: NOW });
    const second = mergeImports(first.feed, [calendar([['uid-1@library', 'baby-story-time', 'Baby Story Time']])], {
      now: NOW,
    });
    valid(second.feed);
    const sessions = second.feed.sessions as Json[];
    assert.equal(sessions.length, 1);
    assert.equal(sessions[0].id, 'story-time', 'links to the session would break');
    assert.equal(sessions[0].name, 'Baby Story Time');
    assert.deepEqual(names(second.sources[0].updated), ['Baby Story Time']);
  });

  test('an imported id a hand-written item already has is given a new id; the hand-written one is untouched', () => {
    const existing = handWritten();
    const result = mergeImports(existing, [spreadsheet([session('baby-massage', 'Baby Massage at Bob Jones')])], {
      now: NOW,
    });
    valid(result.feed);
    const sessions = result.feed.sessions as Json[];
    assert.deepEqual(sessions[0], (existing.sessions as Json[])[0]);
    assert.equal(sessions[1].id, 'baby-massage-2');
    assert.equal(sessions[1].name, 'Baby Massage at Bob Jones');
    const note = result.notes.find((n) => n.level == 'warning')!;
    assert.match(
      note.message,
      /The session "Baby Massage at Bob Jones" would have the id baby-massage, which a hand-written session \("Baby Massage"\) already has; it is imported as baby-massage-2/,
    );
    assert.deepEqual(note.at, { source: 'sessions.csv', row: 2 });
    // Next time the same row keeps baby-massage-2, and the hand-written session is still untouched.
    const again = mergeImports(result.feed, [spreadsheet([session('baby-massage', 'Baby Massage at Bob Jones')])], {
      now: NOW,
    });
    assert.deepEqual(
      (again.feed.sessions as Json[]).map((s) => s.id),
      ['baby-massage', 'baby-massage-2'],
    );
    assert.equal(again.changed, false);
  });

  test('a place that is the same as a hand-written one is used, not copied; a different one is renamed', () => {
    const existing = { version: 1, places: [{ ...bobJones }] };
    const same = mergeImports(existing, [spreadsheet([session('stay-and-play', 'Stay and Play')])], { now: NOW });
    valid(same.feed);
    assert.deepEqual(same.feed.places, [bobJones]);
    assert.match(same.notes[0].message, /already in the feed as bob-jones-hub \(written by hand\); that one is used/);

    const other = { version: 1, places: [{ id: 'bob-jones-hub', name: 'Bob Jones Hub (old site)' }] };
    const renamed = mergeImports(other, [spreadsheet([session('stay-and-play', 'Stay and Play')])], { now: NOW });
    valid(renamed.feed);
    assert.deepEqual(
      (renamed.feed.places as Json[]).map((p) => p.id),
      ['bob-jones-hub', 'bob-jones-hub-2'],
    );
    assert.equal((renamed.feed.sessions as Json[])[0].place, 'bob-jones-hub-2', 'the session must follow its place');
  });

  test('removes places the source no longer uses, but keeps one a hand-written session uses', () => {
    const first = mergeImports(
      undefined,
      [
        spreadsheet(
          [session('stay-and-play', 'Stay and Play'), session('rhyme-time', 'Rhyme Time', 'TU', 'central-library')],
          [bobJones, library],
        ),
      ],
      { now: NOW },
    ).feed;
    const withHandWritten = structuredClone(first);
    (withHandWritten.sessions as Json[]).push(session('book-bugs', 'Book Bugs', 'FR', 'central-library'));
    const second = mergeImports(withHandWritten, [spreadsheet([session('stay-and-play', 'Stay and Play')])], {
      now: NOW,
    });
    assert.equal(second.write, true, 'one of two sessions removed is not more than half');
    valid(second.feed);
    assert.deepEqual(
      (second.feed.places as Json[]).map((p) => p.id),
      ['bob-jones-hub', 'central-library'],
    );
    assert.ok(second.notes.some((n) => /"Central Library" is no longer in the source, but is kept/.test(n.message)));

    const third = mergeImports(first, [spreadsheet([session('stay-and-play', 'Stay and Play')])], { now: NOW });
    assert.equal(third.write, true);
    assert.deepEqual(
      (third.feed.places as Json[]).map((p) => p.id),
      ['bob-jones-hub'],
    );
    assert.deepEqual(names(third.sources[0].removed), ['Rhyme Time', 'Central Library']);
  });

  test('a source that failed writes nothing; forced, its items stay as they were', () => {
    const first = mergeImports(
      handWritten(),
      [spreadsheet([session('stay-and-play', 'Stay and Play')]), calendar([['uid-1', 'story-time', 'Story Time']])],
      { now: NOW },
    ).feed;
    const failed = calendar([]);
    failed.report.failed =
      'The server at calendar.example.org answered 500 (Internal Server Error) for page 3. ' +
      'Try again later, or ask the publisher.';
    failed.feed = {};
    const result = mergeImports(first, [spreadsheet([session('stay-and-play', 'Stay and Play', 'TU')]), failed], {
      now: NOW,
    });
    assert.equal(result.write, false);
    assert.deepEqual(result.blocked, [
      'https://calendar.example.org/library.ics could not be read: The server at calendar.example.org answered 500 (Internal Server Error) for page 3. Try again later, or ask the publisher.',
    ]);
    assert.equal(result.sources[1].status, 'failed');

    const forced = mergeImports(first, [spreadsheet([session('stay-and-play', 'Stay and Play', 'TU')]), failed], {
      now: NOW,
      force: true,
    });
    assert.equal(forced.write, true);
    valid(forced.feed);
    const sessions = forced.feed.sessions as Json[];
    assert.deepEqual(
      sessions.map((s) => s.id),
      ['baby-massage', 'stay-and-play', 'story-time'],
      'a failed source must never be emptied, even when forced',
    );
    assert.deepEqual((sessions[1].schedule as Json).byDay, ['TU'], 'the source that worked is merged');
  });

  test('a source that could not be read at all (an HTML login page) writes nothing', () => {
    const result = mergeImports(
      handWritten(),
      [{ name: 'https://directory.example.org/api/services', failed: 'It is a web page ("Sign in"), not data.' }],
      { now: NOW },
    );
    assert.equal(result.write, false);
    assert.match(
      result.blocked[0],
      /^https:\/\/directory\.example\.org\/api\/services could not be read: It is a web page/,
    );
    assert.deepEqual(result.feed.sessions, handWritten().sessions);
  });

  test('a source that would remove more than half of its items is held back unless forced', () => {
    const ten = Array.from({ length: 10 }, (_, i) => session(`session-${i + 1}`, `Session ${i + 1}`));
    const first = mergeImports(handWritten(), [spreadsheet(ten)], { now: NOW }).feed;

    const six = mergeImports(first, [spreadsheet(ten.slice(0, 4))], { now: NOW });
    assert.equal(six.write, false);
    assert.equal(six.sources[0].status, 'held');
    assert.equal(
      six.blocked[0],
      'sessions.csv was held back: It would remove 6 of its 10 sessions and services, more than half. ' +
        'Check that it is the right file and that it is complete.',
    );
    const all = mergeImports(first, [spreadsheet([])], { now: NOW });
    assert.equal(all.write, false);
    assert.match(all.blocked[0], /It would remove all 10 of its sessions and services/);

    const half = mergeImports(first, [spreadsheet(ten.slice(0, 5))], { now: NOW });
    assert.equal(half.write, true, 'removing half is an ordinary change');

    const forced = mergeImports(first, [spreadsheet(ten.slice(0, 4))], { now: NOW, force: true });
    assert.equal(forced.write, true);
    valid(forced.feed);
    assert.equal((forced.feed.sessions as Json[]).length, 5); // the hand-written one and four
  });

  test('an imported value that would not pass validation is left out and reported, never written', () => {
    const bad = spreadsheet([
      session('stay-and-play', 'Stay and Play', 'MO', 'bob-jones-hub', { audience: ['parents', 'grandparents'] }),
      session('rhyme-time', 'Rhyme Time', 'Tusday'),
    ]);
    const result = mergeImports(handWritten(), [bad], { now: NOW });
    valid(result.feed);
    assert.deepEqual(
      (result.feed.sessions as Json[]).map((s) => s.id),
      ['baby-massage', 'stay-and-play'],
    );
    assert.deepEqual((result.feed.sessions as Json[])[1].audience, ['parents']);
    // The reasons are the validator's own sentences (checked in its tests).
    assert.equal(result.notes.length, 2);
    assert.match(result.notes[0].message, /^The session "Rhyme Time" was left out: "Tusday" is not a day.*\.$/);
    assert.match(
      result.notes[1].message,
      /^The session "Stay and Play" is imported without audience\[1\] \("grandparents" is not an audience.*\)\.$/,
    );
    assert.deepEqual(names(result.sources[0].added), ['Bob Jones Community Hub', 'Stay and Play']);
  });

  test('advice from the check (a term-time session in a feed without term dates) changes nothing', () => {
    const termTime = session('stay-and-play', 'Stay and Play');
    (termTime.schedule as Json).termTimeOnly = true;
    const result = mergeImports(undefined, [spreadsheet([termTime])], { now: NOW });
    assert.equal(((result.feed.sessions as Json[])[0].schedule as Json).termTimeOnly, true);
    assert.deepEqual(
      result.issues.map((i) => [i.path, i.severity]),
      [['sessions[0].schedule.termTimeOnly', 'warning']],
    );
    assert.deepEqual(result.notes, []);
    assert.equal(result.write, true);
  });

  test('the check warns of a session the term dates close on every date, as imh-feed validate does', () => {
    // Term time only, on the Mondays of the October half term: kept, but no list would ever show it.
    const halfTerm = session('stay-and-play', 'Stay and Play');
    halfTerm.schedule = { ...(halfTerm.schedule as Json), startDate: '2026-10-26', endDate: '2026-10-30' };
    (halfTerm.schedule as Json).termTimeOnly = true;
    const existing = {
      version: 1,
      termDates: {
        terms: [
          { type: 'term', start: '2026-09-03', end: '2026-12-18', name: 'Autumn term' },
          { type: 'half-term', start: '2026-10-26', end: '2026-10-30', name: 'October half term' },
        ],
      },
    };
    const result = mergeImports(existing, [spreadsheet([halfTerm])], { now: NOW });
    assert.equal((result.feed.sessions as Json[]).length, 1, 'the session is kept');
    assert.deepEqual(
      result.issues.map((i) => [i.path, i.severity, i.code]),
      [['sessions[0].schedule.termTimeOnly', 'warning', 'closed']],
    );
    assert.match(result.issues[0].message, /would never be listed/);
    assert.deepEqual(result.notes, []);
    // The command's report lists it to check, and does not advise adding the term dates the feed has.
    const report = formatImportReport([], result, { written: true, command: true, output: 'feed.json' });
    assert.match(report, /^ {2}to check {2}sessions\[0\]\.schedule\.termTimeOnly: says the session/m);
    assert.doesNotMatch(report, /To add them/);
  });

  test('importing the same thing again changes nothing (a scheduled job has nothing to commit)', () => {
    const first = mergeImports(handWritten(), [spreadsheet([session('stay-and-play', 'Stay and Play')])], {
      now: NOW,
    });
    const again = mergeImports(first.feed, [spreadsheet([session('stay-and-play', 'Stay and Play')])], {
      now: new Date('2026-12-01T09:00:00Z'),
    });
    assert.equal(again.changed, false);
    assert.equal(again.feed.updated, first.feed.updated);
  });

  test('a service the source removed leaves the timeline, which says so', () => {
    const oruk = (services: Json[]): ImportResult => ({
      feed: { services: services.map((s) => ({ ...s, source: { ref: 'oruk-api', id: s.id } })) },
      source: { id: 'oruk-api', kind: 'oruk', url: 'https://api.example.org/services' },
      report: {
        format: 'oruk',
        detected: 'Open Referral UK',
        source: 'https://api.example.org/services',
        records: [],
        notes: [],
      },
    });
    const existing = { ...handWritten(), services: [] };
    const first = mergeImports(
      existing,
      [
        oruk([
          { id: 'health-visiting', name: 'Health visiting' },
          { id: 'camhs', name: 'CAMHS' },
        ]),
      ],
      {
        now: NOW,
      },
    ).feed;
    const second = mergeImports(first, [oruk([{ id: 'camhs', name: 'CAMHS' }])], { now: NOW });
    valid(second.feed);
    assert.deepEqual(((second.feed.timeline as Json).stages as Json[])[0].services, []);
    assert.ok(
      second.notes.some(
        (n) =>
          n.message ==
          'The timeline stage "Birth" linked to health-visiting, which the source no longer has; the link is removed.',
      ),
    );
  });

  test('the same spreadsheet downloaded again ("sessions (1).csv") is the same source', () => {
    const first = mergeImports(undefined, [spreadsheet([session('stay-and-play', 'Stay and Play')])], { now: NOW });
    const again = spreadsheet([session('stay-and-play', 'Stay and Play', 'TU')], [bobJones], 'sessions (1).csv');
    again.source.id = 'spreadsheet-sessions-1-csv';
    const second = mergeImports(first.feed, [again], { now: NOW });
    valid(second.feed);
    assert.equal((second.feed.sessions as Json[]).length, 1);
    assert.deepEqual(second.feed.sources, [
      {
        id: 'spreadsheet-sessions-csv',
        kind: 'spreadsheet',
        file: 'sessions (1).csv',
        imported: '2026-11-20T09:00:00Z',
      },
    ]);
  });

  test('term dates and bank holidays replace the dates they cover and keep the rest', () => {
    const existing = {
      version: 1,
      termDates: {
        terms: [
          { type: 'term', start: '2025-09-03', end: '2025-12-19', name: 'Autumn term', academicYear: '2025-26' },
          { type: 'term', start: '2026-09-02', end: '2026-12-18', name: 'Autumn term (old)', academicYear: '2026-27' },
        ],
      },
      bankHolidays: { division: 'england-and-wales', dates: [{ date: '2024-12-25' }, { date: '2026-12-25' }] },
    };
    const terms: ImportResult = {
      feed: {
        termDates: {
          area: 'Anytown maintained schools',
          terms: [
            { type: 'term', start: '2026-09-03', end: '2026-12-18', name: 'Autumn term', academicYear: '2026-27' },
            {
              type: 'half-term',
              start: '2026-10-26',
              end: '2026-10-30',
              name: 'October half term',
              academicYear: '2026-27',
            },
          ],
        },
        bankHolidays: {
          division: 'england-and-wales',
          dates: [
            { date: '2026-12-25', name: 'Christmas Day' },
            { date: '2026-12-28', name: 'Boxing Day' },
          ],
          until: '2027-12-31',
        },
      },
      source: { id: 'term-dates-csv', kind: 'term-dates', file: 'term-dates.csv' },
      report: { format: 'term-dates-csv', detected: 'term dates', source: 'term-dates.csv', records: [], notes: [] },
    };
    const result = mergeImports(existing, [terms], { now: NOW });
    valid(result.feed);
    const td = result.feed.termDates as { terms: Json[]; area: string; source: Json };
    assert.deepEqual(
      td.terms.map((t) => t.name),
      ['Autumn term', 'Autumn term', 'October half term'],
    );
    assert.equal(td.terms[0].academicYear, '2025-26', 'last year is kept');
    assert.deepEqual(td.source, { ref: 'term-dates-csv' });
    const bh = result.feed.bankHolidays as { dates: Json[] };
    assert.deepEqual(
      bh.dates.map((d) => d.date),
      ['2024-12-25', '2026-12-25', '2026-12-28'],
    );
    assert.equal(result.sources[0].dates, '2 term dates and 2 bank holidays');
  });
});
