// npm run bench (third part, issue 12): the worst inputs found by fuzzing, read by real elements
// from the built bundle in headless Chromium: the longest task, the time until every element has
// settled, and what they reported. Median of BENCH_RUNS_WORST runs (default 3: some cases are slow
// on purpose before the fixes). BENCH_CASE="200 support" runs only the cases whose name contains it.
//
// The longest task: from the Long Tasks API (50 ms or more; "< 50 ms" otherwise), and for a case
// with a target, from a performance trace of the run (every task of the page's main thread, however
// short, between the elements' arrival and their settling), checked against the target: a case over
// it says FAIL and the script exits non-zero. The trace gives each task's time on the clock and the
// main thread's CPU time in it, and the library's own work in it (see `ownWork`: the whole task,
// but for a frame only its script): what a case is judged by, as issue 12 words its target ("no
// task exceeds 50 ms of the library's own work").
// The whole task is shown beside it, on the clock and in CPU time, with the load average: with
// hundreds of elements on a page, the longest tasks are frames in which the browser lays out and
// paints a page hundreds of thousands of pixels tall, with well under a millisecond of the
// library's script in them; for those cases the bench also measures what the browser takes to lay
// out one element again on that page (`relayout`), with none of the library's code running.
import { launch, median, serve } from './harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS_WORST ?? 3);
const ALL = [
  // Issue 12: no single value may hold the page (each took a task of seconds to minutes).
  { name: 'email of 120,000 characters', target: 50 },
  { name: 'a value nested 1,000,000 deep', target: 50 },
  { name: 'a value nested 5,000 deep where a word belongs', target: 50 },
  { name: '5,000 schedules from the year 0000 with a count', target: 50 },
  { name: '5,000 weekly schedules from 2000 with a count of 10,000', target: 50 },
  { name: '5,000 schedules that never fall (30 February)', target: 50 },
  // Issue 12: no task over 50 ms of the library's work, however many elements a page has.
  { name: '50 support cards on one feed', target: 50 },
  { name: '200 support cards on one feed', target: 50 },
  { name: '200 session lists on one feed', target: 50 },
  { name: '200 support lists on one feed', target: 50 },
  { name: '200 timelines on one feed', target: 50 },
  // A page that makes a thousand elements at once: the browser runs every constructor in the task that
  // makes them (the page's parse, its script's innerHTML, or define() upgrading them), so that task
  // grows with their number whatever an element does there. It is reported, with the elements' share
  // per element, and the case is judged on every task after it.
  { name: '1,000 support cards on one feed', target: 50, afterArrival: true },
  // Issue 14: no task over 50 ms for a session list of 5,000 series (50 shown, 8 weeks ahead).
  { name: 'a session list of 5,000 series', target: 50 },
  // Issue 12: no attribute value holds the page either (days="100000000" took 499 ms in one task).
  { name: '100 daily series, days="100000000"', target: 50 },
  // Issue 12: a whole directory in one support list, drawn in parts as the session list's sessions are
  // (it took 80.6 ms in one update before b352bc2).
  { name: 'a support list of 400 services', target: 50 },
  // Issue 12: a feed as large as the loader reads (its 5 MB cap), parsed without a long task.
  { name: 'a support card on a feed of 5 MB (the size cap)', target: 50 },
  // Issue 12: a feed of millions of bad items (under the size cap) reported without a long task.
  { name: 'a feed of 2,000,000 bad sessions (4.8 MB)', target: 50 },
  { name: 'a timeline of 2,400,000 bad stages (4.8 MB)', target: 50 },
  { name: 'a timeline of 1,000 stages of 2,000 bad values each (4 MB)', target: 50 },
  { name: 'a timeline of 200 stages of 1,000 unknown services, then 500 bad stages', target: 50 },
];
const only = process.env.BENCH_CASE?.toLowerCase();
const CASES = ALL.filter((c) => !only || c.name.toLowerCase().includes(only));
if (!CASES.length) {
  console.error(
    `No case matches BENCH_CASE="${process.env.BENCH_CASE}". Cases:\n  ${ALL.map((c) => c.name).join('\n  ')}`,
  );
  process.exit(1);
}

/**
 * The page's main-thread tasks (ms) between the bench's two marks, from a trace: the longest on the
 * clock and in CPU time, the same after the one the elements arrived in (the page's own parse runs
 * their constructors), and how many took 50 ms or more (on the clock).
 */
function traced(trace, afterArrival) {
  const events = trace.traceEvents;
  const mark = (name) => events.find((e) => e.name == name && e.cat?.includes('blink.user_timing'));
  const [start, end] = [mark('imh-bench-start'), mark('imh-bench-end')];
  const none = { longest: Infinity, cpu: Infinity, later: Infinity, laterCpu: Infinity, long: Infinity };
  if (!start || !end) return { ...none, own: Infinity, ownCpu: Infinity, ownClock: Infinity };
  const thread = (e) => `${e.pid}:${e.tid}`;
  const mine = events
    .filter((e) => e.ph == 'X' && e.dur != null && thread(e) == thread(start))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = mine.filter((e) => e.name == 'RunTask' && e.ts + e.dur > start.ts && e.ts < end.ts);
  const ms = (list, key = 'dur') => Math.max(0, ...list.map((e) => (e[key] ?? e.dur) / 1000));
  const later = tasks.filter((e) => e.ts > start.ts);
  const own = ownWork(mine, tasks);
  // The task the elements arrived in counts less the page's parse of the same markup without them
  // (worst.js's baseline, a task of its own): the elements' share is their constructors and
  // connections (Lit's, the library's, the browser's).
  const holding = (at) => at && mine.find((e) => e.name == 'RunTask' && e.ts <= at.ts && at.ts <= e.ts + e.dur);
  const [arrival, baseline] = [holding(start), holding(mark('imh-bench-baseline'))];
  const cpu = (e) => (e ? (e.tdur ?? e.dur) / 1000 : 0);
  const at = tasks.indexOf(arrival);
  if (at >= 0) own[at] = { ...own[at], own: Math.max(0, own[at].own - cpu(baseline)) };
  const arrivalOwn = at >= 0 ? own[at].own : 0;
  // Judged after the arrival: the elements' constructors are not, but what runs in that task after them
  // (their first updates, while the task's slice lasts) is, as the time from the mark to the task's end.
  const arrived = mark('imh-bench-arrived');
  if (at >= 0 && afterArrival && arrived) {
    const rest = (arrival.ts + arrival.dur - arrived.ts) / 1000;
    own[at] = { ...own[at], own: rest };
  }
  const most = own.reduce((a, b) => (b.own > a.own ? b : a), { own: 0, cpu: 0, clock: 0 });
  return {
    longest: ms(tasks),
    cpu: ms(tasks, 'tdur'),
    later: ms(later),
    laterCpu: ms(later, 'tdur'),
    long: tasks.filter((e) => e.dur >= 50_000).length,
    own: most.own,
    ownCpu: most.cpu,
    ownClock: most.clock,
    arrivalCpu: cpu(arrival),
    baselineCpu: cpu(baseline),
    arrivalOwn,
  };
}

/** Events that mark a task as a frame (the second: a frame with animation-frame callbacks). */
const FRAME = new Set(['WebFrameWidgetImpl::BeginMainFrame', 'FireAnimationFrame']);
/** Events that run script. */
const SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'v8.evaluateModule', 'RunMicrotasks', 'V8.Execute']);

/**
 * The library's own work in each task (ms of CPU time). A task counts whole (whatever the library
 * starts runs in it: its script, a JSON parse, garbage collection), except a frame: a task that
 * runs animation-frame callbacks, if any, then styles, lays out and paints the page. There only the
 * callbacks' script counts, without the style and layout one forces (the height keeper reading
 * every element's size at once, see kept-height.ts: the frame's own layout of the page, done a few
 * steps early); drawing the page is the browser's work, however much is on it.
 */
function ownWork(events, tasks) {
  const inside = (outer, e) => e !== outer && e.ts >= outer.ts && e.ts + e.dur <= outer.ts + outer.dur;
  const cpu = (e) => e.tdur ?? e.dur;
  let from = 0;
  return tasks.map((task) => {
    while (from < events.length && events[from].ts < task.ts) from++;
    const within = [];
    for (let i = from; i < events.length && events[i].ts < task.ts + task.dur; i++)
      if (inside(task, events[i])) within.push(events[i]);
    const result = { own: cpu(task) / 1000, cpu: cpu(task) / 1000, clock: task.dur / 1000 };
    if (!within.some((e) => FRAME.has(e.name))) return result;
    let own = 0;
    let until = -1;
    for (const script of within) {
      if (!SCRIPT.has(script.name) || script.ts < until) continue;
      until = script.ts + script.dur;
      let layout = 0;
      let layoutUntil = -1;
      for (const e of within)
        if (e.name == 'Document::UpdateStyleAndLayout' && inside(script, e) && e.ts >= layoutUntil) {
          layout += cpu(e);
          layoutUntil = e.ts + e.dur;
        }
      own += Math.max(0, cpu(script) - layout);
    }
    return { ...result, own: own / 1000 };
  });
}

/**
 * What the browser takes (ms of CPU time, median of 9) to lay out one element again on the settled
 * page, with none of the library's code running: an element hidden, then shown again, then laid
 * out. Every frame that draws new content on this page pays about this much, whoever drew it.
 */
async function relayout(page) {
  await page.tracing.start({ categories: ['blink', 'blink.user_timing'] });
  await page.evaluate(() => {
    const all = document.querySelectorAll(
      'imh-session-list, imh-support-card, imh-support-list, imh-first-1001-days-timeline',
    );
    for (let i = 0; i < 9; i++) {
      const el = all[Math.floor(((i + 0.5) * all.length) / 9)];
      el.style.display = 'none';
      document.body.getBoundingClientRect();
      el.style.display = '';
      performance.mark('imh-relayout');
      document.body.getBoundingClientRect();
    }
  });
  const events = JSON.parse(Buffer.from(await page.tracing.stop()).toString()).traceEvents;
  const marks = events.filter((e) => e.name == 'imh-relayout').map((e) => e.ts);
  const shown = events.filter(
    (e) =>
      e.name == 'Document::UpdateStyleAndLayout' && e.ph == 'X' && marks.some((m) => e.ts >= m && e.ts - m < 5_000),
  );
  return median(shown.map((e) => (e.tdur ?? e.dur) / 1000));
}

const server = await serve();
const browser = await launch();
const os = await import('node:os');
const cores = os.availableParallelism?.() ?? os.cpus().length;
const loads = [];

const task = (ms) => (ms ? `${ms.toFixed(0)} ms` : '< 50 ms');
const rows = [];
for (const { name, target, afterArrival } of CASES) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error (${name}):`, e.message));
    if (target)
      await page.tracing.start({
        categories: [
          'toplevel',
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'blink.user_timing',
          'blink',
          'v8',
        ],
      });
    loads.push(os.loadavg()[0]);
    await page.goto(`${server.base}/bench/worst.html?case=${encodeURIComponent(name)}`);
    await page.waitForFunction('window.__result', { timeout: 600_000, polling: 500 });
    const result = await page.evaluate('window.__result');
    if (target) result.traced = traced(JSON.parse(Buffer.from(await page.tracing.stop()).toString()), afterArrival);
    if (target && /on one feed/.test(name)) result.relayout = await relayout(page);
    runs.push(result);
    await context.close();
  }
  rows.push({
    name,
    target,
    afterArrival,
    elements: runs[0].elements,
    longest: median(runs.map((r) => r.longestTask)),
    traced: target ? median(runs.map((r) => r.traced.longest)) : undefined,
    cpu: target ? median(runs.map((r) => r.traced.cpu)) : undefined,
    later: target ? median(runs.map((r) => r.traced.later)) : undefined,
    laterCpu: target ? median(runs.map((r) => r.traced.laterCpu)) : undefined,
    long: target ? median(runs.map((r) => r.traced.long)) : undefined,
    own: target ? median(runs.map((r) => r.traced.own)) : undefined,
    ownCpu: target ? median(runs.map((r) => r.traced.ownCpu)) : undefined,
    ownClock: target ? median(runs.map((r) => r.traced.ownClock)) : undefined,
    arrivalCpu: target ? median(runs.map((r) => r.traced.arrivalCpu)) : undefined,
    baselineCpu: target ? median(runs.map((r) => r.traced.baselineCpu)) : undefined,
    arrivalOwn: target ? median(runs.map((r) => r.traced.arrivalOwn)) : undefined,
    relayout: runs[0].relayout == null ? undefined : median(runs.map((r) => r.relayout)),
    load: median(loads.splice(0)),
    total: median(runs.map((r) => r.total)),
    arrival: median(runs.map((r) => r.arrival)),
    outcomes: runs[0].outcomes,
    mb: runs[0].bytes / 1e6,
  });
}
await browser.close();
server.close();

const [load1, load5] = os.loadavg();
console.log(
  `\nWorst inputs: headless Chromium, median of ${RUNS} runs, the built bundle` +
    ` (load average ${load1.toFixed(1)}, ${load5.toFixed(1)} over 5 min, ${cores} cores)\n`,
);
console.log(`${'input'.padEnd(58)}    feed   library's own work  longest task (CPU)   settled in   outcome`);
for (const r of rows) {
  const o = r.outcomes;
  const feed = `${r.mb.toFixed(1)} MB`.padStart(7);
  const settled = `${r.total.toFixed(0)} ms`.padStart(12);
  // With a target, the traced longest task (every task, not only those of 50 ms or more).
  const longest = r.target ? `${r.traced.toFixed(0)} ms (${r.cpu.toFixed(0)})` : task(r.longest);
  const own = r.target ? `${r.own.toFixed(0)} ms` : '';
  console.log(
    `${r.name.padEnd(58)} ${feed} ${own.padStart(18)} ${longest.padStart(20)} ${settled}   ` +
      `${o.load} loaded, ${o.error} errors, ${o.issues} issues`,
  );
}
const passed = (r) => r.own <= r.target;
const failed = rows.filter((r) => r.target && !passed(r));
for (const r of rows.filter((r) => r.target))
  console.log(
    `${passed(r) ? 'ok  ' : 'FAIL'} ${r.name}: at most ${r.own.toFixed(1)} ms of the library's own work in a task ` +
      (r.afterArrival ? "besides the elements' constructors " : '') +
      `(target: no task over ${r.target} ms of it; that task took ${r.ownCpu.toFixed(1)} ms of CPU time, ` +
      `${r.ownClock.toFixed(1)} on the clock). The longest task, whoever's work: ${r.traced.toFixed(1)} ms on the ` +
      `clock, ${r.cpu.toFixed(1)} of CPU time, at load average ${r.load.toFixed(1)} with ${cores} cores; ` +
      `${r.long} tasks of 50 ms or more. The task the elements arrived in (the page's parse and their ` +
      `constructors) took ${r.arrival.toFixed(1)} ms (CPU ${r.arrivalCpu.toFixed(1)}, of which the same markup ` +
      `without the library takes ${r.baselineCpu.toFixed(1)}: the elements' share ${r.arrivalOwn.toFixed(1)}, ` +
      `${((r.arrivalOwn * 1000) / r.elements).toFixed(0)} µs an element` +
      `${r.afterArrival ? ', its constructors not judged' : ''}); ` +
      `the longest after it ${r.later.toFixed(1)} ms ` +
      `(CPU ${r.laterCpu.toFixed(1)}).` +
      (r.relayout == null
        ? ''
        : ` The browser takes ${r.relayout.toFixed(1)} ms of CPU time to lay out one element again on this ` +
          `page, with no script of the library's running.`),
  );
if (failed.length) process.exitCode = 1;
