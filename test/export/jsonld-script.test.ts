// The JSON-LD script block in a real HTML parser (each browser's own): no feed text can end the
// script element, open a comment that swallows the page, or add markup, and the data reads back.
import { expect } from '@open-wc/testing';
import { feedJsonLd, jsonLdScript } from '../../src/export/jsonld.js';
import { validateFeed } from '../../src/feed/index.js';

const hostile = [
  '</script><img src=x onerror="window.__pwned=1"><script>',
  '<!--<script>',
  '</SCRIPT >',
  '--><b>bold</b>',
  'A\u2028B\u2029C & D',
];

const feed = validateFeed({
  version: 1,
  places: [
    {
      id: 'hub',
      name: hostile[2],
      address: { street: hostile[1], postcode: 'WV10 8TG' },
    },
  ],
  sessions: hostile.map((name, i) => ({
    id: `s${i}`,
    name,
    description: hostile[(i + 1) % hostile.length],
    place: 'hub',
    schedule: { repeatFrequency: 'P1W', byDay: ['MO'], startTime: '10:00', endTime: '11:00', startDate: '2026-09-07' },
    cost: { free: true, note: hostile[(i + 2) % hostile.length] },
  })),
  services: [
    {
      id: 'line',
      name: hostile[0],
      area: hostile[4],
      contact: { phones: [{ number: '0800 000 000', note: hostile[1] }] },
    },
  ],
}).feed;

/** The page an editor gets after pasting the block into a CMS. */
const page = (block: string) =>
  new DOMParser().parseFromString(
    `<!doctype html><title>t</title><p id="before">before</p>${block}<p id="after">after</p>`,
    'text/html',
  );

describe('JSON-LD script block', () => {
  const { data } = feedJsonLd(feed, { now: new Date('2026-11-20T12:00:00Z'), days: 14, translations: 'all' });

  it('stays one script element whose text is the same JSON, with the page after it intact', () => {
    for (const space of [undefined, 2]) {
      const doc = page(jsonLdScript(data, space));
      const scripts = doc.querySelectorAll('script');
      expect(scripts.length).to.equal(1);
      expect(scripts[0].type).to.equal('application/ld+json');
      expect(JSON.parse(scripts[0].textContent!)).to.deep.equal(data);
      expect(doc.getElementById('after')?.textContent).to.equal('after');
      expect(doc.querySelectorAll('img, b').length).to.equal(0);
      expect(doc.body.childElementCount).to.equal(3);
    }
  });

  it('(control) the same data written with JSON.stringify alone does break out', () => {
    const doc = page(`<script type="application/ld+json">${JSON.stringify(data)}</script>`);
    expect(doc.querySelectorAll('script').length + doc.querySelectorAll('img').length).to.be.greaterThan(1);
  });
});
