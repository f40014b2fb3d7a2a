// The README's pictures of the elements, taken in headless Chromium from the built package and the example feed:
//   npm run build && node scripts/readme-pictures.mjs
// Writes docs/screenshots/readme-*.png. Run it again after a change that shows, and look at each picture before
// committing it (each is cut to its element's first screenful; none is compared in CI).
import { writeFileSync } from 'node:fs';
import { serve, launch } from '../bench/harness.mjs';

const MONDAY = '2026-11-23T08:00';
const pictures = [
  {
    name: 'readme-session-list',
    width: 760,
    height: 980,
    open: true,
    body: `<h2>What's on</h2><imh-session-list filters now="${MONDAY}" limit="3"></imh-session-list>`,
  },
  {
    name: 'readme-session-list-ar-320',
    width: 320,
    height: 900,
    html: 'lang="ar" dir="rtl"',
    body: `<imh-session-list now="${MONDAY}" limit="2"></imh-session-list>`,
  },
  {
    name: 'readme-timeline',
    width: 760,
    height: 900,
    body: `<h2>The first 1001 days</h2><imh-first-1001-days-timeline></imh-first-1001-days-timeline>`,
  },
  {
    name: 'readme-support-list',
    width: 760,
    height: 900,
    body: `<h2>Where to get help</h2><imh-support-list></imh-support-list>`,
  },
  {
    name: 'readme-themes',
    width: 1240,
    height: 640,
    body: `<div style="display: grid; grid-template-columns: repeat(4, 1fr); gap: 16px; align-items: start">${[
      'nhs',
      'govuk',
      'charity',
      'dark',
    ]
      .map(
        (t) => `<div><p style="font: 14px sans-serif; margin: 0 0 4px">theme="${t}"</p>
        <imh-support-card service="nhs-111" theme="${t}"></imh-support-card></div>`,
      )
      .join('')}</div>`,
  },
];

const { base, close } = await serve();
const browser = await launch();
try {
  for (const p of pictures) {
    const page = await browser.newPage();
    await page.setViewport({ width: p.width, height: p.height, deviceScaleFactor: 1 });
    await page.goto(`${base}/bench/session-list.html?variant=none`).catch(() => {});
    await page.setContent(`<!doctype html><html ${p.html ?? 'lang="en-GB"'}><head><meta charset="utf-8">
      <meta name="imh-feed" content="${base}/public/example-feed.json"></head>
      <body style="margin: 16px; font-family: Arial, sans-serif">${p.body}
      <script type="module" src="${base}/dist/imh-widgets.js"></script></body></html>`);
    // Every element on the page shows its feed, and has drawn all it will.
    await page.waitForFunction(
      () => {
        const els = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('imh-'));
        return els.length && els.every((e) => e.shadowRoot?.querySelector('[part=base], [part=card], [part=stage]'));
      },
      { timeout: 60000 },
    );
    await page.evaluate(async (open) => {
      const els = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('imh-'));
      await Promise.all(els.map((e) => e.updateComplete));
      if (open) {
        const menu = els[0].shadowRoot.querySelector('details.calendar');
        menu.open = true;
      }
      await new Promise((r) => setTimeout(r, 600));
      await Promise.all(els.map((e) => e.updateComplete));
    }, !!p.open);
    writeFileSync(`docs/screenshots/${p.name}.png`, await page.screenshot({ fullPage: false }));
    console.log(`docs/screenshots/${p.name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  close();
}
