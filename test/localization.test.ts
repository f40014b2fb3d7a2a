import { elementUpdated, expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { html as litHtml, type PropertyValues } from 'lit';
import '../src/components/support-card/support-card.js';
import '../src/components/session-list/session-list.js';
import { directionOf, getLocale, resolveLocale, setLocale } from '../src/localization.js';
import { ImhElement } from '../src/internal/imh-element.js';
import { defineElement } from '../src/internal/define-element.js';
import { exampleFeed } from './fixtures/example.js';
import { expectQuietConsole } from './fixtures/quiet.js';

const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const textOf = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The hidden urgency prefix: a message, so it shows which language the card speaks. */
const prefix = (el: Element) => textOf($(el, '[part=heading] .visually-hidden'));
const PSEUDO = '⟦Ñöñ-ürgéñt ádvíçé: · · · ·⟧';
const rendered = (el: Element, text: string) =>
  waitUntil(() => prefix(el) == text, `expected "${text}", saw "${prefix(el)}"`);

/** An element that says "Try again" at every moment an element can make text outside its render. */
class SayingElement extends ImhElement {
  said: Record<string, string> = {};
  private tryAgain = () => this.t.msg('Try again', { id: 'feed.retry', desc: 'Button that loads the feed again' });
  protected override feedMode() {
    return 'none' as const;
  }
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.said.updated = this.tryAgain();
  }
  /** After an await: a timer and a fetch-like promise, as a calendar export or a lazy chunk would. */
  async later() {
    await new Promise((r) => setTimeout(r, 0));
    await Promise.resolve();
    this.said.later = this.tryAgain();
  }
  protected override renderContent() {
    return litHtml`<button @click=${() => (this.said.click = this.tryAgain())}>go</button>`;
  }
}
defineElement('imh-test-saying', SayingElement);

describe('localisation', () => {
  expectQuietConsole();
  afterEach(async () => {
    fixtureCleanup();
    await setLocale('en-GB');
  });

  describe('resolveLocale: regional and script variants fall back sensibly', () => {
    const cases: [string | undefined, string][] = [
      ['cy', 'cy'],
      ['cy-GB', 'cy'],
      ['CY-gb', 'cy'],
      ['pa-Guru', 'pa'],
      ['pa-Guru-IN', 'pa'],
      ['pa-IN', 'pa'],
      ['pa-Arab', 'pa-Arab'], // Shahmukhi, never the Gurmukhi translation
      ['pa-arab-pk', 'pa-Arab'],
      ['pa-PK', 'pa-Arab'], // Punjabi in Pakistan is written in Shahmukhi
      ['pnb', 'pa-Arab'], // Western Punjabi's own code
      ['ur-Latn', 'en-GB'], // romanised Urdu is not our Urdu
      ['ur-PK', 'ur'],
      ['ar-EG', 'ar'],
      ['en', 'en-GB'],
      ['en-US', 'en-GB'],
      ['en-XA', 'en-XA'],
      ['fr', 'en-GB'],
      ['', 'en-GB'],
      [undefined, 'en-GB'],
    ];
    for (const [tag, locale] of cases) it(`${tag} → ${locale}`, () => expect(resolveLocale(tag)).to.equal(locale));
  });

  it('reads direction from the script: Arabic, Urdu and Shahmukhi right to left, Gurmukhi left to right', () => {
    const dirs = ['ar', 'ur', 'pa-Arab', 'pa', 'pa-Guru', 'cy', 'he', 'ckb', 'en-GB'].map(
      (l) => `${l} ${directionOf(l)}`,
    );
    expect(dirs).to.deep.equal([
      'ar rtl',
      'ur rtl',
      'pa-Arab rtl',
      'pa ltr',
      'pa-Guru ltr',
      'cy ltr',
      'he rtl',
      'ckb rtl',
      'en-GB ltr',
    ]);
  });

  it("an element speaks its own lang, else its nearest ancestor's, else the page's, else the default", async () => {
    const data = await exampleFeed();
    const wrap = await fixture(html`<div lang="en-XA">
      <imh-support-card id="own" lang="en-GB" service="gp" .data=${data}></imh-support-card>
      <imh-support-card id="ancestor" service="gp" .data=${data}></imh-support-card>
    </div>`);
    const own = wrap.querySelector('#own')!;
    const ancestor = wrap.querySelector('#ancestor')!;
    await rendered(ancestor, PSEUDO);
    await rendered(own, 'Non-urgent advice:');
    expect($(ancestor, '.root')!.getAttribute('lang')).to.equal('en-XA');
    expect($(own, '.root')!.getAttribute('lang')).to.equal('en-GB');
  });

  it("falls back to the page's <html lang>, then to the default from setLocale()", async () => {
    const data = await exampleFeed();
    const html_ = document.documentElement;
    const pageLang = html_.getAttribute('lang');
    try {
      html_.removeAttribute('lang');
      const el = await fixture(html`<imh-support-card service="gp" .data=${data}></imh-support-card>`);
      await rendered(el, 'Non-urgent advice:');
      await setLocale('en-XA');
      expect(getLocale()).to.equal('en-XA');
      await rendered(el, PSEUDO);
      html_.setAttribute('lang', 'en-GB');
      await rendered(el, 'Non-urgent advice:');
    } finally {
      if (pageLang) html_.setAttribute('lang', pageLang);
      else html_.removeAttribute('lang');
    }
  });

  it('renders again when its lang changes at run time, and its direction follows', async () => {
    const el = await fixture(html`<imh-support-card service="gp" .data=${await exampleFeed()}></imh-support-card>`);
    await rendered(el, 'Non-urgent advice:');
    el.setAttribute('lang', 'en-XA');
    await rendered(el, PSEUDO);
    el.setAttribute('lang', 'ur');
    await waitUntil(() => $(el, '.root')?.getAttribute('dir') == 'rtl');
    expect($(el, '.root')!.getAttribute('lang')).to.equal('ur');
    el.setAttribute('lang', 'cy-GB');
    await waitUntil(() => $(el, '.root')?.getAttribute('dir') == 'ltr');
    expect($(el, '.root')!.getAttribute('lang')).to.equal('cy');
  });

  it('never flashes the source language before its own language has loaded', async () => {
    const el = document.createElement('imh-support-card');
    el.setAttribute('lang', 'en-XA');
    el.setAttribute('name', 'Family Hubs');
    const seen: string[] = [];
    const observer = new MutationObserver(() => el.shadowRoot && seen.push(prefix(el)));
    document.body.append(el);
    observer.observe(el, { subtree: true, childList: true, characterData: true });
    await rendered(el, PSEUDO);
    await elementUpdated(el);
    observer.disconnect();
    expect(seen.filter((s) => s == 'Non-urgent advice:')).to.deep.equal([]);
    el.remove();
  });

  it('speaks Welsh beside English on one page (Welsh translations awaiting native review)', async () => {
    const data = await exampleFeed();
    const wrap = await fixture(html`<div>
      <imh-support-card id="cy" lang="cy" service="nhs-111" .data=${data}></imh-support-card>
      <imh-support-card id="en" lang="en-GB" service="nhs-111" .data=${data}></imh-support-card>
    </div>`);
    const cy = wrap.querySelector('#cy')!;
    const en = wrap.querySelector('#en')!;
    await rendered(cy, 'Cyngor brys:');
    await rendered(en, 'Urgent advice:');
    expect(textOf($(cy, '[part=badge]'))).to.equal('Brys');
    expect(textOf($(en, '[part=badge]'))).to.equal('Urgent');
    expect(textOf($(cy, '.lead a'))).to.equal('Ffoniwch 111');
  });

  describe("each element's own translator", () => {
    it('translates in event handlers, in updated(), after an await, side by side with another language', async () => {
      const wrap = await fixture(html`<div>
        <imh-test-saying id="cy" lang="cy"></imh-test-saying><imh-test-saying id="en" lang="en-GB"></imh-test-saying>
      </div>`);
      const cy = wrap.querySelector<SayingElement>('#cy')!;
      const en = wrap.querySelector<SayingElement>('#en')!;
      await waitUntil(() => cy.said.updated && en.said.updated, 'not updated');
      // Interleaved: the English element's click and update happen between the Welsh one's.
      $(cy, 'button')!.click();
      $(en, 'button')!.click();
      await Promise.all([cy.later(), en.later()]);
      en.requestUpdate();
      await en.updateComplete;
      const welsh = 'Rhowch gynnig arall arni';
      expect(cy.said).to.deep.equal({ updated: welsh, click: welsh, later: welsh });
      expect(en.said).to.deep.equal({ updated: 'Try again', click: 'Try again', later: 'Try again' });
    });

    it("announces in the element's language (the session list's result count)", async () => {
      const data = await exampleFeed();
      const el = await fixture<HTMLElement>(
        html`<imh-session-list lang="cy" filters now="2026-11-23T08:00" .data=${data}></imh-session-list>`,
      );
      await waitUntil(() => $(el, '[part=filters] select[name=category]'), 'no filters');
      const category = $(el, 'select[name=category]') as HTMLSelectElement;
      category.value = 'baby-booktime';
      category.dispatchEvent(new Event('change', { bubbles: true }));
      // The list's one polite status (its visible count is not a live region).
      const status = () => textOf($(el, '.results [role=status]'));
      await waitUntil(() => status(), 'nothing announced');
      expect(status()).to.match(/^\d+ sesiwn wedi'(u canfod|i chanfod)$/);
    });
  });

  it("picks feed text in the element's language, marked with its own lang when it differs", async () => {
    const data = await exampleFeed();
    const wrap = await fixture(html`<div>
      <imh-support-card id="cy" lang="cy" service="health-visiting" .data=${data}></imh-support-card>
      <imh-support-card id="pl" lang="pl" service="health-visiting" .data=${data}></imh-support-card>
    </div>`);
    const cy = wrap.querySelector('#cy')!;
    const pl = wrap.querySelector('#pl')!;
    await waitUntil(() => $(cy, '[part=heading]') && $(pl, '[part=heading]'));
    // Welsh is in the feed: no extra lang needed. Polish is not: the feed's English, marked as English.
    const cyName = $(cy, '[part=heading]')!;
    expect(textOf(cyName)).to.contain('Ymwelwyr Iechyd (gwasanaeth 0-19)');
    expect(cyName.querySelector('[lang]')).to.equal(null);
    const plName = $(pl, '[part=heading] [lang]')!;
    expect(plName.getAttribute('lang')).to.equal('en');
    expect(textOf(plName)).to.equal('Health Visiting (0-19 service)');
  });
});
