// Runs every test and ends with one line, "N passed, N failed", for people and CI alike:
//   1. browser tests with web-test-runner (Chromium; `--browsers all` adds Firefox ESR and WebKit),
//   2. the command-line validator's tests with node's own test runner.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';

const all = process.argv.includes('--browsers') && process.argv[process.argv.indexOf('--browsers') + 1] === 'all';
const totals = { passed: 0, failed: 0 };

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
}
if (wtr.status !== 0 && totals.failed === 0) totals.failed++; // the runner itself failed

// 2. Command-line tests (Node)
const cli = spawnSync(process.execPath, ['--test', '--test-reporter=spec', 'test/cli/'], { encoding: 'utf8' });
process.stdout.write(cli.stdout);
process.stderr.write(cli.stderr);
const pass = /^\S*\s*pass (\d+)$/m.exec(cli.stdout);
const fail = /^\S*\s*fail (\d+)$/m.exec(cli.stdout);
totals.passed += Number(pass?.[1] ?? 0);
totals.failed += Number(fail?.[1] ?? 0) + (cli.status !== 0 && !Number(fail?.[1]) ? 1 : 0);

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
