// "Print for a family" (issue 15): the session list's `family-sheet` button, its dialog (by keyboard,
// axe-clean), the sheet in the family's language, its QR code decoded back to the page's address, and
// its code failing to load. The sheet on paper (pages, cards whole, right to left): test/cli/print.test.mjs.
import { elementUpdated, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/session-list/session-list.js';
import type { ImhSessionList } from '../../src/components/session-list/session-list.component.js';
import type { ImhLoadErrorEvent } from '../../src/events/load-error.js';
import { $, failLoads, list, printed, sheet, showSheet, stubPrint, textOf } from '../fixtures/family-sheet.js';
import { expectQuietConsole } from '../fixtures/quiet.js';

const dialogOf = (el: ImhSessionList) => $<HTMLDialogElement>(el, 'dialog');
const opened = (el: ImhSessionList) =>
  waitUntil(() => dialogOf(el)?.open, 'the dialog did not open', { timeout: 5000 });
/** The element's focused element, inside its shadow root. */
const focused = (el: ImhSessionList) => el.shadowRoot!.activeElement;

describe('<imh-session-list family-sheet>: Print for a family', () => {
  expectQuietConsole();
  afterEach(() => {
    // Printing over: the visitor is back on the page (a pointer press takes the printed sheet away).
    dispatchEvent(new Event('pointerdown'));
    document.querySelectorAll('imh-family-sheet').forEach((s) => s.remove());
  });

  // First in this file, before the code is loaded by any other test (a module loads once per page).
  it('its code fails to load: imh-load-error naming the file, a notice, Try again opens the dialog', async () => {
    const failing = await failLoads('family-sheet/family-sheet');
    try {
      const el = await list();
      const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
      $(el, 'button.family')!.click();
      expect((await error).detail.error.file).to.contain('family-sheet');
      await elementUpdated(el);
      const notice = $(el, '[part=notice]')!;
      expect(textOf(notice)).to.contain('could not be loaded');
      expect(failing.warnings).to.have.length(1);
      await failing.end();
      notice.querySelector('button')!.click();
      await opened(el);
      dialogOf(el)!.close();
    } finally {
      await failing.end();
    }
  });

  // Real key presses: Enter opens it focused on the first choice, Space unticks, Tab reaches every
  // control, Escape closes it, back to the button.
  it('by keyboard: Enter, Space, Tab and Escape', async () => {
    const el = await list();
    const button = $(el, 'button.family')!;
    expect(textOf(button)).to.equal('Print for a family');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await opened(el);
    const dialog = dialogOf(el)!;
    // Labelled by its heading; the sessions shown are chosen.
    expect(textOf(el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!))).to.equal(
      'Print for a family',
    );
    const boxes = [...dialog.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes.length).to.be.greaterThan(1);
    expect(boxes.filter((b) => b.checked).length).to.be.greaterThan(0);
    await waitUntil(() => focused(el) == boxes[0], 'focus is not on the first choice');
    const was = boxes[0].checked;
    await sendKeys({ press: ' ' }); // the space bar (Firefox's BiDi input knows it by its character)
    expect(boxes[0].checked).to.equal(!was);
    // Tab goes through every choice, the language, Print and Cancel.
    const stops: Element[] = [focused(el)!];
    for (let i = 0; i < boxes.length + 2; i++) {
      await sendKeys({ press: 'Tab' });
      stops.push(focused(el)!);
    }
    expect(stops.slice(0, boxes.length)).to.deep.equal(boxes);
    expect(stops[boxes.length]!.tagName).to.equal('SELECT');
    expect(stops.slice(boxes.length + 1).map(textOf)).to.deep.equal(['Print', 'Cancel']);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape did not close the dialog');
    await waitUntil(() => focused(el) == button, 'focus did not return to the button');
  });

  it('is accessible with the dialog open (axe)', async function () {
    this.timeout(30_000); // axe in WebKit on a busy machine
    const el = await list();
    $(el, 'button.family')!.click();
    await opened(el);
    await expect(el).to.be.accessible();
    dialogOf(el)!.close();
  });

  it('nothing chosen: Print says to choose a session, and prints nothing', async () => {
    const el = await list();
    $(el, 'button.family')!.click();
    await opened(el);
    const dialog = dialogOf(el)!;
    for (const box of dialog.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) if (box.checked) box.click();
    const print = stubPrint();
    try {
      dialog.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await waitUntil(() => textOf(dialog.querySelector('[role=alert]')), 'no message');
      expect(textOf(dialog.querySelector('[role=alert]'))).to.equal('Choose at least one session.');
      expect(dialog.open).to.equal(true);
      expect(print.calls).to.have.length(0);
      expect(sheet()).to.equal(undefined);
    } finally {
      print.restore();
      dialog.close();
    }
  });

  it("prints in the family's language (Urdu, right to left; numbers, times, addresses left to right)", async () => {
    const el = await list();
    $(el, 'button.family')!.click();
    await opened(el);
    const dialog = dialogOf(el)!;
    const select = dialog.querySelector('select')!;
    expect([...select.options].map((o) => o.value)).to.include.members(['en-GB', 'cy', 'ur', 'ar', 'pa-Arab', 'bn']);
    expect(select.value).to.equal('en-GB'); // the page's language at first
    select.value = 'ur';
    select.dispatchEvent(new Event('change'));
    await printed(el);
    {
      expect(dialog.open).to.equal(false);
      const s = sheet()!;
      expect(s.getAttribute('lang')).to.equal('ur');
      expect(s.getAttribute('dir')).to.equal('rtl');
      expect(textOf(s.querySelector('h1'))).to.equal('آپ اور آپ کے بچے کے لیے سیشن');
      expect(textOf(s)).to.contain('اگلی تاریخیں');
      // Printed on 23 November 2026, in Urdu.
      expect(textOf(s)).to.match(/23 نومبر،? 2026 کو پرنٹ کیا گیا/);
      // Phone numbers, email and web addresses read left to right in the right-to-left sheet.
      const values = [...s.querySelectorAll('bdi[dir=ltr]')].map(textOf);
      expect(values).to.include('fhparent.infantwbteam@wolverhampton.gov.uk');
      const times = [...s.querySelectorAll('.time')];
      expect(times.length).to.be.greaterThan(0);
      for (const t of times) expect(t.getAttribute('dir')).to.equal('ltr');
      // The page, on paper only: the sheet shows nowhere on screen.
      expect(getComputedStyle(document.querySelector('imh-family-sheet')!).display).to.equal('none');
      // Once the visitor is back on the page it is gone (see the next test).
      await sendKeys({ press: 'Shift' });
      expect(document.querySelector('imh-family-sheet')).to.equal(null);
      await waitUntil(() => focused(el) == $(el, 'button.family'), 'focus did not return to the button');
    }
  });

  // A feed note in English on a right-to-left sheet: its brackets are inside its own isolate, so they
  // read "(Morning session this week)", never mirrored around it.
  it('a note in another direction keeps its brackets the right way round (Urdu sheet, English note)', async () => {
    const el = await list();
    await printed(el, (dialog) => {
      for (const box of dialog.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
        if (!box.checked) box.click();
      const select = dialog.querySelector('select')!;
      select.value = 'ur';
      select.dispatchEvent(new Event('change'));
    });
    showSheet();
    const notes = [...sheet()!.querySelectorAll<HTMLElement>('.card span[dir=auto]')].filter((s) =>
      /[()]/.test(textOf(s)),
    );
    expect(notes.map(textOf)).to.include('(Morning session this week)');
    for (const n of notes) expect(textOf(n), 'brackets inside the isolate').to.match(/^\(.*\)$/);
    // On screen: "(" left of "M", ")" right of "k", in a right-to-left line.
    const english = notes.find((n) => textOf(n) == '(Morning session this week)')!;
    const text = english.firstChild!.nodeType == 3 ? english.firstChild! : english.lastChild!;
    const x = (i: number) => {
      const r = document.createRange();
      r.setStart(text, i);
      r.setEnd(text, i + 1);
      return r.getBoundingClientRect().left;
    };
    const last = text.textContent!.length - 1;
    expect(x(0)).to.be.lessThan(x(1));
    expect(x(last)).to.be.greaterThan(x(last - 1));
  });

  // WebKit has fired afterprint before its print dialog had read the page (iOS Safari fires it at
  // once), and Safari's panel may begin printing more than once: the sheet stays through any
  // beforeprint and afterprint, until the visitor's next key or pointer press, or the next sheet.
  it('the sheet stays through every print event, and goes at the next key or pointer press', async () => {
    const el = await list();
    const rules = document.adoptedStyleSheets.length;
    await printed(el);
    // The browser's own events while it prints, twice over (a page count, then the print): the sheet stays.
    for (const type of ['beforeprint', 'afterprint', 'beforeprint', 'afterprint']) dispatchEvent(new Event(type));
    expect(document.querySelectorAll('imh-family-sheet')).to.have.length(1);
    expect(document.adoptedStyleSheets).to.have.length(rules + 1);
    // A second sheet takes the first one's place.
    await printed(el);
    expect(document.querySelectorAll('imh-family-sheet')).to.have.length(1);
    expect(document.adoptedStyleSheets).to.have.length(rules + 1);
    // Back on the page, a real key press: printing is over.
    await sendKeys({ press: 'Shift' });
    expect(document.querySelector('imh-family-sheet')).to.equal(null);
    expect(document.adoptedStyleSheets).to.have.length(rules);
  });

  // Each sheet takes its own listeners away with it: none is left to take a later sheet's page rules.
  it('leaves no listener behind: each sheet goes once, with its own rules, and the page is as before', async () => {
    const el = await list();
    const rules = document.adoptedStyleSheets.length;
    const listening = new Set<EventListenerOrEventListenerObject>();
    const { addEventListener: add, removeEventListener: remove } = window;
    window.addEventListener = function (this: Window, ...args: Parameters<Window['addEventListener']>) {
      if (args[2] === true && /^(keydown|pointerdown)$/.test(args[0])) listening.add(args[1]!);
      return add.apply(this, args);
    } as Window['addEventListener'];
    window.removeEventListener = function (this: Window, ...args: Parameters<Window['removeEventListener']>) {
      if (args[2] === true && /^(keydown|pointerdown)$/.test(args[0])) listening.delete(args[1]!);
      return remove.apply(this, args);
    } as Window['removeEventListener'];
    try {
      await printed(el);
      expect(listening.size, 'one listener for both events').to.equal(1);
      dispatchEvent(new Event('pointerdown'));
      expect(document.querySelector('imh-family-sheet')).to.equal(null);
      expect(listening.size, 'listeners left after the first sheet').to.equal(0);
      await printed(el);
      const second = document.querySelector('imh-family-sheet');
      const removed: Node[] = [];
      new MutationObserver((records) => records.forEach((r) => removed.push(...r.removedNodes))).observe(
        document.body,
        { childList: true },
      );
      await sendKeys({ press: 'Shift' });
      await new Promise((r) => setTimeout(r));
      expect(removed).to.deep.equal([second]);
      expect(document.adoptedStyleSheets).to.have.length(rules);
      expect(listening.size, 'listeners left after the second sheet').to.equal(0);
      // A third sheet, replaced by a fourth before any key: the third's listeners go with it.
      await printed(el);
      await printed(el);
      expect(listening.size).to.equal(1);
      expect(document.querySelectorAll('imh-family-sheet')).to.have.length(1);
      dispatchEvent(new Event('keydown'));
      expect(listening.size).to.equal(0);
      expect(document.adoptedStyleSheets).to.have.length(rules);
    } finally {
      window.addEventListener = add;
      window.removeEventListener = remove;
    }
  });

  // The page's own CSS cannot show the sheet on screen (nor to screen readers and axe).
  it('stays hidden on screen whatever the page says, and out of the accessibility tree', async () => {
    const el = await list();
    const style = document.createElement('style');
    style.textContent = 'body > :not(.skip) { display: block !important }';
    document.head.append(style);
    try {
      await printed(el);
      const host = document.querySelector('imh-family-sheet')!;
      expect(getComputedStyle(host).display).to.equal('none');
      expect((host as HTMLElement).offsetHeight).to.equal(0);
      await expect(el).to.be.accessible();
    } finally {
      style.remove();
    }
  });

  // Cancelled and changed dates (issue 15): a cancelled date is never printed as a next date, and is
  // said; a changed one is printed at its new time, marked.
  it('a cancelled date is said, never printed as a next date; a changed one at its new time, marked', async () => {
    const el = await list();
    await printed(el, (dialog) => {
      for (const box of dialog.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))
        if (!box.checked) box.click();
    });
    {
      const cards = [...sheet()!.querySelectorAll('.card')];
      const card = (name: string, text: string) =>
        cards.find((c) => textOf(c.querySelector('h2')) == name && textOf(c).includes(text))!;
      // Baby Massage, Mondays: 30 November is cancelled (staff training).
      const massage = card('Baby Massage', '23 November');
      const dates = [...massage.querySelectorAll('.dates li')].map(textOf);
      expect(dates).to.have.length(3);
      expect(dates.join()).not.to.contain('30 November');
      expect(dates[1]).to.contain('7 December');
      expect(textOf(massage.querySelector('.cancelled'))).to.match(/^No session on .*30 November \(Staff training\)$/);
      // Baby Booktime at Whitmore Reans, Fridays 14:00: on 4 December at 10:00–10:30 instead.
      const booktime = card('Baby Booktime', '4 December');
      const changed = [...booktime.querySelectorAll('.dates li')].find((li) => textOf(li).includes('4 December'))!;
      expect(textOf(changed)).to.match(/4 December 10:00\s?–\s?10:30 Changed \(Morning session this week\)$/);
      expect(booktime.querySelector('.cancelled')).to.equal(null);
    }
  });

  // A bilingual element (issue 16): the button and the dialog in both languages, each in its own lang.
  it('bilingual="en" on a Welsh list: the button and the dialog in Welsh and English', async () => {
    const el = await list({ lang: 'cy', bilingual: 'en' });
    await waitUntil(() => $(el, 'button.family .bi[lang|=en]'), 'the button is not in English too', {
      timeout: 5000,
    });
    const button = $(el, 'button.family')!;
    expect(textOf(button)).to.equal('Argraffu i deulu Print for a family');
    button.click();
    await opened(el);
    const dialog = dialogOf(el)!;
    expect(dialog.lang).to.equal('cy');
    const english = (sel: string) => textOf(dialog.querySelector(`${sel} .bi[lang|=en]`));
    expect(english('h2')).to.equal('Print for a family');
    expect(english('legend')).to.equal('Sessions to print');
    expect(english('label.language')).to.equal('The family’s language');
    expect(english('button[type=submit]')).to.equal('Print');
    expect(english('button.secondary')).to.equal('Cancel');
    // Welsh first.
    expect(textOf(dialog.querySelector('h2'))).to.equal('Argraffu i deulu Print for a family');
    for (const box of dialog.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) if (box.checked) box.click();
    dialog.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => textOf(dialog.querySelector('[role=alert]')), 'no message');
    expect(english('[role=alert]')).to.equal('Choose at least one session.');
    await expect(el).to.be.accessible();
    dialog.close();
  });

  it('its QR code decodes to the page address (without its fragment)', async () => {
    const el = await list();
    await printed(el);
    {
      const svg = sheet()!.querySelector('svg')!;
      expect(svg.getAttribute('role')).to.equal('img');
      expect(svg.getAttribute('aria-label')).to.equal('QR code for the web page');
      // Drawn as the browser draws it, then read by jsQR (a dev dependency) from the pixels.
      const image = new Image();
      const url = URL.createObjectURL(
        new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }),
      );
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 400;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0, 400, 400);
      URL.revokeObjectURL(url);
      const jsQR = await loadJsQr();
      const code = jsQR(ctx.getImageData(0, 0, 400, 400).data, 400, 400);
      expect(code?.data).to.equal(location.href.split('#')[0]);
    }
  });
});

describe('Print for a family under the strict Content-Security-Policy with Trusted Types', () => {
  it('opens, prints (in Arabic) and removes the sheet with no violation (the built bundle)', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '800px';
    frame.style.height = '600px';
    frame.src = '/test/fixtures/csp-family-sheet.html';
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    try {
      type Report = { violations: string[]; errors: string[] };
      const win = frame.contentWindow as Window & typeof globalThis & { __report: Report; printed?: number };
      const doc = frame.contentDocument!;
      const root = () => doc.querySelector('imh-session-list')!.shadowRoot;
      await waitUntil(() => root()?.querySelector('button.family'), 'no button', { timeout: 10_000 });
      win.print = () => void (win.printed = 1);
      root()!.querySelector<HTMLButtonElement>('button.family')!.click();
      await waitUntil(() => root()!.querySelector('dialog')?.open, 'no dialog', { timeout: 5000 });
      const select = root()!.querySelector('select')!;
      select.value = 'ar';
      select.dispatchEvent(new Event('change'));
      root()!.querySelector<HTMLButtonElement>('dialog button[type=submit]')!.click();
      await waitUntil(() => win.printed, 'print() was not called', { timeout: 5000 });
      const printed = doc.querySelector('imh-family-sheet')!.shadowRoot!;
      expect(printed.querySelector('.sheet')!.getAttribute('dir')).to.equal('rtl');
      expect(printed.querySelector('svg path')!.getAttribute('d')).to.match(/^M\d/);
      expect(printed.querySelectorAll('.card')).to.have.length.greaterThan(0);
      // Back on the page (a pointer press): the sheet goes.
      win.dispatchEvent(new Event('pointerdown'));
      expect(doc.querySelector('imh-family-sheet')).to.equal(null);
      expect(win.__report).to.deep.equal({ violations: [], errors: [] });
    } finally {
      frame.remove();
    }
  });
});

type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
/** jsQR is a UMD script: loaded as a classic script, it sets window.jsQR. */
async function loadJsQr(): Promise<JsQr> {
  const w = window as unknown as { jsQR?: JsQr };
  if (!w.jsQR) {
    const script = document.createElement('script');
    script.src = '/node_modules/jsqr/dist/jsQR.js';
    const loaded = new Promise((resolve, reject) => ((script.onload = resolve), (script.onerror = reject)));
    document.head.append(script);
    await loaded;
  }
  return w.jsQR!;
}
