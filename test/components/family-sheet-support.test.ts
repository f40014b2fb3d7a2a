// "Print for a family" (issue 15) on the support list (`family-sheet`): the button, its dialog of
// services (by keyboard, axe-clean), the sheet in the family's language, and its code failing to load.
// A file of its own: its first test needs the sheet's code not yet loaded on the page. The sheet on
// paper (pages, cards whole, the QR code decoded): test/cli/print.test.mjs.
import { elementUpdated, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/support-list/support-list.js';
import type { ImhLoadErrorEvent } from '../../src/events/load-error.js';
import { exampleFeed } from '../fixtures/example.js';
import { $, failLoads, MONDAY, printed, sheet, showSheet, textOf } from '../fixtures/family-sheet.js';
import { expectQuietConsole } from '../fixtures/quiet.js';

describe('<imh-support-list family-sheet>: Print for a family', () => {
  expectQuietConsole();
  afterEach(() => {
    dispatchEvent(new Event('pointerdown'));
    document.querySelectorAll('imh-family-sheet').forEach((s) => s.remove());
  });

  async function supportList(attrs: Record<string, string> = {}) {
    const el = document.createElement('imh-support-list');
    el.data = await exampleFeed();
    for (const [k, v] of Object.entries({ now: MONDAY, 'family-sheet': '', ...attrs })) el.setAttribute(k, v);
    (await fixture<HTMLDivElement>(html`<div style="max-width: 48rem"></div>`)).append(el);
    await waitUntil(() => $(el, 'button.family'), 'no Print for a family button', { timeout: 5000 });
    return el;
  }

  it('is there only with family-sheet', async () => {
    const el = document.createElement('imh-support-list');
    el.data = await exampleFeed();
    el.setAttribute('now', MONDAY);
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await waitUntil(() => $(el, '[part=card]'), 'no cards', { timeout: 5000 });
    expect($(el, 'button.family')).to.equal(null);
    el.setAttribute('family-sheet', '');
    el.requestUpdate();
    await waitUntil(() => $(el, 'button.family'), 'no button with family-sheet');
  });

  // Before the sheet's code is loaded by any other test (a module loads once per page).
  it('its code fails to load: imh-load-error naming the file, a notice, Try again opens the dialog', async () => {
    const failing = await failLoads('family-sheet/family-sheet');
    try {
      const el = await supportList();
      const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
      $(el, 'button.family')!.click();
      expect((await error).detail.error.file).to.contain('family-sheet');
      await elementUpdated(el);
      // The notice is under the button, and the list is still there.
      const notice = $(el, 'button.family')!.parentElement!.nextElementSibling!;
      expect(notice.getAttribute('part')).to.equal('notice');
      expect(textOf(notice)).to.contain('could not be loaded');
      expect(el.shadowRoot!.querySelectorAll('[part=card]').length).to.be.greaterThan(1);
      expect(failing.warnings).to.have.length(1);
      await failing.end();
      notice.querySelector('button')!.click();
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog did not open', { timeout: 5000 });
      expect(textOf($(el, 'dialog legend'))).to.equal('Services to print');
      $<HTMLDialogElement>(el, 'dialog')!.close();
      await elementUpdated(el);
      expect($(el, '[part=notice]')).to.equal(null);
    } finally {
      await failing.end();
    }
  });

  it('by keyboard, axe-clean: services to choose, those shown chosen, urgency said', async function () {
    this.timeout(30_000);
    const el = await supportList({ kind: 'helpline' });
    const button = $(el, 'button.family')!;
    expect(textOf(button)).to.equal('Print for a family');
    button.focus();
    await waitUntil(() => el.shadowRoot!.activeElement == button, 'the button is not focused');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog did not open', { timeout: 5000 });
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(textOf(dialog.querySelector('legend'))).to.equal('Services to print');
    const boxes = [...dialog.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    const feed = await exampleFeed();
    // Every service of the feed, those the list shows (urgent help, and the filter's) first and chosen.
    expect(boxes).to.have.length(feed.services.length);
    const shown = el.shadowRoot!.querySelectorAll('[part~=card]').length;
    expect(shown).to.be.lessThan(boxes.length);
    expect(boxes.map((b) => b.checked)).to.deep.equal(boxes.map((_, i) => i < shown));
    const labels = [...dialog.querySelectorAll('li')].map(textOf);
    expect(labels[0]).to.match(/ Emergency$/);
    expect(labels.filter((l) => / Urgent$/.test(l)).length).to.be.greaterThan(0);
    await waitUntil(() => el.shadowRoot!.activeElement == boxes[0], 'focus is not on the first choice');
    await sendKeys({ press: ' ' });
    expect(boxes[0].checked).to.equal(false);
    await expect(el).to.be.accessible();
    for (const box of boxes) if (box.checked) box.click();
    dialog.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => textOf(dialog.querySelector('[role=alert]')), 'no message');
    expect(textOf(dialog.querySelector('[role=alert]'))).to.equal('Choose at least one service.');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape did not close the dialog');
    await waitUntil(() => el.shadowRoot!.activeElement == button, 'focus did not return to the button');
  });

  it('prints in Arabic: urgency in words, phone numbers large, isolated and left to right', async () => {
    const el = await supportList();
    await printed(el, (dialog) => {
      const select = dialog.querySelector('select')!;
      select.value = 'ar';
      select.dispatchEvent(new Event('change'));
    });
    {
      const s = sheet()!;
      expect(s.getAttribute('dir')).to.equal('rtl');
      expect(textOf(s.querySelector('h1'))).to.equal('دعم لك ولطفلك');
      const feed = await exampleFeed();
      const cards = [...s.querySelectorAll('.card')];
      expect(cards).to.have.length(feed.services.length);
      // Urgency in words, emergency first: "طوارئ" (Emergency), "عاجل" (Urgent).
      expect(textOf(cards[0].querySelector('.urgency'))).to.equal('طوارئ');
      expect(cards.filter((c) => textOf(c.querySelector('.urgency')) == 'عاجل').length).to.be.greaterThan(0);
      // Every number, as written, in a left-to-right isolate, large, its digits' groups in order on screen.
      const phones = [...s.querySelectorAll<HTMLElement>('bdi.phone')];
      const numbers = feed.services.flatMap((v: { contact?: { phones?: { number: string }[] } }) =>
        (v.contact?.phones ?? []).map((p) => p.number),
      );
      expect(phones.map(textOf)).to.deep.equal(numbers);
      showSheet();
      for (const phone of phones) {
        expect(phone.dir).to.equal('ltr');
        expect(parseFloat(getComputedStyle(phone).fontSize)).to.be.greaterThan(18);
        const groups = textOf(phone).split(' ');
        if (groups.length < 2) continue;
        const text = phone.firstChild!.nodeType == 3 ? phone.firstChild! : phone.lastChild!;
        const at = (i: number) => {
          const r = document.createRange();
          const start = textOf(phone).indexOf(groups[i]);
          r.setStart(text, start);
          r.setEnd(text, start + groups[i].length);
          return r.getBoundingClientRect().left;
        };
        expect(at(0), textOf(phone)).to.be.lessThan(at(groups.length - 1));
      }
    }
  });
});
