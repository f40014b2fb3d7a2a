/**
 * A number field holding NaN or Infinity (a feed given as `data` by a host app whose sum or
 * conversion failed; Infinity also in JSON, where 1e999 is read as Infinity). Before, the sentence
 * said "should be a number, not a number".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateFeed } from '../../../src/feed/validate.js';
import { checkFeedText } from '../../../src/feed/tools.js';
import { minimalFeed, place, session } from '../../fixtures/feeds.js';

const withValue = (v: number) =>
  minimalFeed({
    places: [
      { ...place, geo: { lat: v, lng: -2.1 } },
      { ...place, id: 'second-hub' },
    ],
    sessions: [{ ...session, place: 'second-hub', ageRange: { fromMonths: v, toMonths: 12 } }],
  });

test('NaN in a number field: the sentence says NaN, and the item is skipped or the value ignored as before', () => {
  const { feed, issues } = validateFeed(withValue(NaN));
  assert.deepEqual(
    feed.places?.map((p) => p.id),
    ['second-hub'],
  );
  assert.equal(feed.sessions?.[0].ageRange, undefined);
  assert.deepEqual(
    issues.map((i) => [i.path, i.severity, i.code]),
    [
      ['places[0].geo.lat', 'error', 'type'],
      ['sessions[0].ageRange.fromMonths', 'warning', 'type'],
    ],
  );
  for (const { message } of issues) {
    assert.doesNotMatch(message, /not a number/, message);
    assert.match(message, /^should be a number, not NaN\b/, message);
  }
});

test('Infinity and -Infinity in a number field: the sentence asks for a finite number and names the value', () => {
  for (const v of [Infinity, -Infinity]) {
    const { issues } = validateFeed(withValue(v));
    assert.equal(issues.length, 2);
    for (const { message } of issues) {
      assert.doesNotMatch(message, /not a number/, message);
      assert.match(message, new RegExp(`^should be a finite number, not ${v}\\b`), message);
    }
  }
});

test('JSON has no NaN, but 1e999 reads as Infinity: the editor tools say the same, at its line', () => {
  const text = JSON.stringify(withValue(12345), null, 2).replaceAll('12345', '1e999');
  const report = checkFeedText(text);
  const lat = report.issues.find((i) => i.path == 'places[0].geo.lat')!;
  assert.match(lat.message, /^should be a finite number, not Infinity\b/);
  assert.equal(lat.line, text.split('\n').findIndex((l) => l.includes('"lat"')) + 1);
});

test('a number where text belongs still says what it is', () => {
  const { issues } = validateFeed(minimalFeed({ places: [{ ...place, name: NaN }] }));
  assert.equal(issues[0].path, 'places[0].name');
  assert.match(issues[0].message, /^should be text/);
});
