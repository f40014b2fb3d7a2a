import { elementUpdated, expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/components/support-card/support-card.js';
import type { ImhSupportCard } from '../../src/components/support-card/support-card.component.js';
import { exampleFeed } from '../fixtures/example.js';
import { expectQuietConsole } from '../fixtures/quiet.js';
import { shown } from '../fixtures/shown.js';

const textOf = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const facts = (el: Element) =>
  Object.fromEntries($$(el, '.facts > div').map((d) => [textOf(d.querySelector('dt')), textOf(d.querySelector('dd'))]));
const actions = (el: Element) => $$(el, '.actions a').map((a) => [textOf(a), a.getAttribute('href')]);

async function card(service: string, attrs: Record<string, string> = {}, data?: unknown) {
  const el = document.createElement('imh-support-card');
  el.data = data ?? (await exampleFeed());
  el.service = service;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  (await fixture(html`<div style="max-width: 40rem"></div>`)).append(el);
  return shown(el);
}

describe('<imh-support-card>', () => {
  expectQuietConsole();
  afterEach(() => fixtureCleanup());

  it('renders a service from the feed with every field, and is accessible', async () => {
    const el = await card('health-visiting', { now: '2026-11-23T12:00' });
    expect(textOf($(el, '[part=heading]'))).to.equal('Non-urgent advice: Health Visiting (0-19 service)');
    expect(textOf($(el, '.summary'))).to.match(/^Health visitors support every family/);
    expect(facts(el)).to.deep.equal({
      For: 'parents, carers and parents-to-be',
      Stage: 'pregnancy, babies under 1 and children aged 1 to 2',
      'How to get it':
        'You can refer yourself. Every family is contacted after the birth. You can also call the duty line yourself.',
      'Opening hours': 'Open now, closes at 17:00',
      Languages: 'English, Punjabi, Urdu, Polish and Romanian',
      Cost: 'Free',
    });
    expect(actions(el)).to.deep.equal([['Call 01632 960555 (Duty health visitor)', 'tel:+441632960555']]);
    expect(textOf($(el, '.reviewed'))).to.equal('Information checked on 1 October 2026');
    await expect(el).to.be.accessible();
  });

  it('shows eligibility, who can refer, app links, email, website and a text number', async () => {
    const data = await exampleFeed();
    const camhs = data.services.find((s: { id: string }) => s.id == 'camhs-under-5s');
    Object.assign(camhs, {
      apps: { ios: 'https://apps.apple.com/app/x', android: 'https://play.google.com/store/apps/details?id=x' },
      contact: {
        ...camhs.contact,
        email: 'camhs@example.org',
        url: 'https://example.org/camhs',
        phones: [...camhs.contact.phones, { number: '85258', kind: 'text' }],
      },
    });
    const el = await card('camhs-under-5s', { now: '2026-11-23T19:00' }, data);
    expect(facts(el)['Who can use it']).to.match(/^Children under five registered with a Wolverhampton GP/);
    expect(facts(el)['How to get it']).to.match(
      /^Ask your GP, health visitor, midwife, social worker or Family Hub worker to refer you\. A professional/,
    );
    expect(facts(el)['Opening hours']).to.equal('Closed now, opens tomorrow at 09:00');
    expect(actions(el)).to.deep.equal([
      ['Call 01632 960420 (Advice line for professionals)', 'tel:+441632960420'],
      ['Text 85258', 'sms:85258'],
      ['Email camhs@example.org', 'mailto:camhs@example.org'],
      ['Website: CAMHS Under 5s Service', 'https://example.org/camhs'],
      ['Download on the App Store', 'https://apps.apple.com/app/x'],
      ['Get it on Google Play', 'https://play.google.com/store/apps/details?id=x'],
    ]);
  });

  it("fits the page's outline: under a sidebar's h2 its name is an h3; heading-level wins", async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div><h1>Family Hubs</h1><aside><h2>Need help now?</h2></aside></div>`,
    );
    const data = await exampleFeed();
    const add = async (attrs: Record<string, string> = {}) => {
      const el = document.createElement('imh-support-card');
      el.data = data;
      el.service = 'samaritans';
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      wrap.querySelector('aside')!.append(el);
      await waitUntil(() => $(el, '[part=heading]'), 'no card');
      return $(el, '[part=heading]')!.tagName;
    };
    expect(await add()).to.equal('H3');
    expect(await add({ 'heading-level': '2' })).to.equal('H2');
    wrap.remove();
    const solo = await card('samaritans');
    expect($(solo, '[part=heading]')!.tagName).to.equal('H2'); // nothing before it
  });

  it('leaves out what the feed does not give', async () => {
    const el = await card('x', {}, { version: 1, services: [{ id: 'x', name: 'A service' }] });
    expect(textOf($(el, '[part=heading]'))).to.equal('Non-urgent advice: A service');
    expect(facts(el)).to.deep.equal({});
    expect(actions(el)).to.deep.equal([]);
    expect($(el, '.reviewed')).to.equal(null);
    expect($(el, '.summary')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  describe('urgency, never by colour alone', () => {
    it('routine: a hidden "Non-urgent advice:" prefix and no badge', async () => {
      const el = await card('gp');
      expect(textOf($(el, '[part=heading] .visually-hidden'))).to.equal('Non-urgent advice:');
      expect($(el, '[part=badge]')).to.equal(null);
    });

    it('urgent: a hidden "Urgent advice:" prefix, a visible "Urgent" label and a different band', async () => {
      const el = await card('nhs-111');
      const routine = await card('gp');
      expect(textOf($(el, '[part=heading] .visually-hidden'))).to.equal('Urgent advice:');
      expect(textOf($(el, '[part=badge]'))).to.equal('Urgent');
      expect(getComputedStyle($(el, '.band')!).backgroundColor).not.to.equal(
        getComputedStyle($(routine, '.band')!).backgroundColor,
      );
      await expect(el).to.be.accessible();
    });

    it('emergency: says to call 999 now', async () => {
      const el = await card('emergency-999');
      expect(textOf($(el, '[part=heading] .visually-hidden'))).to.equal('Immediate action required:');
      expect(textOf($(el, '[part=badge]'))).to.equal('Emergency');
      // The call leads, as one large action, before any detail (NHS care cards): not a small link at the foot.
      const call = $(el, '.body > .lead a')!;
      expect([textOf(call), call.getAttribute('href')]).to.deep.equal(['Call 999 now', 'tel:999']);
      expect($(el, '.body')!.firstElementChild!.contains(call)).to.equal(true);
      expect(call.compareDocumentPosition($(el, '.facts')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.above(0);
      const size = (n: Element) => parseFloat(getComputedStyle(n).fontSize);
      expect(size(call)).to.be.at.least(size($(el, '.body')!) * 1.3);
      expect(call.getBoundingClientRect().height).to.be.at.least(48);
      expect(actions(el)).to.deep.equal([]); // not twice
      expect(facts(el)['Opening hours']).to.equal('Open 24 hours, every day');
      await expect(el).to.be.accessible();
    });

    it('urgent: leads with its call, with the other ways to reach it right after the summary', async () => {
      const el = await card('nhs-111');
      const call = $(el, '.body > .lead a')!;
      expect([textOf(call), call.getAttribute('href')]).to.deep.equal(['Call 111', 'tel:111']);
      expect(actions(el)).to.deep.equal([
        ['Textphone (relay) 18001 111', 'tel:18001111'],
        ['Website: NHS 111', 'https://111.nhs.uk/'],
      ]);
      const list = $(el, '.actions')!;
      expect(list.compareDocumentPosition($(el, '.facts')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.above(0);
    });

    it('keeps urgency visible in forced-colours mode (where the browser can emulate it)', async () => {
      const urgent = await card('nhs-111');
      const routine = await card('gp');
      if (!(await executeServerCommand('imh-emulate-media', { features: { 'forced-colors': 'active' } }))) return;
      try {
        const band = (el: Element) => getComputedStyle($(el, '.band')!).borderBottomWidth;
        expect(band(urgent)).to.equal('8px');
        expect(band(routine)).to.equal('4px');
        expect(textOf($(urgent, '[part=badge]'))).to.equal('Urgent');
      } finally {
        await executeServerCommand('imh-emulate-media', {});
      }
    });
  });

  describe("opening hours in the feed's time zone (the browser is in Auckland)", () => {
    const line = async (now: string) => facts(await card('health-visiting', { now }))['Opening hours'];
    it('open, closing, opening later today, tomorrow and after the weekend', async () => {
      expect(await line('2026-11-23T16:59')).to.equal('Open now, closes at 17:00');
      expect(await line('2026-11-23T08:00')).to.equal('Closed now, opens at 09:00');
      expect(await line('2026-11-23T17:00')).to.equal('Closed now, opens tomorrow at 09:00');
      expect(await line('2026-11-27T18:00')).to.equal(
        `Closed now, opens ${new Intl.DateTimeFormat('en-GB', { weekday: 'long' }).format(new Date(2026, 10, 30))}` +
          ' at 09:00',
      );
    });

    it('around midnight, and on both sides of the clock changes', async () => {
      const data = await exampleFeed();
      const pandas = 'pandas-helpline'; // 11:00 to 22:00 every day
      expect(facts(await card(pandas, { now: '2026-11-23T21:59' }, data))['Opening hours']).to.equal(
        'Open now, closes at 22:00',
      );
      expect(facts(await card(pandas, { now: '2026-11-24T00:00' }, data))['Opening hours']).to.equal(
        'Closed now, opens at 11:00',
      );
      data.services.find((s: { id: string }) => s.id == pandas).hours[0].closes = '24:00';
      expect(facts(await card(pandas, { now: '2026-11-23T23:30' }, data))['Opening hours']).to.equal(
        'Open now, closes at midnight',
      );
      // 09:00 London on the Monday after each change, given as absolute instants
      expect(await line('2026-10-26T09:00:00Z')).to.equal('Open now, closes at 17:00'); // GMT
      expect(await line('2026-03-30T08:00:00Z')).to.equal('Open now, closes at 17:00'); // BST
      expect(await line('2026-03-30T07:59:00Z')).to.equal('Closed now, opens at 09:00');
    });

    it('a night line open past midnight (22:00 to 02:00) is shown, with its number and its open state', async () => {
      const data = await exampleFeed();
      const night = data.services.find((s: { id: string }) => s.id == 'pandas-helpline');
      night.hours = [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opens: '22:00', closes: '02:00' }];
      const el = await card('pandas-helpline', { now: '2026-11-23T23:30' }, data);
      // Before: "Open now, closes Tuesday at 02:00", late on Monday.
      expect(facts(el)['Opening hours']).to.equal('Open now, closes tomorrow at 02:00');
      expect(actions(el)).to.deep.include(['Call 0808 196 1776', 'tel:+448081961776']);
      const at = async (now: string) => facts(await card('pandas-helpline', { now }, data))['Opening hours'];
      expect(await at('2026-11-24T01:30')).to.equal('Open now, closes at 02:00');
      expect(await at('2026-11-24T03:00')).to.equal('Closed now, opens at 22:00');
      // In the card's language: Urdu's "tomorrow" (کل), and no weekday.
      const urdu = await card('pandas-helpline', { now: '2026-11-23T23:30', lang: 'ur' }, data);
      await waitUntil(() => textOf($(urdu, '.open')).startsWith('ابھی کھلا ہے'), 'not in Urdu');
      expect(textOf($(urdu, '.open')))
        .to.contain('، کل ')
        .and.not.contain('منگل');
      // Open through Tuesday, closing in the small hours of Wednesday: the weekday.
      night.hours = [
        { byDay: ['MO'], opens: '22:00', closes: '24:00' },
        { byDay: ['TU'], opens: '00:00', closes: '24:00' },
        { byDay: ['WE'], opens: '00:00', closes: '02:00' },
      ];
      const wednesday = new Intl.DateTimeFormat('en-GB', { weekday: 'long' }).format(new Date(2026, 10, 25));
      expect(await at('2026-11-23T23:30')).to.equal(`Open now, closes ${wednesday} at 02:00`);
      expect(await at('2026-11-24T23:30')).to.equal('Open now, closes tomorrow at 02:00');
    });

    it('keeps the note on the hours when the hours themselves are ignored, or not given', async () => {
      const data = await exampleFeed();
      const service = data.services.find((s: { id: string }) => s.id == 'pandas-helpline');
      service.hoursNote = 'Closed on bank holidays';
      expect(facts(await card('pandas-helpline', { now: '2026-11-23T12:00' }, data))['Opening hours']).to.equal(
        'Open now, closes at 22:00 · Closed on bank holidays',
      );
      // Hours that cannot be right (closing as they open) are ignored with a warning; the note stays.
      service.hours = [{ byDay: ['MO'], opens: '10:00', closes: '10:00' }];
      const el = await card('pandas-helpline', { now: '2026-11-23T12:00' }, data);
      expect(facts(el)['Opening hours']).to.equal('Closed on bank holidays');
      delete service.hours;
      expect(facts(await card('pandas-helpline', { now: '2026-11-23T12:00' }, data))['Opening hours']).to.equal(
        'Closed on bank holidays',
      );
    });
  });

  it('joins the hours and their note with " · " only where the note has text to show, in any language', async () => {
    // A note with no text for the card's language: the feed's other translation shows (and is marked), or,
    // where it has none that is not blank, no note at all: never "Open now, closes at 22:00 · " nor a lone " · ".
    const hours = async (note: unknown, attrs: Record<string, string> = {}) => {
      const data = await exampleFeed();
      const service = data.services.find((s: { id: string }) => s.id == 'pandas-helpline');
      service.hoursNote = note;
      const el = await card('pandas-helpline', { now: '2026-11-23T12:00', ...attrs }, data);
      return facts(el)[attrs.lang == 'cy' ? 'Oriau agor Opening hours' : 'Opening hours'];
    };
    expect(await hours({ cy: 'Ar gau ar wyliau banc' })).to.equal('Open now, closes at 22:00 · Ar gau ar wyliau banc');
    for (const note of ['', ' ', '\u200b', {}, { en: '' }, { en: ' ', cy: '' }]) {
      expect(await hours(note), JSON.stringify(note)).to.equal('Open now, closes at 22:00');
    }
    expect(await hours({ en: '', cy: 'Ar gau' })).to.equal('Open now, closes at 22:00 · Ar gau');
    // On a card in two languages, the note the feed has in one of them, once, after the hours in both.
    expect(await hours({ en: '', cy: 'Ar gau' }, { lang: 'cy', bilingual: 'en' })).to.equal(
      'Ar agor nawr, yn cau am 22:00 Open now, closes at 22:00 · Ar gau',
    );
  });

  it('fires imh-support-action when a contact action is used', async () => {
    const el = await card('nhs-111');
    const link = $$(el, '.actions a').find((a) => a.getAttribute('href') == 'https://111.nhs.uk/')!;
    link.addEventListener('click', (e) => e.preventDefault());
    const action = oneEvent(el, 'imh-support-action');
    link.click();
    expect((await action).detail).to.deep.equal({ service: 'nhs-111', action: 'website' });
  });

  describe("an editor's own card, without a feed", () => {
    it('uses its attributes and its own text, and loads no feed', async () => {
      const meta = Object.assign(document.createElement('meta'), {
        name: 'imh-feed',
        content: 'https://feeds.example.org/never.json',
      });
      document.head.append(meta);
      const fetched: string[] = [];
      const original = window.fetch;
      window.fetch = (async (u: string) => (fetched.push(String(u)), new Response('{}'))) as typeof fetch;
      try {
        const el =
          await fixture<ImhSupportCard>(html`<imh-support-card name="Family Hubs" phone="01632960214" link="https://example.org/hubs" urgency="routine"
          >Drop in to any <strong>Family Hub</strong>.</imh-support-card
        >`);
        expect(textOf($(el, '[part=heading]'))).to.equal('Non-urgent advice: Family Hubs');
        const slot = $(el, 'slot') as unknown as HTMLSlotElement;
        expect(
          slot
            .assignedNodes()
            .map((n) => n.textContent)
            .join(''),
        ).to.equal('Drop in to any Family Hub.');
        expect(actions(el)).to.deep.equal([
          ['Call 01632 960214', 'tel:+441632960214'],
          ['Website: Family Hubs', 'https://example.org/hubs'],
        ]);
        expect(fetched).to.deep.equal([]);
        await expect(el).to.be.accessible();
      } finally {
        window.fetch = original;
        meta.remove();
      }
    });

    it('refuses an unsafe link', async () => {
      const el = await fixture<ImhSupportCard>(
        html`<imh-support-card name="X" link="javascript:alert(1)">Text</imh-support-card>`,
      );
      expect(actions(el)).to.deep.equal([]);
      expect(el.shadowRoot!.innerHTML).not.to.contain('javascript:');
    });

    it('reads urgency as HTML reads enumerated attributes: in any case, an unknown value as routine', async () => {
      // Before, any value but "routine" or "urgent" (a typo, "Urgent", an empty value) showed "Emergency".
      const cardWith = (urgency: string) =>
        fixture<ImhSupportCard>(html`<imh-support-card name="Maternity triage" phone="01632 960100" urgency=${urgency}
          >Text</imh-support-card
        >`);
      const urgent = await cardWith('Urgent');
      expect(textOf($(urgent, '[part=heading] .visually-hidden'))).to.equal('Urgent advice:');
      expect(textOf($(urgent, '[part=badge]'))).to.equal('Urgent');
      const emergency = await cardWith('EMERGENCY');
      expect(textOf($(emergency, '[part=badge]'))).to.equal('Emergency');
      for (const unknown of ['urgnet', '', 'high']) {
        const el = await cardWith(unknown);
        expect(textOf($(el, '[part=heading] .visually-hidden')), unknown).to.equal('Non-urgent advice:');
        expect(!!$(el, '[part=badge]'), unknown).to.equal(false);
        expect(textOf(el.shadowRoot!.querySelector('.card')), unknown).not.to.contain('Emergency');
        expect($(el, '.card')!.className, unknown).to.contain('routine');
      }
    });

    it('makes no call link of a phone attribute with no number in it', async () => {
      const el = await fixture<ImhSupportCard>(
        html`<imh-support-card name="Family Hubs" phone="call us" link="https://example.org/hubs">Text</imh-support-card>`,
      );
      expect(actions(el)).to.deep.equal([['Website: Family Hubs', 'https://example.org/hubs']]);
      expect(el.shadowRoot!.querySelector('a[href^="tel:"]') == null).to.equal(true);
    });
  });

  it('shows visitors the fallback, not an editor message, for an unknown service; tells the editor', async () => {
    const data = await exampleFeed();
    data.services[1].contact.url = 'javascript:alert(1)'; // nhs-111 is skipped: unsafe link
    const el = document.createElement('imh-support-card');
    el.data = data;
    el.service = 'nhs-111';
    el.innerHTML = '<a href="https://111.nhs.uk">NHS 111</a>';
    const loaded = oneEvent(el, 'imh-feed-load');
    const error = oneEvent(el, 'imh-feed-error');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      (await fixture(html`<div></div>`)).append(el);
      const [load, err] = await Promise.all([loaded, error]);
      expect(load.detail.issues.map((i: { path: string }) => i.path)).to.deep.equal(['services[1].contact.url']);
      const reason =
        'The feed has no service with the id "nhs-111". ' +
        "Check the service attribute against the ids in the feed's services.";
      expect(err.detail.error.message).to.equal(reason);
      await elementUpdated(el);
      expect(warnings).to.deep.equal([`<imh-support-card>: ${reason}`]);
    } finally {
      console.warn = warn;
    }
    // Visitors: the page's own link, and no sentence meant for the editor.
    const fallback = $(el, '[part=fallback]')!;
    expect(fallback.hidden).to.equal(false);
    expect(el.querySelector('a')!.getBoundingClientRect().width).to.be.above(0);
    expect(textOf(el.shadowRoot!.querySelector('.root'))).to.equal('');
    expect(el.shadowRoot!.innerHTML).not.to.contain('javascript:');
    await expect(el).to.be.accessible();
  });

  describe("the README's editor card", () => {
    /** The snippet under <!-- readme:editor-card --> in README.md. */
    const snippet = async () => {
      const readme = await (await fetch(new URL('../../README.md', import.meta.url))).text();
      const start = readme.indexOf('<!-- readme:editor-card -->');
      return /```html\n([\s\S]*?)```/.exec(readme.slice(start))![1];
    };

    it('shows its words, number and link as plain content before the script defines it, then upgrades', async () => {
      // The snippet as pasted, in a page of its own (a frame) where imh-support-card is not defined
      // yet: what a visitor sees while the script loads, or when JavaScript fails.
      const frame = document.createElement('iframe');
      frame.style.width = '400px';
      frame.srcdoc = `<!doctype html><html lang="en-GB"><body>${await snippet()}</body></html>`;
      const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(frame);
      await loaded;
      const win = frame.contentWindow!;
      const doc = frame.contentDocument!;
      const el = doc.querySelector('imh-support-card')!;
      expect(win.customElements.get('imh-support-card')).to.equal(undefined);
      const text = doc.body.innerText.replace(/\s+/g, ' ');
      expect(text).to.contain('Family Hubs: call 01632 960214');
      expect(text).to.contain('Drop in to any Family Hub');
      const call = el.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!;
      expect(call.getAttribute('href')).to.equal('tel:+441632960214');
      expect(call.getBoundingClientRect().width).to.be.above(0);
      // The script arrives (the built script-tag file): the same element upgrades to the card.
      const script = doc.createElement('script');
      script.type = 'module';
      script.src = `${location.origin}/dist/imh-widgets.js`;
      doc.head.append(script);
      await waitUntil(() => el.shadowRoot?.querySelector('.actions a'), 'the card did not upgrade', {
        timeout: 10_000,
      });
      expect(actions(el)[0]).to.deep.equal(['Call 01632 960214', 'tel:+441632960214']);
      frame.remove();
    });

    it('shows the number once when the script runs (the written-out fallback is hidden)', async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
      wrap.innerHTML = await snippet();
      const el = wrap.querySelector<ImhSupportCard>('imh-support-card')!;
      await elementUpdated(el);
      expect(actions(el)).to.deep.equal([
        ['Call 01632 960214', 'tel:+441632960214'],
        ['Website: Family Hubs', 'https://your-site.example/family-hubs'],
      ]);
      expect(el.querySelector<HTMLElement>('[slot=fallback]')!.getBoundingClientRect().height).to.equal(0);
      expect(wrap.innerText).to.contain('Drop in to any Family Hub');
      // The page's own copy of the number is not shown a second time (only the card's Call action is).
      expect(wrap.innerText).not.to.contain('01632 960214');
      await expect(el).to.be.accessible();
    });
  });

  describe('layout', () => {
    it('fits a 320 px column', async () => {
      const el = await card('camhs-under-5s');
      el.parentElement!.style.width = '320px';
      await new Promise((r) => requestAnimationFrame(r));
      const right = el.parentElement!.getBoundingClientRect().right;
      for (const n of [el, ...$$(el, '*')])
        expect(n.getBoundingClientRect().right, n.tagName).to.be.at.most(right + 0.5);
    });

    it('never splits a phone number across two lines, however narrow the column', async () => {
      // Welsh with English: "Ffoniwch 01632 960555 / Call 01632 960555" wrapped after "Call 01632".
      const el = await card('health-visiting', { lang: 'cy', bilingual: 'en' });
      await waitUntil(() => textOf($(el, '.actions a[href^="tel:"]')).includes('Call'), 'not in both languages');
      for (const width of [320, 250, 200]) {
        el.parentElement!.style.width = `${width}px`;
        await new Promise((r) => requestAnimationFrame(r));
        for (const link of $$(el, 'a[href^="tel:"]')) {
          const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const number = /\d[\d\s]*\d/u.exec(n.textContent!);
            if (!number) continue;
            const range = document.createRange();
            range.setStart(n, number.index);
            range.setEnd(n, number.index + number[0].length);
            const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            expect(lines.size, `${number[0]} at ${width} px`).to.equal(1);
          }
        }
      }
    });

    it('compact: one column of facts', async () => {
      const el = await card('health-visiting', { layout: 'compact' });
      expect(getComputedStyle($(el, '.facts')!).gridTemplateColumns.split(' ').length).to.equal(1);
    });

    it('right to left in an Arabic or Urdu page', async () => {
      const el = await card('nhs-111');
      el.setAttribute('lang', 'ar');
      await waitUntil(() => $(el, '.root')?.getAttribute('dir') == 'rtl', 'direction did not follow the language');
      const band = $(el, '.band')!;
      const badge = $(el, '[part=badge]')!;
      expect(badge.getBoundingClientRect().left).to.be.lessThan(
        band.getBoundingClientRect().left + band.getBoundingClientRect().width / 2,
      );
    });
  });
});
