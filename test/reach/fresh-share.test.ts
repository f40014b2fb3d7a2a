import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/session-list/session-list.js';
import '../../src/components/support-card/support-card.js';
import '../../src/components/support-list/support-list.js';
import type { ImhReviewDueEvent } from '../../src/events/review-due.js';
import { formatAgo, formatDay } from '../../src/internal/format.js';
import { parseDay } from '../../src/schedule/civil.js';
import { readPeriod } from '../../src/reach/fresh-share.js';
import { exampleFeed } from '../fixtures/example.js';
import { minimalFeed, service, session } from '../fixtures/feeds.js';
import { expectQuietConsole } from '../fixtures/quiet.js';
import { shown as feedShown } from '../fixtures/shown.js';

type El = HTMLElement & { data: unknown; updateComplete: Promise<boolean> };
const textOf = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const settle = (ms = 50) => new Promise((r) => setTimeout(r, ms));

async function place(tag: string, attrs: Record<string, string>, data: unknown = minimalFeed(), where?: Element) {
  const el = document.createElement(tag) as El;
  if (data) el.data = data;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  (where ?? (await fixture(html`<div></div>`))).append(el);
  return feedShown(el);
}
const shown = (el: Element, sel: string, what = sel) => waitUntil(() => $(el, sel), `no ${what}`, { timeout: 5_000 });

const twoServices = (more: Record<string, unknown> = {}) =>
  minimalFeed({
    services: [
      { ...service, reviewed: '2025-06-01' },
      { ...service, id: 'home-start', name: 'Home-Start', reviewed: '2026-10-01' },
      { ...service, id: 'no-date', name: 'Family Line' },
    ],
    ...more,
  });

before(async function () {
  // axe's first run in a page takes seconds on a loaded machine: paid here, not in a test's 10 s.
  this.timeout(60_000);
  await expect(await fixture(html`<p>ready</p>`)).to.be.accessible();
  fixtureCleanup();
});

describe('data freshness: last-checked', () => {
  expectQuietConsole();
  afterEach(() => fixtureCleanup());

  it("says when the feed was updated: relative within a week, else the date, in the feed's time zone", async () => {
    const feed = minimalFeed({ updated: '2026-11-20T09:00:00Z' });
    const soon = await place('imh-session-list', { 'last-checked': '', now: '2026-11-23T08:00' }, feed);
    await shown(soon, '[part=last-checked]', 'last-checked line');
    expect(textOf($(soon, '[part=last-checked]'))).to.equal('Information updated 3 days ago');
    const later = await place('imh-support-list', { 'last-checked': '', now: '2027-01-10' }, feed);
    await shown(later, '[part=last-checked]', 'last-checked line');
    expect(textOf($(later, '[part=last-checked]'))).to.equal('Information updated on 20 November 2026');
    // 20:00 UTC on the 20th is already the 21st in Kolkata: the feed's zone decides the day.
    const kolkata = minimalFeed({ updated: '2026-11-20T20:00:00Z', timeZone: 'Asia/Kolkata' });
    const east = await place('imh-support-card', { service: 'dadpad', 'last-checked': '', now: '2027-01-10' }, kolkata);
    await shown(east, '[part=last-checked]', 'last-checked line');
    expect(textOf($(east, '[part=last-checked]'))).to.equal('Information updated on 21 November 2026');
  });

  it("in the reader's language: Welsh, and Arabic right to left", async () => {
    const feed = minimalFeed({ updated: '2026-11-20T09:00:00Z' });
    const cy = await place('imh-support-list', { lang: 'cy', 'last-checked': '', now: '2027-01-10' }, feed);
    await shown(cy, '[part=last-checked]', 'last-checked line');
    await waitUntil(() => textOf($(cy, '[part=last-checked]')).startsWith('Diweddarwyd'), 'not in Welsh');
    const day = formatDay(parseDay('2026-11-20'), 'cy', { day: 'numeric', month: 'long', year: 'numeric' });
    expect(textOf($(cy, '[part=last-checked]'))).to.equal(`Diweddarwyd y wybodaeth ar ${day}`);
    expect(day).to.contain('Tachwedd');

    const ar = await place('imh-session-list', { lang: 'ar', 'last-checked': '', now: '2026-11-23T08:00' }, feed);
    await shown(ar, '[part=last-checked]', 'last-checked line');
    await waitUntil(() => textOf($(ar, '[part=last-checked]')).startsWith('تم تحديث'), 'not in Arabic');
    expect(textOf($(ar, '[part=last-checked]'))).to.equal(`تم تحديث المعلومات ${formatAgo(-3, 'day', 'ar')}`);
    expect(getComputedStyle($(ar, '[part=last-checked]')!).direction).to.equal('rtl');
    await expect(ar).to.be.accessible();
  });

  it('shows nothing without the attribute, or without an updated date', async () => {
    const plain = await place(
      'imh-session-list',
      { now: '2026-11-23T08:00' },
      minimalFeed({ updated: '2026-11-20T09:00:00Z' }),
    );
    const undated = await place('imh-session-list', { 'last-checked': '', now: '2026-11-23T08:00' });
    await settle(300);
    await undated.updateComplete;
    expect($(plain, '[part=last-checked]')).to.equal(null);
    expect($(undated, '[part=last-checked]')).to.equal(null);
    expect($$(undated, '[part~=item]').length).to.be.greaterThan(0);
  });
});

describe('data freshness: review-after (for editors)', () => {
  const warn = console.warn;
  let warnings: string[] = [];
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = warn;
    fixtureCleanup();
  });

  it('reads periods: bare is 12 months; "6 months", "1 year", "8 weeks", "90 days", "P6M"; else nothing', () => {
    expect(readPeriod('')).to.deep.equal({ count: 12, unit: 'month' });
    expect(readPeriod(' 6 months ')).to.deep.equal({ count: 6, unit: 'month' });
    expect(readPeriod('1 year')).to.deep.equal({ count: 1, unit: 'year' });
    expect(readPeriod('8 Weeks')).to.deep.equal({ count: 8, unit: 'week' });
    expect(readPeriod('90 days')).to.deep.equal({ count: 90, unit: 'day' });
    expect(readPeriod('P6M')).to.deep.equal({ count: 6, unit: 'month' });
    expect(readPeriod('P2Y')).to.deep.equal({ count: 2, unit: 'year' });
    for (const bad of ['soon', '0 months', '-3 months', 'P', '6', 'P6M1D'])
      expect(readPeriod(bad), bad).to.equal(undefined);
  });

  it('one console warning per feed per page naming the services and how long; an event on each element', async () => {
    const address = `/public/example-feed.json?review-after=${Date.now()}`;
    const list = document.createElement('imh-support-list');
    const card = document.createElement('imh-support-card');
    for (const el of [list, card]) {
      el.setAttribute('feed', address);
      el.setAttribute('review-after', '6 months');
      el.setAttribute('now', '2026-11-23T08:00');
    }
    card.setAttribute('service', 'nhs-111');
    const events = [list, card].map((el) => oneEvent(el, 'imh-review-due') as Promise<ImhReviewDueEvent>);
    const box = await fixture(html`<div></div>`);
    box.append(list, card);
    const [fromList, fromCard] = await Promise.all(events);
    const { detail } = fromList;
    expect(detail.after).to.deep.equal({ count: 6, unit: 'month' });
    expect(detail.url).to.equal(new URL(address, location.href).href);
    // Reviewed 2026-03-01: more than six months before 23 November; 2026-06-01 and later are not due.
    const dated = detail.services.filter((s) => s.reviewed);
    expect(dated.map((s) => [s.reviewed, s.months])).to.deep.equal([['2026-03-01', 8]]);
    expect(detail.services.every((s) => !s.reviewed || s.reviewed < '2026-05-23')).to.equal(true);
    expect(fromCard.detail.services).to.deep.equal(detail.services);
    await settle(200);
    expect(warnings.length, warnings.join('\n')).to.equal(1);
    expect(warnings[0]).to.match(
      /^imh-widgets: \d+ services in the feed at .*review-after.* not reviewed for more than 6 months: /,
    );
    expect(warnings[0]).to.contain('reviewed 2026-03-01, 8 months ago');
    for (const s of detail.services) expect(warnings[0]).to.contain(`"${s.name}" (${s.id}:`);
  });

  it('given data: the bare attribute is 12 months, services without a date are named too', async () => {
    const el = document.createElement('imh-support-list') as El;
    el.data = twoServices();
    el.setAttribute('review-after', '');
    el.setAttribute('now', '2026-11-23');
    const due = oneEvent(el, 'imh-review-due') as Promise<ImhReviewDueEvent>;
    (await fixture(html`<div></div>`)).append(el);
    const { detail } = await due;
    expect(detail.after).to.deep.equal({ count: 12, unit: 'month' });
    expect(detail.services).to.deep.equal([
      { id: 'no-date', name: 'Family Line', reviewed: undefined, months: undefined },
      { id: 'dadpad', name: 'DadPad', reviewed: '2025-06-01', months: 17 },
    ]);
    expect(warnings).to.deep.equal([
      'imh-widgets: 2 services in the feed not reviewed for more than 12 months: ' +
        '"Family Line" (no-date: no reviewed date); "DadPad" (dadpad: reviewed 2025-06-01, 17 months ago). ' +
        'Check their information and set each one\'s "reviewed" date ' +
        '(this note is shown because the element has review-after).',
    ]);
  });

  it('a period it cannot read: said once, and 12 months used', async () => {
    await place('imh-support-list', { 'review-after': 'every so often', now: '2026-11-23' }, twoServices());
    await waitUntil(() => warnings.length == 2, warnings.join('\n'), { timeout: 5_000 });
    expect(warnings[0]).to.equal(
      'imh-widgets: review-after="every so often" is not a period, so 12 months is used. Write a number and a unit, ' +
        'like review-after="6 months", "1 year" or "P6M", or leave it empty for 12 months.',
    );
  });

  it('without the attribute: no console output and no event', async () => {
    let fired = 0;
    const el = document.createElement('imh-support-list') as El;
    el.data = twoServices();
    el.setAttribute('now', '2026-11-23');
    el.addEventListener('imh-review-due', () => fired++);
    (await fixture(html`<div></div>`)).append(el);
    await el.updateComplete;
    await settle(300);
    expect(warnings).to.deep.equal([]);
    expect(fired).to.equal(0);
  });
});

describe('share', () => {
  expectQuietConsole();
  const nav = navigator as unknown as Record<string, unknown>;
  const stub = (name: string, value: unknown) => Object.defineProperty(navigator, name, { value, configurable: true });
  afterEach(() => {
    // The stubs are the navigator's own properties: removed, the browser's own show again.
    delete nav.share;
    delete nav.clipboard;
    fixtureCleanup();
    history.replaceState(null, '', location.pathname + location.search);
  });
  const base = () => location.href.replace(/#.*$/, '');

  it('a Share button per session, named for it, using the Web Share API where there is one', async () => {
    const shared: ShareData[] = [];
    stub('share', async (data: ShareData) => void shared.push(data));
    const el = await place('imh-session-list', { share: '', now: '2026-11-23T08:00', limit: '2' });
    await shown(el, 'button[part~=share]', 'Share button');
    const buttons = $$(el, 'button[part~=share]');
    expect(buttons.length).to.equal($$(el, '[part~=item]').length);
    expect(textOf(buttons[0])).to.equal('Share');
    expect(buttons[0].getAttribute('aria-label')).to.equal('Share Baby Massage');
    buttons[0].click();
    await waitUntil(() => shared.length, 'navigator.share not called');
    expect(shared).to.deep.equal([{ title: 'Baby Massage', url: `${base()}#imh-session-baby-massage-monday` }]);
    await expect(el).to.be.accessible();
  });

  it("keyboard: Tab reaches the Share button after the card's links, Enter and Space share", async () => {
    const shared: ShareData[] = [];
    stub('share', async (data: ShareData) => void shared.push(data));
    const el = await place('imh-support-card', { service: 'dadpad', share: '' });
    await shown(el, 'button[part~=share]', 'Share button');
    $(el, 'a[part~=action]')!.focus(); // the Website link, the card's last link
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'button[part~=share]'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shared.length == 1, 'Enter did not share');
    await sendKeys({ press: ' ' }); // the space bar (Firefox's BiDi input knows it by its character)
    await waitUntil(() => shared.length == 2, 'Space did not share');
    expect(shared[0]).to.deep.equal({ title: 'DadPad', url: `${base()}#imh-service-dadpad` });
  });

  it('share fallback: no Web Share API, the link is copied, shown and announced "Link copied"', async () => {
    const copied: string[] = [];
    stub('share', undefined);
    stub('clipboard', { writeText: async (text: string) => void copied.push(text) });
    const el = await place('imh-support-list', { share: '' }, twoServices());
    await shown(el, 'button[part~=share]', 'Share button');
    const button = $$(el, 'button[part~=share]').find((b) => b.dataset.share == '#imh-service-home-start')!;
    expect(button.getAttribute('aria-label')).to.equal('Share Home-Start');
    button.click();
    await waitUntil(() => $(el, '[part~=share-note]'), 'no note');
    expect(copied).to.deep.equal([`${base()}#imh-service-home-start`]);
    expect(textOf(button.parentElement!.querySelector('[part~=share-note]'))).to.equal('Link copied');
    expect(textOf($(el, '.share-status'))).to.equal('Link copied');
    await expect(el).to.be.accessible();
  });

  it('share fallback in a session list drawn in parts: the note and the field show beside its session', async () => {
    // The list draws only its new sessions at each part: a share must still draw the sessions already there again.
    stub('share', undefined);
    stub('clipboard', { writeText: () => Promise.reject(new DOMException('Refused', 'NotAllowedError')) });
    const el = await place(
      'imh-session-list',
      { share: '', now: '2026-11-23T08:00', limit: '45', days: '60' },
      await exampleFeed(),
    );
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect($$(el, '[part=item]').length, 'all drawn').to.equal(45);
    const button = $$(el, 'button[part~=share]')[0];
    button.click();
    await shown(el, '[part~=share-note] input', 'link field');
    expect(button.parentElement!.querySelector('[part~=share-note] input')).to.equal(el.shadowRoot!.activeElement);
  });

  it('share fallback: the clipboard refused, the link in a read-only field, focused and selected', async () => {
    stub('share', async () => {
      throw new DOMException('Not allowed', 'NotAllowedError');
    });
    stub('clipboard', { writeText: () => Promise.reject(new DOMException('Refused', 'NotAllowedError')) });
    const el = await place('imh-support-card', { service: 'dadpad', share: '', lang: 'ur' });
    await shown(el, 'button[part~=share]', 'Share button');
    await waitUntil(() => textOf($(el, 'button[part~=share]')) == 'شیئر کریں', 'not in Urdu');
    $(el, 'button[part~=share]')!.click();
    await shown(el, '[part~=share-note] input', 'link field');
    const field = $(el, '[part~=share-note] input') as HTMLInputElement;
    expect(field.readOnly).to.equal(true);
    expect(field.value).to.equal(`${base()}#imh-service-dadpad`);
    expect(textOf(field.closest('label'))).to.equal('یہ لنک کاپی کریں:');
    await waitUntil(() => el.shadowRoot!.activeElement == field, 'the field has no focus');
    expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
    await expect(el).to.be.accessible();
  });

  it('a fragment naming nothing it shows, or malformed, is left alone', async () => {
    const el = await place('imh-support-list', { share: '' }, twoServices());
    await shown(el, 'button[part~=share]', 'Share button');
    for (const hash of [
      '#imh-service-%E0%A4%A',
      '#imh-service-dadpad"],[part~=card',
      '#imh-service-',
      '#imh-place-dadpad',
    ]) {
      location.hash = hash;
      await settle(100);
      expect(el.shadowRoot!.activeElement, hash).to.equal(null);
    }
    location.hash = '#imh-service-dadpad';
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part~=card]'), 'no focus on the card');
  });

  it('opened at #imh-session-<id>: scrolls to the session, focus on it, also when it renders late', async () => {
    const box = await fixture(html`<div><div style="block-size: 300vh">Above</div></div>`);
    history.replaceState(null, '', '#imh-session-stay-and-play');
    const feed = minimalFeed({
      sessions: [
        session,
        { ...session, id: 'stay-and-play', name: 'Stay and Play', schedule: { ...session.schedule, byDay: ['TU'] } },
      ],
    });
    const el = document.createElement('imh-session-list') as El;
    el.setAttribute('share', '');
    el.setAttribute('now', '2026-11-23T08:00');
    el.setAttribute('limit', '4');
    box.append(el);
    await settle(300); // no feed yet: nothing to go to
    expect(document.activeElement).not.to.equal(el);
    el.data = feed; // the feed arrives late
    await waitUntil(() => el.shadowRoot!.activeElement, 'no focus', { timeout: 5_000 });
    const item = el.shadowRoot!.activeElement as HTMLElement;
    expect(item.matches('[part~=item]')).to.equal(true);
    expect(textOf(item.querySelector('[part~=item-title]'))).to.equal('Stay and Play');
    const top = item.getBoundingClientRect().top;
    expect(top).to.be.within(-2, 2);
    // It goes there once: a later update leaves focus where the visitor moved it.
    ($(el, 'button[part~=share]') as HTMLElement).focus();
    el.setAttribute('limit', '3');
    await el.updateComplete;
    await settle(100);
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'button[part~=share]'));
  });

  it("on hashchange to one of its items: goes there; the page's own anchors are left alone", async () => {
    const box = await fixture(
      html`<div><p id="own-anchor" tabindex="-1">Own</p><div style="block-size: 300vh"></div></div>`,
    );
    const el = await place('imh-support-list', { share: '' }, twoServices(), box);
    box.appendChild(document.createElement('div')).style.blockSize = '200vh'; // room to scroll the last card up
    await shown(el, 'button[part~=share]', 'Share button');
    location.hash = '#own-anchor';
    await settle(200);
    expect(el.shadowRoot!.activeElement).to.equal(null);
    location.hash = '#imh-service-no-date';
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part~=card]'), 'no focus on hashchange');
    expect(textOf(el.shadowRoot!.activeElement!.querySelector('[part~=heading]'))).to.contain('Family Line');
    expect(el.shadowRoot!.activeElement!.getBoundingClientRect().top).to.be.within(-2, 2);
    await expect(el).to.be.accessible();
  });

  it('without the attribute: no Share button, and the fragment is not acted on', async () => {
    history.replaceState(null, '', '#imh-service-dadpad');
    const el = await place('imh-support-list', {}, twoServices());
    await settle(300);
    expect($(el, 'button[part~=share]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(null);
  });
});
