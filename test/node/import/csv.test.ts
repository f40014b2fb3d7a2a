// The spreadsheet importers (src/import/csv.ts) on files as Excel and Google Sheets save them
// (fixtures in test/node/fixtures/csv/, described in its README), on the shipped templates, and on
// files that cannot be used. Everything imported must pass the feed's own validation, and the
// schedule engine must give the right dates and wall-clock times across both clock changes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importServicesCsv, importSessionsCsv, spreadsheetKind } from '../../../src/import/csv.js';
import type { ImportResult, RecordReport } from '../../../src/import/types.js';
import { validateFeed } from '../../../src/feed/validate.js';
import type { Session } from '../../../src/feed/types.js';
import { sessionOccurrences } from '../../../src/schedule/occurrences.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url)));
const template = (name: string) => new Uint8Array(readFileSync(new URL(`../../../templates/${name}`, import.meta.url)));
const now = new Date('2026-08-20T10:00:00Z');
const sessions = (input: Uint8Array | string, name = 'sessions.csv') => importSessionsCsv(input, { name, now });
const services = (input: Uint8Array | string, name = 'services.csv') => importServicesCsv(input, { name, now });

/**
 * The feed an import makes, checked by the feed's own validator: it must find nothing. Term-time
 * and bank-holiday sessions need the feed's calendars (the term-dates and bank-holiday importers
 * bring them), so the feed here has both, as a published one would.
 */
const calendars = {
  termDates: { terms: [{ type: 'term', start: '2026-09-01', end: '2027-07-21', name: 'School year 2026-27' }] },
  bankHolidays: { dates: [{ date: '2026-12-25' }, { date: '2026-12-28' }, { date: '2027-05-03' }] },
};
const validated = (r: ImportResult) => {
  const { feed, issues } = validateFeed({ version: 1, sources: [r.source], ...calendars, ...r.feed });
  assert.deepEqual(issues, [], 'the validator finds no issue');
  return feed;
};
const record = (r: ImportResult, row: number) => r.report.records.find((x) => x.at.row == row)!;
const messages = (rec: RecordReport) => rec.notes.map((n) => n.message);
const session = (r: ImportResult, name: string) =>
  r.feed.sessions!.find((s) => (typeof s.name == 'string' ? s.name : (s.name as { en: string }).en) == name) as Item;
type Item = Record<string, unknown> & { schedule: Record<string, unknown> };

describe('sessions: a file saved by Excel (UTF-8 with BOM, CRLF, quirks)', async () => {
  const r = await sessions(fixture('excel-bom-crlf.csv'), 'excel-bom-crlf.csv');

  test('imports what it can, and the validator finds no issue', () => {
    assert.equal(r.report.failed, undefined);
    assert.equal(r.report.format, 'sessions-csv');
    validated(r);
    assert.deepEqual(
      r.report.records.map((x) => [x.at.row, x.outcome]),
      [
        [2, 'imported-with-losses'],
        [3, 'imported-with-losses'],
        [5, 'imported'],
        [6, 'imported'],
        [7, 'imported'],
        [8, 'imported'],
        [9, 'imported-with-losses'],
        [10, 'skipped'],
        [11, 'skipped'],
        [12, 'skipped'],
        [13, 'imported-with-losses'],
      ],
    );
  });

  test('row numbers are the spreadsheet rows: multi-line cells and blank rows shift nothing', () => {
    // Row 2 has line breaks in two cells; row 4 is blank; the Excel serial date is in row 2.
    assert.deepEqual(messages(record(r, 2)), [
      'Row 2, First date: "46272" is a spreadsheet date stored as a number; read as 07/09/2026.',
    ]);
    assert.equal(record(r, 5).name, 'Baby Booktime');
  });

  test('a skipped row says which row, which column and why, in a sentence', () => {
    assert.deepEqual(messages(record(r, 10)), [
      'Row 10, Day: "Tusday" is not a day of the week (did you mean Tuesday?); write Monday, Tuesday… or Mon, ' +
        'Tue…. This session was skipped.',
    ]);
    assert.equal(record(r, 10).at.column, 'Day');
    assert.deepEqual(messages(record(r, 11)), [
      'Row 11, session NAME: is blank; every session needs a name. This session was skipped.',
    ]);
    assert.match(messages(record(r, 12))[0], /^Row 12, First date: "09\/25\/2026" has no month 25: .*skipped\.$/);
  });

  test('headers match in any case and spacing; misspelt and unknown ones are reported', () => {
    const notes = r.report.notes.map((n) => n.message);
    assert.ok(notes.includes('The column "Postode" (column N) was read as Postcode; correct its header.'));
    assert.ok(notes.some((n) => n.startsWith('The column "Parking" (column Z) is not one the sessions template has')));
    // Excel's trailing empty columns are not reported; the postcode was read through the misspelt header.
    assert.equal(r.report.notes.length, 2);
    const place = r.feed.places!.find((p) => p.name == 'Bob Jones Community Hub')!;
    assert.deepEqual(place.address, { street: 'Blakeley Green Road', locality: 'Wolverhampton', postcode: 'WV10 8TG' });
  });

  test('what people type: days, times, frequencies, dates, yes/no, costs, booking', () => {
    const massage = session(r, 'Baby Massage');
    assert.deepEqual(massage.schedule, {
      startDate: '2026-09-07',
      repeatFrequency: 'P1W',
      byDay: ['MO'],
      endDate: '2027-07-19',
      startTime: '10:00',
      endTime: '11:00',
      termTimeOnly: true,
    });
    assert.deepEqual(massage.name, { en: 'Baby Massage', cy: 'Tylino babanod' });
    assert.deepEqual(massage.description, {
      en: 'Gentle massage for babies.\nBring a towel.\n\nNo need to undress your baby fully.',
      cy: 'Tylino tyner i fabanod.',
    });
    assert.deepEqual(massage.cost, { free: true });
    assert.deepEqual(massage.booking, { required: true, email: 'fhparent.infantwbteam@wolverhampton.gov.uk' });
    assert.deepEqual(massage.ageRange, { fromMonths: 0, toMonths: 12 });

    const play = session(r, 'Stay and Play');
    assert.deepEqual(play.schedule, {
      startDate: '2026-09-07',
      repeatFrequency: 'P1W',
      byDay: ['MO', 'WE'],
      startTime: '09:30',
      endTime: '11:30',
      termTimeOnly: true,
    });
    assert.deepEqual(play.cost, { amount: 1, currency: 'GBP', note: 'per family' });
    assert.deepEqual(play.booking, { required: false, phone: '01632 960214' });
    assert.deepEqual(play.languages, ['en', 'pa', 'ur']);
    assert.deepEqual(messages(record(r, 3)), [
      'Row 3, Booking phone: "1632960214" had lost its leading 0 (spreadsheets drop it); read as 01632 960214.',
    ]);

    assert.deepEqual(session(r, 'Baby Booktime').schedule.byDay, ['TU', 'TH']);
    const bumps = session(r, 'Bumps and Babies');
    assert.deepEqual(bumps.schedule, {
      startDate: '2026-09-07',
      repeatFrequency: 'P2W',
      byDay: ['MO', 'TH'],
      endDate: '2026-12-17',
      startTime: '10:00',
      endTime: '11:30',
    });
    assert.deepEqual(bumps.ageRange, { pregnancy: true });
    assert.deepEqual(bumps.cost, { amount: 1.5, currency: 'GBP' });
    assert.deepEqual(bumps.booking, { required: true, url: 'https://www.example.org/bumps' });

    assert.deepEqual(session(r, "Dads' Saturday Stay and Play").schedule.byDay, ['1SA']);
    assert.equal(session(r, "Dads' Saturday Stay and Play").schedule.repeatFrequency, 'P1M');
    assert.deepEqual(session(r, 'Baby Play and Talk').schedule, {
      startDate: '2026-09-25',
      repeatFrequency: 'P1M',
      byDay: ['-1FR'],
      startTime: '13:30',
      endTime: '14:30',
    });
    assert.deepEqual(session(r, 'Welcome to Parenthood').schedule, {
      startDate: '2026-11-14',
      startTime: '10:00',
      endTime: '13:00',
    });
  });

  test('Not running on: bank holidays as data, ranges expanded to the days it runs, words reported', () => {
    const yoga = session(r, 'Baby Yoga');
    assert.deepEqual(yoga.schedule, {
      startDate: '2026-09-09',
      repeatFrequency: 'P1W',
      byDay: ['WE'],
      startTime: '13:30',
      endTime: '14:30',
      notOnBankHolidays: true,
      exceptDate: ['2026-10-28'],
    });
    assert.deepEqual(messages(record(r, 13)), [
      'Row 13, Start Time: "1:30" has no am or pm; read as 13:30 (write 01:30 for the morning).',
      'Row 13, End time: "2:30" has no am or pm; read as 14:30 (write 02:30 for the morning).',
      'Row 13, Not running on: "Christmas" is not a date; write dates like 26/10/2026, ranges like ' +
        '26/10/2026–30/10/2026, or Bank holidays. It was left out.',
      'Row 13, Not running on: 27/10/2026 is a Tuesday, a day this session does not run; it was left out.',
    ]);
    assert.deepEqual(yoga.booking, { required: true, note: 'Book via the hub' });
  });

  test('bad values in optional columns are left out, and said so', () => {
    assert.deepEqual(messages(record(r, 9)), [
      'Row 9, Booking email: "not an email" is not an email address; write it like name@example.org.uk. ' +
        'It was left out.',
      'Row 9, Languages: "Klingon" is not a language this importer knows; write names like English, Welsh, ' +
        'Urdu or codes like en, cy, ur. It was left out.',
    ]);
  });

  test('places are de-duplicated from venue and postcode; organisations from Run by', () => {
    assert.deepEqual(
      r.feed.places!.map((p) => p.id),
      ['bob-jones-community-hub-wv10-8tg', 'whitmore-reans-library-wv6-0qw', 'wolverhampton-central-library-wv1-3ax'],
    );
    assert.deepEqual(
      r.feed.organisations!.map((o) => o.id),
      ['parental-and-infant-wellbeing-team', 'wolverhampton-family-hubs', 'wolverhampton-libraries'],
    );
    assert.equal(session(r, 'Stay and Play').place, 'bob-jones-community-hub-wv10-8tg');
    assert.equal(session(r, 'Stay and Play').organiser, 'wolverhampton-family-hubs');
  });

  test('every item says where it came from; the source entry names the file', () => {
    assert.equal(r.source.kind, 'spreadsheet');
    assert.equal(r.source.file, 'excel-bom-crlf.csv');
    assert.equal(r.source.imported, '2026-08-20T10:00:00Z');
    for (const list of [r.feed.sessions!, r.feed.places!, r.feed.organisations!]) {
      for (const item of list) assert.deepEqual(item.source, { ref: r.source.id, id: item.id });
    }
  });
});

describe('sessions: other ways spreadsheets are saved', () => {
  test('Windows-1252 (Excel\'s plain "CSV"): £, curly apostrophes and dashes come through, with a note', async () => {
    const r = await sessions(fixture('windows-1252.csv'));
    validated(r);
    assert.match(r.report.notes[0].message, /read as Windows-1252/);
    const dads = r.feed.sessions![0];
    assert.equal(dads.name, 'Dads’ Group');
    assert.deepEqual(dads.cost, { amount: 2.5, currency: 'GBP', note: 'per family' });
    assert.equal(dads.description, 'Tea & toast – all welcome');
    assert.deepEqual((dads.schedule as Session['schedule']).endTime, '11:30');
    assert.equal(r.feed.places![0].name, 'Café Bébé');
  });

  test('Google Sheets: no BOM, TRUE/FALSE, ISO dates, times with seconds, a title row above the header', async () => {
    const r = await sessions(fixture('google-sheets.csv'));
    validated(r);
    assert.deepEqual(
      r.report.notes.map((n) => n.message),
      ['The header is row 2; row 1 was taken as a title and not imported.'],
    );
    assert.deepEqual(
      r.report.records.map((x) => [x.at.row, x.outcome]),
      [
        [3, 'imported'],
        [4, 'imported'],
      ],
    );
    assert.deepEqual(r.feed.sessions![0].schedule, {
      startDate: '2026-09-07',
      repeatFrequency: 'P1W',
      byDay: ['MO'],
      startTime: '10:00',
      endTime: '11:00',
      termTimeOnly: true,
    });
    assert.deepEqual(r.feed.sessions![1].ageRange, { pregnancy: true });
  });

  test('UTF-16 "Unicode text" with tabs is read, and said so; an Urdu translation column', async () => {
    const r = await sessions(fixture('unicode-text.txt'));
    validated(r);
    assert.match(r.report.notes[0].message, /UTF-16/);
    assert.deepEqual(r.feed.sessions![0].name, { en: 'Stay and Play', ur: 'کھیلیں اور رہیں' });
  });

  test('semicolons between columns (European Excel), a decimal comma', async () => {
    const r = await sessions(fixture('semicolons.csv'));
    validated(r);
    assert.deepEqual(r.feed.sessions![0].languages, ['en', 'pl']);
    assert.deepEqual(r.feed.sessions![0].cost, { amount: 1.5, currency: 'GBP' });
  });
});

describe('sessions: stable ids', () => {
  const head = 'Session name,Day,Start time,Venue,First date\r\n';
  const a = 'Stay and Play,Monday,10am,Bob Jones Hub,07/09/2026\r\n';
  const b = 'Stay and Play,Monday,1pm,Bob Jones Hub,07/09/2026\r\n';
  const c = 'Baby Massage,Monday,10am,Bob Jones Hub,07/09/2026\r\n';
  const ids = async (text: string) => (await sessions(text)).feed.sessions!.map((s) => s.id);

  test('derived from name, venue and days; the same when other rows are added or reordered', async () => {
    assert.deepEqual(await ids(head + a), ['stay-and-play-bob-jones-hub-mo']);
    assert.deepEqual(await ids(head + c + a), ['baby-massage-bob-jones-hub-mo', 'stay-and-play-bob-jones-hub-mo']);
    assert.deepEqual(await ids(head + a + c), ['stay-and-play-bob-jones-hub-mo', 'baby-massage-bob-jones-hub-mo']);
  });

  test('two sessions with the same name, venue and day are told apart by their start times, in any order', async () => {
    assert.deepEqual(await ids(head + a + b), [
      'stay-and-play-bob-jones-hub-mo-1000',
      'stay-and-play-bob-jones-hub-mo-1300',
    ]);
    assert.deepEqual(await ids(head + b + c + a), [
      'stay-and-play-bob-jones-hub-mo-1300',
      'baby-massage-bob-jones-hub-mo',
      'stay-and-play-bob-jones-hub-mo-1000',
    ]);
  });

  test('a row repeated by mistake gets -2 and a note; an Id column wins, and a repeated Id is skipped', async () => {
    const r = await sessions(head + a + a);
    assert.deepEqual(
      r.feed.sessions!.map((s) => s.id),
      ['stay-and-play-bob-jones-hub-mo-1000-2026-09-07', 'stay-and-play-bob-jones-hub-mo-1000-2026-09-07-2'],
    );
    assert.match(messages(record(r, 3))[0], /^Row 3: this session repeats row 2 /);
    const withId = await sessions(
      'Id,Session name,Day,Start time\r\nMassage 1,Baby Massage,Monday,10am\r\nmassage-1,Baby Yoga,Tuesday,10am\r\n',
    );
    assert.equal(withId.feed.sessions![0].id, 'massage-1');
    assert.ok(
      messages(record(withId, 2)).includes(
        'Row 2, Id: "Massage 1" was written as the id "massage-1" (lower-case letters, digits and hyphens).',
      ),
    );
    assert.deepEqual(messages(record(withId, 3)), [
      'Row 3, Id: "massage-1" is already the Id of row 2; Ids must be unique. This session was skipped.',
    ]);
  });

  test('non-Latin names still get distinct, valid, stable ids', async () => {
    const text = 'Session name (Urdu),Day,Start time\r\nماں اور بچہ,Monday,10am\r\nبچوں کا کھیل,Monday,10am\r\n';
    const r = await sessions(text);
    validated(r);
    const [x, y] = r.feed.sessions!.map((s) => s.id as string);
    assert.notEqual(x, y);
    assert.deepEqual(await ids(text), [x, y]);
  });
});

describe('sessions: how often, and what it needs', () => {
  const one = async (cells: string) =>
    sessions(`Session name,Day,Start time,How often,First date\r\nGroup,${cells}\r\n`);
  test('"Monthly" with a plain day takes the week of the month from the first date, as a guess', async () => {
    const r = await one('Friday,10am,Monthly,11/09/2026');
    assert.deepEqual(r.feed.sessions![0].schedule, {
      startDate: '2026-09-11',
      repeatFrequency: 'P1M',
      byDay: ['2FR'],
      startTime: '10:00',
    });
    assert.match(messages(record(r, 2))[0], /read as the second Friday of each month/);
  });
  test('"Every other week" needs a first date', async () => {
    const r = await one('Friday,10am,Every other week,');
    assert.equal(
      r.report.failed,
      'None of the one row could be imported, so nothing was; the reason for each row is below.',
    );
    assert.match(
      messages(record(r, 2))[0],
      /^Row 2, First date: is blank; a session every 2 weeks needs its first date/,
    );
  });
  test('a weekly session with no first date runs from the import day, with a note', async () => {
    const r = await one('Friday,10am,Every week,');
    assert.equal((r.feed.sessions![0] as Item).schedule.startDate, '2026-08-20');
    assert.match(messages(record(r, 2))[0], /listed from the day of the import \(20\/08\/2026\)/);
  });
  test('an unreadable frequency skips the row with the words to use', async () => {
    const r = await one('Friday,10am,Now and then,11/09/2026');
    assert.equal(
      messages(record(r, 2))[0],
      'Row 2, How often: "Now and then" is not a way of repeating; write Every week, Every other week, Monthly or ' +
        'Once. This session was skipped.',
    );
  });
});

describe('files that cannot be used: a sentence, nothing imported', () => {
  const failed = async (input: Uint8Array | string) => {
    const r = await sessions(input);
    assert.deepEqual(r.feed, {});
    return r.report.failed!;
  };
  test('a missing required column', async () => {
    assert.match(
      await failed('Session name,Venue\r\nBaby Massage,Bob Jones Hub\r\n'),
      /^This does not look like a sessions spreadsheet: its header row has no Day or First date and Start time column\./,
    );
    assert.match(await failed('Name,Address\r\nA,B\r\n'), /this file's first row is "Name", "Address"/);
  });
  test('a quote mark never closed', async () => {
    assert.equal(
      await failed('Session name,Day,Start time\r\n"Baby Massage,Monday,10am\r\nStay and Play,Tuesday,10am\r\n'),
      'Row 2 has a quote mark (") that is never closed, so the rows after it cannot be told apart and nothing was ' +
        'imported. Remove the stray quote mark, or close it, and import again.',
    );
  });
  test('a header with no rows, an empty file, a workbook, a web page', async () => {
    assert.match(await failed('Session name,Day,Start time\r\n,,\r\n'), /has a header row but no sessions below it/);
    assert.match(await failed(''), /^The file is empty\./);
    assert.match(await failed(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])), /Excel or OpenDocument workbook/);
    assert.match(await failed('<!DOCTYPE html><html><body>Sign in</body></html>'), /web page \(HTML\)/);
  });
  test('nothing throws, whatever the bytes', async () => {
    for (let seed = 1; seed < 60; seed++) {
      const bytes = new Uint8Array(200).map((_, i) => (seed * 7919 * (i + 3)) % 256);
      const r = await sessions(bytes);
      assert.ok(r.report.failed || r.report.records.length >= 0);
      if (!r.report.failed) validated(r);
    }
  });
});

describe('services', () => {
  test('a messy services sheet: every value mapped, the rest reported, valid', async () => {
    const r = await services(fixture('services-messy.csv'), 'services-messy.csv');
    validated(r);
    assert.equal(r.report.format, 'services-csv');
    const [perinatal, shout, hubs] = r.feed.services!;
    assert.deepEqual(perinatal, {
      id: 'perinatal-mental-health-service',
      name: { en: 'Perinatal Mental Health Service', cy: 'Gwasanaeth Iechyd Meddwl Amenedigol' },
      kind: 'service',
      urgency: 'urgent',
      summary: 'Specialist care for mums in pregnancy and the first year.',
      eligibility: 'Mums with moderate to severe difficulties.',
      area: 'Wolverhampton',
      audience: ['mums', 'pregnant', 'co-parents'],
      stages: ['pregnancy', '0-12m'],
      contact: {
        url: 'https://www.example.nhs.uk/perinatal',
        email: 'perinatal@example.nhs.uk',
        phones: [{ number: '01632 960300', note: 'duty worker' }],
      },
      referral: {
        self: false,
        by: ['gp', 'midwife', 'health-visitor'],
        how: 'Ask your GP, midwife or health visitor.',
      },
      hours: [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '17:00' }],
      hoursNote: 'ring for evenings',
      languages: ['en', 'ur'],
      cost: { free: true },
      reviewed: '2026-10-01',
      place: 'penn-hospital-wv4-5hn',
      organisation: 'black-country-healthcare-nhs-foundation-trust',
      source: { ref: r.source.id, id: 'perinatal-mental-health-service' },
    });
    assert.equal(shout.kind, 'helpline');
    assert.equal(shout.urgency, 'emergency');
    assert.deepEqual((shout.contact as { phones: unknown }).phones, [
      { number: '85258', kind: 'text', note: 'Text SHOUT' },
    ]);
    assert.deepEqual(shout.hours, [
      { byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opens: '00:00', closes: '24:00' },
    ]);
    assert.deepEqual(shout.stages, ['pregnancy', '0-12m', '12-24m']);
    assert.deepEqual(hubs.hours, [
      { byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '17:00' },
      { byDay: ['SA'], opens: '10:00', closes: '13:00' },
    ]);
    assert.deepEqual(hubs.stages, ['0-12m', '12-24m']);
    assert.deepEqual(hubs.referral, { self: true, by: ['any-professional'], how: 'Drop in.' });
    assert.deepEqual((hubs.contact as { phones: unknown }).phones, [
      { number: '01632 960214' },
      { number: '18001 01632 960214', kind: 'textphone' },
    ]);
    assert.deepEqual(messages(record(r, 4)), [
      'Row 4, Service name: is blank; every service needs a name. This service was skipped.',
    ]);
    assert.ok(
      r.report.notes.some((n) =>
        n.message.startsWith('The column "Notes" (column AA) is not one the services template'),
      ),
    );
  });
});

describe('the templates', () => {
  test('are saved the way Excel opens them: UTF-8 with a byte-order mark, CRLF', () => {
    for (const name of ['sessions.csv', 'services.csv']) {
      const bytes = template(name);
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], name);
      const text = new TextDecoder().decode(bytes);
      assert.ok(text.includes('\r\n') && !/[^\r]\n/.test(text.replace(/"[^"]*"/g, '')), name);
    }
  });

  test('import cleanly: every row imported, no notes, the validator finds no issue', async () => {
    for (const [name, run] of [
      ['sessions.csv', sessions],
      ['services.csv', services],
    ] as const) {
      const r = await run(template(name), name);
      validated(r);
      assert.deepEqual(r.report.notes, [], name);
      for (const rec of r.report.records)
        assert.deepEqual([rec.name, rec.outcome, rec.notes], [rec.name, 'imported', []]);
    }
  });

  test('are recognised by their headers', () => {
    assert.equal(spreadsheetKind(template('sessions.csv')), 'sessions-csv');
    assert.equal(spreadsheetKind(template('services.csv')), 'services-csv');
    assert.equal(spreadsheetKind('Name,Address\r\nA,B\r\n'), undefined);
  });

  test('round trip: template → feed → validator → dates and London times across both clock changes', async () => {
    const r = await sessions(template('sessions.csv'));
    const feed = validated(r);
    const byName = (name: string) =>
      feed.sessions!.find((s) => (typeof s.name == 'string' ? s.name : s.name.en) == name)!;
    const at = (name: string, from: string, days: number) =>
      sessionOccurrences(byName(name), { now: new Date(from), days, timeZone: 'Europe/London' }).map(
        (o) => `${o.date} ${o.startTime} ${o.start.toISOString().slice(11, 16)}Z`,
      );
    // Tuesdays 10:30 London: BST (UTC+1) until 25 October 2026, GMT after, BST again from 28 March 2027.
    assert.deepEqual(at('Bop Around Bantock', '2026-10-19T00:00:00Z', 14), [
      '2026-10-20 10:30 09:30Z',
      '2026-10-27 10:30 10:30Z',
    ]);
    assert.deepEqual(at('Bop Around Bantock', '2027-03-22T00:00:00Z', 14), [
      '2027-03-23 10:30 10:30Z',
      '2027-03-30 10:30 09:30Z',
    ]);
    // Not running on 22/12 and 29/12.
    assert.deepEqual(at('Bop Around Bantock', '2026-12-14T00:00:00Z', 28), [
      '2026-12-15 10:30 10:30Z',
      '2027-01-05 10:30 10:30Z',
    ]);
    // Every other Friday 13:00 from 11 September 2026, ending 18 December.
    assert.deepEqual(at('Mindful Mums', '2026-10-12T00:00:00Z', 28), [
      '2026-10-23 13:00 12:00Z',
      '2026-11-06 13:00 13:00Z',
    ]);
    assert.deepEqual(at('Mindful Mums', '2026-12-10T00:00:00Z', 28), ['2026-12-18 13:00 13:00Z']);
    // The last Saturday of each month, 10:00.
    assert.deepEqual(at("Dads' Breakfast Club", '2026-10-01T00:00:00Z', 62), [
      '2026-10-31 10:00 10:00Z',
      '2026-11-28 10:00 10:00Z',
    ]);
    assert.deepEqual(at("Dads' Breakfast Club", '2027-03-01T00:00:00Z', 31), ['2027-03-27 10:00 10:00Z']);
    assert.deepEqual(at("Dads' Breakfast Club", '2027-04-01T00:00:00Z', 30), ['2027-04-24 10:00 09:00Z']);
    // Thursdays 11:00 (not term time only, so it runs through half term).
    assert.deepEqual(at('Baby Booktime', '2026-10-19T00:00:00Z', 14), [
      '2026-10-22 11:00 10:00Z',
      '2026-10-29 11:00 11:00Z',
    ]);
    // Term time only and not on bank holidays are carried as data for the schedule engine.
    assert.equal(byName('Baby Massage').schedule.termTimeOnly, true);
    assert.equal(byName('Baby Massage').schedule.notOnBankHolidays, true);
    assert.deepEqual(byName('Stay and Play').schedule.exceptDate, ['2026-12-16']);
  });
});

test('services: hours that close before they open, not as a night does, stay as written and are said', async () => {
  // Before: "Mon–Fri 9:00–05:00" (a slip for 17:00) became hours open all night, 20 hours a day, unsaid.
  const csv =
    'Service name,Kind,Summary,Phone,Opening hours\r\n' +
    'Family Hub,Service,Help for families.,01632 960123,"Mon–Fri 9:00–05:00; Sat 10am–1pm"\r\n' +
    'Out of Hours,Helpline,Help at night.,01632 960124,"Mon–Fri 17:00–09:00"\r\n';
  const r = await services(csv);
  validated(r);
  const [hub, night] = r.feed.services!;
  assert.deepEqual(hub.hours, [{ byDay: ['SA'], opens: '10:00', closes: '13:00' }]);
  assert.equal(hub.hoursNote, 'Mon–Fri 9:00–05:00');
  assert.equal(record(r, 2).outcome, 'imported-with-losses');
  assert.match(messages(record(r, 2)).join('\n'), /"9:00–05:00" closes before it opens, and not as a night's hours/);
  assert.deepEqual(night.hours, [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '17:00', closes: '09:00' }]);
  assert.equal(record(r, 3).outcome, 'imported');
});

test('services: opening hours past midnight are hours, not a note (a night line open 10pm to 2am)', async () => {
  // Before: "Fri–Sun 10pm–2am" went into hoursNote as text the card cannot tell open or closed from.
  const csv =
    'Service name,Kind,Summary,Phone,Opening hours,Hours note\r\n' +
    'Night Line,Helpline,Someone to talk to at night.,01632 960999,"Mon–Thu 8pm–midnight; Fri–Sun 10pm–2am",' +
    'Closed on Christmas Day\r\n';
  const r = await services(csv);
  validated(r);
  const [line] = r.feed.services!;
  assert.deepEqual(line.hours, [
    { byDay: ['MO', 'TU', 'WE', 'TH'], opens: '20:00', closes: '24:00' },
    { byDay: ['FR', 'SA', 'SU'], opens: '22:00', closes: '02:00' },
  ]);
  assert.equal(line.hoursNote, 'Closed on Christmas Day');
  assert.doesNotMatch(JSON.stringify(r.report), /could not be read as days and times/);
});
