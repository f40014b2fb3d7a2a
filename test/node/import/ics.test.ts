// The calendar importer (issue 11, importer 4): fixtures in the shapes Google, Outlook/Exchange,
// Zimbra and a council CMS write, each import checked against the feed's own validation and,
// occurrence by occurrence over a year, against ical.js's expansion of the same file.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { importIcs } from '../../../src/import/ics.js';
import type { ImportOptions, ImportResult } from '../../../src/import/types.js';
import { ID_RE } from '../../../src/feed/shape.js';
import type { Session } from '../../../src/feed/index.js';
import { sessionOccurrences } from '../../../src/schedule/occurrences.js';
import { feedOccurrences, feedOf, forIcalJs, icalOccurrences } from './ical-oracle.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const YEAR = 365;
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/ics/${name}`, import.meta.url)));
const text = (name: string) => new TextDecoder().decode(fixture(name));
const load = (name: string, options: Partial<ImportOptions> = {}) =>
  importIcs(fixture(name), { name, now: NOW, ...options });

const sessionBy = (r: ImportResult, uid: string) => {
  const id = r.report.records.find((x) => x.at.id == uid && x.outcome != 'skipped')?.items[0].id;
  const s = r.feed.sessions?.find((x) => x.id == id);
  assert.ok(s, `a session for ${uid}`);
  return s as unknown as Session;
};
const recordsFor = (r: ImportResult, uid: string) => r.report.records.filter((x) => x.at.id == uid);
const notesOf = (r: ImportResult, uid: string) => recordsFor(r, uid).flatMap((x) => x.notes.map((n) => n.message));
/** The session's occurrences in the year as "date start–end status" in its own zone. */
const dates = (r: ImportResult, uid: string, days = YEAR) =>
  sessionOccurrences(sessionBy(r, uid), { now: NOW, days, timeZone: 'Europe/London' })
    .map(
      (o) =>
        `${o.date} ${o.startTime ?? 'all day'}${o.endTime ? `–${o.endTime}` : ''}` +
        (o.status == 'scheduled' ? '' : ` ${o.status}`),
    )
    .sort();
const starts = (r: ImportResult, uid: string) =>
  sessionOccurrences(sessionBy(r, uid), { now: NOW, days: YEAR, timeZone: 'Europe/London' })
    .map((o) => o.start.toISOString().slice(0, 16))
    .sort();

/**
 * Imports a fixture and compares it with ical.js over a year: returns the occurrences only ical.js
 * has and those only the import has, for the test to hold to exactly the differences it explains.
 */
async function compareWithIcalJs(name: string, except: string[] = []) {
  const r = await load(name);
  const { feed, issues } = feedOf(r);
  assert.deepEqual(issues, [], 'the imported feed passes validation with no issues');
  // Each session's UID, from the report (a change to a series not in the file has its own id).
  const uidOf = new Map(r.report.records.flatMap((x) => x.items.map((i) => [i.id, x.at.id!] as const)));
  const uid = (s: Session) => uidOf.get(s.id)!;
  const sessions = feed.sessions!.filter((s) => !except.includes(uid(s)));
  const uids = new Set(sessions.map(uid));
  const zones = new Map(sessions.map((s) => [uid(s), s.schedule.scheduleTimezone ?? feed.timeZone]));
  const theirs = icalOccurrences(forIcalJs(text(name)), uids, (u) => zones.get(u)!, '2026-01-01', YEAR);
  const ours = feedOccurrences({ ...feed, sessions }, uid, NOW, YEAR);
  assert.ok(ours.length >= 15, 'a year of occurrences to compare');
  return {
    r,
    onlyIcalJs: theirs.filter((o) => !ours.includes(o)),
    onlyOurs: ours.filter((o) => !theirs.includes(o)),
  };
}

/** Every imported item is valid, carries its source, and every event of the file has a record. */
async function holdsTheContract(name: string) {
  const r = await load(name);
  assert.equal(r.report.failed, undefined);
  const { issues } = feedOf(r);
  assert.deepEqual(issues, [], 'no validation issues');
  const events = (text(name).match(/^BEGIN:VEVENT\r?$/gm) ?? []).length;
  assert.equal(r.report.records.length, events, 'one record per VEVENT');
  for (const rec of r.report.records) {
    assert.ok(rec.at.line && rec.at.line > 0, 'each record has its line');
    assert.equal(rec.at.source, name);
    for (const n of rec.notes) assert.match(n.message, /^[A-Z].*[.)]$/s, `a sentence: ${n.message}`);
    if (rec.outcome == 'skipped') assert.equal(rec.notes.length, 1, 'a skipped event says why');
  }
  for (const list of ['sessions', 'places', 'organisations'] as const) {
    for (const item of r.feed[list] ?? []) {
      assert.match(String(item.id), ID_RE);
      assert.equal((item.source as { ref: string }).ref, r.source.id, `${list} ${item.id} names its source`);
      assert.ok((item.source as { id?: string }).id, `${list} ${item.id} has its id in the source`);
    }
  }
  return r;
}

describe('importIcs: the contract', () => {
  for (const name of [
    'google-family-hub.ics',
    'outlook-exchange-2010.ics',
    'outlook-custom-zones.ics',
    'zimbra.ics',
    'council-cms.ics',
  ]) {
    test(`${name}: valid items, each with its source, and a record per event`, async () => {
      await holdsTheContract(name);
    });
  }

  test('ids are stable across imports and unique; long Outlook UIDs are hashed to a short id', async () => {
    const a = await load('outlook-exchange-2010.ics');
    const b = await load('outlook-exchange-2010.ics', { now: new Date('2026-01-02T09:00:00Z') });
    const ids = (r: ImportResult) => r.feed.sessions!.map((s) => s.id);
    assert.deepEqual(ids(a), ids(b));
    assert.equal(new Set(ids(a)).size, ids(a).length);
    for (const id of ids(a) as string[]) assert.ok(id.length <= 64, id);
    assert.equal(a.source.id, b.source.id);
    assert.equal(a.source.kind, 'ics');
    assert.equal(a.source.name, 'Perinatal Mental Health Team', 'the calendar’s own name (X-WR-CALNAME)');
    assert.equal(a.source.file, 'outlook-exchange-2010.ics');
  });

  test('events without a UID get ids from their title and start, distinct and the same on every run', async () => {
    const ics = cal(
      event('SUMMARY:Drop-in', 'DTSTART:20260302T100000'),
      event('SUMMARY:Drop-in', 'DTSTART:20260302T100000'),
      event('SUMMARY:Drop-in', 'DTSTART:20260309T100000'),
    );
    const ids = async () => (await run(ics)).feed.sessions!.map((s) => [s.id, (s.source as { id: string }).id]);
    const first = await ids();
    assert.equal(new Set(first.map(([id]) => id)).size, 3);
    assert.deepEqual(first[0][1], 'Drop-in 20260302T100000');
    assert.deepEqual(await ids(), first);
    const r = await run(ics);
    assert.match(r.report.records[0].notes[0].message, /^It has no UID, so its id comes from its title and start/);
    assert.deepEqual(feedOf(r).issues, []);
  });

  test('UIDs that slugify alike still give different sessions', async () => {
    const ics = cal(
      event('UID:Baby_Yoga', 'SUMMARY:A', 'DTSTART:20260302T100000'),
      event('UID:baby-yoga', 'SUMMARY:B', 'DTSTART:20260303T100000'),
    );
    const r = await importIcs(ics, { name: 'x.ics', now: NOW });
    const ids = r.feed.sessions!.map((s) => s.id);
    assert.equal(new Set(ids).size, 2);
    assert.deepEqual(feedOf(r).issues, []);
  });
});

describe('importIcs: occurrence by occurrence against ical.js over a year', () => {
  test('Google Calendar export: every occurrence matches', async () => {
    const { onlyIcalJs, onlyOurs } = await compareWithIcalJs('google-family-hub.ics');
    assert.deepEqual(onlyIcalJs, []);
    assert.deepEqual(onlyOurs, []);
  });

  test('Outlook with custom and unknown zone names: every occurrence matches', async () => {
    const { onlyIcalJs, onlyOurs } = await compareWithIcalJs('outlook-custom-zones.ics');
    assert.deepEqual(onlyIcalJs, []);
    assert.deepEqual(onlyOurs, []);
  });

  test('Zimbra (RDATE periods, UTC RECURRENCE-ID, overrides out of order): every occurrence matches', async () => {
    const { onlyIcalJs, onlyOurs } = await compareWithIcalJs('zimbra.ics');
    assert.deepEqual(onlyIcalJs, []);
    assert.deepEqual(onlyOurs, []);
  });

  test('Exchange 2010: matches except the all-day series, where ical.js is wrong', async () => {
    const { onlyIcalJs, onlyOurs } = await compareWithIcalJs('outlook-exchange-2010.ics');
    const clinic =
      '040000008200E00074C5B7101A82E00800000000F1E2D3C4B5A69788' +
      '000000000000000010000000AABBCCDDEEFF00112233445566778899';
    // Exchange writes an all-day override's RECURRENCE-ID as local midnight with a zone; ical.js
    // looks the override up by the date alone, misses it, and keeps 24 February where it was.
    assert.deepEqual(onlyIcalJs, [`${clinic} 2026-02-24 → 2026-02-25`]);
    assert.deepEqual(onlyOurs, [
      `${clinic} 2026-02-25 → 2026-02-26`,
      // UNTIL=20260629T230000Z is midnight starting 30 June in London (Exchange's "end by 30/06");
      // ical.js compares the date with the UTC instant and drops the last day.
      `${clinic} 2026-06-30 → 2026-07-01`,
    ]);
  });

  test('council CMS: matches except the UTC series and an RDATE-only event, where ical.js is wrong', async () => {
    const utcSeries = 'event-10231@events.anytown.gov.uk';
    const { onlyIcalJs, onlyOurs } = await compareWithIcalJs('council-cms.ics', [utcSeries]);
    assert.deepEqual(onlyIcalJs, []);
    // RFC 5545: DTSTART is the first date of the set, RDATEs or not; ical.js yields only the RDATEs.
    assert.deepEqual(onlyOurs, ['event-10240@events.anytown.gov.uk 2026-02-03 18:00 → 2026-02-03 20:00']);
  });
});

describe('importIcs: Google Calendar', () => {
  const massage = '4hq1ksj2v0lqf6s8o3k0m9bb1c@google.com';

  test('a weekly series, EXDATEs, and overrides before the series: cancelled, moved time, place and date', async () => {
    const r = await load('google-family-hub.ics');
    const s = sessionBy(r, massage);
    assert.deepEqual(s.schedule, {
      startDate: '2026-01-05',
      endDate: '2026-07-20',
      startTime: '10:00',
      endTime: '11:00',
      repeatFrequency: 'P1W',
      byDay: ['MO'],
      // the first EXDATE line is folded in the middle of a value
      exceptDate: ['2026-02-16', '2026-04-06', '2026-05-25', '2026-06-01'],
    });
    assert.deepEqual(s.occurrences, [
      { date: '2026-03-02', status: 'cancelled' },
      { date: '2026-03-16', status: 'cancelled' },
      { date: '2026-03-18', status: 'changed', startTime: '10:00', endTime: '11:00' },
      { date: '2026-05-11', status: 'changed', startTime: '13:00', endTime: '14:00' },
      { date: '2026-06-08', status: 'changed', place: 'anytown-library-wv1-3ab' },
    ]);
    assert.equal(
      s.description,
      'Gentle baby massage for babies from 6 weeks to crawling.\nBring a towel and a bottle of oil, or use ours.',
    );
    const recs = recordsFor(r, massage);
    const massageId = '4hq1ksj2v0lqf6s8o3k0m9bb1c-google-com';
    assert.deepEqual(
      recs.map((x) => [x.at.line, x.outcome, x.items.map((i) => i.id).join(' ')]),
      [
        [28, 'imported', massageId],
        [41, 'imported', massageId],
        [57, 'imported', `${massageId} bob-jones-community-hub-wv1-1aa anytown-family-hubs`],
        [77, 'imported', `${massageId} anytown-library-wv1-3ab`],
        [91, 'imported', massageId],
      ],
    );
  });

  test('a weekly 10:00 series is at 10:00 London time on both sides of both clock changes', async () => {
    const r = await load('google-family-hub.ics');
    const all = starts(r, massage);
    assert.ok(all.includes('2026-03-23T10:00'), 'GMT in March');
    assert.ok(all.includes('2026-03-30T09:00'), 'BST the day after the clocks go forward');
    const dads = starts(r, '5s9c3r1a7k2m8b6n4v0x1z3q5w@google.com');
    assert.ok(dads.includes('2026-03-27T18:30') && dads.includes('2026-04-24T17:30'));
    assert.ok(dads.includes('2026-10-30T18:30'), 'GMT again after the clocks go back');
    // A daily series straddling 29 March: 09:00 every day.
    assert.deepEqual(dates(r, '2w3e4r5t6y7u8i9o0p1a2s3d4f@google.com'), [
      '2026-03-27 09:00–12:30',
      '2026-03-28 09:00–12:30',
      '2026-03-29 09:00–12:30',
      '2026-03-30 09:00–12:30',
      '2026-03-31 09:00–12:30',
    ]);
    assert.deepEqual(starts(r, '2w3e4r5t6y7u8i9o0p1a2s3d4f@google.com').slice(2, 4), [
      '2026-03-29T08:00',
      '2026-03-30T08:00',
    ]);
  });

  test('all-day events: one day, and five days from the exclusive DTEND', async () => {
    const r = await load('google-family-hub.ics');
    assert.deepEqual(sessionBy(r, '7f8g9h0j1k2l3m4n5p6q7r8s9t@google.com').schedule, { startDate: '2026-07-25' });
    assert.deepEqual(sessionBy(r, '9t8s7r6q5p4n3m2l1k0j9h8g7f@google.com').schedule, {
      startDate: '2026-08-03',
      duration: 'P5D',
    });
  });

  test('an EXDATE written as a date removes that date of a timed series; an RDATE adds one', async () => {
    const r = await load('google-family-hub.ics');
    const s = sessionBy(r, '3x4c5v6b7n8m9q0w1e2r3t4y5u@google.com');
    assert.deepEqual(s.schedule.exceptDate, ['2026-02-10']);
    assert.deepEqual(s.occurrences, [{ date: '2026-02-12', status: 'scheduled' }]);
    const d = dates(r, '3x4c5v6b7n8m9q0w1e2r3t4y5u@google.com');
    assert.equal(d.length, 20, 'COUNT=20 counts the excepted date (RFC 5545), plus the extra date');
    assert.ok(!d.some((x) => x.startsWith('2026-02-10')));
  });

  test('a zone the file never defines (Europe/Dublin) is resolved with Intl, not read as floating', async () => {
    const r = await load('google-family-hub.ics');
    const s = sessionBy(r, '8u7y6t5r4e3w2q1p0o9i8u7y6t@google.com');
    assert.equal(s.schedule.scheduleTimezone, 'Europe/Dublin');
    assert.deepEqual(starts(r, '8u7y6t5r4e3w2q1p0o9i8u7y6t@google.com'), ['2026-04-15T18:30']);
    assert.deepEqual(s.online, { url: 'https://meet.google.com/abc-defg-hij' });
    assert.equal(s.place, undefined);
  });

  test('private, cancelled and past events are skipped, each with its reason, line and UID', async () => {
    const r = await load('google-family-hub.ics');
    const skipped = r.report.records.filter((x) => x.outcome == 'skipped');
    assert.deepEqual(
      skipped.map((x) => [x.name, x.at.line, x.notes[0].message]),
      [
        ['Team supervision', 239, 'It is marked private (CLASS:PRIVATE), so it is not for publishing.'],
        ['Toddler Yoga', 253, 'It is marked as cancelled (STATUS:CANCELLED).'],
        ['Christmas Party', 266, 'Its last date, Monday 15 December 2025, is before this import, so it was left out.'],
        [
          'Rhyme Time',
          293,
          'It cancels one date of a series that is not in this calendar, so there is nothing to cancel.',
        ],
      ],
    );
    assert.equal(skipped[0].at.id, 'p1r2i3v4a5t6e7e8v9e0n1t2s3@google.com');
    assert.ok(!r.feed.sessions!.some((s) => /supervision|yoga|party/i.test(String(s.name))));
  });

  test('an override whose series is not in the file becomes a one-off, with a note', async () => {
    const r = await load('google-family-hub.ics');
    const s = sessionBy(r, 'o9r8p7h6a5n4e3d2s1e0r9i8e7@google.com');
    assert.deepEqual(s.schedule, { startDate: '2026-02-12', startTime: '14:00', endTime: '15:00' });
    // Its id in the source is the UID and the date it changes: two such changes never share one.
    assert.equal(s.source!.id, 'o9r8p7h6a5n4e3d2s1e0r9i8e7@google.com#20260212T133000');
    assert.match(notesOf(r, 'o9r8p7h6a5n4e3d2s1e0r9i8e7@google.com')[0], /series that is not in this calendar/);
  });

  test('an EXDATE that matches no date is reported, with its line', async () => {
    const r = await load('google-family-hub.ics');
    const rec = recordsFor(r, '1a2b3c4d5e6f7g8h9i0j1k2l3m@google.com')[0];
    assert.equal(rec.outcome, 'imported-with-losses');
    assert.deepEqual(rec.notes, [
      {
        field: 'EXDATE',
        message:
          'It says it does not run on Tuesday 10 March 2026 (line 142), but that is not one of its dates, so ' +
          'that exception was left out.',
      },
    ]);
    assert.equal(sessionBy(r, '1a2b3c4d5e6f7g8h9i0j1k2l3m@google.com').schedule.exceptDate, undefined);
  });

  test('places are made once from LOCATION text, with an address read from it; organisers from ORGANIZER', async () => {
    const r = await load('google-family-hub.ics');
    const hub = r.feed.places!.find((p) => p.id == 'bob-jones-community-hub-wv1-1aa');
    assert.deepEqual(hub, {
      id: 'bob-jones-community-hub-wv1-1aa',
      name: 'Bob Jones Community Hub',
      address: { street: '12 High Street', locality: 'Anytown', postcode: 'WV1 1AA' },
      source: { ref: r.source.id, id: 'Bob Jones Community Hub, 12 High Street, Anytown, WV1 1AA' },
    });
    assert.equal(r.feed.places!.length, 4);
    assert.ok(
      r.report.notes.some((n) => n.message.startsWith('The place “Bob Jones Community Hub” has an address worked out')),
    );
    // Google names the calendar itself as organiser: a name, and no made-up mailbox.
    assert.deepEqual(r.feed.organisations, [
      {
        id: 'anytown-family-hubs',
        name: 'Anytown Family Hubs',
        source: { ref: r.source.id, id: 'mailto:c_8f2a1e0b9d@group.calendar.google.com' },
      },
    ]);
    assert.match(r.report.detected, /Google Calendar/);
  });
});

describe('importIcs: Outlook and Exchange', () => {
  const perinatal =
    '040000008200E00074C5B7101A82E00800000000D0B1F9D2A84FDC010000000000000000100000007A9E8A4C3B1F2D40A5F6E7D8C9B0A1F2';

  test('Windows zone names become IANA zones, reported once each', async () => {
    const r = await load('outlook-exchange-2010.ics');
    const s = sessionBy(r, perinatal);
    assert.equal(s.schedule.scheduleTimezone, undefined, 'GMT Standard Time is the feed’s own zone, Europe/London');
    const infos = r.report.notes.map((n) => n.message);
    assert.ok(infos.includes('The time zone “GMT Standard Time” (a Windows name) is read as Europe/London.'));
    assert.ok(infos.includes('The time zone “W. Europe Standard Time” (a Windows name) is read as Europe/Berlin.'));
    assert.deepEqual(s.occurrences, [{ date: '2026-03-11', status: 'changed', startTime: '15:00', endTime: '16:30' }]);
    assert.deepEqual(s.schedule.exceptDate, ['2026-02-18', '2026-04-08']);
    assert.equal(s.schedule.endDate, '2026-12-16');
  });

  test('the malformed quoted TZID line that stops ical.js is repaired, and only reported', async () => {
    const line = 'DTSTART;TZID="W. Europe Standard Time:20260609T090000"';
    assert.throws(() => ICAL.parse(text('outlook-exchange-2010.ics')), /Missing parameter value/);
    const r = await load('outlook-exchange-2010.ics');
    const s = r.feed.sessions!.find((x) => x.name == 'Parent-Infant Psychotherapy Taster') as unknown as Session;
    assert.deepEqual(s.schedule, {
      startDate: '2026-06-09',
      startTime: '09:00',
      endTime: '10:30',
      scheduleTimezone: 'Europe/Berlin',
    });
    assert.deepEqual(s.online, { note: 'Microsoft Teams Meeting' });
    const note = r.report.notes.find((n) => n.at?.line == 105)!;
    assert.equal(note.level, 'info');
    assert.ok(note.message.includes(line) && note.message.includes('“W. Europe Standard Time”'));
  });

  test('HTML descriptions (X-ALT-DESC) become plain text', async () => {
    const r = await load('outlook-exchange-2010.ics');
    assert.equal(
      sessionBy(r, perinatal).description,
      'Talk to a perinatal mental health practitioner & meet other parents.\n\nNo referral needed.',
    );
  });

  test('BYSETPOS for the nth weekday becomes the feed’s 2TU; BYMONTHDAY and COUNT carry over', async () => {
    const r = await load('outlook-exchange-2010.ics');
    const feeding = r.feed.sessions!.find((x) => x.name == 'Infant Feeding Clinic') as unknown as Session;
    assert.deepEqual(feeding.schedule.byDay, ['2TU']);
    assert.equal(feeding.schedule.repeatCount, 12);
    const coffee = r.feed.sessions!.find((x) => x.name == 'Coffee Morning for New Parents') as unknown as Session;
    assert.deepEqual(coffee.schedule.byMonthDay, [15]);
  });

  test('a fortnightly rule with weeks from Sunday (WKST=SU) is listed date by date, as ical.js has it', async () => {
    const r = await load('outlook-exchange-2010.ics');
    const swim = r.feed.sessions!.find((x) => x.name == 'Dads and Babies Swim') as unknown as Session;
    assert.equal(swim.schedule.repeatFrequency, undefined);
    assert.deepEqual(
      [swim.schedule.startDate, ...swim.occurrences!.slice(0, 3).map((o) => o.date)],
      ['2026-01-10', '2026-01-18', '2026-01-24', '2026-02-01'],
    );
    const rec = r.report.records.find((x) => x.name == 'Dads and Babies Swim')!;
    assert.equal(rec.outcome, 'imported-with-losses');
    assert.match(rec.notes[0].message, /counts its weeks from Sunday \(WKST\), which the feed cannot say/);
  });

  test('Exchange’s all-day series: its UTC UNTIL and zoned RECURRENCE-ID are read as the dates meant', async () => {
    const r = await load('outlook-exchange-2010.ics');
    const clinic = r.feed.sessions!.find((x) => x.name == 'Specialist Health Visitor Clinic Day') as unknown as Session;
    assert.deepEqual(clinic.schedule, {
      startDate: '2026-01-06',
      endDate: '2026-06-30',
      repeatFrequency: 'P1W',
      byDay: ['TU', 'TH'],
    });
    assert.deepEqual(clinic.occurrences, [
      { date: '2026-02-24', status: 'cancelled' },
      { date: '2026-02-25', status: 'changed' },
    ]);
  });

  test('an unknown, undefined zone name is read in the feed’s zone, with a warning and a note', async () => {
    const r = await load('outlook-custom-zones.ics');
    const music = sessionBy(r, '0000021');
    assert.deepEqual(music.schedule, {
      startDate: '2026-03-03',
      endDate: '2026-06-30',
      startTime: '14:00',
      endTime: '15:00',
      repeatFrequency: 'P1W',
      byDay: ['TU'],
    });
    const warning = r.report.notes.find((n) => n.level == 'warning')!;
    assert.match(warning.message, /“\(GMT \+01:00\)” is not one this importer knows, and the file does not define it/);
    assert.equal(warning.at?.line, 42);
    assert.equal(recordsFor(r, '0000021')[0].outcome, 'imported-with-losses');
    assert.match(notesOf(r, '0000021')[0], /read as Europe\/London times/);
  });

  test(
    'Outlook display names, an unquoted zone name with a colon, and a custom-named zone matched by its ' +
      'clock changes',
    async () => {
      const r = await load('outlook-custom-zones.ics');
      const names = r.feed.sessions!.map((s) => [s.name, (s.schedule as Session['schedule']).scheduleTimezone]);
      assert.deepEqual(names, [
        ['Music and Rhymes', undefined],
        ['Baby Clinic', undefined],
        ['Co-parenting after separation (online talk)', 'Europe/Berlin'],
        ['Easter Holiday Baby Sensory', undefined],
      ]);
      const messages = r.report.notes.map((n) => n.message);
      assert.ok(
        messages.includes(
          'The time zone “(UTC) Dublin, Edinburgh, Lisbon, London” (an Outlook name) is read as Europe/London.',
        ),
      );
      assert.ok(
        messages.some((m) =>
          m.startsWith(
            'The time zone “Anytown Family Hub Time” is defined in the file, and its clock changes are those of ' +
              'Europe/London',
          ),
        ),
      );
      const repaired = r.report.notes.find((n) => n.at?.line == 76)!.message;
      assert.ok(repaired.startsWith('Line 76 “DTSTART;TZID=(UTC+01:00) Amsterdam, Berlin'));
      assert.ok(
        repaired.endsWith(
          "does not quote its time zone's name as it should; it was read as the zone " +
            '“(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna”.',
        ),
      );
      // Easter week straddles no change, but the series starts after the clocks go forward: 10:00 BST.
      assert.deepEqual(starts(r, 'easter-baby-sensory-2026'), [
        '2026-04-02T09:00',
        '2026-04-09T09:00',
        '2026-04-16T09:00',
        '2026-04-23T09:00',
      ]);
    },
  );
});

describe('importIcs: Zimbra', () => {
  test('a VTIMEZONE without a TZID (which makes ical.js’s register throw) is dropped with a warning', async () => {
    const root = new ICAL.Component(ICAL.parse(text('zimbra.ics')) as unknown[]);
    const broken = root.getAllSubcomponents('vtimezone')[1];
    assert.throws(() => ICAL.TimezoneService.register(broken));
    ICAL.TimezoneService.reset();
    const r = await load('zimbra.ics');
    const w = r.report.notes.find((n) => n.level == 'warning')!;
    assert.equal(w.at?.line, 24);
    assert.match(w.message, /has no name \(TZID\)/);
    assert.ok(
      r.report.notes.some(
        (n) =>
          n.message ==
          'The calendar also holds a to-do (VTODO) and another component (X-UNKNOWN); only events become sessions.',
      ),
    );
  });

  test('RDATEs in UTC and as periods, and a UTC RECURRENCE-ID moving one of them', async () => {
    const r = await load('zimbra.ics');
    const s = sessionBy(r, '623c13c0-6c2b-45d6-a12b-c33ad61c4868');
    assert.deepEqual(s.occurrences, [
      { date: '2026-02-03', status: 'changed', place: 'anytown-library-wv1-3ab' },
      { date: '2026-04-23', status: 'scheduled' },
      { date: '2026-04-25', status: 'scheduled', startTime: '10:00', endTime: '13:30' },
      { date: '2026-06-15', status: 'changed', startTime: '14:00', endTime: '15:30' },
      { date: '2026-06-30', status: 'scheduled' },
    ]);
    // Attendees are people's addresses: never copied into a public feed.
    assert.ok(!JSON.stringify(r.feed).includes('sam.patel'));
    const override = r.report.records.find((x) => x.at.line == 73)!;
    assert.equal(override.outcome, 'imported-with-losses');
    assert.deepEqual(
      override.notes.map((n) => n.field),
      ['DESCRIPTION'],
    );
  });
});

describe('importIcs: a council CMS', () => {
  const rhymes = 'event-10231@events.anytown.gov.uk';

  test('a series written in UTC keeps its London wall-clock time, with a warning (ical.js drifts)', async () => {
    const r = await load('council-cms.ics');
    const d = dates(r, rhymes);
    assert.ok(
      d.includes('2026-03-26 10:30–11:30') &&
        d.includes('2026-04-09 10:30–11:30') &&
        d.includes('2026-11-05 10:30–11:30'),
    );
    // EXDATEs written at the summer hour (09:30Z) and the winter hour (10:30Z) both remove their dates.
    assert.ok(!d.some((x) => /^2026-(04-02|12-24|12-31)/.test(x)));
    // The override's UTC RECURRENCE-ID is summer's 10:30: it moves that date to 13:30.
    assert.ok(d.includes('2026-06-18 13:30–14:30 changed'));
    const rec = recordsFor(r, rhymes)[0];
    assert.equal(rec.outcome, 'imported-with-losses');
    assert.equal(
      rec.notes[0].message,
      'It repeats, but its times are written in UTC (10:30 UTC on Thursday 8 January 2026). It is read as ' +
        '10:30 Europe/London time every time, as its first date shows; calendars that follow the UTC times ' +
        'strictly show it an hour out after the clock changes.',
    );
    // What ical.js makes of the same file: 11:30 after the clocks go forward, and 2 April kept.
    ICAL.TimezoneService.reset();
    const root = new ICAL.Component(ICAL.parse(forIcalJs(text('council-cms.ics'))) as unknown[]);
    const ev = new ICAL.Event(
      root.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') == rhymes)!,
      { strictExceptions: true, exceptions: [] },
    );
    const it = ev.iterator();
    const ical: string[] = [];
    for (let t = it.next(); t && ical.length < 14; t = it.next()) ical.push(t.toJSDate().toISOString().slice(0, 16));
    assert.ok(ical.includes('2026-04-02T10:30'), 'ical.js keeps 2 April, at 11:30 BST');
  });

  test('one malformed line costs its event, never the file; the sentence names the line', async () => {
    const r = await load('council-cms.ics');
    const messy = r.report.records.find((x) => x.name == 'Messy Play')!;
    assert.equal(messy.outcome, 'skipped');
    assert.equal(messy.at.line, 43);
    assert.equal(messy.at.id, 'event-10234@events.anytown.gov.uk');
    assert.equal(
      messy.notes[0].message,
      'Line 51 “Bring spare clothes!” has no colon, so it is not a property line (if it continues the line ' +
        'above, it needs a space at its start).',
    );
    const toy = r.report.records.find((x) => x.name == 'Toy Library')!;
    assert.equal(
      toy.notes[0].message,
      'Line 57 “DTSTART:2026-03-05 10:00” has a start that is not a date or a date and time.',
    );
    assert.equal(r.report.records.filter((x) => x.outcome != 'skipped').length, 8);
  });

  test('rules the feed cannot say: BYSETPOS listed for the coming year; several times a day skipped', async () => {
    const r = await load('council-cms.ics');
    const forum = sessionBy(r, 'event-10236@events.anytown.gov.uk');
    assert.equal(forum.schedule.repeatFrequency, undefined);
    assert.deepEqual(
      [forum.schedule.startDate, ...forum.occurrences!.map((o) => o.date)],
      [
        '2026-01-30',
        '2026-02-27',
        '2026-03-31',
        '2026-04-30',
        '2026-05-29',
        '2026-06-30',
        '2026-07-31',
        '2026-08-31',
        '2026-09-30',
        '2026-10-30',
        '2026-11-30',
        '2026-12-31',
      ],
    );
    assert.match(
      notesOf(r, 'event-10236@events.anytown.gov.uk')[0],
      /BYSETPOS=-1, which the feed cannot say, so its dates from Friday 30 January 2026 to Thursday 31 December 2026 are listed one by one; import the calendar again to add later ones\./,
    );
    const skipped = (uid: string) => recordsFor(r, uid)[0].notes[0].message;
    assert.equal(
      skipped('event-10237@events.anytown.gov.uk'),
      'It repeats hourly (several times a day), which a session cannot.',
    );
    assert.equal(
      skipped('event-10238@events.anytown.gov.uk'),
      'It repeats several times a day (FREQ=DAILY;BYDAY=MO,WE;BYHOUR=10,14), which a session cannot.',
    );
  });

  test('floating times, a UTC one-off, RDATE-only dates, DURATION, HTML text, categories and links', async () => {
    const r = await load('council-cms.ics');
    assert.ok(
      r.report.notes.some(
        (n) =>
          n.level == 'warning' &&
          n.message == 'Some times are written without a time zone; they are read as Europe/London times.',
      ),
    );
    assert.deepEqual(sessionBy(r, 'event-10239@events.anytown.gov.uk').schedule, {
      startDate: '2026-06-20',
      startTime: '09:00',
      endTime: '11:00',
    });
    const antenatal = sessionBy(r, 'event-10240@events.anytown.gov.uk');
    assert.deepEqual(antenatal.schedule, { startDate: '2026-02-03', startTime: '18:00', endTime: '20:00' });
    assert.deepEqual(
      antenatal.occurrences!.map((o) => o.date),
      ['2026-02-10', '2026-02-17', '2026-03-03'],
    );
    const s = sessionBy(r, rhymes);
    assert.equal(
      s.description,
      'Songs, rhymes and stories for babies aged 0-18 months and their grown-ups.\n\nFree & no need to book.',
    );
    assert.equal(s.category, 'baby-and-toddler');
    assert.equal(s.url, 'https://www.anytown.gov.uk/events/baby-rhyme-time');
    assert.ok(
      notesOf(r, rhymes).includes('A session has one category, so it has “Baby & Toddler”; “Free” was left out.'),
    );
    assert.equal(
      r.report.records.find((x) => x.at.line == 111)!.notes[0].message,
      'It has no title (SUMMARY), and a session needs a name.',
    );
    assert.equal(
      r.report.records.find((x) => x.at.line == 128)!.notes[0].message,
      "It changes Saturday 28 February 2026, which is not one of its series' dates, so it was left out.",
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Small calendars written inline

const event = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20251201T000000Z', ...lines, 'END:VEVENT'].join('\r\n');
const cal = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Test//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
const run = (ics: string | Uint8Array, options: Partial<ImportOptions> = {}) =>
  importIcs(ics, { name: 'test.ics', now: NOW, ...options });

describe('importIcs: not a calendar', () => {
  for (const [what, input, pattern] of [
    [
      'an HTML page',
      '<!DOCTYPE html><html><head><title>Sign in - Google Accounts</title></head><body></body></html>',
      /^It is a web page \(“Sign in - Google Accounts”\), not a calendar\. Use the calendar’s own \.ics address/,
    ],
    ['a JSON file', '{ "version": 1, "sessions": [] }', /^It is JSON data, not an iCalendar \(\.ics\) file\./],
    ['an empty file', '\r\n', /^The file is empty/],
    [
      'a CSV file',
      'Session name,Day\r\nBaby Massage,Monday\r\n',
      /^It is not an iCalendar \(\.ics\) file: a calendar starts with BEGIN:VCALENDAR, and this one starts with “Session name,Day”\.$/,
    ],
    [
      'a calendar with no events',
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:1\r\nEND:VTODO\r\nEND:VCALENDAR\r\n',
      /^The calendar holds no events \(VEVENT\), only a to-do \(VTODO\), so there is nothing to import\.$/,
    ],
  ] as const) {
    test(`${what}: report.failed with a sentence, and no feed`, async () => {
      const r = await run(input);
      assert.match(r.report.failed!, pattern);
      assert.deepEqual(r.feed, {});
      assert.deepEqual(r.report.records, []);
    });
  }

  test('a calendar whose every event is unreadable fails, rather than emptying a feed', async () => {
    const r = await run(cal(event('UID:a', 'SUMMARY:A', 'DTSTART:nonsense'), event('UID:b', 'SUMMARY B')));
    assert.match(
      r.report.failed!,
      /^None of its 2 events could be read; the first problem: Line \d+ “DTSTART:nonsense” has a start/,
    );
    assert.deepEqual(r.feed, {});
  });
});

describe('importIcs: addresses (fetched with options.fetch)', () => {
  const reply =
    (body: string, init: ResponseInit = {}) =>
    async () =>
      new Response(body, init);

  test('a webcal address is fetched over https and recorded as the source’s url', async () => {
    const asked: string[] = [];
    const fetch = (async (url: string | URL | Request) => {
      asked.push(String(url));
      return new Response(cal(event('UID:a', 'SUMMARY:Baby Yoga', 'DTSTART:20260302T100000')), {
        headers: { 'content-type': 'text/calendar' },
      });
    }) as typeof globalThis.fetch;
    const r = await importIcs('webcal://calendar.anytown.gov.uk/family.ics', {
      name: 'webcal://calendar.anytown.gov.uk/family.ics',
      now: NOW,
      fetch,
    });
    assert.deepEqual(asked, ['https://calendar.anytown.gov.uk/family.ics']);
    assert.equal(r.source.url, 'https://calendar.anytown.gov.uk/family.ics');
    assert.equal(r.feed.sessions!.length, 1);
  });

  test('a login page, a 404 and a network error each fail with a sentence', async () => {
    const page = await run('https://calendar.google.com/calendar/embed?src=x', {
      fetch: reply('<html><head><title>Google Calendar - Sign in</title></head></html>', {
        headers: { 'content-type': 'text/html' },
      }) as typeof fetch,
    });
    assert.match(page.report.failed!, /^It is a web page \(“Google Calendar - Sign in”\), not a calendar\./);
    const missing = await run('https://example.org/nope.ics', {
      fetch: reply('Not found', { status: 404, statusText: 'Not Found' }) as typeof fetch,
    });
    assert.match(
      missing.report.failed!,
      /^The server at example\.org answered 404 \(Not Found\) for the calendar\. Check the address\.$/,
    );
    const down = await run('https://example.org/cal.ics', {
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch,
    });
    assert.match(down.report.failed!, /^Could not reach example\.org for the calendar/);
    for (const r of [page, missing, down]) assert.deepEqual(r.feed, {});
  });
});

describe('importIcs: bytes, folding and escapes', () => {
  test('Windows-1252 bytes are read (the £ sign), with a warning', async () => {
    const ics = cal(event('UID:a', 'SUMMARY:Baby Massage \u00a31.50', 'DTSTART:20260302T100000'));
    const bytes = Uint8Array.from(ics, (c) => c.charCodeAt(0));
    const r = await run(bytes);
    assert.equal(r.feed.sessions![0].name, 'Baby Massage £1.50');
    assert.ok(r.report.notes.some((n) => n.level == 'warning' && /read as Windows-1252/.test(n.message)));
  });

  test('UTF-8 with a byte-order mark, UTF-16 with one, and a character split by a fold', async () => {
    const ics = cal(event('UID:a', 'SUMMARY:Cylch Ti a Fi – Café', 'DTSTART:20260302T100000'));
    const bom = await run(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(ics)]));
    assert.equal(bom.feed.sessions![0].name, 'Cylch Ti a Fi – Café');
    const utf16 = new Uint8Array(2 + ics.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < ics.length; i++) {
      utf16[2 + i * 2] = ics.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = ics.charCodeAt(i) >> 8;
    }
    assert.equal((await run(utf16)).feed.sessions![0].name, 'Cylch Ti a Fi – Café');
    // "é" is two bytes in UTF-8; a careless writer folds between them.
    const utf8 = new TextEncoder().encode(ics);
    const at = utf8.indexOf(0xa9) - 0; // the second byte of é
    const split = new Uint8Array([...utf8.slice(0, at), 0x0d, 0x0a, 0x20, ...utf8.slice(at)]);
    const r = await run(split);
    assert.equal(r.feed.sessions![0].name, 'Cylch Ti a Fi – Café');
    assert.ok(!r.report.notes.some((n) => /Windows-1252/.test(n.message)));
  });

  test('escaped text, LF-only and CR-only line ends', async () => {
    const body = cal(
      event(
        'UID:a',
        'SUMMARY:Stay\\, Play \\; Learn',
        'DESCRIPTION:Line one\\nLine two\\\\three',
        'DTSTART:20260302T100000',
      ),
    );
    for (const ics of [body, body.replace(/\r\n/g, '\n'), body.replace(/\r\n/g, '\r')]) {
      const s = (await run(ics)).feed.sessions![0];
      assert.equal(s.name, 'Stay, Play ; Learn');
      assert.equal(s.description, 'Line one\nLine two\\three');
    }
  });

  test('a file cut short: whole events are imported, the cut one is skipped, and a warning says so', async () => {
    const ics =
      cal(event('UID:a', 'SUMMARY:Whole', 'DTSTART:20260302T100000')).replace('END:VCALENDAR\r\n', '') +
      'BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Cut\r\n';
    const r = await run(ics);
    assert.deepEqual(
      r.feed.sessions!.map((s) => s.name),
      ['Whole'],
    );
    assert.equal(r.report.records[1].notes[0].message, 'It is cut off: the file ends before its END:VEVENT.');
    assert.ok(r.report.notes.some((n) => /ends without END:VCALENDAR/.test(n.message)));
  });
});

describe('importIcs: choices where calendars disagree', () => {
  test('a first date the rule does not pick counts (RFC 5545), as Google shows it; ical.js leaves it out', async () => {
    const ics = cal(
      event(
        'UID:a',
        'SUMMARY:Start on a Tuesday',
        'DTSTART:20260303T100000',
        'DTEND:20260303T110000',
        'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3',
      ),
    );
    const r = await run(ics);
    assert.deepEqual(dates(r, 'a'), ['2026-03-03 10:00–11:00', '2026-03-09 10:00–11:00', '2026-03-16 10:00–11:00']);
    assert.deepEqual(feedOf(r).issues, []);
    const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent')!);
    const it = ev.iterator();
    assert.equal(it.next()!.toString(), '2026-03-09T10:00:00', 'ical.js starts on the first Monday');
    assert.match(
      notesOf(r, 'a')[0],
      /^Its first date, Tuesday 3 March 2026, is not one its repeat rule picks; it is kept as an extra date/,
    );
  });

  test('an EXDATE at another time of day still cancels its date, with a note (ical.js keeps the date)', async () => {
    const r = await run(
      cal(
        event(
          'UID:a',
          'SUMMARY:X',
          'DTSTART;TZID=Europe/London:20260302T100000',
          'RRULE:FREQ=WEEKLY;COUNT=3',
          'EXDATE;TZID=Europe/London:20260309T090000',
        ),
      ),
    );
    assert.deepEqual(dates(r, 'a'), ['2026-03-02 10:00', '2026-03-16 10:00']);
    assert.equal(
      notesOf(r, 'a')[0],
      'Its exception on Monday 9 March 2026 (line 10) is at 09:00, not at its start time 10:00; the date is ' +
        'taken as not running.',
    );
  });

  test('two copies of one event: the higher SEQUENCE wins, the other is reported', async () => {
    const r = await run(
      cal(
        event('UID:a', 'SEQUENCE:2', 'SUMMARY:New', 'DTSTART:20260302T100000'),
        event('UID:a', 'SEQUENCE:1', 'SUMMARY:Old', 'DTSTART:20260302T100000'),
      ),
    );
    assert.deepEqual(
      r.feed.sessions!.map((s) => s.name),
      ['New'],
    );
    assert.equal(r.report.records[1].outcome, 'skipped');
    assert.match(
      r.report.records[1].notes[0].message,
      /^Another copy of this event \(the same UID\) at line 4 is newer/,
    );
  });

  test('an event past midnight has a duration; a moved date onto a taken date is reported', async () => {
    const r = await run(
      cal(
        event(
          'UID:late',
          'SUMMARY:Night feeds helpline',
          'DTSTART;TZID=Europe/London:20260302T220000',
          'DTEND;TZID=Europe/London:20260303T020000',
        ),
        event(
          'UID:w',
          'SUMMARY:Weekly',
          'DTSTART:20260302T100000',
          'DTEND:20260302T110000',
          'RRULE:FREQ=DAILY;COUNT=5',
        ),
        event(
          'UID:w',
          'RECURRENCE-ID:20260303T100000',
          'SUMMARY:Weekly',
          'DTSTART:20260304T100000',
          'DTEND:20260304T110000',
        ),
      ),
    );
    assert.deepEqual(sessionBy(r, 'late').schedule, { startDate: '2026-03-02', startTime: '22:00', duration: 'PT4H' });
    assert.deepEqual(sessionBy(r, 'w').occurrences, [{ date: '2026-03-03', status: 'cancelled' }]);
    assert.match(
      notesOf(r, 'w')[0],
      /moves Tuesday 3 March 2026 to Wednesday 4 March 2026, which already has a session/,
    );
    assert.deepEqual(feedOf(r).issues, []);
  });

  test('a finished COUNT series is left out as past; an endless one that began years ago is kept', async () => {
    const r = await run(
      cal(
        event('UID:old', 'SUMMARY:Old course', 'DTSTART:20240105T100000', 'RRULE:FREQ=WEEKLY;COUNT=6'),
        event(
          'UID:forever',
          'SUMMARY:Weekly since 2019',
          'DTSTART:20190107T100000',
          'RRULE:FREQ=WEEKLY;BYDAY=MO',
          'EXDATE:20190114T100000',
        ),
      ),
    );
    assert.deepEqual(
      r.feed.sessions!.map((s) => s.name),
      ['Weekly since 2019'],
    );
    assert.equal(
      r.report.records[0].notes[0].message,
      'Its last date, Friday 9 February 2024, is before this import, so it was left out.',
    );
    assert.equal(sessionBy(r, 'forever').schedule.exceptDate, undefined, 'exceptions long past are dropped');
    assert.equal(dates(r, 'forever', 7)[0], '2026-01-05 10:00');
  });

  test('a stopped import fails without a partial feed', async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await run(cal(event('UID:a', 'SUMMARY:A', 'DTSTART:20260302T100000')), { signal: controller.signal });
    assert.match(r.report.failed!, /stopped/);
    assert.deepEqual(r.feed, {});
  });
});

describe('importIcs: rare parts of iCalendar', () => {
  test('a second RRULE, an EXRULE and a change to "this and later dates" are imported with a note each', async () => {
    const r = await run(
      cal(
        event(
          'UID:a',
          'SUMMARY:Weekly',
          'DTSTART:20260302T100000',
          'RRULE:FREQ=WEEKLY;COUNT=4',
          'RRULE:FREQ=MONTHLY;COUNT=2',
          'EXRULE:FREQ=MONTHLY;BYDAY=1MO',
        ),
        event(
          'UID:a',
          'RECURRENCE-ID;RANGE=THISANDFUTURE:20260309T100000',
          'SUMMARY:Weekly',
          'DTSTART:20260309T110000',
        ),
      ),
    );
    assert.deepEqual(dates(r, 'a'), [
      '2026-03-02 10:00',
      '2026-03-09 11:00 changed',
      '2026-03-16 10:00',
      '2026-03-23 10:00',
    ]);
    assert.deepEqual(
      r.report.records.map((x) => x.notes.map((n) => n.field)),
      [['RRULE', 'EXRULE'], ['RECURRENCE-ID']],
    );
    assert.match(r.report.records[1].notes[0].message, /^It changes Monday 9 March 2026 and every later date/);
  });
});
