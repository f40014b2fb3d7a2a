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
    expect(keptHeight(first)).to.be.closeTo(height, 0.02);
    fixtureCleanup();
    clearFeedCache();
    forgetFeed(FEED);

    // Next visit: the placeholder holds that room until the feed arrives, then nothing moves.
    let arrive!: () => void;
    net = stubFetch(() => new Promise((r) => (arrive = () => r(json(data)))));
    const wrap = await fixture(html`<div>${card()}<p id="after">Page footer</p></div>`);
    const again = wrap.querySelector('imh-support-card')!;
    await waitUntil(() => again.shadowRoot!.querySelector('.placeholder'), 'no placeholder');
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
    const box = document.createElement('div');
    box.style.inlineSize = '30rem';
    box.append(el);
    document.body.append(box);
    keepHeight(el);
    expect(keptHeight(el)).to.be.a('number');
    box.style.inlineSize = '20rem';
    expect(keptHeight(el)).to.equal(undefined);
    for (let i = 0; i < 45; i++) {
      el.setAttribute('service', `s${i}`);
      keepHeight(el);
    }
    expect(JSON.parse(localStorage.getItem(KEY)!).length).to.equal(40);
    box.remove();
  });

  it('ignores whatever else storage holds ([null], [1], bad heights), with no error, and renders', async () => {
    const el = document.createElement('imh-support-card');
    el.setAttribute('service', 'gp');
    const box = document.createElement('div');
    box.style.inlineSize = '30rem';
    box.append(el);
    document.body.append(box);
    keepHeight(el);
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
      expect(keptHeight(el), stored).to.equal(undefined);
      keepHeight(el); // written over with a good entry
      expect(keptHeight(el), stored).to.be.a('number');
    }
    box.remove();

    // An element on a page whose stored heights are corrupt loads without an uncaught error.
    localStorage.setItem(KEY, '[null, 1, [1]]');
    const data = await exampleFeed();
    net = stubFetch(() => json(data));
    const shown = (await fixture(card())).firstElementChild!;
    await waitUntil(() => shown.shadowRoot!.querySelector('[part~=card]'), 'did not render');
  });

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
      expect(keptHeight(el)).to.equal(undefined);
    } finally {
      Storage.prototype.setItem = original;
    }
  });
});
