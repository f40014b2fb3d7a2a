// Importers for term dates and bank holidays: what they read, what they report (with locations, in
// sentences), and that every result is a valid feed part the schedule engine then honours.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateFeed } from '../../../src/feed/index.js';
import {
  academicYearOf,
  importBankHolidays,
  importTermDatesCsv,
  importTermDatesIcs,
  kindOf,
  parseAcademicYear,
  parseTermType,
} from '../../../src/import/terms.js';
import { unconfirmedDates } from '../../../src/schedule/closures.js';
import { upcomingOccurrences } from '../../../src/schedule/occurrences.js';
import type { ImportResult } from '../../../src/import/types.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/terms/${name}`, import.meta.url)));
const NOW = new Date('2026-11-20T09:00:00Z');

/** The result as a feed, through the validator: it must pass with no issue at all. */
function asFeed(result: ImportResult) {
  assert.equal(result.report.failed, undefined, result.report.failed);
  const { feed, issues } = validateFeed({ version: 1, sources: [result.source], ...result.feed });
  assert.deepEqual(issues, [], 'the imported part is a valid feed');
  return feed;
}
const sentences = (messages: string[]) =>
  messages.forEach((m) => assert.match(m, /^[A-Z"“0-9].*[.]$/s, `a sentence an editor reads: ${m}`));
const allMessages = (r: ImportResult) => [
  ...r.report.notes.map((n) => n.message),
  ...r.report.records.flatMap((x) => x.notes.map((n) => n.message)),
  ...(r.report.failed ? [r.report.failed] : []),
];

describe('importBankHolidays (GOV.UK bank-holidays.json)', () => {
  test('reads England and Wales by default: every date, its name, and how far the list goes', async () => {
    const r = await importBankHolidays(fixture('bank-holidays.json'), {
      name: 'https://www.gov.uk/bank-holidays.json',
      now: NOW,
    });
    const feed = asFeed(r);
    const b = feed.bankHolidays!;
    assert.equal(b.division, 'england-and-wales');
    assert.equal(b.dates.length, 16);
    assert.deepEqual(b.dates[0], { date: '2026-01-01', name: 'New Year’s Day' });
    assert.deepEqual(b.dates.at(-1), { date: '2027-12-28', name: 'Boxing Day (substitute day)' });
    assert.equal(b.until, '2027-12-31');
    assert.deepEqual(b.source, { ref: r.source.id });
    assert.match(r.source.id, /^bank-holidays-www-gov-uk/);
    assert.equal(r.source.kind, 'bank-holidays');
    assert.equal(r.source.url, 'https://www.gov.uk/bank-holidays.json');
    assert.equal(r.source.imported, '2026-11-20T09:00:00Z');
    assert.match(r.source.licence!, /open-government-licence\/version\/3/);
    assert.equal(r.report.records.length, 16);
    assert.ok(r.report.records.every((x) => x.outcome == 'imported' && x.at.id && x.at.source));
    const notes = r.report.notes.map((n) => n.message).join('\n');
    assert.match(notes, /Read 16 bank holidays for England and Wales, from 1 January 2026 to 28 December 2027/);
    assert.match(notes, /will show dates up to 31 December 2027/);
    assert.match(notes, /also lists Scotland and Northern Ireland/);
    sentences(allMessages(r));
  });

  test('chooses Scotland or Northern Ireland by id or by name', async () => {
    for (const [division, first] of [
      ['scotland', '2nd January'],
      ['Scotland', '2nd January'],
      ['Northern Ireland', 'St Patrick’s Day'],
      ['NI', 'St Patrick’s Day'],
    ]) {
      const r = await importBankHolidays(fixture('bank-holidays.json'), { name: 'bank-holidays.json', division });
      const b = asFeed(r).bankHolidays!;
      assert.equal(b.dates[1].name, first, division);
      assert.equal(r.source.file, 'bank-holidays.json');
    }
  });

  test('one division alone, with a repeated date, a bad date and no title: each reported, the rest read', async () => {
    const r = await importBankHolidays(fixture('bank-holidays-one-division.json'), { name: 'e-and-w.json', now: NOW });
    const b = asFeed(r).bankHolidays!;
    assert.equal(b.dates.length, 9);
    const by = (outcome: string) => r.report.records.filter((x) => x.outcome == outcome);
    assert.equal(by('skipped').length, 2);
    assert.match(by('skipped')[0].notes[0].message, /28 December 2027 is already listed \(as Boxing Day/);
    assert.match(by('skipped')[1].notes[0].message, /"2027-13-05" is not a date written as YYYY-MM-DD/);
    assert.equal(by('skipped')[1].name, 'Coronation');
    assert.equal(by('imported-with-losses')[0].at.id, '2027-06-04');
    assert.match(by('imported-with-losses')[0].notes[0].message, /no title, so it is named "Bank holiday"/);
    sentences(allMessages(r));
  });

  test('an unusable input gives one sentence and nothing to write', async () => {
    const cases: [Uint8Array | string, string, RegExp][] = [
      [
        fixture('gov-uk-sign-in.html'),
        'england-and-wales',
        /This is a web page \(HTML\), not the GOV\.UK bank holidays list/,
      ],
      ['{"england-and-wales": {"division": "england-and-wales", "events": [', 'england-and-wales', /not valid JSON/],
      ['{"sessions": []}', 'england-and-wales', /has none of england-and-wales, scotland or northern-ireland/],
      ['', 'england-and-wales', /The file is empty/],
      [fixture('bank-holidays.json'), 'Wales and Scotland', /is not a bank-holiday division; choose england-and-wales/],
      [
        readFileSync(new URL('../fixtures/terms/bank-holidays-one-division.json', import.meta.url), 'utf8'),
        'scotland',
        /no bank holidays for Scotland, only for england-and-wales|only for England and Wales/,
      ],
    ];
    for (const [input, division, why] of cases) {
      const r = await importBankHolidays(input, { name: 'x.json', division });
      assert.match(r.report.failed ?? '', why);
      assert.deepEqual(r.feed, {});
      sentences([r.report.failed!]);
    }
  });

  test('a list that ends before today says so', async () => {
    const r = await importBankHolidays(fixture('bank-holidays.json'), {
      name: 'old.json',
      now: new Date('2028-02-01'),
    });
    assert.match(r.report.notes.find((n) => n.level == 'warning')!.message, /ends in 2027, before today/);
  });
});

describe('importTermDatesIcs (a term-dates calendar)', () => {
  test('reads terms, half terms and holidays from all-day events with an exclusive end', async () => {
    const r = await importTermDatesIcs(fixture('term-dates.ics'), { name: 'term-dates.ics', now: NOW });
    const t = asFeed(r).termDates!;
    assert.equal(t.area, 'Anytown school term dates 2026 to 2027');
    const brief = t.terms.map((x) => `${x.type} ${x.start} ${x.end} ${x.name}`);
    assert.deepEqual(brief, [
      'term 2026-09-03 2026-12-18 Autumn term',
      'half-term 2026-10-24 2026-11-01 October half term',
      'holiday 2026-12-19 2027-01-03 Christmas holidays',
      'term 2027-01-04 2027-03-25 Spring term',
      'half-term 2027-02-13 2027-02-21 February half term',
      'holiday 2027-03-26 2027-04-11 Easter holidays',
      'term 2027-04-12 2027-07-21 Summer term: schools open to pupils from Monday 12 April, closing on ' +
        'Wednesday 21 July',
      'holiday 2027-05-03 2027-05-03 Early May bank holiday (schools closed)',
      'half-term 2027-05-29 2027-06-06 May half term',
    ]);
    assert.ok(t.terms.every((x) => x.academicYear == '2026-27'));
    assert.equal(t.terms[0].note, 'Schools open to pupils from Thursday 3 September.');
    assert.deepEqual(t.source, { ref: r.source.id });
    assert.match(r.source.id, /^term-dates/);
    assert.equal(r.source.kind, 'term-dates');
    assert.equal(r.source.file, 'term-dates.ics');
  });

  test('reports every event left out, with its line and UID, in sentences', async () => {
    const r = await importTermDatesIcs(fixture('term-dates.ics'), { name: 'term-dates.ics', now: NOW });
    const skipped = r.report.records.filter((x) => x.outcome == 'skipped');
    const why = Object.fromEntries(skipped.map((x) => [x.at.id, `${x.at.line}: ${x.notes[0].message}`]));
    assert.match(why['inset-2026-09-02@anytown.gov.uk'], /^16: INSET \(training\) days differ from school to school/);
    assert.match(why['parents-evening-2027@anytown.gov.uk'], /"Parents' evening" is not a term, half term or holiday/);
    // Outlook's misplaced quote is repaired (and the event read), a line with no colon costs its event alone.
    assert.match(why['broken-2027@anytown.gov.uk'], /^94: "Sports day" is not a term, half term or holiday/);
    assert.match(
      why['whitsun-2027@anytown.gov.uk'],
      /^100: Its start \(DTSTART, line 103\) has a parameter with no value, so it was skipped; the rest of the calendar was read\.$/,
    );
    assert.match(
      r.report.notes[0].message,
      /^Line 97 has its quotes in the wrong place \(as Outlook writes them\); it was read as its writer meant\.$/,
    );
    assert.match(why['cancelled-2027@anytown.gov.uk'], /cancelled \(STATUS:CANCELLED\)/);
    assert.equal(skipped.length, 5);
    const spring = r.report.records.find((x) => x.at.id == 'spring-start-2027@anytown.gov.uk')!;
    assert.equal(spring.outcome, 'imported');
    assert.match(spring.notes[0].message, /as the term from 4 January 2027 to 25 March 2027/);
    assert.match(
      r.report.notes.map((n) => n.message).join('\n'),
      /Read term dates for 2026-27, from 3 September 2026 to 21 July 2027: sessions that run in term time only will show dates up to 21 July 2027/,
    );
    sentences(allMessages(r));
  });

  test('LF or CRLF line endings, folded lines, and one bad event cost nothing else', async () => {
    const text = new TextDecoder().decode(fixture('term-dates.ics'));
    const crlf = await importTermDatesIcs(text.replace(/\n/g, '\r\n'), { name: 'crlf.ics', now: NOW });
    const lf = await importTermDatesIcs(text, { name: 'lf.ics', now: NOW });
    assert.deepEqual(crlf.feed, lf.feed);
  });

  test('an unusable input gives one sentence and nothing to write', async () => {
    for (const [input, why] of [
      [fixture('gov-uk-sign-in.html'), /This is a web page \(HTML\), not a calendar/],
      ['BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n', /The calendar has no events/],
      [
        'BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART;VALUE=DATE:20270420\nSUMMARY:Sports day\n' +
          'END:VEVENT\nEND:VCALENDAR\n',
        /No term, half term or holiday could be read/,
      ],
      ['Autumn term, 03/09/2026, 18/12/2026', /does not start with BEGIN:VCALENDAR/],
    ] as [string | Uint8Array, RegExp][]) {
      const r = await importTermDatesIcs(input, { name: 'x.ics' });
      assert.match(r.report.failed ?? '', why);
      assert.deepEqual(r.feed, {});
    }
  });
});

describe('importTermDatesCsv (a term-dates spreadsheet)', () => {
  test('the shipped template imports cleanly: every row, no losses, and a valid feed part', async () => {
    const template = new Uint8Array(readFileSync(new URL('../../../templates/term-dates.csv', import.meta.url)));
    assert.deepEqual([...template.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte-order mark, for Excel');
    const r = await importTermDatesCsv(template, {
      name: 'term-dates.csv',
      area: 'Anytown maintained schools',
      now: NOW,
    });
    const t = asFeed(r).termDates!;
    assert.equal(t.area, 'Anytown maintained schools');
    assert.equal(t.terms.length, 8);
    assert.ok(r.report.records.every((x) => x.outcome == 'imported' && x.notes.length == 0 && x.at.row));
    assert.deepEqual(
      r.report.records.map((x) => x.at.row),
      [2, 3, 4, 5, 6, 7, 8, 9],
    );
    assert.equal(r.report.notes.filter((n) => n.level != 'info').length, 0);
    assert.equal(r.source.kind, 'term-dates');
    assert.equal(r.source.file, 'term-dates.csv');
    assert.deepEqual(t.source, { ref: r.source.id });
  });

  test('as Excel saves it on Windows: Windows-1252, CRLF, a title row, odd headers, dates of every kind', async () => {
    const r = await importTermDatesCsv(fixture('term-dates-excel-1252.csv'), {
      name: 'Term dates 2026-27.csv',
      now: NOW,
    });
    const t = asFeed(r).termDates!;
    assert.deepEqual(
      t.terms.map((x) => `${x.type} ${x.start} ${x.end} ${x.name}`),
      [
        'term 2026-09-03 2026-12-18 Autumn term',
        'half-term 2026-10-26 2026-10-30 October half term',
        'holiday 2026-12-21 2027-01-01 Christmas holidays',
        'term 2027-01-04 2027-03-25 Spring term',
        'half-term 2027-02-15 2027-02-19 February half term',
        'holiday 2027-03-29 2027-04-09 Easter holidays',
        'term 2027-04-12 2027-07-21 Summer term',
        'half-term 2027-05-31 2027-06-04 May half term',
      ],
    );
    // The en dash and the curly apostrophe came through the Windows-1252 bytes, with the line break in the cell.
    assert.equal(t.terms[2].note, 'Schools closed – including\nNew Year’s Day');
    const notes = r.report.notes.map((n) => n.message).join('\n');
    assert.match(notes, /read as Windows-1252/);
    assert.match(notes, /The header is row 3; rows 1 to 2 were taken as a title/);
    assert.match(notes, /The column "Comments" \(column G\) is not one the term dates template has/);
    const byRow = new Map(r.report.records.map((x) => [x.at.row, x]));
    assert.match(
      byRow.get(8)!.notes[0].message,
      /^Row 8, Last day: "46471" is a spreadsheet date stored as a number; read as 25\/03\/2027\.$/,
    );
    assert.equal(byRow.get(8)!.outcome, 'imported-with-losses');
    const skipped = r.report.records.filter((x) => x.outcome == 'skipped').map((x) => x.notes.at(-1)!.message);
    assert.deepEqual(skipped.length, 4);
    assert.match(
      skipped[0],
      /^Row 13, type: "INSET day" is not a type this sheet takes: INSET \(training\) days differ .* This row was skipped\.$/,
    );
    assert.match(
      skipped[1],
      /^Row 14, Last day: 13 July 2027 is before the first day, 20 July 2027; check the dates\. This row was skipped\.$/,
    );
    assert.match(skipped[2], /^Row 15, First Day: "07\/13\/2027" has no month 13: it looks written month first/);
    assert.match(
      skipped[3],
      /^Row 16, First Day: It is empty; every term date needs its first day\. This row was skipped\.$/,
    );
    sentences(allMessages(r));
  });

  test('a missing type is read from the name when it says, and reported', async () => {
    const csv =
      'Academic year,Term,Type,First day,Last day\r\n2026-27,October half term,,26/10/2026,30/10/2026\r\n' +
      '2026-27,Sports week,,13/07/2027,16/07/2027\r\n2026-27,Autumn term,Term,03/09/2026,\r\n' +
      '2025-26,Spring term,Term,04/01/2027,25/03/2027\r\n';
    const r = await importTermDatesCsv(csv, { name: 'terms.csv', now: NOW });
    const [half, sports, autumn, spring] = r.report.records;
    assert.equal(half.outcome, 'imported-with-losses');
    assert.match(
      half.notes[0].message,
      /^Row 2, Type: It is empty; read as Half term from the name "October half term"\.$/,
    );
    assert.equal(sports.outcome, 'skipped');
    assert.match(sports.notes[0].message, /Type: It is empty, so this could be a term or a holiday/);
    assert.equal(autumn.outcome, 'skipped');
    assert.match(
      autumn.notes[0].message,
      /^Row 4, Last day: It is empty; a term needs its last day\. This row was skipped\.$/,
    );
    assert.equal(spring.outcome, 'imported-with-losses');
    assert.match(spring.notes[0].message, /Academic year: "2025-26" does not match the dates, which fall in 2026-27/);
    assert.deepEqual(
      asFeed(r).termDates!.terms.map((x) => x.academicYear),
      ['2026-27', '2026-27'],
    );
  });

  test('an unusable file gives one sentence and nothing to write', async () => {
    for (const [input, why] of [
      [fixture('gov-uk-sign-in.html'), /web page \(HTML\)/],
      ['', /empty/],
      ['Name,Date\r\nSports day,13/07/2027\r\n', /does not look like a term dates spreadsheet/],
      ['Type,First day,Last day\r\nINSET,01/09/2026,01/09/2026\r\n', /No term, half term or holiday could be read/],
    ] as [string | Uint8Array, RegExp][]) {
      const r = await importTermDatesCsv(input, { name: 'x.csv' });
      assert.match(r.report.failed ?? '', why);
      assert.deepEqual(r.feed, {});
    }
  });
});

describe('round trip: term dates, bank holidays and a term-time session, through the schedule engine', () => {
  test('the dates across a half term, Christmas, Easter and both clock changes, and none invented after', async () => {
    const terms = await importTermDatesCsv(fixture('term-dates-excel-1252.csv'), { name: 'terms.csv', now: NOW });
    const holidays = await importBankHolidays(fixture('bank-holidays.json'), { name: 'bank-holidays.json', now: NOW });
    const { feed, issues } = validateFeed({
      version: 1,
      sources: [terms.source, holidays.source],
      ...terms.feed,
      ...holidays.feed,
      sessions: [
        {
          id: 'rhyme-time',
          name: 'Rhyme Time',
          schedule: {
            repeatFrequency: 'P1W',
            byDay: ['MO'],
            startTime: '10:00',
            endTime: '10:45',
            startDate: '2026-09-07',
            termTimeOnly: true,
            notOnBankHolidays: true,
          },
        },
      ],
    });
    assert.deepEqual(issues, []);
    const calendars = { termDates: feed.termDates, bankHolidays: feed.bankHolidays };
    const options = { now: new Date('2026-09-01T08:00:00Z'), days: 800, timeZone: 'Europe/London', ...calendars };
    const got = upcomingOccurrences(feed.sessions!, options).map(
      (o) => `${o.date} ${o.start.toISOString().slice(11, 16)}`,
    );
    assert.equal(got.length, 38);
    for (const closed of [
      '2026-10-26',
      '2026-12-21',
      '2026-12-28',
      '2027-02-15',
      '2027-03-29',
      '2027-04-05',
      '2027-05-03',
      '2027-05-31',
    ])
      assert.ok(!got.some((g) => g.startsWith(closed)), closed);
    assert.ok(got.includes('2026-10-19 09:00'), 'BST before the October clock change');
    assert.ok(got.includes('2026-11-02 10:00'), 'GMT after it');
    assert.ok(got.includes('2027-03-22 10:00'), 'GMT before the March clock change');
    assert.ok(got.includes('2027-04-12 09:00'), 'BST after it');
    assert.equal(got.at(-1), '2027-07-19 09:00');
    const u = unconfirmedDates(feed.sessions![0], { ...options, now: new Date('2027-07-12T08:00:00Z'), days: 28 });
    assert.equal(u?.knownUntil, '2027-07-21');
  });
});

describe('helpers', () => {
  test('academic years run from August', () => {
    assert.equal(academicYearOf('2026-09-03'), '2026-27');
    assert.equal(academicYearOf('2027-07-21'), '2026-27');
    assert.equal(academicYearOf('2099-12-01'), '2099-00');
  });
  test('academic years and types as people write them', () => {
    assert.equal(parseAcademicYear('2026/27'), '2026-27');
    assert.equal(parseAcademicYear('2026 to 2027'), '2026-27');
    assert.equal(parseAcademicYear('2026-2028'), undefined);
    assert.equal(parseTermType('Half-term').value, 'half-term');
    assert.equal(parseTermType(' HOLIDAYS ').value, 'holiday');
    assert.match(parseTermType('Exams').problem!, /write Term, Half term or Holiday/);
  });
  test('titles say what an event is', () => {
    assert.equal(kindOf('Half-term'), 'half-term');
    assert.equal(kindOf('Autumn Term 2026'), 'term');
    assert.equal(kindOf('Term starts'), 'starts');
    assert.equal(kindOf('Schools break up for summer (end of term)'), 'ends');
    assert.equal(kindOf('Summer holidays'), 'holiday');
    assert.equal(kindOf('Staff training day'), 'inset');
    assert.equal(kindOf('Sports day'), 'other');
  });
});
