// Print styles (issue 15, "Paper and sharing"): the elements printed by Chromium to PDF, read back with
// pdftotext (poppler-utils). On paper there are no controls (filters, buttons, the skip link, "Add to
// calendar"), web addresses are written out after their links' text, the content of closed details is
// printed, no service card is split across two pages, and the page count stays sane.
// Needs the script-tag bundle: `npx vite build --mode bundle` (npm test builds it first).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { BROWSERS } from '../../scripts/browsers.mjs';

const root = new URL('../../', import.meta.url).pathname;
const bundle = join(root, 'dist/imh-widgets.js');
const feed = JSON.parse(readFileSync(join(root, 'public/example-feed.json'), 'utf8'));
const NOW = '2026-11-02T09:00';
const en = (text) => (typeof text == 'string' ? text : text.en);

let browser;
let dir;
let server;
let origin;
before(async () => {
  assert.ok(existsSync(bundle), 'build the script-tag bundle first (npx vite build --mode bundle)');
  dir = mkdtempSync(join(tmpdir(), 'imh-print-'));
  // The bundle and its lazy chunks, served from dist/ (module scripts do not load from file:).
  server = createServer((req, res) => {
    const path = join(root, 'dist', new URL(req.url, 'http://x').pathname);
    if (req.url == '/') return res.end('<!doctype html><title>print</title>');
    if (req.url == '/favicon.ico') return res.writeHead(204).end();
    if (!path.startsWith(join(root, 'dist')) || !existsSync(path)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(path));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({
    executablePath: BROWSERS.chromium.path,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    env: { ...process.env, TZ: 'Europe/London' },
  });
});
after(async () => {
  await browser?.close();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens a page with the given elements (each gets the example feed as `data`), waits for their content. */
async function open(body) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => ['error', 'warn'].includes(m.type()) && errors.push(m.text()));
  await page.goto(origin);
  await page.setContent(`<!doctype html><html lang="en-GB"><body>${body}</body></html>`);
  await page.addScriptTag({ url: `${origin}/imh-widgets.js`, type: 'module' });
  await page.evaluate(async (data) => {
    const elements = [...document.querySelectorAll('imh-session-list, imh-support-list')];
    for (const el of elements) el.data = data;
    const ready = (el) => el.shadowRoot?.querySelector('.item, .card');
    for (let i = 0; i < 200 && !elements.every(ready); i++) await new Promise((r) => setTimeout(r, 50));
  }, feed);
  return { page, errors };
}

/** The PDF's text, page by page. */
async function pdfPages(page, name) {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim());
}
const oneLine = (text) => text.replace(/\s+/g, ' ');

test('the support list on paper: no controls, web addresses written out, no card split, sane length', async () => {
  const { page, errors } = await open(`<imh-support-list now="${NOW}"></imh-support-list>`);
  const screen = await page.evaluate(() => document.querySelector('imh-support-list').shadowRoot.textContent);
  // The controls are there on screen…
  assert.match(screen, /Skip to search and all services/);
  assert.match(screen, /Search/);
  const pages = await pdfPages(page, 'support-list');
  const all = oneLine(pages.join(' '));
  // …and not on paper.
  assert.doesNotMatch(all, /Skip to search/);
  assert.doesNotMatch(all, /\bSearch\b/);
  // Web addresses after their links' text: every service's website, written out.
  const sites = feed.services.map((s) => s.contact?.url).filter(Boolean);
  assert.ok(sites.length > 0);
  for (const url of sites) {
    const host = new URL(url).host;
    assert.ok(all.includes(`(${url.split('://')[0]}://${host}`), `${url} written out`);
  }
  // No card split across two pages: each service's name and its last line (phone number, or the
  // written-out website) are on the same page.
  for (const s of feed.services) {
    const name = en(s.name);
    const on = pages.map((p, i) => (oneLine(p).includes(name) ? i : -1)).filter((i) => i >= 0);
    assert.ok(on.length >= 1, `${name} printed`);
    if (s.contact?.url) {
      const site = pages.findIndex((p) => oneLine(p).replace(/ /g, '').includes(s.contact.url.replace(/\/$/, '')));
      assert.ok(on.includes(site), `${name}: its name and its website on the same page`);
    }
  }
  // 16 services on A4: a few pages, not one per card.
  assert.ok(pages.length >= 2 && pages.length <= 8, `${pages.length} pages`);
  assert.deepEqual(errors, []);
});

test('the session list on paper: no filters or calendar, closed details printed, then closed again', async () => {
  const { page, errors } = await open(
    `<imh-session-list now="${NOW}" filters limit="4"></imh-session-list>` +
      `<imh-session-list now="${NOW}" layout="compact" limit="3"></imh-session-list>`,
  );
  const { screen, description } = await page.evaluate(async () => {
    const list = document.querySelector('imh-session-list');
    for (let i = 0; i < 100 && !list.shadowRoot.querySelector('.filters'); i++)
      await new Promise((r) => setTimeout(r, 50));
    const d = list.shadowRoot.querySelector('details:not(.calendar) p, details:not(.calendar) div');
    return { screen: list.shadowRoot.textContent, description: d?.textContent.trim() };
  });
  assert.match(screen, /Add to calendar/);
  assert.match(screen, /Clear filters|Search/);
  assert.ok(description, 'a session with a description in closed details');
  const closed = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('imh-session-list')].flatMap((l) =>
        [...l.shadowRoot.querySelectorAll('details')].filter((d) => !d.open).map((d) => d.className),
      ),
    );
  const before = await closed();
  assert.ok(
    before.some((c) => c == 'more'),
    'the compact list has closed details',
  );
  const pages = await pdfPages(page, 'session-list');
  const all = oneLine(pages.join(' '));
  assert.doesNotMatch(all, /Add to calendar/);
  assert.doesNotMatch(all, /Clear filters/);
  assert.doesNotMatch(all, /\bSearch\b/);
  assert.ok(all.includes(oneLine(description).slice(0, 40)), 'closed details printed');
  assert.ok(pages.length >= 1 && pages.length <= 6, `${pages.length} pages`);
  // After printing, the details are as the reader left them.
  assert.deepEqual(await closed(), before);
  assert.deepEqual(errors, []);
});

test('the timeline on paper: every stage title printed (its heading is a button), the other buttons not', async () => {
  const { page, errors } = await open(`<imh-first-1001-days-timeline now="${NOW}"></imh-first-1001-days-timeline>`);
  const titles = await page.evaluate(async () => {
    const el = document.querySelector('imh-first-1001-days-timeline');
    const stages = () => [...(el.shadowRoot?.querySelectorAll('[part~="stage-heading"]') ?? [])];
    for (let i = 0; i < 200 && stages().length < 8; i++) await new Promise((r) => setTimeout(r, 50));
    return stages().map((h) => h.textContent.replace(/\s+/g, ' ').trim());
  });
  assert.equal(titles.length, 8, 'the eight built-in stages');
  const all = oneLine((await pdfPages(page, 'timeline')).join(' '));
  for (const title of ['Pregnancy: weeks 1 to 13', 'Birth and the first two weeks', 'One to two years']) {
    assert.ok(all.includes(title), `"${title}" printed`);
  }
  assert.doesNotMatch(all, /Show all stages|Show my 1001 days/);
  assert.deepEqual(errors, []);
});
