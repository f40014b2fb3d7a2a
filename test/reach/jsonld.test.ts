import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../../src/components/session-list/session-list.js';
import '../../src/components/support-card/support-card.js';
import '../../src/components/support-list/support-list.js';
import { exampleFeed } from '../fixtures/example.js';
import { minimalFeed, session } from '../fixtures/feeds.js';
import { expectQuietConsole } from '../fixtures/quiet.js';
import { shown } from '../fixtures/shown.js';

type Node = { '@type': string; '@id': string; name: string; startDate?: string };
const blocks = (doc: Document = document) => [
  ...doc.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]'),
];
const graph = (s: HTMLScriptElement): Node[] => JSON.parse(s.textContent!)['@graph'];
const names = (s: HTMLScriptElement) => [...new Set(graph(s).map((n) => n.name))].sort();
const settle = (ms = 50) => new Promise((r) => setTimeout(r, ms));

async function place(tag: string, attrs: Record<string, string>, data?: unknown) {
  const el = document.createElement(tag) as HTMLElement & { data: unknown; updateComplete: Promise<boolean> };
  el.data = data ?? (await exampleFeed());
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  (await fixture(html`<div></div>`)).append(el);
  return shown(el);
}

describe('JSON-LD in the page (the jsonld attribute)', () => {
  expectQuietConsole();
  afterEach(() => {
    fixtureCleanup();
    for (const b of blocks()) b.remove();
  });

  it('is off by default: no block in the page', async () => {
    await place('imh-session-list', { now: '2026-11-23T08:00' });
    await place('imh-support-list', {});
    await settle(200);
    expect(blocks()).to.have.length(0);
  });

  it('adds one block for the sessions the list shows, updates that same block when its attributes change, \
and removes it with the attribute or the element', async () => {
    const el = await place('imh-session-list', { jsonld: '', now: '2026-11-23T08:00', category: 'baby-massage' });
    // The first use loads the JSON-LD chunk.
    await waitUntil(() => blocks().length == 1, 'no JSON-LD block', { timeout: 10_000 });
    const [block] = blocks();
    expect(block.parentElement).to.equal(document.head);
    const nodes = graph(block);
    expect(nodes.some((n) => n['@type'] == 'EventSeries')).to.equal(true);
    const events = nodes.filter((n) => n['@type'] == 'Event');
    expect(events.length).to.be.greaterThan(0);
    // Every event is a baby massage date in the list's 28 days, with the feed's UK offset.
    for (const e of events) {
      expect(e['@id']).to.match(/^#imh-event-baby-massage-monday-2026-(11|12)-\d\d$/);
      expect(e.startDate).to.match(/^2026-(11|12)-\d\dT\d\d:\d\d:00\+00:00$/);
    }
    expect(names(block)).to.deep.equal(['Baby Massage']);

    el.setAttribute('category', 'stay-and-play');
    await waitUntil(() => !names(block).includes('Baby Massage'), 'the block did not follow the category');
    expect(blocks()).to.deep.equal([block]);
    expect(names(block).every((n) => /stay and play/i.test(n))).to.equal(true);

    el.setAttribute('days', '1');
    await waitUntil(() => graph(block).filter((n) => n['@type'] == 'Event').length == 0, 'the window did not shrink');

    el.removeAttribute('jsonld');
    await waitUntil(() => blocks().length == 0, 'the block stayed without the attribute');
    el.setAttribute('jsonld', '');
    await waitUntil(() => blocks().length == 1, 'the block did not come back');
    el.remove();
    await waitUntil(() => blocks().length == 0, 'the block stayed without the element');
  });

  it('follows a new feed, and never keeps more than one block per element', async () => {
    const el = await place('imh-session-list', { jsonld: '', now: '2026-11-23T08:00' }, minimalFeed());
    await waitUntil(() => blocks().length == 1 && names(blocks()[0]).includes('Baby Massage'), 'no block');
    el.data = minimalFeed({ sessions: [{ ...session, name: 'Baby Yoga' }] });
    await waitUntil(() => names(blocks()[0])[0] == 'Baby Yoga', 'the block did not follow the feed');
    el.data = minimalFeed({ sessions: [] });
    await waitUntil(() => graph(blocks()[0]).length == 0, 'the block kept sessions the feed dropped');
    expect(blocks()).to.have.length(1);
  });

  it('describes the support card’s service, and the support list’s services with urgent help first', async () => {
    const card = await place('imh-support-card', { jsonld: '', service: 'nhs-111' });
    await waitUntil(() => blocks().length == 1, 'no block for the card');
    const [one] = graph(blocks()[0]);
    expect(one['@id']).to.equal('#imh-service-nhs-111');
    expect(one['@type']).to.match(/Service$/);
    card.setAttribute('service', 'samaritans');
    await waitUntil(() => graph(blocks()[0])[0]['@id'] == '#imh-service-samaritans', 'the card’s block did not follow');

    await place('imh-support-list', { jsonld: '', kind: 'app' });
    await waitUntil(() => blocks().length == 2, 'no block for the list');
    const feed = await exampleFeed();
    const expected = feed.services
      .filter((s: { urgency: string; kind: string }) => s.urgency != 'routine' || s.kind == 'app')
      .map((s: { id: string }) => `#imh-service-${s.id}`);
    expect(graph(blocks()[1]).map((n) => n['@id'])).to.deep.equal(expected);
  });

  it('writes feed text as JSON text only: nothing in it becomes markup or ends the block', async () => {
    const evil = '</script><img id="pwn" src="x"><!-- & <script>window.__pwned = 1</script>';
    await place(
      'imh-session-list',
      { jsonld: '', now: '2026-11-23T08:00' },
      minimalFeed({ sessions: [{ ...session, name: evil }] }),
    );
    await waitUntil(() => blocks().length == 1, 'no block');
    const [block] = blocks();
    expect(block.textContent).not.to.match(/[<>&]/);
    expect(names(block)).to.deep.equal([evil]);
    await settle();
    expect(document.getElementById('pwn')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(block.children).to.have.length(0);
  });
});

describe('JSON-LD under the strict Content-Security-Policy with Trusted Types (built bundle)', () => {
  type Win = Window & {
    __report: { violations: string[]; errors: string[] };
    __warnings: string[];
    trustedTypes?: unknown;
  };
  async function page(src: string) {
    const frame = document.createElement('iframe');
    frame.src = src;
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Win;
    const rendered = () =>
      ['imh-session-list', 'imh-support-card', 'imh-support-list'].every((t) =>
        frame.contentDocument!.querySelector(t)?.shadowRoot?.querySelector('[part=item], [part=card]'),
      );
    await waitUntil(rendered, 'the elements did not render', { timeout: 10_000 });
    return { frame, win, doc: frame.contentDocument! };
  }

  it('adds one block per element through the imh-jsonld policy where the page allows it, \
with no violation', async () => {
    const p = await page('/test/fixtures/csp-jsonld-allowed.html');
    await waitUntil(() => blocks(p.doc).length == 3, 'not one block per element', { timeout: 10_000 });
    // In the order the elements were ready, each marked with its element.
    const block = (tag: string) => graph(blocks(p.doc).find((b) => b.dataset.imhFor == tag)!);
    const [list, card, services] = ['imh-session-list', 'imh-support-card', 'imh-support-list'].map(block);
    expect(list.some((n) => n['@type'] == 'Event')).to.equal(true);
    expect(card.map((n) => n['@id'])).to.deep.equal(['#imh-service-nhs-111']);
    expect(services.length).to.equal(16);
    expect(p.win.__report).to.deep.equal({ violations: [], errors: [] });
    expect(p.win.__warnings).to.deep.equal([]);
    p.frame.remove();
  });

  it('adds no block where the page does not allow the policy, and says so once, naming what to add', async () => {
    const p = await page('/test/fixtures/csp-jsonld-blocked.html');
    await settle(500);
    if (!('trustedTypes' in p.win)) {
      // A browser without Trusted Types enforces none: the blocks are there.
      expect(blocks(p.doc)).to.have.length(3);
      expect(p.win.__warnings).to.deep.equal([]);
    } else {
      expect(blocks(p.doc)).to.have.length(0);
      expect(p.win.__warnings).to.have.length(1);
      expect(p.win.__warnings[0]).to.contain('trusted-types lit-html imh-jsonld');
      // The browser's own report of the refused policy name, and nothing else.
      expect(p.win.__report.violations.every((v) => v.startsWith('trusted-types'))).to.equal(true);
      expect(p.win.__report.errors).to.deep.equal([]);
    }
    p.frame.remove();
  });
});
