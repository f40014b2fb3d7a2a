import { elementUpdated, expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/support-card/support-card.js';
import '../../src/components/support-list/support-list.js';
import '../../src/components/session-list/session-list.js';
import { exampleFeed } from '../fixtures/example.js';
import { minimalFeed, place, session } from '../fixtures/feeds.js';
import { TERMS } from '../fixtures/terms.js';
import { expectQuietConsole } from '../fixtures/quiet.js';

// Bilingual display (issue 16) in the lists: the session list's filters, links, calendar menu and
// empty message, the support card's Email and Website links, and what the lists' searches find.
// `lang="cy" bilingual="en"`: Welsh first, then English, each part read in its own language.
const MONDAY = '2026-11-23T08:00';
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
/** The languages a node's text is read in, in order, each once per change. */
const voices = (root: Node) => spoken(root).reduce<(string | null)[]>((v, [l]) => (v.at(-1) == l ? v : [...v, l]), []);
/** The text a sighted reader sees (without the visually hidden words). */
const visible = (root: Element) => {
  const copy = root.cloneNode(true) as Element;
  copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
  return textOf(copy);
};
/**
 * Where a pair's second part is drawn against its first: on a line `below` it, `beside` it (after it
 * in the pair's direction: left of it in Urdu), or on the `same line` after a slash (the default).
 */
const placement = (pair: Element) => {
  // The first part's last line, and the second part's first line (an inline part may wrap).
  const first = [...pair.children[0].getClientRects()].at(-1)!;
  const second = pair.children[1].getClientRects()[0];
  if (second.top >= first.bottom - 1) return 'below';
  const after = getComputedStyle(pair).direction == 'rtl' ? second.right <= first.left : second.left >= first.right;
  if (Math.abs(second.top - first.top) > 2 || !after) return `overlapping ${JSON.stringify([first, second])}`;
  return getComputedStyle(pair.children[0], '::after').content.includes('/') ? 'same line' : 'beside';
};
/** The pair in each day heading and filter label: short words that fit beside each other at 48rem. */
const pairs = (el: Element) => $$(el, '[part=day-heading] .bi-pair, [part=filters] label > .bi-pair');
const options = (el: Element, name: string) =>
  [...($(el, `select[name=${name}]`) as HTMLSelectElement).options].map((o) => o.text.replace(/\s+/g, ' ').trim());

async function element(tag: string, attrs: Record<string, string>, data?: unknown, width = '48rem') {
  const el = document.createElement(tag) as HTMLElement & { data: unknown };
  el.data = data ?? (await exampleFeed());
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  (await fixture(html`<div style="max-width: ${width}"></div>`)).append(el);
  await elementUpdated(el);
  return el;
}

const sessions = async (attrs: Record<string, string> = {}, data?: unknown, width?: string) => {
  const el = await element('imh-session-list', { lang: 'cy', bilingual: 'en', now: MONDAY, ...attrs }, data, width);
  await waitUntil(() => $(el, '[part=item]') || $(el, '[part=empty]'), 'no sessions', { timeout: 5000 });
  if (el.hasAttribute('filters'))
    await waitUntil(() => $(el, '[part=filters]'), 'no filter controls', { timeout: 5000 });
  await elementUpdated(el);
  return el;
};

describe('bilingual lists', () => {
  expectQuietConsole();
  before(async function () {
    // axe's first run in a page takes seconds on a loaded machine: paid here, not in a test's 10 s.
    this.timeout(60_000);
    await expect(await fixture(html`<p>ready</p>`)).to.be.accessible();
    fixtureCleanup();
  });
  afterEach(() => fixtureCleanup());

  describe('the session list', () => {
    it("filters: labels and count in both; a choice in the list's language only, marked where it is not", async () => {
      const el = await sessions({ filters: '' });
      const form = $(el, '[part=filters]')!;
      const labels = [...form.querySelectorAll('label')];
      expect(labels).to.have.length(5);
      // Each label reads Welsh, then English (the control inside it has no text of its own).
      for (const label of labels)
        expect(voices(label.firstElementChild!), textOf(label)).to.deep.equal(['cy', 'en-GB']);
      expect(spoken(labels[1].firstElementChild!).at(-1)).to.deep.equal(['en-GB', 'When']);
      expect(spoken($(el, '[part=count]')!).map(([l]) => l)).to.deep.equal(['cy', 'en-GB']);
      expect(textOf($(el, '[part=count] .bi'))).to.match(/^\d+ sessions found$/);
      // An option holds plain text in one language (it cannot hold a span with its own lang): the
      // list's, so a Welsh voice reads Welsh words, never "Today" as Welsh. The label says both.
      expect(options(el, 'when')).to.deep.equal(['Unrhyw', 'Heddiw', 'Yfory', 'Yr wythnos hon', 'Yr wythnos nesaf']);
      for (const name of ['when', 'category', 'age'])
        for (const o of form.querySelectorAll(`select[name=${name}] option`)) {
          expect(textOf(o), name).not.to.contain(' / ');
          // The example feed names no category: each has a built-in Welsh name.
          expect(langOf(o), textOf(o)).to.equal('cy');
        }
      expect(options(el, 'age')).to.include('Beichiogrwydd');
      // The feed's place names are in English only: marked English.
      const places = [...form.querySelectorAll('select[name=place] option')].slice(1);
      expect(places.map(textOf)).to.include('Bob Jones Community Hub');
      for (const o of places) expect(langOf(o), textOf(o)).to.equal('en-GB');
      // One language without `bilingual`.
      el.removeAttribute('bilingual');
      await waitUntil(() => !$(el, '[part=filters] .bi'), 'still bilingual', { timeout: 5000 });
      expect($$(el, '[part=filters] .bi')).to.have.length(0);
    });

    it('filters: a category named in English by the feed, or only by an unknown id, is marked English', async () => {
      const feed = minimalFeed({
        categories: [{ id: 'baby-massage', name: 'Baby massage club' }],
        sessions: [
          session,
          { ...session, id: 'messy', category: 'messy-play' },
          { ...session, id: 'sp', category: 'stay-and-play' },
        ],
      });
      const el = await sessions({ filters: '' }, feed);
      const choices = () =>
        [...$$(el, 'select[name=category] option')].slice(1).map((o) => [textOf(o), o.getAttribute('lang'), langOf(o)]);
      const expected = [
        ['Aros a chwarae', null, 'cy'],
        ['Baby massage club', 'en-GB', 'en-GB'],
        ['Messy play', 'en', 'en'],
      ];
      expect(choices()).to.have.deep.members(expected);
      el.removeAttribute('bilingual');
      await waitUntil(() => !$(el, '[part=filters] .bi'), 'still bilingual', { timeout: 5000 });
      expect(choices()).to.have.deep.members(expected);
      // On a plain Welsh list too (above); in English, all three are in the element's language: no `lang` of their own.
      el.setAttribute('lang', 'en');
      await waitUntil(() => choices().some(([t]) => t == 'Stay and play'), 'not in English', { timeout: 5000 });
      expect(choices().map(([, lang]) => lang)).to.deep.equal([null, null, null]);
    });

    it('filters by keyboard: Tab, arrow keys on a choice, "Clear filters" in both; Enter', async () => {
      const el = await sessions({ filters: '', limit: '100' });
      const all = $$(el, '[part=item]').length;
      const q = $(el, 'input[name=q]')!;
      q.focus();
      await sendKeys({ press: 'Tab' });
      const when = $(el, 'select[name=when]') as HTMLSelectElement;
      expect(el.shadowRoot!.activeElement).to.equal(when);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => when.value == 'tomorrow', `ArrowDown chose ${when.value}`);
      await waitUntil(() => $(el, 'button.clear'), 'no Clear filters');
      await elementUpdated(el);
      // Only tomorrow's sessions, under "Yfory / Tomorrow".
      expect($$(el, '[part=item]').length).to.be.lessThan(all);
      expect($$(el, '[part=day-heading]').map((h) => spoken(h))).to.deep.equal([
        [
          ['cy', 'Yfory'],
          ['en-GB', 'Tomorrow'],
        ],
      ]);
      const clear = $(el, 'button.clear')!;
      expect(spoken(clear).map(([l]) => l)).to.deep.equal(['cy', 'en-GB']);
      expect(textOf(clear.querySelector('.bi'))).to.equal('Clear filters');
      for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' }); // type, place, age, Clear filters
      expect(el.shadowRoot!.activeElement).to.equal(clear);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !$(el, 'button.clear'), 'not cleared');
      expect(when.value).to.equal('');
      expect(el.shadowRoot!.activeElement).to.equal(q);
      // The whole list again, once drawn (a long list is drawn ten sessions an update: issue 12).
      await elementUpdated(el);
      expect($$(el, '[part=item]').length).to.equal(all);
    });

    it('searches the words shown in either language, and says there is no match in both', async () => {
      const el = await sessions({ filters: '', limit: '100' });
      const q = $(el, 'input[name=q]')!;
      q.focus();
      // "Massage" is only in the English name (Welsh: "Tylino Babanod").
      // (In two, as WebKit's driver drops a repeated key.)
      await sendKeys({ type: 'Mas' });
      await sendKeys({ type: 'sage' });
      const titles = () => $$(el, '[part=item-title]').map(textOf);
      await waitUntil(
        () => titles().length && titles().every((t) => t.includes('Tylino Babanod')),
        'the English name did not find the session',
        { timeout: 5000 },
      );
      await sendKeys({ type: 'zqx' });
      await waitUntil(() => $(el, '[part=empty]'), 'no empty message', { timeout: 5000 });
      expect(spoken($(el, '[part=empty]')!)).to.deep.equal([
        ['cy', "Does dim sesiynau'n cyfateb i'r dewisiadau hyn. Rhowch gynnig ar lai o hidlwyr."],
        ['en-GB', 'No sessions match these choices. Try fewer filters.'],
      ]);
      // Said once: one live region, the count in the list's language (visible in both, not live).
      expect($$(el, '[role=status]:not([part=status]), [aria-live]').map((n) => spoken(n))).to.deep.equal([
        [['cy', "0 sesiwn wedi'u canfod"]],
      ]);
      expect(spoken($(el, '[part=count]')!).map(([l]) => l)).to.deep.equal(['cy', 'en-GB']);
      // Without filters, the list's own empty message too.
      const none = await sessions({}, { ...(await exampleFeed()), sessions: [] });
      expect(spoken($(none, '[part=empty]')!)).to.deep.equal([
        ['cy', 'Does dim sesiynau yn ystod y 28 diwrnod nesaf.'],
        ['en-GB', 'There are no sessions in the next 28 days.'],
      ]);
      expect($$(none, '[role=status]:not([part=status]), [aria-live]')).to.deep.equal([]);
    });

    it('searches each date at its own place: a moved date is found by its new place, the others are not', async () => {
      const library = {
        id: 'central-library',
        name: { en: 'Central Library', cy: 'Llyfrgell Ganolog' },
        address: { street: 'Snow Hill', locality: 'Wolverhampton', postcode: 'WV1 3AX' },
      };
      const weekly = {
        ...session,
        occurrences: [{ date: '2026-11-30', status: 'changed', place: 'central-library', note: 'At the library' }],
      };
      const el = await sessions(
        { filters: '', limit: '100', days: '21' },
        minimalFeed({ places: [place, library], sessions: [weekly] }),
      );
      const dates = () => $$(el, '[part=item] time').map((n) => n.getAttribute('datetime')!.slice(0, 10));
      expect(dates()).to.deep.equal(['2026-11-23', '2026-11-30', '2026-12-07']);
      const q = $(el, 'input[name=q]') as HTMLInputElement;
      const search = async (words: string, expected: string[]) => {
        q.focus();
        q.select();
        await sendKeys({ type: words });
        await waitUntil(() => `${dates()}` == `${expected}`, `"${words}" found ${dates()}`, { timeout: 5000 });
      };
      // The session's usual place first (what the old cache kept for every date), then the moved date's, in
      // either language, by name and by address.
      await search('Jones', ['2026-11-23', '2026-12-07']);
      await search('Ganolog', ['2026-11-30']);
      await search('Central Library', ['2026-11-30']);
      await search('Snow Hill', ['2026-11-30']);
      await search('Blakeley', ['2026-11-23', '2026-12-07']);
      // The session's own words find every date.
      await search('Tylino', ['2026-11-23', '2026-11-30', '2026-12-07']);
    });

    it("a session's links and calendar menu: words in both, each link still named for what it is for", async () => {
      const data = await exampleFeed();
      const massage = data.sessions.find((s: { id: string }) => s.id == 'baby-massage-monday');
      massage.booking.url = 'https://example.org/book';
      const el = await sessions({ limit: '3' }, data);
      const item = $$(el, '[part=item]').find((li) => /Tylino Babanod/.test(textOf(li)))!;
      // "Map" is the same word in Welsh and English: shown once, then what it opens in each language.
      const map = item.querySelector('a.map')!;
      expect(visible(map)).to.equal('Map');
      expect(spoken(map)).to.deep.equal([
        ['cy', 'Map'],
        ['cy', ': Bob Jones Community Hub (yn agor mewn tab newydd)'],
        ['en-GB', ': Bob Jones Community Hub (opens in a new tab)'],
      ]);
      const book = [...item.querySelectorAll('a')].find((a) => a.getAttribute('href') == 'https://example.org/book')!;
      expect(spoken(book)).to.deep.equal([
        ['cy', 'Archebu ar-lein'],
        ['en-GB', 'Book online'],
      ]);
      expect(voices(item.querySelector('.facts dd')!)[0]).to.equal('cy');
      // "Add to calendar" and everything in it.
      const calendar = item.querySelector<HTMLDetailsElement>('details.calendar')!;
      expect(spoken(calendar.querySelector('summary')!).at(-1)).to.deep.equal(['en-GB', 'Add to calendar']);
      calendar.open = true;
      await waitUntil(() => calendar.querySelector('a[href*=google]'), 'no calendar links', { timeout: 5000 });
      const said = [...calendar.querySelectorAll('p, li')].map((n) =>
        spoken(n)
          .filter(([l]) => l == 'en-GB')
          .at(-1),
      );
      expect(said).to.deep.equal([
        ['en-GB', 'A calendar file, for Apple Calendar and other calendar apps.'],
        ['en-GB', 'Download this date'],
        ['en-GB', 'Download every date'],
        // "Google Calendar" and "Outlook" are the same in Welsh: said once, in Welsh.
        undefined,
        undefined,
      ]);
      for (const n of calendar.querySelectorAll('p, li')) expect(voices(n)[0]).to.equal('cy');
      // One language without `bilingual`: the map link named as before.
      el.removeAttribute('bilingual');
      await waitUntil(() => !$(el, '.bi'), 'still bilingual', { timeout: 5000 });
      expect(textOf($(el, 'a.map'))).to.equal('Map: Bob Jones Community Hub (yn agor mewn tab newydd)');
    });

    it('the note that dates after the last known term are not confirmed yet, in both', async () => {
      const termTime = { ...session, schedule: { ...session.schedule, termTimeOnly: true } };
      const el = await sessions({ now: '2027-07-12T08:00' }, minimalFeed({ termDates: TERMS, sessions: [termTime] }));
      await waitUntil(() => $(el, '[part=unconfirmed]'), 'no note', { timeout: 5000 });
      const note = spoken($(el, '[part=unconfirmed]')!);
      expect(note.map(([l]) => l)).to.deep.equal(['cy', 'en-GB']);
      expect(note[0][1]).to.match(/^Tylino babanod: nid yw’r dyddiadau ar ôl 21 Gorffennaf 2027/);
      expect(note[1][1]).to.match(/^Baby Massage: dates after 21 July 2027 are not confirmed yet\./);
    });

    it('a date\'s status badge and note, the repeat pattern, "All day" and the facts\' values in both', async () => {
      // Cancelled, with a note the feed gives in Welsh and English: both, each in its own voice.
      const off = await sessions({ now: '2026-11-30T08:00', days: '1' });
      const cancelled = $(off, '[part=item].cancelled')!;
      expect(voices(cancelled.querySelector('.badge')!)).to.deep.equal(['cy', 'en-GB']);
      expect(spoken(cancelled.querySelector('.badge')!).at(-1)).to.deep.equal(['en-GB', 'Cancelled']);
      expect(spoken(cancelled.querySelector('.note')!)).to.deep.equal([
        ['cy', 'Hyfforddiant staff'],
        ['en', 'Staff training'],
      ]);
      // Changed (its note is in English only: once).
      const moved = await sessions({ now: '2026-12-04T08:00', days: '1' });
      const changed = $(moved, '[part=item].changed')!;
      expect(spoken(changed.querySelector('.badge')!).at(-1)).to.deep.equal(['en-GB', 'Changed']);
      // A regular date: the pattern, "For" (audience and ages), "Free" and the facilities, each in both.
      const item = $$(moved, '[part=item]').find((li) => /Amser Stori Babanod|Whitmore/.test(textOf(li)))!;
      expect(voices(item.querySelector('.pattern')!)).to.include('en-GB');
      expect(spoken(item.querySelector('.pattern')!).map(([, w]) => w)).to.include('Every Friday');
      const values = [...item.querySelectorAll('.facts dd')];
      expect(values.length).to.be.at.least(3);
      for (const dd of values) expect(voices(dd), textOf(dd)).to.include.members(['cy', 'en-GB']);
      const english = values.map((dd) =>
        spoken(dd)
          .filter(([l]) => l == 'en-GB')
          .map(([, w]) => w)
          .join(' '),
      );
      expect(english.join(' | ')).to.match(
        /^parents and carers · 0 to 2 years | Free | .* | Step-free access and Buggy parking$/,
      );
      expect(english.join(' | ')).to.contain('Free');
      // "All day": a one-day date with no start time.
      const data = await exampleFeed();
      const workshop = data.sessions.find((s: { id: string }) => s.id == 'infant-at-the-centre');
      delete workshop.schedule.startTime;
      delete workshop.schedule.endTime;
      const day = await sessions({ now: '2027-02-25T08:00', days: '1', audience: 'practitioners' }, data);
      expect(spoken($(day, '[part=item] time')!).at(-1)).to.deep.equal(['en-GB', 'All day']);
    });

    it('an online session: its badge and "How to join" in both', async () => {
      const el = await sessions({ now: '2027-01-06T08:00', limit: '20' });
      const online = $(el, '.badge.online')!;
      expect(voices(online)).to.deep.equal(['cy', 'en-GB']);
      const join = [...online.parentElement!.querySelectorAll('a')][0];
      expect(spoken(join).at(-1)).to.deep.equal(['en-GB', 'How to join']);
    });

    it('Urdu with English, stacked: an English line aligns as its Urdu one (right; centred in a button)', async () => {
      const el = await sessions({ lang: 'ur', 'bilingual-layout': 'stacked', limit: '1' });
      // Where the text itself is drawn, not its box (a stacked line's box is as wide as the column).
      const ink = (n: Element) => {
        const range = document.createRange();
        range.selectNodeContents(n);
        return range.getBoundingClientRect();
      };
      const heading = $(el, '[part=day-heading]')!;
      expect(textOf(heading.querySelector('.bi'))).to.equal('Today');
      const box = heading.getBoundingClientRect();
      expect(ink(heading.querySelector('.bi')!).right).to.be.closeTo(box.right, 1);
      expect(ink(heading.querySelector('.bi-pair > span')!).right).to.be.closeTo(box.right, 1);
      const more = $(el, 'button.more')!;
      const middle = (r: DOMRect) => (r.left + r.right) / 2;
      expect(middle(ink(more.querySelector('.bi')!))).to.be.closeTo(middle(more.getBoundingClientRect()), 2);
    });

    it('Urdu and English in columns at 320 px: each English line aligns as its Urdu line does', async () => {
      const el = await sessions(
        { lang: 'ur', 'bilingual-layout': 'columns', filters: '', limit: '2' },
        undefined,
        '320px',
      );
      // Where the text itself is drawn, not its box (a grid column is as wide as its longer line).
      const ink = (n: Element) => {
        const range = document.createRange();
        range.selectNodeContents(n);
        return range.getBoundingClientRect();
      };
      const pairs = [...el.shadowRoot!.querySelectorAll('.bi-pair')].filter(
        (p) => p.children.length == 2 && p.getBoundingClientRect().width > 0,
      );
      expect(pairs.length).to.be.at.least(5);
      let shorter = 0;
      for (const pair of pairs) {
        const [ur, en] = [...pair.children].map(ink);
        expect(en.top, textOf(pair)).to.be.at.least(ur.bottom - 1); // one above the other
        if (en.width < ur.width - 2) shorter++;
        // right, as Urdu is; centred in a button, as its Urdu line is
        if (getComputedStyle(pair).textAlign.includes('center'))
          expect((en.left + en.right) / 2, textOf(pair)).to.be.closeTo((ur.left + ur.right) / 2, 1);
        else expect(en.right, textOf(pair)).to.be.closeTo(ur.right, 1);
      }
      expect(shorter, 'pairs whose English is the shorter line').to.be.at.least(1);
    });

    it('columns: links and summaries underlined; side by side when wide, one above the other at 320 px', async () => {
      const data = await exampleFeed();
      for (const s of data.sessions) s.url ??= 'https://example.org/sessions';
      const el = await sessions({ 'bilingual-layout': 'columns', limit: '1' }, data, '60rem');
      const pair = (sel: string) => $(el, `${sel} .bi-pair`)!;
      // Every text-bearing part of a paired link or summary is underlined (not by colour alone, WCAG 1.4.1).
      for (const sel of ['[part=item-title] a', 'summary']) {
        const parts = [...pair(sel).children] as HTMLElement[];
        expect(parts.length, sel).to.equal(2);
        for (const part of parts)
          expect(getComputedStyle(part).textDecorationLine, `${sel}: ${textOf(part)}`).to.equal('underline');
      }
      // Wide: the English beside the Welsh, each on one line (neither wrapped for want of room).
      const [cy, en] = [...pair('[part=day-heading]').children].map((n) => n.getBoundingClientRect());
      expect(en.top).to.be.closeTo(cy.top, 1);
      expect(en.left).to.be.greaterThan(cy.right);
      const line = parseFloat(getComputedStyle(pair('[part=day-heading]')).lineHeight);
      for (const r of [cy, en]) expect(r.height).to.be.lessThan(line * 1.5);
      // A focused link's highlight covers both parts, and its underline gives way to the focus bar.
      const title = $(el, '[part=item-title] a')!;
      $(el, '[part=item]')!.focus(); // tabindex=-1, just before its title's link
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(title);
      for (const part of pair('[part=item-title] a').children) {
        expect(getComputedStyle(part).textDecorationLine).to.equal('none');
        expect(getComputedStyle(part.parentElement!).backgroundColor).to.equal(getComputedStyle(title).backgroundColor);
      }
      await focusBar(el, title);
      // Narrow: one above the other, and the bar under both.
      el.parentElement!.style.maxWidth = '320px';
      await new Promise((r) => requestAnimationFrame(r));
      const [cy2, en2] = [...pair('[part=day-heading]').children].map((n) => n.getBoundingClientRect());
      expect(en2.top).to.be.at.least(cy2.bottom - 1);
      await focusBar(el, title);
    });

    /**
     * The focused link's dark bar (WCAG 2.4.7, 2.4.11): the shadow of the box that holds both its
     * parts, as the slash layout's link holds its words: 4 px of the focus text colour under them.
     */
    async function focusBar(el: Element, link: HTMLElement) {
      const pair = link.querySelector('.bi-pair')!;
      const [first, second] = [...pair.children].map((n) => n.getBoundingClientRect());
      const box = pair.getBoundingClientRect();
      expect(box.top, 'the bar holds the first part').to.be.at.most(first.top);
      expect(box.bottom, 'and the second').to.be.at.least(Math.max(first.bottom, second.bottom) - 0.5);
      const bar = getComputedStyle(pair).boxShadow;
      const focusText = getComputedStyle(el).getPropertyValue('--_focus-text').trim();
      expect(focusText).to.equal('#212b32');
      expect(bar, 'the dark bar under the pair').to.contain('rgb(33, 43, 50) 0px 4px');
      expect(bar, 'as the slash layout draws it').to.equal(getComputedStyle(link).boxShadow);
      // The link's own one-line box, under the pair, draws it nowhere else (the pair covers it).
      expect(getComputedStyle(link).display).to.equal('inline');
    }

    it('columns: a focused link shows the same bar as in the default layout, under both parts', async () => {
      const data = await exampleFeed();
      for (const s of data.sessions) s.url ??= 'https://example.org/sessions';
      for (const layout of ['', 'columns']) {
        const el = await sessions({ 'bilingual-layout': layout, limit: '1' }, data, '320px');
        const title = $(el, '[part=item-title] a')!;
        $(el, '[part=item]')!.focus();
        await sendKeys({ press: 'Tab' });
        expect(el.shadowRoot!.activeElement).to.equal(title);
        const shadow = getComputedStyle(title).boxShadow;
        expect(shadow, layout).to.contain('rgb(33, 43, 50) 0px 4px');
        if (layout) await focusBar(el, title);
        // Not focused: no bar.
        title.blur();
        expect(getComputedStyle(title.querySelector('.bi-pair')!).boxShadow, layout).to.equal('none');
        fixtureCleanup();
      }
    });

    for (const lang of ['cy', 'ur'])
      for (const layout of ['stacked', 'columns'])
        it(`${lang}+en, ${layout} at 320 px with filters: second part below the first; no overflow; axe`, async () => {
          const el = await sessions({ lang, filters: '', 'bilingual-layout': layout, limit: '3' }, undefined, '320px');
          el.parentElement!.style.width = '320px';
          await new Promise((r) => requestAnimationFrame(r));
          const right = el.parentElement!.getBoundingClientRect().right;
          const left = el.parentElement!.getBoundingClientRect().left;
          const drawn = (n: Element) => !n.closest('.visually-hidden') && n.getBoundingClientRect().width > 0;
          for (const n of [el, ...$$(el, '*')].filter(drawn)) {
            expect(n.getBoundingClientRect().right, n.tagName + n.className).to.be.at.most(right + 0.5);
            expect(n.getBoundingClientRect().left, n.tagName + n.className).to.be.at.least(left - 0.5);
          }
          expect(pairs(el).length).to.be.at.least(6);
          for (const pair of pairs(el)) expect(placement(pair), textOf(pair)).to.equal('below');
          await expect(el).to.be.accessible();
        });

    for (const lang of ['cy', 'ur'])
      it(`${lang}+en at 48rem: beside the first in columns, below it stacked, after a slash by default`, async () => {
        for (const [layout, where] of [
          ['columns', 'beside'],
          ['stacked', 'below'],
          ['', 'same line'],
        ]) {
          const el = await sessions({ lang, filters: '', 'bilingual-layout': layout, limit: '3' }, undefined, '48rem');
          el.parentElement!.style.width = '48rem';
          await new Promise((r) => requestAnimationFrame(r));
          expect(pairs(el).length).to.be.at.least(6);
          for (const pair of pairs(el))
            if (layout || pair.closest('[part=day-heading]'))
              expect(placement(pair), `${layout}: ${textOf(pair)}`).to.equal(where);
            else {
              // A longer label may wrap after its slash: the second part runs on inline, after the slash.
              expect(getComputedStyle(pair.children[1]).display, textOf(pair)).to.equal('inline');
              expect(getComputedStyle(pair.children[0], '::after').content, textOf(pair)).to.contain('/');
            }
          fixtureCleanup();
        }
      });
  });

  describe('the support card and list', () => {
    const card = (service: string, attrs: Record<string, string>) =>
      element('imh-support-card', { service, ...attrs }).then(async (el) => {
        await waitUntil(() => $(el, '[part=heading]'), 'no card');
        await elementUpdated(el);
        return el;
      });
    const link = (el: Element, action: string) =>
      $$(el, 'a[part~=action]').find((a) => a.getAttribute('href')!.startsWith(action))!;

    it('the Website link: "Gwefan / Website", named by the service in each language, as in one', async () => {
      const one = await card('samaritans', { lang: 'cy' });
      const site = link(one, 'https://www.samaritans.org');
      expect(visible(site)).to.equal('Gwefan');
      // Its accessible name is its text: the visible word first, then the service (WCAG 2.5.3, 2.4.4).
      expect(site.hasAttribute('aria-label')).to.equal(false);
      expect(textOf(site)).to.equal('Gwefan: Samaritans');
      expect(spoken(site).at(-1)).to.deep.equal(['en-GB', 'Samaritans']); // the feed's English name, read in English
      fixtureCleanup();
      const two = await card('samaritans', { lang: 'cy', bilingual: 'en' });
      const both = link(two, 'https://www.samaritans.org');
      expect(visible(both)).to.equal('Gwefan Website');
      expect(both.hasAttribute('aria-label')).to.equal(false);
      // The feed names the service in English only: that name is read in English in the Welsh part too.
      // Its visible words together first ("Gwefan Website": speech input can say what it sees, WCAG 2.5.3).
      expect(spoken(both)).to.deep.equal([
        ['cy', 'Gwefan'],
        ['en-GB', 'Website'],
        ['cy', ':'],
        ['en-GB', 'Samaritans'],
        ['en-GB', ':'],
        ['en-GB', 'Samaritans'],
      ]);
      expect(textOf(both).replace(/\s+/g, ' ')).to.match(/^Gwefan Website/);
      await expect(two).to.be.accessible();
    });

    it('the Website link names the service in each language where the feed has both', async () => {
      const data = await exampleFeed();
      const hubs = await element('imh-support-list', { lang: 'cy', bilingual: 'en' }, data);
      await waitUntil(() => $(hubs, '#all-heading'), 'no list');
      await elementUpdated(hubs); // all its parts: a long list is drawn in parts
      const card = $$(hubs, 'article').find((a) => /Hybiau Teulu/.test(textOf(a.querySelector('[part~=heading]'))))!;
      const site = [...card.querySelectorAll('a[part~=action]')].find((a) =>
        /family-hubs/.test(a.getAttribute('href')!),
      )!;
      expect(spoken(site)).to.deep.equal([
        ['cy', 'Gwefan'],
        ['en-GB', 'Website'],
        ['cy', ':'],
        ['cy', 'Hybiau Teulu'],
        ['en-GB', ':'],
        ['en-GB', 'Family Hubs'],
      ]);
    });

    it('the Email link: the word in both, the address once', async () => {
      const el = await card('samaritans', { lang: 'cy', bilingual: 'en' });
      const email = link(el, 'mailto:');
      const address = email.querySelector('bdi')!;
      expect(spoken(email).filter(([, t]) => !address.textContent!.includes(t))).to.deep.equal([
        ['cy', 'E-bost'],
        ['en-GB', 'Email'],
      ]);
      expect(textOf(email).match(/jo@samaritans\.org/g)).to.have.length(1);
      expect(textOf(address)).to.equal('jo@samaritans.org');
      expect(address.getAttribute('dir')).to.equal('ltr');
    });

    describe('the support list', () => {
      const list = async (attrs: Record<string, string>, width?: string) => {
        const el = await element('imh-support-list', attrs, undefined, width);
        await waitUntil(() => $(el, '#all-heading'), 'no list');
        await elementUpdated(el);
        return el;
      };
      const found = (el: Element) => $$(el, '[part=list] [part=heading]').map(textOf);
      const search = async (el: Element, words: string) => {
        const q = $(el, '[part=filters] input') as HTMLInputElement;
        q.focus();
        q.select();
        await sendKeys({ type: words });
        await waitUntil(() => q.value == words);
        await elementUpdated(el);
      };

      it('a Welsh list finds only words it shows, not a hidden English name; a bilingual one finds it', async () => {
        // "Visiting" is only in the English name of Ymwelwyr Iechyd (Health Visiting).
        const welsh = await list({ lang: 'cy' });
        expect(textOf(welsh.shadowRoot)).not.to.match(/visiting/i);
        await search(welsh, 'visiting');
        expect(found(welsh)).to.deep.equal([]);
        expect($(welsh, '[part=empty]')).not.to.equal(null);
        fixtureCleanup();
        const both = await list({ lang: 'cy', bilingual: 'en' });
        await search(both, 'visiting');
        await waitUntil(() => found(both).length == 1, `found ${found(both)}`);
        expect(found(both)[0]).to.contain('Ymwelwyr Iechyd');
      });

      it("its filter choices in the list's language (their labels in both)", async () => {
        const el = await list({ lang: 'cy', bilingual: 'en' });
        for (const name of ['stage', 'audience', 'kind']) {
          const select = $(el, `select[name=${name}]`)!;
          expect(voices(select.closest('label')!.firstElementChild!), name).to.deep.equal(['cy', 'en-GB']);
          expect(options(el, name)[0], name).to.equal('Unrhyw');
          for (const o of select.querySelectorAll('option')) {
            expect(textOf(o), name).not.to.contain(' / ');
            expect(langOf(o), name).to.equal('cy');
          }
        }
        expect(options(el, 'kind')).to.include('Llinellau cymorth');
      });

      it('no match: the message in both, the count said once in the first language', async () => {
        const el = await list({ lang: 'cy', bilingual: 'en' });
        await search(el, 'zqxw');
        await waitUntil(() => $(el, '[part=empty]'), 'no empty message');
        // The count is said 300 ms after the last key.
        await waitUntil(() => textOf($(el, 'p.visually-hidden[role=status]')), 'nothing announced');
        expect(spoken($(el, '[part=empty]')!)).to.deep.equal([
          ['cy', "Does dim gwasanaethau'n cyfateb. Rhowch gynnig ar ddewisiadau eraill neu lai o eiriau."],
          ['en-GB', 'No services match. Try other choices or fewer words.'],
        ]);
        expect($$(el, '[role=status]:not([part=status]), [aria-live]').map((n) => spoken(n))).to.deep.equal([
          [['cy', "0 gwasanaeth wedi'u canfod"]],
        ]);
      });

      it('a feed with no services: the message in both languages, each in its own', async () => {
        const data = { ...(await exampleFeed()), services: [] };
        const el = await element('imh-support-list', { lang: 'cy', bilingual: 'en' }, data);
        await waitUntil(() => $(el, '[part=empty]'), 'no empty message', { timeout: 5000 });
        // Not "No services match": the reader chose nothing; there is nothing to list.
        expect(spoken($(el, '[part=empty]')!)).to.deep.equal([
          ['cy', "Does dim gwasanaethau wedi'u rhestru yma eto."],
          ['en-GB', 'No services are listed here yet.'],
        ]);
        await expect(el).to.be.accessible();
      });

      it('finds a service only by words its card shows, not by its description', async () => {
        const data = await exampleFeed();
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the feed's JSON
        const service = data.services.find((s: any) => s.urgency == 'routine');
        service.description = 'Wombat sanctuary';
        const el = await element('imh-support-list', { lang: 'en' }, data);
        await waitUntil(() => $(el, '#all-heading'), 'no list');
        expect(textOf(el.shadowRoot)).not.to.match(/wombat/i);
        await search(el, 'wombat');
        expect(found(el)).to.deep.equal([]);
        // The same word in what the card shows finds it.
        service.summary = 'A wombat line';
        el.data = { ...data };
        await waitUntil(() => found(el).length == 1, `found ${found(el)}`);
      });

      for (const layout of ['stacked', 'columns'])
        it(`${layout} at 320 px: no horizontal overflow; axe-clean`, async () => {
          const el = await list({ lang: 'cy', bilingual: 'en', 'bilingual-layout': layout }, '320px');
          el.parentElement!.style.width = '320px';
          await new Promise((r) => requestAnimationFrame(r));
          const right = el.parentElement!.getBoundingClientRect().right;
          for (const n of [el, ...$$(el, '*')].filter((n) => !n.closest('.visually-hidden, .skip')))
            expect(n.getBoundingClientRect().right, n.tagName + n.className).to.be.at.most(right + 0.5);
          // The layout took effect: each label's English below its Welsh.
          expect(pairs(el).length).to.equal(4);
          for (const pair of pairs(el)) expect(placement(pair), textOf(pair)).to.equal('below');
          await expect(el).to.be.accessible();
        });
    });
  });
});
