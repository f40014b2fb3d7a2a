import { elementUpdated, expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/first-1001-days-timeline/first-1001-days-timeline.js';
import { exampleFeed } from '../fixtures/example.js';
import { deepActive, ringFindings } from '../fixtures/contrast.js';

type ImhFirst1001DaysTimeline = HTMLElementTagNameMap['imh-first-1001-days-timeline'];
import { expectQuietConsole, warnings } from '../fixtures/quiet.js';
import { json, never, restoreFetch, stubFetch } from '../fixtures/network.js';

const textOf = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const KEY = 'imh-widgets:timeline:v1';

async function timeline(attrs: Record<string, string> = {}, data?: unknown) {
  const el = document.createElement('imh-first-1001-days-timeline');
  if (data) el.data = data;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  (await fixture(html`<div style="max-width: 40rem"></div>`)).append(el);
  // the timeline's body is a file of its own: a loaded machine can take more than a second
  await waitUntil(() => $$(el, '[part=stage]').length > 0, 'the stages never rendered', { timeout: 5_000 });
  await elementUpdated(el);
  return el;
}
/** The language a screen reader reads a node in: its nearest `lang` (the root carries the first). */
const langOf = (n: Node) => (n instanceof Element ? n : n.parentElement)!.closest('[lang]')!.getAttribute('lang');
/** Every piece of text under a node (shadow root included), with the language it is read in. */
const spoken = (root: Node) => {
  const out: [string | null, string][] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (textOf(n as never) && !n.parentElement!.closest('style')) out.push([langOf(n), textOf(n as never)]);
  return out;
};
const where = (el: Element) => textOf($(el, '.where'));
const current = (el: Element) =>
  $(el, '[aria-current=step]')
    ?.querySelector('[part=stage-heading] button')
    ?.getAttribute('aria-controls')
    ?.replace('stage-', '');

describe('<imh-first-1001-days-timeline>', () => {
  expectQuietConsole();
  afterEach(() => {
    fixtureCleanup();
    restoreFetch();
    localStorage.removeItem(KEY);
  });

  it('works with no feed: the built-in stages from pregnancy to age two, and no error', async () => {
    const el = document.createElement('imh-first-1001-days-timeline');
    let errors = 0;
    el.addEventListener('imh-feed-error', () => errors++);
    (await fixture(html`<div></div>`)).append(el);
    await waitUntil(() => $$(el, '[part=stage]').length > 0, 'the stages never rendered', { timeout: 5_000 });
    expect($$(el, '[part=stage-heading]').map(textOf)).to.deep.equal([
      'Pregnancy: weeks 1 to 13',
      'Pregnancy: weeks 14 to 27',
      'Pregnancy: week 28 to birth',
      'Birth and the first two weeks',
      'Two to eight weeks',
      'Two to six months',
      'Six months to one year',
      'One to two years',
    ]);
    expect($(el, 'ol[part=stages]')).not.to.equal(null);
    expect(errors).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it("fits the page's outline: h3 stages under the editor's h2; heading-level wins; none before: h2", async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div><h1>Your baby</h1><h2>Your first 1001 days</h2></div>`);
    const add = async (attrs: Record<string, string> = {}) => {
      const el = document.createElement('imh-first-1001-days-timeline');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      wrap.append(el);
      // the timeline's body is a file of its own: a loaded machine can take more than a second
      await waitUntil(() => $$(el, '[part=stage]').length > 0, 'the stages never rendered', { timeout: 5_000 });
      return $(el, '[part=stage-heading]')!.tagName;
    };
    expect(await add()).to.equal('H3');
    expect(await add({ 'heading-level': '2' })).to.equal('H2');
    wrap.remove();
    expect($(await timeline(), '[part=stage-heading]')!.tagName).to.equal('H2');
  });

  it('has real headings at heading-level, each stage a disclosure', async () => {
    const el = await timeline({ 'heading-level': '3' });
    expect($$(el, 'h3[part=stage-heading]').length).to.equal(8);
    const button = $(el, '[part=stage-heading] button')!;
    const content = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(content.hidden).to.equal(true);
    button.click();
    await elementUpdated(el);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(content.hidden).to.equal(false);
    expect(textOf(content)).to.contain('Dating scan (around 12 weeks)').and.contain('If you are worried:');
  });

  describe('where a family is', () => {
    it("a baby's date of birth: the day, the age, the current stage and the next check", async () => {
      const el = await timeline({ 'birth-date': '2026-10-20', now: '2026-11-23' });
      expect(where(el)).to.equal('Day 305 of 1,001 — your baby is 1 month old');
      expect(current(el)).to.equal('early-weeks');
      expect($(el, '[aria-current=step] .content')!.hidden).to.equal(false);
      expect(textOf($(el, '.next'))).to.equal(
        'Next check: 6 to 8 week review with your health visitor · in 8 days (1 December 2026)',
      );
      await expect(el).to.be.accessible();
    });

    it('dates the page set that cannot be read are ignored, and each said once in the console', async () => {
      // Before: ignored with no word to the editor.
      const ignored = 'write YYYY-MM-DD, like 2026-12-31; it is ignored until then.';
      const seen = await warnings(async (seen) => {
        const el = await timeline({ 'due-date': '01/03/2027', 'birth-date': '2026-02-30', now: '2026-11-23' });
        expect($(el, '.where')).to.equal(null);
        expect(current(el)).to.equal(undefined);
        // Renders again (a stage opened, a second element with the same dates): nothing more is said.
        $(el, '[part=stage-heading] button')!.click();
        await elementUpdated(el);
        await timeline({ 'due-date': '01/03/2027', now: '2026-11-23T09:00' });
        const late = await timeline({ now: '23/11/2026 09:00' });
        expect(where(late)).to.equal('');
        // The now line's words are a file loaded on first use: said once it is here.
        await waitUntil(() => seen.length == 3, 'not all said', { timeout: 5_000 });
        await new Promise(requestAnimationFrame);
      });
      expect(seen).to.deep.equal([
        `imh-widgets: birth-date="2026-02-30" is not a date: ${ignored}`,
        `imh-widgets: due-date="01/03/2027" is not a date: ${ignored}`,
        'imh-widgets: now="23/11/2026 09:00" is not a date: write YYYY-MM-DD or YYYY-MM-DDTHH:MM, like ' +
          '2026-12-31T09:30; the current time is used until then.',
      ]);
    });

    it('a due date: weeks of pregnancy', async () => {
      const el = await timeline({ 'due-date': '2027-03-01', now: '2026-11-23' });
      expect(where(el)).to.equal('Day 173 of 1,001 — you are 26 weeks pregnant');
      expect(current(el)).to.equal('pregnancy-second-trimester');
      expect(textOf($(el, '.next'))).to.match(
        /^Next check: Antenatal contact with your health visitor \(from 28 weeks\) · in 14 days/,
      );
    });

    it('the day of birth itself, and ages in weeks and days', async () => {
      expect(where(await timeline({ 'birth-date': '2026-11-23', now: '2026-11-23' }))).to.equal(
        'Day 271 of 1,001 — your baby is 0 days old',
      );
      expect(where(await timeline({ 'birth-date': '2026-11-20', now: '2026-11-23' }))).to.equal(
        'Day 274 of 1,001 — your baby is 3 days old',
      );
      expect(where(await timeline({ 'birth-date': '2026-11-09', now: '2026-11-23' }))).to.equal(
        'Day 285 of 1,001 — your baby is 2 weeks old',
      );
    });

    it('writes both numbers of "Day 1,001 of 1,001" as the language does (en-GB, Arabic, Bengali)', async () => {
      const at = { 'birth-date': '2024-11-23', now: '2026-11-23' }; // the second birthday: day 1001
      expect(where(await timeline(at))).to.equal('Day 1,001 of 1,001 — your baby is 2 years old');
      for (const lang of ['ar', 'bn']) {
        const el = await timeline({ ...at, lang });
        await waitUntil(() => !where(el).startsWith('Day'), `${lang}: the summary stayed in English`);
        const n = new Intl.NumberFormat(lang).format(1001);
        expect(where(el).split(n).length - 1, `${lang}: ${where(el)}`).to.equal(2);
        expect(where(el), lang).not.to.match(/1001/);
      }
    });

    it('the current stage at each boundary', async () => {
      const at = async (now: string) => current(await timeline({ 'birth-date': '2026-11-23', now }));
      // The day before birth: a due date (a date of birth after today is refused; see below).
      expect(current(await timeline({ 'due-date': '2026-11-23', now: '2026-11-22' }))).to.equal(
        'pregnancy-third-trimester',
      );
      expect(await at('2026-11-23')).to.equal('newborn'); // the day of birth
      expect(await at('2026-12-06')).to.equal('newborn'); // 13 days
      expect(await at('2026-12-07')).to.equal('early-weeks'); // 14 days: the next stage begins
      expect(await at('2027-01-18')).to.equal('two-to-six-months'); // 8 weeks
      expect(await at('2027-05-23')).to.equal('six-to-twelve-months'); // 6 months
      expect(await at('2028-11-22')).to.equal('one-to-two-years');
      expect(await at('2028-11-23')).to.equal(undefined); // the second birthday: past the last stage
    });

    it("counts days in the feed's time zone, not the device's", async () => {
      // 23:30 on 23 November in London is already 24 November in Auckland, where the browser is.
      const el = await timeline({ 'birth-date': '2026-11-23', now: '2026-11-23T23:30:00Z' });
      expect(where(el)).to.equal('Day 271 of 1,001 — your baby is 0 days old');
    });

    it('answers the edge cases clearly', async () => {
      expect(textOf($(await timeline({ 'due-date': '2026-11-20', now: '2026-11-23' }), '.journey'))).to.contain(
        'Your baby was due 3 days ago. Once your baby is born, enter the date of birth.',
      );
      expect(where(await timeline({ 'birth-date': '2024-01-10', now: '2026-11-23' }))).to.equal(
        'Your child is past their second birthday: the 1001 days are complete. ' +
          'The stages below are still here to look back on.',
      );
      expect(where(await timeline({ 'due-date': '2028-12-01', now: '2026-11-23' }))).to.equal(
        'This date is before the 1001 days begin. Check the date.',
      );
      const early = await timeline({ 'birth-date': '2026-10-01', 'due-date': '2026-11-20', now: '2026-11-23' });
      expect(textOf($(early, '.journey'))).to.contain(
        'Your baby was born early. Checks follow their age from the date of birth.',
      );
      expect(where(early)).to.equal('Day 324 of 1,001 — your baby is 1 month old');
      const invalid = await timeline({ 'birth-date': '2026-02-30' });
      expect($(invalid, '.journey')).to.equal(null);
      expect($(invalid, '[part=form]')).not.to.equal(null);
    });
  });

  describe('the date form', () => {
    const fill = async (el: ImhFirst1001DaysTimeline, kind: 'due' | 'birth', date: string, keep = false) => {
      $(el, `input[value=${kind}]`)!.click();
      await elementUpdated(el);
      ($(el, 'input[type=date]') as HTMLInputElement).value = date;
      ($(el, 'input[name=remember]') as HTMLInputElement).checked = keep;
      ($(el, '[part=form]') as HTMLFormElement).requestSubmit();
      await elementUpdated(el);
    };

    it('shows the plan for an entered date, and keeps it only when asked', async () => {
      const el = await timeline({ now: '2026-11-23' });
      await fill(el, 'birth', '2026-10-20');
      expect(where(el)).to.equal('Day 305 of 1,001 — your baby is 1 month old');
      expect(localStorage.getItem(KEY)).to.equal(null);
      await fill(el, 'due', '2027-03-01', true);
      expect(where(el)).to.equal('Day 173 of 1,001 — you are 26 weeks pregnant');
      expect(JSON.parse(localStorage.getItem(KEY)!)).to.deep.equal({ kind: 'due', date: '2027-03-01' });
      const again = await timeline({ now: '2026-11-23' });
      expect(where(again)).to.equal('Day 173 of 1,001 — you are 26 weeks pregnant');
      await expect(again).to.be.accessible();
    });

    it('"Forget" clears what was kept', async () => {
      localStorage.setItem(KEY, JSON.stringify({ kind: 'birth', date: '2026-10-20' }));
      const el = await timeline({ now: '2026-11-23' });
      expect(where(el)).to.equal('Day 305 of 1,001 — your baby is 1 month old');
      const forget = $$(el, 'button').find((b) => textOf(b) == 'Forget my date')!;
      forget.click();
      await elementUpdated(el);
      expect(localStorage.getItem(KEY)).to.equal(null);
      expect($(el, '.journey')).to.equal(null);
    });

    it('quietly forgets a kept date that is not a real date, or not one of the years 2000 to 2099', async () => {
      // Storage is not the form's alone: what it holds is read back with the form's own rules.
      const state = (el: ImhFirst1001DaysTimeline) => ({
        kept: localStorage.getItem(KEY),
        summary: textOf($(el, '.journey')),
        current: current(el),
        kind: ($(el, 'input[value=birth]') as HTMLInputElement).checked ? 'birth' : 'due',
        date: ($(el, 'input[type=date]') as HTMLInputElement).value,
        remember: ($(el, 'input[name=remember]') as HTMLInputElement).checked,
        buttons: $$(el, '[part=form] button').map(textOf),
      });
      const none = state(await timeline({ now: '2026-11-23' }));
      expect(none.buttons).to.deep.equal(['Show my 1001 days']);
      const seen = [];
      for (const date of ['due 2026-99-99', 'due 2026-02-30', 'birth 9999-12-31', 'due 0026-05-01']) {
        const [kind, day] = date.split(' ');
        localStorage.setItem(KEY, JSON.stringify({ kind, date: day }));
        seen.push([date, state(await timeline({ now: '2026-11-23' }))]);
        fixtureCleanup();
      }
      // As if nothing were kept (the console stays quiet: expectQuietConsole).
      expect(seen).to.deep.equal(seen.map(([date]) => [date, none]));
    });

    it('reads what is kept once, when it first shows: drawing again neither reads nor forgets it', async () => {
      // Reading can forget (an entry the form cannot read): a render that read storage forgot, or
      // changed, what another script wrote each time a stage opened.
      localStorage.setItem(KEY, JSON.stringify({ kind: 'birth', date: '2026-10-20' }));
      const el = await timeline({ now: '2026-11-23' });
      const remember = $(el, 'input[name=remember]') as HTMLInputElement;
      expect(remember.checked).to.equal(true);
      const { getItem, removeItem } = Storage.prototype;
      const used: string[] = [];
      Storage.prototype.getItem = function (this: Storage, key: string) {
        if (key == KEY) used.push('getItem');
        return getItem.call(this, key);
      };
      Storage.prototype.removeItem = function (this: Storage, key: string) {
        if (key == KEY) used.push('removeItem');
        return removeItem.call(this, key);
      };
      try {
        localStorage.setItem(KEY, '{"kind":');
        for (let i = 0; i < 2; i++) {
          $(el, '.show-all')!.click();
          await elementUpdated(el);
        }
      } finally {
        Object.assign(Storage.prototype, { getItem, removeItem });
      }
      expect(used, 'the kept dates read or forgotten by a render').to.deep.equal([]);
      expect(localStorage.getItem(KEY)).to.equal('{"kind":');
      expect(where(el)).to.equal('Day 305 of 1,001 — your baby is 1 month old');
      expect(remember.checked).to.equal(true);
      // Read by a timeline made now, the entry it cannot read is forgotten, once.
      let removed = 0;
      Storage.prototype.removeItem = function (this: Storage, key: string) {
        if (key == KEY) removed++;
        return removeItem.call(this, key);
      };
      try {
        const again = await timeline({ now: '2026-11-23' });
        $(again, '.show-all')!.click();
        await elementUpdated(again);
        expect($(again, '.journey')).to.equal(null);
        expect(($(again, 'input[name=remember]') as HTMLInputElement).checked).to.equal(false);
      } finally {
        Storage.prototype.removeItem = removeItem;
      }
      expect(removed).to.equal(1);
      expect(localStorage.getItem(KEY)).to.equal(null);
    });

    it('refuses a due date more than 42 weeks ahead (a mistyped year), and forgets one kept', async () => {
      const FAR = 'This due date is more than 42 weeks from today. Check the date and the year.';
      const el = await timeline({ now: '2026-11-23' });
      await fill(el, 'due', '2028-03-01', true); // 2028 for 2027
      expect(textOf($(el, '.journey')), 'no plan from it').to.equal('');
      const input = $(el, 'input[type=date]')!;
      expect(textOf($(el, '#date-error'))).to.equal(FAR);
      expect($(el, '#date-error')!.hidden).to.equal(false);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain('date-error');
      expect(el.shadowRoot!.activeElement == input, 'the field in error has focus').to.equal(true);
      expect(localStorage.getItem(KEY), 'nothing kept').to.equal(null);
      await expect(el).to.be.accessible();
      // 42 weeks from 23 November 2026 is 13 September 2027: taken; the day after is not.
      await fill(el, 'due', '2027-09-14');
      expect(textOf($(el, '#date-error'))).to.equal(FAR);
      await fill(el, 'due', '2027-09-13');
      expect($(el, '#date-error')!.hidden).to.equal(true);
      expect(where(el)).to.equal('This date is before the 1001 days begin. Check the date.');
      // Only that: no next check counted from a date the summary asks the parent to check.
      expect($(el, '.journey .next') == null, 'a next check is shown').to.equal(true);
      // A due date in the past is still taken, as before.
      await fill(el, 'due', '2026-11-09');
      expect(where(el)).to.equal('Day 285 of 1,001 — you are 42 weeks pregnant');
      // A date of birth that far ahead, offered as a due date, is refused as one.
      await fill(el, 'birth', '2028-03-01');
      $$(el, '[part=form] button')
        .find((b) => textOf(b) == 'Use it as my due date')!
        .click();
      await elementUpdated(el);
      expect(textOf($(el, '#date-error'))).to.equal(FAR);
      expect(($(el, 'input[value=due]') as HTMLInputElement).checked).to.equal(true);
      expect(el.shadowRoot!.activeElement == $(el, 'input[type=date]'), 'the field has focus').to.equal(true);
      expect(where(el), 'the plan for the date before stays').to.equal('Day 285 of 1,001 — you are 42 weeks pregnant');
      // Kept (by an older version), it is forgotten quietly, as if nothing were kept.
      fixtureCleanup();
      localStorage.setItem(KEY, JSON.stringify({ kind: 'due', date: '2028-03-01' }));
      const kept = await timeline({ now: '2026-11-23' });
      expect(textOf($(kept, '.journey'))).to.equal('');
      expect(($(kept, 'input[type=date]') as HTMLInputElement).value).to.equal('');
      expect(($(kept, 'input[name=remember]') as HTMLInputElement).checked).to.equal(false);
      expect($(kept, '#date-error')!.hidden).to.equal(true);
      expect(localStorage.getItem(KEY)).to.equal(null);
    });

    it('says what is wrong with an empty or impossible date', async () => {
      const el = await timeline({ now: '2026-11-23' });
      await fill(el, 'birth', '');
      const input = $(el, 'input[type=date]')!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(textOf($(el, '#date-error'))).to.equal('Enter a date, for example 15 March 2027.');
      expect($(el, '#date-error')!.hidden).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('rings a radio and the checkbox with a strong focus indicator after Tab, in forced colours too', async () => {
      const wrap = await fixture(html`<div><button type="button">Before</button></div>`);
      const el = await timeline({ now: '2026-11-23' });
      wrap.append(el.parentElement!);
      wrap.querySelector('button')!.focus();
      const reached: HTMLInputElement[] = [];
      for (let i = 0; i < 40 && reached.length < 2; i++) {
        await sendKeys({ press: 'Tab' });
        const a = deepActive();
        if (a instanceof HTMLInputElement && ['radio', 'checkbox'].includes(a.type) && !reached.includes(a)) {
          reached.push(a);
          const style = getComputedStyle(a);
          // All the way round (not a 2 px sliver below it), 3:1 against the form's background.
          expect(style.outlineStyle, a.type).to.equal('solid');
          expect(parseFloat(style.outlineWidth), a.type).to.be.at.least(3);
          expect(ringFindings(a)).to.deep.equal([]);
          if (await executeServerCommand('imh-emulate-media', { features: { 'forced-colors': 'active' } })) {
            try {
              expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
              expect(getComputedStyle(a).outlineStyle).to.equal('solid');
              expect(parseFloat(getComputedStyle(a).outlineWidth)).to.be.at.least(3);
              expect(getComputedStyle(a).outlineColor).to.not.match(/rgba\(.*, 0\)|transparent/);
            } finally {
              await executeServerCommand('imh-emulate-media', {});
            }
          }
        }
      }
      expect(reached.map((r) => r.type)).to.deep.equal(['radio', 'checkbox']);
    });

    const motions = [
      ['reduce', 'without animation when reduced motion is preferred', 'auto'],
      ['no-preference', 'smoothly when the reader has no preference about motion', 'smooth'],
    ] as const;
    for (const [preference, how, behavior] of motions) {
      it(`brings the current stage into view ${how}`, async function () {
        const calls: (ScrollIntoViewOptions | boolean | undefined)[] = [];
        const original = Element.prototype.scrollIntoView;
        Element.prototype.scrollIntoView = function (arg?: boolean | ScrollIntoViewOptions) {
          calls.push(arg);
        };
        try {
          await executeServerCommand('imh-emulate-media', { features: { 'prefers-reduced-motion': preference } });
          // Emulation is Chromium's (DevTools protocol); Firefox (WebDriver BiDi) and WebKit (WebDriver) have
          // no way to set the preference from a test, so there only the browser's own setting can be tested.
          if (!matchMedia(`(prefers-reduced-motion: ${preference})`).matches) this.skip();
          const el = await timeline({ now: '2026-11-23' });
          await fill(el, 'birth', '2026-10-20');
          expect(calls.length).to.equal(1);
          expect((calls[0] as ScrollIntoViewOptions).behavior).to.equal(behavior);
        } finally {
          Element.prototype.scrollIntoView = original;
          await executeServerCommand('imh-emulate-media', {});
        }
      });
    }
  });

  describe('a device that cannot keep the dates', () => {
    const NOT_KEPT = 'Your date could not be remembered on this device.';
    const { setItem } = Storage.prototype;
    /** Storage full: every write throws, as browsers do (removing still works). */
    const fillStorage = () => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    };
    afterEach(() => {
      Storage.prototype.setItem = setItem;
    });
    const box = (el: Element) => $(el, 'input[name=remember]') as HTMLInputElement;
    const status = (el: Element) => $(el, '[part=form] [role=status]');
    /** Chooses the kind with a click, sets the date, and submits with Tab and Enter from the box. */
    const enter = async (el: ImhFirst1001DaysTimeline, kind: 'due' | 'birth', date: string) => {
      $(el, `input[value=${kind}]`)!.click();
      await elementUpdated(el);
      ($(el, 'input[type=date]') as HTMLInputElement).value = date;
      box(el).focus();
      await sendKeys({ press: 'Tab' });
      expect(textOf(el.shadowRoot!.activeElement)).to.equal('Show my 1001 days');
      await sendKeys({ press: 'Enter' });
      await elementUpdated(el);
    };
    /** What a parent finds on a visit: the plan, the date in the field, the box. */
    const visit = async () => {
      const el = await timeline({ now: '2026-11-23' });
      return {
        el,
        where: where(el),
        date: ($(el, 'input[type=date]') as HTMLInputElement).value,
        ticked: box(el).checked,
      };
    };
    const nothingBack = { where: '', date: '', ticked: false };

    it('storage full: the date before is forgotten, the box shows unticked, and the parent is told', async () => {
      // Visit 1: a due date, kept.
      const first = await timeline({ now: '2026-11-23' });
      box(first).click();
      await enter(first, 'due', '2027-03-01');
      expect(JSON.parse(localStorage.getItem(KEY)!)).to.deep.equal({ kind: 'due', date: '2027-03-01' });
      fixtureCleanup();
      // Visit 2, storage full: the baby is born; the box is still ticked from visit 1.
      fillStorage();
      const { el, ...second } = await visit();
      expect(second).to.deep.equal({
        where: 'Day 173 of 1,001 — you are 26 weeks pregnant',
        date: '2027-03-01',
        ticked: true,
      });
      const live = status(el)!;
      expect(textOf(live), 'nothing said before').to.equal('');
      await enter(el, 'birth', '2026-11-20');
      expect(where(el), 'the plan still shows for this visit').to.equal('Day 274 of 1,001 — your baby is 3 days old');
      expect(localStorage.getItem(KEY), 'the old due date forgotten').to.equal(null);
      expect(box(el).checked, 'the box shows what is kept').to.equal(false);
      // Said in the polite live region that was there before (so it is announced), under the box.
      expect(status(el)).to.equal(live);
      expect(textOf(live)).to.equal(NOT_KEPT);
      await expect(el).to.be.accessible();
      fixtureCleanup();
      // Visit 3, storage still full: nothing comes back (no wrong date about the baby), nothing said.
      const { el: third, ...back } = await visit();
      expect(back).to.deep.equal(nothingBack);
      expect(textOf(status(third))).to.equal('');
      fixtureCleanup();
      Storage.prototype.setItem = setItem;
      const { el: fourth, ...after } = await visit();
      expect(after).to.deep.equal(nothingBack);
      // Once storage takes it again, the date is kept, and the notice goes.
      box(fourth).click();
      await enter(fourth, 'birth', '2026-11-20');
      expect(JSON.parse(localStorage.getItem(KEY)!)).to.deep.equal({ kind: 'birth', date: '2026-11-20' });
      expect(box(fourth).checked).to.equal(true);
      expect(textOf(status(fourth))).to.equal('');
    });

    it('a box ticked where storage was always full shows unticked after "Show my 1001 days"', async () => {
      fillStorage();
      const { el } = await visit();
      box(el).click();
      expect(box(el).checked).to.equal(true);
      await enter(el, 'due', '2027-03-01');
      expect(where(el)).to.equal('Day 173 of 1,001 — you are 26 weeks pregnant');
      expect(box(el).checked).to.equal(false);
      expect(textOf(status(el))).to.equal(NOT_KEPT);
      // "Forget my date" clears this visit's date, and the notice with it.
      $$(el, '[part=form] button')
        .find((b) => textOf(b) == 'Forget my date')!
        .click();
      await elementUpdated(el);
      expect(textOf(status(el))).to.equal('');
      fixtureCleanup();
      const { el: again, ...back } = await visit();
      expect(back).to.deep.equal(nothingBack);
      expect(textOf(status(again))).to.equal('');
    });

    it('a new date with the box unticked forgets the date kept before', async () => {
      localStorage.setItem(KEY, JSON.stringify({ kind: 'due', date: '2027-03-01' }));
      const { el, ...kept } = await visit();
      expect(kept).to.deep.equal({
        where: 'Day 173 of 1,001 — you are 26 weeks pregnant',
        date: '2027-03-01',
        ticked: true,
      });
      box(el).click();
      await enter(el, 'birth', '2026-11-20');
      expect(where(el)).to.equal('Day 274 of 1,001 — your baby is 3 days old');
      expect(localStorage.getItem(KEY)).to.equal(null);
      expect(box(el).checked).to.equal(false);
      expect(textOf(status(el)), 'nothing failed: nothing to say').to.equal('');
      fixtureCleanup();
      const { el: _again, ...back } = await visit();
      expect(back).to.deep.equal(nothingBack);
    });
  });

  describe('dates that cannot be placed, by keyboard', () => {
    /** Types nothing into the date field (each browser draws it its own way): sets it, then uses keys. */
    const enter = async (el: ImhFirst1001DaysTimeline, kind: 'due' | 'birth', date: string) => {
      $(el, `input[value=${kind}]`)!.click();
      await elementUpdated(el);
      ($(el, 'input[type=date]') as HTMLInputElement).value = date;
      // From "Remember on this device", Tab reaches "Show my 1001 days"; Enter submits.
      $(el, 'input[name=remember]')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(textOf(el.shadowRoot!.activeElement)).to.equal('Show my 1001 days');
      await sendKeys({ press: 'Enter' });
      await elementUpdated(el);
    };

    it('a date of birth in the future is not a pregnancy: the field says so and offers the due date', async () => {
      const el = await timeline({ now: '2026-11-23' });
      await enter(el, 'birth', '2027-02-01');
      expect($(el, '.journey'), 'no plan from a birth date after today').to.equal(null);
      expect(textOf($(el, '#date-error'))).to.equal(
        'This date of birth is in the future. If your baby is not born yet, use it as your due date.',
      );
      const input = $(el, 'input[type=date]')!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement, 'the field in error has focus').to.equal(input);
      expect(localStorage.getItem(KEY)).to.equal(null);
      await expect(el).to.be.accessible();
      // "Use it as my due date", by keyboard (the next control after the field; a date field's own
      // Tab moves between its day, month and year, so the test focuses the button and presses Enter).
      const use = $$(el, '[part=form] button').find((b) => textOf(b) == 'Use it as my due date')!;
      use.focus();
      await sendKeys({ press: 'Enter' });
      await elementUpdated(el);
      expect(where(el)).to.equal('Day 201 of 1,001 — you are 30 weeks pregnant');
      expect($(el, 'input[value=due]') as HTMLInputElement).to.have.property('checked', true);
      expect(textOf($(el, '.date'))).to.contain('Due date');
      expect($(el, '#date-error')!.hidden).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=summary]'));
      await expect(el).to.be.accessible();
    });

    it('a date of birth in the future set by the page or kept from before says so, with no stage marked', async () => {
      const set = await timeline({ 'birth-date': '2027-02-01', now: '2026-11-23' });
      expect(where(set)).to.equal(
        'This date of birth is in the future. If your baby is not born yet, use it as your due date.',
      );
      expect(current(set)).to.equal(undefined);
      expect(textOf(set.shadowRoot!.querySelector('.journey'))).not.to.match(/pregnant|Next check/);
      expect($(set, '.journey button'), 'no form on the page to act on').to.equal(null);
      await expect(set).to.be.accessible();
      localStorage.setItem(KEY, JSON.stringify({ kind: 'birth', date: '2027-02-01' }));
      const kept = await timeline({ now: '2026-11-23' });
      const use = $(kept, '.journey button')!;
      expect(textOf(use)).to.equal('Use it as my due date');
      use.focus();
      await sendKeys({ press: ' ' }); // the space bar (Firefox's BiDi input knows it by its character)
      await elementUpdated(kept);
      expect(where(kept)).to.equal('Day 201 of 1,001 — you are 30 weeks pregnant');
      await expect(kept).to.be.accessible();
    });

    it('a due date long past asks for the date of birth, in one coherent message', async () => {
      const set = await timeline({ 'due-date': '2024-11-20', now: '2026-11-23' });
      const summary = textOf($(set, '.journey'));
      expect(summary).to.equal(
        'The due date was 20 November 2024, more than two weeks ago, so your baby has most likely been born. ' +
          'Enter the date of birth to see where you are now.',
      );
      expect(summary).not.to.match(/second birthday|Once your baby is born|Next check/);
      expect(current(set)).to.equal(undefined);
      expect($$(set, '.stage.done').length, 'nothing marked done from a guess').to.equal(0);
      // Two weeks late is still a pregnancy.
      expect(where(await timeline({ 'due-date': '2026-11-09', now: '2026-11-23' }))).to.equal(
        'Day 285 of 1,001 — you are 42 weeks pregnant',
      );
      // With the form: "Enter the date of birth" moves there, by keyboard.
      localStorage.setItem(KEY, JSON.stringify({ kind: 'due', date: '2024-11-20' }));
      const el = await timeline({ now: '2026-11-23' });
      const ask = $(el, '.journey button')!;
      expect(textOf(ask)).to.equal('Enter the date of birth');
      ask.focus();
      await sendKeys({ press: 'Enter' });
      await elementUpdated(el);
      expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[type=date]'));
      expect(($(el, 'input[value=birth]') as HTMLInputElement).checked).to.equal(true);
      expect(textOf($(el, '.date'))).to.equal("Baby's date of birth");
      await enter(el, 'birth', '2024-11-25');
      expect(where(el)).to.equal('Day 999 of 1,001 — your baby is 23 months old');
      await expect(el).to.be.accessible();
    });

    it('after "Show my 1001 days" on a 320 px phone the summary is on screen and focused', async () => {
      // Chromium and Firefox take a phone's viewport; WebKit's driver cannot, so there the column is 320 px.
      const phone = /Chrome|Firefox/.test(navigator.userAgent);
      if (phone) await setViewport({ width: 320, height: 640 });
      const reduced = await executeServerCommand('imh-emulate-media', {
        features: { 'prefers-reduced-motion': 'reduce' },
      });
      try {
        const el = await timeline({ now: '2026-11-23' });
        el.parentElement!.style.width = '320px';
        // The page's own content above the element, as on a council page.
        el.parentElement!.before(Object.assign(document.createElement('div'), { style: 'height: 400px' }));
        await enter(el, 'birth', '2026-06-08');
        const summary = $(el, '[part=summary]')!;
        expect(textOf($(el, '.where'))).to.equal('Day 439 of 1,001 — your baby is 5 months old');
        // Smooth scrolling (where reduced motion cannot be emulated) ends where the summary is.
        await waitUntil(
          () => {
            const r = summary.getBoundingClientRect();
            return r.top >= -1 && r.top <= 40;
          },
          `the summary is at ${Math.round(summary.getBoundingClientRect().top)} px, not at the top of the screen`,
          { timeout: 5_000 }, // a smooth scroll (where reduced motion is not emulated) takes its time under load
        );
        const r = summary.getBoundingClientRect();
        expect(r.bottom).to.be.at.most(innerHeight);
        expect(el.shadowRoot!.activeElement).to.equal(summary);
        if (reduced) expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
      } finally {
        scrollTo(0, 0);
        document.querySelectorAll('body > div[style="height: 400px"]').forEach((d) => d.remove());
        if (phone) await setViewport({ width: 800, height: 600 });
        await executeServerCommand('imh-emulate-media', {});
      }
    });
  });

  describe('all stages, and the stages already passed', () => {
    it('"Show all stages" opens every stage and "Hide all stages" closes them, by keyboard', async () => {
      const el = await timeline({ 'birth-date': '2026-10-20', now: '2026-11-23' });
      const all = $(el, '[part~=show-all]')!;
      expect(textOf(all)).to.equal('Show all stages');
      expect(all.getAttribute('aria-expanded')).to.equal('false');
      all.focus();
      await sendKeys({ press: 'Enter' });
      await elementUpdated(el);
      expect($$(el, '.content').every((c) => !c.hidden)).to.equal(true);
      expect($$(el, '[part=stage-heading] button').map((b) => b.getAttribute('aria-expanded'))).to.deep.equal(
        Array(8).fill('true'),
      );
      expect(textOf(all)).to.equal('Hide all stages');
      expect(all.getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();
      await sendKeys({ press: ' ' }); // the space bar (Firefox's BiDi input knows it by its character)
      await elementUpdated(el);
      expect($$(el, '.content').every((c) => c.hidden)).to.equal(true);
      expect(textOf(all)).to.equal('Show all stages');
      // Opening one by one until all are open makes the button say "Hide".
      for (const b of $$(el, '[part=stage-heading] button')) b.click();
      await elementUpdated(el);
      expect(textOf(all)).to.equal('Hide all stages');
    });

    it('marks the stages already passed as done, to the eye and to screen readers', async () => {
      const el = await timeline({ 'birth-date': '2026-10-20', now: '2026-11-23' });
      const stages = $$(el, '[part=stage]');
      const done = stages.map((s) => s.classList.contains('done'));
      expect(done).to.deep.equal([true, true, true, true, false, false, false, false]);
      const heading = stages[3].querySelector('[part=stage-heading] button')!;
      // The accessible name carries "Done" (the tick is hidden from screen readers).
      expect(textOf(heading)).to.equal('Birth and the first two weeks ✓ Done');
      expect(heading.querySelector('[aria-hidden=true]')!.textContent).to.equal('✓');
      const marker = getComputedStyle(stages[0], '::before');
      expect(marker.backgroundColor).not.to.equal(getComputedStyle(stages[6], '::before').backgroundColor);
      await expect(el).to.be.accessible();
      // Before a date, nothing is done; after the 1001 days, everything is.
      expect($$(await timeline(), '.stage.done').length).to.equal(0);
      expect($$(await timeline({ 'birth-date': '2024-01-10', now: '2026-11-23' }), '.stage.done').length).to.equal(8);
      // A pregnancy: the first trimester is done in the second.
      const due = await timeline({ 'due-date': '2027-03-01', now: '2026-11-23' });
      expect($$(due, '[part=stage]').map((s) => s.classList.contains('done'))).to.deep.equal([
        true,
        ...Array(7).fill(false),
      ]);
    });
  });

  describe('with a feed', () => {
    /** The example feed's plan for a baby born on 20 October 2026, "Two to six months in Wolverhampton" open. */
    async function twoToSixMonths() {
      const el = await timeline({ 'birth-date': '2026-10-20', now: '2026-11-23' }, await exampleFeed());
      const stage = $$(el, '[part=stage]').find(
        (li) => textOf(li.querySelector('[part=stage-heading]')) == 'Two to six months in Wolverhampton',
      )!;
      stage.querySelector('button')!.click();
      await elementUpdated(el);
      return { el, stage };
    }

    it('shows its stages while a slow feed loads, and draws nothing again until it comes', async () => {
      // On a slow network the feed can take seconds (the loader waits up to its timeout). The timeline
      // drew itself again in every frame meanwhile (about 60 times a second), work an old phone pays for.
      const data = await exampleFeed();
      let arrive!: () => void;
      stubFetch(async () => {
        await new Promise<void>((r) => (arrive = r));
        return json(data);
      });
      const el = document.createElement('imh-first-1001-days-timeline');
      el.setAttribute('feed', 'https://feeds.example.org/slow.json');
      el.setAttribute('birth-date', '2026-10-20');
      el.setAttribute('now', '2026-11-23');
      let updates = 0;
      el.addController({ hostUpdated: () => updates++ });
      (await fixture(html`<div style="max-width: 40rem"></div>`)).append(el);
      await waitUntil(() => $$(el, '[part=stage]').length > 0 && arrive, 'no stages while the feed loads', {
        timeout: 5_000,
      });
      updates = 0;
      let settled = false;
      void el.updateComplete.then(() => (settled = true));
      for (let i = 0; i < 20; i++) await new Promise((r) => requestAnimationFrame(r));
      expect(updates, 'updates in 20 frames while the feed loads').to.equal(0);
      expect(settled, 'updateComplete settled before the feed came').to.equal(false);
      expect(where(el)).to.equal('Day 305 of 1,001 — your baby is 1 month old');
      arrive();
      await el.updateComplete;
      expect($$(el, '[aria-current=step] [part~=card]').length, 'services once updateComplete settles').to.be.above(0);
    });

    it("checks a kept due date against the feed's today, not London's before the feed has come", async () => {
      // 23:30 on 23 November in London is 12:30 on 24 November in Auckland: 14 September 2027 is 42
      // weeks (294 days, still taken) from Auckland's today, 295 from London's. In New York it is the
      // reverse: at 02:00 on 24 November in London it is still 23 November there.
      const kept = async (timeZone: string, now: string) => {
        const data = { ...(await exampleFeed()), timeZone };
        let arrive!: () => void;
        stubFetch(async () => {
          await new Promise<void>((r) => (arrive = r));
          return json(data);
        });
        localStorage.setItem(KEY, JSON.stringify({ kind: 'due', date: '2027-09-14' }));
        const el = document.createElement('imh-first-1001-days-timeline');
        el.setAttribute('feed', `https://feeds.example.org/${timeZone.replace('/', '-')}-${Date.now()}.json`);
        el.setAttribute('now', now);
        (await fixture(html`<div style="max-width: 40rem"></div>`)).append(el);
        await waitUntil(() => $$(el, '[part=stage]').length > 0 && arrive, 'no stages while the feed loads', {
          timeout: 5_000,
        });
        const meanwhile = [localStorage.getItem(KEY), where(el)];
        arrive();
        await el.updateComplete;
        await waitUntil(() => $$(el, '[part~=card]').length > 0, "the feed's services never came", { timeout: 5_000 });
        return { el, meanwhile };
      };
      const before = 'This date is before the 1001 days begin. Check the date.';
      const stored = JSON.stringify({ kind: 'due', date: '2027-09-14' });
      const auckland = await kept('Pacific/Auckland', '2026-11-23T23:30:00Z');
      expect(auckland.meanwhile, "not forgotten on London's today").to.deep.equal([stored, before]);
      expect(localStorage.getItem(KEY)).to.equal(stored);
      expect(where(auckland.el)).to.equal(before);
      expect(($(auckland.el, 'input[type=date]') as HTMLInputElement).value).to.equal('2027-09-14');
      expect(($(auckland.el, 'input[name=remember]') as HTMLInputElement).checked).to.equal(true);
      fixtureCleanup();
      restoreFetch();
      const newYork = await kept('America/New_York', '2026-11-24T02:00:00Z');
      expect(newYork.meanwhile, "given back on London's today").to.deep.equal([stored, before]);
      expect(localStorage.getItem(KEY), "forgotten on the feed's").to.equal(null);
      expect(textOf($(newYork.el, '.journey'))).to.equal('');
      expect(($(newYork.el, 'input[type=date]') as HTMLInputElement).value).to.equal('');
      expect(($(newYork.el, 'input[name=remember]') as HTMLInputElement).checked).to.equal(false);
      expect($$(newYork.el, '[part=form] button').map(textOf)).to.deep.equal(['Show my 1001 days']);
    });

    it('taken off the page while its feed loads, its updateComplete settles (nothing waits for ever)', async () => {
      stubFetch(never);
      const el = document.createElement('imh-first-1001-days-timeline');
      el.setAttribute('feed', 'https://feeds.example.org/never.json');
      (await fixture(html`<div></div>`)).append(el);
      await waitUntil(() => $$(el, '[part=stage]').length > 0, 'no stages while the feed loads', { timeout: 5_000 });
      let settled = false;
      const complete = el.updateComplete.then((done) => ((settled = true), done));
      // Already waiting, a frame at a time, for the feed that never comes.
      for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
      expect(settled, 'updateComplete settled before the feed came').to.equal(false);
      el.remove();
      expect(await complete).to.equal(true);
    });

    it('extends the built-in stages with local wording, services and the next sessions', async () => {
      const { el, stage } = await twoToSixMonths();
      const content = textOf(stage.querySelector('.content'));
      expect(content).to.contain('building connections in their brain'); // the built-in message stays
      expect(content).to.contain('Baby Massage at the Bob Jones Community Hub'); // the local message is added
      expect([...stage.querySelectorAll('[part=heading]')].map(textOf)).to.deep.equal([
        'Non-urgent advice: Health Visiting (0-19 service)',
        'Non-urgent advice: Parental and Infant Wellbeing Team',
        'Non-urgent advice: Healthy Child Wolves app',
      ]);
      expect([...stage.querySelectorAll('.sessions li')].map(textOf)[0]).to.match(
        /^Baby Massage · Monday,? 23 November, 10:00–11:00 · Bob Jones Community Hub$/,
      );
      expect(stage.querySelector('.card .facts dt')?.textContent).to.equal('Opening hours'); // compact cards
      await expect(el).to.be.accessible();
    });

    it("fires imh-support-action from a stage's service card, as the support card does", async () => {
      const { el, stage } = await twoToSixMonths();
      const call = [...stage.querySelectorAll<HTMLAnchorElement>('.card .actions a')].find((a) =>
        a.href.startsWith('tel:'),
      )!;
      call.addEventListener('click', (e) => e.preventDefault());
      const action = oneEvent(el, 'imh-support-action');
      call.click();
      const { detail } = await action;
      expect(detail.action).to.equal('call');
      expect(detail.service).to.equal('health-visiting');
    });

    it('"Sessions coming up" leaves out sessions only for practitioners, as the session list does', async () => {
      const data = await exampleFeed();
      // The feed's own stages alone, one naming the practitioners' workshops' category: "Infant at the Centre"
      // (25 February) is for practitioners only; a copy for parents and practitioners alike is for parents too.
      data.timeline.mode = 'replace';
      data.timeline.stages[1].sessionCategories = ['practitioner-workshop'];
      const workshop = data.sessions.find((x: { id: string }) => x.id == 'infant-at-the-centre');
      data.sessions.push({
        ...workshop,
        id: 'open-workshop',
        name: 'Infant at the Centre: open morning',
        audience: ['parents', 'practitioners'],
      });
      const el = await timeline({ 'birth-date': '2026-12-07', now: '2027-02-22' }, data);
      expect(current(el)).to.equal('two-to-six-months');
      const stage = $(el, '[aria-current=step]')!;
      const sessions = [...stage.querySelectorAll('.sessions li')].map(textOf);
      expect(sessions).to.have.length(1);
      expect(sessions[0]).to.match(
        /^Infant at the Centre: open morning · Thursday,? 25 February, 09:30–13:00 · Bob Jones Community Hub$/,
      );
      expect(textOf(stage)).not.to.contain('practitioner workshop').and.not.to.contain('Observing parent-infant');
    });

    it('replaces the built-in stages when the feed says so', async () => {
      const data = await exampleFeed();
      data.timeline.mode = 'replace';
      const el = await timeline({}, data);
      expect($$(el, '[part=stage-heading]').map(textOf)).to.deep.equal([
        'Birth and the first two weeks',
        'Two to six months in Wolverhampton',
      ]);
    });

    it('skips a bad timeline stage, reports it, and keeps the rest', async () => {
      const data = await exampleFeed();
      data.timeline.stages[0].from = { weeks: 0 };
      const el = document.createElement('imh-first-1001-days-timeline');
      el.data = data;
      const loaded = oneEvent(el, 'imh-feed-load');
      (await fixture(html`<div></div>`)).append(el);
      const { detail } = await loaded;
      expect(detail.issues.map((i: { path: string }) => i.path)).to.deep.equal(['timeline.stages[0].from']);
      await waitUntil(() => $$(el, '[part=stage]').length > 0, 'the stages never rendered', { timeout: 5_000 });
      expect($$(el, '[part=stage-heading]').map(textOf))
        .to.include('Birth and the first two weeks')
        .and.include('Two to six months in Wolverhampton');
    });
  });

  describe("a stage the feed overrides, in the element's language", () => {
    const NEWBORN_AR = 'الولادة والأسبوعان الأولان';
    /** The words of a stage's heading (or of a part of it), each with the language it is read in. */
    const stageText = (el: Element, id: string, sel = '[part=stage-heading]') =>
      spoken($(el, `[aria-controls=stage-${id}]`)!.closest('[part=stage]')!.querySelector(sel)!);
    const open = async (el: ImhFirst1001DaysTimeline, id: string) => {
      $(el, `[aria-controls=stage-${id}]`)!.click();
      await elementUpdated(el);
    };

    it('a title the feed took word for word from a built-in stage speaks the built-in translation', async () => {
      // The example feed's "newborn" title is the built-in English, in Welsh and Urdu too, not in Arabic.
      const feed = await exampleFeed();
      expect(feed.timeline.stages[0].title.ar).to.equal(undefined);
      const ar = await timeline({ lang: 'ar' }, feed);
      expect(stageText(ar, 'newborn')).to.deep.equal([['ar', NEWBORN_AR]]);
      // Bilingual: the Arabic, then the feed's own English, each in its language.
      const both = await timeline({ lang: 'ar', bilingual: 'en' }, feed);
      await waitUntil(() => $$(both, '.bi').length > 10, 'not in two languages');
      expect(stageText(both, 'newborn')).to.deep.equal([
        ['ar', NEWBORN_AR],
        ['en', 'Birth and the first two weeks'],
      ]);
      // The feed's own Welsh (and Urdu) wins over the built-in translation.
      feed.timeline.stages[0].title.cy = "Y geni a'r pythefnos cyntaf";
      expect(stageText(await timeline({ lang: 'cy' }, feed), 'newborn')).to.deep.equal([
        ['cy', "Y geni a'r pythefnos cyntaf"],
      ]);
      expect(stageText(await timeline({ lang: 'ur' }, feed), 'newborn')).to.deep.equal([
        ['ur', 'پیدائش اور پہلے دو ہفتے'],
      ]);
      await expect(ar).to.be.accessible();
    });

    it("only the built-in English word for word is replaced: the feed's own wording stays as written", async () => {
      const feed = await exampleFeed();
      Object.assign(feed.timeline.stages[0], {
        // Plain strings are in the feed's language (en-GB).
        summary: 'Skin to skin, cuddles and feeds: you and your baby are getting to know each other.',
        ifWorried: 'Call your midwife or health visitor. If your baby is seriously unwell, call 999 at once.',
      });
      const el = await timeline({ lang: 'ar' }, feed);
      await open(el, 'newborn');
      expect(stageText(el, 'newborn', '.stage-summary')).to.deep.equal([
        ['ar', 'تلامس الجلد بالجلد والعناق والرضاعة: أنت وطفلك تتعرّفان على بعضكما.'],
      ]);
      expect(stageText(el, 'newborn', '.worried').at(-1)).to.deep.equal([
        'en-GB',
        'Call your midwife or health visitor. If your baby is seriously unwell, call 999 at once.',
      ]);
      expect(stageText(el, 'newborn', '.messages').at(-1)).to.deep.equal([
        'en-GB',
        'In Wolverhampton your health visitor visits at home between 10 and 14 days after the birth.',
      ]);
      // A title of the council's own, with no Arabic, stays as written (in English, marked so).
      expect(stageText(el, 'two-to-six-months')).to.deep.equal([['en', 'Two to six months in Wolverhampton']]);
    });
  });

  describe('bilingual (lang="cy" bilingual="en")', () => {
    /** A Welsh timeline with English (or English alone), its date kept from before, with the example feed. */
    async function planned(attrs: Record<string, string>) {
      localStorage.setItem(KEY, JSON.stringify({ kind: 'birth', date: '2026-09-20' }));
      const el = await timeline({ now: '2026-11-23', ...attrs }, await exampleFeed());
      if (attrs.bilingual) await waitUntil(() => $$(el, '.bi').length > 10, 'not in two languages');
      await elementUpdated(el);
      return el;
    }

    it('its built-in stages and its own words in both languages, each part marked with its language', async () => {
      const el = await planned({ lang: 'cy', bilingual: 'en' });
      const pair = (sel: string) => spoken($(el, sel)!);
      // A built-in stage's title: Welsh, then English; then its "Done" mark, in both.
      expect(spoken($$(el, '[part=stage-heading]')[0])).to.deep.equal([
        ['cy', 'Beichiogrwydd: wythnosau 1 i 13'],
        ['en-GB', 'Pregnancy: weeks 1 to 13'],
        ['cy', '✓'],
        ['cy', "Wedi'i wneud"],
        ['en-GB', 'Done'],
      ]);
      expect(pair('[part~=show-all]').map(([lang]) => lang)).to.deep.equal(['cy', 'en-GB']);
      expect(pair('[part~=show-all]')[1][1]).to.equal('Show all stages');
      expect(pair('button[type=submit]').at(-1)).to.deep.equal(['en-GB', 'Show my 1001 days']);
      expect(pair('.where').at(-1)).to.deep.equal(['en-GB', 'Day 335 of 1,001 — your baby is 2 months old']);
      expect(pair('.where')[0][0]).to.equal('cy');
      expect(pair('.next').some(([lang, text]) => lang == 'en-GB' && text.startsWith('Next check:'))).to.equal(true);
      // The current stage, open: its summary, checks, what to do if worried and sessions, in both.
      const now = $(el, '[aria-current=step]')!;
      for (const sel of ['.stage-summary', '.label', '.checks li', '.worried'])
        expect(
          spoken(now.querySelector(sel)!).map(([lang]) => lang),
          sel,
        ).to.include.members(['cy', 'en-GB']);
      const labels = [...now.querySelectorAll('.label')].map((n) => spoken(n).at(-1)![1]);
      expect(labels).to.include.members(['Checks', 'Sessions coming up']);
      expect(spoken(now.querySelector('.worried strong')!).at(-1)).to.deep.equal(['en-GB', 'If you are worried:']);
      expect(spoken(now.querySelector('.here')!).map(([lang]) => lang)).to.deep.equal(['cy', 'en-GB']);
      // Every English text an English timeline shows (letters, not numbers) is read in English here.
      const english = new Set(
        spoken((await planned({ lang: 'en-GB' })).shadowRoot!)
          .map(([, text]) => text)
          // Words, not numbers, nor the pieces of an email address ("fhparent", ".gov").
          .filter((text) => /[a-z]{3}/i.test(text) && !/^[.a-z@]+$/.test(text)),
      );
      // The service cards inside the stages are the support card's (bilingual.test.ts tests them).
      const own = [...el.shadowRoot!.querySelectorAll('.root > :not(.card), .stage > :not(.content), .content > *')];
      const wrong = own
        .filter((n) => !n.querySelector('[part~=card]') && !n.closest('[part~=card]'))
        .flatMap(spoken)
        .filter(([lang, text]) => english.has(text) && !lang!.startsWith('en'));
      expect(wrong).to.deep.equal([]);
    });

    it("stacked: a session's day and time, one phrase in each language, the time on its language's line", async () => {
      const el = await planned({ lang: 'cy', bilingual: 'en', 'bilingual-layout': 'stacked' });
      const sessions = [...$(el, '[aria-current=step]')!.querySelectorAll('.sessions li')];
      expect(sessions.length).to.be.greaterThan(0);
      for (const li of sessions) {
        const when = [...li.querySelectorAll(':scope > .bi-pair')].find((p) => p.querySelector('time'))!;
        const [welsh, english] = [...when.children] as HTMLElement[];
        // Welsh day, its comma and the time; then the English day, its comma and the time.
        expect(spoken(welsh).map(([lang]) => lang)).to.deep.equal(['cy', 'cy', 'cy']);
        expect(spoken(english).map(([lang]) => lang)).to.deep.equal(['en-GB', 'en-GB', 'en-GB']);
        expect(textOf(english as never)).to.match(
          /^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? \d+ \w+, \d\d:\d\d–\d\d:\d\d$/,
        );
        // The Welsh time on the Welsh day's line, not after the English one.
        const time = welsh.querySelector('time')!.getBoundingClientRect();
        expect(time.bottom).to.be.closeTo(welsh.getBoundingClientRect().bottom, 2);
        expect(time.bottom).to.be.at.most(english.getBoundingClientRect().top + 1);
      }
    });

    for (const layout of ['stacked', 'columns'])
      it(`${layout} at 320 px: nothing overflows; axe-clean`, async () => {
        const el = await planned({ lang: 'cy', bilingual: 'en', 'bilingual-layout': layout });
        el.parentElement!.style.width = '320px';
        await new Promise((r) => requestAnimationFrame(r));
        const right = el.parentElement!.getBoundingClientRect().right;
        for (const n of $$(el, '*')) expect(n.getBoundingClientRect().right, n.tagName).to.be.at.most(right + 0.5);
        await expect(el).to.be.accessible();
      });
  });

  describe('layout and print', () => {
    it('side by side when wide, one above another when narrow', async () => {
      const el = await timeline();
      el.parentElement!.style.maxWidth = 'none';
      el.parentElement!.style.width = '70rem';
      await new Promise((r) => requestAnimationFrame(r));
      const [a, b] = $$(el, '[part=stage]');
      expect(Math.round(a.getBoundingClientRect().top)).to.equal(Math.round(b.getBoundingClientRect().top));
      el.parentElement!.style.width = '320px';
      await new Promise((r) => requestAnimationFrame(r));
      expect(b.getBoundingClientRect().top).to.be.greaterThan(a.getBoundingClientRect().bottom - 1);
      const right = el.parentElement!.getBoundingClientRect().right;
      for (const n of $$(el, '*')) expect(n.getBoundingClientRect().right, n.tagName).to.be.at.most(right + 0.5);
    });

    it('wide, the stages in rows within the element (1280 px, left to right and Urdu right to left)', async () => {
      for (const lang of ['en', 'ur']) {
        const el = await timeline({ lang });
        el.parentElement!.style.maxWidth = 'none';
        el.parentElement!.style.width = '1264px';
        await new Promise((r) => requestAnimationFrame(r));
        const box = el.getBoundingClientRect();
        const stages = $$(el, '[part=stage]');
        expect(stages.length, lang).to.be.greaterThan(5);
        for (const n of stages) {
          const r = n.getBoundingClientRect();
          expect(r.left, `${lang}: ${textOf(n)}`).to.be.at.least(box.left - 0.5);
          expect(r.right, `${lang}: ${textOf(n)}`).to.be.at.most(box.right + 0.5);
        }
        // Still side by side: the first row holds more than one stage.
        expect(Math.round(stages[1].getBoundingClientRect().top)).to.equal(
          Math.round(stages[0].getBoundingClientRect().top),
        );
      }
    });

    // In one 15rem cell of the strip the open stage's content made a column 1,300 px tall beside empty space.
    it('wide, an open stage takes a whole row and its cards sit side by side; narrow, as before', async () => {
      for (const lang of ['en', 'ar']) {
        const el = await timeline({ lang, 'birth-date': '2026-09-01', now: '2026-12-05T10:00' }, await exampleFeed());
        el.parentElement!.style.maxWidth = 'none';
        el.parentElement!.style.width = '1280px';
        await waitUntil(() => $$(el, '[aria-current=step] .services > li').length > 1, `${lang}: no cards`, {
          timeout: 5_000,
        });
        await new Promise((r) => requestAnimationFrame(r));
        const row = $(el, '[part=stages]')!.getBoundingClientRect();
        /** Every open stage: its content as wide as the row (near enough), its first two cards side by side. */
        const roomy = (why: string) => {
          const open = $$(el, '[part=stage]').filter((li) => li.querySelector('[aria-expanded=true]'));
          expect(open.length, `${lang}, ${why}: open stages`).to.be.above(0);
          for (const li of open) {
            const name = `${lang}, ${why}: ${textOf(li.querySelector('[part=stage-heading]'))}`;
            const content = li.querySelector('.content')!.getBoundingClientRect();
            expect(content.width, name).to.be.at.least(0.9 * row.width);
            expect(content.left, name).to.be.at.least(row.left - 0.5);
            expect(content.right, name).to.be.at.most(row.right + 0.5);
            const [a, b] = [...li.querySelectorAll('.services > li')].map((n) => n.getBoundingClientRect());
            if (b) expect(Math.round(b.top), `${name}: its cards side by side`).to.equal(Math.round(a.top));
          }
        };
        roomy('the current stage');
        // The stages not open keep the strip: the first row holds more than one.
        const [first, second] = $$(el, '[part=stage]').map((n) => n.getBoundingClientRect());
        expect(Math.round(second.top), lang).to.equal(Math.round(first.top));
        // Any stage opened gets the room, not only the current one; and every stage with "Show all stages".
        $$(el, '[part=stage-heading] button').at(-1)!.click();
        await elementUpdated(el);
        roomy('the last stage opened');
        $(el, '.show-all')!.click();
        await elementUpdated(el);
        expect($$(el, '[part=stage-heading] [aria-expanded=false]').length, lang).to.equal(0);
        roomy('every stage shown');
      }
      // Narrow, nothing changes: each stage as wide as the list (past its line's 0.5rem), the cards one above another.
      const el = await timeline({ 'birth-date': '2026-09-01', now: '2026-12-05T10:00' }, await exampleFeed());
      el.parentElement!.style.width = '320px';
      await waitUntil(() => $$(el, '[aria-current=step] .services > li').length > 1, 'no cards at 320 px', {
        timeout: 5_000,
      });
      await new Promise((r) => requestAnimationFrame(r));
      const stage = $(el, '[aria-current=step]')!;
      const list = $(el, '[part=stages]')!.getBoundingClientRect();
      expect(stage.getBoundingClientRect().width).to.be.closeTo(list.width - 8, 1);
      const [a, b] = [...stage.querySelectorAll('.services > li')].map((n) => n.getBoundingClientRect());
      expect(b.top).to.be.at.least(a.bottom);
    });

    it('prints the whole plan, every stage open', async () => {
      const el = await timeline();
      const closed = $(el, '.content[hidden]')!;
      expect(getComputedStyle(closed).display).to.equal('none');
      // Print emulation is Chromium-only; the other browsers check the screen half.
      if (!(await executeServerCommand('imh-emulate-media', { media: 'print' }))) return;
      try {
        expect(getComputedStyle(closed).display).to.equal('block');
        expect(getComputedStyle($(el, '[part=form]')!).display).to.equal('none');
      } finally {
        await executeServerCommand('imh-emulate-media', {});
      }
    });

    // Its own styles come with its body (issue 14): a theme's colours added later keep them, in the same order.
    it('keeps its styles when a theme is chosen after it shows, and a timeline made later has them', async () => {
      const el = await timeline({ 'birth-date': '2026-09-01', now: '2026-11-23' });
      const stage = $(el, '[part=stage]')!;
      expect(getComputedStyle(stage).borderInlineStartWidth).to.equal('3px');
      el.setAttribute('theme', 'govuk');
      // The placeholder may show while the theme's colours load (no stages then).
      await waitUntil(
        () => {
          const step = $(el, '[aria-current=step]');
          return !!step && getComputedStyle(step, '::before').backgroundColor == 'rgb(29, 112, 184)';
        },
        'no govuk colours',
        { timeout: 5_000 },
      );
      // Drawn again after the theme's colours came.
      expect(getComputedStyle($(el, '[part=stage]')!).borderInlineStartWidth, 'with the theme').to.equal('3px');
      expect(getComputedStyle($(el, '[part=stages]')!).listStyleType).to.equal('none');
      const later = await timeline();
      expect(getComputedStyle($(later, '[part=stages]')!).listStyleType).to.equal('none');
    });

    it('right to left', async () => {
      const el = await timeline({ dir: 'rtl' });
      const stage = $(el, '[part=stage]')!;
      expect(getComputedStyle(stage).borderRightWidth).to.equal('3px');
    });
  });
});
