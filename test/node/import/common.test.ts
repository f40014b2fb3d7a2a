// The shared parsing helpers every importer uses (src/import/common.ts): what people and
// spreadsheets really write, read into the feed's values, with guesses and problems in words.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeBytes,
  IdAllocator,
  languageCode,
  parseCost,
  parseDate,
  parseDateRange,
  parseDays,
  parseEmail,
  parseOpeningHours,
  parsePhone,
  parsePhoneWithNote,
  parseTime,
  parseTimeRange,
  parseUrl,
  parseYesNo,
  plural,
  slugify,
  splitList,
  stableId,
  stagesForMonths,
} from '../../../src/import/common.js';

describe('decodeBytes', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  test('UTF-8 with a byte-order mark: the mark is removed', () => {
    const d = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Cost\r\n£1')]));
    assert.equal(d.text, 'Cost\r\n£1');
    assert.equal(d.bom, true);
    assert.equal(d.encoding, 'utf-8');
    assert.equal(d.note, undefined);
  });
  test('Windows-1252 (the £ sign as the single byte A3) is read, with a note saying so', () => {
    const d = decodeBytes(new Uint8Array([0x43, 0x6f, 0x73, 0x74, 0x0a, 0xa3, 0x31, 0x2e, 0x35, 0x30, 0x20, 0x80]));
    assert.equal(d.text, 'Cost\n£1.50 €');
    assert.equal(d.encoding, 'windows-1252');
    assert.match(d.note!, /Windows-1252/);
  });
  test('UTF-16 little-endian with and without a byte-order mark (Excel "Unicode text")', () => {
    const le = (s: string) => {
      const out: number[] = [];
      for (const ch of s) out.push(ch.charCodeAt(0) & 255, ch.charCodeAt(0) >> 8);
      return out;
    };
    const withBom = decodeBytes(new Uint8Array([0xff, 0xfe, ...le('Day\tCost\r\nMon\t£1')]));
    assert.equal(withBom.text, 'Day\tCost\r\nMon\t£1');
    assert.equal(withBom.encoding, 'utf-16le');
    assert.match(withBom.note!, /UTF-16/);
    assert.equal(decodeBytes(new Uint8Array(le('Session name,Day\r\n'))).text, 'Session name,Day\r\n');
  });
  test('a string is taken as decoded; a leading byte-order mark is still removed', () => {
    assert.equal(decodeBytes('\ufeffa,b').text, 'a,b');
  });
});

describe('ids', () => {
  test('slugify: accents, ampersands, apostrophes and punctuation', () => {
    assert.equal(slugify('Stay & Play — Bob Jones Hub'), 'stay-and-play-bob-jones-hub');
    assert.equal(slugify("Mum's Café Bébé!"), 'mums-cafe-bebe');
    assert.equal(slugify('اردو'), '');
    assert.equal(slugify('a'.repeat(30) + ' ' + 'b'.repeat(40), 40), 'a'.repeat(30));
  });
  test('stableId: the same parts give the same id; non-Latin names still differ', () => {
    assert.equal(stableId(['Baby Massage', 'Bob Jones Hub', 'MO']), 'baby-massage-bob-jones-hub-mo');
    const a = stableId(['بچوں کا کھیل', 'MO']);
    const b = stableId(['ماں اور بچہ', 'MO']);
    assert.match(a, /^[a-z0-9][a-z0-9-]*$/);
    assert.notEqual(a, b);
    assert.equal(a, stableId(['بچوں کا کھیل', 'MO']));
    assert.match(stableId([' ', undefined], 'session'), /^session-[a-z0-9]+$/);
  });
  test('IdAllocator: taken ids get -2, -3', () => {
    const ids = new IdAllocator(['a']);
    assert.equal(ids.claim('a'), 'a-2');
    assert.equal(ids.claim('a'), 'a-3');
    assert.equal(ids.claim('b'), 'b');
  });
});

describe('languageCode', () => {
  test('English names, own names, codes, any case', () => {
    assert.equal(languageCode('Welsh'), 'cy');
    assert.equal(languageCode('PUNJABI'), 'pa');
    assert.equal(languageCode('British Sign Language'), 'bfi');
    assert.equal(languageCode('Polski'), 'pl');
    assert.equal(languageCode('اردو'), 'ur');
    assert.equal(languageCode('cy'), 'cy');
    assert.equal(languageCode('en-gb'), 'en-GB');
    assert.equal(languageCode('pa-guru'), 'pa-Guru');
    assert.equal(languageCode('Urdu language'), 'ur');
  });
  test('unknown names give nothing', () => {
    assert.equal(languageCode('Klingon'), undefined);
    assert.equal(languageCode('xx'), undefined);
    assert.equal(languageCode(''), undefined);
  });
});

describe('lists, yes/no, links', () => {
  test('splitList: semicolons and line breaks; commas on request', () => {
    assert.deepEqual(splitList('English; Urdu;\nPunjabi; '), ['English', 'Urdu', 'Punjabi']);
    assert.deepEqual(splitList('English, Urdu'), ['English, Urdu']);
    assert.deepEqual(splitList('English, Urdu', { commas: true }), ['English', 'Urdu']);
  });
  test('parseYesNo', () => {
    for (const y of ['Yes', 'y', 'TRUE', 'x', '✓', 'yes - term time only']) assert.equal(parseYesNo(y).value, true, y);
    for (const n of ['No', 'n', 'FALSE', '0']) assert.equal(parseYesNo(n).value, false, n);
    assert.deepEqual(parseYesNo('  '), {});
    assert.match(parseYesNo('maybe').problem!, /"maybe" is not yes or no/);
  });
  test('parseUrl adds https:// where people leave it out, refuses other schemes', () => {
    assert.equal(parseUrl('www.example.org/book').value, 'https://www.example.org/book');
    assert.equal(parseUrl('https://example.org').value, 'https://example.org/');
    assert.match(parseUrl('javascript:alert(1)').problem!, /not a web address/);
    assert.match(parseUrl('ask at reception').problem!, /not a web address/);
  });
  test('parseEmail', () => {
    assert.equal(parseEmail('mailto:hub@example.gov.uk').value, 'hub@example.gov.uk');
    assert.match(parseEmail('hub at example').problem!, /not an email address/);
  });
});

describe('phones', () => {
  test('typed numbers are kept; +44 (0) becomes a UK number', () => {
    assert.deepEqual(parsePhone('01902 551199').value, { number: '01902 551199' });
    assert.deepEqual(parsePhone('+44 (0)1902 551199').value, { number: '01902 551199' });
    assert.deepEqual(parsePhone('tel:0800-123-4567').value, { number: '0800-123-4567' });
    assert.deepEqual(parsePhone('116 123').value, { number: '116 123' });
    assert.deepEqual(parsePhone('111').value, { number: '111' });
  });
  test('a number that lost its leading zero in a spreadsheet is restored, as a guess', () => {
    const p = parsePhone('1902551199');
    assert.deepEqual(p.value, { number: '01902 551199' });
    assert.match(p.guess!, /lost its leading 0/);
    assert.equal(parsePhone('7700900123').value?.number, '07700 900123');
    assert.equal(parsePhone('441902551199').value?.number, '01902 551199');
    assert.match(parsePhone('441902551199').guess!, /lost its \+/);
  });
  test('an extension becomes the note; scientific notation is a problem', () => {
    assert.deepEqual(parsePhone('01902 551199 ext. 204').value, { number: '01902 551199', note: 'extension 204' });
    assert.match(parsePhone('1.90255E+09').problem!, /digits are lost/);
    assert.match(parsePhone('call reception').problem!, /not a phone number/);
  });
  test('parsePhoneWithNote: the words around the number become its note', () => {
    assert.deepEqual(parsePhoneWithNote('0800 123 4567 (free from mobiles)').value, {
      number: '0800 123 4567',
      note: 'free from mobiles',
    });
    assert.deepEqual(parsePhoneWithNote('Text SHOUT to 85258').value, { number: '85258', note: 'Text SHOUT' });
    assert.deepEqual(parsePhoneWithNote('Tel: 01902 551199').value, { number: '01902 551199' });
    assert.deepEqual(parsePhoneWithNote('Freephone 0808 800 5000').value, {
      number: '0808 800 5000',
      note: 'Freephone',
    });
  });
});

describe('times', () => {
  test('parseTime: what people type', () => {
    const cases: Record<string, string> = {
      '10am': '10:00',
      '11.30am': '11:30',
      '9:30': '09:30',
      '09.30': '09:30',
      '14:00': '14:00',
      '2 pm': '14:00',
      '12pm': '12:00',
      '12am': '00:00',
      noon: '12:00',
      '10:00:00': '10:00',
      '9.30 a.m.': '09:30',
      '1030': '10:30',
      '01:30': '01:30',
    };
    for (const [typed, want] of Object.entries(cases)) {
      assert.equal(parseTime(typed).value, want, typed);
      assert.equal(parseTime(typed).guess, undefined, typed);
    }
  });
  test('parseTime: a bare early hour is the afternoon, as a guess; a day fraction is read', () => {
    assert.equal(parseTime('1:30').value, '13:30');
    assert.match(parseTime('1:30').guess!, /no am or pm/);
    assert.equal(parseTime('0.4375').value, '10:30');
    assert.match(parseTime('0.4375').guess!, /stored as a number/);
  });
  test('parseTime: problems', () => {
    assert.match(parseTime('25:00').problem!, /"25:00" is not a time of day/);
    assert.match(parseTime('13pm').problem!, /not a time/);
    assert.match(parseTime('morning').problem!, /not a time/);
  });
  test('parseTimeRange: one cell, am/pm lent from the end', () => {
    const cases: Record<string, [string, string]> = {
      '10:00–11:30': ['10:00', '11:30'],
      '10-11.30am': ['10:00', '11:30'],
      '9am to 5pm': ['09:00', '17:00'],
      '1–3pm': ['13:00', '15:00'],
      '11-1pm': ['11:00', '13:00'],
      '10:00 - 11:30': ['10:00', '11:30'],
      '9:30-11': ['09:30', '11:00'],
      '9am - midnight': ['09:00', '24:00'],
    };
    for (const [typed, [start, end]] of Object.entries(cases)) {
      assert.deepEqual(parseTimeRange(typed).value, { start, end }, typed);
    }
    assert.deepEqual(parseTimeRange('9-5').value, { start: '09:00', end: '17:00' });
    assert.match(parseTimeRange('9-5').guess!, /no am or pm/);
    assert.deepEqual(parseTimeRange('12-2').value, { start: '12:00', end: '14:00' });
    assert.match(parseTimeRange('14:00-13:00').problem!, /ends before it starts/);
    assert.match(parseTimeRange('10am').problem!, /not a time range/);
  });
});

describe('days', () => {
  const days = (t: string) => parseDays(t).value;
  test('lists and ranges', () => {
    assert.deepEqual(days('Monday'), { byDay: ['MO'] });
    assert.deepEqual(days('Mon & Wed'), { byDay: ['MO', 'WE'] });
    assert.deepEqual(days('Tue/Thu'), { byDay: ['TU', 'TH'] });
    assert.deepEqual(days('Monday, Thursday'), { byDay: ['MO', 'TH'] });
    assert.deepEqual(days('Mondays and Fridays'), { byDay: ['MO', 'FR'] });
    assert.deepEqual(days('Mon–Fri'), { byDay: ['MO', 'TU', 'WE', 'TH', 'FR'] });
    assert.deepEqual(days('Monday to Friday'), { byDay: ['MO', 'TU', 'WE', 'TH', 'FR'] });
    assert.deepEqual(days('Fri-Sun'), { byDay: ['FR', 'SA', 'SU'] });
    assert.deepEqual(days('Weekdays'), { byDay: ['MO', 'TU', 'WE', 'TH', 'FR'] });
    assert.deepEqual(days('every day')?.byDay.length, 7);
    assert.deepEqual(days('Every Tuesday'), { byDay: ['TU'] });
  });
  test('weeks of the month, and how often', () => {
    assert.deepEqual(days('Last Friday of the month'), { byDay: ['-1FR'], frequency: 'P1M' });
    assert.deepEqual(days('First Monday of the month'), { byDay: ['1MO'], frequency: 'P1M' });
    assert.deepEqual(days('1st and 3rd Wednesday'), { byDay: ['1WE', '3WE'], frequency: 'P1M' });
    assert.deepEqual(days('Every other Tuesday'), { byDay: ['TU'], frequency: 'P2W' });
    assert.deepEqual(days('Alternate Mondays'), { byDay: ['MO'], frequency: 'P2W' });
  });
  test('problems name the word and suggest the day', () => {
    assert.equal(
      parseDays('Tusday').problem,
      '"Tusday" is not a day of the week (did you mean Tuesday?); write Monday, Tuesday… or Mon, Tue…',
    );
    assert.match(parseDays('First').problem!, /does not end with a day/);
    assert.match(parseDays('Monday and first Friday').problem!, /separate rows/);
    assert.match(parseDays('First Monday', { allowNth: false }).problem!, /opening hours/);
  });
});

describe('dates', () => {
  test('day first always; ISO; words', () => {
    const cases: Record<string, string> = {
      '07/09/2026': '2026-09-07',
      '7/9/2026': '2026-09-07',
      '7/9/26': '2026-09-07',
      '07-09-2026': '2026-09-07',
      '07.09.2026': '2026-09-07',
      '2026-09-07': '2026-09-07',
      '2026-09-07T00:00:00Z': '2026-09-07',
      '07/09/2026 00:00': '2026-09-07',
      '7 September 2026': '2026-09-07',
      'Mon 7th Sept 2026': '2026-09-07',
      'September 7, 2026': '2026-09-07',
      '7-Sep-2026': '2026-09-07',
      '29/02/2028': '2028-02-29',
    };
    for (const [typed, want] of Object.entries(cases)) assert.deepEqual(parseDate(typed), { value: want }, typed);
  });
  test('a spreadsheet serial number is read as a guess', () => {
    const d = parseDate('46272');
    assert.equal(d.value, '2026-09-07');
    assert.match(d.guess!, /read as 07\/09\/2026/);
    assert.match(parseDate('46272', { serials: false }).problem!, /not a date/);
  });
  test('month-first and impossible dates are problems that say why', () => {
    assert.equal(
      parseDate('09/13/2026').problem,
      '"09/13/2026" has no month 13: it looks written month first, American style, but dates here are read ' +
        'day first; write 13/09/2026 for 13 September, or 2026-09-13',
    );
    assert.match(parseDate('29/02/2027').problem!, /no day 29/);
    assert.match(parseDate('7 Sept').problem!, /has no year/);
    assert.match(parseDate('soon').problem!, /"soon" is not a date/);
  });
  test('ranges', () => {
    assert.deepEqual(parseDateRange('26/10/2026–30/10/2026').value, { start: '2026-10-26', end: '2026-10-30' });
    assert.deepEqual(parseDateRange('26/10/2026-30/10/2026').value, { start: '2026-10-26', end: '2026-10-30' });
    assert.deepEqual(parseDateRange('26/10/2026 to 30/10/2026').value, { start: '2026-10-26', end: '2026-10-30' });
    assert.deepEqual(parseDateRange('26-30/10/2026').value, { start: '2026-10-26', end: '2026-10-30' });
    assert.deepEqual(parseDateRange('21 Dec 2026 - 1 Jan 2027').value, { start: '2026-12-21', end: '2027-01-01' });
    assert.deepEqual(parseDateRange('2026-10-26').value, { start: '2026-10-26', end: '2026-10-26' });
    assert.match(parseDateRange('30/10/2026–26/10/2026').problem!, /ends before it starts/);
    assert.match(parseDateRange('01/01/2026–01/01/2028').problem!, /longer than a year/);
  });
});

describe('costs', () => {
  test('free, amounts and notes', () => {
    assert.deepEqual(parseCost('Free').value, { free: true });
    assert.deepEqual(parseCost('FREE (donations welcome)').value, { free: true, note: 'donations welcome' });
    assert.deepEqual(parseCost('£1.50').value, { amount: 1.5, currency: 'GBP' });
    assert.deepEqual(parseCost('£1 per family').value, { amount: 1, currency: 'GBP', note: 'per family' });
    assert.deepEqual(parseCost('1.50').value, { amount: 1.5, currency: 'GBP' });
    assert.deepEqual(parseCost('0.50').value, { amount: 0.5, currency: 'GBP' });
    assert.deepEqual(parseCost('50p').value, { amount: 0.5, currency: 'GBP' });
    assert.deepEqual(parseCost('£0').value, { free: true });
    assert.deepEqual(parseCost('Â£2').value, { amount: 2, currency: 'GBP' });
    assert.deepEqual(parseCost('£2.50 per session, siblings £1').value, {
      amount: 2.5,
      currency: 'GBP',
      note: 'per session, siblings £1',
    });
    assert.deepEqual(parseCost('Pay what you can').value, { note: 'Pay what you can' });
  });
});

describe('opening hours', () => {
  test('as people write them', () => {
    assert.deepEqual(parseOpeningHours('Mon–Fri 9am–5pm; Sat 10am–1pm').value, {
      hours: [
        { byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '17:00' },
        { byDay: ['SA'], opens: '10:00', closes: '13:00' },
      ],
      unread: [],
    });
    assert.deepEqual(parseOpeningHours('Monday to Friday, 9:00-17:00, Saturday 9-12').value?.hours, [
      { byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '17:00' },
      { byDay: ['SA'], opens: '09:00', closes: '12:00' },
    ]);
    assert.deepEqual(parseOpeningHours('24/7').value?.hours, [
      { byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opens: '00:00', closes: '24:00' },
    ]);
    assert.deepEqual(parseOpeningHours('8am-8pm weekdays; Sun closed').value?.hours, [
      { byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '08:00', closes: '20:00' },
    ]);
  });
  test('what cannot be read is handed back as written', () => {
    assert.deepEqual(parseOpeningHours('Mon-Fri 9-5; ring for an appointment').value, {
      hours: [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '09:00', closes: '17:00' }],
      unread: ['ring for an appointment'],
    });
    assert.deepEqual(parseOpeningHours('9am–5pm').value, { hours: [], unread: ['9am–5pm'] });
  });
});

test('plural: a count and its noun read as English, one and many', () => {
  assert.equal(plural(1, 'page'), '1 page');
  assert.equal(plural(2, 'page'), '2 pages');
  assert.equal(plural(0, 'session'), '0 sessions');
  assert.equal(plural(1, 'series', 'series'), '1 series');
  assert.equal(plural(3, 'child', 'children'), '3 children');
});

test('stagesForMonths', () => {
  assert.deepEqual(stagesForMonths(0, 12), ['0-12m']);
  assert.deepEqual(stagesForMonths(6, 24), ['0-12m', '12-24m']);
  assert.deepEqual(stagesForMonths(12, 36), ['12-24m']);
  assert.deepEqual(stagesForMonths(undefined, undefined, true), ['pregnancy', '0-12m', '12-24m']);
  assert.deepEqual(stagesForMonths(30, 48), []);
});

describe('opening hours past midnight (a closing time earlier than the opening time is on the next day)', () => {
  test('parseOpeningHours reads them as hours, not as a note: 10pm–2am, 22:00–02:00, until 00:00', () => {
    // Before: each was "unread", so importers put it in hoursNote.
    assert.deepEqual(parseOpeningHours('Fri–Sat 10pm–2am; Sunday 22:00-02:00; Mon 18:00–00:00').value, {
      hours: [
        { byDay: ['FR', 'SA'], opens: '22:00', closes: '02:00' },
        { byDay: ['SU'], opens: '22:00', closes: '02:00' },
        // 00:00 at the end is the day's end, as the feed writes it.
        { byDay: ['MO'], opens: '18:00', closes: '24:00' },
      ],
      unread: [],
    });
  });

  test('what cannot be hours stays a note: closing when it opens; a session still ends after it starts', () => {
    assert.deepEqual(parseOpeningHours('Mon 9am–9am; Tue 9am–5pm').value, {
      hours: [{ byDay: ['TU'], opens: '09:00', closes: '17:00' }],
      unread: ['Mon 9am–9am'],
    });
    // Without am or pm, a daytime reading still comes first (10–2 is 10:00–14:00, with a guess).
    assert.deepEqual(parseOpeningHours('Sat 10-2').value?.hours, [{ byDay: ['SA'], opens: '10:00', closes: '14:00' }]);
    assert.match(parseTimeRange('22:00-02:00').problem!, /ends before it starts/);
  });

  test('past midnight only for a night: opening from 12:00, closing at most 16 hours later', () => {
    // Before: "Mon 9:00-05:00" (a slip for 17:00) was read as open for 20 hours, through the night.
    for (const [text, opens, closes] of [
      ['Mon 17:00-09:00', '17:00', '09:00'], // an out-of-hours line: 16 hours
      ['Tue 12pm-4am', '12:00', '04:00'],
      ['Wed 6pm-8am', '18:00', '08:00'],
    ]) {
      const byDay = [text.slice(0, 2).toUpperCase()];
      assert.deepEqual(parseOpeningHours(text).value?.hours, [{ byDay, opens, closes }]);
    }
    for (const text of ['Mon 9:00-05:00', 'Tue 9am-5am', 'Wed 11am-1am', 'Thu 13:00-11:00', 'Fri 17:00-09:30']) {
      const read = parseOpeningHours(text);
      // Kept as written (the importers put it in the hours note), and said, with its times.
      assert.deepEqual(read.value, { hours: [], unread: [text] }, text);
      const range = text.slice(4);
      assert.match(read.guess!, new RegExp(`^"${range}" closes before it opens, and not as a night's hours`), text);
      assert.match(parseTimeRange(range, true).problem!, /from 12:00, closing at most 16 hours later/, text);
    }
  });

  test('an end without am or pm after a start with one is the same half day, with a guess; never past midnight', () => {
    // Spreadsheet shorthand: "9am-5" is 09:00–17:00, not open all night until 05:00.
    for (const [text, opens, closes] of [
      ['Mon-Fri 9am-5', '09:00', '17:00'],
      ['Sat 10am-1', '10:00', '13:00'],
      ['Mon 1pm-4', '13:00', '16:00'],
    ]) {
      const read = parseOpeningHours(text);
      assert.deepEqual(
        read.value?.hours.map((h) => [h.opens, h.closes]),
        [[opens, closes]],
        text,
      );
      assert.match(read.guess!, /has no am or pm at its end; read as/, text);
    }
    // Past midnight, without am or pm at the end: read so, and said.
    const late = parseOpeningHours('Fri 10pm-2');
    assert.deepEqual(late.value?.hours, [{ byDay: ['FR'], opens: '22:00', closes: '02:00' }]);
    assert.match(late.guess!, /read as 22:00–02:00, the next day/);
    // Written plainly: no guess.
    assert.equal(parseOpeningHours('Fri 10pm-2am; Sat 22:00-02:00').guess, undefined);
  });
});
