/* eslint-disable max-len -- expected sentences are kept whole, as editors read them */
// Tests for the `imh-feed` command (Node's test runner; needs `vite build` first, which `npm test` does).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { example, runIn, scratch } from '../fixtures/cli.mjs';

const { dir, file } = scratch('imh-feed-');
const run = runIn();

const feed = JSON.parse(readFileSync(example, 'utf8'));
/** The line (from one) where `needle` first appears in `text`, after `from` characters. */
const lineAt = (text, needle, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length;
/** The line of a pretty-printed item: the "{" just above its "id" (the first field of every item here). */
const itemLine = (text, id) => lineAt(text, `"id": "${id}"`) - 1;
const broken = structuredClone(feed);
broken.sessions[3].schedule.byDay = ['Tusday'];
broken.places[0].facilities.push('trampoline');

describe('imh-feed validate', () => {
  test('passes the example feed', async () => {
    const { code, stdout } = await run('validate', example);
    assert.equal(code, 0);
    assert.match(stdout, /✓ .*example-feed\.json is valid\./);
    assert.match(stdout, /Kept: 16 sessions, 16 services, 7 places/);
  });

  test('names each item by its number from one, its name, id and line, keeps the path, and exits 0 (usable)', async () => {
    const { code, stdout } = await run('validate', file('broken.json', broken));
    const text = JSON.stringify(broken, null, 2);
    assert.equal(code, 0);
    assert.match(stdout, /^! .*broken\.json can be used, but 1 item was skipped and 1 value was ignored\.$/m);
    assert.ok(
      stdout.includes(
        `  skipped  Session 4, "${feed.sessions[3].name.en}" (id ${feed.sessions[3].id}, line ${itemLine(text, feed.sessions[3].id)}): schedule › byDay › entry 1: "Tusday" is not a day; use MO, TU, WE, TH, FR, SA or SU`,
      ),
      stdout,
    );
    assert.ok(
      stdout.includes(`\n           at sessions[3].schedule.byDay[0], line ${lineAt(text, '"Tusday"')}\n`),
      stdout,
    );
    assert.ok(
      stdout.includes(
        `  ignored  Place 1, "Bob Jones Community Hub" (id bob-jones-hub, line ${itemLine(text, 'bob-jones-hub')}): facilities › entry 6: "trampoline" is not a known facility`,
      ),
      stdout,
    );
    assert.doesNotMatch(stdout, /item\(s\)|value\(s\)/);
  });

  test('with --strict, exits 1 when there are issues', async () => {
    assert.equal((await run('validate', '--strict', file('broken.json', broken))).code, 1);
    assert.equal((await run('validate', '--strict', example)).code, 0);
  });

  test('exits 2 with the line and column when the file is not JSON', async () => {
    const { code, stdout } = await run(
      'validate',
      file('bad.json', '{\n  "version": 1,\n  "sessions": [\n    { "id": "a" }\n    { "id": "b" }\n  ]\n}'),
    );
    assert.equal(code, 2);
    assert.match(
      stdout,
      /cannot be used\.\n {2}The feed is not valid JSON: line 5, column 5: expected "," or "\]" after the entry \(is a comma missing\?\)\.$/m,
    );
    // not the advice to run the command that is printing it
    assert.doesNotMatch(stdout, /imh-feed validate/);
  });

  test('hints at quotes, not commas, for an unquoted time or date', async () => {
    const time = await run('validate', file('time.json', '{\n  "version": 1,\n  "startTime": 10:00\n}'));
    assert.equal(time.code, 2);
    assert.ok(
      time.stdout.includes(
        'line 3, column 16: expected a time in "double quotes", like "10:00" (times are text in JSON)',
      ),
      time.stdout,
    );
    const date = await run('validate', file('date.json', '{"version": 1, "startDate": 2026-09-07}'));
    assert.ok(date.stdout.includes('expected a date in "double quotes", like "2026-09-07"'), date.stdout);
  });

  test('reports a key written twice, with both lines, as a value ignored', async () => {
    const twice = JSON.stringify(feed, null, 2).replace('"version": 1,', '"version": 1,\n  "sessions": [],');
    const { code, stdout } = await run('validate', '--strict', file('twice.json', twice));
    const second = lineAt(twice, '"sessions": [', twice.indexOf('"sessions": [') + 1);
    assert.equal(code, 1);
    assert.match(stdout, /can be used, but 1 value was ignored\./);
    assert.ok(
      stdout.includes(
        `  ignored  sessions (line ${second}): "sessions" is written twice in the same object (lines 3 and ${second}); JSON keeps only the last, so what line 3 says is lost.`,
      ),
      stdout,
    );
  });

  test('warns of a session whose every date the calendars close, and of no other (issue 12)', async () => {
    const closed = structuredClone(feed);
    closed.termDates = {
      terms: [
        { type: 'term', start: '2026-09-03', end: '2026-12-18' },
        { type: 'half-term', start: '2026-10-26', end: '2026-10-30' },
        { type: 'term', start: '2027-01-05', end: '2027-03-26' },
      ],
    };
    closed.bankHolidays = { dates: [{ date: '2026-12-25' }, { date: '2026-12-28' }], until: '2026-12-31' };
    const [first] = closed.sessions;
    const session = (id, schedule) => ({ ...first, id, name: id, schedule: { ...first.schedule, ...schedule } });
    const weekly = { repeatFrequency: 'P1W', byDay: ['WE'], repeatCount: undefined, exceptDate: undefined };
    closed.sessions = [
      // Every Wednesday of the October half term only: all outside term time.
      session('half-term-only', { ...weekly, startDate: '2026-10-26', endDate: '2026-10-30', termTimeOnly: true }),
      // Christmas Day alone, not on bank holidays.
      session('christmas', {
        startDate: '2026-12-25',
        repeatFrequency: undefined,
        byDay: undefined,
        notOnBankHolidays: true,
      }),
      // Both: the Wednesdays of the Christmas holidays, and the bank holidays.
      session('both', {
        ...weekly,
        startDate: '2026-12-19',
        endDate: '2027-01-04',
        termTimeOnly: true,
        notOnBankHolidays: true,
      }),
      // Fine: Wednesdays in term time, one in the half term closed.
      session('term-wednesdays', { ...weekly, startDate: '2026-10-01', endDate: '2026-11-30', termTimeOnly: true }),
      // Closed until the term dates end, then dates not yet confirmed (they show when next year's are added).
      session('summer', { ...weekly, startDate: '2027-03-27', termTimeOnly: true }),
      // Closed by its own dates, but one extra date of its own shows.
      {
        ...session('with-extra', {
          startDate: '2026-12-25',
          repeatFrequency: undefined,
          byDay: undefined,
          notOnBankHolidays: true,
        }),
        occurrences: [{ date: '2026-12-29', status: 'scheduled' }],
      },
    ];
    const text = JSON.stringify(closed, null, 2);
    const { code, stdout } = await run('validate', file('closed.json', text));
    const warned = stdout.split('\n').filter((line) => line.includes('would never be listed'));
    assert.equal(warned.length, 3, stdout);
    // They ignore nothing: things to check, not values ignored; usable, but --strict fails on them.
    assert.equal(code, 0);
    assert.match(stdout, /^! .*closed\.json can be used, but 3 things need checking\.$/m);
    assert.doesNotMatch(stdout, /ignored/);
    for (const line of warned) assert.match(line, /^ {2}to check {2}Session \d/);
    assert.match(stdout, /\n {12}at sessions\[0\]\.schedule\.termTimeOnly, line \d+\n/);
    assert.equal((await run('validate', '--strict', file('closed.json', text))).code, 1);
    const json = JSON.parse((await run('validate', '--json', file('closed.json', text))).stdout);
    assert.deepEqual(
      json.issues.map((i) => i.group),
      ['to check', 'to check', 'to check'],
    );
    assert.ok(
      warned[0].includes(
        `Session 1, "half-term-only" (id half-term-only, line ${itemLine(text, 'half-term-only')}): schedule › ` +
          'termTimeOnly: says the session runs in term time ' +
          'only, but every date of its pattern falls outside term time (termDates gives dates up to 2027-03-26), so ' +
          'the session would never be listed. Check its startDate, endDate and pattern against termDates, or ' +
          'remove termTimeOnly',
      ),
      warned[0],
    );
    assert.ok(warned[1].includes('"christmas"') && warned[1].includes('falls on a bank holiday'), warned[1]);
    assert.ok(
      warned[2].includes('"both"') &&
        warned[2].includes('runs in term time only and does not run on bank holidays') &&
        warned[2].includes(
          'outside term time or on a bank holiday (termDates and bankHolidays give dates up to 2026-12-31)',
        ) &&
        warned[2].includes('remove termTimeOnly or notOnBankHolidays'),
      warned[2],
    );
  });

  test('counts the items skipped, not their problems', async () => {
    const twice = structuredClone(feed);
    const first = twice.sessions[0];
    // Two problems in one session (a bad age range is ignored on its own now, so a time that cannot be).
    Object.assign(first, { schedule: { ...first.schedule, byDay: ['XX'], startTime: '25:00' } });
    twice.sessions[1].name = '';
    const { stdout } = await run('validate', file('twice.json', twice));
    assert.match(stdout, /^! .*twice\.json can be used, but 2 items were skipped\.$/m);
    assert.equal(stdout.match(/^ {2}skipped {2}Session 1,/gm)?.length, 2, stdout);
  });

  test('puts a prominent line first, and fails with --strict, when an emergency service is left out', async () => {
    const lost = structuredClone(feed);
    const index = lost.services.findIndex((s) => s.urgency === 'emergency');
    // Two problems: it is still one service left out.
    delete lost.services[index].name;
    lost.services[index].kind = 'nonsense';
    const { code, stdout } = await run('validate', '--strict', file('lost.json', lost));
    assert.equal(code, 1);
    const [head, second] = stdout.split('\n');
    assert.match(head, /can be used, but 1 item was skipped\./);
    assert.match(
      second,
      new RegExp(
        `^✗ An emergency service was left out: Service ${index + 1} \\(id ${lost.services[index].id}, line \\d+\\)\\. Visitors will not see it until it is fixed\\.$`,
      ),
    );
  });

  test('names an emergency service left out even when its problems fall past the first 1,000 (counted, not listed)', async () => {
    const many = structuredClone(feed);
    // 1,200 broken sessions fill the list of problems before the services are checked.
    many.sessions = Array.from({ length: 1200 }, (_, i) => ({
      ...feed.sessions[0],
      id: `s${i}`,
      schedule: { ...feed.sessions[0].schedule, byDay: ['Tusday'] },
    }));
    const index = many.services.findIndex((s) => s.urgency === 'emergency');
    delete many.services[index].name;
    const { code, stdout } = await run('validate', '--strict', file('many.json', many));
    assert.equal(code, 1);
    const [, second] = stdout.split('\n');
    assert.equal(
      second,
      '✗ An emergency service was left out, among the problems past the first 1,000 (counted, not listed). ' +
        'Visitors will not see it until it is fixed.',
    );
    const json = JSON.parse((await run('validate', '--json', file('many.json', many))).stdout);
    assert.equal(json.emergenciesNotListed, 1);
    assert.equal(json.emergencies, undefined);
  });

  test('an emergency service named and others past the first 1,000 problems: all counted on the line', async () => {
    const many = structuredClone(feed);
    const index = many.services.findIndex((s) => s.urgency === 'emergency');
    const emergency = many.services[index];
    // The first emergency service is named; 1,200 broken services follow, two of them emergencies.
    delete emergency.name;
    const filler = Array.from({ length: 1200 }, (_, i) => ({ ...emergency, id: `e${i}`, urgency: 'routine' }));
    filler[1050].urgency = 'emergency';
    filler[1100].urgency = 'emergency';
    many.services.push(...filler);
    const { stdout } = await run('validate', file('many.json', many));
    const second = stdout.split('\n')[1];
    assert.match(
      second,
      new RegExp(
        `^✗ 3 emergency services were left out: Service ${index + 1} \\(id ${emergency.id}, line \\d+\\); and 2 more among the problems past the first 1,000 \\(counted, not listed\\)\\. Visitors will not see them until they are fixed\\.$`,
      ),
      second,
    );
  });

  test('a path holding a direction control is printed with it escaped: the "at" line reads in order', async () => {
    const odd = structuredClone(feed);
    const index = odd.services.findIndex((s) => s.urgency === 'routine');
    odd.services[index].name = { en: 'Health visiting', ['c\u202Ey']: 'Enw' };
    const { stdout } = await run('validate', file('odd.json', odd));
    assert.ok(!/[\u202A-\u202E\u2066-\u2069]/.test(stdout), stdout);
    assert.match(stdout, new RegExp(`^ {11}at services\\[${index}\\]\\.name\\.c\\\\u202Ey, line \\d+$`, 'm'));
    assert.match(
      stdout,
      /"Health visiting" \(id [\w-]+, line \d+\): name › c\\u202Ey: "c\\u202Ey" is not a language code/,
    );
  });

  test('keys written twice past the first 1,000 are counted in one more line, not listed one by one', async () => {
    const text = `{"version": 1, "x": {${Array(1501).fill('\n"a": 0').join(',')}}}`;
    const { stdout } = await run('validate', file('keys.json', text));
    assert.equal(stdout.match(/is written twice in the same object/g)?.length, 1000);
    assert.ok(
      stdout.includes(
        '500 more keys are written twice, from line 1003 on, counted but not listed: a check lists the first 1,000 only. Merge the ones above and check again (ignored)',
      ),
      stdout.slice(-600),
    );
    assert.match(stdout, /^! .*keys\.json can be used, but 1,500 values were ignored\.$/m);
  });

  test('checks 2,400,000 bad sessions (4.8 MB, under the size cap) in seconds: 1,000 problems listed, the rest counted', async () => {
    // Before: 149 s and 4.6 GB, making an issue and a sentence for each of the 2.4 million (issue 12).
    const start = Date.now();
    const zeros = await run(
      'validate',
      file('zeros.json', JSON.stringify({ version: 1, sessions: Array(2_400_000).fill(0) })),
    );
    const took = Date.now() - start;
    assert.equal(zeros.code, 0, zeros.stderr);
    const lines = zeros.stdout.split('\n');
    assert.equal(lines[0], `! ${join(dir, 'zeros.json')} can be used, but 2,400,000 items were skipped.`);
    assert.equal(lines.filter((l) => l.startsWith('  skipped  ')).length, 1_001);
    assert.match(lines.at(-5), /^ {2}skipped {2}Session 1000 \(line 1\) should be an object/);
    assert.equal(
      lines.at(-3),
      '  skipped  sessions (line 1) has 2,399,000 more problems like these (2,399,000 items skipped), counted but ' +
        'not listed: a check lists the first 1,000 problems only. Fix the ones above and check again',
    );
    assert.ok(took < 60_000, `took ${took} ms`);

    // Three problems a session: the 334th has one listed and two counted, and is one item skipped.
    const empty = { version: 1, sessions: Array(2_000).fill({}) };
    const json = JSON.parse((await run('validate', '--json', file('empty.json', empty))).stdout);
    assert.equal(json.issues.length, 1_001);
    assert.deepEqual(json.issues.at(-1).more, { problems: 5_000, items: 1_666, ignored: 0 });
    const text = await run('validate', '--strict', file('empty.json', empty));
    assert.equal(text.code, 1);
    assert.match(text.stdout, /can be used, but 2,000 items were skipped\./);
  });

  test('gives each unusable file its own sentence: too large, too deep, UTF-16, a web page', async () => {
    const big = { ...feed, padding: 'x'.repeat(6_000_000) };
    const large = await run('validate', file('large.json', big));
    assert.equal(large.code, 2);
    assert.match(large.stdout, /The feed is larger than 5 MB, the most a page will read\./);

    const deep = JSON.stringify({
      version: 1,
      sessions: [{ ...feed.sessions[0], extra: 'DEEP' }, feed.sessions[1]],
    }).replace('"DEEP"', '['.repeat(100_000) + ']'.repeat(100_000));
    const nested = await run('validate', file('deep.json', deep));
    assert.equal(nested.code, 0);
    assert.match(nested.stdout, /skipped {2}Session 1, .* is nested more than 32 levels deep/);
    assert.doesNotMatch(nested.stdout, /undefined/);

    const utf16 = join(dir, 'utf16.json');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(feed), 'utf16le')]));
    const wide = await run('validate', utf16);
    assert.equal(wide.code, 2);
    assert.match(wide.stdout, /The feed is saved as UTF-16\. Save it as UTF-8/);

    const page = await run('validate', file('login.json', '<!DOCTYPE html>\n<html><body>Sign in</body></html>'));
    assert.equal(page.code, 2);
    assert.match(page.stdout, /The feed is a web page, not a feed: is it a login page/);
  });

  test('gives a file cut short its own sentence', async () => {
    const cut = await run('validate', file('cut.json', JSON.stringify(feed).slice(0, 300)));
    assert.equal(cut.code, 2);
    assert.match(cut.stdout, /The feed stops part way through, before the feed is complete\. Was the file cut short/);
  });

  test('gives a javascript:, data: or other non-web address its own sentence, not "no such file"', async () => {
    const cases = [
      ['javascript:alert(1)', 'The feed address is a javascript: address, which is never read as a feed.'],
      ['data:application/json,{}', 'The feed address is a data: address (the feed written into the page).'],
      [
        'ftp://example.org/feed.json',
        '"ftp://example.org/feed.json" starts with ftp:, but a feed is read only from a web address',
      ],
      ['https://exa mple.org/feed.json', '"https://exa mple.org/feed.json" is not a web address.'],
    ];
    for (const [address, sentence] of cases) {
      const { code, stdout, stderr } = await run('validate', address);
      assert.equal(code, 2, address);
      assert.ok(stdout.includes(sentence), `${address}: ${stdout}${stderr}`);
      assert.doesNotMatch(stdout + stderr, /no such file/, address);
    }
  });

  test('exits 2 for an unknown major version, or not an object', async () => {
    const v2 = await run('validate', file('v2.json', { version: 2 }));
    assert.equal(v2.code, 2);
    assert.match(v2.stdout, /"version": 2, which this version of imh-widgets cannot read/);
    assert.equal((await run('validate', file('list.json', []))).code, 2);
  });

  test('exits 2 for a missing file', async () => {
    const { code, stderr } = await run('validate', join(dir, 'nope.json'));
    assert.equal(code, 2);
    assert.match(stderr, /cannot be read: no such file/);
  });

  test('prints JSON with --json', async () => {
    const { code, stdout } = await run('validate', '--json', file('broken.json', broken));
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.usable, true);
    assert.deepEqual(
      report.issues.map((i) => [i.path, i.severity, i.group]),
      [
        ['places[0].facilities[5]', 'warning', 'ignored'],
        ['sessions[3].schedule.byDay[0]', 'error', 'skipped'],
      ],
    );
    assert.equal(report.counts.sessions, 15);
  });

  test('explains its usage and exits 64 when called wrongly', async () => {
    const none = await run();
    assert.equal(none.code, 64);
    assert.match(none.stderr, /imh-feed validate <file-or-url> \[--json\] \[--strict\]/);
    assert.match(none.stderr, /imh-feed import <file-or-url>\.\.\./);
    assert.match((await run('validate')).stderr, /^Usage: imh-feed validate <file-or-url>/);
    assert.equal((await run('validate', example, '--fast')).code, 64);
    assert.equal((await run('--help')).code, 0);
  });

  describe('from a URL', () => {
    let server;
    let base;
    before(async () => {
      server = createServer((req, res) => {
        if (req.url === '/feed.json')
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(broken));
        else if (req.url === '/bad.json') res.writeHead(200).end('{"version": 1,}');
        else res.writeHead(404, 'Not Found').end();
      });
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${server.address().port}`;
    });
    after(() => server.close());

    test('fetches and reports like a page would', async () => {
      const { code, stdout } = await run('validate', `${base}/feed.json`);
      assert.equal(code, 0);
      assert.ok(stdout.includes('entry 1: "Tusday" is not a day'), stdout);
      assert.ok(stdout.includes('at sessions[3].schedule.byDay[0]'), stdout);
    });

    test('reports an HTTP error an editor can act on', async () => {
      const { code, stdout } = await run('validate', `${base}/missing.json`);
      assert.equal(code, 2);
      assert.ok(
        stdout.includes(`The feed at ${base}/missing.json answered HTTP 404 Not Found. Check the address`),
        stdout,
      );
    });

    test('locates a JSON error in a fetched feed', async () => {
      const { code, stdout } = await run('validate', `${base}/bad.json`);
      assert.equal(code, 2);
      assert.match(stdout, /line 1, column 15: expected another field/);
    });
  });
});
