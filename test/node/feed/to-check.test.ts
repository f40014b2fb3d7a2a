/**
 * The editor tools' third group (issue 12): a rule's warning (a calendar the feed lacks, a session the
 * calendars close on every date) ignores nothing, so the report lists it as a thing to check, not as a
 * value ignored, in the summary, in the report's lines and in the counts past the first 1,000 problems.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarsLacking, checkFeedText, formatReport, groupOf, summary } from '../../../src/feed/tools.js';
import { validateFeed } from '../../../src/feed/validate.js';
import { minimalFeed, place, session } from '../../fixtures/feeds.js';

const termDates = {
  terms: [
    { type: 'term', start: '2026-09-03', end: '2026-12-18' },
    { type: 'half-term', start: '2026-10-26', end: '2026-10-30' },
  ],
};
/** Mondays of the October half term only: every date outside term time. */
const halfTermOnly = {
  ...session,
  id: 'half-term-only',
  schedule: { ...session.schedule, startDate: '2026-10-26', endDate: '2026-10-30', termTimeOnly: true },
};

test('a session the calendars close on every date is a thing to check, not a value ignored', () => {
  const report = checkFeedText(JSON.stringify(minimalFeed({ sessions: [session, halfTermOnly], termDates })));
  assert.deepEqual(
    report.issues.map((i) => [i.path, groupOf(i)]),
    [['sessions[1].schedule.termTimeOnly', 'to check']],
  );
  assert.equal(summary(report, 'feed.json'), 'feed.json can be used, but 1 thing needs checking.');
  const lines = formatReport(report, 'feed.json').split('\n');
  assert.match(lines[0], /^! feed\.json can be used, but 1 thing needs checking\.$/);
  assert.match(
    lines[2],
    /^ {2}to check {2}Session 2, "Baby Massage" \(id half-term-only, line 1\): schedule › termTimeOnly: says the/,
  );
  assert.doesNotMatch(lines[2], /\(ignored\)/);
  // The path under the sentence, after the widest word shown.
  assert.equal(lines[3], '            at sessions[1].schedule.termTimeOnly, line 1');
  assert.doesNotMatch(formatReport(report, 'feed.json'), /ignored/);
});

test('skipped, ignored and to check: all three counted, each group under its word, the words lined up', () => {
  const feed = minimalFeed({
    sessions: [
      halfTermOnly,
      { ...session, id: 'bad-day', schedule: { ...session.schedule, byDay: ['XX'] } },
      { ...session, id: 'no-bank-holidays', schedule: { ...session.schedule, notOnBankHolidays: true } },
    ],
    places: [{ ...place, facilities: ['trampoline'] }],
    termDates,
  });
  const report = checkFeedText(JSON.stringify(feed, null, 2));
  assert.equal(
    summary(report, 'feed.json'),
    'feed.json can be used, but 1 item was skipped, 1 value was ignored and 2 things need checking.',
  );
  const lines = formatReport(report, 'feed.json').split('\n');
  const words = lines.slice(2).filter((_, i) => i % 2 == 0);
  assert.deepEqual(
    words.map((l) => l.slice(0, 12)),
    ['  skipped   ', '  ignored   ', '  to check  ', '  to check  '],
  );
  for (const at of lines.slice(3).filter((_, i) => i % 2 == 0)) assert.match(at, /^ {12}at \S/);
});

test('a feed without a thing to check keeps its report as it was', () => {
  const feed = minimalFeed({ places: [{ ...place, facilities: ['trampoline'] }] });
  const report = checkFeedText(JSON.stringify(feed));
  assert.equal(summary(report, 'feed.json'), 'feed.json can be used, but 1 value was ignored.');
  const lines = formatReport(report, 'feed.json').split('\n');
  assert.match(lines[2], /^ {2}ignored {2}Place 1/);
  assert.match(lines[3], /^ {11}at places\[0\]\.facilities\[0\]/);
});

test('calendar warnings past the first 1,000 problems are listed to check, not counted as values ignored', () => {
  // 1,001 values ignored, then the two calendar warnings, which the check finds last.
  const places = Array.from({ length: 1_001 }, (_, i) => ({ ...place, id: `p${i}`, facilities: ['trampoline'] }));
  const schedule = { ...session.schedule, termTimeOnly: true, notOnBankHolidays: true };
  const report = checkFeedText(
    JSON.stringify(minimalFeed({ places, sessions: [{ ...session, place: 'p0', schedule }] })),
  );
  assert.equal(
    summary(report, 'feed.json'),
    'feed.json can be used, but 1,001 values were ignored and 2 things need checking.',
  );
  assert.deepEqual(
    report.issues.filter((i) => i.more).map((i) => [i.path, i.more]),
    [['places', { problems: 1, items: 0, ignored: 1 }]],
  );
  assert.deepEqual(
    report.issues.filter((i) => groupOf(i) == 'to check').map((i) => i.path),
    ['sessions[0].schedule.termTimeOnly', 'sessions[0].schedule.notOnBankHolidays'],
  );
});

test('a rule broken in a part ignored whole (a term ending before it starts) is a value ignored, not to check', () => {
  // The term drops termDates (ignored, with its reason); the term-time session then lacks them (to check).
  const backwards = { terms: [{ type: 'term', start: '2026-09-10', end: '2026-09-01' }] };
  const termTime = { ...session, schedule: { ...session.schedule, termTimeOnly: true } };
  const report = checkFeedText(JSON.stringify(minimalFeed({ sessions: [termTime], termDates: backwards })));
  assert.deepEqual(
    report.issues.map((i) => [i.path.replace(/\..*/, ''), i.code, groupOf(i)]),
    [
      ['termDates', 'rule', 'ignored'],
      ['sessions[0]', 'rule', 'to check'],
    ],
  );
  assert.match(report.issues[0].message, /\(ignored\)$/);
  assert.equal(
    summary(report, 'feed.json'),
    'feed.json can be used, but 1 value was ignored and 1 thing needs checking.',
  );
  assert.deepEqual(calendarsLacking(report.issues), ['termDates']);
});

test('a session the calendars close is named where it is written, not at a skipped session with its id', () => {
  // The first "half-term-only" has no name and is skipped; the second, kept, is the one to check.
  const skipped = { ...halfTermOnly, name: undefined };
  const report = checkFeedText(JSON.stringify(minimalFeed({ sessions: [skipped, halfTermOnly], termDates })));
  assert.deepEqual(
    report.issues.map((i) => [i.path, groupOf(i)]),
    [
      ['sessions[0].name', 'skipped'],
      ['sessions[1].schedule.termTimeOnly', 'to check'],
    ],
  );
  // The feed has term dates: nothing to add.
  assert.deepEqual(calendarsLacking(report.issues), []);
});

test('a missing calendar is named at the kept session that needs it, not at a skipped session with its id', () => {
  // The first "term-time" has no name and is skipped; the second, kept, runs in term time only.
  const termTime = { ...session, id: 'term-time', schedule: { ...session.schedule, termTimeOnly: true } };
  const report = checkFeedText(JSON.stringify(minimalFeed({ sessions: [{ ...termTime, name: undefined }, termTime] })));
  const calendar = report.issues.filter((i) => i.path.endsWith('termTimeOnly'));
  assert.deepEqual(
    calendar.map((i) => [i.path, groupOf(i)]),
    [['sessions[1].schedule.termTimeOnly', 'to check']],
  );
  // One session needs term dates, not "as does 1 more session".
  assert.doesNotMatch(calendar[0].message, /more session/);
  // The elements' own check (validateFeed) says the same.
  const own = validateFeed(
    JSON.parse(JSON.stringify(minimalFeed({ sessions: [{ ...termTime, name: undefined }, termTime] }))),
  );
  assert.deepEqual(
    own.issues.filter((i) => i.path.endsWith('termTimeOnly')).map((i) => i.path),
    ['sessions[1].schedule.termTimeOnly'],
  );
});
