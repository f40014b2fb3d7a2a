import { elementUpdated, expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/components/support-card/support-card.js';
import '../../src/components/support-list/support-list.js';
import '../../src/components/session-list/session-list.js';
import type { ImhSupportCard } from '../../src/components/support-card/support-card.component.js';
import type { ImhLoadErrorEvent } from '../../src/events/load-error.js';
import type { ImhTranslationPackEvent } from '../../src/events/translation-pack.js';
import { exampleFeed } from '../fixtures/example.js';
import { expectQuietConsole, warnings } from '../fixtures/quiet.js';
import { restoreFetch, stubFetch } from '../fixtures/network.js';

// Bilingual display (issue 16): `lang="cy" bilingual="en"` shows Welsh first, then English, each
// part marked with its language (and direction) so screen readers switch voices.
const textOf = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
/** The language a screen reader reads a node in: its nearest `lang` (the element's root carries the first). */
const langOf = (n: Node) => (n instanceof Element ? n : n.parentElement)!.closest('[lang]')!.getAttribute('lang');
/** Every piece of text under a node, with the language it is read in. */
const spoken = (root: Node) => {
  const out: [string | null, string][] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (textOf(n) && !n.parentElement!.closest('style')) out.push([langOf(n), textOf(n)]);
  return out;
};

async function card(service: string, attrs: Record<string, string>, data?: unknown, width = '40rem') {
  const el = document.createElement('imh-support-card') as ImhSupportCard;
  el.data = data ?? (await exampleFeed());
  el.service = service;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  (await fixture(html`<div style="max-width: ${width}"></div>`)).append(el);
  await waitUntil(() => $(el, '[part=heading]'), 'no card');
  await elementUpdated(el);
  return el;
}

describe('bilingual display', () => {
  expectQuietConsole();
  before(async function () {
    // axe's first run in a page takes seconds on a loaded machine: paid here, not in a test's 10 s.
    this.timeout(60_000);
    await expect(await fixture(html`<p>ready</p>`)).to.be.accessible();
    fixtureCleanup();
  });
  afterEach(() => fixtureCleanup());

  it('a Welsh card with English: labels and buttons in both, each part in its language; axe-clean', async () => {
    const el = await card('health-visiting', { lang: 'cy', bilingual: 'en', now: '2026-11-23T12:00' });
    expect($(el, '.root')!.getAttribute('lang')).to.equal('cy');
    // The name: Welsh then English, from the feed's two texts.
    expect(spoken($(el, '[part=heading]')!)).to.deep.equal([
      ['cy', "Cyngor nad yw'n frys:"],
      ['cy', 'Ymwelwyr Iechyd (gwasanaeth 0-19)'],
      ['en', 'Health Visiting (0-19 service)'],
    ]);
    const labels = $$(el, '.facts dt').map((dt) => spoken(dt));
    // Each label in Welsh, then in English; a word the same in both ("Cost") is said once, in Welsh.
    expect(labels.map((l) => l.map(([lang]) => lang))).to.deep.equal([
      ...labels.slice(1).map(() => ['cy', 'en-GB']),
      ['cy'],
    ]);
    expect(labels.map((l) => l.at(-1)![1])).to.deep.equal([
      'For',
      'Stage',
      'How to get it',
      'Opening hours',
      'Languages',
      'Cost',
    ]);
    for (const l of labels.slice(0, -1)) expect(l[0][1]).not.to.equal(l[1][1]);
    // Values made of words (who it is for, the opening state, a date) are made in each language.
    const hours = spoken($$(el, '.facts dd')[3]);
    expect(hours.at(-1)).to.deep.equal(['en-GB', 'Open now, closes at 17:00']);
    expect(hours[0][0]).to.equal('cy');
    expect(spoken($(el, '.reviewed')!).at(-1)).to.deep.equal(['en-GB', 'Information checked on 1 October 2026']);
    // The call button says both; the number stays as it is, and the feed's note (in English only) once.
    const call = $(el, '.actions a')!;
    expect(spoken(call).filter(([lang]) => lang != 'cy')).to.deep.equal([
      ['en-GB', 'Call 01632 960555'],
      ['en-GB', 'Duty health visitor'],
    ]);
    expect(textOf(call).match(/Duty health visitor/g)).to.have.length(1);
    // No English text is left unmarked: everything read in Welsh is Welsh (or a number, or the feed's note in English).
    const english = new Set(['For', 'Stage', 'Free', 'Languages', 'Opening hours']);
    for (const [lang, text] of spoken(el.shadowRoot!)) if (english.has(text)) expect(lang, text).to.equal('en-GB');
    await expect(el).to.be.accessible();
  });

  it('feed text with only English is shown once, marked lang="en"', async () => {
    const data = await exampleFeed();
    const s = data.services.find((x: { id: string }) => x.id == 'camhs-under-5s');
    s.name = { en: 'Under fives' };
    const el = await card('camhs-under-5s', { lang: 'cy', bilingual: 'en' }, data);
    const name = spoken($(el, '[part=heading]')!).filter(([, t]) => /Under fives/.test(t));
    expect(name).to.deep.equal([['en', 'Under fives']]);
    expect(textOf($(el, '[part=heading]')).match(/Under fives/g)).to.have.length(1);
    // A plain string is in the feed's language, once too.
    const summary = spoken($(el, '.summary')!);
    expect(summary).to.have.length(1);
    expect(summary[0][0]).to.equal('en-GB');
  });

  it('Urdu with English: the English parts are marked left to right inside the right-to-left card', async () => {
    const el = await card('emergency-999', { lang: 'ur', bilingual: 'en' });
    expect($(el, '.root')!.getAttribute('dir')).to.equal('rtl');
    const seconds = $$(el, '.bi');
    expect(seconds.length).to.be.greaterThan(1);
    for (const s of seconds) {
      expect(s.getAttribute('dir')).to.equal('ltr');
      expect(s.getAttribute('lang')).to.match(/^en/);
    }
    expect(textOf($(el, '[part=heading] .bi'))).to.equal('Emergency: call 999');
    await expect(el).to.be.accessible();
  });

  it('a second language the same as the first, or none, shows one language', async () => {
    const el = await card('health-visiting', { lang: 'cy', bilingual: 'cy-GB' });
    expect($$(el, '.bi')).to.have.length(0);
    el.removeAttribute('lang');
    el.setAttribute('bilingual', 'cy');
    await waitUntil(() => $$(el, '.bi').length > 0, 'no Welsh after English');
    expect(spoken($(el, '[part=heading]')!).slice(1)).to.deep.equal([
      ['en-GB', 'Health Visiting (0-19 service)'],
      ['cy', 'Ymwelwyr Iechyd (gwasanaeth 0-19)'],
    ]);
    el.removeAttribute('bilingual');
    await waitUntil(() => $$(el, '.bi').length == 0, 'still bilingual');
  });

  for (const layout of ['stacked', 'columns', ''])
    it(`${layout || 'inline'} layout at 320 px: no horizontal overflow, nothing overlaps`, async () => {
      const el = await card(
        'samaritans',
        { lang: 'cy', bilingual: 'en', ...(layout && { 'bilingual-layout': layout }) },
        undefined,
        '320px',
      );
      el.parentElement!.style.width = '320px';
      await new Promise((r) => requestAnimationFrame(r));
      const right = el.parentElement!.getBoundingClientRect().right;
      for (const n of [el, ...$$(el, '*')])
        expect(n.getBoundingClientRect().right, n.tagName + n.className).to.be.at.most(right + 0.5);
      const pairs = $$(el, '.bi-pair');
      expect(pairs.length).to.be.greaterThan(3);
      for (const pair of pairs) {
        // Each line's piece of one language against each of the other's (an inline pair may share a line).
        const [a, b] = [...pair.children].map((c) => [...c.getClientRects()]);
        for (const x of a)
          for (const y of b) {
            const overlap =
              x.right > y.left + 0.5 && y.right > x.left + 0.5 && x.bottom > y.top + 0.5 && y.bottom > x.top + 0.5;
            expect(overlap, textOf(pair)).to.equal(false);
          }
        if (layout == 'stacked') expect(b[0].top, textOf(pair)).to.be.at.least(a.at(-1)!.bottom - 0.5);
      }
      if (layout == 'stacked') {
        const second = getComputedStyle($(el, '.bi')!);
        expect(second.display).to.equal('block');
      }
      await expect(el).to.be.accessible();
    });

  it('keyboard use is unchanged: the same links in the same order, by Tab', async () => {
    const tabStops = async (el: Element) => {
      const seen: string[] = [];
      const [start, end] = ['start', 'end'].map((name) => {
        const b = document.createElement('button');
        b.textContent = name;
        return b;
      });
      el.before(start);
      el.after(end);
      start.focus();
      for (let i = 0; i < 8; i++) {
        await sendKeys({ press: 'Tab' });
        if (document.activeElement == end) break;
        seen.push(el.shadowRoot!.activeElement!.getAttribute('href')!);
      }
      expect(document.activeElement, 'Tab did not reach the button after the card').to.equal(end);
      start.remove();
      end.remove();
      return seen;
    };
    const one = await tabStops(await card('samaritans', { lang: 'cy' }));
    fixtureCleanup();
    const two = await tabStops(await card('samaritans', { lang: 'cy', bilingual: 'en' }));
    expect(one.length).to.be.greaterThan(1);
    expect(two).to.deep.equal(one);
  });

  it("the second language's messages fail to load: one language, imh-load-error naming the file, reload", async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      await executeServerCommand('imh-fail-requests', { pattern: 'pl.ui' });
      const el = document.createElement('imh-support-card') as ImhSupportCard;
      el.setAttribute('lang', 'cy');
      el.setAttribute('bilingual', 'pl');
      el.service = 'health-visiting';
      el.data = await exampleFeed();
      const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
      (await fixture(html`<div></div>`)).append(el);
      expect((await error).detail.error.file).to.contain('pl.ui');
      await waitUntil(() => $(el, '[part=heading]'), 'no card');
      expect($(el, '.root')!.getAttribute('lang')).to.equal('cy');
      expect($$(el, '.bi')).to.have.length(0);
      expect(warnings).to.have.length(1);
      await executeServerCommand('imh-fail-requests', {});
      el.reload();
      await waitUntil(() => $$(el, '.bi[lang=pl]').length > 0, 'no Polish on reload');
    } finally {
      console.warn = warn;
      await executeServerCommand('imh-fail-requests', {});
    }
  });
  describe('the second language', () => {
    it('comes from a translation pack: bilingual="so" with a pack for Somali shows Somali', async () => {
      const link = Object.assign(document.createElement('link'), {
        rel: 'imh-translations',
        hreflang: 'so',
        href: '/test/fixtures/packs/so.json',
      });
      document.head.append(link);
      try {
        let el!: HTMLElement;
        // The fixture pack has mistakes of its own: its one console line says so.
        const seen = await warnings(async () => {
          el = await card('nhs-111', { lang: 'cy', bilingual: 'so' });
          await waitUntil(() => $(el, '[part=badge] .bi'), 'no second language');
        });
        expect(seen).to.have.length(1);
        expect(seen[0]).to.contain('translation pack for so');
        expect(spoken($(el, '[part=badge]')!)).to.deep.equal([
          ['cy', textOf($(el, '[part=badge] .bi-pair > span'))],
          ['so', 'Degdeg'],
        ]);
        expect(spoken($(el, '.lead a')!).at(-1)).to.deep.equal(['so', 'Wac 111']);
        // The pack lacks most messages: those show once, in Welsh, never English marked Somali.
        const english = await card('nhs-111', { lang: 'en' });
        const source = new Set(spoken(english.shadowRoot!).map(([, text]) => text));
        const somali = $$(el, '.bi[lang=so]').map(textOf);
        expect(somali).to.include('Degdeg');
        expect(somali.filter((text) => source.has(text))).to.deep.equal([]);
      } finally {
        link.remove();
      }
    });

    it('one we do not ship, with no pack: one language (never English), one console line and an event', async () => {
      const events: ImhTranslationPackEvent[] = [];
      const listen = (e: ImhTranslationPackEvent) => events.push(e);
      document.addEventListener('imh-translation-pack', listen);
      try {
        let welsh!: HTMLElement, polish!: HTMLElement;
        const seen = await warnings(async () => {
          welsh = await card('health-visiting', { lang: 'cy', bilingual: 'fr' });
          polish = await card('health-visiting', { lang: 'pl', bilingual: 'fr-FR' });
          await waitUntil(() => events.length, 'no imh-translation-pack event');
        });
        for (const el of [welsh, polish]) {
          expect($$(el, '.bi'), el.lang).to.have.length(0);
          expect(textOf(el.shadowRoot!), el.lang).not.to.contain('Opening hours');
        }
        // Said once per page: for the first element that asked.
        expect(seen).to.have.length(1);
        expect(seen[0]).to.match(/^imh-widgets: translation pack for fr \(http[^)]+\/imh-translations\/fr\.json\): /);
        expect(seen[0]).to.contain('imh-widgets does not ship fr, so bilingual="fr" shows one language');
        expect(events).to.have.length(1);
        expect(events[0].detail).to.include({ locale: 'fr', used: false, messages: 0 });
        expect(events[0].detail.problems.map((p) => p.kind)).to.deep.equal(['pack']);
        // On an English element, too, English is not said twice.
        const english = await card('health-visiting', { lang: 'en-GB', bilingual: 'fr' });
        expect($$(english, '.bi')).to.have.length(0);
      } finally {
        document.removeEventListener('imh-translation-pack', listen);
      }
    });

    it('by another code for a language we ship: bilingual="pnb" is Shahmukhi Punjabi, said nothing', async () => {
      const seen = await warnings(async () => {
        const el = await card('health-visiting', { lang: 'cy', bilingual: 'pnb' });
        await waitUntil(() => $$(el, '.bi[lang=pa-Arab]').length > 0, 'no Shahmukhi');
      });
      expect(seen).to.deep.equal([]);
    });

    it('one we do not ship, its pack beside the script refused (403): one console line and one event', async () => {
      const events: ImhTranslationPackEvent[] = [];
      const listen = (e: ImhTranslationPackEvent) => events.push(e);
      document.addEventListener('imh-translation-pack', listen);
      stubFetch(() => new Response('Forbidden', { status: 403 }));
      try {
        const seen = await warnings(async () => {
          const el = await card('health-visiting', { lang: 'cy', bilingual: 'sw' });
          await waitUntil(() => events.length, 'no imh-translation-pack event');
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect($$(el, '.bi')).to.have.length(0);
        });
        expect(seen, seen.join('\n')).to.have.length(1);
        expect(seen[0]).to.contain('the server answered 403');
        expect(events).to.have.length(1);
      } finally {
        restoreFetch();
        document.removeEventListener('imh-translation-pack', listen);
      }
    });

    it('bilingual="cy_GB", not a language tag: one language, a console line per value: what to write', async () => {
      const events: ImhTranslationPackEvent[] = [];
      const listen = (e: ImhTranslationPackEvent) => events.push(e);
      document.addEventListener('imh-translation-pack', listen);
      try {
        const seen = await warnings(async (seen) => {
          const el = await card('health-visiting', { lang: 'en', bilingual: 'cy_GB' });
          await card('health-visiting', { lang: 'pl', bilingual: 'cy_GB' });
          await card('health-visiting', { lang: 'pl', bilingual: 'Cymraeg!' });
          await card('health-visiting', { lang: 'pl', bilingual: 'EN_gb' });
          await waitUntil(() => seen.length == 3, `said ${seen.length} times`);
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect($$(el, '.bi')).to.have.length(0);
        });
        expect(seen).to.deep.equal([
          'imh-widgets: bilingual="cy_GB": cy_GB is not a language tag; write cy-GB. ' +
            'Until then the element shows one language.',
          'imh-widgets: bilingual="Cymraeg!": Cymraeg! is not a language tag; write one such as cy or cy-GB. ' +
            'Until then the element shows one language.',
          // The tag to write in its canonical form.
          'imh-widgets: bilingual="EN_gb": EN_gb is not a language tag; write en-GB. ' +
            'Until then the element shows one language.',
        ]);
        // No pack is looked for, so no advice to publish one, and no pack event.
        expect(events).to.deep.equal([]);
      } finally {
        document.removeEventListener('imh-translation-pack', listen);
      }
    });

    it('an unknown bilingual-layout ("side-by-side") is the default (the slash), said once', async () => {
      const slash = (el: HTMLElement) => getComputedStyle($(el, '.bi-pair > :first-child')!, '::after').content;
      const inline = await card('samaritans', { lang: 'cy', bilingual: 'en' });
      let unknown!: HTMLElement;
      const seen = await warnings(async (seen) => {
        unknown = await card('samaritans', { lang: 'cy', bilingual: 'en', 'bilingual-layout': 'side-by-side' });
        await card('samaritans', { lang: 'pl', bilingual: 'en', 'bilingual-layout': 'side-by-side' });
        await card('samaritans', { lang: 'cy', bilingual: 'en', 'bilingual-layout': 'column' });
        await waitUntil(() => seen.length == 2, `said ${seen.length} times`);
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      expect(seen).to.deep.equal(
        ['side-by-side', 'column'].map(
          (layout) =>
            `imh-widgets: bilingual-layout="${layout}" is not a layout: write stacked or columns, or leave it out ` +
            'for the default (the second language after a slash), which is shown until then.',
        ),
      );
      expect(slash(inline)).to.contain('/');
      expect(slash(unknown)).to.equal(slash(inline));
      expect(getComputedStyle($(unknown, '.bi')!).display).to.equal('inline');
      const stacked = await card('samaritans', { lang: 'cy', bilingual: 'en', 'bilingual-layout': 'stacked' });
      expect(slash(stacked)).to.equal('none');
    });
  });

  describe('the support list', () => {
    async function list(attrs: Record<string, string>) {
      const el = document.createElement('imh-support-list');
      el.data = await exampleFeed();
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      (await fixture(html`<div style="max-width: 40rem"></div>`)).append(el);
      await waitUntil(() => $(el, '#all-heading'), 'no list');
      await elementUpdated(el);
      return el;
    }

    it('headings and filter labels in both languages, each part in its language; axe-clean', async () => {
      const el = await list({ lang: 'cy', bilingual: 'en', now: '2026-11-23T12:00' });
      for (const sel of ['#urgent-heading', '#all-heading', '.skip', '[part=filters] label']) {
        const parts = spoken($(el, sel)!);
        expect(parts[0][0], sel).to.equal('cy');
        expect(
          parts.some(([lang]) => lang == 'en-GB'),
          sel,
        ).to.equal(true);
      }
      expect(spoken($(el, '#all-heading')!)).to.deep.equal([
        ['cy', textOf($(el, '#all-heading > .bi-pair > span'))],
        ['en-GB', 'Support and services'],
      ]);
      // A search box's name is its label, in both languages.
      const search = $(el, '[part=filters] input')!;
      expect(textOf(search.closest('label'))).to.match(/ Search$/);
      await expect(el).to.be.accessible();
    });

    it("finds a service by the second language's words", async () => {
      const el = await list({ lang: 'cy', bilingual: 'en' });
      const search = $(el, '[part=filters] input') as HTMLInputElement;
      search.focus();
      await sendKeys({ type: 'Family Hubs' });
      await waitUntil(() => $$(el, '[part=list] > li').length == 1, 'no single match for the English name');
      expect(textOf($(el, '[part=list] [part=heading]'))).to.contain('Hybiau Teulu');
    });
  });

  it('the session list: day headings, labels and buttons in both; a session named in both once each; axe', async () => {
    const el = document.createElement('imh-session-list');
    el.data = await exampleFeed();
    for (const [k, v] of Object.entries({ lang: 'cy', bilingual: 'en', now: '2026-11-23T08:00', limit: '3' }))
      el.setAttribute(k, v);
    (await fixture(html`<div style="max-width: 48rem"></div>`)).append(el);
    await waitUntil(() => $(el, '[part=day-heading]'), 'no sessions');
    await elementUpdated(el);
    expect(spoken($(el, '[part=day-heading]')!).map(([lang]) => lang)).to.deep.equal(['cy', 'en-GB']);
    expect(spoken($(el, '[part=day-heading]')!)[1][1]).to.equal('Today');
    const massage = $$(el, '[part=item-title]').find((n) => /Tylino Babanod/.test(textOf(n)))!;
    expect(spoken(massage).filter(([, text]) => /Baby Massage|Tylino Babanod/.test(text))).to.deep.equal([
      ['cy', 'Tylino Babanod'],
      ['en', 'Baby Massage'],
    ]);
    const more = spoken($(el, 'button.more')!);
    expect(more.map(([lang]) => lang)).to.deep.equal(['cy', 'en-GB']);
    expect(more[1][1]).to.equal('Show more sessions');
    await expect(el).to.be.accessible();
  });
});
