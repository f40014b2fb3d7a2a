import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/components/session-list/session-list.js';
import '../../src/components/support-list/support-list.js';
import { clearFeedCache, forgetFeed } from '../../src/feed/index.js';
import { STORE_MAX_ENTRIES, STORE_PREFIX, storeKey } from '../../src/feed/store.js';
import { exampleFeed } from '../fixtures/example.js';
import { json, never, stubFetch } from '../fixtures/network.js';
import { expectQuietConsole } from '../fixtures/quiet.js';

// Issue 12: a page's own elements never evict each other's saved copies, even before their feeds
// have loaded (the probe's cases: a feed that fails after another was saved, one that arrives late
// and broken, and one feed read by a session list and a support list).

const MONDAY = '2026-11-23T08:00'; // a Monday morning in the example feed's time zone
const DAY = 86400_000;
const X = new URL('/feeds/x.json', location.href).href;
const Y = new URL('/feeds/y.json', location.href).href;
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const textOf = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const statusText = (el: Element) => textOf(el.shadowRoot!.querySelector('[part=status]'));
const titles = (el: Element) => $$(el, '[part=item-title]').map(textOf);
const services = (el: Element) =>
  $$(el, '[part=list] [part=heading][id^=card-]').map((h) => textOf(h).replace(/^[^:]*advice: /, ''));
/** A long list is drawn in parts: `updateComplete` settles once all is there. */
const drawn = (...els: Element[]) => Promise.all(els.map((el) => (el as LitElement).updateComplete));
const copies = () => Object.keys(localStorage).filter((k) => k.startsWith(STORE_PREFIX));
/** Keeps `feed` as the copy a visit `days` ago saved of `url`, for the element kind `part`. */
const saved = (url: string, part: string, days: number, feed: unknown) =>
  localStorage.setItem(
    storeKey(url, part),
    JSON.stringify({ savedAt: Date.now() - days * DAY, text: JSON.stringify(feed) }),
  );
/** Copies other pages of the site saved, all newer than this page's. */
const otherPages = (feed: unknown) =>
  [2, 1, 0.1].forEach((days, i) =>
    saved(new URL(`/feeds/other-${i}.json`, location.href).href, 'sessions', days, feed),
  );

describe("saved copies: a page's elements never evict each other's (issue 12)", () => {
  let net: ReturnType<typeof stubFetch> | undefined;
  /** Y's answer, held back until the test gives it, so that X is loaded and saved first. */
  let answerY: (response: Response) => void;
  const xThenY = (x: unknown) => (net = stubFetch((url) => (url == Y ? new Promise((r) => (answerY = r)) : json(x))));
  expectQuietConsole();
  beforeEach(() => {
    clearFeedCache();
    forgetFeed();
  });
  afterEach(() => {
    fixtureCleanup();
    net?.restore();
    net = undefined;
    clearFeedCache();
    forgetFeed();
  });

  /**
   * Y's copy, saved 3 days ago, and newer copies from other pages; then two session lists, X's and
   * Y's: resolves once X's fresh copy is saved, while Y's feed is still on its way.
   */
  async function twoLists() {
    const feed = await exampleFeed();
    saved(Y, 'sessions', 3, feed);
    otherPages(feed);
    xThenY(feed);
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <imh-session-list feed="/feeds/x.json" now=${MONDAY} days="7"><a href="#">See X</a></imh-session-list>
      <imh-session-list feed="/feeds/y.json" now=${MONDAY} days="7"><a href="#">See Y</a></imh-session-list>
    </div>`);
    const [x, y] = wrap.children;
    await waitUntil(() => localStorage.getItem(storeKey(X, 'sessions')), "X's copy was not saved");
    // Four copies at most: the oldest that no element here uses went, not Y's (older still).
    expect(copies()).to.have.length(STORE_MAX_ENTRIES);
    expect(localStorage.getItem(storeKey(Y, 'sessions'))).not.to.equal(null);
    return { x, y, feed };
  }

  it("a list whose feed fails after another list's was saved still shows its copy, not the fallback", async () => {
    const { x, y } = await twoLists();
    const error = oneEvent(y, 'imh-feed-error');
    answerY(new Response('', { status: 500 }));
    expect((await error).detail.stale).to.equal(true);
    await waitUntil(() => titles(y).length, "Y's copy is not shown");
    await drawn(x, y);
    expect(titles(y)).to.deep.equal(titles(x));
    expect(statusText(y)).to.equal('This is a copy saved 3 days ago; the latest information could not be loaded.');
  });

  it('a list whose feed arrives late and broken keeps showing its copy, says so, saves no broken feed', async () => {
    const { x, y, feed } = await twoLists();
    const broken = structuredClone(feed);
    for (const s of broken.sessions) s.schedule.startDate = '01/12/2026';
    const error = oneEvent(y, 'imh-feed-error');
    answerY(json(broken));
    const { detail } = await error;
    expect(detail.stale).to.equal(true);
    expect(detail.error.name).to.equal('FeedValidationError');
    await waitUntil(() => titles(y).length, "Y's copy is not shown");
    await drawn(x, y);
    expect(titles(y)).to.deep.equal(titles(x));
    expect(statusText(y)).to.equal('This is a copy saved 3 days ago; the latest information could not be loaded.');
    expect(localStorage.getItem(storeKey(Y, 'sessions'))).not.to.contain('01/12/2026');
  });

  for (const [how, leave] of [
    ['its feed changes', (list: Element) => list.setAttribute('feed', '/feeds/x.json')],
    ['it is taken off the page', (list: Element) => list.remove()],
  ] as const) {
    it(`a list that gives up a feed still loading (${how}) no longer keeps that feed's copy`, async () => {
      // The review's case: a feed given up stayed "in use" for the page's life, over the count of copies.
      const feed = await exampleFeed();
      saved(Y, 'sessions', 3, feed);
      otherPages(feed);
      net = stubFetch((url, init) => (url == Y ? never(url, init) : json(feed)));
      const wrap = await fixture<HTMLDivElement>(html`<div>
        <imh-session-list feed="/feeds/y.json" now=${MONDAY} days="7"><a href="#">See Y</a></imh-session-list>
      </div>`);
      await waitUntil(() => net!.calls.some((c) => c.url == Y), 'Y was not asked for');
      leave(wrap.firstElementChild!);
      const x = Object.assign(document.createElement('imh-session-list'), { feed: '/feeds/x.json' });
      x.setAttribute('now', MONDAY);
      wrap.append(x);
      await waitUntil(() => localStorage.getItem(storeKey(X, 'sessions')), "X's copy was not saved");
      expect(copies()).to.have.length(STORE_MAX_ENTRIES);
      expect(localStorage.getItem(storeKey(Y, 'sessions')) == null, "Y's copy, the oldest, was kept").to.equal(true);
    });
  }

  it("a session list and a support list on one feed: saving the sessions' copy keeps the services' copy", async () => {
    const feed = await exampleFeed();
    saved(Y, 'services', 3, feed);
    saved(Y, 'sessions', 2.5, feed);
    otherPages(feed);
    // The sessions are fine; every service has lost its name.
    const broken = structuredClone(feed);
    for (const s of broken.services) delete s.name;
    net = stubFetch(() => json(broken));
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    const list = Object.assign(document.createElement('imh-session-list'), { feed: '/feeds/y.json' });
    const support = Object.assign(document.createElement('imh-support-list'), { feed: '/feeds/y.json' });
    list.setAttribute('now', MONDAY);
    support.setAttribute('now', MONDAY);
    const [loaded, errored] = [oneEvent(support, 'imh-feed-load'), oneEvent(support, 'imh-feed-error')];
    wrap.append(list, support);
    expect((await loaded).detail.stale?.error.name, "the services' copy is not shown").to.equal('FeedValidationError');
    expect((await errored).detail.stale).to.equal(true);
    await waitUntil(() => services(support).length, 'the copy of the services is not shown');
    await drawn(support);
    expect(services(support)).to.include('DadPad');
    expect(statusText(support)).to.equal(
      'This is a copy saved 3 days ago; the latest information could not be loaded.',
    );
    await waitUntil(() => JSON.parse(localStorage.getItem(storeKey(Y, 'sessions'))!).savedAt > Date.now() - DAY);
    expect(JSON.parse(JSON.parse(localStorage.getItem(storeKey(Y, 'services'))!).text).services[0].name).to.deep.equal(
      feed.services[0].name,
    );
  });
});
