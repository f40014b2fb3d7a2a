// Runs every test and ends with one line, "N passed, N failed", for people and CI alike:
//   1. browser tests with web-test-runner (Chromium; `--browsers all` adds Firefox ESR and WebKit),
//   2. Node tests with node's own test runner: the command line, and plain TypeScript modules.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'node:net';

const all = process.argv.includes('--browsers') && process.argv[process.argv.indexOf('--browsers') + 1] === 'all';
const totals = { passed: 0, failed: 0 };
/** Every failed test by name, printed above the last line (a CI log is often read from its end). */
const failures = [];

const waitForPort = (port, ms) =>
  new Promise((resolve, reject) => {
    const end = Date.now() + ms;
    const tryOnce = () => {
      const s = createConnection(port, '127.0.0.1');
      s.once('connect', () => (s.end(), resolve()));
      s.once('error', () =>
        Date.now() > end ? reject(new Error(`nothing listening on ${port}`)) : setTimeout(tryOnce, 200),
      );
    };
    tryOnce();
  });

// 1. Browser tests
let driver;
if (all) {
  const port = process.env.IMH_WEBKIT_PORT ?? '4445';
  // Under Xvfb (MiniBrowser needs a display), in the same time zone as the other browsers.
  driver = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], {
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, TZ: process.env.IMH_TEST_TZ ?? 'Pacific/Auckland' },
  });
  await waitForPort(Number(port), 20_000);
}
rmSync('.wtr-results.json', { force: true });
const wtr = spawnSync('node_modules/.bin/web-test-runner', [], {
  stdio: 'inherit',
  env: { ...process.env, IMH_BROWSERS: all ? 'all' : 'chromium' },
});
if (driver) process.kill(-driver.pid, 'SIGTERM');
if (existsSync('.wtr-results.json')) {
  const r = JSON.parse(readFileSync('.wtr-results.json', 'utf8'));
  totals.passed += r.passed;
  totals.failed += r.failed + r.errors;
  failures.push(...r.failures);
}
if (wtr.status !== 0 && totals.failed === 0) {
  totals.failed++; // the runner itself failed
  failures.push(`web-test-runner exited with ${wtr.status ?? wtr.signal}`);
}

// 2. Node tests: the command line (test/cli/*.test.mjs, against the built dist/) and plain
//    TypeScript modules with no DOM, such as the importers (test/node/**/*.test.ts, through tsx).
const nodeTests = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.test.ts'))
        .sort()
        .map((f) => join(dir, f))
    : [];
const runNode = (name, args) => {
  const r = spawnSync(process.execPath, [...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  const pass = /^\S*\s*pass (\d+)$/m.exec(r.stdout);
  const fail = /^\S*\s*fail (\d+)$/m.exec(r.stdout);
  totals.passed += Number(pass?.[1] ?? 0);
  totals.failed += Number(fail?.[1] ?? 0) + (r.status !== 0 && !Number(fail?.[1]) ? 1 : 0);
  // The spec reporter lists the failed tests again after "✖ failing tests:": "test at <file:line:column>",
  // "✖ <name> (<time>)", then the error, indented.
  const list = r.stdout.split(/^✖ failing tests:$/m)[1] ?? '';
  const named = [...list.matchAll(/^test at (\S+)\n✖ (.+?)(?: \([\d.]+m?s\))?\n\s*(.*)$/gm)].map(
    ([, at, test, error]) => `Node · ${at} · ${test}: ${error}`,
  );
  failures.push(...named);
  if (r.status !== 0 && !named.length) failures.push(`${name}: node --test exited with ${r.status ?? r.signal}`);
};
runNode('test/cli', ['--test', '--test-reporter=spec', 'test/cli/']);
const tsTests = nodeTests('test/node');
if (tsTests.length) runNode('test/node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...tsTests]);

if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
