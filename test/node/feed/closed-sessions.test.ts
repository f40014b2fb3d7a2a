/**
 * The editor tools' warning for sessions the feed's calendars close on every date (`checkFeedText`):
 * its work is bounded however many such sessions a feed holds (the feed studio runs it in the page).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFeedText } from '../../../src/feed/tools.js';
import { minimalFeed, session } from '../../fixtures/feeds.js';

const never = (issues: { message: string }[]) => issues.filter((i) => i.message.includes('would never be listed'));

test('walks no more than a bounded number of dates: sessions closed on every date of a century', () => {
  // Every day from 2000 to 2098, in term time only, and the only term in 2099: 36,159 closed dates each.
  const sessions = Array.from({ length: 2_000 }, (_, i) => ({
    ...session,
    id: `daily-${i}`,
    schedule: {
      ...session.schedule,
      byDay: undefined,
      repeatFrequency: 'P1D',
      startDate: '2000-01-01',
      endDate: '2098-12-31',
      termTimeOnly: true,
    },
  }));
  const feed = minimalFeed({
    sessions,
    termDates: { terms: [{ type: 'term', start: '2099-01-05', end: '2099-03-26' }] },
  });
  const report = checkFeedText(JSON.stringify(feed));
  assert.equal(report.usable, true);
  const warned = never(report.issues);
  // The first few are walked whole and reported; past the budget (200,000 dates), none is walked.
  assert.ok(warned.length >= 1 && warned.length <= 6, `${warned.length} sessions walked whole`);
  assert.match(warned[0].message, /falls outside term time \(termDates gives dates up to 2099-03-26\)/);
});

test('a session open on one date of its range is not reported, however late in the range that date is', () => {
  const daily = {
    ...session.schedule,
    byDay: undefined,
    repeatFrequency: 'P1D',
    startDate: '2000-01-01',
    termTimeOnly: true,
  };
  const feed = minimalFeed({
    sessions: [{ ...session, schedule: { ...daily, endDate: '2098-01-06' } }],
    termDates: { terms: [{ type: 'term', start: '2098-01-06', end: '2098-03-26' }] },
  });
  assert.deepEqual(never(checkFeedText(JSON.stringify(feed)).issues), []);
});
