import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/components/support-card/support-card.js';
import { intlDataOf, resolveLocale } from '../src/localization.js';
import { Translator, str } from '../src/internal/localize.js';
import { formatDay, formatUnit, plural } from '../src/internal/format.js';
import type { ImhTranslationPackEvent } from '../src/events/translation-pack.js';
import { exampleFeed } from './fixtures/example.js';
import { warnings } from './fixtures/quiet.js';

// Translation packs (src/packs.ts): fixtures in test/fixtures/packs/. The test server serves that
// folder as `imh-translations/` beside the script too (web-test-runner.config.mjs), as a council's
// web server would serve packs published beside imh-widgets.js.
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const textOf = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const prefix = (el: Element) => textOf($(el, '[part=heading] .visually-hidden'));

/** Names a pack in the page, as an editor would: `<link rel="imh-translations" hreflang href>`. */
function name(hreflang: string, file: string) {
  const link = document.createElement('link');
  link.rel = 'imh-translations';
  link.hreflang = hreflang;
  link.href = `/test/fixtures/packs/${file}`;
  document.head.append(link);
  return link;
}

async function card(lang: string) {
  const data = await exampleFeed();
  return fixture<HTMLElement>(html`<imh-support-card lang=${lang} service="nhs-111" .data=${data}></imh-support-card>`);
}

describe('translation packs', () => {
  const links: HTMLLinkElement[] = [];
  afterEach(() => {
    fixtureCleanup();
    links.splice(0).forEach((l) => l.remove());
  });

  // First in this file: the date formatters' file (`cldr-format`) must not have loaded yet in this page.
  it("a pack's date patterns whose formatters cannot be loaded: its words, the browser's dates", async () => {
    links.push(name('am', 'am-patterns.json'));
    // The test server answers 404 for the formatters' file (web-test-runner.config.mjs), as offline.
    await executeServerCommand('imh-fail-requests', { pattern: 'cldr-format' });
    try {
      let el!: HTMLElement;
      const event = oneEvent(document, 'imh-translation-pack') as Promise<ImhTranslationPackEvent>;
      const seen = await warnings(async () => {
        el = await card('am');
        await waitUntil(() => textOf($(el, '[part=badge]')) == 'አስቸኳይ', `saw "${textOf($(el, '[part=badge]'))}"`);
      });
      const { detail } = await event;
      expect(detail).to.include({ locale: 'am', used: true, messages: 1 });
      const intl = detail.problems.filter((p) => p.kind == 'intl');
      expect(intl).to.have.length(1);
      expect(intl[0].message).to.contain('cldr-format');
      expect(seen).to.have.length(1);
      expect(seen[0]).to.match(/^imh-widgets: translation pack for am \(http[^)]+\/am-patterns\.json\): /);
      expect(seen[0]).to.contain('date and list patterns ignored: Could not load the date formats');
      // Not used: dates are the browser's Intl's.
      expect(intlDataOf('am')).to.equal(undefined);
      expect(formatDay(20103, 'am', { day: 'numeric', month: 'long' })).to.equal(
        new Intl.DateTimeFormat('am', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(2025, 0, 15)),
      );
    } finally {
      await executeServerCommand('imh-fail-requests', {});
    }
  });

  it('date patterns the formatters cannot write (a unit missing): not used, in its line and event', async () => {
    links.push(name('om', 'om-no-weeks.json'));
    let el!: HTMLElement;
    const event = oneEvent(document, 'imh-translation-pack') as Promise<ImhTranslationPackEvent>;
    const seen = await warnings(async () => {
      el = await card('om');
      await waitUntil(() => textOf($(el, '[part=badge]')) == 'Ariifachiisaa', `saw "${textOf($(el, '[part=badge]'))}"`);
    });
    const { detail } = await event;
    expect(detail).to.include({ locale: 'om', used: true, messages: 1 });
    const intl = detail.problems.filter((p) => p.kind == 'intl');
    expect(intl).to.have.length(1);
    expect(intl[0].message).to.match(/^they cannot be written \(/);
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('date and list patterns ignored: they cannot be written');
    expect(intlDataOf('om')).to.equal(undefined);
    // Weeks are written, in the browser's words (from the pack's patterns, this threw).
    expect(formatUnit(2, 'week', 'om')).to.equal(
      new Intl.NumberFormat('om', { style: 'unit', unit: 'week', unitDisplay: 'long' }).format(2),
    );
  });

  it('a named pack adds a language: valid messages used, the rest English, one console line and an event', async () => {
    links.push(name('so', 'so.json'));
    let el!: HTMLElement;
    const event = oneEvent(document, 'imh-translation-pack') as Promise<ImhTranslationPackEvent>;
    const seen = await warnings(async () => {
      el = await card('so-SO');
      await waitUntil(() => prefix(el) == 'Talo degdeg ah:', `saw "${prefix(el)}"`);
    });
    const { detail } = await event;
    // Used where valid; each message's language is the element's.
    expect(textOf($(el, '[part=badge]'))).to.equal('Degdeg');
    expect(textOf($(el, '.lead a'))).to.equal('Wac 111');
    expect($(el, '.root')!.lang).to.equal('so');
    expect($(el, '.root')!.dir).to.equal('ltr');
    expect(resolveLocale('so-SO')).to.equal('so');
    // A message the pack lacks is in English, for that message only.
    expect(textOf($(el, 'a[href^="https"]'))).to.contain('Website');
    // Refused: a translation that drops or adds a placeholder; ignored: an id this version lacks,
    // and a plural form Somali does not have (CLDR: one, other).
    const by = (kind: string) => detail.problems.filter((p) => p.kind == kind);
    expect(by('refused').map((p) => [p.id, p.message])).to.deep.equal([
      ['card.email', 'the translation adds {1}, which the English does not have'],
      ['card.text', 'the translation drops {0}'],
    ]);
    expect(by('unknown').map((p) => p.id)).to.have.members(['card.no-such-message', 'session-list.count.few']);
    expect(by('missing').length).to.be.greaterThan(100);
    expect(by('missing').map((p) => p.id)).to.include('card.website');
    expect(by('missing').map((p) => p.id)).not.to.include('session-list.count.two'); // not a Somali form
    expect(detail).to.include({ locale: 'so', used: true, messages: 5 });
    expect(detail.url).to.equal(new URL('/test/fixtures/packs/so.json', location.href).href);
    expect(seen).to.have.length(1);
    expect(seen[0]).to.match(
      /^imh-widgets: translation pack for so \(http[^)]+\/so\.json\): 2 refused, shown in English/,
    );
    expect(seen[0]).to.contain('card.text (the translation drops {0})');
    expect(seen[0]).to.contain('missing, shown in English');
    // Plural forms follow the language's CLDR categories.
    const t = new Translator('so');
    const count = (n: number) =>
      plural(n, 'so', {
        zero: (x) => t.msg(str`${x} sessions found`, { id: 'session-list.count.zero' }),
        one: (x) => t.msg(str`${x} session found`, { id: 'session-list.count.one' }),
        two: (x) => t.msg(str`${x} sessions found`, { id: 'session-list.count.two' }),
        few: (x) => t.msg(str`${x} sessions found`, { id: 'session-list.count.few' }),
        many: (x) => t.msg(str`${x} sessions found`, { id: 'session-list.count.many' }),
        other: (x) => t.msg(str`${x} sessions found`, { id: 'session-list.count.other' }),
      });
    expect([count(1), count(3)]).to.deep.equal(['1 kulan ayaa la helay', '3 kulamo ayaa la helay']);
  });

  it('a pack beside the script serves a language we do not ship, with date patterns the browser may lack', async () => {
    const event = oneEvent(document, 'imh-translation-pack') as Promise<ImhTranslationPackEvent>;
    let el!: HTMLElement;
    const seen = await warnings(async () => {
      el = await card('ti');
      await waitUntil(() => prefix(el) == 'ህጹጽ ምኽሪ:', `saw "${prefix(el)}"`);
    });
    expect(seen).to.have.length(1);
    expect(seen[0]).to.match(/\/imh-translations\/ti\.json\): 2\d\d missing, shown in English/);
    expect(textOf($(el, '.lead a'))).to.equal('ደውሉ 111');
    const { detail } = await event;
    expect(detail.url).to.match(/\/imh-translations\/ti\.json$/);
    expect(detail.problems.filter((p) => p.kind != 'missing')).to.deep.equal([]);
    const data = intlDataOf('ti')!;
    expect(data.months[0]).to.equal('ጥሪ');
    // 15 January 2025 in the pack's own words, whatever the browser's Intl knows of Tigrinya.
    expect(formatDay(20103, 'ti', { day: 'numeric', month: 'long' })).to.contain(data.months[0]);
  });

  it('a pack for a shipped language improves it: its messages win, ours fill the rest', async () => {
    links.push(name('cy', 'cy.json'));
    const event = oneEvent(document, 'imh-translation-pack') as Promise<ImhTranslationPackEvent>;
    let el!: HTMLElement;
    const seen = await warnings(async () => {
      el = await card('cy-GB');
      await waitUntil(() => textOf($(el, '[part=badge]')) == 'Brys iawn', `saw "${textOf($(el, '[part=badge]'))}"`);
    });
    // Nothing wrong with a pack that improves one message of ours: no console line.
    expect(seen).to.deep.equal([]);
    expect((await event).detail).to.deep.include({ locale: 'cy', used: true, messages: 1, problems: [] });
    expect(prefix(el)).to.equal('Cyngor brys:');
    expect(textOf($(el, '.lead a'))).to.equal('Ffoniwch 111');
  });

  it('an unusable pack never breaks an element: English, one console line, and an event saying why', async () => {
    links.push(name('sw', 'broken.json'), name('xh', 'pl-for-sw.json'), name('zu', 'no-such-pack.json'));
    const cases: [string, string][] = [
      ['sw', 'not used: it is not JSON'],
      ['xh', 'not used: it is a pack for pl, not xh'],
      ['zu', 'not used: the server answered 404'],
    ];
    for (const [lang, why] of cases) {
      let el!: HTMLElement;
      const event = oneEvent(document, 'imh-translation-pack') as Promise<ImhTranslationPackEvent>;
      const seen = await warnings(async () => {
        el = await card(lang);
        await waitUntil(() => prefix(el) == 'Urgent advice:', `saw "${prefix(el)}"`);
      });
      expect(seen).to.have.length(1);
      expect(seen[0]).to.contain(why);
      expect((await event).detail).to.include({ locale: lang, used: false });
      expect($(el, '.root')!.lang).to.equal('en-GB');
      fixtureCleanup();
    }
  });

  it('a language with no pack anywhere is English, quietly', async () => {
    const seen = await warnings(async () => {
      const el = await card('fr');
      await waitUntil(() => prefix(el) == 'Urgent advice:', `saw "${prefix(el)}"`);
      expect($(el, '.root')!.lang).to.equal('en-GB');
    });
    expect(seen).to.deep.equal([]);
  });
});
