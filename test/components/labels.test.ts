/**
 * Issue 13 item 14: the labels parents read, in every element where they appear. Ages from two in
 * years, a textphone's channel said once, filter choices written as labels, links named by their
 * service, one name for each language, and addresses that wrap only where they can at 320 px.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/session-list/session-list.js';
import '../../src/components/support-card/support-card.js';
import '../../src/components/support-list/support-list.js';
import '../../src/components/first-1001-days-timeline/first-1001-days-timeline.js';
import { formatUnit } from '../../src/internal/format.js';
import { shippedLanguages } from '../../src/languages.js';
import { exampleFeed } from '../fixtures/example.js';
import { expectQuietConsole } from '../fixtures/quiet.js';
import { shown } from '../fixtures/shown.js';

const MONDAY = '2026-11-23T08:00';
const textOf = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
/** The element's own active element (focus inside its shadow root). */
const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
/** A label's own words (without its control's). */
const labelOf = (l: Element) =>
  [...l.childNodes]
    .filter((n) => n.nodeType == Node.TEXT_NODE)
    .map(textOf)
    .join('');

async function element<T extends HTMLElement>(
  tag: string,
  props: Record<string, unknown>,
  attrs: Record<string, string> = {},
  width = '40rem',
) {
  const el = Object.assign(document.createElement(tag), props) as unknown as T;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  (await fixture(html`<div style="max-width: ${width}"></div>`)).append(el);
  return shown(el);
}

/** The "For" line of the first session, once its language's messages have loaded. */
async function sessionFor(ageRange: Record<string, unknown>, lang = 'en-GB') {
  const data = await exampleFeed();
  const session = data.sessions.find((s: { id: string }) => s.id == 'baby-massage-monday');
  session.ageRange = ageRange;
  data.sessions = [session];
  const el = await element('imh-session-list', { data }, { now: MONDAY, limit: '1', lang });
  await waitUntil(() => $(el, '.facts dd'), 'no "For" line');
  if (lang != 'en-GB') await waitUntil(() => textOf($(el, '.facts dt')) != 'For', `${lang}: still in English`);
  return textOf($(el, '.facts dd'));
}

describe('labels parents read (issue 13 item 14)', () => {
  expectQuietConsole();
  afterEach(() => fixtureCleanup());

  describe('ages from two are written in years', () => {
    it('in the session list, in English', async () => {
      expect(await sessionFor({ fromMonths: 0, toMonths: 60 })).to.match(/· 0 to 5 years$/);
      expect(await sessionFor({ fromMonths: 12, toMonths: 48 })).to.match(/· 1 to 4 years$/);
      expect(await sessionFor({ fromMonths: 6, toMonths: 36 })).to.match(/· 6 months to 3 years$/);
      expect(await sessionFor({ fromMonths: 0, toMonths: 12 })).to.match(/· 0 to 12 months$/);
      // Not a whole number of years: months, exactly as the feed says.
      expect(await sessionFor({ fromMonths: 0, toMonths: 30 })).to.match(/· 0 to 30 months$/);
      expect(await sessionFor({ toMonths: 24 })).to.match(/· Up to 2 years$/);
      expect(await sessionFor({ fromMonths: 6 })).to.match(/· From 6 months$/);
      expect(await sessionFor({ pregnancy: true, toMonths: 36 })).to.match(/· From pregnancy to 3 years$/);
    });

    it('in every shipped language, with its plural forms', async () => {
      for (const lang of ['cy', 'pl', 'ro', 'ur', 'ar', 'bn', 'pa', 'pa-Arab']) {
        const line = await sessionFor({ fromMonths: 0, toMonths: 60 }, lang);
        // formatUnit picks the plural form by Intl.PluralRules (Welsh "5 mlynedd", Arabic "5 سنوات").
        expect(line, lang).to.contain(formatUnit(5, 'year', lang));
        expect(line, lang).not.to.contain(formatUnit(60, 'month', lang));
        const two = await sessionFor({ toMonths: 24 }, lang);
        expect(two, lang).to.contain(formatUnit(2, 'year', lang));
      }
    });

    it("in the timeline's summary on the second birthday", async () => {
      const el = await element('imh-first-1001-days-timeline', {}, { now: '2026-11-23', 'birth-date': '2024-11-23' });
      await waitUntil(() => $(el, '.where'), 'no summary');
      expect(textOf($(el, '.where'))).to.match(/ — your baby is 2 years old$/);
    });
  });

  it('says a textphone once: the note that names it takes its place', async () => {
    const el = await element('imh-support-card', { data: await exampleFeed(), service: 'nhs-111' });
    const links = $$(el, '.actions a').map(textOf);
    expect(links).to.include('Textphone (relay) 18001 111');
    for (const text of links) expect(text.match(/textphone/gi)?.length ?? 0, text).to.be.at.most(1);
    // A note that does not name the channel is still shown after the number.
    const visiting = await element('imh-support-card', { data: await exampleFeed(), service: 'health-visiting' });
    expect($$(visiting, '.actions a').map(textOf)).to.deep.equal(['Call 01632 960555 (Duty health visitor)']);
  });

  // A note that only starts like the word ("Texts cost…", "Calls cost…") is a note: the link keeps its word.
  it('keeps the word on a link whose note only starts like it, in English and in Welsh', async () => {
    const data = await exampleFeed();
    const nhs111 = data.services.find((s: { id: string }) => s.id == 'nhs-111');
    nhs111.contact.phones.push({ number: '07700 900123', kind: 'text', note: 'Texts cost your usual rate' });
    const link = (el: HTMLElement) => textOf($(el, '.actions a[href^="sms:"]'));
    const en = await element('imh-support-card', { data, service: 'nhs-111' });
    expect(link(en)).to.equal('Text 07700 900123 (Texts cost your usual rate)');
    const cy = await element('imh-support-card', { data, service: 'nhs-111' }, { lang: 'cy' });
    await waitUntil(() => link(cy).startsWith('Tecst'), `not in Welsh: ${link(cy)}`);
    expect(link(cy)).to.match(/^Tecst\S* 07700 900123 \(Texts cost your usual rate\)$/);
  });

  // The feed gives the note only in English: the element's own word for the channel is not said beside it.
  for (const [lang, word] of [
    ['cy', /ffôn testun/i],
    ['pl', /tekstowy/i],
  ] as const)
    it(`says a textphone once in a ${lang} card whose note the feed gives only in English`, async () => {
      const el = await element('imh-support-card', { data: await exampleFeed(), service: 'nhs-111' }, { lang });
      await waitUntil(() => $(el, '.actions a[href="tel:18001111"]'), 'no textphone link');
      const link = textOf($(el, '.actions a[href="tel:18001111"]'));
      expect(link).to.equal('Textphone (relay) 18001 111');
      expect(link).not.to.match(word);
    });

  describe('the support list', () => {
    it('names every "Website" link by its service, the visible word first (WCAG 2.4.4, 2.5.3)', async () => {
      const el = await element('imh-support-list', { data: await exampleFeed() }, { now: MONDAY });
      const sites = $$(el, 'a[part~=action]').filter((a) => textOf(a).startsWith('Website'));
      expect(sites.length).to.be.at.least(7);
      // The visible word, then the service, hidden: the link's text is its accessible name.
      const names = sites.map((a) => textOf(a));
      for (const a of sites) expect(a.hasAttribute('aria-label')).to.equal(false);
      for (const a of sites) {
        const hidden = a.querySelector('.visually-hidden')!;
        expect(textOf(a).slice(0, -textOf(hidden).length)).to.equal('Website');
        expect(textOf(hidden)).to.match(/^: /);
      }
      for (const [i, a] of sites.entries()) {
        const card = a.closest('article')!;
        const service = textOf(card.querySelector('[part~=heading]')).replace(/^[^:]*: /, ''); // after the hidden prefix
        expect(names[i]).to.equal(`Website: ${service}`);
      }
      expect(new Set(names).size, 'each link has a name of its own').to.equal(names.length);
      await expect(el).to.be.accessible();
    });

    it('writes its filters as labels: "Type of support", and capitalised stages and audiences', async () => {
      const el = await element('imh-support-list', { data: await exampleFeed() }, { now: MONDAY });
      const labels = $$(el, '[part=filters] label').map(labelOf);
      expect(labels).to.deep.equal(['Search', 'Stage', 'For', 'Type of support']);
      const options = (name: string) =>
        [...$(el, `select[name=${name}]`)!.querySelectorAll('option')].map((o) => o.textContent!.trim());
      expect(options('stage')).to.deep.equal(['Any', 'Pregnancy', 'Babies under 1', 'Children aged 1 to 2']);
      expect(options('audience')).to.include.members(['Parents', 'Dads', 'Parents-to-be', 'Practitioners']);
      for (const o of [...options('stage'), ...options('audience')]) expect(o[0], o).to.equal(o[0].toUpperCase());
      // By keyboard: from the search, Tab reaches the filters in order, each named by its label.
      $(el, 'input[name=q]')!.focus();
      for (const name of ['stage', 'audience', 'kind']) {
        await sendKeys({ press: 'Tab' });
        expect(active(el)?.getAttribute('name')).to.equal(name);
      }
      expect(labelOf(active(el)!.closest('label')!)).to.equal('Type of support');
      await expect(el).to.be.accessible();
    });

    it('capitalises in Welsh and Polish, and leaves scripts without capitals as they are', async () => {
      for (const lang of ['cy', 'pl', 'ar']) {
        const el = await element('imh-support-list', { data: await exampleFeed() }, { now: MONDAY, lang });
        await waitUntil(() => textOf($(el, 'select[name=stage] option:nth-child(2)')) != 'Pregnancy', lang);
        for (const o of [...$(el, 'select[name=audience]')!.querySelectorAll('option')].map(textOf))
          expect(o[0], `${lang}: ${o}`).to.equal(o[0].toLocaleUpperCase(lang));
      }
    });
  });

  it('"Add to calendar" offers downloads in words, the file described to screen readers; by keyboard', async () => {
    const el = await element('imh-session-list', { data: await exampleFeed() }, { now: MONDAY, limit: '1' });
    const summary = $(el, 'details.calendar summary')!;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => (summary.parentElement as HTMLDetailsElement).open, 'Enter did not open the menu');
    await sendKeys({ press: 'Tab' });
    const buttons = [...summary.parentElement!.querySelectorAll('button')];
    expect(active(el)).to.equal(buttons[0]);
    expect(buttons.map(textOf)).to.deep.equal(['Download this date', 'Download every date']);
    expect(textOf(summary.parentElement)).not.to.contain('.ics');
    for (const b of buttons) {
      const hint = el.shadowRoot!.getElementById(b.getAttribute('aria-describedby')!);
      expect(textOf(hint)).to.equal('A calendar file, for Apple Calendar and other calendar apps.');
    }
    await expect(el).to.be.accessible();
  });

  it('names Bengali as the language menu does, not "Bangla"', async () => {
    const data = await exampleFeed();
    const service = data.services.find((s: { id: string }) => s.id == 'health-visiting');
    service.languages = ['en', 'bn', 'pa', 'ur'];
    const el = await element('imh-support-card', { data, service: 'health-visiting' });
    const languages = $$(el, '.facts > div').find((d) => textOf(d.querySelector('dt')) == 'Languages')!;
    const menu = Object.fromEntries(shippedLanguages().map((l) => [l.code, l.english]));
    expect(menu.bn).to.equal('Bengali');
    expect(textOf(languages.querySelector('dd'))).to.equal(`English, ${menu.bn}, Punjabi and Urdu`);
  });

  describe('at 320 px', () => {
    // Chromium and Firefox take a phone's viewport; WebKit's driver cannot, so there the column is 320 px.
    const phone = /Chrome|Firefox/.test(navigator.userAgent);
    before(async () => {
      if (phone) await setViewport({ width: 320, height: 640 });
    });
    after(async () => {
      if (phone) await setViewport({ width: 800, height: 600 });
    });

    /** The distinct lines a text node's characters sit on. */
    const lines = (node: Node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    };
    const textNodes = (root: Node) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n; (n = walker.nextNode() as Text | null);) if (n.data.trim()) nodes.push(n);
      return nodes;
    };

    it('a postcode stays on one line; an email address breaks only after "@" or before a dot', async () => {
      const data = await exampleFeed();
      const list = await element('imh-session-list', { data }, { now: MONDAY, limit: '40' }, '320px');
      const postcodes = $$(list, '.postcode');
      expect(postcodes.length).to.be.greaterThan(3);
      for (const p of postcodes) expect(lines(p), textOf(p)).to.equal(1);
      const support = await element('imh-support-list', { data }, { now: MONDAY }, '320px');
      const email = $$(support, 'a[href^="mailto:"]').find((a) => a.textContent!.includes('wolverhampton'))!;
      expect(lines(email), 'the long address needs two lines at 320 px').to.be.greaterThan(1);
      // Each piece between break opportunities ("fhparent", ".infantwbteam@", "wolverhampton", …) is whole.
      for (const piece of textNodes(email)) expect(lines(piece), piece.data).to.equal(1);
    });

    it('a 200-character word breaks inside its card and never widens the page', async () => {
      const word = 'Supercalifragilistic'.repeat(10);
      const data = await exampleFeed();
      for (const s of data.services) s.summary = `${word} ${s.summary}`;
      data.sessions[0].name = word;
      data.places[0].name = word;
      const list = await element('imh-session-list', { data }, { now: MONDAY, limit: '3' }, '320px');
      const support = await element('imh-support-list', { data }, { now: MONDAY }, '320px');
      const card = await element('imh-support-card', { data, service: 'nhs-111' }, {}, '320px');
      for (const el of [list, support, card]) {
        const right = el.getBoundingClientRect().right;
        expect(right, el.localName).to.be.at.most(el.parentElement!.getBoundingClientRect().right + 0.5);
        for (const n of [el, ...$$(el, '*')])
          expect(n.getBoundingClientRect().right, `${el.localName} ${n.localName}.${n.className}`).to.be.at.most(
            right + 0.5,
          );
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(phone ? 320 : innerWidth);
    });
  });
});
