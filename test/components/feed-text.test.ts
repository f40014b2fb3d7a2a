// Feed text is text in every element: a feed whose every piece of free text carries markup (an
// image with an onerror handler, bold tags, a script) renders that markup as the characters it is.
// This fails if any element ever put feed text into the page as HTML (unsafeHTML, innerHTML).
import { elementUpdated, expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/session-list/session-list.js';
import '../../src/components/support-card/support-card.js';
import '../../src/components/support-list/support-list.js';
import '../../src/components/first-1001-days-timeline/first-1001-days-timeline.js';
import { exampleFeed } from '../fixtures/example.js';

const MARKUP = '<img src=x onerror="window.__imhPwned=1"><b>bold</b><script>window.__imhPwned=2</script>';
/** Keys whose values are numbers, codes or addresses the validator checks, not free text. */
const CODES = new Set(['phone', 'textphone', 'number', 'email', 'url', 'postcode']);

/** Every free-text string in the feed (text with a space in it, not a code) gets the markup in front. */
function hostile(value: unknown, key = ''): unknown {
  if (typeof value == 'string') return !CODES.has(key) && value.includes(' ') ? `${MARKUP} ${value}` : value;
  if (Array.isArray(value)) return value.map((v) => hostile(v, key));
  if (value && typeof value == 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostile(v, k)]));
  return value;
}

/** Every element in an element's shadow tree and the shadow trees inside it. */
function deep(root: ShadowRoot | Element): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...deep(el.shadowRoot));
  }
  return out;
}

describe('feed text is text, in every element', () => {
  afterEach(() => fixtureCleanup());

  const cases: [string, Record<string, string>, (el: Element) => boolean][] = [
    [
      'imh-session-list',
      { now: '2026-11-23T08:00', limit: '50' },
      (el) => !!el.shadowRoot?.querySelector('[part=item]'),
    ],
    ['imh-support-list', {}, (el) => !!el.shadowRoot?.querySelector('[part=list]')],
    ['imh-support-card', { service: 'health-visiting' }, (el) => !!el.shadowRoot?.querySelector('[part=card]')],
    [
      'imh-first-1001-days-timeline',
      { 'birth-date': '2026-10-20', now: '2026-11-23' },
      (el) => !!el.shadowRoot?.querySelector('[aria-current=step]'),
    ],
  ];
  for (const [tag, attrs, ready] of cases) {
    it(`<${tag}> shows markup in the feed as characters, never as elements`, async () => {
      const data = hostile(await exampleFeed()) as Record<string, unknown>;
      const el = document.createElement(tag) as HTMLElement & { data: unknown };
      el.data = data;
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      (await fixture(html`<div style="max-width: 48rem"></div>`)).append(el);
      await waitUntil(() => ready(el), `<${tag}> did not render`, { timeout: 10_000 });
      await elementUpdated(el);
      // Open every disclosure, so the text behind them is rendered too.
      for (const d of deep(el.shadowRoot!)) if (d instanceof HTMLDetailsElement) d.open = true;
      for (const b of deep(el.shadowRoot!))
        if (b instanceof HTMLButtonElement && b.getAttribute('aria-expanded') == 'false') b.click();
      await elementUpdated(el);
      await new Promise((r) => setTimeout(r, 50));
      const all = deep(el.shadowRoot!);
      const text = el.shadowRoot!.textContent ?? '';
      // The markup is there, as text: the element did show the feed's words.
      expect(text.includes('<img src=x onerror="window.__imhPwned=1">'), 'the image markup, as text').to.equal(true);
      expect(text.includes('<b>bold</b>'), 'the bold markup, as text').to.equal(true);
      // And none of it became an element, an attribute or a script that ran.
      const made = all.filter((n) => ['IMG', 'SCRIPT', 'B'].includes(n.tagName)).map((n) => n.outerHTML);
      expect(made.slice(0, 3), `${made.length} elements made from feed text`).to.deep.equal([]);
      expect(all.filter((n) => n.hasAttribute('onerror')).length).to.equal(0);
      expect((window as { __imhPwned?: number }).__imhPwned).to.equal(undefined);
    });
  }
});
