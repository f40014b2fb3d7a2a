// `imh-feed import` and `imh-feed template`, run as an editor or a scheduled job runs them, against
// the built dist/ (npm test builds it first). Sources that fail must never change the feed.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bin, runIn, scratch } from '../fixtures/cli.mjs';

const { dir, file: write } = scratch('imh-import-');
const path = (name) => join(dir, name);
const read = (name) => JSON.parse(readFileSync(path(name), 'utf8'));
const run = runIn(dir);

const schedule = (day) => ({
  startDate: '2026-09-07',
  repeatFrequency: 'P1W',
  byDay: [day],
  startTime: '10:00',
  endTime: '11:00',
});
/** A partner's feed: what `import partner.json` reads as a source. */
const partner = (sessions) => ({
  version: 1,
  publisher: { name: 'Anytown Libraries' },
  places: [{ id: 'central-library', name: 'Central Library', address: { postcode: 'WV1 3AX' } }],
  sessions: sessions.map(([id, name, day]) => ({ id, name, place: 'central-library', schedule: schedule(day) })),
});
const four = [
  ['rhyme-time', 'Rhyme Time', 'TU'],
  ['story-time', 'Story Time', 'WE'],
  ['baby-booktime', 'Baby Booktime', 'TH'],
  ['lego-club', 'Lego Club', 'FR'],
];
/** The council's own feed, written by hand. */
const own = () => ({
  version: 1,
  publisher: { name: 'Anytown Family Hubs' },
  sessions: [{ id: 'baby-massage', name: 'Baby Massage', schedule: schedule('MO'), x_note: 'kept' }],
});

describe('imh-feed import', () => {
  let server;
  let base;
  before(async () => {
    server = createServer((req, res) => {
      if (req.url === '/partner.json')
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(partner(four)));
      else if (req.url === '/login')
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(
            '<!doctype html><html><head><title>Sign in | Anytown Directory</title></head>' +
              '<body><form><input type="password"></form></body></html>',
          );
      else if (req.url === '/broken') res.writeHead(500, 'Internal Server Error').end('oops');
      else res.writeHead(404, 'Not Found').end();
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => server.close());

  test('merges a source into a hand-written feed, says what it found, and passes validate --strict', async () => {
    write('feed.json', own());
    write('partner.json', partner(four));
    const { code, stdout } = await run('import', 'partner.json', '--into', 'feed.json');
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^✓ Wrote feed\.json: 5 sessions, 1 place\./);
    assert.match(stdout, /partner\.json: an imh-widgets feed \(it has "version": 1 and sessions and places\)\./);
    assert.match(
      stdout,
      /In the feed: added 4 sessions \(Rhyme Time, Story Time, Baby Booktime, Lego Club\) and 1 place \(Central Library\)\./,
    );
    const feed = read('feed.json');
    assert.deepEqual(feed.sessions[0], own().sessions[0], 'the hand-written session changed');
    assert.equal(feed.sources[0].kind, 'feed');
    assert.equal(feed.sources[0].file, 'partner.json');
    assert.equal(feed.sessions[1].source.ref, feed.sources[0].id);
    const check = await run('validate', '--strict', 'feed.json');
    assert.equal(check.code, 0, check.stdout);
  });

  test('leaves the file alone when nothing changed (a scheduled job has nothing to commit)', async () => {
    write('feed.json', own());
    write('partner.json', partner(four));
    await run('import', 'partner.json', '--into', 'feed.json');
    const before = readFileSync(path('feed.json'), 'utf8');
    const mtime = statSync(path('feed.json')).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const { code, stdout } = await run('import', 'partner.json', '--into', 'feed.json');
    assert.equal(code, 0);
    assert.match(stdout, /^✓ feed\.json is up to date: the sources have not changed, so it was left as it was\./);
    assert.equal(readFileSync(path('feed.json'), 'utf8'), before);
    assert.equal(statSync(path('feed.json')).mtimeMs, mtime);
  });

  test('a source that shrinks by more than half writes nothing and exits 3, unless --force', async () => {
    write('feed.json', own());
    write('partner.json', partner(four));
    await run('import', 'partner.json', '--into', 'feed.json');
    const before = readFileSync(path('feed.json'), 'utf8');
    write('partner.json', partner(four.slice(0, 1)));
    const held = await run('import', 'partner.json', '--into', 'feed.json');
    assert.equal(held.code, 3, held.stdout);
    assert.match(held.stdout, /^✗ Nothing was written; feed\.json is as it was\./);
    assert.match(
      held.stdout,
      /partner\.json was held back: It would remove 3 of its 4 sessions and services, more than half\./,
    );
    assert.match(held.stdout, /add --force if the change is right/);
    assert.equal(readFileSync(path('feed.json'), 'utf8'), before);

    const forced = await run('import', 'partner.json', '--into', 'feed.json', '--force');
    assert.equal(forced.code, 0, forced.stdout);
    assert.match(forced.stdout, /removed 3 sessions \(Story Time, Baby Booktime, Lego Club\)/);
    assert.deepEqual(
      read('feed.json').sessions.map((s) => s.id),
      ['baby-massage', 'rhyme-time'],
    );
  });

  test('an HTML login page instead of data writes nothing, exits 2, and says what to do', async () => {
    write('feed.json', own());
    const before = readFileSync(path('feed.json'), 'utf8');
    const { code, stdout } = await run('import', `${base}/login`, '--into', 'feed.json');
    assert.equal(code, 2);
    assert.ok(
      stdout.includes(
        `${base}/login could not be read: It is a web page ("Sign in | Anytown Directory"), not data. ` +
          'It asks you to sign in: the address needs a login. Ask the publisher for an open address, ' +
          'or save the data as a file and import that.',
      ),
      stdout,
    );
    assert.equal(readFileSync(path('feed.json'), 'utf8'), before);
  });

  test('a server error writes nothing, even beside a source that worked; --force writes that one', async () => {
    write('feed.json', own());
    const before = readFileSync(path('feed.json'), 'utf8');
    const failed = await run('import', `${base}/partner.json`, `${base}/broken`, '--into', 'feed.json');
    assert.equal(failed.code, 2);
    assert.ok(
      failed.stdout.includes(
        `${base}/broken could not be read: The server at 127.0.0.1:${server.address().port} answered 500 ` +
          '(Internal Server Error). Try again later, or ask the publisher.',
      ),
      failed.stdout,
    );
    assert.match(failed.stdout, /or add --force to write the other sources’ changes/);
    assert.equal(readFileSync(path('feed.json'), 'utf8'), before);

    const forced = await run('import', `${base}/partner.json`, `${base}/broken`, '--into', 'feed.json', '--force');
    assert.equal(forced.code, 0, forced.stdout);
    assert.equal(read('feed.json').sessions.length, 5);
    assert.equal(read('feed.json').sources[0].url, `${base}/partner.json`);
  });

  test('files it cannot read get a sentence saying what to do instead', async () => {
    write('feed.json', own());
    write('timetable.pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    // The start of a real .xlsx: a zip whose first entry is [Content_Types].xml, then xl/workbook.xml.
    write(
      'sessions.xlsx',
      Buffer.concat([
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]),
        Buffer.from('\0'.repeat(22) + '[Content_Types].xml' + '\0'.repeat(40) + 'xl/workbook.xml'),
      ]),
    );
    write('notes.csv', 'Name,Date,Where\nCoffee morning,01/12/2026,Hub\n');
    const { code, stdout } = await run(
      'import',
      'timetable.pdf',
      'sessions.xlsx',
      'notes.csv',
      'missing.csv',
      '--into',
      'feed.json',
    );
    assert.equal(code, 2);
    assert.match(
      stdout,
      /timetable\.pdf could not be read: It is a PDF, which cannot be imported\. Copy what it says into a template/,
    );
    assert.match(
      stdout,
      /sessions\.xlsx could not be read: It is an Excel workbook \(\.xlsx\)\. Save it as CSV: in Excel, File › Save As › "CSV UTF-8 \(Comma delimited\)"/,
    );
    assert.match(
      stdout,
      /notes\.csv could not be read: It looks like a spreadsheet, but its header row \(Name, Date, Where\) matches none of the templates\./,
    );
    assert.match(stdout, /missing\.csv could not be read: It cannot be read: no such file\./);
    assert.doesNotMatch(stdout + '', /at .*\.js:\d+/, 'a stack trace was printed');
  });

  test('reports a skipped item with its line in the source', async () => {
    const bad = partner(four);
    bad.sessions[2].schedule.byDay = ['Thursdays'];
    write('partner.json', bad);
    write('feed.json', own());
    const { code, stdout } = await run('import', 'partner.json', '--into', 'feed.json', '--strict');
    assert.equal(code, 1, 'with --strict, a skipped record exits 1 (the feed is still written)');
    assert.match(stdout, /^✓ Wrote feed\.json: 4 sessions, 1 place\./);
    assert.match(stdout, /5 items: 4 imported, 1 skipped\./);
    const line =
      readFileSync(path('partner.json'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"baby-booktime"')) + 1;
    assert.ok(
      stdout.includes(
        `  ✗ partner.json, line ${line}, "Baby Booktime" (id baby-booktime), schedule.byDay[0]: ` +
          'Skipped: "Thursdays" is not a day',
      ),
      stdout,
    );
  });

  test('an imported id that a hand-written item has is renamed, and said so', async () => {
    write('feed.json', {
      ...own(),
      sessions: [{ id: 'rhyme-time', name: 'Rhyme Time (our own)', schedule: schedule('MO') }],
    });
    write('partner.json', partner(four));
    const { code, stdout } = await run('import', 'partner.json', '--into', 'feed.json');
    assert.equal(code, 0);
    assert.match(
      stdout,
      /! partner\.json, line \d+ \(id rhyme-time\): The session "Rhyme Time" would have the id rhyme-time, which a hand-written session \("Rhyme Time \(our own\)"\) already has; it is imported as rhyme-time-2/,
    );
    assert.deepEqual(
      read('feed.json').sessions.map((s) => s.id),
      ['rhyme-time', 'rhyme-time-2', 'story-time', 'baby-booktime', 'lego-club'],
    );
  });

  test('--json gives machines the same report', async () => {
    write('partner.json', partner(four));
    const { code, stdout } = await run('import', 'partner.json', '-o', 'new.json', '--json', '--force');
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.written, 'new.json');
    assert.deepEqual(report.counts, { sessions: 4, services: 0, places: 1, organisations: 0 });
    assert.equal(report.sources[0].format, 'feed');
    assert.match(report.sources[0].detected, /^an imh-widgets feed/);
    assert.deepEqual(report.sources[0].records, { imported: 5, withLosses: 0, skipped: 0 });
    assert.ok(Array.isArray(report.problems));
  });

  test('-o - prints the feed, with the report on standard error', async () => {
    write('partner.json', partner(four));
    const { code, stdout, stderr } = await run('import', 'partner.json', '-o', '-', '--quiet');
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).sessions.length, 4);
    assert.match(stderr, /✓ Wrote the feed: 4 sessions, 1 place\./);
  });

  test('never overwrites a feed it was not asked to update', async () => {
    write('existing.json', own());
    write('partner.json', partner(four));
    const before = readFileSync(path('existing.json'), 'utf8');
    const { code, stderr } = await run('import', 'partner.json', '-o', 'existing.json');
    assert.equal(code, 2);
    assert.match(
      stderr,
      /existing\.json already exists\. To update it and keep what it has, use --into existing\.json; to replace it, add --force\./,
    );
    assert.equal(readFileSync(path('existing.json'), 'utf8'), before);
  });

  test('refuses to import into a feed that cannot be used, with where it is broken', async () => {
    write('broken.json', '{\n  "version": 1,\n  "sessions": [\n    { "id": "a" }\n    { "id": "b" }\n  ]\n}');
    write('partner.json', partner(four));
    const { code, stderr } = await run('import', 'partner.json', '--into', 'broken.json');
    assert.equal(code, 2);
    assert.match(
      stderr,
      /broken\.json cannot be used, so nothing was imported into it: The feed is not valid JSON: line 5, column 5/,
    );
    assert.match(stderr, /npx imh-feed validate broken\.json shows where/);
  });

  test('makes the --into feed when it does not exist yet (a scheduled job’s first run)', async () => {
    write('partner.json', partner(four));
    const { code, stderr } = await run('import', 'partner.json', '--into', 'first-run.json');
    assert.equal(code, 0);
    assert.match(stderr, /first-run\.json does not exist yet: a new feed is made\./);
    assert.equal(read('first-run.json').sessions.length, 4);
  });

  test('--dry-run reads and reports but writes nothing', async () => {
    write('partner.json', partner(four));
    const { code, stdout } = await run('import', 'partner.json', '--into', 'dry.json', '--dry-run');
    assert.equal(code, 0);
    assert.match(stdout, /^✓ dry\.json would have 4 sessions, 1 place \(a dry run: nothing was written\)\./);
    assert.equal(existsSync(path('dry.json')), false);
  });

  test('explains its usage and exits 64 when called wrongly', async () => {
    const none = await run('import');
    assert.equal(none.code, 64);
    assert.match(none.stderr, /Say what to import: one or more files or addresses, --bank-holidays or --term-dates\./);
    const nowhere = await run('import', 'partner.json');
    assert.equal(nowhere.code, 64);
    assert.match(nowhere.stderr, /Say where to write the feed: --into feed\.json updates that feed/);
    const division = await run('import', '--bank-holidays', 'wales', '-o', 'x.json');
    assert.equal(division.code, 64);
    assert.match(
      division.stderr,
      /"wales" is not a GOV\.UK bank-holiday division\. Use england-and-wales, scotland or northern-ireland\./,
    );
    const format = await run('import', 'partner.json', '--format', 'xlsx', '-o', 'x.json');
    assert.equal(format.code, 64);
    assert.match(format.stderr, /"xlsx" is not a format imh-feed reads\. Use one of: sessions-csv, services-csv/);
    for (const zone of ['+01:00', 'Europe/Londn']) {
      const wrong = await run('import', 'partner.json', '--time-zone', zone, '-o', 'x.json');
      assert.equal(wrong.code, 64);
      assert.ok(wrong.stderr.includes(`"${zone}" is not a time zone. Use its IANA name, like Europe/London.`));
    }
    const unknown = await run('import', 'partner.json', '--into', 'x.json', '--overwrite');
    assert.equal(unknown.code, 64);
    assert.match(unknown.stderr, /^imh-feed import: Unknown option '--overwrite'\./);
    const help = await run('import', '--help');
    assert.equal(help.code, 0);
    assert.match(
      help.stdout,
      /Exit codes: 0 the feed was written \(or was already up to date\), 1 written but records were\nskipped/,
    );
    assert.equal((await run('frobnicate')).code, 64);
  });

  test('an unbuilt checkout says what to run', async () => {
    const checkout = mkdtempSync(join(tmpdir(), 'imh-unbuilt-'));
    mkdirSync(join(checkout, 'bin'));
    copyFileSync(bin, join(checkout, 'bin', 'imh-feed.mjs'));
    const child = spawn(process.execPath, [join(checkout, 'bin', 'imh-feed.mjs'), 'validate', 'feed.json']);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((r) => child.on('close', r));
    assert.equal(code, 70);
    assert.equal(stderr, `imh-feed is not built in ${checkout}/: run "npm run build" there, then try again.\n`);
  });
});

describe('the spreadsheet route', () => {
  const template = new URL('../../templates/sessions.csv', import.meta.url).pathname;

  test('imh-feed template writes the template exactly as shipped, and never over a file', async () => {
    const { code, stdout } = await run('template', 'sessions');
    assert.equal(code, 0);
    assert.match(
      stdout,
      /^✓ Wrote sessions\.csv\. Fill in a row per session, save it as "CSV UTF-8", then: npx imh-feed import sessions\.csv --into feed\.json/,
    );
    assert.deepEqual(readFileSync(path('sessions.csv')), readFileSync(template));
    const again = await run('template', 'sessions');
    assert.equal(again.code, 2);
    assert.match(
      again.stderr,
      /sessions\.csv already exists\. Choose another name with -o, or add --force to replace it\./,
    );
    const printed = await run('template', 'services', '-o', '-');
    assert.equal(printed.stdout, readFileSync(new URL('../../templates/services.csv', import.meta.url), 'utf8'));
    const unknown = await run('template', 'events');
    assert.equal(unknown.code, 64);
    assert.match(unknown.stderr, /^There is no template called "events"\. The templates are: .*sessions/);
  });

  test('the filled-in template becomes a feed, and the report says what the feed still needs', async () => {
    const { code, stdout } = await run('import', template, '-o', 'from-template.json');
    assert.equal(code, 0, stdout);
    assert.match(stdout, /a sessions spreadsheet \(its header row has Session name, Day and First date\)\./);
    assert.match(stdout, /\d+ rows: \d+ imported/);
    const feed = read('from-template.json');
    assert.ok(feed.sessions.length >= 2);
    assert.ok(feed.sessions.every((s) => s.source.ref === feed.sources[0].id));
    // The template's first session runs in term time only: the feed needs term dates to show its dates.
    assert.equal(feed.sessions[0].schedule.termTimeOnly, true, 'term time only must never be dropped');
    assert.match(stdout, /The feed's own check \(imh-feed validate\) says/);
    assert.match(stdout, /but the feed has no termDates, so no dates can be shown/);
    // It leaves nothing out: a thing to check, as imh-feed validate lists it.
    assert.match(stdout, /^ {2}to check {2}sessions\[0\]\.schedule\.termTimeOnly: says the session runs in term time/m);
    assert.match(
      stdout,
      /To add them, run the import again with --term-dates term-dates\.csv \(npx imh-feed template term-dates makes one to fill in\) and --bank-holidays england-and-wales\./,
    );
    const strict = await run('import', template, '-o', 'strict.json', '--strict');
    assert.equal(strict.code, 1);
    // --json gives each issue its group, as imh-feed validate --json does.
    const json = JSON.parse((await run('import', template, '-o', 'json.json', '--json')).stdout);
    const termTime = json.issues.find((i) => i.path == 'sessions[0].schedule.termTimeOnly');
    assert.equal(termTime?.group, 'to check', JSON.stringify(json.issues));
  });

  test('with term dates and bank holidays, the template becomes a feed that passes validate --strict', async () => {
    const termDates = new URL('../../templates/term-dates.csv', import.meta.url).pathname;
    const holidays = new URL('../node/fixtures/terms/bank-holidays.json', import.meta.url).pathname;
    const { code, stdout, stderr } = await run(
      'import',
      template,
      '--term-dates',
      termDates,
      '--bank-holidays',
      'england-and-wales',
      '--bank-holidays-from',
      holidays,
      '-o',
      'with-terms.json',
    );
    assert.equal(code, 0, stdout + stderr);
    assert.doesNotMatch(stdout + stderr, /cannot import that yet/);
    assert.match(stdout, /school term dates in a spreadsheet/);
    assert.match(stdout, /GOV\.UK bank holidays/);
    const feed = read('with-terms.json');
    const terms = feed.termDates?.terms ?? [];
    assert.equal(terms.length, 8, 'every term and holiday of the template is in the feed');
    assert.deepEqual(
      [...new Set(terms.map((t) => t.type))].sort(),
      ['half-term', 'holiday', 'term'],
      'terms, half terms and holidays keep their types',
    );
    assert.equal(feed.bankHolidays?.division, 'england-and-wales');
    assert.equal(feed.bankHolidays.dates.length, 16, 'only the chosen division’s bank holidays');
    assert.ok(feed.bankHolidays.dates.some((d) => d.date === '2026-12-25'));
    assert.equal(feed.sessions[0].schedule.termTimeOnly, true);
    assert.doesNotMatch(stdout, /the feed has no termDates/);
    const strict = await run('validate', path('with-terms.json'), '--strict');
    assert.equal(strict.code, 0, strict.stdout + strict.stderr);
  });
});

describe('a directory read page by page', () => {
  let server;
  let base;
  const fixture = (name) => readFileSync(new URL(`../node/fixtures/oruk/${name}`, import.meta.url), 'utf8');
  before(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url, 'http://x');
      const page = Number(url.searchParams.get('page') ?? 1);
      if (url.pathname == '/api/services' || (url.pathname == '/flaky/services' && page < 3)) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(fixture(`v1-page-${page}.json`));
      } else res.writeHead(500, 'Internal Server Error').end('{"error": "database unavailable"}');
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => server.close());

  test('follows every page, showing progress, and merges the services', async () => {
    write('feed.json', own());
    const { code, stdout, stderr } = await run('import', `${base}/api/services`, '--into', 'feed.json');
    assert.equal(code, 0, stdout + stderr);
    assert.match(stdout, /an Open Referral UK page of services \(the v1 wrapper: "content" and "totalElements"\)/);
    assert.match(stderr, /^Reading http:\/\/127\.0\.0\.1:\d+\/api\/services…$/m);
    assert.match(stderr, /^Page 1 of 3/m);
    assert.match(stderr, /^Page 3 of 3/m);
    // 8 services on 3 pages: 3 services, 2 group timetables as sessions, 3 skipped (each reported).
    assert.match(stdout, /8 services: 5 imported, 5 of them with losses, 3 skipped\./);
    assert.match(
      stdout,
      /✗ http:\/\/127\.0\.0\.1:\d+\/api\/services, page 1, "Closed Playgroup" \(id 103\), status: Skipped/,
    );
    const feed = read('feed.json');
    assert.equal(feed.services.length, 3);
    assert.deepEqual(feed.sessions[0], own().sessions[0]);
    assert.equal(feed.sessions.length, 3);
    assert.equal((await run('validate', 'feed.json')).code, 0);
  });

  test('half the pages then a 500: nothing is written, and the report says where it stopped', async () => {
    write('feed.json', own());
    await run('import', `${base}/api/services`, '--into', 'feed.json');
    const before = readFileSync(path('feed.json'), 'utf8');
    const { code, stdout } = await run('import', `${base}/flaky/services`, '--into', 'feed.json');
    assert.equal(code, 2, stdout);
    assert.match(stdout, /^✗ Nothing was written; feed\.json is as it was\./);
    assert.match(stdout, /flaky\/services could not be read: .*500.*page 3/);
    assert.equal(readFileSync(path('feed.json'), 'utf8'), before);
  });
});

describe('a calendar', () => {
  test('an .ics file becomes sessions, said to be a calendar, with each problem at its line', async () => {
    const ics = new URL('../node/fixtures/ics/google-family-hub.ics', import.meta.url).pathname;
    const { code, stdout } = await run('import', ics, '-o', 'calendar.json', '--force');
    assert.equal(code, 0, stdout);
    assert.match(stdout, /google-family-hub\.ics: an iCalendar file \(it starts with BEGIN:VCALENDAR; \d+ events\)\./);
    assert.match(stdout, /\d+ events: \d+ imported/);
    const feed = read('calendar.json');
    assert.ok(feed.sessions.length > 0);
    assert.equal(feed.sources[0].kind, 'ics');
    assert.equal((await run('validate', 'calendar.json')).code, 0);
  });
});

describe('an OpenActive feed', () => {
  let server;
  let base;
  // The RPDE pages of test/node/fixtures/openactive, served from here instead of leisure.example.org.
  const pages = {
    '': 'series-page-1.json',
    '18446744073709551010': 'series-page-2.json',
    '18446744073709551050': 'series-page-3.json',
    '18446744073709551700': 'series-page-4.json',
  };
  before(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url, 'http://x');
      const page = pages[url.searchParams.get('afterTimestamp') ?? ''];
      if (url.pathname != '/openactive/session-series' || !page) return res.writeHead(404).end();
      const text = readFileSync(new URL(`../node/fixtures/openactive/${page}`, import.meta.url), 'utf8');
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(text.replaceAll('https://leisure.example.org', base));
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => server.close());

  test('follows next to the last page, says what it found, and credits the licence in the feed', async () => {
    write('feed.json', own());
    const { code, stdout, stderr } = await run('import', `${base}/openactive/session-series`, '--into', 'feed.json');
    assert.equal(code, 0, stdout + stderr);
    assert.match(stdout, /: an OpenActive RPDE page \(it has "items" and "next"; its items are SessionSeries/);
    assert.match(stderr, /^Page 4 of 127\.0\.0\.1:\d+\/openactive\/session-series/m);
    const feed = read('feed.json');
    assert.deepEqual(feed.sessions[0], own().sessions[0], 'the hand-written session is kept as it was');
    const source = feed.sources.find((s) => s.kind == 'openactive');
    assert.equal(source.licence, 'https://creativecommons.org/licenses/by/4.0/');
    assert.ok(feed.sessions.filter((s) => s.source?.ref == source.id).length > 0);
    assert.equal((await run('validate', 'feed.json', '--strict')).code, 0);
  });
});
