// npm run bench, after the build: every part of the benchmark, one after another, each to its end
// even when an earlier one missed a target (a part exits non-zero then), so one miss does not hide
// the other parts' figures. Ends with a line per part and exits non-zero if any part missed or failed.
// `node bench/all.mjs run pages` runs only the parts named.
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

const PARTS = {
  run: 'the session list against a hand-written baseline (bench/run.mjs)',
  pages: 'real pages with the built elements (bench/pages.mjs)',
  worst: 'the worst inputs and many elements on one feed (bench/worst.mjs)',
};
const asked = process.argv.slice(2);
const unknown = asked.filter((p) => !(p in PARTS));
if (unknown.length) {
  console.error(`No part named ${unknown.join(', ')}. Parts: ${Object.keys(PARTS).join(', ')}`);
  process.exit(2);
}
const load = () =>
  loadavg()
    .slice(0, 2)
    .map((l) => l.toFixed(1))
    .join(', ');

const results = [];
for (const part of asked.length ? asked : Object.keys(PARTS)) {
  const started = Date.now();
  console.log(`\n=== ${PARTS[part]} (load average ${load()}) ===`);
  const { status, signal, error } = spawnSync(process.execPath, [new URL(`${part}.mjs`, import.meta.url).pathname], {
    stdio: 'inherit',
  });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  // A part exits 1 when it missed a target (it printed which) and also when it broke (an error).
  const outcome = error
    ? `could not start: ${error.message}`
    : signal
      ? `stopped by ${signal}`
      : status == 0
        ? 'ok'
        : `MISSED or FAILED (exit ${status}): see its output above`;
  results.push({ part, ok: status == 0, line: `${part.padEnd(6)} ${outcome}, ${minutes} min` });
}

console.log(`\nBench summary (load average now ${load()}):`);
for (const r of results) console.log(`  ${r.line}`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
