import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { ALL_PARTS } from '../../src/feed/all-parts.js';
import { defineElement } from '../../src/internal/define-element.js';
import { ImhElement } from '../../src/internal/imh-element.js';
import { minimalFeed } from '../fixtures/feeds.js';

// A file of its own: the page's one timer must not have been started by another test's elements.

/** An element that counts its renders; live (rendered again every minute) when asked. */
class Counting extends ImhElement {
  protected static override feedParts = ALL_PARTS;
  renders = 0;
  protected override renderContent() {
    this.renders++;
    return litHtml`<p>${this.renders}</p>`;
  }
}
class Live extends Counting {
  constructor() {
    super();
    this.everyMinute();
  }
}
defineElement('imh-test-counting', Counting);
defineElement('imh-test-live', Live);

describe('everyMinute: live text ("Open now, closes at 17:00") renders again each minute', () => {
  afterEach(() => fixtureCleanup());

  it('renders every live element at the start of the next minute, with one timer for the page', async function () {
    this.timeout(40_000);
    // Timers set for the start of the next minute are held here; any other timer runs as usual. In a minute's
    // last moments a short wait (waitUntil's 50 ms) would look like one: the test starts early in a minute, with
    // at least 15 seconds of it left, and holds only timers of a second or more.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 15_000) await new Promise((r) => setTimeout(r, left + 100));
    const { setTimeout: set } = window;
    const minutes: (() => void)[] = [];
    window.setTimeout = ((run: () => void, ms?: number, ...rest: unknown[]) => {
      const next = 60_000 - (Date.now() % 60_000) + 50;
      if (ms && ms >= 1000 && Math.abs(ms - next) < 20) return minutes.push(run);
      return set(run, ms, ...rest);
    }) as typeof setTimeout;
    try {
      const data = minimalFeed();
      const wrap = await fixture(html`<div>
        ${Array.from({ length: 200 }, () => html`<imh-test-live .data=${data}></imh-test-live>`)}
        <imh-test-counting .data=${data}></imh-test-counting>
      </div>`);
      const els = [...wrap.children] as Counting[];
      await waitUntil(() => els.every((el) => el.renders), 'not all rendered', { timeout: 5000 });
      // Settled: no update under way, and none for a few frames.
      for (let seen = '', i = 0; i < 50; i++) {
        await Promise.all(els.map((el) => el.updateComplete));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const now = `${els.map((el) => el.renders)}`;
        if (now == seen) break;
        seen = now;
      }
      const still = els.pop()!;
      const gone = els.pop()!;
      gone.remove();
      const before = [...els, still, gone].map((el) => el.renders);
      expect(minutes.length, 'timers for 201 elements').to.equal(1);

      minutes.shift()!();
      await waitUntil(() => els.every((el, i) => el.renders > before[i]), 'live elements not rendered again');
      expect(still.renders, 'an element with no live text').to.equal(before[els.length]);
      expect(gone.renders, 'an element no longer on the page').to.equal(before[els.length + 1]);
      expect(minutes.length, 'the next minute, by one timer').to.equal(1);

      // With no element left, the clock stops; the next element starts it again.
      fixtureCleanup();
      minutes.shift()!();
      expect(minutes.length, 'a timer with no element on the page').to.equal(0);
      await fixture(html`<imh-test-live .data=${data}></imh-test-live>`);
      expect(minutes.length).to.equal(1);
    } finally {
      window.setTimeout = set;
    }
  });
});
