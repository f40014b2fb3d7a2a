import { elementUpdated, expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/define.js';
import type { ImhLoadErrorEvent } from '../src/events/load-error.js';
import type { ImhFeedErrorEvent } from '../src/events/feed-error.js';
import type { ImhFeedLoadEvent } from '../src/events/feed-load.js';
import { exampleFeed } from './fixtures/example.js';
import { minimalFeed, session } from './fixtures/feeds.js';
import { expectQuietConsole } from './fixtures/quiet.js';
import { shown } from './fixtures/shown.js';
import { BANK_HOLIDAYS, TERMS } from './fixtures/terms.js';
import { bundlePage } from './fixtures/bundle-page.js';
import { json, stubFetch } from './fixtures/network.js';
import { formatDay } from '../src/internal/format.js';

// Files the elements load on first use (a language's messages, the filter controls, the calendar
// export, the built-in timeline, the timeline's and the session list's bodies, the "dates not yet
// confirmed" notes, the date formatters), made to fail as they would offline or missing from the server:
// the test server answers 404 for them until told otherwise (web-test-runner.config.mjs).
const failing = (pattern?: string) => executeServerCommand('imh-fail-requests', { pattern });
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const textOf = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const tryAgain = (el: Element, within = '') =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>(`${within} [part=notice] button`)].find(
    (b) => textOf(b) == 'Try again',
  )!;

describe('files loaded on first use that fail to load', () => {
  expectQuietConsole();
  // Each failure is one console line naming the file (the quiet-console check still holds for the rest).
  const warn = console.warn;
  let warnings: string[] = [];
  const saidOnce = (file: string) => {
    expect(warnings.length, warnings.join('\n')).to.equal(1);
    expect(warnings[0]).to.match(/^imh-widgets: Could not load /);
    expect(warnings[0]).to.contain(file);
  };
  before(async function () {
    // axe's first run in a page takes seconds on a loaded machine: paid here, not in a test's 10 s.
    this.timeout(60_000);
    await expect(await fixture(html`<p>ready</p>`)).to.be.accessible();
    fixtureCleanup();
  });
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  });
  afterEach(async () => {
    console.warn = warn;
    await failing();
    fixtureCleanup();
  });

  it('the filter controls: the list shows, with a notice, imh-load-error naming the file, and Try again', async () => {
    await failing('filter-controls');
    const el = document.createElement('imh-session-list');
    el.data = await exampleFeed();
    el.setAttribute('now', '2026-11-23T08:00');
    el.filters = true;
    const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
    (await fixture(html`<div></div>`)).append(el);
    const { detail } = await error;
    expect(detail.error.name).to.equal('ImhLoadError');
    expect(detail.error.file).to.contain('filter-controls');
    expect(detail.error.message).to.contain('filter-controls');
    await shown(el);
    expect(el.shadowRoot!.querySelectorAll('[part=item]').length).to.equal(10);
    expect(textOf($(el, '.base > [part=notice]'))).to.equal('This information could not be loaded just now. Try again');
    await expect(el).to.be.accessible();
    saidOnce('filter-controls');
    await failing();
    tryAgain(el).click();
    await waitUntil(() => $(el, '[part=filters] select[name=category]'), 'the filters did not load on retry');
    expect($(el, '.base > [part=notice]')).to.equal(null);
  });

  it('the calendar export: the menu says so, and Try again loads it', async () => {
    await failing('session-list/session-ics');
    const el = document.createElement('imh-session-list');
    el.data = await exampleFeed();
    el.setAttribute('now', '2026-11-23T08:00');
    el.limit = 1;
    (await fixture(html`<div></div>`)).append(el);
    await shown(el);
    const details = $(el, 'details.calendar') as HTMLDetailsElement;
    const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
    details.open = true;
    expect((await error).detail.error.file).to.contain('ics');
    await elementUpdated(el);
    expect(textOf(details.querySelector('[part=notice]'))).to.equal(
      'This information could not be loaded just now. Try again',
    );
    saidOnce('ics');
    await failing();
    tryAgain(el, 'details.calendar').click();
    await waitUntil(
      () => [...details.querySelectorAll('a')].some((a) => textOf(a) == 'Google Calendar'),
      'the calendar export did not load on retry',
    );
    expect(details.querySelector('[part=notice]')).to.equal(null);
  });

  it('search-engine data (jsonld): the list, imh-load-error and a console line naming the file, reload()', async () => {
    // The file is held until the list shows its feed, then fails. (The feed is read in slices: a failure that came
    // before it would be tried again for it, as for any new feed, with an imh-load-error of its own: reach.ts.)
    await executeServerCommand('imh-fail-requests', { hold: 'reach/jsonld-block' });
    const rejections: unknown[] = [];
    const record = (e: PromiseRejectionEvent) => {
      rejections.push(e.reason);
      e.preventDefault();
    };
    window.addEventListener('unhandledrejection', record);
    try {
      const el = document.createElement('imh-session-list');
      el.data = await exampleFeed();
      el.setAttribute('now', '2026-11-23T08:00');
      el.setAttribute('jsonld', '');
      const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
      let events = 0;
      el.addEventListener('imh-load-error', () => events++);
      (await fixture(html`<div></div>`)).append(el);
      await shown(el);
      expect(el.shadowRoot!.querySelectorAll('[part=item]').length).to.equal(10);
      await failing('reach/jsonld-block'); // the held request fails now, as any other would
      const { detail } = await error;
      expect(detail.error.name).to.equal('ImhLoadError');
      expect(detail.error.file).to.contain('jsonld-block');
      expect(el.shadowRoot!.querySelectorAll('[part=item]').length, 'the list stays').to.equal(10);
      // Not asked again at every update of the same feed (a long list draws in several).
      el.requestUpdate();
      await elementUpdated(el);
      await new Promise((r) => setTimeout(r, 100));
      expect(events).to.equal(1);
      expect(rejections).to.deep.equal([]);
      saidOnce('jsonld-block');
      await failing();
      el.reload();
      await waitUntil(() => document.querySelector('script[type="application/ld+json"]'), 'no block after reload()', {
        timeout: 5_000,
      });
    } finally {
      window.removeEventListener('unhandledrejection', record);
      document.querySelectorAll('script[type="application/ld+json"]').forEach((s) => s.remove());
    }
  });

  it("the built-in timeline: the page's fallback content, a notice, and Try again", async () => {
    await failing('default-timeline');
    const el = document.createElement('imh-first-1001-days-timeline');
    el.setAttribute('birth-date', '2026-09-01');
    el.setAttribute('now', '2026-11-23');
    el.innerHTML = '<a href="https://example.org/1001-days">The first 1001 days</a>';
    const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
    (await fixture(html`<div></div>`)).append(el);
    expect((await error).detail.error.file).to.contain('default-timeline');
    await elementUpdated(el);
    expect($(el, '[part=fallback]')!.hidden).to.equal(false);
    expect(textOf($(el, '[part=status]'))).to.equal('This information could not be loaded just now. Try again');
    await expect(el).to.be.accessible();
    saidOnce('default-timeline');
    await failing();
    tryAgain(el).click();
    await waitUntil(() => $(el, '[part=stage]'), 'the timeline did not load on retry');
    expect($(el, '[part=fallback]')!.hidden).to.equal(true);
  });

  // In a page of its own: this page has loaded the timeline's body by now (the built-in timeline's test).
  // The timeline's body and its styles, the session list's body (with its styles), and the schedule engine both
  // use, are chunks loaded only on pages with one (issue 14), with the same failure path: the element draws
  // nothing of its body without them.
  const timeline = `<imh-first-1001-days-timeline now="2026-11-23">
    <a href="https://example.org/1001-days">The first 1001 days</a>
  </imh-first-1001-days-timeline>`;
  const sessions = `<imh-session-list now="2026-11-23T08:00">
    <a href="https://example.org/sessions">Sessions near you</a>
  </imh-session-list>`;
  // Which element, the file that fails, what its body draws, and a list its styles draw without bullets.
  for (const [who, part, file, body, drawn, list] of [
    ["the timeline's", 'body', 'timeline-body', timeline, '[part=form]', '[part=stages]'],
    ["the timeline's", 'styles', 'first-1001-days-timeline.styles', timeline, '[part=form]', '[part=stages]'],
    ["the session list's", 'body', 'session-list-body', sessions, '[part=item]', '.items'],
    // The schedule engine, a chunk both load beside their bodies (internal/dates.ts).
    ["the session list's", 'dates', 'occurrences', sessions, '[part=item]', '.items'],
    ["the timeline's", 'dates', 'occurrences', timeline, '[part=form]', '[part=stages]'],
  ]) {
    it(`${who} ${part} from the built bundle: the page's fallback content, the event, and Try again`, async () => {
      await failing(`/dist/imh-widgets-${file}-`);
      // The session list needs a feed; the timeline shows its built-in stages without one.
      const feed = `<meta name="imh-feed" content="${location.origin}/public/example-feed.json">`;
      const { frame, win, doc, loadErrors, warnings, uncaught } = await bundlePage({
        head: body == sessions ? feed : '',
        body,
      });
      const el = doc.body.firstElementChild!;
      await waitUntil(() => loadErrors.length, 'no imh-load-error', { timeout: 10_000 });
      expect(loadErrors).to.have.length(1);
      expect(loadErrors[0]).to.contain(`/dist/imh-widgets-${file}-`);
      await waitUntil(() => !$(el, '.placeholder'), 'the element kept its placeholder');
      expect($(el, '[part=fallback]')!.hidden).to.equal(false);
      expect(textOf($(el, '[part=status]'))).to.equal('This information could not be loaded just now. Try again');
      // Booleans: chai describing an element of another window takes minutes.
      expect(!!$(el, drawn), 'the body, drawn without its code or styles').to.equal(false);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain(loadErrors[0]);
      await failing();
      tryAgain(el).click();
      await waitUntil(() => $(el, drawn) && $(el, list), 'the body did not load on retry', { timeout: 10_000 });
      expect($(el, '[part=fallback]')!.hidden).to.equal(true);
      expect(win.getComputedStyle($(el, list)!).listStyleType, 'styled after Try again').to.equal('none');
      expect(uncaught).to.deep.equal([]);
      frame.remove();
    });
  }

  it('a session list works out its dates while its body comes: the notes are asked for beside it', async () => {
    // The body's file held open (a slow connection); the schedule engine's comes at once.
    await executeServerCommand('imh-fail-requests', { hold: '/dist/imh-widgets-session-list-body-', slow: true });
    const { frame, win, doc, uncaught } = await bundlePage({
      body: `<imh-session-list now="2027-07-12T08:00"></imh-session-list>`,
    });
    const el = doc.querySelector('imh-session-list')!;
    // A term-time series after the feed's last known term: the list has a note to show (made in the page's realm).
    const feed = minimalFeed({
      termDates: TERMS,
      bankHolidays: BANK_HOLIDAYS,
      sessions: [{ ...session, schedule: { ...session.schedule, termTimeOnly: true } }],
    });
    (el as HTMLElement & { data: unknown }).data = (win as unknown as typeof window).JSON.parse(JSON.stringify(feed));
    const fetched = (name: string) =>
      win.performance.getEntriesByType('resource').some((r) => r.name.includes(`/dist/imh-widgets-${name}-`));
    await waitUntil(() => fetched('unconfirmed'), 'the notes were not asked for while the body came', {
      timeout: 10_000,
    });
    expect(fetched('occurrences'), 'the engine').to.equal(true);
    expect(fetched('session-list-body'), 'the body, held').to.equal(false);
    expect(!!$(el, '[part=item]'), 'sessions drawn without the body').to.equal(false);
    await failing(); // the body comes
    await waitUntil(() => $(el, '[part=unconfirmed]') && $(el, '[part=item]'), 'the list did not draw', {
      timeout: 10_000,
    });
    expect(textOf($(el, '[part=unconfirmed]'))).to.contain('dates after 21 July 2027 are not confirmed yet');
    expect(uncaught).to.deep.equal([]);
    frame.remove();
  });

  it('a session list taken off the page while its body loads: updateComplete settles; back, it draws', async () => {
    await failing();
    await executeServerCommand('imh-fail-requests', { hold: '/dist/imh-widgets-session-list-body-', slow: true });
    // Not awaited: Firefox's load event waits for the held file.
    const page = bundlePage({
      head: `<meta name="imh-feed" content="${location.origin}/public/example-feed.json">`,
      body: `<div><imh-session-list now="2026-11-23T08:00"></imh-session-list></div>`,
    });
    const iframe = document.body.lastElementChild as HTMLIFrameElement;
    const list = () =>
      iframe.contentDocument?.querySelector('imh-session-list') as
        (HTMLElement & { updateComplete: Promise<boolean> }) | null | undefined;
    try {
      // Its feed is here and its body held: the placeholder shows.
      await waitUntil(() => list()?.shadowRoot?.querySelector('.placeholder'), 'no placeholder', { timeout: 8_000 });
      const el = list()!;
      const box = el.parentElement!;
      const settled = el.updateComplete.then(() => 'settled');
      el.remove();
      const outcome = await Promise.race([settled, new Promise((r) => setTimeout(() => r('still waiting'), 2_000))]);
      expect(outcome).to.equal('settled');
      box.append(el);
    } finally {
      await failing(); // the held body comes now
    }
    await page;
    await waitUntil(() => $(list()!, '[part=item]'), 'the list did not draw once back on the page', {
      timeout: 10_000,
    });
    iframe.remove();
  });

  // A feed that fails while the element's own code is still coming (a slow connection): a session list,
  // which has nothing to show without its feed, shows the editor's fallback and Try again at once, not
  // "Loading…" until that code comes. A timeline shows its built-in stages without a feed: it keeps its
  // placeholder until they come, with the notice above them, so the page moves once.
  for (const [name, tag, held, early] of [
    ['a session list', 'imh-session-list', '/dist/imh-widgets-session-list-body-', true],
    ['a timeline', 'imh-first-1001-days-timeline', '/dist/imh-widgets-timeline-body-', false],
  ] as const)
    it(`${name} whose feed fails while its body comes: ${early ? 'the error at once' : 'it moves once'}`, async () => {
      await failing();
      await executeServerCommand('imh-fail-requests', { hold: held, slow: true });
      // Not awaited: Firefox's load event waits for the held file.
      const page = bundlePage({
        head: `<meta name="imh-feed" content="${location.origin}/public/no-such-feed.json">`,
        body: `<${tag} now="2026-11-23T08:00"><p>See our family hubs page.</p></${tag}>`,
      });
      const iframe = document.body.lastElementChild as HTMLIFrameElement;
      const el = () => iframe.contentDocument?.querySelector(tag);
      const win = () => iframe.contentWindow as Window & { uncaught: string[] };
      const fetched = (file: string) =>
        win()
          .performance.getEntriesByType('resource')
          .some((r) => r.name.includes(file));
      try {
        // The feed has failed (the file of sentences that say why has come) while the body is still held.
        await waitUntil(() => el()?.shadowRoot && fetched('/dist/imh-widgets-failures-'), 'the feed did not fail', {
          timeout: 8_000,
        });
        if (early)
          await waitUntil(() => $(el()!, '[part=notice]'), 'no error while the body is held', { timeout: 5_000 });
        else for (let i = 0; i < 5 && !$(el()!, '[part=notice]'); i++) await nextFrame();
        expect(fetched(held), 'the body came').to.equal(false);
        if (early) {
          expect(textOf($(el()!, '[part=notice]'))).to.equal(
            'This information could not be loaded just now. Try again',
          );
          expect($(el()!, '[part=fallback]')!.hidden, 'the fallback is hidden').to.equal(false);
          expect(!!$(el()!, '.placeholder'), 'a placeholder shows').to.equal(false);
        } else {
          expect(!!$(el()!, '.placeholder'), 'the placeholder, while the stages come').to.equal(true);
          expect(!!$(el()!, '[part=notice]'), 'the notice, before the stages').to.equal(false);
        }
      } finally {
        await failing(); // the held body comes now
      }
      await page;
      // Once the body is here the element still says the feed failed (the timeline above its stages).
      await waitUntil(() => $(el()!, '[part=notice]') && !$(el()!, '.placeholder'), 'the error did not show');
      if (!early) await waitUntil(() => $(el()!, '[part~=stage]'), 'the built-in stages did not show');
      expect(win().uncaught).to.deep.equal([]);
      iframe.remove();
    });

  it("the timeline's body is never drawn before its styles have come, and is styled when it is", async () => {
    await failing();
    await executeServerCommand('imh-fail-requests', {
      hold: '/dist/imh-widgets-first-1001-days-timeline.styles-',
      slow: true,
    });
    let first: { list: string; line: string } | undefined;
    // Not awaited: Firefox's load event waits for the held file.
    const page = bundlePage({
      body: `<imh-first-1001-days-timeline birth-date="2026-09-01" now="2026-11-23"></imh-first-1001-days-timeline>`,
    });
    const iframe = document.body.lastElementChild as HTMLIFrameElement;
    const timeline = () => iframe.contentDocument?.querySelector('imh-first-1001-days-timeline');
    try {
      await waitUntil(() => timeline()?.shadowRoot, 'not upgraded', { timeout: 8_000 });
      const el = timeline()!;
      const win = iframe.contentWindow as Window & typeof globalThis;
      // The computed style of the body at its first render: in the microtask after Lit commits it, before a frame.
      new win.MutationObserver(() => {
        const list = $(el, '[part=stages]');
        const stage = $(el, '[part~=stage]');
        if (list && stage && !first) {
          first = {
            list: win.getComputedStyle(list).listStyleType,
            line: win.getComputedStyle(stage).borderInlineStartWidth,
          };
        }
      }).observe(el.shadowRoot!, { childList: true, subtree: true });
      const fetched = (name: string) =>
        win.performance.getEntriesByType('resource').some((r) => r.name.includes(`/dist/imh-widgets-${name}-`));
      await waitUntil(() => fetched('timeline-body') && fetched('default-timeline'), 'the body did not load', {
        timeout: 8_000,
      });
      await nextFrame();
      // Booleans: chai describing an element of another window takes minutes.
      expect(!!$(el, '[part~=stage]'), 'the body, drawn before its styles came').to.equal(false);
      expect(!!$(el, '.placeholder'), 'the placeholder, while the styles load').to.equal(true);
    } finally {
      await failing(); // the held styles come now
    }
    await page;
    await waitUntil(() => $(timeline()!, '[part~=stage]'), 'the timeline did not show when its styles came');
    expect(first).to.deep.equal({ list: 'none', line: '3px' });
    iframe.remove();
  });

  it("the feed report's sentences: the list shows, plain sentences with paths, the event, reload()", async () => {
    await failing('feed/explain');
    const data = await exampleFeed();
    data.sessions[0].name = '';
    const el = document.createElement('imh-session-list');
    el.data = data;
    el.setAttribute('now', '2026-11-23T08:00');
    const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
    const loaded = oneEvent(el, 'imh-feed-load');
    (await fixture(html`<div></div>`)).append(el);
    const [{ detail }, first] = await Promise.all([error, loaded]);
    expect(detail.error.file).to.contain('explain');
    const issue = first.detail.issues.find((i: { path: string }) => i.path == 'sessions[0].name');
    expect(issue.message).to.contain('could not be loaded');
    await shown(el);
    expect(el.shadowRoot!.querySelectorAll('[part=item]').length).to.equal(10);
    saidOnce('explain');
    await failing();
    const again = oneEvent(el, 'imh-feed-load');
    el.reload();
    const explained = (await again).detail.issues.find((i: { path: string }) => i.path == 'sessions[0].name');
    expect(explained.message).not.to.contain('could not be loaded');
  });

  it('the "dates not yet confirmed" notes: the list without them, a notice, the event, and Try again', async () => {
    await failing('unconfirmed');
    const el = document.createElement('imh-session-list');
    // A term-time series after the feed's last known term: the list has a note to show.
    el.data = minimalFeed({
      termDates: TERMS,
      bankHolidays: BANK_HOLIDAYS,
      sessions: [{ ...session, schedule: { ...session.schedule, termTimeOnly: true } }],
    });
    el.setAttribute('now', '2027-07-12T08:00');
    const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
    (await fixture(html`<div></div>`)).append(el);
    const { detail } = await error;
    expect(detail.error.name).to.equal('ImhLoadError');
    expect(detail.error.file).to.contain('unconfirmed');
    await elementUpdated(el);
    expect(el.shadowRoot!.querySelectorAll('[part=item]').length).to.equal(2);
    expect($(el, '[part=unconfirmed]')).to.equal(null);
    expect(textOf($(el, '.base > [part=notice]'))).to.equal('This information could not be loaded just now. Try again');
    await expect(el).to.be.accessible();
    saidOnce('unconfirmed');
    await failing();
    tryAgain(el).click();
    await waitUntil(() => $(el, '[part=unconfirmed]'), 'the note did not load on retry');
    expect(textOf($(el, '[part=unconfirmed]'))).to.contain('dates after 21 July 2027 are not confirmed yet');
    expect($(el, '.base > [part=notice]')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('[part=item]').length).to.equal(2);
  });

  // Before the language tests below, which load the formatters for good (a page loads them once).
  it("the date formatters: the language's words with the browser's dates, the event, and reload()", async () => {
    await failing('cldr-format');
    const el = document.createElement('imh-session-list');
    el.setAttribute('lang', 'pa');
    el.setAttribute('now', '2026-11-23T08:00');
    el.data = await exampleFeed();
    const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
    (await fixture(html`<div></div>`)).append(el);
    const { detail } = await error;
    expect(detail.error.name).to.equal('ImhLoadError');
    expect(detail.error.file).to.contain('cldr-format');
    await waitUntil(() => $(el, '[part=item]'), 'no list');
    await el.updateComplete; // the whole list (a long one is drawn a few sessions an update)
    // Each day heading after "Today" and "Tomorrow" is a date: the day its sessions fall on.
    const headings = () =>
      [...el.shadowRoot!.querySelectorAll('[part=day]')].slice(2).map((day) => {
        const [y, m, d] = day.querySelector('time')!.getAttribute('datetime')!.slice(0, 10).split('-').map(Number);
        return { text: textOf(day.querySelector('[part=day-heading]')), day: Date.UTC(y, m - 1, d) / 86_400_000 };
      });
    expect(headings().length).to.be.above(0);
    // Punjabi words, dates as the browser's Intl writes them.
    expect($(el, '.root')!.getAttribute('lang')).to.equal('pa');
    expect(textOf($(el, '[part=day-heading]'))).to.equal('ਅੱਜ');
    const intl = new Intl.DateTimeFormat('pa', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    for (const { text, day } of headings()) expect(text).to.equal(intl.format(new Date(day * 86_400_000)));
    await expect(el).to.be.accessible();
    saidOnce('cldr-format');
    await failing();
    el.reload();
    // Once loaded, dates as CLDR writes them in Punjabi (the browser's own where it agrees).
    await waitUntil(
      () => headings().every(({ text, day }) => text == formatDay(day, 'pa')),
      'the formatters did not load on reload()',
    );
    expect(warnings.length).to.equal(1);
  });

  it('the theme colours: the default colours meanwhile, an imh-load-error naming the file, and reload()', async () => {
    await failing('palettes');
    const el = document.createElement('imh-support-card');
    el.setAttribute('theme', 'govuk');
    el.setAttribute('service', 'nhs-111');
    el.data = await exampleFeed();
    const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
    (await fixture(html`<div></div>`)).append(el);
    expect((await error).detail.error.file).to.contain('palettes');
    await waitUntil(() => $(el, '[part=card]'), 'no card');
    const link = () => getComputedStyle(el).getPropertyValue('--imh-color-link').trim();
    expect(link(), 'the default colours').to.equal('');
    await expect(el).to.be.accessible();
    saidOnce('palettes');
    await failing();
    el.reload();
    await waitUntil(() => link() == '#1d70b8', 'no GOV.UK colours on reload');
    await waitUntil(() => $(el, '[part=card]'), 'no card in the GOV.UK colours');
  });

  it('a language: English meanwhile (marked as English), an imh-load-error naming the file, and reload()', async () => {
    await failing('cy.ui');
    const el = document.createElement('imh-support-card');
    el.setAttribute('lang', 'cy');
    el.setAttribute('service', 'nhs-111');
    el.data = await exampleFeed();
    const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
    (await fixture(html`<div></div>`)).append(el);
    expect((await error).detail.error.file).to.contain('cy.ui');
    await waitUntil(() => $(el, '[part=heading]'), 'no card');
    expect(textOf($(el, '[part=heading] .visually-hidden'))).to.equal('Urgent advice:');
    expect($(el, '.root')!.getAttribute('lang')).to.equal('en-GB');
    saidOnce('cy.ui');
    await failing();
    el.reload();
    await waitUntil(() => textOf($(el, '[part=heading] .visually-hidden')) == 'Cyngor brys:', 'no Welsh on reload');
    expect($(el, '.root')!.getAttribute('lang')).to.equal('cy');
  });

  it('the bilingual layouts: one language meanwhile, an imh-load-error naming the file, and reload()', async () => {
    await failing('bilingual');
    const el = document.createElement('imh-support-card');
    el.setAttribute('lang', 'cy');
    el.setAttribute('bilingual', 'en');
    el.setAttribute('bilingual-layout', 'stacked');
    el.setAttribute('service', 'health-visiting');
    el.data = await exampleFeed();
    const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
    (await fixture(html`<div></div>`)).append(el);
    expect((await error).detail.error.file).to.contain('bilingual');
    await waitUntil(() => $(el, '[part=card]'), 'no card');
    // Welsh only: no English beside it (with no layout for it), and nothing in English unmarked.
    expect($(el, '.root')!.getAttribute('lang')).to.equal('cy');
    expect(textOf($(el, '.facts dt'))).to.equal('Ar gyfer');
    expect(el.shadowRoot!.querySelector('.bi')).to.equal(null);
    await expect(el).to.be.accessible();
    saidOnce('bilingual');
    await failing();
    el.reload();
    await waitUntil(() => $(el, '.facts dt .bi'), 'no English on reload');
    // Stacked: the English on a line of its own, under the Welsh.
    expect(getComputedStyle($(el, '.facts dt .bi')!).display).to.equal('block');
    expect($(el, '.facts dt .bi')!.getAttribute('lang')).to.equal('en-GB');
    expect(textOf($(el, '.facts dt .bi'))).to.equal('For');
  });

  it('a language from the built bundle: English meanwhile, the event, and reload()', async () => {
    await failing('/dist/locales/cy.ui');
    const { frame, doc, loadErrors, warnings } = await bundlePage({
      head: `<meta name="imh-feed" content="${location.origin}/public/example-feed.json">`,
      bodyLang: 'cy',
      body: '<imh-support-card service="nhs-111"></imh-support-card>',
    });
    const card = doc.querySelector('imh-support-card')!;
    const prefix = () => textOf(card.shadowRoot?.querySelector('[part=heading] .visually-hidden'));
    await waitUntil(() => prefix() == 'Urgent advice:', 'no English card', { timeout: 10_000 });
    await waitUntil(() => loadErrors.length, 'no imh-load-error');
    expect(loadErrors[0]).to.match(/\/dist\/locales\/cy\.ui\.js/);
    expect(warnings.length).to.equal(1);
    expect(warnings[0]).to.contain(loadErrors[0]);
    await failing();
    (card as HTMLElement & { reload(): void }).reload();
    await waitUntil(() => prefix() == 'Cyngor brys:', 'no Welsh on reload', { timeout: 10_000 });
    frame.remove();
  });

  // The saved-copy code (feed/store.ts) is loaded after a feed from an address shows, to save it, or
  // when the feed fails, to read the copy. These two run before anything in this page loads it.
  const savedCopies = (feed: string) =>
    Object.keys(localStorage).filter((k) => k.startsWith('imh-widgets:feed:') && k.includes(feed));
  const cardFrom = (feed: string) => {
    const el = document.createElement('imh-support-card');
    el.setAttribute('service', 'nhs-111');
    el.setAttribute('feed', feed);
    return el;
  };

  it('the saved-copy code, when the feed fails: the feed error, and imh-load-error naming the file', async () => {
    await failing('feed/store');
    const el = cardFrom('/public/no-such-feed.json');
    const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
    const feedError = oneEvent(el, 'imh-feed-error') as Promise<ImhFeedErrorEvent>;
    (await fixture(html`<div></div>`)).append(el);
    const [{ detail }, failed] = await Promise.all([error, feedError]);
    expect(detail.error.name).to.equal('ImhLoadError');
    expect(detail.error.file).to.contain('store');
    expect(failed.detail.error.missing).to.deep.equal([detail.error]);
    await elementUpdated(el);
    expect(textOf($(el, '[part=notice]'))).to.equal('This information could not be loaded just now. Try again');
    saidOnce('store');
  });

  // A fresh feed that skipped items as broken is compared with the saved copy by the saved-copy code
  // (store.ts: staleCopy): without that code, the fresh feed shows, as it would with no copy at all.
  it('the saved-copy code, when a fresh feed skipped broken items: that feed, and imh-load-error', async () => {
    await failing('feed/store');
    const feed = `${location.origin}/public/example-feed.json?broken-items-test=${Date.now()}`;
    const example = await exampleFeed();
    // A copy saved by an earlier visit, which keeps one service more than the fresh feed.
    const key = `imh-widgets:feed:v2:services ${feed}`;
    localStorage.setItem(key, JSON.stringify({ savedAt: Date.now() - 86400_000, text: JSON.stringify(example) }));
    const services = example.services.map((s: { id: string }) => (s.id == 'samaritans' ? { ...s, name: '' } : s));
    const net = stubFetch(() => json({ ...example, services }));
    try {
      const el = cardFrom(feed);
      const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
      const loaded = oneEvent(el, 'imh-feed-load') as Promise<ImhFeedLoadEvent>;
      (await fixture(html`<div></div>`)).append(el);
      const [{ detail }, { detail: load }] = await Promise.all([error, loaded]);
      expect(detail.error.file).to.contain('store');
      // The fresh feed, with its issue, not the copy; no notice of a copy, and the card.
      expect(load.stale).to.equal(undefined);
      expect(load.issues.map((i) => i.path)).to.deep.equal(['services[3].name']);
      expect(load.feed.services!.some((s) => s.id == 'samaritans')).to.equal(false);
      await waitUntil(() => $(el, '[part=card]'), 'no card');
      expect($(el, '[part=notice]')).to.equal(null);
      expect(warnings).to.deep.equal([]); // said once per file per page, by the test before
    } finally {
      net.restore();
      localStorage.removeItem(key);
    }
  });

  it('the credit for imported data: its error and Try again, never the data without its credit', async () => {
    // A CC BY directory's service: its licence asks for credit wherever it shows.
    const data = await exampleFeed();
    data.sources = [
      {
        id: 'dir',
        kind: 'oruk',
        name: 'Anytown Family Directory',
        licence: 'https://creativecommons.org/licenses/by/4.0/',
      },
    ];
    (data.services.find((s: { id: string }) => s.id == 'health-visiting') as Record<string, unknown>).source = {
      ref: 'dir',
    };
    await failing('attribution');
    const el = document.createElement('imh-support-card');
    el.setAttribute('service', 'health-visiting');
    (el as HTMLElement & { data: unknown }).data = data;
    const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
    (await fixture(html`<div></div>`)).append(el);
    expect((await error).detail.error.file).to.contain('attribution');
    await waitUntil(() => tryAgain(el), 'no Try again');
    expect(!!$(el, '[part=card]'), 'the service shown without its credit').to.equal(false);
    saidOnce('attribution');
    await failing();
    tryAgain(el).click();
    await waitUntil(() => $(el, '[part=card]'), 'no card after Try again');
    expect(textOf($(el, '[part=attribution]'))).to.equal('Data from Anytown Family Directory (CC BY 4.0)');
  });

  it('the saved-copy code, after the feed shows: the card, imh-load-error naming it, reload() saves', async () => {
    const feed = `/public/example-feed.json?saved-copy-test=${Date.now()}`;
    await failing('feed/store');
    const el = cardFrom(feed);
    const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
    (await fixture(html`<div></div>`)).append(el);
    const { detail } = await error;
    expect(detail.error.file).to.contain('store');
    await waitUntil(() => $(el, '[part=card]'), 'no card');
    expect(savedCopies(feed)).to.deep.equal([]);
    // The console's line for this file was written by the test before: one line per file per page.
    expect(warnings).to.deep.equal([]);
    try {
      await failing();
      el.reload();
      await waitUntil(() => savedCopies(feed).length == 1, 'not saved after reload()', { timeout: 5_000 });
      // saved as the feed arrives; the card is drawn in the update after
      await waitUntil(() => $(el, '[part=card]'), 'no card after reload()', { timeout: 5_000 });
      expect(warnings).to.deep.equal([]);
    } finally {
      savedCopies(feed).forEach((k) => localStorage.removeItem(k));
    }
  });

  it('the saved-copy code from the bundle: loaded after the card shows, its copy used; missing, no copy', async () => {
    const KEY = 'imh-widgets:feed:v2:';
    const ours = () => Object.keys(localStorage).filter((k) => k.startsWith(KEY) && k.includes('example-feed.json'));
    const forget = () => ours().forEach((k) => localStorage.removeItem(k));
    forget();
    const open = async () => {
      const { frame, doc, win, uncaught } = await bundlePage({
        head: `<meta name="imh-feed" content="${location.origin}/public/example-feed.json">`,
        body: '<imh-support-card service="nhs-111"></imh-support-card>',
      });
      const card = doc.querySelector('imh-support-card')!;
      const shown = () => card.shadowRoot?.querySelector('[part=card]');
      await waitUntil(shown, 'no card', { timeout: 10_000 });
      const fetched = () =>
        win.performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((n) => /imh-widgets-store-/.test(n));
      return { frame, card, uncaught, fetched };
    };
    try {
      // A good load: the card shows, and the copy is saved once the saved-copy code has arrived.
      const first = await open();
      await waitUntil(() => ours().length == 1, 'no copy saved', { timeout: 10_000 });
      expect(first.fetched().length).to.equal(1);
      first.frame.remove();
      // The feed then fails: the card shows the saved copy, marked as one.
      await failing('example-feed.json');
      const second = await open();
      const notice = () => textOf(second.card.shadowRoot!.querySelector('[part=notice]'));
      await waitUntil(() => notice().startsWith('This is a copy saved'), 'the copy was not shown', { timeout: 10_000 });
      expect(second.uncaught).to.deep.equal([]);
      second.frame.remove();
      // Without the saved-copy code: the feed still shows, and nothing is saved.
      forget();
      await failing('imh-widgets-store-');
      const third = await open();
      await new Promise((r) => setTimeout(r, 500));
      expect(ours()).to.deep.equal([]);
      expect(third.uncaught).to.deep.equal([]);
      third.frame.remove();
    } finally {
      forget();
    }
  });
});
