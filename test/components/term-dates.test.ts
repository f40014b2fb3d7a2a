// <imh-session-list> with school term dates and bank holidays held once in the feed: the dates a
// term-time series really runs on, the pattern in words, the "not yet confirmed" note after the
// last known term, and the calendar file, in a real browser.
import { elementUpdated, expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import ICAL from 'ical.js';
import '../../src/components/session-list/session-list.js';
import type { ImhSessionList } from '../../src/components/session-list/session-list.component.js';
import { minimalFeed, session } from '../fixtures/feeds.js';
import { expectQuietConsole } from '../fixtures/quiet.js';
import { BANK_HOLIDAYS, TERMS } from '../fixtures/terms.js';

const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const textOf = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const dates = (el: ImhSessionList) => $$(el, '[part=item] time').map((t) => t.getAttribute('datetime'));

const termTime = (schedule: Record<string, unknown> = {}) =>
  minimalFeed({
    termDates: TERMS,
    bankHolidays: BANK_HOLIDAYS,
    sessions: [
      {
        ...session,
        schedule: { ...session.schedule, termTimeOnly: true, notOnBankHolidays: true, ...schedule },
      },
    ],
  });

async function list(now: string, attrs: Record<string, string> = {}, data: unknown = termTime()) {
  const el = document.createElement('imh-session-list');
  el.data = data;
  el.setAttribute('now', now);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  (await fixture(html`<div style="max-width: 48rem"></div>`)).append(el);
  await elementUpdated(el);
  await waitUntil(() => $(el, '[part=item]') || $(el, '[part=empty]'), 'the list never rendered');
  await el.updateComplete; // the whole list (a long one is drawn a few sessions an update)
  return el;
}

describe('<imh-session-list> with term dates and bank holidays', () => {
  expectQuietConsole();
  afterEach(() => fixtureCleanup());

  it('leaves out the half term, and says the pattern in words', async () => {
    const el = await list('2026-10-17T12:00', { days: '21', limit: '5' });
    expect(dates(el)).to.deep.equal(['2026-10-19T10:00', '2026-11-02T10:00']);
    expect(textOf($(el, '.when'))).to.equal('10:00–11:00 · Every Monday, term time only, not on bank holidays');
    expect($(el, '[part=unconfirmed]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('leaves out Christmas and Easter, and a bank holiday in term', async () => {
    const christmas = await list('2026-12-12T12:00', { days: '28', limit: '10' });
    expect(dates(christmas)).to.deep.equal(['2026-12-14T10:00', '2027-01-04T10:00']);
    const easter = await list('2027-03-20T12:00', { days: '28', limit: '10' });
    expect(dates(easter)).to.deep.equal(['2027-03-22T10:00', '2027-04-12T10:00']);
    const may = await list('2027-04-30T12:00', { days: '14', limit: '10' });
    expect(dates(may)).to.deep.equal(['2027-05-10T10:00']); // 3 May is the Early May bank holiday
  });

  it('after the last known term: no invented dates, and a note that more will be added', async () => {
    const el = await list('2027-07-12T08:00', { days: '28', limit: '10' });
    expect(dates(el)).to.deep.equal(['2027-07-12T10:00', '2027-07-19T10:00']);
    expect(textOf($(el, '[part=unconfirmed]'))).to.equal(
      'Baby Massage: dates after 21 July 2027 are not confirmed yet. ' +
        'More dates will be added when next year’s term dates are published.',
    );
    await expect(el).to.be.accessible();
    const summer = await list('2027-08-02T08:00', { days: '28' });
    expect(textOf($(summer, '[part=empty]'))).to.equal('There are no sessions in the next 28 days.');
    expect($$(summer, '[part=unconfirmed]').length).to.equal(1);
    await expect(summer).to.be.accessible();
  });

  it('names the bank holidays when their list is what runs out, and each group of sessions once', async () => {
    const feed = termTime({ termTimeOnly: false });
    (feed.sessions as Record<string, unknown>[]).push({
      ...session,
      id: 'rhyme-time',
      name: 'Rhyme Time',
      schedule: { ...session.schedule, byDay: ['TU'], notOnBankHolidays: true },
    });
    const el = await list('2027-12-20T08:00', { days: '28' }, feed);
    expect($$(el, '[part=unconfirmed]').map(textOf)).to.deep.equal([
      'Baby Massage and Rhyme Time: dates after 31 December 2027 are not confirmed yet. ' +
        'More dates will be added when the next bank holidays are announced.',
    ]);
  });

  it('a term-time series in a feed without term dates shows the note, not invented dates', async () => {
    const feed: Record<string, unknown> = termTime();
    delete feed.termDates;
    const el = await list('2026-11-20T08:00', { days: '28' }, feed);
    expect($(el, '[part=item]')).to.equal(null);
    expect(textOf($(el, '[part=unconfirmed]'))).to.equal('Baby Massage: dates are not confirmed yet.');
  });

  it('in Welsh and in Urdu (right to left)', async () => {
    const cy = await list('2027-07-12T08:00', { days: '28', lang: 'cy' });
    expect(textOf($(cy, '.pattern'))).to.equal('· Bob Dydd Llun, yn ystod y tymor yn unig, nid ar wyliau banc');
    expect(textOf($(cy, '[part=unconfirmed]'))).to.match(
      /^Tylino babanod: nid yw’r dyddiadau ar ôl 21 Gorffennaf 2027 wedi’u cadarnhau eto\. Bydd rhagor/,
    );
    const ur = await list('2027-07-12T08:00', { days: '28', lang: 'ur' });
    await waitUntil(() => $(ur, '.root')?.getAttribute('dir') == 'rtl', 'not right to left');
    expect(textOf($(ur, '[part=unconfirmed]'))).to.contain('اگلے سال کی ٹرم کی تاریخیں شائع ہونے پر');
    const note = $(ur, '[part=unconfirmed]')!;
    expect(getComputedStyle(note).borderRightWidth).to.equal('4px'); // the notice's bar on the reading side
    await expect(ur).to.be.accessible();
  });

  it('"Download every date" writes the holidays as EXDATEs and stops at the last known term', async () => {
    const click = HTMLAnchorElement.prototype.click;
    const saved: Promise<string>[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.download) saved.push(fetch(this.href).then((r) => r.text()));
      else click.call(this);
    };
    try {
      const el = await list('2026-10-17T12:00', { days: '21', limit: '1' });
      const details = $(el, 'details.calendar') as HTMLDetailsElement;
      details.open = true;
      await new Promise((r) => details.addEventListener('toggle', r, { once: true }));
      details.querySelectorAll('button')[1].click();
      await waitUntil(() => saved.length == 1, 'the calendar file was not saved');
      const ics = await saved[0];
      expect(ics).to.contain('RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20270721T225959Z');
      // ical.js expands it to the same 38 Mondays the list shows, across both clock changes.
      const root = new ICAL.Component(ICAL.parse(ics));
      for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
      const event = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
      const it = event.iterator();
      const starts: string[] = [];
      for (let next = it.next(); next; next = it.next()) starts.push(next.toString());
      expect(starts.length).to.equal(38);
      expect(starts).to.include('2026-11-02T10:00:00').and.include('2027-04-12T10:00:00');
      expect(starts).not.to.include('2026-10-26T10:00:00');
      // The Google link carries no rule (it cannot carry the holidays): this date only.
      await elementUpdated(el);
      const google = [...details.querySelectorAll('a')].find((a) => a.textContent == 'Google Calendar')!;
      expect(new URL(google.href).searchParams.get('recur')).to.equal(null);
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  });
});

describe('round trip: a term-dates spreadsheet and the GOV.UK bank holidays, imported in the browser', () => {
  expectQuietConsole();
  afterEach(() => fixtureCleanup());

  /** The feed an editor would make: Excel's term dates, GOV.UK's list, and one term-time session. */
  async function importedFeed() {
    const { importBankHolidays, importTermDatesCsv } = await import('../../src/import/terms.js');
    const bytes = async (name: string) =>
      new Uint8Array(await (await fetch(new URL(`../node/fixtures/terms/${name}`, import.meta.url))).arrayBuffer());
    const now = new Date('2026-08-20T09:00:00Z');
    const terms = await importTermDatesCsv(await bytes('term-dates-excel-1252.csv'), { name: 'terms.csv', now });
    const holidays = await importBankHolidays(await bytes('bank-holidays.json'), { name: 'bank-holidays.json', now });
    expect(terms.report.failed).to.equal(undefined);
    expect(holidays.report.failed).to.equal(undefined);
    return minimalFeed({
      sources: [terms.source, holidays.source],
      ...terms.feed,
      ...holidays.feed,
      sessions: [
        {
          ...session,
          schedule: { ...session.schedule, termTimeOnly: true, notOnBankHolidays: true },
        },
      ],
    });
  }

  it('the right Mondays across the half term and the October clock change', async () => {
    const el = await list('2026-10-17T12:00', { days: '21', limit: '5' }, await importedFeed());
    expect(dates(el)).to.deep.equal(['2026-10-19T10:00', '2026-11-02T10:00']);
    // 10:00 on London's wall clock on both sides of the change, in a browser set to Auckland
    const times = $$(el, '[part=item] time').map(textOf);
    expect(times).to.deep.equal(['10:00–11:00', '10:00–11:00']);
  });

  it('across Christmas, Easter and the March clock change, and a note after the last term', async () => {
    const feed = await importedFeed();
    const christmas = await list('2026-12-12T12:00', { days: '28', limit: '10' }, feed);
    expect(dates(christmas)).to.deep.equal(['2026-12-14T10:00', '2027-01-04T10:00']);
    const easter = await list('2027-03-20T12:00', { days: '28', limit: '10' }, feed);
    expect(dates(easter)).to.deep.equal(['2027-03-22T10:00', '2027-04-12T10:00']);
    const end = await list('2027-07-12T08:00', { days: '28', limit: '10' }, feed);
    expect(dates(end)).to.deep.equal(['2027-07-12T10:00', '2027-07-19T10:00']);
    expect(textOf($(end, '[part=unconfirmed]'))).to.match(/^Baby Massage: dates after 21 July 2027 are not confirmed/);
    await expect(end).to.be.accessible();
  });
});

describe('round trip from the shipped templates: sessions and term dates spreadsheets, GOV.UK bank holidays', () => {
  expectQuietConsole();
  afterEach(() => fixtureCleanup());

  let made: Promise<unknown> | undefined;
  /**
   * templates/sessions.csv and templates/term-dates.csv as an editor downloads them, with GOV.UK's
   * list, imported in the browser and put together the way an import puts sources together, then
   * through the feed check with nothing at all to report (what `imh-feed validate --strict` asks).
   */
  const templateFeed = () =>
    (made ??= (async () => {
      const { importBankHolidays, importTermDatesCsv } = await import('../../src/import/terms.js');
      const { importSessionsCsv } = await import('../../src/import/csv.js');
      const { validateFeed } = await import('../../src/feed/index.js');
      const bytes = async (path: string) =>
        new Uint8Array(await (await fetch(new URL(path, import.meta.url))).arrayBuffer());
      const now = new Date('2026-08-20T09:00:00Z');
      const sessions = await importSessionsCsv(await bytes('../../templates/sessions.csv'), {
        name: 'sessions.csv',
        now,
      });
      const terms = await importTermDatesCsv(await bytes('../../templates/term-dates.csv'), {
        name: 'term-dates.csv',
        now,
      });
      const holidays = await importBankHolidays(await bytes('../node/fixtures/terms/bank-holidays.json'), {
        name: 'https://www.gov.uk/bank-holidays.json',
        now,
      });
      for (const r of [sessions, terms, holidays]) expect(r.report.failed).to.equal(undefined);
      const { feed, issues } = validateFeed({
        version: 1,
        timeZone: 'Europe/London',
        sources: [sessions.source, terms.source, holidays.source],
        ...sessions.feed,
        ...terms.feed,
        ...holidays.feed,
      });
      expect(issues.map((i) => `${i.path}: ${i.message}`)).to.deep.equal([]);
      const massage = feed.sessions!.find((s) => s.category == 'baby-massage')!;
      expect(massage.schedule).to.include({ termTimeOnly: true, notOnBankHolidays: true });
      return feed;
    })());

  it('Baby Massage (Mondays, term time, not on bank holidays): half term and the October clock change', async () => {
    const el = await list('2026-10-17T12:00', { days: '21', category: 'baby-massage' }, await templateFeed());
    expect(dates(el)).to.deep.equal(['2026-10-19T10:00', '2026-11-02T10:00']);
    expect($$(el, '[part=item] time').map(textOf)).to.deep.equal(['10:00–11:00', '10:00–11:00']);
    expect(textOf($(el, '.when'))).to.equal('10:00–11:00 · Every Monday, term time only, not on bank holidays');
    await expect(el).to.be.accessible();
  });

  it('Baby Massage: Christmas, Easter and the March clock change, May holidays, its last date', async () => {
    const feed = await templateFeed();
    const christmas = await list('2026-12-12T12:00', { days: '28', category: 'baby-massage' }, feed);
    expect(dates(christmas)).to.deep.equal(['2026-12-14T10:00', '2027-01-04T10:00']);
    const easter = await list('2027-03-20T12:00', { days: '28', category: 'baby-massage' }, feed);
    expect(dates(easter)).to.deep.equal(['2027-03-22T10:00', '2027-04-12T10:00']);
    expect($$(easter, '[part=item] time').map(textOf)).to.deep.equal(['10:00–11:00', '10:00–11:00']);
    const may = await list('2027-04-30T12:00', { days: '35', category: 'baby-massage' }, feed);
    expect(dates(may)).to.deep.equal(['2027-05-10T10:00', '2027-05-17T10:00', '2027-05-24T10:00']);
    // The series' own last date (19 July) comes before the last known term day: nothing unconfirmed.
    const end = await list('2027-07-12T08:00', { days: '28', category: 'baby-massage' }, feed);
    expect(dates(end)).to.deep.equal(['2027-07-12T10:00', '2027-07-19T10:00']);
    expect($(end, '[part=unconfirmed]')).to.equal(null);
  });

  it('Stay and Play (Wednesdays and Fridays): a date the editor excepted, the days between terms', async () => {
    const feed = await templateFeed();
    const christmas = await list('2026-12-12T12:00', { days: '28', category: 'stay-and-play' }, feed);
    // 16 December is in the sheet's "Not running on"; 21 December to 1 January is the Christmas holiday.
    expect(dates(christmas)).to.deep.equal(['2026-12-18T09:30', '2027-01-06T09:30', '2027-01-08T09:30']);
    const easter = await list('2027-03-20T12:00', { days: '28', category: 'stay-and-play' }, feed);
    // Friday 26 March is after the spring term's last day (and Good Friday), before the Easter holidays.
    expect(dates(easter)).to.deep.equal(['2027-03-24T09:30', '2027-04-14T09:30', '2027-04-16T09:30']);
  });
});
