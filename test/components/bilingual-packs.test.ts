import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/support-card/support-card.js';
import type { ImhSupportCard } from '../../src/components/support-card/support-card.component.js';
import type { ImhLoadErrorEvent } from '../../src/events/load-error.js';
import type { ImhTranslationPackEvent } from '../../src/events/translation-pack.js';
import { exampleFeed } from '../fixtures/example.js';
import { restoreFetch, stubFetch } from '../fixtures/network.js';
import { warnings } from '../fixtures/quiet.js';

// A bilingual element's second language from a translation pack (issue 16, review 6-a finding 6):
// the pack is on another server, which may be slow, hang, or be refused; the pack loader is a chunk
// that may be missing. The element's own language never waits for it. A file of its own: the test of
// the missing chunk needs a page that has not loaded it yet.
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];

/** A pack for `locale` named by the page, at an address the stubbed fetch answers. */
function namePack(locale: string) {
  const link = Object.assign(document.createElement('link'), {
    rel: 'imh-translations',
    hreflang: locale,
    href: `/test/packs-stub/${locale}.json`,
  });
  document.head.append(link);
  return link;
}
const pack = (locale: string) =>
  new Response(JSON.stringify({ locale, messages: { 'card.badge.urgent': `${locale}-urgent` } }), {
    headers: { 'content-type': 'application/json' },
  });

async function card(lang: string, bilingual: string) {
  const el = document.createElement('imh-support-card') as ImhSupportCard;
  el.data = await exampleFeed();
  el.service = 'nhs-111';
  el.setAttribute('lang', lang);
  el.setAttribute('bilingual', bilingual);
  (await fixture(html`<div></div>`)).append(el);
  return el;
}

describe('bilingual display: a translation pack as it arrives', () => {
  before(() => exampleFeed()); // read once before fetch is stubbed
  afterEach(async () => {
    fixtureCleanup();
    restoreFetch();
    await executeServerCommand('imh-fail-requests', {});
  });

  // First: no test before it may have loaded the pack loader.
  it("the pack loader's file fails to load: its own language, imh-load-error; reload() tries again", async () => {
    const link = namePack('am');
    stubFetch((url) => (url.includes('/packs-stub/am') ? pack('am') : new Response('', { status: 404 })));
    await executeServerCommand('imh-fail-requests', { pattern: 'src/packs' });
    try {
      let el!: ImhSupportCard;
      const seen = await warnings(async () => {
        el = await card('cy', 'am');
        const error = (await oneEvent(el, 'imh-load-error')) as ImhLoadErrorEvent;
        expect(error.detail.error.file).to.contain('packs');
        await waitUntil(() => $(el, '[part=heading]'), 'no card');
        expect($(el, '.root')!.getAttribute('lang')).to.equal('cy');
        expect($$(el, '.bi')).to.have.length(0);
      });
      expect(seen, seen.join('\n')).to.have.length(1);
      expect(seen[0]).to.contain('packs');
      await executeServerCommand('imh-fail-requests', {});
      await warnings(async () => {
        el.reload();
        await waitUntil(() => $(el, '[part=badge] .bi[lang=am]'), 'no second language after reload()', {
          timeout: 5000,
        });
      });
      expect($(el, '[part=badge] .bi')!.textContent).to.equal('am-urgent');
    } finally {
      link.remove();
    }
  });

  it('a slow pack: the first language at once, the second added when the pack arrives', async () => {
    const link = namePack('ti');
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    stubFetch(async (url) =>
      url.includes('/packs-stub/ti') ? (await arrived, pack('ti')) : new Response('', { status: 404 }),
    );
    try {
      let el!: ImhSupportCard;
      await warnings(async () => {
        el = await card('cy', 'ti');
        // The pack has not answered: the card shows, in Welsh alone.
        await waitUntil(() => $(el, '[part=heading]'), 'the card waited for the pack', { timeout: 3000 });
        expect($$(el, '.bi')).to.have.length(0);
        arrive();
        await waitUntil(() => $(el, '[part=badge] .bi[lang=ti]'), 'the second language never came', { timeout: 5000 });
      });
      expect($(el, '[part=badge] .bi')!.textContent).to.equal('ti-urgent');
    } finally {
      link.remove();
    }
  });

  it('a pack that never answers: given up at a deadline (10 s), said once; the first language meanwhile', async () => {
    const link = namePack('om');
    const events: ImhTranslationPackEvent[] = [];
    const listen = (e: ImhTranslationPackEvent) => events.push(e);
    document.addEventListener('imh-translation-pack', listen);
    // The deadline, without waiting 10 s: the signal fetch is given, aborted by the test as it times out.
    const timeout = AbortSignal.timeout;
    const deadline = new AbortController();
    const asked: number[] = [];
    AbortSignal.timeout = (ms: number) => (asked.push(ms), deadline.signal);
    const fetched = stubFetch((url, init) =>
      url.includes('/packs-stub/om')
        ? new Promise<Response>((_, reject) =>
            init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason)),
          )
        : new Response('', { status: 404 }),
    );
    try {
      let el!: ImhSupportCard;
      const seen = await warnings(async () => {
        el = await card('cy', 'om');
        await waitUntil(() => $(el, '[part=heading]'), 'the card waited for the pack', { timeout: 3000 });
        await waitUntil(() => fetched.calls.some((c) => c.url.includes('/packs-stub/om')), 'no pack asked for');
        expect(asked).to.deep.equal([10_000]);
        deadline.abort(new DOMException('signal timed out', 'TimeoutError'));
        await waitUntil(() => events.length, 'no imh-translation-pack event');
      });
      expect(seen, seen.join('\n')).to.have.length(1);
      expect(seen[0]).to.contain('it did not arrive within 10 s');
      expect(events[0].detail).to.include({ locale: 'om', used: false });
      expect($$(el, '.bi')).to.have.length(0);
      expect($(el, '.root')!.getAttribute('lang')).to.equal('cy');
    } finally {
      AbortSignal.timeout = timeout;
      document.removeEventListener('imh-translation-pack', listen);
      link.remove();
    }
  });
});
