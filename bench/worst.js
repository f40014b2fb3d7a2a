// One run of the worst-inputs benchmark, in the page (issue 12): a feed built to be as costly as
// possible, served through the page's fetch, read by real elements from the built bundle. Reports
// the longest task (Long Tasks API: 50 ms or more), the time until every element has fired its
// feed event and its content last changed, and what the elements reported.
import { makeFeed } from './generate.js';

const name = new URLSearchParams(location.search).get('case');
const result = { longestTask: 0, tasks: 0 };
new PerformanceObserver((l) =>
  l.getEntries().forEach((e) => {
    result.longestTask = Math.max(result.longestTask, e.duration);
    result.tasks++;
  }),
).observe({ type: 'longtask', buffered: true });

const nested = (depth, inner = '"x"') => '['.repeat(depth) + inner + ']'.repeat(depth);
const weekly = (i, schedule) => ({
  id: `s${i}`,
  name: `Session ${i}`,
  place: 'place-0',
  schedule: { startTime: '10:00', endTime: '11:00', ...schedule },
});
const withSessions = (sessions) => JSON.stringify({ ...makeFeed(0), sessions });
const SERVICE = {
  id: 'helpline',
  name: 'Helpline',
  kind: 'helpline',
  contact: { phones: [{ number: '0800 123 4567' }] },
};

/** `n` support cards, each showing one service of a feed of `n`. */
const cards = (n) => ({
  text: JSON.stringify({
    version: 1,
    services: Array.from({ length: n }, (_, i) => ({ ...SERVICE, id: `s${i}` })),
  }),
  markup: Array.from(
    { length: n },
    (_, i) => `<imh-support-card service="s${i}" now="2026-11-23T12:00"></imh-support-card>`,
  ).join(''),
});

/** Each case: the feed's text and the elements that read it. */
const CASES = {
  // The shape that made the old email pattern try every split of the part after the "@" (27 s).
  'email of 120,000 characters': () => ({
    text: JSON.stringify({
      version: 1,
      services: [
        { ...SERVICE, contact: { email: `a@${'.'.repeat(119_997)}@` } },
        { ...SERVICE, id: 'b' },
      ],
    }),
    markup: '<imh-support-list now="2026-11-23T12:00"></imh-support-list>',
  }),
  'a value nested 1,000,000 deep': () => ({
    text: withSessions([
      weekly(0, { startDate: '2026-09-07', repeatFrequency: 'P1W' }),
      weekly(1, { startDate: '2026-09-07', repeatFrequency: 'P1W' }),
    ]).replace('"name":"Session 0"', `"name":"Session 0","extra":${nested(1_000_000)}`),
    markup: '<imh-session-list now="2026-11-23T08:00"></imh-session-list>',
  }),
  'a value nested 5,000 deep where a word belongs': () => ({
    text: JSON.stringify({ version: 1, services: [SERVICE] }).replace('"kind":"helpline"', `"kind":${nested(5_000)}`),
    markup: '<imh-support-list now="2026-11-23T12:00"></imh-support-list>',
  }),
  '5,000 schedules from the year 0000 with a count': () => ({
    text: withSessions(
      Array.from({ length: 5_000 }, (_, i) =>
        weekly(i, { startDate: '0000-01-03', repeatFrequency: 'P1D', repeatCount: 1_000_000 }),
      ),
    ),
    markup: '<imh-session-list now="2026-11-23T08:00"></imh-session-list>',
  }),
  '5,000 weekly schedules from 2000 with a count of 10,000': () => ({
    text: withSessions(
      Array.from({ length: 5_000 }, (_, i) =>
        weekly(i, { startDate: '2000-01-03', repeatFrequency: 'P1W', byDay: ['MO', 'WE'], repeatCount: 10_000 }),
      ),
    ),
    markup: '<imh-session-list now="2026-11-23T08:00"></imh-session-list>',
  }),
  '5,000 schedules that never fall (30 February)': () => ({
    text: withSessions(
      Array.from({ length: 5_000 }, (_, i) =>
        weekly(i, { startDate: '2000-01-01', repeatFrequency: 'P1Y', byMonth: [2], byMonthDay: [30] }),
      ),
    ),
    markup: '<imh-session-list now="2026-11-23T08:00"></imh-session-list>',
  }),
  '50 support cards on one feed': () => cards(50),
  '200 support cards on one feed': () => cards(200),
  '1,000 support cards on one feed': () => cards(1_000),
  // 200 lists of the next ten sessions, each on a feed of 40 series (as bench/pages.mjs's page of 200).
  '200 session lists on one feed': () => ({
    text: JSON.stringify(makeFeed(40)),
    markup: '<imh-session-list now="2026-11-23T08:00" limit="10"></imh-session-list>'.repeat(200),
  }),
  // Issue 14's bench page (bench/run.mjs) with its largest feed, through the feed address.
  'a session list of 5,000 series': () => ({
    text: JSON.stringify(makeFeed(5_000)),
    markup: '<imh-session-list now="2026-11-23T08:00" limit="50" days="56"></imh-session-list>',
  }),
  // A whole directory in one support list (an Open Referral UK import can hold hundreds of services).
  'a support list of 400 services': () => ({
    text: JSON.stringify({
      version: 1,
      services: Array.from({ length: 400 }, (_, i) => ({ ...SERVICE, id: `s${i}`, name: `Service ${i}` })),
    }),
    markup: '<imh-support-list now="2026-11-23T12:00"></imh-support-list>',
  }),
  // A feed just under the loader's 5 MB cap (9,100 series and a service), read by one support card:
  // what is left is reading the text, mostly its parse (the card validates only the services).
  'a support card on a feed of 5 MB (the size cap)': () => ({
    text: JSON.stringify({ ...makeFeed(9_100), services: [SERVICE] }),
    markup: '<imh-support-card service="helpline" now="2026-11-23T12:00"></imh-support-card>',
  }),
  // Every session but the last a number (0 or 10), read by a session list: each problem was an issue
  // and a sentence, all made in one task (9.4 s for 2.4 million, 755 MB); now the first 1,000 are.
  'a feed of 2,000,000 bad sessions (4.8 MB)': () => ({
    text: JSON.stringify({
      ...makeFeed(1),
      sessions: [...Array.from({ length: 2_000_000 }, (_, i) => (i % 5 < 2 ? 10 : 0)), ...makeFeed(1).sessions],
    }),
    markup: '<imh-session-list now="2026-11-23T12:00"></imh-session-list>',
  }),
  // 200 lists of the support services (a directory page of many tabs, or a careless template).
  '200 support lists on one feed': () => ({
    text: JSON.stringify({
      version: 1,
      services: Array.from({ length: 10 }, (_, i) => ({ ...SERVICE, id: `s${i}`, name: `Service ${i}` })),
    }),
    markup: '<imh-support-list now="2026-11-23T12:00" no-controls></imh-support-list>'.repeat(200),
  }),
  // 200 timelines, each with its stages, health checks and support, on a feed with services.
  '200 timelines on one feed': () => ({
    text: JSON.stringify({ ...makeFeed(10), services: [SERVICE] }),
    markup:
      '<imh-first-1001-days-timeline birth-date="2026-10-20" now="2026-11-23"></imh-first-1001-days-timeline>'.repeat(
        200,
      ),
  }),
  // A timeline of 2,400,000 stages that are numbers (4.8 MB): its stages, read in one piece, took one
  // task of 1.5 s and overflowed the stack. A list inside the timeline or an item now has at most
  // 1,000 entries (one sentence says so), and the long feed's parse counts each value's cost.
  'a timeline of 2,400,000 bad stages (4.8 MB)': () => ({
    text: JSON.stringify({ ...makeFeed(1), timeline: { mode: 'extend', stages: Array(2_400_000).fill(0) } }),
    markup: '<imh-first-1001-days-timeline birth-date="2026-10-20" now="2026-11-23"></imh-first-1001-days-timeline>',
  }),
  // The most a timeline may hold of it: 1,000 stages (the limit), each with 1,000 messages and 1,000
  // health checks (the limit of a list inside a stage), all numbers (4 MB). Read in one piece, it
  // was one task of seconds; its stages and their lists are now read in slices.
  'a timeline of 1,000 stages of 2,000 bad values each (4 MB)': () => ({
    text: JSON.stringify({
      ...makeFeed(1),
      timeline: {
        mode: 'extend',
        stages: Array.from({ length: 1_000 }, (_, i) => ({
          id: `s${i}`,
          from: { week: 0 },
          to: { week: 2 },
          title: 'Stage',
          messages: Array(1_000).fill(0),
          checks: Array(1_000).fill(0),
        })),
      },
    }),
    markup: '<imh-first-1001-days-timeline birth-date="2026-10-20" now="2026-11-23"></imh-first-1001-days-timeline>',
  }),
  // 200 stages that each name 1,000 services (none of them in the feed), then 500 stages that are
  // numbers (0.8 MB): each stage skipped looked through every reference found before it (one task
  // of 41 s), and each unknown reference was then taken out of its list in one step (0.6 s). Open:
  // the 200,000 warnings past the first 1,000 problems are still counted in one step (about 0.1 s).
  'a timeline of 200 stages of 1,000 unknown services, then 500 bad stages': () => ({
    text: JSON.stringify({
      ...makeFeed(1),
      timeline: {
        stages: [
          ...Array.from({ length: 200 }, (_, i) => ({
            id: `s${i}`,
            from: { week: 0 },
            to: { week: 2 },
            title: 'Stage',
            services: Array(1_000).fill('a'),
          })),
          ...Array(500).fill(0),
        ],
      },
    }),
    markup: '<imh-first-1001-days-timeline birth-date="2026-10-20" now="2026-11-23"></imh-first-1001-days-timeline>',
  }),
  // An editor's `days` far beyond a year, on a feed of 100 daily series: the window is held to a year.
  '100 daily series, days="100000000"': () => ({
    text: withSessions(
      Array.from({ length: 100 }, (_, i) => weekly(i, { startDate: '2026-01-05', repeatFrequency: 'P1D' })),
    ),
    markup: '<imh-session-list now="2026-11-23T08:00" days="100000000"></imh-session-list>',
  }),
};

const { text, markup } = CASES[name]();
const FEED = `${location.origin}/worst-feed.json`;
const original = window.fetch.bind(window);
// The feed arrives as from a network: in chunks of 64 KB, each in a task of its own.
const bytes = new TextEncoder().encode(text);
const body = () => {
  let at = 0;
  return new ReadableStream({
    pull: (controller) =>
      new Promise((r) => setTimeout(r, 0)).then(() => {
        controller.enqueue(bytes.slice(at, (at += 65_536)));
        if (at >= bytes.length) controller.close();
      }),
  });
};
window.fetch = (url, init) =>
  String(url) == FEED
    ? Promise.resolve(
        new Response(body(), {
          headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) },
        }),
      )
    : original(url, init);
document.head.append(Object.assign(document.createElement('meta'), { name: 'imh-feed', content: FEED }));
result.bytes = text.length;

// The page's own setup, in a task of its own before the elements arrive (a first use of storage
// can take a while: not the elements' work).
localStorage.clear();
await import('../dist/imh-widgets.js');
const aside = () => new Promise((r) => setTimeout(r, 50));
await aside();
// The page's parse of the same markup with tags no script defines, in a task of its own (and taken
// out in the next): what the page pays for its own markup, which the bench takes off the task the
// elements arrive in to leave the library's share (their constructors and connections).
const baseline = document.createElement('div');
document.body.append(baseline);
performance.mark('imh-bench-baseline');
const before = performance.now();
baseline.innerHTML = markup.replace(/(<\/?)imh-/g, '$1x-imh-');
result.baseline = performance.now() - before;
await aside();
baseline.remove();
await aside();
performance.mark('imh-bench-start');
const start = performance.now();
const main = document.querySelector('main');
main.innerHTML = markup;
// The elements are made: what the rest of this task runs is their first work (see worst.mjs).
performance.mark('imh-bench-arrived');
// The elements' arrival: the page's parse, then each element's constructor and connection.
result.arrival = performance.now() - start;
const count = main.children.length;
result.elements = count;
let settled = 0;
const outcomes = { load: 0, error: 0, issues: 0 };
const done = new Promise((resolve) => {
  const on = (e) => {
    outcomes[e.type == 'imh-feed-load' ? 'load' : 'error']++;
    outcomes.issues = Math.max(outcomes.issues, e.detail.issues?.length ?? e.detail.error?.issues?.length ?? 0);
    if (++settled == count) resolve();
  };
  document.addEventListener('imh-feed-load', on);
  document.addEventListener('imh-feed-error', on);
});
await done;
// Then until no element shows its loading placeholder and none has changed for 300 ms: a list may
// show after its feed event (the session list expands its dates after reading the feed).
let last = performance.now();
const changes = new MutationObserver(() => (last = performance.now()));
for (const el of main.children)
  changes.observe(el.shadowRoot, { subtree: true, childList: true, attributes: true, characterData: true });
const loading = () => [...main.children].some((el) => el.shadowRoot.querySelector('.placeholder'));
while (loading() || performance.now() - last < 300) await new Promise((r) => setTimeout(r, 50));
changes.disconnect();
result.total = last - start;
performance.mark('imh-bench-end');
result.outcomes = outcomes;
// Let the observer see the last tasks.
setTimeout(() => (window.__result = result), 300);
