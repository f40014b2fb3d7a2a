// Tests for the `imh-feed` command (Node's test runner; needs `vite build` first, which `npm test` does).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../../bin/imh-feed.mjs', import.meta.url).pathname;
const example = new URL('../../public/example-feed.json', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'imh-feed-'));
const file = (name, content) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
};
const run = (...args) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

const feed = JSON.parse(readFileSync(example, 'utf8'));
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

  test('prints every issue with its path, and exits 0 because the feed is usable', async () => {
    const { code, stdout } = await run('validate', file('broken.json', broken));
    assert.equal(code, 0);
    assert.match(stdout, /is usable, with 1 item skipped and 1 value ignored/);
    assert.ok(
      stdout.includes(
        '  skipped  sessions[3].schedule.byDay[0]: "Tusday" is not a day; use MO, TU, WE, TH, FR, SA or SU',
      ),
      stdout,
    );
    assert.ok(stdout.includes('  ignored  places[0].facilities[5]: "trampoline" is not a known facility'), stdout);
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
      /cannot be used\.\n {2}The feed is not valid JSON: line 5, column 5: expected "," or "\]" after the entry \(is a comma missing\?\)/,
    );
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
      report.issues.map((i) => [i.path, i.severity]),
      [
        ['places[0].facilities[5]', 'warning'],
        ['sessions[3].schedule.byDay[0]', 'error'],
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
      assert.ok(stdout.includes('sessions[3].schedule.byDay[0]: "Tusday" is not a day'), stdout);
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
