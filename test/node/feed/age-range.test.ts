/**
 * An age range that ends before it starts ("12 to 0 months"): before, it was accepted with no issue
 * and shown as written, and no age filter ever found the session.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateFeed } from '../../../src/feed/validate.js';
import { checkFeedText, groupOf } from '../../../src/feed/tools.js';
import { minimalFeed, session } from '../../fixtures/feeds.js';

const reversed = { ...session, ageRange: { fromMonths: 12, toMonths: 0 } };

test('a reversed age range is ignored with a warning that says why; the session is kept', () => {
  const { feed, issues } = validateFeed(JSON.parse(JSON.stringify(minimalFeed({ sessions: [reversed] }))));
  assert.equal(feed.sessions?.length, 1);
  assert.equal(feed.sessions![0].ageRange, undefined);
  assert.deepEqual(
    issues.map((i) => [i.path, i.severity]),
    [['sessions[0].ageRange.toMonths', 'warning']],
  );
  assert.match(issues[0].message, /0 is less than fromMonths 12/);
  assert.match(issues[0].message, /\(ignored\)/);
  // The editor tools group it as a value ignored.
  const report = checkFeedText(JSON.stringify(minimalFeed({ sessions: [reversed] }), null, 2));
  assert.deepEqual(
    report.issues.map((i) => [i.path, groupOf(i)]),
    [['sessions[0].ageRange.toMonths', 'ignored']],
  );
});

test('a range of one month, or with one end only, is as good as before', () => {
  for (const ageRange of [{ fromMonths: 6, toMonths: 6 }, { fromMonths: 6 }, { toMonths: 12 }, { pregnancy: true }]) {
    const { feed, issues } = validateFeed(
      JSON.parse(JSON.stringify(minimalFeed({ sessions: [{ ...session, ageRange }] }))),
    );
    assert.deepEqual(issues, [], JSON.stringify(ageRange));
    assert.deepEqual(feed.sessions![0].ageRange, ageRange);
  }
});
