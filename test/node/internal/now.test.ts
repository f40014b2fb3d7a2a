import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseNow } from '../../../src/internal/now.js';

const LONDON = 'Europe/London';

test('now: a date or a date-time is wall-clock time in the feed’s zone; with Z or an offset, that instant', () => {
  assert.equal(parseNow('2026-11-23', LONDON).toISOString(), '2026-11-23T00:00:00.000Z');
  assert.equal(parseNow('2026-07-01T08:00', LONDON).toISOString(), '2026-07-01T07:00:00.000Z');
  // A space for the T, as people type it, and seconds.
  assert.equal(parseNow('2026-07-01 08:00:30', LONDON).toISOString(), '2026-07-01T07:00:00.000Z');
  assert.equal(parseNow('2026-11-23T10:59:00Z', LONDON).toISOString(), '2026-11-23T10:59:00.000Z');
  assert.equal(parseNow('2026-11-23T10:59+02:00', LONDON).toISOString(), '2026-11-23T08:59:00.000Z');
});

test('now: anything else is the current time, however a browser would guess at it', () => {
  // 01/03/2027 is the 3rd of January to V8's Date; a day that does not exist rolled over to March;
  // 25:00 was the next day's 01:00; a date-time with no T was the device's own zone.
  for (const value of ['01/03/2027', '2026-02-30', '2026-13-01', '2026-11-23T25:00', 'Nov 23 2026 08:00', 'soon']) {
    const before = Date.now();
    const got = parseNow(value, LONDON).getTime();
    assert.ok(got >= before && got <= Date.now(), value);
  }
});
