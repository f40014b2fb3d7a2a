import { sendKeys } from '@web/test-runner-commands';
import { elementUpdated, expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/support-list/support-list.js';
import { exampleFeed } from '../fixtures/example.js';
import { expectQuietConsole } from '../fixtures/quiet.js';
import { watchParts } from '../fixtures/parts.js';
import { drawn as pace } from '../../src/internal/pace.js';

const textOf = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
/** Service names (without the hidden urgency prefix) in a section. */
const names = (el: Element, section: string) =>
  $$(el, `${section} [part=heading][id^=card-]`).map((h) =>
    textOf(h).replace(/^(Non-urgent advice|Urgent advice|Immediate action required): /, ''),
  );
const directory = (el: Element) => names(el, '[part=list]');
const urgentHelp = (el: Element) => names(el, '[part=urgent]');

async function list(attrs: Record<string, string | boolean> = {}, data?: unknown) {
  const el = document.createElement('imh-support-list');
  el.data = data ?? (await exampleFeed());
  el.setAttribute('now', '2026-11-23T12:00');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v === true ? '' : String(v));
  (await fixture(html`<div style="max-width: 50rem"></div>`)).append(el);
  // Drawn: one update may show only the loading placeholder (WebKit on a busy machine).
  await waitUntil(() => el.shadowRoot!.querySelector('[part=list], [part=empty]'), 'the list was not drawn');
  // A long directory is drawn in parts: updateComplete settles once all are there.
  await el.updateComplete;
  return el;
}
const change = async (el: HTMLElement, name: string, value: string) => {
  const control = $(el, `[part=filters] [name=${name}]`) as HTMLInputElement | HTMLSelectElement;
  control.value = value;
  control.dispatchEvent(new Event(name == 'q' ? 'input' : 'change', { bubbles: true }));
  await elementUpdated(el);
};

describe('<imh-support-list>', () => {
  expectQuietConsole();
  afterEach(() => fixtureCleanup());

  it('lists the routine services, with urgent and emergency help always at the top', async () => {
    const el = await list();
    expect(urgentHelp(el)).to.deep.equal([
      'Emergency: call 999',
      'NHS 111',
      'Maternity triage',
      'Samaritans',
      'Specialist Perinatal Mental Health Service',
    ]);
    expect(textOf($(el, '[part=urgent] h2'))).to.equal('Need help now?');
    expect(directory(el)).to.include('Health Visiting (0-19 service)').and.include('DadPad');
    expect(directory(el)).not.to.include('NHS 111');
    expect(directory(el).length).to.equal(11);
    // Emergency help first wherever the feed lists it; the urgent keep the feed's order.
    const feed = await exampleFeed();
    const emergency = feed.services.filter((s: { urgency?: string }) => s.urgency == 'emergency');
    const others = feed.services.filter((s: { urgency?: string }) => s.urgency != 'emergency');
    const moved = await list({}, { ...feed, services: [...others, ...emergency] });
    expect(urgentHelp(moved)).to.deep.equal(urgentHelp(el));
  });

  it('draws a long directory a few services an update, each after a frame; updateComplete waits for all', async () => {
    // Issue 12: a whole directory (400 services) was drawn in one update, a task of 80 ms and more.
    // Counted in services drawn per update and frames drawn between, not timed: the pace (how long a service
    // took to draw, internal/pace.ts, which a loaded machine slows) is set to 1.5 ms before each update, five a
    // part. Its time is set (now), so it is not drawn again at the minute: before, a minute that began while it
    // was drawn (once in CI, under load) made an update of its own, which drew a part with no frame before it.
    const feed = await exampleFeed();
    const routine = feed.services.find((s: { urgency?: string }) => (s.urgency ?? 'routine') == 'routine');
    const more = Array.from({ length: 60 }, (_, i) => ({ ...routine, id: `more-${i}`, name: `Zyxwv ${i}` }));
    const data = { ...feed, services: [...feed.services, ...more] };
    const el = document.createElement('imh-support-list');
    el.data = data;
    el.setAttribute('now', '2026-11-23T12:00');
    el.live = false;
    const parts = watchParts(el, () => $$(el, '[part=list] [part=item]').length);
    const drawn: number[] = [];
    el.addController({
      hostUpdate: () => {
        for (let i = 0; i < 60; i++) pace(1.5, 1);
      },
      hostUpdated: () => {
        const n = $$(el, '[part=list] [part=item]').length;
        if (n && n != drawn.at(-1)) drawn.push(n);
      },
    });
    (await fixture(html`<div style="max-width: 50rem"></div>`)).append(el);
    await waitUntil(() => $(el, '[part=list]'), 'the list was not drawn');
    await el.updateComplete;
    const routineCount = data.services.filter(
      (s: { urgency?: string }) => (s.urgency ?? 'routine') == 'routine',
    ).length;
    expect($$(el, '[part=list] [part=item]').length, 'services once updateComplete settles').to.equal(routineCount);
    parts.check(routineCount, 'services');
    expect(drawn, 'five services a part').to.deep.equal([...Array.from({ length: 14 }, (_, i) => 5 * i + 5), 71]);
    // Searching starts again from the first part, and ends with every match.
    await change(el, 'q', 'Zyxwv');
    expect(directory(el)).to.have.length(60);
  });

  it('printed while drawn in parts: the rest is drawn as printing begins, so the page prints whole', async () => {
    const feed = await exampleFeed();
    const routine = feed.services.find((s: { urgency?: string }) => (s.urgency ?? 'routine') == 'routine');
    const more = Array.from({ length: 60 }, (_, i) => ({ ...routine, id: `more-${i}`, name: `Zyxwv ${i}` }));
    const el = document.createElement('imh-support-list');
    el.data = { ...feed, services: [...feed.services, ...more] };
    el.setAttribute('now', '2026-11-23T12:00');
    const drawn = () => el.shadowRoot?.querySelectorAll('[part=list] [part=item]').length ?? 0;
    // The first update that draws a part: its next part comes after a frame, so the list is part-drawn
    // when this test goes on, in a microtask after that update.
    const counts: number[] = [];
    const part = new Promise<number>((resolve) =>
      el.addController({
        hostUpdated: () => {
          const n = drawn();
          counts.push(n);
          if (n) resolve(n);
        },
      }),
    );
    (await fixture(html`<div style="max-width: 50rem"></div>`)).append(el);
    expect(await part, 'drawn in parts').to.be.within(1, 70);
    try {
      // The browser's print dialog, or a PDF, lays out the page as the beforeprint listeners leave it.
      dispatchEvent(new Event('beforeprint'));
      expect(drawn(), 'every service, as printing begins').to.equal(60 + 11);
      expect(directory(el).at(-1)).to.equal('Zyxwv 59');
      await el.updateComplete;
      expect(drawn(), 'and after').to.equal(60 + 11);
      // A new search is drawn in parts again, whether or not the browser has said printing is over
      // (afterprint: Safari says it early, another browser may never).
      counts.length = 0;
      await change(el, 'q', 'Zyxwv');
      expect(counts[0], 'a search after printing starts with its first part').to.be.below(60);
      expect(directory(el)).to.have.length(60);
    } finally {
      dispatchEvent(new Event('afterprint'));
    }
  });

  it('is accessible', async () => {
    await expect(await list()).to.be.accessible();
  });

  it("fits the page's outline: under the editor's h2, h3 sections and h4 services; heading-level wins", async () => {
    const levels = (el: Element) => [
      $(el, '#urgent-heading')!.tagName,
      $(el, '#all-heading')!.tagName,
      $(el, '[part=list] [part=heading][id^=card-]')!.tagName,
    ];
    const wrap = await fixture<HTMLDivElement>(html`<div><h1>Family Hubs</h1><h2>Support for parents</h2></div>`);
    const add = async (attrs: Record<string, string> = {}) => {
      const el = document.createElement('imh-support-list');
      el.data = await exampleFeed();
      el.setAttribute('now', '2026-11-23T12:00');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      wrap.append(el);
      await waitUntil(() => $(el, '#all-heading'), 'no list');
      return el;
    };
    const under = await add();
    expect(levels(under)).to.deep.equal(['H3', 'H3', 'H4']);
    await expect(under).to.be.accessible();
    expect(levels(await add({ 'heading-level': '2' }))).to.deep.equal(['H2', 'H2', 'H3']);
    wrap.remove();
    expect(levels(await list())).to.deep.equal(['H2', 'H2', 'H3']); // nothing before it
  });

  it('filters by stage, audience and kind, and announces the count politely', async () => {
    const el = await list();
    const status = $(el, 'p.visually-hidden[role=status]')!;
    await change(el, 'kind', 'app');
    expect(directory(el)).to.deep.equal(['Healthy Child Wolves app', 'DadPad']);
    // Said once the visitor stops changing things for 300 ms.
    await waitUntil(() => textOf(status) == '2 services found', textOf(status));
    await change(el, 'audience', 'dads');
    expect(directory(el)).to.deep.equal(['Healthy Child Wolves app', 'DadPad']); // the app is for all parents
    await change(el, 'audience', 'practitioners');
    expect(directory(el)).to.deep.equal(['Healthy Child Wolves app']);
    await waitUntil(() => textOf(status) == '1 service found', textOf(status));
    await change(el, 'kind', '');
    await change(el, 'audience', '');
    await change(el, 'stage', '12-24m');
    expect(directory(el)).not.to.include('DadPad').and.not.to.include('Maternity services');
    expect(urgentHelp(el).length).to.equal(5); // urgent help never filtered away
  });

  it('announces the count once for a typed word, 300 ms after the last key: not per key, nor on leaving', async () => {
    const el = await list();
    const status = $(el, 'p.visually-hidden[role=status]')!;
    const said: string[] = [];
    // Every text the region is given, also the same text again after it was emptied (a screen reader says
    // it again); emptied while the visitor types, it says nothing.
    let last = '';
    new MutationObserver(() => {
      const now = textOf(status);
      if (now && now != last) said.push(now);
      last = now;
    }).observe(status, { subtree: true, childList: true, characterData: true });
    ($(el, '[part=filters] [name=q]') as HTMLInputElement).focus();
    await sendKeys({ type: 'health' });
    await waitUntil(() => textOf(status), 'nothing announced', { timeout: 3000 });
    await new Promise((r) => setTimeout(r, 600));
    const found = [`${directory(el).length} services found`];
    expect(said).to.deep.equal(found);
    // Leaving the search box fires a change for the word already counted, and Enter submits it: neither
    // says the count again.
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).not.to.equal('q');
    await new Promise((r) => setTimeout(r, 600));
    expect(said).to.deep.equal(found);
    expect(textOf(status)).to.equal(found[0]);
  });

  it('searches names and descriptions, ignoring case and accents', async () => {
    const el = await list();
    await change(el, 'q', 'COUNSELLING');
    expect(directory(el)).to.deep.equal(['Family Counselling Service']);
    await change(el, 'q', 'young first-time');
    expect(directory(el)).to.deep.equal(['Family Nurse Partnership']);
    const data = await exampleFeed();
    data.services.find((s: { id: string }) => s.id == 'gp').summary = 'Café de la santé';
    const accented = await list({}, data);
    await change(accented, 'q', 'sante');
    expect(directory(accented)).to.deep.equal(['Your GP']);
    await change(accented, 'q', 'zzz');
    expect(textOf($(accented, '[part=empty]'))).to.equal('No services match. Try other choices or fewer words.');
    await waitUntil(() => textOf($(accented, 'p.visually-hidden[role=status]')) == '0 services found');
  });

  it('says "no services match" only where other choices would find some', async () => {
    const none = 'No services are listed here yet.';
    const noMatch = 'No services match. Try other choices or fewer words.';
    // No controls: the reader has no choices to change (before: "Try other choices").
    const bare = await list({ stage: 'pregnancy', kind: 'website', 'no-controls': true });
    expect(directory(bare)).to.deep.equal([]);
    expect(textOf($(bare, '[part=empty]'))).to.equal(none);
    // A feed with no services at all, controls or not, before and after a word is searched for.
    const feed = await exampleFeed();
    const empty = await list({}, { ...feed, services: [] });
    expect(textOf($(empty, '[part=empty]'))).to.equal(none);
    await change(empty, 'q', 'zzz');
    expect(textOf($(empty, '[part=empty]'))).to.equal(none);
    expect(textOf($(await list({ 'no-controls': true }, { ...feed, services: [] }), '[part=empty]'))).to.equal(none);
    // Only urgent help: the directory has nothing a choice could bring back.
    const urgentOnly = { ...feed, services: feed.services.filter((s: { urgency?: string }) => s.urgency != 'routine') };
    const urgent = await list({}, urgentOnly);
    await change(urgent, 'kind', 'app');
    expect(textOf($(urgent, '[part=empty]'))).to.equal(none);
    // The page's own preset leaves none: the reader can choose another type (the preset is a choice
    // in its select), so other choices would find some, before and after another choice.
    const preset = await list({ kind: 'website' });
    expect(textOf($(preset, '[part=empty]'))).to.equal(noMatch);
    await change(preset, 'stage', '0-12m');
    expect(textOf($(preset, '[part=empty]'))).to.equal(noMatch);
    await change(preset, 'kind', 'app');
    expect(directory(preset).length).to.be.above(0);
    // The reader's own choice left none: then it says so.
    const all = await list();
    await change(all, 'kind', 'website');
    expect(directory(all)).to.deep.equal([]);
    expect(textOf($(all, '[part=empty]'))).to.equal(noMatch);
    await expect(preset).to.be.accessible();
  });

  it('takes presets from attributes, and can hide the controls', async () => {
    const el = await list({ stage: 'pregnancy', audience: 'dads', kind: 'app', 'no-controls': true });
    expect($(el, '[part=filters]')).to.equal(null);
    expect(directory(el)).to.deep.equal(['Healthy Child Wolves app', 'DadPad']);
    const shown = await list({ kind: 'helpline' });
    expect(($(shown, '[part=filters] [name=kind]') as HTMLSelectElement).value).to.equal('helpline');
    expect(directory(shown)).to.deep.equal(['PANDAS Foundation helpline']);
  });

  it('lets a reader choose "Any" over a preset, by keyboard, and it means any', async () => {
    // Before: "Any" (an empty value) fell back to the attribute's preset, so the list stayed on helplines.
    const all = directory(await list());
    const el = await list({ kind: 'helpline', stage: '0-12m' });
    const kind = $(el, '[part=filters] [name=kind]') as HTMLSelectElement;
    const stage = $(el, '[part=filters] [name=stage]') as HTMLSelectElement;
    expect(directory(el)).to.deep.equal(['PANDAS Foundation helpline']);
    kind.focus();
    // helpline → App → Any
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await elementUpdated(el);
    expect(kind.value).to.equal('');
    expect(kind.selectedIndex).to.equal(0);
    expect(directory(el).length).to.be.above(1);
    expect(directory(el)).to.include('Healthy Child Wolves app');
    // The other preset still holds until it too is set to "Any".
    expect(stage.value).to.equal('0-12m');
    stage.focus();
    // 0 to 12 months → Pregnancy → Any
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await elementUpdated(el);
    expect(stage.value).to.equal('');
    expect(directory(el)).to.deep.equal(all);
    // A search typed after it keeps "Any" (the form is read again, presets are not brought back).
    ($(el, '[part=filters] [name=q]') as HTMLInputElement).focus();
    await sendKeys({ type: 'a' });
    await elementUpdated(el);
    expect([kind.value, stage.value]).to.deep.equal(['', '']);
    expect(directory(el).length).to.be.above(1);
  });

  it('keeps a preset not in the vocabulary, shown in its select, as words are typed, till it is changed', async () => {
    // Before: the select showed "Any" for kind="hotline", and the first key pressed in the search box read "Any"
    // from it, so the page's preset was dropped and the list widened.
    const noMatch = 'No services match. Try other choices or fewer words.';
    const el = await list({ kind: 'hotline', stage: '0-12m' });
    const kind = $(el, '[part=filters] [name=kind]') as HTMLSelectElement;
    // The select says what applies: the page's value as written, in quotes (not a choice of the feed's), last.
    expect(kind.value).to.equal('hotline');
    expect(textOf(kind.selectedOptions[0])).to.equal('\u201chotline\u201d');
    const kinds = ['', 'app', 'helpline', 'service', 'group', 'website', 'hotline'];
    expect([...kind.options].map((o) => o.value)).to.deep.equal(kinds);
    expect(directory(el)).to.deep.equal([]);
    expect(textOf($(el, '[part=empty]'))).to.equal(noMatch);
    ($(el, '[part=filters] [name=q]') as HTMLInputElement).focus();
    await sendKeys({ type: 'a' });
    await elementUpdated(el);
    expect(directory(el)).to.deep.equal([]);
    expect(textOf($(el, '[part=empty]'))).to.equal(noMatch);
    expect(kind.value).to.equal('hotline');
    expect(($(el, '[part=filters] [name=stage]') as HTMLSelectElement).value).to.equal('0-12m');
    // Leaving the search box (a change event) keeps it too.
    await sendKeys({ press: 'Tab' });
    await elementUpdated(el);
    expect(kind.value).to.equal('hotline');
    expect(directory(el)).to.deep.equal([]);
    // The reader's own choice of type replaces it (the stage preset and the word still apply), and the page's
    // value stays a choice the reader can go back to.
    kind.focus();
    // "hotline" (the page's) → Websites → Groups → Services → Helplines
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowUp' });
    await elementUpdated(el);
    expect(kind.value).to.equal('helpline');
    expect(directory(el)).to.deep.equal(['PANDAS Foundation helpline']);
    expect(kind.options[kind.options.length - 1].value).to.equal('hotline');
    await expect(el).to.be.accessible();
  });

  it("never shows a preset as one of the feed's choices: as written, in quotes, also by keyboard", async () => {
    // Before: a preset the vocabulary lacks was shown with a capital, as the feed's choices are, so kind="any" (meant
    // as no preset) read "Any" twice, and kind="helplines" (the codes are singular) "Helplines" twice, the second
    // finding nothing.
    const el = await list({ kind: 'any' });
    const kind = $(el, '[part=filters] [name=kind]') as HTMLSelectElement;
    const texts = [...kind.options].map(textOf);
    expect(texts).to.deep.equal(['Any', 'Apps', 'Helplines', 'Services', 'Groups', 'Websites', '\u201cany\u201d']);
    expect(new Set(texts).size).to.equal(texts.length);
    expect(kind.value).to.equal('any');
    expect(directory(el)).to.deep.equal([]);
    // By keyboard, from the page's value: the feed's choices, each once, up to "Any", which means any.
    kind.focus();
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      await sendKeys({ press: 'ArrowUp' });
      seen.push(textOf(kind.selectedOptions[0]));
    }
    expect(seen).to.deep.equal(['Websites', 'Groups', 'Services', 'Helplines', 'Apps', 'Any']);
    await elementUpdated(el);
    expect(kind.value).to.equal('');
    expect(directory(el)).to.deep.equal(directory(await list()));
    const helplines = $(await list({ kind: 'helplines' }), '[part=filters] [name=kind]') as HTMLSelectElement;
    expect(textOf(helplines.selectedOptions[0])).to.equal('\u201chelplines\u201d');
    await expect(el).to.be.accessible();
  });

  it('puts urgent help first, short, with a skip link past it to the search that works by keyboard', async () => {
    const el = await list();
    const urgent = $(el, '[part=urgent]')!;
    // Each urgent card leads with its call and skips the For / Stage / Cost rows.
    for (const card of urgent.querySelectorAll('[part=card]')) {
      const labels = [...card.querySelectorAll('dt')].map((d) => textOf(d));
      expect(labels).not.to.include.members(['For', 'Stage', 'Cost']);
    }
    const search = $(el, '[part=filters] input[name=q]')!;
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    const skip = el.shadowRoot!.activeElement as HTMLElement;
    expect(skip?.classList.contains('skip')).to.equal(true);
    expect(textOf(skip)).to.equal('Skip to search and all services');
    expect(skip.getBoundingClientRect().width).to.be.above(20); // visible when focused
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    expect(el.shadowRoot!.activeElement).to.equal(search);
    // The search comes before the directory's results.
    expect(search.compareDocumentPosition($(el, '[part=list]')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.above(0);
    before.remove();
  });

  it('fires imh-support-action from its cards', async () => {
    const el = await list();
    const call = $$(el, '[part=urgent] .lead a').find((a) => a.getAttribute('href') == 'tel:999')!;
    call.addEventListener('click', (e) => e.preventDefault());
    const action = oneEvent(el, 'imh-support-action');
    call.click();
    expect((await action).detail).to.deep.equal({ service: 'emergency-999', action: 'call' });
  });

  it('skips a broken service, reports it, and lists the rest', async () => {
    const data = await exampleFeed();
    data.services[12].urgency = 'soon';
    const el = document.createElement('imh-support-list');
    el.data = data;
    const loaded = oneEvent(el, 'imh-feed-load');
    (await fixture(html`<div></div>`)).append(el);
    const { detail } = await loaded;
    expect(detail.issues.map((i: { path: string; message: string }) => `${i.path}: ${i.message}`)).to.deep.equal([
      'services[12].urgency: "soon" is not an urgency; use routine, urgent or emergency',
      // and nothing about the timeline stage that named it: the list reads only the services and
      // what they name (SERVICE_PARTS); the timeline reports that link (it reads the whole feed)
    ]);
    await elementUpdated(el);
    expect(directory(el)).not.to.include('Healthy Child Wolves app');
    expect(directory(el).length).to.equal(10);
  });

  it('fits a 320 px column', async () => {
    const el = await list();
    el.parentElement!.style.width = '320px';
    await new Promise((r) => requestAnimationFrame(r));
    const right = el.parentElement!.getBoundingClientRect().right;
    for (const n of [el, ...$$(el, '*')])
      expect(n.getBoundingClientRect().right, `${n.tagName}.${n.className}`).to.be.at.most(right + 0.5);
  });
});
