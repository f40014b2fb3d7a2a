// `imh-feed export jsonld|oruk` (Node's test runner, against the built dist/, which `npm test`
// builds first): what lands on standard output and in files, what is said on standard error, and
// the exit codes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { example, runIn, scratch } from '../fixtures/cli.mjs';

const { dir, file } = scratch('imh-feed-export-');
const run = runIn();

const NOW = ['--now', '2026-11-20T09:00:00Z'];
const OPEN = '<script type="application/ld+json">';
/** The JSON inside the one script block of the output. */
const scriptJson = (html) => {
  assert.equal(html.split('<script').length, 2, 'one script element');
  const start = html.indexOf(OPEN) + OPEN.length;
  const end = html.indexOf('</script>');
  assert.equal(end, html.length - '</script>\n'.length, 'the block ends the output');
  return JSON.parse(html.slice(start, end));
};
const graph = (data) => data['@graph'];
const feed = JSON.parse(readFileSync(example, 'utf8'));

describe('imh-feed export jsonld', () => {
  test('prints a script block to paste, saying what it covers and until when', async () => {
    const { code, stdout, stderr } = await run('export', 'jsonld', example, ...NOW, '--days', '14');
    assert.equal(code, 0, stderr);
    assert.match(
      stdout,
      /^<!-- imh-widgets: sessions from 2026-11-20 to 2026-12-03\. Make this block again before 2026-12-03 \(npx imh-feed export jsonld\)\. -->\n<script type="application\/ld\+json">/,
    );
    const data = scriptJson(stdout);
    assert.equal(data['@context'], 'https://schema.org');
    const events = graph(data).filter((n) => n['@type'] == 'Event');
    assert.ok(events.length > 10, `${events.length} events`);
    for (const e of events) {
      assert.ok(e.startDate >= '2026-11-20' && e.startDate < '2026-12-04', e.startDate);
      assert.ok(e.name && e.location, e['@id']);
    }
    assert.ok(graph(data).some((n) => n['@type'] == 'GovernmentService'));
    const summary =
      /✓ Exported (\d+) session dates from 2026-11-20 to 2026-12-03, (\d+) series and (\d+) services as schema\.org JSON-LD\./.exec(
        stderr,
      );
    assert.ok(summary, stderr);
    assert.equal(Number(summary[1]), events.length);
    assert.equal(Number(summary[3]), feed.services.length);
  });

  test('names each session search engines cannot show, and why, on standard error', async () => {
    const { code, stderr } = await run('export', 'jsonld', example, ...NOW);
    assert.equal(code, 0);
    assert.match(
      stderr,
      /! 1 item cannot be shown by search engines:\n {2}imh-awareness-week: "Infant Mental Health Awareness Week" has no place with an address and no online link/,
    );
    assert.equal((await run('export', 'jsonld', example, ...NOW, '--strict')).code, 1);
    assert.doesNotMatch((await run('export', 'jsonld', example, ...NOW, '--quiet')).stderr, /imh-awareness-week/);
  });

  test('--json prints the bare JSON; --lang picks the translation; --translations adds others', async () => {
    const { code, stdout } = await run(
      'export',
      'jsonld',
      example,
      ...NOW,
      '--json',
      '--lang',
      'cy',
      '--translations',
      'en',
    );
    assert.equal(code, 0);
    const data = JSON.parse(stdout);
    const series = graph(data).find((n) => n['@id'] == '#imh-session-baby-massage-monday');
    assert.equal(series.name, 'Tylino Babanod');
    assert.deepEqual(
      series.subjectOf.map((v) => [v['@type'], v.inLanguage, v.name]),
      [['CreativeWork', 'en', 'Baby Massage']],
    );
  });

  test('-o writes the file (replacing an old one) and says so', async () => {
    const out = file('snippet.html', 'an old snippet');
    const { code, stdout, stderr } = await run('export', 'jsonld', example, ...NOW, '-o', out);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.match(stderr, new RegExp(`✓ Exported \\d+ session dates .* to ${out.replace(/[.]/g, '\\.')}\\.`));
    const written = readFileSync(out, 'utf8');
    assert.equal(written, (await run('export', 'jsonld', example, ...NOW)).stdout);
    scriptJson(written);
  });

  test('no feed text can end the script block or open a comment in the page', async () => {
    const hostile = structuredClone(feed);
    hostile.sessions[0].name = '</script><script>alert(1)</script><!--';
    hostile.places[0].name = '--><img src=x onerror=alert(1)>';
    hostile.services[1].name = 'A\u2028B';
    const { code, stdout } = await run('export', 'jsonld', file('hostile.json', hostile), ...NOW);
    assert.equal(code, 0);
    const block = stdout.slice(stdout.indexOf(OPEN) + OPEN.length, stdout.lastIndexOf('</script>'));
    assert.doesNotMatch(block, /[<>&\u2028\u2029]/);
    const data = scriptJson(stdout);
    assert.equal(
      graph(data).find((n) => n['@id'] == '#imh-session-baby-massage-monday').name,
      hostile.sessions[0].name,
    );
  });

  test('says which items the feed check skipped, since they are not exported', async () => {
    const broken = structuredClone(feed);
    broken.sessions[3].schedule.byDay = ['Tusday'];
    const { code, stderr } = await run('export', 'jsonld', file('broken.json', broken), ...NOW);
    assert.equal(code, 0);
    assert.match(stderr, /has 1 problem; 1 item was skipped and not exported/);
    // Items, not problems: one session with two is one session not exported.
    broken.sessions[3].ageRange = { fromMonths: -5 };
    const twice = await run('export', 'jsonld', file('broken.json', broken), ...NOW);
    assert.match(twice.stderr, /has 2 problems; 1 item was skipped and not exported/);
    assert.match(stderr, /skipped {2}sessions\[3\]\.schedule\.byDay\[0\]: "Tusday" is not a day/);
  });

  test('lists a warning that ignores nothing as a thing to check, its words lined up with the others', async () => {
    const unsure = structuredClone(feed);
    unsure.sessions[3].schedule.byDay = ['Tusday'];
    unsure.sessions[0].schedule.termTimeOnly = true;
    unsure.places[0].facilities.push('trampoline');
    const { stderr } = await run('export', 'jsonld', file('unsure.json', unsure), ...NOW);
    assert.match(stderr, /^ {2}skipped {3}sessions\[3\]\.schedule\.byDay\[0\]: /m);
    assert.match(stderr, /^ {2}ignored {3}places\[0\]\.facilities\[\d+\]: .*\(ignored\)$/m);
    assert.match(
      stderr,
      /^ {2}to check {2}sessions\[0\]\.schedule\.termTimeOnly: says the session runs in term time only/m,
    );
  });
});

describe('imh-feed export oruk', () => {
  test('prints Open Referral UK JSON: every service and session, with UUIDs, stable between runs', async () => {
    const { code, stdout, stderr } = await run('export', 'oruk', example, ...NOW);
    assert.equal(code, 0, stderr);
    const page = JSON.parse(stdout);
    assert.equal(page.total_items, feed.services.length + feed.sessions.length);
    assert.equal(page.contents.length, page.total_items);
    assert.equal(page.first_page && page.last_page, true);
    for (const s of page.contents) {
      assert.match(s.id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.ok(['active', 'inactive'].includes(s.status));
    }
    assert.match(stderr, /✓ Exported 32 services as Open Referral UK 3\.0\./);
    assert.equal((await run('export', 'oruk', example, ...NOW)).stdout, stdout);
  });

  test('what does not fit goes to standard error, one line per item, with its id', async () => {
    const { stderr } = await run('export', 'oruk', example, ...NOW);
    assert.match(stderr, /! \d+ items have something Open Referral UK cannot hold:/);
    assert.match(
      stderr,
      /\n {2}baby-massage-monday: Left out of the session "Baby Massage" \(Open Referral UK has no field for them\): its dates off \(2026-10-26, /,
    );
    assert.equal((await run('export', 'oruk', example, ...NOW, '--strict')).code, 1);
  });

  test('-o writes the file; --services-only leaves sessions out', async () => {
    const out = join(dir, 'directory.json');
    const { code, stdout } = await run('export', 'oruk', example, ...NOW, '--services-only', '-o', out);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).total_items, feed.services.length);
  });
});

describe('imh-feed export: exit codes', () => {
  test('2 when the feed cannot be read or used, writing nothing', async () => {
    const out = join(dir, 'never.json');
    const missing = await run('export', 'oruk', join(dir, 'nope.json'), '-o', out);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.json cannot be read: no such file/);
    const notJson = await run('export', 'jsonld', file('bad.json', '{"version": 1,'), '-o', out);
    assert.equal(notJson.code, 2);
    assert.match(
      notJson.stderr,
      /cannot be used, so nothing was exported\.\n {2}The feed stops part way through, before the feed is complete\./,
    );
    assert.equal(existsSync(out), false);
  });

  test('2 when the output file cannot be written', async () => {
    const { code, stderr } = await run('export', 'oruk', example, '-o', join(dir, 'no-such-folder', 'x.json'));
    assert.equal(code, 2);
    assert.match(stderr, /x\.json cannot be written: no such file\. Nothing was exported\./);
  });

  test('64, with a sentence and the usage, when called wrongly', async () => {
    for (const [args, said] of [
      [['export', 'csv', example], /"csv" is not a format to export; use jsonld or oruk\./],
      [
        ['export', 'jsonld', example, '--days', 'soon'],
        /--days takes a whole number of days from 1 to 1000, not "soon"\./,
      ],
      [['export', 'oruk', example, '--days', '7'], /--days is for "export jsonld" only\./],
      [['export', 'jsonld', example, '--services-only'], /--services-only is for "export oruk" only\./],
      [['export', 'jsonld', example, '--now', 'tomorrow'], /--now takes a date and time like/],
      [['export', 'jsonld', example, '--lang', 'Welsh!'], /--lang takes a language code like cy/],
      [['export', 'oruk', example, '--id-base', 'anytown'], /--id-base takes a web address starting https:\/\//],
    ]) {
      const { code, stderr } = await run(...args);
      assert.equal(code, 64, args.join(' '));
      assert.match(stderr, said);
      assert.match(stderr, /Usage: imh-feed export jsonld/);
    }
    assert.equal((await run('export', 'jsonld')).code, 64);
    const help = await run('export', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: imh-feed export jsonld <file-or-url>/);
  });
});
