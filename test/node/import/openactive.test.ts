// The OpenActive (RPDE) importer against fixtures built from the OpenActive data models'
// examples and the RPDE spec: paging to the true last page (an empty page alone is not the end),
// deleted and re-updated items, `modified` beyond 2^53, Schedules with schema.org and iCal days,
// exceptDate as Date and DateTime, several schedules, a PartialSchedule, ScheduledSession
// instances (cancelled, rescheduled, moved, postponed, orphaned, past), served by a fake fetch.
/* eslint-disable @typescript-eslint/no-explicit-any -- assertions read deep into imported JSON */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importOpenActive, type OpenActiveOptions } from '../../../src/import/openactive.js';
import type { ImportResult } from '../../../src/import/types.js';
import { validateFeed } from '../../../src/feed/validate.js';
import type { Session } from '../../../src/feed/types.js';
import { sessionOccurrences } from '../../../src/schedule/occurrences.js';
import { itemOf, notesOf, recordOf } from './results.js';
import { fakeFetch, fixture, json, type Answer } from './fake-fetch.js';

const NOW = new Date('2026-10-01T09:00:00Z');
const SERIES = 'https://leisure.example.org/openactive/session-series';
const SESSIONS = 'https://leisure.example.org/openactive/scheduled-sessions';
const PAGES = new Map([
  [SERIES, 'series-page-1.json'],
  [`${SERIES}?afterTimestamp=18446744073709551010&afterId=SWIM-GONE`, 'series-page-2.json'],
  [`${SERIES}?afterTimestamp=18446744073709551050&afterId=ZZZ`, 'series-page-3.json'],
  [`${SERIES}?afterTimestamp=18446744073709551700&afterId=TODDLER-SWIM`, 'series-page-4.json'],
  [SESSIONS, 'sessions-page-1.json'],
  [`${SESSIONS}?afterTimestamp=9007199254740999&afterId=ORPHAN-1`, 'sessions-page-2.json'],
]);
const route = (url: URL): Answer | undefined =>
  PAGES.has(url.href) ? json(`openactive/${PAGES.get(url.href)}`) : undefined;

const run = async (
  r: (url: URL, n: number) => Answer | undefined = route,
  extra: Partial<OpenActiveOptions> = { feeds: [SESSIONS] },
) => {
  const fetch = fakeFetch(r);
  const progress: string[] = [];
  const result = await importOpenActive(SERIES, {
    name: 'Anytown Leisure',
    now: NOW,
    fetch,
    retryDelayMs: 0,
    onProgress: (line) => progress.push(line),
    ...extra,
  });
  return { ...result, calls: fetch.calls, progress };
};

const assertValid = (r: ImportResult) => {
  const { issues } = validateFeed({ version: 1, sources: [r.source], ...r.feed });
  assert.deepEqual(issues, []);
};
const session = (r: ImportResult, id: string) => itemOf(r, 'sessions', id);
const record = recordOf;

test('RPDE: follows next to the last page (empty, next is itself), past an empty page that is not last', async () => {
  const r = await run();
  assert.equal(r.report.failed, undefined);
  assert.deepEqual(r.calls, [...PAGES.keys()], 'every page once, the relative next resolved, both feeds');
  assert.equal(r.progress.length, 6, 'a progress line per page');
  assert.equal(r.progress[1], 'Page 2 of leisure.example.org/openactive/session-series: 0 items…');
  assertValid(r);
});

test('RPDE: deleted items are dropped, a later update wins, and modified beyond 2^53 is kept exactly', async () => {
  const r = await run();
  const ids = r.feed.sessions!.map((s) => s.id);
  assert.ok(!ids.some((id) => /old-class|swim-gone/.test(String(id))), 'deleted, and updated then deleted');
  const yoga = session(r, 'pb-yoga-tue');
  assert.equal(yoga.name, 'Baby Yoga (Tuesdays)', 'the version from page 3');
  assert.deepEqual(yoga.source, { ref: r.source.id, id: 'PB-YOGA-TUE', modified: '18446744073709551600' });
  assert.equal(session(r, 'toddler-swim').source.modified, '18446744073709551700');
  assert.match(r.report.notes.map((n) => n.message).join('\n'), /2 deleted items were left out/);
});

test('a Schedule: schema.org days, times with seconds, exceptDate as dates and instants (London dates)', async () => {
  const r = await run();
  assert.deepEqual(session(r, 'pb-yoga-tue').schedule, {
    startDate: '2026-09-01',
    endDate: '2027-07-20',
    startTime: '10:00',
    endTime: '11:00',
    repeatFrequency: 'P1W',
    byDay: ['TU'],
    // 2026-09-28T23:00:00Z is midnight on Tuesday 29 September in London (BST), not the 28th.
    exceptDate: ['2026-09-29', '2026-12-22', '2026-12-29'],
    scheduleTimezone: 'Europe/London',
  });
});

test('several eventSchedules → several sessions with stable ids; "+1TH" and a duration are read', async () => {
  const r = await run();
  const buggy = r.feed.sessions!.filter((s) => s.name == 'Buggy Fit') as Record<string, any>[];
  assert.equal(buggy.length, 2);
  assert.deepEqual(
    buggy.map((s) => [s.schedule.repeatFrequency, s.schedule.byDay, s.schedule.startTime, s.schedule.endTime]),
    [
      ['P1W', ['MO'], '09:30', '10:30'],
      ['P1M', ['1TH'], '09:30', '10:30'],
    ],
  );
  assert.equal(buggy[1].id, 'buggy-fit-1th-0930');
  assert.deepEqual(buggy[1].source, { ref: r.source.id, id: 'BUGGY-FIT#1th-0930', modified: '18446744073709551003' });
  assert.equal(buggy[0].schedule.note, 'Women and girls only.');
  const again = await run();
  assert.deepEqual(
    again.feed.sessions!.map((s) => s.id),
    r.feed.sessions!.map((s) => s.id),
  );
  assert.equal(again.source.id, r.source.id);
});

test('ageRange in years: months for a baby class, left out (and said) for an adult range', async () => {
  const r = await run();
  assert.deepEqual(session(r, 'pb-yoga-tue').ageRange, { fromMonths: 0, toMonths: 12 });
  assert.deepEqual(session(r, 'toddler-swim').ageRange, { fromMonths: 0, toMonths: 36 });
  assert.equal(r.feed.sessions!.find((s) => s.name == 'Buggy Fit')!.ageRange, undefined);
  assert.match(notesOf(r, 'BUGGY-FIT'), /age range 16\+ years describes the adult taking part/);
});

test('a PartialSchedule is not extrapolated: its upcoming dated sessions become the dates', async () => {
  const r = await run();
  const aqua = session(r, 'aquanatal');
  assert.deepEqual(aqua.schedule, {
    startDate: '2026-10-15',
    startTime: '18:00',
    endTime: '18:45',
    scheduleTimezone: 'Europe/London',
  });
  assert.deepEqual(aqua.occurrences, [{ date: '2026-11-12', status: 'scheduled' }], '18:00 GMT on the clock');
  assert.deepEqual(aqua.ageRange, { pregnancy: true });
  assert.match(notesOf(r, 'AQUANATAL'), /partial schedule was not extrapolated/);
});

test('ScheduledSessions: cancelled, rescheduled, moved to another day, postponed; past, orphans skipped', async () => {
  const r = await run();
  assert.deepEqual(session(r, 'pb-yoga-tue').occurrences, [
    { date: '2026-10-20', status: 'cancelled', note: 'Moved to 2026-10-22' },
    { date: '2026-10-22', status: 'scheduled', note: 'Moved from 2026-10-20', startTime: '10:00', endTime: '11:00' },
    { date: '2026-11-10', status: 'cancelled' },
    { date: '2026-11-17', status: 'changed', startTime: '11:00', endTime: '12:00' },
    { date: '2026-12-01', status: 'cancelled', note: 'Postponed' },
  ]);
  assert.equal(record(r, '2026-11-17T10:00:00Z').name, 'Baby Yoga (Tuesdays) on 2026-11-17');
  assert.equal(record(r, '2026-11-24T10:00:00Z').outcome, 'imported', 'a regular date is the schedule itself');
  assert.match(notesOf(r, '2026-09-08T09:00:00Z'), /took place before the import/);
  assert.match(notesOf(r, 'ORPHAN-1'), /its series is not in this feed/);
  // Without the ScheduledSession feed, the series alone has no per-date changes.
  const alone = await run(route, {});
  assert.equal(session(alone, 'pb-yoga-tue').occurrences, undefined);
});

test('imported sessions fall at the right instants across both clock changes', async () => {
  const r = await run();
  const yoga = session(r, 'pb-yoga-tue') as Session;
  const at = (now: string, days: number) =>
    sessionOccurrences(yoga, { now: new Date(now), days, timeZone: 'Europe/London' })
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .map((o) => [o.date, o.status, o.start.toISOString()]);
  // Clocks go back on Sunday 25 October 2026: 10:00 BST is 09:00Z, 10:00 GMT is 10:00Z.
  assert.deepEqual(at('2026-10-19T00:00:00Z', 14), [
    ['2026-10-20', 'cancelled', '2026-10-20T09:00:00.000Z'],
    ['2026-10-22', 'scheduled', '2026-10-22T09:00:00.000Z'],
    ['2026-10-27', 'scheduled', '2026-10-27T10:00:00.000Z'],
  ]);
  // And forward on Sunday 28 March 2027.
  assert.deepEqual(at('2027-03-22T00:00:00Z', 14), [
    ['2027-03-23', 'scheduled', '2027-03-23T10:00:00.000Z'],
    ['2027-03-30', 'scheduled', '2027-03-30T09:00:00.000Z'],
  ]);
});

test('places with amenities, organisers and offers', async () => {
  const r = await run();
  const centre = r.feed.places!.find((p) => p.id == '0140') as Record<string, any>;
  assert.deepEqual(centre.facilities, ['baby-changing', 'car-parking']);
  assert.deepEqual(centre.address, {
    street: 'Alan Peacock Way',
    locality: 'Anytown',
    region: 'West Midlands',
    postcode: 'WV1 1AA',
    country: 'GB',
  });
  assert.deepEqual(centre.geo, { lat: 52.586, lng: -2.128 });
  assert.match(notesOf(r, 'PB-YOGA-TUE'), /no word for were left out: Changing Facilities, Lockers/);
  assert.equal(r.feed.organisations!.length, 1, 'one organiser, written once');
  assert.deepEqual(
    { ...(r.feed.organisations![0] as Record<string, any>), source: undefined },
    {
      id: 'https-leisure-example-org-organisation',
      name: 'Anytown Leisure',
      url: 'https://leisure.example.org',
      email: 'info@anytownleisure.co.uk',
      phone: '01632 960555',
      source: undefined,
    },
  );
  const yoga = session(r, 'pb-yoga-tue');
  assert.deepEqual(yoga.cost, { amount: 5.5, currency: 'GBP', note: 'Adult and baby' });
  assert.deepEqual(yoga.booking, {
    url: 'https://leisure.example.org/book/baby-yoga',
    note: 'Bring a blanket for your baby.',
  });
  assert.equal(yoga.description, 'Gentle yoga for you and your baby.\n\nMats provided.');
  assert.equal(yoga.category, 'baby-yoga');
  assert.deepEqual(session(r, 'toddler-swim').cost, { free: true, note: 'Free for under 4s' });
  assert.deepEqual(r.feed.sessions!.find((s) => s.name == 'Buggy Fit')!.cost, {
    amount: 4,
    currency: 'GBP',
    note: 'Pay as you go £4; Members Free',
  });
  assert.match(notesOf(r, 'COURT-1'), /a FacilityUse is not a session/);
  assert.match(notesOf(r, 'NAMELESS'), /no name/);
});

test('the licence goes into the source entry with an attribution sentence the elements can show', async () => {
  const r = await run();
  assert.equal(r.source.kind, 'openactive');
  assert.equal(r.source.licence, 'https://creativecommons.org/licenses/by/4.0/');
  assert.equal(
    r.source.attribution,
    'Session data from Anytown Leisure, via OpenActive, ' +
      'under the Creative Commons Attribution 4.0 licence (CC BY 4.0).',
  );
  const unlicensed = await importOpenActive(
    JSON.stringify({ ...JSON.parse(fixture('openactive/series-page-4.json')), license: undefined }),
    {
      name: 'page.json',
      now: NOW,
    },
  );
  assert.equal(unlicensed.source.licence, undefined);
  assert.match(unlicensed.report.notes.map((n) => n.message).join('\n'), /does not say its licence/);
});

test('a feed failing part way (a 500 after pages, a login page, bad JSON, the network) gives no feed', async () => {
  const fails: [string, (url: URL, n: number) => Answer | undefined, RegExp][] = [
    [
      '500',
      (u) => (u.href.includes('afterId=ZZZ') ? { status: 500 } : route(u)),
      /answered 500 .* for page 3 of the feed\. .* 2 pages had been read; nothing was imported/,
    ],
    [
      '500 on page 2',
      (u) => (u.href.includes('afterId=SWIM-GONE') ? { status: 500 } : route(u)),
      /answered 500 .* for page 2 of the feed\. .* 1 page had been read; nothing was imported/,
    ],
    [
      'html',
      () => ({ body: fixture('oruk/login.html'), contentType: 'text/html' }),
      /web page \("Sign in – Anytown Directory"\).*may need a login/,
    ],
    [
      'json',
      (u) => (u.href.includes('afterId=SWIM-GONE') ? json('oruk/truncated-page.txt') : route(u)),
      /page 2 of the feed could not be read: It is not valid JSON: it stops part way/,
    ],
    [
      'network',
      (u) => (u.href.includes('afterId=ZZZ') ? { error: 'ECONNRESET' } : route(u)),
      /Could not reach leisure\.example\.org for page 3 of the feed \(ECONNRESET\)/,
    ],
    ['not rpde', () => ({ body: '{"data": []}' }), /not an OpenActive \(RPDE\) page: it has no "items" list/],
    ['second feed', (u) => (u.href.startsWith(SESSIONS) ? { status: 503 } : route(u)), /answered 503/],
  ];
  for (const [what, r, message] of fails) {
    const got = await run(r);
    assert.match(got.report.failed ?? '', message, what);
    assert.deepEqual(got.feed, {}, what);
  }
  const capped = await run(route, { maxPages: 3 });
  assert.match(capped.report.failed!, /more than 3 pages; stopped there, so nothing was imported/);
});

test('a saved page imports with a warning that there may be more; saved pages up to the last do not warn', async () => {
  const one = await importOpenActive(new TextEncoder().encode(fixture('openactive/series-page-3.json')), {
    name: 'series-page-3.json',
    now: NOW,
  });
  assert.equal(one.report.failed, undefined);
  assert.equal(one.source.file, 'series-page-3.json');
  assert.match(one.report.notes.map((n) => n.message).join('\n'), /may have more/);
  assert.deepEqual(
    one.feed.sessions!.map((s) => s.id),
    ['pb-yoga-tue', 'toddler-swim'],
  );
  assertValid(one);
  // A saved harvest: the pages' texts in a list, numbers beyond 2^53 and all.
  const pages = ['series-page-1.json', 'series-page-3.json', 'series-page-4.json'].map((f) =>
    fixture(`openactive/${f}`),
  );
  const all = await importOpenActive(`[${pages.join(',')}]`, { name: 'harvest.json', now: NOW });
  assert.doesNotMatch(all.report.notes.map((n) => n.message).join('\n'), /may have more/);
  assert.equal(session(all, 'pb-yoga-tue').source.modified, '18446744073709551600');
  assertValid(all);
});

test('ScheduledSession items that embed their series (ScheduledSession.SessionSeries) make the sessions', async () => {
  const series = {
    '@type': 'SessionSeries',
    '@id': 'https://pool.example.org/series/7',
    identifier: 7,
    name: 'Parent and Baby Swim',
    activity: [{ '@type': 'Concept', prefLabel: 'Swimming' }],
    location: { '@type': 'Place', name: 'Anytown Pool', address: { postalCode: 'WV3 3CC' } },
    eventSchedule: [
      {
        '@type': 'Schedule',
        repeatFrequency: 'P1W',
        byDay: ['https://schema.org/Wednesday'],
        startDate: '2026-09-02',
        startTime: '13:00',
        endTime: '13:30',
        scheduleTimezone: 'Europe/London',
        idTemplate: 'https://pool.example.org/sessions/7/{startDate}',
      },
    ],
  };
  const page = {
    next: 'https://pool.example.org/feed?afterId=2',
    license: 'https://creativecommons.org/licenses/by/4.0/',
    items: [
      {
        state: 'updated',
        kind: 'ScheduledSession.SessionSeries',
        id: '1',
        modified: 1,
        data: {
          '@type': 'ScheduledSession',
          '@id': 'https://pool.example.org/sessions/7/2026-10-14T12:00:00Z',
          superEvent: series,
          startDate: '2026-10-14T12:00:00Z',
          endDate: '2026-10-14T12:30:00Z',
          eventStatus: 'https://schema.org/EventCancelled',
        },
      },
    ],
  };
  const r = await importOpenActive(JSON.stringify([page, { ...page, items: [] }]), { name: 'pool.json', now: NOW });
  assert.equal(r.feed.sessions!.length, 1);
  const swim = r.feed.sessions![0] as Record<string, any>;
  assert.equal(swim.id, '7');
  assert.deepEqual(swim.schedule.byDay, ['WE']);
  assert.deepEqual(swim.occurrences, [{ date: '2026-10-14', status: 'cancelled' }]);
  assertValid(r);
});
