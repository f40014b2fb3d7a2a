// Opening hours past midnight (schema.org's and Open Referral's rule: a closing time earlier than
// the opening time is on the next day): a night line is open from 22:00 to 02:00, and the feed
// check keeps the service, reporting only hours that say nothing (closes when it opens).
process.env.TZ = 'Pacific/Auckland'; // far from London: nothing may read the machine's own zone
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateFeed, type OpeningHours } from '../../../src/feed/index.js';
import { formatDay } from '../../../src/schedule/civil.js';
import { openState } from '../../../src/schedule/hours.js';

const EVERY_DAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as OpeningHours['byDay'];
const NIGHTS: OpeningHours[] = [{ byDay: EVERY_DAY, opens: '22:00', closes: '02:00' }];

/** The state at an instant in London, its times as HH:MM and its day as a date, to read. */
const state = (hours: OpeningHours[], iso: string) => {
  const s = openState(hours, new Date(iso), 'Europe/London');
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  if ('closes' in s) return { open: true, closes: hhmm(s.closes), day: formatDay(s.day) };
  if (!s.open && s.opens !== undefined) return { open: false, opens: hhmm(s.opens), day: formatDay(s.day!) };
  return s;
};
const open = (closes: string, day: string) => ({ open: true, closes, day });
const closed = (opens: string, day: string) => ({ open: false, opens, day });

describe('openState: hours past midnight', () => {
  test('every night 22:00 to 02:00: open late, open after midnight, closed in the day', () => {
    // Monday 23 November 2026 (GMT: London's wall clock is UTC)
    assert.deepEqual(state(NIGHTS, '2026-11-23T21:59:00Z'), closed('22:00', '2026-11-23'));
    assert.deepEqual(state(NIGHTS, '2026-11-23T22:00:00Z'), open('02:00', '2026-11-24'));
    assert.deepEqual(state(NIGHTS, '2026-11-23T23:30:00Z'), open('02:00', '2026-11-24'));
    assert.deepEqual(state(NIGHTS, '2026-11-24T00:00:00Z'), open('02:00', '2026-11-24'));
    assert.deepEqual(state(NIGHTS, '2026-11-24T01:30:00Z'), open('02:00', '2026-11-24'));
    assert.deepEqual(state(NIGHTS, '2026-11-24T02:00:00Z'), closed('22:00', '2026-11-24'));
    assert.deepEqual(state(NIGHTS, '2026-11-24T03:00:00Z'), closed('22:00', '2026-11-24'));
  });

  test('only the nights of its days: Friday night runs into Saturday, Saturday night is closed', () => {
    const weekdays: OpeningHours[] = [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], opens: '22:00', closes: '02:00' }];
    assert.deepEqual(state(weekdays, '2026-11-28T01:00:00Z'), open('02:00', '2026-11-28')); // Saturday 01:00
    assert.deepEqual(state(weekdays, '2026-11-28T03:00:00Z'), closed('22:00', '2026-11-30')); // → Monday
    assert.deepEqual(state(weekdays, '2026-11-30T01:00:00Z'), closed('22:00', '2026-11-30')); // Monday 01:00
    assert.deepEqual(state(weekdays, '2026-11-30T23:00:00Z'), open('02:00', '2026-12-01'));
  });

  test('on both sides of the clock changes in London', () => {
    // Spring: 01:00 GMT on Sunday 29 March 2026 is 02:00 BST.
    assert.deepEqual(state(NIGHTS, '2026-03-28T23:30:00Z'), open('02:00', '2026-03-29')); // 23:30 GMT
    assert.deepEqual(state(NIGHTS, '2026-03-29T00:30:00Z'), open('02:00', '2026-03-29')); // 00:30 GMT
    assert.deepEqual(state(NIGHTS, '2026-03-29T01:30:00Z'), closed('22:00', '2026-03-29')); // 02:30 BST
    assert.deepEqual(state(NIGHTS, '2026-03-29T21:30:00Z'), open('02:00', '2026-03-30')); // 22:30 BST
    // Autumn: 02:00 BST on Sunday 25 October 2026 is 01:00 GMT, so 01:30 comes twice.
    assert.deepEqual(state(NIGHTS, '2026-10-25T00:30:00Z'), open('02:00', '2026-10-25')); // 01:30 BST
    assert.deepEqual(state(NIGHTS, '2026-10-25T01:30:00Z'), open('02:00', '2026-10-25')); // 01:30 GMT
    assert.deepEqual(state(NIGHTS, '2026-10-25T02:30:00Z'), closed('22:00', '2026-10-25')); // 02:30 GMT
  });

  test('an evening entry and an overnight one chain across midnight; always open stays always open', () => {
    const hours: OpeningHours[] = [
      { byDay: ['MO'], opens: '18:00', closes: '24:00' },
      { byDay: ['MO'], opens: '23:00', closes: '06:00' },
    ];
    assert.deepEqual(state(hours, '2026-11-23T19:00:00Z'), open('06:00', '2026-11-24'));
    assert.deepEqual(state(hours, '2026-11-24T05:00:00Z'), open('06:00', '2026-11-24'));
    const always: OpeningHours[] = [{ byDay: EVERY_DAY, opens: '00:00', closes: '24:00' }];
    assert.deepEqual(openState(always, new Date('2026-11-24T03:00:00Z'), 'Europe/London'), {
      open: true,
      always: true,
    });
    // Every day 09:00 to 09:00 the next day is not a thing: the check refuses it (below).
  });
});

describe('the feed check: hours past midnight', () => {
  const feed = (hours: unknown[]) => ({
    version: 1,
    timeZone: 'Europe/London',
    services: [
      {
        id: 'night-line',
        name: 'Night Line',
        kind: 'helpline',
        contact: { phones: [{ number: '0800 000 000' }] },
        hours,
      },
    ],
  });

  test('a service open 22:00 to 02:00 is kept, with its hours and no issue', () => {
    const { feed: f, issues } = validateFeed(feed(NIGHTS));
    assert.deepEqual(issues, []);
    assert.deepEqual(
      f.services?.map((s) => [s.id, s.hours, s.contact?.phones?.[0].number]),
      [['night-line', NIGHTS, '0800 000 000']],
    );
  });

  test('hours that close when they open are reported and ignored; the service and its number are kept', () => {
    const { feed: f, issues } = validateFeed(feed([...NIGHTS, { byDay: ['SA'], opens: '09:00', closes: '09:00' }]));
    assert.deepEqual(
      issues.map((i) => [i.path, i.severity, i.code]),
      [['services[0].hours[1].closes', 'warning', 'rule']],
    );
    assert.match(issues[0].message, /^09:00 is the same as opening time 09:00.* \(ignored\)$/);
    assert.deepEqual(
      f.services?.map((s) => [s.id, s.hours, s.contact?.phones?.[0].number]),
      [['night-line', undefined, '0800 000 000']],
    );
  });

  test('any other bad hours entry is ignored too, not the service', () => {
    const { feed: f, issues } = validateFeed(feed([{ byDay: ['Monday'], opens: '9am', closes: '17:00' }]));
    assert.ok(issues.length > 0 && issues.every((i) => i.severity == 'warning'), JSON.stringify(issues));
    assert.deepEqual(
      f.services?.map((s) => s.id),
      ['night-line'],
    );
  });
});
