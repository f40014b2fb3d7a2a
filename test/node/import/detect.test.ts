// Format detection from content: each source says what it is and why, and what no importer reads
// gets a sentence saying what to do instead. Run over every fixture the importers ship too.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat, importSource, type ImportFormat } from '../../../src/import/index.js';
import { fakeFetch, json } from './fake-fetch.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('detectFormat', () => {
  const cases: [string, string | Uint8Array, ImportFormat, RegExp][] = [
    [
      'a sessions spreadsheet, by its header row (with a byte-order mark, as Excel saves it)',
      '\uFEFFSession name,Category,Description,Day,Start time,End time\r\nBaby Massage,,,Monday,10am,11am\r\n',
      'sessions-csv',
      /^a sessions spreadsheet \(its header row has Session name, Day and Start time\)$/,
    ],
    [
      'a sessions spreadsheet saved with semicolons and quoted headers',
      '"Session name";"Day";"Start time"\nRhyme Time;Tuesday;10:00\n',
      'sessions-csv',
      /^a sessions spreadsheet \(its header row has Session name, Day and Start time\)$/,
    ],
    [
      'a services spreadsheet',
      'Service name,Kind,Urgency,Summary\nNHS 111,Helpline,Urgent,Call 111\n',
      'services-csv',
      /^a services spreadsheet \(its header row has Service name and Kind\)$/,
    ],
    [
      'term dates in a spreadsheet',
      'Academic year,Term,Type,First day,Last day,Notes\n2026-27,Autumn term,Term,03/09/2026,18/12/2026,\n',
      'term-dates-csv',
      /^school term dates in a spreadsheet \(its header row has Academic year, Term and Type\)$/,
    ],
    [
      'an events calendar',
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Rhyme Time\r\n' +
        'DTSTART;TZID=Europe/London:20260908T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      'ics',
      /^an iCalendar file \(it starts with BEGIN:VCALENDAR; 1 event\)$/,
    ],
    [
      'term dates as a calendar: whole days named like terms and holidays',
      [
        'BEGIN:VCALENDAR',
        'BEGIN:VEVENT',
        'SUMMARY:Autumn term',
        'DTSTART;VALUE=DATE:20260903',
        'DTEND;VALUE=DATE:20261219',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'SUMMARY:October half term',
        'DTSTART;VALUE=DATE:20261026',
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\n'),
      'term-dates-ics',
      /^school term dates in an iCalendar file \(its 2 events are whole days named like terms and holidays, such as "Autumn term"\)$/,
    ],
    [
      'an OpenActive RPDE page',
      JSON.stringify({
        next: 'https://example.org/feeds/session-series?afterId=2',
        items: [{ state: 'updated', kind: 'SessionSeries', id: '1' }],
        license: 'https://creativecommons.org/licenses/by/4.0/',
      }),
      'openactive',
      /^an OpenActive RPDE page \(it has "items" and "next"; its items are SessionSeries\)$/,
    ],
    [
      'an Open Referral UK v1 page',
      JSON.stringify({ totalElements: 1, totalPages: 1, number: 1, content: [{ id: '1', name: 'Health visiting' }] }),
      'oruk',
      /^an Open Referral UK page of services \(the v1 wrapper: "content" and "totalElements"\)$/,
    ],
    [
      'an Open Referral UK 3.0 page',
      JSON.stringify({ total_items: 1, total_pages: 1, page_number: 1, contents: [] }),
      'oruk',
      /^an Open Referral UK page of services \(the 3\.0 wrapper: "contents" and "total_items"\)$/,
    ],
    [
      'one Open Referral UK service, by its fields',
      JSON.stringify({ id: 'abc', name: 'Health visiting', organization: { id: 'o' }, service_at_locations: [] }),
      'oruk',
      /^an Open Referral UK service \(it has "id", "name" and service fields: "service_at_locations", "organization"\)$/,
    ],
    [
      "an Open Referral UK API's front page",
      JSON.stringify({
        version: '3.0',
        profile: 'https://openreferraluk.org',
        openapi_url: 'https://api.example.org/openapi.json',
      }),
      'oruk',
      /^an Open Referral UK API's front page \(it has "version", "profile" and "openapi_url"\)$/,
    ],
    [
      'GOV.UK bank holidays, by their divisions',
      JSON.stringify({
        'england-and-wales': { division: 'england-and-wales', events: [] },
        scotland: { division: 'scotland', events: [] },
      }),
      'bank-holidays',
      /^GOV\.UK bank holidays \(divisions england-and-wales and scotland\)$/,
    ],
    [
      'an imh-widgets feed, by its version',
      JSON.stringify({ version: 1, sessions: [], services: [] }),
      'feed',
      /^an imh-widgets feed \(it has "version": 1 and sessions and services\)$/,
    ],
  ];
  for (const [what, input, format, detected] of cases) {
    test(what, async () => {
      for (const given of [input, typeof input == 'string' ? utf8(input) : input]) {
        const d = await detectFormat(given);
        assert.equal(d.format, format, JSON.stringify(d));
        assert.match((d as { detected: string }).detected, detected);
      }
    });
  }

  const refusals: [string, string | Uint8Array, RegExp][] = [
    ['an empty file', '', /^It is empty\.$/],
    ['blank lines', '\n\n  \n', /^It is empty\.$/],
    [
      'an HTML login page',
      '<!DOCTYPE html>\n<html><head><title>Sign in – Anytown Council</title></head>' +
        '<body><input type="password"></body></html>',
      /^It is a web page \("Sign in – Anytown Council"\), not data\. It asks you to sign in: the address needs a login\./,
    ],
    [
      'a page about the data',
      '<html><head><title>Term dates</title></head><body>Download the term dates</body></html>',
      /^It is a web page \("Term dates"\), not data\. Look on it for a link to the data itself \(a \.csv, \.ics or \.json address\)/,
    ],
    ['a PDF', utf8('%PDF-1.4\n...'), /^It is a PDF, which cannot be imported\./],
    [
      'an Excel workbook',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('\0\0\0\0[Content_Types].xml\0\0xl/workbook.xml')]),
      /^It is an Excel workbook \(\.xlsx\)\. Save it as CSV: in Excel, File › Save As › "CSV UTF-8 \(Comma delimited\)"/,
    ],
    [
      'an old Excel workbook',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /^It is an old-style Office file \(\.xls\)\. Save it as CSV/,
    ],
    ['a picture', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /^It is a picture, not data\./],
    [
      'broken JSON, with where',
      '{\n  "version": 1,\n  "sessions": [\n    { "id": "a" }\n    { "id": "b" }\n  ]\n}',
      /^It looks like JSON but is not valid: line 5, column 5: expected "," or "\]" after the entry/,
    ],
    [
      'JSON of another kind',
      '{"type": "FeatureCollection", "features": []}',
      /^It is JSON, but not a kind this tool reads \(its fields are "type", "features"\)\./,
    ],
    [
      'a spreadsheet that matches no template',
      'Name,Date,Where\nCoffee morning,01/12/2026,Hub\n',
      /^It looks like a spreadsheet, but its header row \(Name, Date, Where\) matches none of the templates\./,
    ],
    ['XML', '<?xml version="1.0"?><rss></rss>', /^It is XML, which this tool does not read\./],
    ['plain prose', 'Baby massage is on Mondays at ten.', /^It is not a format this tool reads\./],
  ];
  for (const [what, input, reason] of refusals) {
    test(`refuses ${what} with a sentence saying what to do`, async () => {
      const d = await detectFormat(input);
      assert.equal(d.format, undefined);
      assert.match((d as { reason: string }).reason, reason);
    });
  }
});

describe('detection over every fixture the importers ship', () => {
  const root = new URL('../fixtures/', import.meta.url).pathname;
  /** The formats each importer's fixtures may be; anything else must be refused with a sentence. */
  const families: Record<string, ImportFormat[]> = {
    csv: ['sessions-csv', 'services-csv'],
    terms: ['term-dates-csv', 'term-dates-ics', 'bank-holidays'],
    ics: ['ics'],
    oruk: ['oruk'],
    openactive: ['openactive'],
    feed: ['feed'],
  };
  const folders = existsSync(root) ? readdirSync(root).filter((f) => f in families) : [];
  for (const folder of folders) {
    const files = readdirSync(join(root, folder), { recursive: true })
      .map(String)
      .filter((f) => /\.(csv|txt|ics|json|html)$/.test(f));
    for (const file of files) {
      test(`${folder}/${file}`, async () => {
        const bytes = new Uint8Array(readFileSync(join(root, folder, file)));
        const d = await detectFormat(bytes);
        if (d.format) {
          assert.ok(
            families[folder].includes(d.format),
            `${folder}/${file} was detected as ${d.format}: ${d.detected}`,
          );
          assert.match(d.detected, /^[a-zA-Z].+\)$/, 'the detection says why, in brackets');
        } else {
          // Deliberately broken fixtures (login pages, malformed files) are refused with a sentence.
          assert.match(
            file,
            /login|sign-?in|malformed|broken|truncated|html|invalid|error|empty|bad/i,
            `${folder}/${file} was not recognised: ${d.reason}`,
          );
          assert.match(d.reason, /^It .+\.$/s);
        }
      });
    }
  }
});

describe('importSource', () => {
  test('reads a feed with its importer, which is loaded only then', async () => {
    const result = await importSource(
      {
        name: 'partner.json',
        bytes: utf8(
          JSON.stringify({ version: 1, sessions: [{ id: 'a', name: 'A', schedule: { startDate: '2026-09-07' } }] }),
        ),
      },
      { now: new Date('2026-11-20T09:00:00Z') },
    );
    assert.ok('report' in result);
    assert.equal(result.report.format, 'feed');
    assert.match(result.report.detected, /^an imh-widgets feed/);
    assert.deepEqual(result.source, {
      id: 'feed-partner-json',
      kind: 'feed',
      imported: '2026-11-20T09:00:00Z',
      file: 'partner.json',
    });
    assert.deepEqual(result.feed.sessions, [
      { id: 'a', name: 'A', schedule: { startDate: '2026-09-07' }, source: { ref: 'feed-partner-json', id: 'a' } },
    ]);
  });

  test('term dates and bank holidays are read as such, by content; a sessions calendar stays sessions', async () => {
    const fixture = (path: string) =>
      new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url).pathname));
    const now = new Date('2026-11-20T09:00:00Z');
    const ics = await importSource({ name: 'term-dates.ics', bytes: fixture('terms/term-dates.ics') }, { now });
    assert.ok('report' in ics, 'failed' in ics ? ics.failed : '');
    assert.equal(ics.report.format, 'term-dates-ics');
    const terms = (ics.feed.termDates?.terms ?? []) as { type: string }[];
    assert.ok(terms.some((t) => t.type == 'half-term'));
    assert.equal(ics.feed.sessions, undefined);
    const holidays = await importSource(
      { name: 'bank-holidays.json', bytes: fixture('terms/bank-holidays.json') },
      { now, division: 'scotland' },
    );
    assert.ok('report' in holidays, 'failed' in holidays ? holidays.failed : '');
    assert.equal(holidays.report.format, 'bank-holidays');
    assert.equal(holidays.feed.bankHolidays?.division, 'scotland');
    const csv = await importSource(
      { name: 'term-dates.csv', bytes: fixture('terms/term-dates-excel-1252.csv') },
      { now },
    );
    assert.ok('report' in csv, 'failed' in csv ? csv.failed : '');
    assert.equal(csv.report.format, 'term-dates-csv');
    assert.ok(((csv.feed.termDates?.terms ?? []) as unknown[]).length);
    const sessions = await importSource({ name: 'hub.ics', bytes: fixture('ics/google-family-hub.ics') }, { now });
    assert.ok('report' in sessions, 'failed' in sessions ? sessions.failed : '');
    assert.equal(sessions.report.format, 'ics');
    assert.equal(sessions.feed.termDates, undefined);
  });

  test('an address is fetched once, and a failure is a sentence', async () => {
    const asked: string[] = [];
    const fetch = (async (url: string) => {
      asked.push(url);
      return url.endsWith('/feed.json')
        ? new Response(JSON.stringify({ version: 1 }), { headers: { 'content-type': 'application/json' } })
        : new Response('', { status: 403, statusText: 'Forbidden' });
    }) as typeof globalThis.fetch;
    const ok = await importSource({ address: 'https://example.org/feed.json' }, { fetch });
    assert.ok('report' in ok && !ok.report.failed);
    assert.deepEqual(asked, ['https://example.org/feed.json']);
    const refused = await importSource({ address: 'https://example.org/private.json' }, { fetch });
    assert.deepEqual(refused, {
      name: 'https://example.org/private.json',
      failed:
        'The server at example.org answered 403 (Forbidden). ' +
        'The address needs a login or a key; ask the publisher for an open address.',
    });
    const offline = await importSource(
      { address: 'https://calendar.google.com/calendar/ical/x/basic.ics' },
      { fetch: (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof globalThis.fetch },
    );
    assert.equal((offline as { unreachable?: boolean }).unreachable, true);
    assert.match(
      (offline as { failed: string }).failed,
      /^Could not reach calendar\.google\.com \(Failed to fetch\)\./,
    );
  });

  test('an OpenActive feed address is read once, then followed page by page by its importer', async () => {
    const SERIES = 'https://leisure.example.org/openactive/session-series';
    const pages = new Map([
      [SERIES, 'series-page-1.json'],
      [`${SERIES}?afterTimestamp=18446744073709551010&afterId=SWIM-GONE`, 'series-page-2.json'],
      [`${SERIES}?afterTimestamp=18446744073709551050&afterId=ZZZ`, 'series-page-3.json'],
      [`${SERIES}?afterTimestamp=18446744073709551700&afterId=TODDLER-SWIM`, 'series-page-4.json'],
    ]);
    const fetch = fakeFetch((url) => (pages.has(url.href) ? json(`openactive/${pages.get(url.href)}`) : undefined));
    const progress: string[] = [];
    const result = await importSource(
      { address: SERIES },
      { fetch, now: new Date('2026-10-01T09:00:00Z'), onProgress: (line) => progress.push(line) },
    );
    assert.ok('report' in result && !result.report.failed, JSON.stringify(result));
    assert.equal(result.report.format, 'openactive');
    assert.match(
      result.report.detected,
      /^an OpenActive RPDE page \(it has "items" and "next"; its items are SessionSeries and FacilityUse\)$/,
    );
    assert.deepEqual(fetch.calls, [...pages.keys()], 'the first page fetched once, the rest by the importer');
    assert.equal(progress[0], `Reading ${SERIES}…`);
    assert.ok(progress.some((line) => /^Page 4 of leisure\.example\.org/.test(line)));
    assert.ok(result.feed.sessions?.length);
    assert.equal(result.source.kind, 'openactive');
    assert.equal(result.source.licence, 'https://creativecommons.org/licenses/by/4.0/');
  });

  test('a forced format applies to readable content only, never to a web page', async () => {
    const page = await importSource({ name: 'x', bytes: '<html><title>Sign in</title></html>' }, { format: 'feed' });
    assert.ok('failed' in page && /^It is a web page/.test(page.failed));
  });
});
