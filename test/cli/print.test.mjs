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
  if (dir && !process.env.IMH_KEEP_PDF) rmSync(dir, { recursive: true, force: true });
  else if (dir) console.log(`PDFs kept in ${dir}`);
});

/**
 * Opens a page with the given elements (each gets the example feed, or `data`), waits for their content
 * (a first item or card: a long list goes on drawing in parts). `before` runs in the page first.
 */
async function open(body, data = feed, before = () => {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => ['error', 'warn'].includes(m.type()) && errors.push(m.text()));
  await page.goto(origin);
  await page.setContent(`<!doctype html><html lang="en-GB"><body>${body}</body></html>`);
  await page.evaluate(before);
  await page.addScriptTag({ url: `${origin}/imh-widgets.js`, type: 'module' });
  await page.evaluate(async (data) => {
    const elements = [...document.querySelectorAll('imh-session-list, imh-support-list')];
    for (const el of elements) el.data = data;
    const ready = (el) => el.shadowRoot?.querySelector('.item, .card');
    for (let i = 0; i < 200 && !elements.every(ready); i++) await new Promise((r) => setTimeout(r, 50));
  }, data);
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

test('a list printed while it is still drawn in parts prints whole: its last service is on paper', async () => {
  // 120 services: a list this long is drawn over several frames (internal/pace.ts); printing draws the rest at once.
  const routine = feed.services.find((s) => (s.urgency ?? 'routine') == 'routine');
  const services = Array.from({ length: 120 }, (_, i) => ({ ...routine, id: `many-${i}`, name: `Service ${i + 1}` }));
  const { page, errors } = await open(
    `<imh-support-list now="${NOW}" no-controls></imh-support-list>`,
    {
      ...feed,
      services,
    },
    () => {
      // Before the script's own listener: how many cards were drawn when printing began.
      addEventListener('beforeprint', () => {
        window.drawnAtPrint = document.querySelector('imh-support-list').shadowRoot.querySelectorAll('.card').length;
      });
    },
  );
  const pages = await pdfPages(page, 'long-list');
  const drawnAtPrint = await page.evaluate(() => window.drawnAtPrint);
  assert.ok(drawnAtPrint > 0 && drawnAtPrint < 120, `printed while drawn in parts (${drawnAtPrint} of 120 drawn)`);
  const all = oneLine(pages.join(' '));
  for (const name of ['Service 1', 'Service 60', 'Service 120']) assert.match(all, new RegExp(`\\b${name}\\b`));
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

/**
 * "Print for a family" on a session list (or a support list): opens the dialog, chooses the family's
 * language, presses Print (the page's print() stubbed: Chromium's PDF is the printer here) and waits
 * for the sheet.
 */
async function familySheet(locale, attrs = '', every = false, tag = 'imh-session-list') {
  const opened = await open(`<${tag} now="${NOW}" limit="4" family-sheet ${attrs}></${tag}>`);
  const { page } = opened;
  await page.evaluate(
    async (locale, every, tag) => {
      window.print = () => (window.printed = true);
      const list = document.querySelector(tag);
      list.shadowRoot.querySelector('button.family').click();
      const dialog = () => list.shadowRoot.querySelector('dialog[open]');
      for (let i = 0; i < 200 && !dialog(); i++) await new Promise((r) => setTimeout(r, 25));
      if (every) for (const box of dialog().querySelectorAll('input[type=checkbox]')) if (!box.checked) box.click();
      const select = dialog().querySelector('select');
      select.value = locale;
      select.dispatchEvent(new Event('change'));
      dialog().querySelector('button[type=submit]').click();
      for (let i = 0; i < 200 && !window.printed; i++) await new Promise((r) => setTimeout(r, 25));
    },
    locale,
    every,
    tag,
  );
  return opened;
}

/** A PDF page drawn by pdftoppm (poppler-utils) at 150 dpi, as RGBA pixels for jsQR. */
function pdfPixels(file) {
  const ppm = execFileSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', file], { maxBuffer: 64 << 20 });
  const [, w, h] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  const header = ppm.length - w * h * 3;
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let i = 0, j = header; i < rgba.length; i += 4, j += 3) {
    rgba[i] = ppm[j];
    rgba[i + 1] = ppm[j + 1];
    rgba[i + 2] = ppm[j + 2];
    rgba[i + 3] = 255;
  }
  return { data: rgba, width: Number(w), height: Number(h) };
}

test('Print for a family: one A4 page for the sessions shown, only the sheet, its QR code opens the page', async () => {
  const { page, errors } = await familySheet('en-GB');
  const file = join(dir, 'family-en.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim());
  assert.equal(pages.length, 1, 'one page');
  const all = oneLine(pages[0]);
  assert.match(all, /Sessions for you and your baby/);
  assert.match(all, /Printed on Monday 2 November 2026|Printed on 2 November 2026/);
  assert.match(all, /Next dates/);
  // Only the sheet: not the list itself, nor the dialog.
  assert.doesNotMatch(all, /Print for a family|Sessions to print|Add to calendar|Show more sessions/);
  // The QR code, read from the printed page's pixels, is the page's address.
  const { default: jsQR } = await import('jsqr');
  const { data, width, height } = pdfPixels(file);
  const code = jsQR(data, width, height);
  assert.ok(code, 'a QR code on the page');
  assert.equal(code.data, await page.evaluate(() => location.href.split('#')[0]));
  assert.deepEqual(errors, []);
});

test('Print for a family in Urdu: right to left on paper, in Urdu, the feed in Urdu where it has it', async () => {
  const { page, errors } = await familySheet('ur');
  const { lang, dir } = await page.evaluate(() => {
    const s = document.querySelector('imh-family-sheet').shadowRoot.querySelector('.sheet');
    return { lang: s.lang, dir: s.dir };
  });
  assert.deepEqual({ lang, dir }, { lang: 'ur', dir: 'rtl' });
  const pages = await pdfPages(page, 'family-ur');
  assert.equal(pages.length, 1, 'one page');
  const all = oneLine(pages.join(' '));
  // (Words without ے: this machine's fonts have no glyph for it, so pdftotext cannot read it back.)
  for (const words of ['اگلی تاریخیں', 'کہاں', 'مفت', 'پرنٹ کیا گیا']) assert.ok(all.includes(words), words);
  // Right to left on paper: the title stands at the right of the page, the QR code at the left.
  const lines = pages[0].split('\n');
  const title = lines.find((l) => l.includes('سیشن'));
  const scan = lines.find((l) => l.includes('http://'));
  assert.ok(title.search(/\S/) > 30, `the title at the right: ${JSON.stringify(title)}`);
  assert.ok(scan.search(/\S/) < 10, `the address under the QR code at the left: ${JSON.stringify(scan)}`);
  // A feed session's Urdu name, where the feed has one.
  const urdu = feed.sessions.map((s) => s.name?.ur).filter(Boolean);
  assert.ok(
    urdu.some((n) => all.includes(n.split(' ')[0])),
    'a session named in Urdu',
  );
  // Times read left to right: "10:00–11:00" as written, not reversed.
  assert.match(all, /\d{1,2}:\d{2}–\d{1,2}:\d{2}/);
  assert.deepEqual(errors, []);
});

test('Print for a family, every session: two pages or more, and no card split across two', async () => {
  const { page, errors } = await familySheet('en-GB', '', true);
  // Each card's text, as the sheet has it.
  const cards = await page.evaluate(() =>
    [...document.querySelector('imh-family-sheet').shadowRoot.querySelectorAll('.card')].map((c) => c.textContent),
  );
  assert.ok(cards.length >= 12, `${cards.length} sessions`);
  const file = join(dir, 'family-every.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
  // Text in the order the PDF draws it (a card's text together, even in two columns), page by page.
  const squeeze = (text) => text.replace(/\s+/g, '');
  const pages = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim())
    .map(squeeze);
  assert.ok(pages.length >= 2 && pages.length <= 4, `${pages.length} pages`);
  // Every card whole on one page: its whole text found on a single page.
  for (const text of cards) {
    const whole = squeeze(text);
    assert.ok(
      pages.some((p) => p.includes(whole)),
      `split or missing: ${text.replace(/\s+/g, ' ').trim().slice(0, 80)}`,
    );
  }
  // The cards go on after the first page (none left out).
  assert.ok(
    pages.slice(1).some((p) => cards.some((c) => p.includes(squeeze(c)))),
    'cards on the second page',
  );
  assert.deepEqual(errors, []);
});

test('Print for a family in Urdu, every session: phone numbers read left to right on paper', async () => {
  const { page, errors } = await familySheet('ur', '', true);
  const pages = await pdfPages(page, 'family-every-ur');
  const all = oneLine(pages.join(' '));
  // Each booking phone number printed in its own order ("01632 960 214"), never reordered by the
  // right-to-left text around it ("214 960 01632").
  const phones = [...new Set(feed.sessions.map((s) => s.booking?.phone).filter(Boolean))];
  assert.ok(phones.length > 0);
  for (const phone of phones) assert.ok(all.includes(phone), `${phone} as written`);
  assert.deepEqual(errors, []);
});

test('Print for a family, every service (support list): urgency in words, phones as written, cards whole', async () => {
  const { page, errors } = await familySheet('en-GB', '', true, 'imh-support-list');
  const cards = await page.evaluate(() =>
    [...document.querySelector('imh-family-sheet').shadowRoot.querySelectorAll('.card')].map((c) => c.textContent),
  );
  assert.equal(cards.length, feed.services.length, 'every service');
  const file = join(dir, 'family-services.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim());
  assert.ok(text.length >= 1 && text.length <= 3, `${text.length} pages`);
  const squeeze = (t) => t.replace(/\s+/g, '');
  for (const card of cards)
    assert.ok(
      text.some((p) => squeeze(p).includes(squeeze(card))),
      `split or missing: ${card.replace(/\s+/g, ' ').trim().slice(0, 80)}`,
    );
  const all = oneLine(text.join(' '));
  assert.match(all, /Support for you and your baby/);
  assert.match(all, /Printed on (Monday )?2 November 2026/);
  // Urgency in words, emergency first; every phone number as the feed writes it.
  assert.match(all, /Emergency/);
  assert.match(all, /Urgent/);
  for (const s of feed.services)
    for (const p of s.contact?.phones ?? []) assert.ok(all.includes(p.number), `${p.number} as written`);
  // Only the sheet, and its QR code opens the page.
  assert.doesNotMatch(all, /Print for a family|Services to print|Skip to search/);
  const { default: jsQR } = await import('jsqr');
  const { data, width, height } = pdfPixels(file);
  assert.equal(jsQR(data, width, height)?.data, await page.evaluate(() => location.href.split('#')[0]));
  assert.deepEqual(errors, []);
});

test('Print for a family in Urdu, every service (support list): phone numbers left to right on paper', async () => {
  const { page, errors } = await familySheet('ur', '', true, 'imh-support-list');
  const dir = await page.evaluate(
    () => document.querySelector('imh-family-sheet').shadowRoot.querySelector('.sheet').dir,
  );
  assert.equal(dir, 'rtl');
  const pages = await pdfPages(page, 'family-services-ur');
  assert.ok(pages.length >= 1 && pages.length <= 3, `${pages.length} pages`);
  const all = oneLine(pages.join(' '));
  // Each number printed in its own order ("0808 1961 776"), never reordered by the Urdu around it.
  const phones = feed.services.flatMap((s) => (s.contact?.phones ?? []).map((p) => p.number));
  assert.ok(phones.length > 0);
  for (const phone of phones) assert.ok(all.includes(phone), `${phone} as written`);
  assert.deepEqual(errors, []);
});
