import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { css, LitElement, html as litHtml, type ReactiveController } from 'lit';
import '../../src/components/support-card/support-card.js';
import '../../src/components/session-list/session-list.js';
import '../../src/components/first-1001-days-timeline/first-1001-days-timeline.js';
import { clearFeedCache, forgetFeed } from '../../src/feed/index.js';
import { SLICE } from '../../src/feed/slices.js';
import { HeightKeeper, keepHeight, keptHeight } from '../../src/internal/kept-height.js';
import { exampleFeed } from '../fixtures/example.js';
import { minimalFeed } from '../fixtures/feeds.js';
import { json, stubFetch } from '../fixtures/network.js';
import { expectQuietConsole } from '../fixtures/quiet.js';

const FEED = 'https://feeds.example.org/kept-height.json';
const KEY = 'imh-widgets:heights:v1';
const card = () =>
  html`<div style="inline-size: 40rem">
    <imh-support-card feed=${FEED} service="camhs-under-5s" now="2026-11-23T12:00"></imh-support-card>
  </div>`;
const heightOf = (el: Element) => el.getBoundingClientRect().height;
const widthOf = (el: Element) => el.getBoundingClientRect().width;
/** The next frame: what the page shows is what it paints. */
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/**
 * An element that is ready (its state says so) before it shows it: `wait`, when set, holds its
 * next update until it resolves, as an element's update waits for its turn after a frame
 * (slices.ts `turn`). 100 px of content, then 300 px once `full`.
 */
class ReadyBeforeShown extends LitElement {
  static override styles = css`
    p {
      block-size: 100px;
      margin: 0;
    }
    .full p {
      block-size: 300px;
    }
  `;
  ready = false;
  full = false;
  wait?: Promise<unknown>;
  constructor() {
    super();
    new HeightKeeper(
      this,
      () => this.ready,
      () => false,
    );
  }
  protected override scheduleUpdate() {
    const wait = this.wait;
    this.wait = undefined;
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
  override render() {
    return litHtml`<div class=${this.full ? 'root full' : 'root'}><p>Content</p></div>`;
  }
}
customElements.define('imh-test-ready-before-shown', ReadyBeforeShown);

/** An element that holds its room (as a timeline does while its code loads) with its loading placeholder. */
class HoldingPlaceholder extends LitElement {
  constructor() {
    super();
    new HeightKeeper(
      this,
      () => false,
      () => true,
    );
  }
  override render() {
    return litHtml`<div class="root"><p part="status" class="placeholder" data-reserve="5rem">Loading…</p></div>`;
  }
}
customElements.define('imh-test-holding-placeholder', HoldingPlaceholder);

/** Busy for `ms` milliseconds: the page's other work in this task. */
const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

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

  it('gives the room back when the load fails: the notice and the fallback content come straight after', async () => {
    let fail!: () => void;
    net = stubFetch(() => new Promise((r) => (fail = () => r(new Response('', { status: 404 })))));
    const wrap = await fixture(html`<div style="inline-size: 20rem">
      <imh-session-list feed=${FEED} now="2026-11-23T08:00" limit="5">
        <a href="https://example.org/whats-on">What's on at your family hub</a>
      </imh-session-list>
      <p id="after">Page footer</p>
    </div>`);
    const el = wrap.querySelector('imh-session-list')!;
    await waitUntil(() => el.shadowRoot!.querySelector('.placeholder'), 'no placeholder');
    await frame();
    // Room for five sessions while the feed loads (the list's own estimate: no height kept yet).
    expect(heightOf(el)).to.be.above(1000);
    fail();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=status] button'), 'no Try again');
    await frame();
    const status = el.shadowRoot!.querySelector<HTMLElement>('[part=status]')!;
    const fallback = el.shadowRoot!.querySelector<HTMLElement>('[part=fallback]')!;
    expect(fallback.hidden).to.equal(false);
    // The fallback link follows the notice (a paragraph's margin apart), with no room held between them.
    expect(fallback.getBoundingClientRect().top - status.getBoundingClientRect().bottom).to.be.below(40);
    expect(heightOf(el)).to.be.below(300);
  });

  it('holds that room while a long list is drawn a part at a time, reads no size, then keeps its height', async () => {
    // The session list draws 45 sessions ten an update (issue 12): on a repeat visit the room the
    // placeholder kept stays while the list grows, so nothing below it moves at any frame.
    const data = await exampleFeed();
    const list = () =>
      html`<div style="inline-size: 40rem">
        <imh-session-list feed=${FEED} now="2026-11-23T08:00" limit="45" days="60"></imh-session-list>
      </div>`;
    const items = (el: Element) => el.shadowRoot!.querySelectorAll('[part=item]').length;
    net = stubFetch(() => json(data));
    const first = (await fixture(list())).firstElementChild!;
    await waitUntil(() => items(first) == 45, 'first visit did not draw the list', { timeout: 5000 });
    await waitUntil(() => keptHeight(first, widthOf(first)), 'no height kept');
    const height = heightOf(first);
    expect(keptHeight(first, widthOf(first)), 'the whole list, not its first part').to.be.closeTo(height, 0.02);
    fixtureCleanup();
    clearFeedCache();
    forgetFeed(FEED);

    let arrive!: () => void;
    net = stubFetch(() => new Promise((r) => (arrive = () => r(json(data)))));
    const wrap = await fixture(html`<div>${list()}<p id="after">Page footer</p></div>`);
    const again = wrap.querySelector('imh-session-list')!;
    await waitUntil(() => again.shadowRoot!.querySelector('.placeholder'), 'no placeholder');
    await frame();
    const footer = wrap.querySelector('#after')!;
    const before = footer.getBoundingClientRect().top;
    // Every height laid out (a ResizeObserver reports after layout, before the frame is painted).
    const heights: number[] = [];
    let mine = false;
    const sizes = new ResizeObserver(() => {
      mine = true;
      heights.push(heightOf(again));
      mine = false;
    });
    sizes.observe(again);
    // Its size is not read while the parts come (the room held needs no read): such a read lays the page out in a
    // frame's callbacks, before the part drawn there is laid out again with it (issue 14).
    let reads = 0;
    const read = again.getBoundingClientRect.bind(again);
    again.getBoundingClientRect = () => {
      if (!mine && (again as unknown as { drawing?: boolean }).drawing) reads++;
      return read();
    };
    const drawn = new Set<number>();
    new MutationObserver(() => drawn.add(items(again))).observe(again.shadowRoot!, { childList: true, subtree: true });
    arrive();
    await waitUntil(() => items(again) == 45, 'next visit did not draw the list', { timeout: 5000 });
    await frame();
    await frame();
    sizes.disconnect();
    expect([...drawn].filter((n) => n > 0 && n < 45).length, 'parts drawn before the whole list').to.be.above(1);
    expect(reads, 'its size read while parts came').to.equal(0);
    for (const h of heights) expect(h, 'the height at a frame').to.be.closeTo(height, 0.02);
    expect(footer.getBoundingClientRect().top).to.be.closeTo(before, 0.02);
    expect(again.shadowRoot!.querySelector<HTMLElement>('.root')!.style.minBlockSize, 'room held no longer').to.equal(
      '',
    );
  });

  it('holds no room on paper: printing draws the rest of a list, and the page prints no gap', async () => {
    // The room held on screen while a list is drawn in parts is an inline min-block-size on `.root`
    // (kept at the screen's width, with the filters that do not print), cleared a frame after the
    // list is all there; printing lays the page out before that frame.
    const data = await exampleFeed();
    net = stubFetch(() => json(data));
    const el = (await fixture(card())).firstElementChild!;
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=card]'), 'no card');
    const root = el.shadowRoot!.querySelector<HTMLElement>('.root')!;
    root.style.minBlockSize = '3000px';
    expect(heightOf(root), 'on screen').to.equal(3000);
    // Print emulation is Chromium-only.
    if (!(await executeServerCommand('imh-emulate-media', { media: 'print' }))) return;
    try {
      expect(heightOf(root), 'on paper').to.be.within(1, 1000);
    } finally {
      await executeServerCommand('imh-emulate-media', {});
    }
  });

  it('keeps the height of what shows once ready, not of what showed while its update waited', async () => {
    // Issue 12: the timeline's height was sometimes kept 786 px short. An update had drawn it while
    // loading; before the next frame its feed came, but the update that draws it waited for its turn
    // after that frame, and the frame kept the height of what still showed.
    const wrap = await fixture(html`<div style="inline-size: 40rem"></div>`);
    const el = document.createElement('imh-test-ready-before-shown') as ReadyBeforeShown;
    wrap.append(el);
    await el.updateComplete;
    await frame();
    expect(keptHeight(el, widthOf(el)), 'nothing kept before it is ready').to.equal(undefined);
    // An update draws the 100 px; its height is looked at in the next frame.
    el.requestUpdate();
    await el.updateComplete;
    // Before that frame, the element is ready with 300 px to show, and its update waits for a frame.
    el.ready = el.full = true;
    el.wait = new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    el.requestUpdate();
    await el.updateComplete;
    await frame();
    expect(heightOf(el)).to.equal(300);
    expect(keptHeight(el, widthOf(el)), 'the height kept').to.be.closeTo(300, 0.02);
  });

  it("keeps a timeline's height with its feed's services, not the stages drawn while the feed was read", async () => {
    // As the bench page: a family 5 weeks after the birth. The feed (data, with an item the checker
    // reports, so it is read in a promise) arrives in the update that draws the built-in stages; the
    // update that draws its services waits for a frame, because that task has used its slice.
    const example = await exampleFeed();
    const { places, organisations, services } = example;
    const data = { ...minimalFeed({ places, organisations, services }), sessions: [{ id: 'x', name: 'x' }] };
    const make = async () => {
      const el = document.createElement('imh-first-1001-days-timeline');
      el.setAttribute('birth-date', '2026-10-20');
      el.setAttribute('now', '2026-11-23');
      (await fixture(html`<div style="inline-size: 40rem"></div>`)).append(el);
      await waitUntil(() => el.shadowRoot!.querySelector('[aria-current=step]'), 'no stages', { timeout: 5_000 });
      await el.updateComplete;
      return el;
    };
    const cards = (el: Element) => el.shadowRoot!.querySelectorAll('[aria-current=step] [part~=card]').length;
    // The code that explains the feed's issues is loaded once, here, so it is at hand below.
    const warm = await make();
    warm.data = data;
    await waitUntil(() => cards(warm), 'no services in the stage', { timeout: 5_000 });
    fixtureCleanup();
    localStorage.removeItem(KEY);

    const el = await make();
    const short = heightOf(el);
    let slow = true;
    el.addController({
      hostUpdated: () => {
        if (slow && el.data) busy(SLICE + 2);
        slow = false;
      },
    } satisfies ReactiveController);
    el.data = data;
    await waitUntil(() => cards(el), 'no services in the stage', { timeout: 5_000 });
    await waitUntil(() => keptHeight(el, widthOf(el)), 'no height kept', { timeout: 5_000 });
    expect(heightOf(el), 'the services make it taller').to.be.above(short + 100);
    expect(keptHeight(el, widthOf(el)), 'the height kept').to.be.closeTo(heightOf(el), 0.02);
  });

  it("holds a timeline's kept room while its stages show before its feed: a repeat visit moves nothing", async () => {
    // Issue 12: the timeline shows its built-in stages while its feed loads, and the feed's services
    // and sessions in them after. On a repeat visit the placeholder kept the whole height (1915.5 px
    // on the bench page), the stages alone took 786 px less, and the page below moved up, then down.
    const data = await exampleFeed();
    const timeline = () =>
      html`<div style="inline-size: 40rem">
        <imh-first-1001-days-timeline feed=${FEED} birth-date="2026-10-20" now="2026-11-23">
        </imh-first-1001-days-timeline>
      </div>`;
    const cards = (el: Element) => el.shadowRoot!.querySelectorAll('[aria-current=step] [part~=card]').length;
    const stages = (el: Element) => el.shadowRoot!.querySelectorAll('[part~=stage]').length;
    net = stubFetch(() => json(data));
    const first = (await fixture(timeline())).firstElementChild!;
    await waitUntil(() => cards(first), 'first visit did not draw the services', { timeout: 5_000 });
    await waitUntil(() => keptHeight(first, widthOf(first)), 'no height kept');
    const height = heightOf(first);
    expect(keptHeight(first, widthOf(first))).to.be.closeTo(height, 0.02);
    fixtureCleanup();
    clearFeedCache();
    forgetFeed(FEED);

    let arrive!: () => void;
    net = stubFetch(() => new Promise((r) => (arrive = () => r(json(data)))));
    const wrap = await fixture(html`<div>${timeline()}<p id="after">Page footer</p></div>`);
    const again = wrap.querySelector('imh-first-1001-days-timeline')!;
    const footer = wrap.querySelector('#after')!;
    await waitUntil(() => stages(again) && arrive, 'no stages while the feed loads', { timeout: 5_000 });
    await frame();
    expect(cards(again), 'no services before the feed').to.equal(0);
    expect(heightOf(again), 'the stages before the feed').to.be.closeTo(height, 0.02);
    const before = footer.getBoundingClientRect().top;
    // Every height laid out from now (a ResizeObserver reports after layout, before the frame is painted).
    const heights: number[] = [];
    const sizes = new ResizeObserver(() => heights.push(heightOf(again)));
    sizes.observe(again);
    arrive();
    await waitUntil(() => cards(again), 'next visit did not draw the services', { timeout: 5_000 });
    await frame();
    await frame();
    sizes.disconnect();
    expect(heights.length, 'heights laid out').to.be.above(0);
    for (const h of heights) expect(h, 'the height at a frame').to.be.closeTo(height, 0.02);
    expect(footer.getBoundingClientRect().top).to.be.closeTo(before, 0.02);
    expect(again.shadowRoot!.querySelector<HTMLElement>('.root')!.style.minBlockSize, 'room held no longer').to.equal(
      '',
    );
  });

  it('keeps the placeholder at the kept height while the room is held, whatever updates come', async () => {
    // A timeline holds its room while its code loads, with its placeholder: each update's frame sized the
    // placeholder again from the height kept at its width, and must go on finding it (not another width's).
    const wrap = await fixture(html`<div style="inline-size: 40rem"></div>`);
    const el = document.createElement('imh-test-holding-placeholder') as HoldingPlaceholder;
    wrap.append(el);
    await el.updateComplete;
    keepHeight(el, widthOf(el), 700);
    const placeholder = el.shadowRoot!.querySelector<HTMLElement>('.placeholder')!;
    for (let i = 0; i < 3; i++) {
      await frame();
      expect(placeholder.style.minBlockSize, `the placeholder after update ${i + 1}`).to.equal('700px');
      el.requestUpdate();
      await el.updateComplete;
    }
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

  it('keeps the height with the "last checked" line, not before the code that draws it has come', async () => {
    // On a first visit the line's code comes after the card is drawn: the height kept then left the line
    // out, and every repeat visit moved by its height when it came.
    const data = await exampleFeed();
    net = stubFetch(() => json(data));
    await executeServerCommand('imh-fail-requests', { hold: 'fresh-share', slow: true });
    let el: Element;
    try {
      const wrap = await fixture(html`<div style="inline-size: 40rem">
        <imh-support-card feed=${FEED} service="camhs-under-5s" now="2026-11-23T12:00" last-checked></imh-support-card>
      </div>`);
      el = wrap.firstElementChild!;
      await waitUntil(() => el.shadowRoot!.querySelector('[part~=card]'), 'did not render');
      await frame();
      await frame();
      expect(el.shadowRoot!.querySelector('[part~=last-checked]'), 'the line, before its code came').to.equal(null);
      expect(keptHeight(el, widthOf(el)), 'a height kept without the line').to.equal(undefined);
    } finally {
      await executeServerCommand('imh-fail-requests', {});
    }
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=last-checked]'), 'no "last checked" line');
    await waitUntil(() => keptHeight(el, widthOf(el)), 'no height kept');
    expect(keptHeight(el, widthOf(el)), 'with the line').to.be.closeTo(heightOf(el), 0.02);
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
      await frame();
      expect(keptHeight(el, widthOf(el))).to.equal(undefined);
    } finally {
      Storage.prototype.setItem = original;
    }
  });

  it('reads and writes storage once a frame for all the elements that show, not once each', async () => {
    const data = await exampleFeed();
    const services = data.services.map((s: { id: string }) => s.id).slice(0, 6);
    // Which frame a storage call is made in: the document timeline's time, the same for every
    // animation-frame callback of a frame (and, between frames, the last frame's). Counted by frame, not
    // by task: under load, Firefox can draw two frames with no other task between them.
    const calls = new Map<string, number>();
    let polling = false; // the test's own reads are not counted
    const count = (kind: string) => {
      if (polling) return;
      const frame = `${kind} ${document.timeline.currentTime}`;
      calls.set(frame, (calls.get(frame) ?? 0) + 1);
    };
    const { getItem, setItem } = Storage.prototype;
    Storage.prototype.getItem = function (key: string) {
      if (key == KEY) count('read');
      return getItem.call(this, key);
    };
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key == KEY) count('write');
      return setItem.call(this, key, value);
    };
    try {
      const wrap = await fixture(html`<div style="inline-size: 40rem"></div>`);
      for (const id of [...services, ...services]) {
        const el = document.createElement('imh-support-card');
        el.setAttribute('service', id);
        el.setAttribute('now', '2026-11-23T12:00');
        el.setAttribute('heading-level', String(2 + (wrap.children.length % 4)));
        el.data = data;
        wrap.append(el);
      }
      const cards = [...wrap.children];
      const allKept = () => {
        polling = true;
        const all = cards.every((el) => keptHeight(el, widthOf(el)));
        polling = false;
        return all;
      };
      await waitUntil(allKept, 'every card keeps its height', { timeout: 5000 });
    } finally {
      Object.assign(Storage.prototype, { getItem, setItem });
    }
    const writes = [...calls].filter(([k]) => k.startsWith('write')).map(([, n]) => n);
    const reads = [...calls].filter(([k]) => k.startsWith('read')).map(([, n]) => n);
    expect(writes.length, 'written at all').to.be.above(0);
    expect(Math.max(...writes), 'writes in one frame').to.equal(1);
    expect(Math.max(...reads), 'reads in one frame').to.equal(1);
  });
});
