// Another imh-widgets feed as a source: its items join, checked by the feed's own validation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importFeed } from '../../../src/import/feed.js';

const NOW = new Date('2026-11-20T09:00:00Z');
const feed = {
  version: 1,
  publisher: { name: 'Anytown Libraries' },
  places: [{ id: 'central-library', name: 'Central Library', facilities: ['step-free', 'trampoline'] }],
  sessions: [
    { id: 'rhyme-time', name: 'Rhyme Time', place: 'central-library', schedule: { startDate: '2026-09-08' } },
    { id: 'story-time', name: 'Story Time', schedule: { startDate: '2026-09-31' } },
  ],
  timeline: { stages: [] },
};

test('imports the items that pass, leaves out the values that do not, and says where each is', async () => {
  const text = JSON.stringify(feed, null, 2);
  const { feed: out, source, report } = await importFeed(text, { name: 'libraries/feed.json', now: NOW });
  assert.equal(report.failed, undefined);
  assert.deepEqual(source, {
    id: 'feed-feed-json',
    kind: 'feed',
    name: 'Anytown Libraries',
    file: 'feed.json',
    imported: '2026-11-20T09:00:00Z',
  });
  assert.deepEqual(out.places, [
    {
      id: 'central-library',
      name: 'Central Library',
      facilities: ['step-free'],
      source: { ref: 'feed-feed-json', id: 'central-library' },
    },
  ]);
  assert.deepEqual(
    out.sessions?.map((s) => s.id),
    ['rhyme-time'],
  );
  const line = (id: string) => text.split('\n').findIndex((l) => l.includes(`"id": "${id}"`)) + 1;
  // The reasons are the validator's own sentences (checked in its tests); here, that each is there.
  assert.deepEqual(
    report.records.map((r) => [r.outcome, r.name, r.at.line, r.notes.map((n) => n.field)]),
    [
      ['imported-with-losses', 'Central Library', line('central-library'), ['facilities[1]']],
      ['imported', 'Rhyme Time', line('rhyme-time'), []],
      ['skipped', 'Story Time', line('story-time'), ['schedule.startDate']],
    ],
  );
  assert.match(report.records[0].notes[0].message, /^"trampoline" is not a known facility.*; it was left out\.$/);
  assert.match(report.records[2].notes[0].message, /^Skipped: "2026-09-31" is not a date.*\.$/);
  assert.ok(report.notes.some((n) => /Its timeline is not imported/.test(n.message)));
});

test('a feed that cannot be used at all fails with the reason, and gives no items', async () => {
  const v2 = await importFeed(JSON.stringify({ version: 2 }), { name: 'feed.json', now: NOW });
  assert.match(v2.report.failed!, /says "version": 2, which this version of imh-widgets cannot read/);
  assert.deepEqual(v2.feed, {});
  const broken = await importFeed('{"version": 1,', { name: 'feed.json', now: NOW });
  assert.match(broken.report.failed!, /^It is not valid JSON at line 1, column 15: expected /);
});
