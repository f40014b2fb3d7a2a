import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/support-card/support-card.js';
import { clearFeedCache, forgetFeed } from '../../src/feed/index.js';
import { keepHeight, keptHeight } from '../../src/internal/kept-height.js';
import { exampleFeed } from '../fixtures/example.js';
import { json, stubFetch } from '../fixtures/network.js';
import { expectQuietConsole } from '../fixtures/quiet.js';

const FEED = 'https://feeds.example.org/kept-height.json';
const KEY = 'imh-widgets:heights:v1';
const card = () =>
  html`<div style="inline-size: 40rem"><imh-support-card feed=${FEED} service="camhs-under-5s" now="2026-11-23T12:00"></imh-support-card></div>`;
const heightOf = (el: Element) => el.getBoundingClientRect().height;
const widthOf = (el: Element) => el.getBoundingClientRect().width;
/** The next frame: what the page shows is what it paints. */
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

describe('the loading placeholder keeps the height the content took last time', () => {
  expectQuietConsole();
  let net: ReturnType<typeof stubFetch> | undefined;
  beforeEach(() => {
    localStorage.removeItem(KEY);
    clearFeedCache();
    forgetFeed(FEED);
  });
  afterEach(() => {
    net?.restore();
    fixtureCleanup();
    localStorage.removeItem(KEY);
    forgetFeed(FEED);
  });

  it('so a repeat visit does not move the page when the content arrives', async () => {
    const data = await exampleFeed();
    // First visit: the content arrives and its height is kept.
    net = stubFetch(() => json(data));
    const first = (await fixture(card())).firstElementChild!;
    await waitUntil(() => first.shadowRoot!.querySelector('[part~=card]'), 'first visit did not render');
    const height = heightOf(first);
    // Kept from the browser's own layout (a ResizeObserver), once the content shows.
    await waitUntil(() => keptHeight(first, widthOf(first)), 'no height kept');
    expect(keptHeight(first, widthOf(first))).to.be.closeTo(height, 0.02);
    fixtureCleanup();
    clearFeedCache();
    forgetFeed(FEED);

    // Next visit: the placeholder holds that room until the feed arrives, then nothing moves.
    let arrive!: () => void;
    net = stubFetch(() => new Promise((r) => (arrive = () => r(json(data)))));
    const wrap = await fixture(html`<div>${card()}<p id="after">Page footer</p></div>`);
    const again = wrap.querySelector('imh-support-card')!;
    await waitUntil(() => again.shadowRoot!.querySelector('.placeholder'), 'no placeholder');
    await frame();
    const footer = wrap.querySelector('#after')!;
    const before = footer.getBoundingClientRect().top;
    expect(heightOf(again)).to.be.closeTo(height, 0.02);
    arrive();
    await waitUntil(() => again.shadowRoot!.querySelector('[part~=card]'), 'next visit did not render');
    expect(footer.getBoundingClientRect().top).to.be.closeTo(before, 0.02);
  });

  it('is not used at another width, and keeps at most 40 entries', async () => {
    const el = document.createElement('imh-support-card');
    el.setAttribute('service', 'gp');
    keepHeight(el, 480, 321.5);
    expect(keptHeight(el, 480)).to.equal(321.5);
    expect(keptHeight(el, 482), 'the same 8 px band').to.equal(321.5);
    expect(keptHeight(el, 320)).to.equal(undefined);
    el.setAttribute('service', 'nhs-111');
    expect(keptHeight(el, 480), 'other attributes').to.equal(undefined);
    for (let i = 0; i < 45; i++) {
      el.setAttribute('service', `s${i}`);
      keepHeight(el, 480, 100 + i);
    }
    expect(JSON.parse(localStorage.getItem(KEY)!).length).to.equal(40);
  });

  it('ignores whatever else storage holds ([null], [1], bad heights), with no error, and renders', async () => {
    const el = document.createElement('imh-support-card');
    el.setAttribute('service', 'gp');
    keepHeight(el, 480, 321.5);
    const [[key]] = JSON.parse(localStorage.getItem(KEY)!);
    for (const stored of [
      '[null]',
      '[1]',
      '"text"',
      '{"0": 1}',
      '[[]]',
      JSON.stringify([[key, 'tall']]),
      JSON.stringify([[key, -20]]),
      JSON.stringify([[key, 1e300]]),
      JSON.stringify([[key, null]]),
      JSON.stringify([[1, 2], null, [key]]),
    ]) {
      localStorage.setItem(KEY, stored);
      expect(keptHeight(el, 480), stored).to.equal(undefined);
      keepHeight(el, 480, 0.5); // written over with a good entry
      expect(keptHeight(el, 480), stored).to.equal(0.5);
    }

    // An element on a page whose stored heights are corrupt loads without an uncaught error.
    localStorage.setItem(KEY, '[null, 1, [1]]');
    const data = await exampleFeed();
    net = stubFetch(() => json(data));
    const shown = (await fixture(card())).firstElementChild!;
    await waitUntil(() => shown.shadowRoot!.querySelector('[part~=card]'), 'did not render');
  });

  for (const stored of [
    '[null]',
    '[1]',
    '[["a key", "tall"]]',
    '[["k", -5], ["k", 1e9], ["k"]]',
    '{"k": 1}',
    'not JSON',
  ]) {
    it(`silently ignores a corrupt store (${stored}), and replaces it with good entries`, async () => {
      localStorage.setItem(KEY, stored);
      const data = await exampleFeed();
      net = stubFetch(() => json(data));
      const el = (await fixture(card())).firstElementChild!;
      await waitUntil(() => el.shadowRoot!.querySelector('[part~=card]'), 'did not render');
      await waitUntil(() => keptHeight(el, widthOf(el)), 'no height kept');
      const entries = JSON.parse(localStorage.getItem(KEY)!);
      expect(entries.length).to.equal(1);
      expect(entries[0][1]).to.be.closeTo(heightOf(el), 0.02);
    });
  }

  it('works without storage (private browsing, storage off)', async () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    try {
      const data = await exampleFeed();
      net = stubFetch(() => json(data));
      const el = (await fixture(card())).firstElementChild!;
      await waitUntil(() => el.shadowRoot!.querySelector('[part~=card]'));
      await frame();
      expect(keptHeight(el, widthOf(el))).to.equal(undefined);
    } finally {
      Storage.prototype.setItem = original;
    }
  });
});
