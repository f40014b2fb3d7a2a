// npm run bench (third part, issue 12): the worst inputs found by fuzzing, read by real elements
// from the built bundle in headless Chromium: the longest task (the Long Tasks API reports those of
// 50 ms or more), the time until every element has settled, and what they reported. Median of
// BENCH_RUNS runs (default 3: some cases are slow on purpose before the fixes).
import { launch, median, serve } from './harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS_WORST ?? 3);
const CASES = [
  'email of 120,000 characters',
  'a value nested 1,000,000 deep',
  'a value nested 5,000 deep where a word belongs',
  '5,000 schedules from the year 0000 with a count',
  '5,000 weekly schedules from 2000 with a count of 10,000',
  '5,000 schedules that never fall (30 February)',
  '200 support cards on one feed',
];
const server = await serve();
const browser = await launch();

const task = (ms) => (ms ? `${ms.toFixed(0)} ms` : '< 50 ms');
const rows = [];
for (const name of CASES) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`page error (${name}):`, e.message));
    await page.goto(`${server.base}/bench/worst.html?case=${encodeURIComponent(name)}`);
    await page.waitForFunction('window.__result', { timeout: 600_000, polling: 500 });
    runs.push(await page.evaluate('window.__result'));
    await context.close();
  }
  rows.push({
    name,
    longest: median(runs.map((r) => r.longestTask)),
    total: median(runs.map((r) => r.total)),
    outcomes: runs[0].outcomes,
    mb: runs[0].bytes / 1e6,
  });
}
await browser.close();
server.close();

console.log(`\nWorst inputs: headless Chromium, median of ${RUNS} runs, the built bundle\n`);
console.log('input                                                      feed     longest task   settled in   outcome');
for (const r of rows) {
  const o = r.outcomes;
  const feed = `${r.mb.toFixed(1)} MB`.padStart(7);
  const settled = `${r.total.toFixed(0)} ms`.padStart(12);
  console.log(
    `${r.name.padEnd(58)} ${feed} ${task(r.longest).padStart(14)} ${settled}   ` +
      `${o.load} loaded, ${o.error} errors, ${o.issues} issues`,
  );
}
