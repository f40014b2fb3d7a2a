// The Open Referral UK importer against fixtures built from the v1 API guidance, the 3.0 UK
// profile's schemas and examples, and the quirks INTEROP.md lists (both page wrappers, UUID and
// integer ids, null vs "", quoted phones, placeholder values, bad coordinates, Outpost's
// ORUK-ish shape, HTML descriptions), served by a fake fetch with paging and faults.
/* eslint-disable @typescript-eslint/no-explicit-any -- assertions read deep into imported JSON */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importOruk, type OrukOptions } from '../../../src/import/oruk.js';
import type { ImportResult } from '../../../src/import/types.js';
import { validateFeed } from '../../../src/feed/validate.js';
import type { Session } from '../../../src/feed/types.js';
import { sessionOccurrences } from '../../../src/schedule/occurrences.js';
import { itemOf, notesOf, recordOf } from './results.js';
import { fakeFetch, fixture, json, type Answer } from './fake-fetch.js';

const NOW = new Date('2026-10-01T09:00:00Z');
const V1 = 'https://directory.anytown.gov.uk/api/v1/services';
const V3 = 'https://api.anytown.gov.uk/hsds';

/** v1: three pages of whole services. */
const v1Route = (url: URL): Answer | undefined =>
  url.pathname == '/api/v1/services' ? json(`oruk/v1-page-${url.searchParams.get('page')}.json`) : undefined;

/** 3.0: the API root, two list pages of one-to-one fields, and a detail per service. */
const v3Route = (url: URL): Answer | undefined => {
  if (url.pathname == '/hsds') return { body: JSON.stringify({ version: '3.0', openapi_url: `${V3}/openapi.json` }) };
  if (url.pathname == '/hsds/services') return json(`oruk/v3-list-page-${url.searchParams.get('page')}.json`);
  const id = /^\/hsds\/services\/(.+)$/.exec(url.pathname)?.[1];
  return id ? { ...json(`oruk/v3-service-${id}.json`), delayMs: 15 } : undefined;
};

const run = (input: string, route: (url: URL, n: number) => Answer | undefined, extra: Partial<OrukOptions> = {}) => {
  const fetch = fakeFetch(route);
  const progress: string[] = [];
  const result = importOruk(input, {
    name: input,
    now: NOW,
    fetch,
    retryDelayMs: 0,
    onProgress: (line) => progress.push(line),
    ...extra,
  });
  return result.then((r) => ({ ...r, calls: fetch.calls, maxInFlight: fetch.maxInFlight, progress }));
};

/**
 * Everything an import returns passes the feed's validation with no issue at all, in a feed with
 * the school term dates and bank holidays that "term time only" and "not on bank holidays" need.
 */
const assertValid = (r: ImportResult) => {
  const { issues } = validateFeed({
    version: 1,
    sources: [r.source],
    termDates: { terms: [{ type: 'term', start: '2026-09-01', end: '2027-07-21', name: 'School year 2026-27' }] },
    bankHolidays: { dates: [{ date: '2026-12-25' }, { date: '2026-12-28' }, { date: '2027-05-03' }] },
    ...r.feed,
  });
  assert.deepEqual(issues, []);
};
const service = (r: ImportResult, id: string) => itemOf(r, 'services', id);
const session = (r: ImportResult, id: string) => itemOf(r, 'sessions', id);
const record = recordOf;

test('v1: follows the pages to the last (by "last", not "size"), with a progress line per page', async () => {
  const r = await run(V1, v1Route);
  assert.equal(r.report.failed, undefined);
  assert.deepEqual(
    r.calls.map((u) => new URL(u).searchParams.get('page')),
    ['1', '2', '3'],
  );
  assert.deepEqual(r.progress, [
    'Page 1 of 3: 3 of 8 services…',
    'Page 2 of 3: 6 of 8 services…',
    'Page 3 of 3: 8 of 8 services…',
  ]);
  assert.match(r.report.detected, /v1/);
  assert.equal(r.report.records.length, 8);
  assertValid(r);
});

test('v1: a service maps to services[] with cleaned phones, languages, hours, eligibility and referral', async () => {
  const r = await run(V1, v1Route);
  const hv = service(r, '101');
  assert.equal(hv.name, 'Health Visiting Team');
  assert.equal(
    hv.description,
    'Health visitors support every family from pregnancy until your child is 5.\n\n' +
      '• New birth visits\n• 6–8 week reviews',
  );
  assert.equal(hv.summary, 'Health visitors support every family from pregnancy until your child is 5.');
  assert.deepEqual(hv.contact.phones, [{ number: '020 3289 6420', note: 'extension 303' }]);
  assert.equal(hv.contact.email, undefined, 'the placeholder email@email.com is left out');
  assert.deepEqual(hv.languages, ['en', 'ur', 'pl']);
  assert.deepEqual(hv.hours, [
    { byDay: ['MO', 'TU', 'WE', 'TH'], opens: '09:00', closes: '17:00' },
    { byDay: ['FR'], opens: '09:00', closes: '16:30' },
  ]);
  assert.equal(hv.hoursNote, 'Closed 2026-12-25 to 2026-12-26.');
  assert.equal(hv.eligibility, 'Families with children under 5 living in Anytown');
  assert.deepEqual(hv.referral, { self: false });
  assert.deepEqual(hv.stages, ['pregnancy', '0-12m', '12-24m']);
  assert.deepEqual(hv.cost, { free: true });
  assert.equal(hv.reviewed, '2026-08-14');
  assert.equal(hv.organisation, '7');
  assert.equal(hv.place, '55');
  assert.deepEqual(hv.source, { ref: r.source.id, id: '101' });
  const notes = notesOf(r, '101');
  assert.match(notes, /"0777 777 7777" looks like a placeholder/);
  assert.match(notes, /"email@email\.com" looks like a placeholder/);
  assert.match(notes, /"Klingon" is not one we know/);
  assert.match(notes, /HTML in the description/);
  assert.equal(record(r, '101').outcome, 'imported-with-losses');
  const hub = r.feed.places!.find((p) => p.id == '55') as Record<string, any>;
  assert.deepEqual(hub.address, {
    street: '12 Church Street',
    locality: 'Anytown',
    region: 'West Midlands',
    postcode: 'WV1 1AA',
    country: 'GB',
  });
  assert.deepEqual(hub.facilities, ['step-free', 'baby-changing']);
  assert.equal(r.feed.places!.filter((p) => p.id == '55').length, 1, 'a place two services share is written once');
});

test('v1: a 24-hour service (00:00–23:59) opens 00:00–24:00 every day', async () => {
  const r = await run(V1, v1Route);
  assert.deepEqual(service(r, '301').hours, [
    { byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opens: '00:00', closes: '24:00' },
  ]);
});

test('v1: inactive, defunct, nameless and id-less records are skipped with a reason; the rest import', async () => {
  const r = await run(V1, v1Route);
  assert.equal(record(r, '103').outcome, 'skipped');
  assert.match(notesOf(r, '103'), /marks it defunct/);
  const noId = r.report.records.find((x) => x.name == 'A service without an id')!;
  assert.equal(noId.outcome, 'skipped');
  assert.equal(noId.at.page, 2);
  assert.match(noId.notes[0].message, /no id/);
  assert.equal(record(r, '302').outcome, 'skipped');
  assert.match(notesOf(r, '302'), /no name/);
  assert.ok(!r.feed.services!.some((s) => s.id == '103'));
});

test("Outpost's ORUK-ish shape: weekday times are hours; masked postcodes, placeholders reported", async () => {
  const r = await run(V1, v1Route);
  const brownies = service(r, '201');
  assert.deepEqual(brownies.hours, [{ byDay: ['MO'], opens: '10:00', closes: '17:00' }]);
  assert.equal(brownies.contact.phones, undefined);
  const notes = notesOf(r, '201');
  assert.match(notes, /postcode HP20 is only the first half/);
  assert.match(notes, /"0777 777 7777" looks like a placeholder/);
  const hall = r.feed.places!.find((p) => p.id == '301') as Record<string, any>;
  assert.deepEqual(hall.address, { locality: 'Aylesbury', postcode: 'HP20', country: 'GB' });
  assert.deepEqual(hall.geo, { lat: 51.82, lng: -0.81 });
});

test('a timetable becomes a session (the documented rule): closed holidays → exceptDate', async () => {
  const r = await run(V1, v1Route);
  const massage = session(r, '102');
  assert.deepEqual(massage.schedule, {
    startDate: '2026-09-07',
    startTime: '10:00',
    endTime: '11:00',
    repeatFrequency: 'P1W',
    byDay: ['MO'],
    scheduleTimezone: 'Europe/London',
    termTimeOnly: true,
    note: 'Term time only.',
    exceptDate: ['2026-10-26'],
  });
  assert.deepEqual(massage.occurrences, [
    { date: '2026-12-21', status: 'changed', startTime: '13:00', endTime: '14:00' },
  ]);
  assert.deepEqual(massage.ageRange, { fromMonths: 0, toMonths: 12 });
  assert.equal(massage.category, 'baby-massage');
  assert.deepEqual(massage.cost, { free: true });
  assert.deepEqual(massage.booking, { required: true, phone: '01632 960101', email: 'families@anytown.gov.uk' });
  assert.deepEqual(massage.languages, ['en', 'cy']);
  assert.equal(massage.organiser, '8');
  assert.match(notesOf(r, '102'), /"Term time only" was read from the schedule's description/);
  assert.ok(!r.feed.services!.some((s) => s.id == '102'));
  const summary = r.report.notes.map((n) => n.message).find((m) => m.includes('made from timetables'));
  assert.equal(summary, '8 services read: 3 imported as services, 2 sessions made from timetables, 3 skipped.');
  // The same directory with the flag off: every service stays a service.
  const off = await run(V1, v1Route, { asSessions: false });
  assert.equal(off.feed.sessions, undefined);
  assert.ok(service(off, '102'));
  assertValid(off);
  // And on: a service with any timetable schedule becomes sessions.
  const on = await run(V1, v1Route, { asSessions: true });
  assert.ok(session(on, '102') && session(on, '202'));
  assertValid(on);
});

test('times written with Z keep their London wall-clock time across both clock changes, with a warning', async () => {
  const r = await run(V1, v1Route);
  const stay = session(r, '202') as Session;
  assert.equal(stay.schedule.startTime, '09:30');
  assert.equal(stay.schedule.endTime, '11:00');
  assert.match(
    notesOf(r, '202'),
    /"09:30:00Z" carries a time zone \(Z\); it was kept as 09:30 on the clock in Europe\/London/,
  );
  const at = (now: string, days: number) =>
    sessionOccurrences(stay, { now: new Date(now), days, timeZone: 'Europe/London' }).map((o) => [
      o.date,
      o.start.toISOString(),
    ]);
  // Clocks go back on 25 October 2026 and forward on 28 March 2027: 09:30 on the clock both sides.
  assert.deepEqual(at('2026-10-19T00:00:00Z', 14), [
    ['2026-10-20', '2026-10-20T08:30:00.000Z'],
    ['2026-10-27', '2026-10-27T09:30:00.000Z'],
  ]);
  assert.deepEqual(at('2027-03-22T00:00:00Z', 14), [
    ['2027-03-23', '2027-03-23T09:30:00.000Z'],
    ['2027-03-30', '2027-03-30T08:30:00.000Z'],
  ]);
});

test('3.0: list pages of one-to-one fields, then a request per service for its details, a few at a time', async () => {
  const r = await run(V3, v3Route, { concurrency: 2 });
  assert.equal(r.report.failed, undefined);
  assert.match(r.report.detected, /3\.0/);
  const details = r.calls.filter((u) => /\/services\/[^?]+$/.test(u));
  assert.equal(details.length, 3, 'one detail request per service');
  assert.ok(r.maxInFlight <= 2, `at most 2 requests at once (saw ${r.maxInFlight})`);
  assert.equal(r.maxInFlight, 2, 'and they do overlap');
  assert.deepEqual(r.progress.slice(0, 2), ['Page 1 of 2: 2 of 3 services…', 'Page 2 of 2: 3 of 3 services…']);
  assert.equal(r.progress.at(-1), 'Service details: 3 of 3…');
  assertValid(r);
});

test("3.0: the UK example's quirks: bad coordinates, a US country, a quoted phone, id-only languages", async () => {
  const r = await run(V3, v3Route);
  const id = 'ac148810-d857-441c-9679-408f346de14b';
  const c = service(r, id);
  assert.deepEqual(c.contact.phones, [{ number: '01234 234567', note: 'extension 3; Reception' }]);
  assert.equal(c.contact.email, undefined);
  assert.equal(c.languages, undefined);
  assert.deepEqual(c.referral, { how: 'Self-referral by phone or online form', self: true });
  assert.equal(c.eligibility, 'Adults and young people aged 12 and over');
  assert.equal(c.stages, undefined, 'ages 12 to 100 are not a baby stage');
  assert.deepEqual(c.cost, {
    amount: 35,
    currency: 'GBP',
    note: '£35 Under 18s and Over 60s, per 1 hour session; £45 Adults, per 1 hour session',
  });
  assert.equal(c.reviewed, '2005-01-01');
  assert.equal(c.area, 'All residents of the MyCity area');
  assert.deepEqual(c.source, { ref: r.source.id, id, modified: '2023-03-15T10:30:45.123Z' });
  const place = r.feed.places!.find((p) => p.id == c.place) as Record<string, any>;
  assert.equal(place.geo, undefined);
  assert.equal(place.address.country, undefined);
  const notes = notesOf(r, id);
  assert.match(notes, /coordinates 100, 101 are not on Earth/);
  assert.match(notes, /country "US" is not the UK/);
  assert.match(notes, /1 language is given only by an id/);
  assert.match(notes, /fax number/);
  assert.match(notes, /is not weekly opening hours; it was kept as text/);
  assert.match(c.hoursNote, /^Weekly on Thursday and Friday, 10:00–18:00/);
});

test('3.0: several schedules → several sessions with stable ids, each at the place its schedule names', async () => {
  const r = await run(V3, v3Route);
  const groups = r.feed.sessions!.filter((s) => s.name == 'Baby and Toddler Group') as Record<string, any>[];
  assert.equal(groups.length, 2);
  const [monthly, fortnightly] = groups;
  assert.deepEqual(monthly.schedule, {
    startDate: '2026-09-03',
    startTime: '09:30',
    endTime: '11:30',
    repeatFrequency: 'P1M',
    byDay: ['1TH'],
    scheduleTimezone: 'Europe/London',
    note: 'First Thursday of the month.',
  });
  assert.equal(monthly.place, 'loc-b');
  assert.equal(fortnightly.schedule.repeatFrequency, 'P2W');
  assert.equal(fortnightly.schedule.endDate, '2027-07-19');
  assert.equal(fortnightly.schedule.startTime, '13:30', 'a full DfE-style datetime gives its time');
  assert.equal(fortnightly.place, 'loc-a');
  assert.deepEqual(monthly.languages, ['cy', 'pl', 'ur']);
  assert.deepEqual(monthly.cost, { amount: 1.5, currency: 'GBP', note: 'Per family' });
  assert.equal(monthly.booking.required, false, '"Just turn up" is a drop-in');
  assert.deepEqual(monthly.ageRange, { fromMonths: 0, toMonths: 36 });
  assert.equal(monthly.category, 'stay-and-play');
  const again = await run(V3, v3Route);
  assert.deepEqual(
    again.feed.sessions!.map((s) => s.id),
    r.feed.sessions!.map((s) => s.id),
    'the same ids on every run',
  );
  assert.deepEqual(
    again.feed.places!.map((p) => p.id),
    r.feed.places!.map((p) => p.id),
  );
  assert.equal(r.source.id, again.source.id);
});

test('3 pages then a 500: the import fails with a sentence and no partial feed', async () => {
  const r = await run(V1, (url, n) =>
    url.searchParams.get('page') == '3'
      ? { status: 500, body: 'oops', contentType: 'text/plain' }
      : n > 10
        ? undefined
        : v1Route(url),
  );
  assert.match(r.report.failed!, /answered 500 \(Internal Server Error\) for page 3 of the directory/);
  assert.deepEqual(r.feed, {});
  assert.equal(r.calls.filter((u) => u.includes('page=3')).length, 2, 'one polite retry, then give up');
});

test('a login page, malformed JSON and network errors each fail with a sentence, never a stack trace', async () => {
  const html = await run(V1, () => ({ body: fixture('oruk/login.html'), contentType: 'text/html' }));
  assert.match(html.report.failed!, /web page \("Sign in – Anytown Directory"\).*may need a login/);
  assert.deepEqual(html.feed, {});
  const bad = await run(V1, () => json('oruk/truncated-page.txt'));
  assert.match(bad.report.failed!, /not valid JSON: it stops part way, at line 6 \(it was cut off\)/);
  assert.deepEqual(bad.feed, {});
  const down = await run(V1, () => ({ error: 'getaddrinfo ENOTFOUND directory.anytown.gov.uk' }));
  assert.match(down.report.failed!, /^Could not reach directory\.anytown\.gov\.uk for page 1 of the directory/);
  assert.deepEqual(down.feed, {});
  const halfway = await run(V1, (url) =>
    url.searchParams.get('page') == '2' ? { error: 'socket hang up' } : v1Route(url),
  );
  assert.match(halfway.report.failed!, /Could not reach .* for page 2 of the directory \(socket hang up\)/);
  assert.deepEqual(halfway.feed, {});
});

test('a failed detail request fails the import; a service whose details are gone (404) is skipped', async () => {
  const gone = await run(V3, (url) =>
    url.pathname.endsWith('e3c8a4b2-1111-4a2b-8c3d-4e5f6a7b8c9d') ? undefined : v3Route(url),
  );
  assert.equal(gone.report.failed, undefined);
  assert.equal(record(gone, 'e3c8a4b2-1111-4a2b-8c3d-4e5f6a7b8c9d').outcome, 'skipped');
  assert.match(notesOf(gone, 'e3c8a4b2-1111-4a2b-8c3d-4e5f6a7b8c9d'), /details are not there \(404\)/);
  assert.equal(gone.feed.services!.length, 1);
  assertValid(gone);
  const broken = await run(V3, (url) =>
    url.pathname.endsWith('e3c8a4b2-1111-4a2b-8c3d-4e5f6a7b8c9d') ? { status: 502 } : v3Route(url),
  );
  assert.match(broken.report.failed!, /answered 502 for the details of service e3c8a4b2/);
  assert.deepEqual(broken.feed, {});
});

test('a directory whose pages count from 0 is read from page 0', async () => {
  const pages = [fixture('oruk/v1-page-1.json'), fixture('oruk/v1-page-2.json'), fixture('oruk/v1-page-3.json')].map(
    (t, i) => ({ ...JSON.parse(t), number: i, first: i == 0 }),
  );
  const r = await run(V1, (url) => {
    const n = Number(url.searchParams.get('page'));
    return pages[n] ? { body: JSON.stringify(pages[n]) } : { body: JSON.stringify({ content: [], last: true }) };
  });
  assert.deepEqual(
    r.calls.map((u) => new URL(u).searchParams.get('page')),
    ['1', '0', '1', '2'],
  );
  assert.equal(r.report.records.length, 8);
});

test('paging stops at the cap with a failure saying how to read more, and when pages repeat', async () => {
  const capped = await run(V1, v1Route, { maxPages: 2 });
  assert.match(capped.report.failed!, /more than 2 pages.*Raise the page limit/);
  assert.deepEqual(capped.feed, {});
  const stuck = await run(V1, () => ({
    body: JSON.stringify({ ...JSON.parse(fixture('oruk/v1-page-1.json')), last: false, totalPages: null }),
  }));
  assert.equal(stuck.report.failed, undefined);
  assert.equal(stuck.calls.length, 2);
  assert.match(stuck.report.notes.map((n) => n.message).join('\n'), /ignore the page number/);
});

test('a saved response: a whole directory imports; one page of many is refused, not half-imported', async () => {
  const last = await importOruk(fixture('oruk/v1-page-3.json'), { name: 'page3.json', now: NOW });
  assert.equal(last.report.failed, undefined, 'the last page says last: true');
  assert.equal(last.source.file, 'page3.json');
  assert.equal(last.feed.services!.length, 1);
  assertValid(last);
  const first = await importOruk(new TextEncoder().encode(fixture('oruk/v1-page-1.json')), {
    name: 'page1.json',
    now: NOW,
  });
  assert.match(first.report.failed!, /one page of a directory of 3 pages \(8 services\)/);
  assert.deepEqual(first.feed, {});
  const one = await importOruk(fixture('oruk/v3-service-5b0e2f3c-7f0a-4c1e-9d55-2a3c1b9e0a01.json'), {
    name: 'service.json',
    now: NOW,
  });
  assert.equal(one.feed.sessions!.length, 2);
  assertValid(one);
  const list = await importOruk(
    JSON.stringify({ ...JSON.parse(fixture('oruk/v3-list-page-2.json')), page_number: 1, total_pages: 1 }),
    { name: 'list.json', now: NOW },
  );
  assert.match(list.report.notes.map((n) => n.message).join('\n'), /list without schedules, locations or languages/);
  assert.match(notesOf(list, 'e3c8a4b2-1111-4a2b-8c3d-4e5f6a7b8c9d'), /Only the list entry was read/);
  const notOruk = await importOruk('{"hello": "world"}', { name: 'x.json', now: NOW });
  assert.match(notOruk.report.failed!, /not from an Open Referral directory/);
});

/** A 3.0 weekly schedule on `byday` ("MO,TU"), from `opens_at` to `closes_at`. */
const weekly = (byday: string, opens_at: string, closes_at: string) => ({
  id: `w-${byday}`,
  freq: 'WEEKLY',
  interval: 1,
  byday,
  opens_at,
  closes_at,
});

test('3.0: closing before opening that is no night (09:00–05:00) is not hours: kept as a note, and said', async () => {
  // Before: opens 09:00, closes 05:00 (a slip for 17:00) became hours open 20 hours a day, through the night.
  const base = JSON.parse(fixture('oruk/v3-service-ac148810-d857-441c-9679-408f346de14b.json'));
  const slip = {
    ...base,
    schedules: [
      weekly('MO,TU', '09:00', '05:00'),
      weekly('WE', '13:00', '11:00'),
      weekly('TH', '09:00', '17:00'),
      weekly('FR', '17:00', '09:00'),
    ],
  };
  const r = await importOruk(JSON.stringify(slip), { name: 'slip.json', now: NOW });
  const c = service(r, base.id);
  assert.deepEqual(c.hours, [
    { byDay: ['TH'], opens: '09:00', closes: '17:00' },
    { byDay: ['FR'], opens: '17:00', closes: '09:00' }, // an out-of-hours line, 16 hours: a night
  ]);
  assert.equal(c.hoursNote, 'Weekly on Monday and Tuesday, 09:00–05:00. Weekly on Wednesday, 13:00–11:00.');
  const notes = notesOf(r, base.id);
  assert.match(notes, /"Weekly on Monday and Tuesday, 09:00–05:00" closes before it opens, and not as a night's hours/);
  assert.match(notes, /"Weekly on Wednesday, 13:00–11:00" closes before it opens/);
  assert.doesNotMatch(notes, /17:00–09:00/);
  assertValid(r);
});

test('3.0: weekly hours past midnight (closes_at before opens_at) are hours, not a note', async () => {
  // Before: "Weekly on Friday and Saturday, 22:00–02:00." went into hoursNote, with a note that it is not
  // weekly opening hours.
  const base = JSON.parse(fixture('oruk/v3-service-ac148810-d857-441c-9679-408f346de14b.json'));
  const night = {
    ...base,
    schedules: [
      weekly('FR,SA', '22:00:00', '02:00:00'),
      weekly('MO,TU', '18:00', '00:00'),
      weekly('SU', '09:00', '09:00'),
    ],
  };
  const r = await importOruk(JSON.stringify(night), { name: 'night.json', now: NOW });
  const c = service(r, base.id);
  assert.deepEqual(c.hours, [
    { byDay: ['FR', 'SA'], opens: '22:00', closes: '02:00' },
    { byDay: ['MO', 'TU'], opens: '18:00', closes: '24:00' },
  ]);
  // What cannot be hours (closing when it opens) is still kept as text, and said.
  assert.equal(c.hoursNote, 'Weekly on Sunday, 09:00–09:00.');
  assert.match(notesOf(r, base.id), /"Weekly on Sunday, 09:00–09:00" is not weekly opening hours/);
  assert.doesNotMatch(notesOf(r, base.id), /22:00–02:00/);
  assertValid(r);
});
