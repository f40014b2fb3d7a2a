// The Node test runner reads TypeScript (through tsx) with the project's own modules: a plain
// module with no DOM, like the schedule engine, imported and run here as the importers' tests are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleDatesBetween } from '../../src/schedule/recur.js';
import { formatDay } from '../../src/schedule/civil.js';

test('plain TypeScript modules run under Node: a weekly rule lists its Mondays', () => {
  const days = ruleDatesBetween(
    { startDate: '2026-11-02', repeatFrequency: 'P1W', byDay: ['MO'] },
    '2026-11-01',
    '2026-11-30',
  );
  assert.deepEqual(days.map(formatDay), ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
});
