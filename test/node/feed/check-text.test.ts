/**
 * Bugs the fuzz of `checkFeedText` found (`fuzz.test.ts`), each on its own: the editor tools' check
 * of feed text (the CLI, the demo's checker, the studio).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { checkFeedText, formatReport } from '../../../src/feed/tools.js';
import { minimalFeed, session } from '../../fixtures/feeds.js';

test('a key holding "[" where a language code goes, on its object\'s line: the check ends (it looped forever)', () => {
  // Looking up the line of `sessions[0].name.a[b` never got shorter. In a child process with a time
  // limit: a loop in this one could not be interrupted.
  const texts = ['a[b', '[', 'x[0'].map((key) =>
    JSON.stringify(minimalFeed({ sessions: [{ ...session, name: { en: 'Stay and Play', [key]: 'x' } }] })),
  );
  const tools = new URL('../../../src/feed/tools.ts', import.meta.url).href;
  const code =
    `import { checkFeedText } from ${JSON.stringify(tools)};\n` +
    `for (const text of ${JSON.stringify(texts)}) console.log(checkFeedText(text).issues.map((i) => i.path).join());`;
  const run = spawnSync(process.execPath, [...process.execArgv, '--input-type=module', '-e', code], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(run.signal, null, 'the check did not end');
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(run.stdout.trim().split('\n'), [
    'sessions[0].name.a[b',
    'sessions[0].name.[',
    'sessions[0].name.x[0',
  ]);
});

const RAW_DIRECTION = /[\u202A-\u202E\u2066-\u2069]/;

test('a feed unusable as a whole, its sentence quoting a direction control: the report holds it as an escape', () => {
  for (const text of ['{"version": "\u202E1"}', '"\u2067Evil"']) {
    const report = checkFeedText(text);
    assert.equal(report.usable, false);
    assert.doesNotMatch(report.error!.message, RAW_DIRECTION);
    assert.doesNotMatch(formatReport(report, 'feed.json'), RAW_DIRECTION);
    assert.match(formatReport(report, 'feed.json'), /\\u(202E|2067)/);
  }
});

test('a key holding a direction control written twice: the report holds it as an escape', () => {
  const text = JSON.stringify(minimalFeed(), null, 2).replace('{', '{\n  "note\u202E": 1,\n  "note\u202E": 2,');
  const report = checkFeedText(text);
  const [twice] = report.issues.filter((i) => i.code == 'duplicate-key');
  assert.equal(twice.line, 3);
  assert.doesNotMatch(twice.message, RAW_DIRECTION);
  assert.doesNotMatch(formatReport(report, 'feed.json'), RAW_DIRECTION);
  assert.match(twice.message, /"note\\u202E" is written twice/);
});

test('a file with CR line endings (old Mac editors): issues on their own lines, not all on line 1', () => {
  const sessions = [
    { ...session, schedule: { ...session.schedule, startTime: '25:00' } },
    { ...session, id: 'two', schedule: { ...session.schedule, byDay: ['MO', 'XX'] } },
  ];
  const lf = JSON.stringify(minimalFeed({ sessions }), null, 2);
  const want = checkFeedText(lf);
  assert.ok(want.issues.length > 0 && want.issues.every((i) => i.line! > 1));
  for (const ends of ['\r', '\r\n']) {
    const report = checkFeedText(lf.replaceAll('\n', ends));
    assert.deepEqual(
      report.issues.map((i) => [i.path, i.line]),
      want.issues.map((i) => [i.path, i.line]),
      JSON.stringify(ends),
    );
  }
  // A syntax error's line and column, also after a lone CR: where the missing comma goes.
  const broken = '{\r  "version": 1,\r  "sessions": [\r    {"id": "a" "name": "x"}\r  ]\r}';
  assert.equal(checkFeedText(broken).error?.message.match(/line \d+, column \d+/)?.[0], 'line 4, column 16');
});
