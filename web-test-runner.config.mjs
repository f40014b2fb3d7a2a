// Element and unit tests in real browsers: headless Chromium by default; IMH_BROWSERS=all adds
// Firefox ESR and WebKit (see scripts/test.mjs, which starts WebKitWebDriver under Xvfb).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import puppeteerCore from 'puppeteer-core';
import { BrowsingContext } from 'puppeteer-core/internal/bidi/core/BrowsingContext.js';
import { countReporter } from './scripts/count-reporter.mjs';
import { BROWSERS } from './scripts/browsers.mjs';
import { existsSync } from 'node:fs';

// Every browser runs in a time zone far from London and on the other side of the equator,
// so a test fails if any code reads the device's zone where it should use the feed's.
const TZ = process.env.IMH_TEST_TZ ?? 'Pacific/Auckland';
const env = { ...process.env, TZ };
const chromeFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--lang=en-GB',
];

const chromium = chromeLauncher({
  launchOptions: { executablePath: BROWSERS.chromium.path, headless: true, args: chromeFlags, env },
});
/**
 * Debian's Firefox ESR (140.12) has no WebDriver BiDi `emulation.setScreenOrientationOverride`, which
 * puppeteer-core 24's `setViewport` sends beside `browsingContext.setViewport` and waits for with it: every
 * Firefox test file failed with "unknown command" before it ran. That one command, where the browser does
 * not know it, counts as done (no test reads the screen's orientation): `setViewport` still waits for the
 * viewport itself, and any other error fails as before.
 */
const setOrientation = BrowsingContext.prototype.setScreenOrientationOverride;
BrowsingContext.prototype.setScreenOrientationOverride = function (...args) {
  return setOrientation.apply(this, args).catch((e) => {
    if (!String(e?.message).includes('unknown command emulation.setScreenOrientationOverride')) throw e;
  });
};
const firefox = chromeLauncher({
  puppeteer: puppeteerCore,
  launchOptions: { browser: 'firefox', executablePath: BROWSERS.firefox.path, headless: true, env },
});
const webkit = webdriverLauncher({
  automationProtocol: 'webdriver',
  hostname: '127.0.0.1',
  port: Number(process.env.IMH_WEBKIT_PORT ?? 4445),
  path: '/',
  logLevel: 'error',
  capabilities: {
    browserName: 'MiniBrowser',
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': {
      binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
      args: ['--automation'],
    },
  },
});

const which = process.env.IMH_BROWSERS ?? 'chromium';

const cdpSessions = new WeakMap();
/**
 * `executeServerCommand('imh-emulate-media', { media, features: { 'forced-colors': 'active' } })`:
 * media emulation through Chromium's DevTools protocol, including forced colours, which the
 * standard emulateMedia command lacks. Returns false (and does nothing) in other browsers, so
 * tests can run their Chromium-only checks without noise elsewhere.
 */
const emulateMediaPlugin = {
  name: 'imh-emulate-media',
  async executeCommand({ command, payload, session }) {
    if (command !== 'imh-emulate-media') return undefined;
    const page = session.browser.getPage?.(session.id);
    // Emulation lasts as long as the DevTools session that set it: keep one per page.
    let cdp = cdpSessions.get(page);
    if (!cdp) {
      try {
        cdpSessions.set(page, (cdp = await page.createCDPSession()));
      } catch {
        return false; // not Chromium (Firefox speaks WebDriver BiDi; WebKit WebDriver)
      }
    }
    const features = Object.entries(payload?.features ?? {}).map(([name, value]) => ({ name, value }));
    await cdp.send('Emulation.setEmulatedMedia', { media: payload?.media ?? '', features });
    return true;
  },
};

/**
 * `executeServerCommand('imh-fail-requests', { pattern })`: from then on the test server answers
 * 404 to every request whose path contains `pattern` (until called with no pattern), so tests can
 * watch a lazily loaded file fail to load, as it would offline or with a file missing on the server.
 * `{ alone: '/dist/imh-widgets.js' }` answers 404 for every other file in dist/: a site where only
 * that one file was uploaded. `{ hold: pattern }` holds such requests open (a connection that hangs)
 * until the next call, then answers 404; `{ hold: pattern, slow: true }` then answers them as usual (a
 * file that comes late).
 */
let failing;
let alone;
let hold;
let slow;
/** Requests held open: each answers when the next command comes. */
let held = [];
const failRequestsPlugin = {
  name: 'imh-fail-requests',
  executeCommand({ command, payload }) {
    if (command !== 'imh-fail-requests') return undefined;
    failing = payload?.pattern || undefined;
    alone = payload?.alone || undefined;
    for (const release of held.splice(0)) release(slow);
    hold = payload?.hold || undefined;
    slow = !!payload?.slow;
    return true;
  },
};
const failRequests = async (ctx, next) => {
  let hung = hold && ctx.path.includes(hold);
  if (hung) hung = !(await new Promise((resolve) => held.push(resolve)));
  if (hung || (failing && ctx.path.includes(failing)) || (alone && ctx.path.startsWith('/dist/') && ctx.path != alone))
    ctx.status = 404;
  else await next();
  // Never from the browser's cache, our own files and a failure least of all: a later test file
  // asking for a file that failed here must get it, and a file an earlier test file loaded must be
  // asked for again, so a test that makes it fail sees it fail. Set as the headers are written:
  // the test runner's own middleware, outside this one, marks every file cacheable for a year.
  if (!ctx.path.startsWith('/node_modules/') && !ctx.path.startsWith('/__web-test-runner__/')) {
    const { res } = ctx;
    const writeHead = res.writeHead;
    res.writeHead = function (...args) {
      this.setHeader('Cache-Control', 'no-store');
      return writeHead.apply(this, args);
    };
  }
  return undefined;
};

/** Serves public/ at the root, as Vite does for `npm start`, so the demo page works as it does there. */
const publicDir = (context, next) => {
  const path = decodeURIComponent(context.path);
  if (!path.includes('..') && path != '/' && existsSync(`public${path}`)) context.path = `/public${path}`;
  return next();
};

/**
 * papaparse (the CSV parser the importers use) ships only a UMD build. Served to the browser as
 * an ES module with a default export, as Vite's CommonJS interop does in the builds, so importer
 * code runs in the test browsers unchanged (the feed studio runs the importers in a page).
 */
const umdAsModule = {
  name: 'imh-umd-as-module',
  transform(context) {
    if (!/\/node_modules\/papaparse\/papaparse(\.min)?\.js$/.test(context.path)) return undefined;
    const head = 'const module = { exports: {} };\nconst exports = module.exports;\n';
    return { body: `${head}${context.body}\nexport default module.exports;\n` };
  },
};

/**
 * Serves test/fixtures/packs/ as `imh-translations/` beside the script (the bundle in dist/, and
 * src/packs.ts in the tests), where a council publishes translation packs.
 */
const packsBesideScript = (context, next) => {
  const m = /^\/(?:src|dist|dist\/autoloader)\/imh-translations\/([\w-]+\.json)$/.exec(context.path);
  if (m) context.path = `/test/fixtures/packs/${m[1]}`;
  return next();
};

export default {
  // test/node/ holds Node-only tests of plain modules (scripts/test.mjs runs them).
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: true,
  middleware: [failRequests, publicDir, packsBesideScript],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2021', tsconfig: 'tsconfig.json' }),
    emulateMediaPlugin,
    umdAsModule,
    failRequestsPlugin,
  ],
  browsers:
    which === 'all' ? [chromium, firefox, webkit] : which.split(',').map((b) => ({ chromium, firefox, webkit })[b]),
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
  // Lit's one-line dev-mode notice is expected in tests; anything else the code logs is shown.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
