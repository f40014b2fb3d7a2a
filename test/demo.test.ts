import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { minimalFeed, place, session } from './fixtures/feeds.js';

/** The demo page (index.html) in a frame, as an editor opens it. */
async function openDemo(width = 760) {
  const frame = document.createElement('iframe');
  frame.style.width = `${width}px`;
  frame.style.height = '560px';
  frame.src = '/index.html';
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  const $ = <T extends HTMLElement>(sel: string) => doc.querySelector<T>(sel)!;
  /** A real click in the middle of `target`, scrolled into view first. */
  const click = async (target: Element) => {
    target.scrollIntoView({ block: 'center' });
    const f = frame.getBoundingClientRect();
    const r = target.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(f.left + r.left + r.width / 2), Math.round(f.top + r.top + r.height / 2)],
    });
  };
  /** Clicks into a text field, clears it and types `text` with real key presses. */
  const type = async (field: HTMLInputElement | HTMLTextAreaElement, text: string) => {
    await click(field);
    field.select();
    await sendKeys({ press: 'Backspace' });
    // WebKit's WebDriver drops a key typed twice in a row ("feeds" arrives as "feds"): type runs without repeats.
    // It also drops spaces typed within a string: each space is typed on its own.
    for (const [i, word] of text.split(' ').entries()) {
      if (i) await sendKeys({ type: ' ' });
      for (const run of word.split(/(?<=(.))(?=\1)/).filter((_, j) => j % 2 == 0))
        if (run) await sendKeys({ type: run });
    }
  };
  return { frame, doc, $, click, type, window: frame.contentWindow as Window & typeof globalThis };
}

/** Every element under `root`, inside shadow roots too. */
const deep = (root: Element | ShadowRoot): Element[] =>
  [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);

/** Runs axe in the demo's frame on `root`; resolves to its violations, each as "rule: target". */
async function axeIn(frame: HTMLIFrameElement, root: Element): Promise<string[]> {
  const win = frame.contentWindow as Window & { axe?: { run: (el: Element) => Promise<AxeResults> } };
  type AxeResults = { violations: { id: string; nodes: { target: string[] }[] }[] };
  if (!win.axe) {
    const script = frame.contentDocument!.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const ready = new Promise((r) => script.addEventListener('load', r, { once: true }));
    frame.contentDocument!.head.append(script);
    await ready;
  }
  const { violations } = await win.axe!.run(root);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

const PUBLIC_FEED = 'https://feeds.example.org/family-hubs/feed.json';

/** The demo with the example feed also served at a public-looking address (the one network seam, fetch). */
async function openBuilder(width?: number) {
  const demo = await openDemo(width);
  const { window, $ } = demo;
  const original = window.fetch;
  window.fetch = (input, init) =>
    original.call(window, String(input) == PUBLIC_FEED ? '/example-feed.json' : input, init);
  await waitUntil(() => /example feed \(16 services/.test($('#builder-feed-status').textContent!), 'no feed', {
    timeout: 10_000,
  });
  const code = () => $<HTMLTextAreaElement>('#builder-snippet').value;
  const choose = (sel: string, value: string) => {
    const input = $<HTMLSelectElement | HTMLInputElement>(sel);
    input.value = value;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };
  return { ...demo, code, choose };
}

describe('demo page: embed builder', function () {
  this.timeout(60_000);

  it('previews the chosen element live and writes the code to paste', async () => {
    const { frame, $, type, code, choose, window } = await openBuilder();
    await type($<HTMLInputElement>('#builder-feed'), PUBLIC_FEED);
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => /^Feed loaded: 16 services/.test($('#builder-feed-status').textContent!), 'not loaded', {
      timeout: 10_000,
    });
    choose('#builder-element', 'imh-support-card');
    choose('#builder-opt-service', 'camhs-under-5s');
    choose('#builder-lang', 'cy');
    choose('#builder-theme', 'govuk');
    const card = $('#builder-preview imh-support-card');
    expect(card.getAttribute('feed')).to.equal(PUBLIC_FEED);
    expect(card.getAttribute('service')).to.equal('camhs-under-5s');
    expect(card.getAttribute('lang')).to.equal('cy');
    expect(card.getAttribute('theme')).to.equal('govuk');
    await waitUntil(() => card.shadowRoot?.querySelector('[part~=heading]'), 'the preview did not render', {
      timeout: 10_000,
    });
    expect(code()).to.contain(`<meta name="imh-feed" content="${PUBLIC_FEED}">`);
    expect(code()).to.contain('<imh-support-card service="camhs-under-5s" lang="cy" theme="govuk">');
    expect(code()).to.contain('</imh-support-card>');

    choose('#builder-element', 'imh-session-list');
    expect(code()).to.contain('<imh-session-list filters limit="5" days="28" lang="cy" theme="govuk">');
    expect($('#builder-preview imh-session-list').hasAttribute('filters')).to.equal(true);

    // A feed that cannot be loaded gets an answer an editor can act on.
    const missing = 'https://feeds.example.org/no-such-feed.json';
    const original = window.fetch;
    window.fetch = (input, init) =>
      String(input) == missing ? Promise.resolve(new Response('', { status: 404 })) : original(input, init);
    await type($<HTMLInputElement>('#builder-feed'), missing);
    await sendKeys({ press: 'Tab' });
    await waitUntil(
      () => /could not be used: .*404/.test($('#builder-feed-status').textContent!),
      'no message for a missing feed',
      { timeout: 10_000 },
    );
    frame.remove();
  });

  it('never points the code at this computer: clear placeholders until the editor types their addresses', async () => {
    const { frame, $, type, code } = await openBuilder();
    const local = [location.host, 'localhost', '127.0.0.1'];
    const todo = () => $('#builder-todo').textContent!.replace(/\s+/g, ' ');
    expect(code()).to.contain('<script type="module" src="https://your-site.example/imh-widgets/imh-widgets.js">');
    expect(code()).to.contain('<meta name="imh-feed" content="https://your-site.example/family-hubs/feed.json">');
    for (const l of local) expect(code()).not.to.contain(l);
    expect(todo()).to.contain('Replace https://your-site.example/imh-widgets/imh-widgets.js with the address');
    expect(todo()).to.contain('Replace https://your-site.example/family-hubs/feed.json with your feed’s address');

    // An address on this computer is refused with a sentence; the code keeps its placeholder.
    const feed = $<HTMLInputElement>('#builder-feed');
    await type(feed, 'http://localhost:5173/example-feed.json');
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => feed.getAttribute('aria-invalid') == 'true', 'a local address was not refused');
    expect($('#builder-feed-error').textContent).to.contain('localhost:5173 is on this computer');
    expect(feed.getAttribute('aria-describedby')).to.contain('builder-feed-error');
    for (const l of local) expect(code()).not.to.contain(l);
    expect(code()).to.contain('content="https://your-site.example/family-hubs/feed.json"');

    // The editor's own addresses replace the placeholders, and nothing is left to do.
    await type(feed, PUBLIC_FEED);
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => /^Feed loaded/.test($('#builder-feed-status').textContent!), 'not loaded', {
      timeout: 10_000,
    });
    expect(feed.hasAttribute('aria-invalid')).to.equal(false);
    await type($<HTMLInputElement>('#builder-script'), 'https://www.anytown.gov.uk/imh-widgets/imh-widgets.js');
    await sendKeys({ press: 'Tab' });
    expect(code()).to.contain('<script type="module" src="https://www.anytown.gov.uk/imh-widgets/imh-widgets.js">');
    expect(code()).to.contain(`<meta name="imh-feed" content="${PUBLIC_FEED}">`);
    expect(code()).not.to.contain('your-site.example');
    expect(code()).not.to.contain('Replace');
    expect(todo()).to.equal('The code is ready to paste.');
    frame.remove();
  });

  it('writes fallback content: the editor’s link or the service’s own details, never a placeholder', async () => {
    const { frame, $, type, code, choose } = await openBuilder();
    // A card: the service's own name and phone number, from the feed.
    choose('#builder-opt-service', 'health-visiting');
    expect(code()).to.match(
      /<imh-support-card service="health-visiting">\n {2}<p><strong>Health Visiting \(0-19 service\)<\/strong>: call <a href="tel:\+441632960555">01632 960555<\/a><\/p>\n<\/imh-support-card>/,
    );
    expect(code()).not.to.match(/<a href="https:\/\/your-site\.example/);
    // A list: nothing until the editor gives a link, and the code says to add one.
    choose('#builder-element', 'imh-session-list');
    expect(code()).to.match(/<imh-session-list [^>]*>\n<\/imh-session-list>/);
    expect($('#builder-todo').textContent).to.contain('Add fallback content');
    await type($<HTMLInputElement>('#builder-fallback-url'), 'https://www.anytown.gov.uk/family-hubs/whats-on');
    await type($<HTMLInputElement>('#builder-fallback-text'), 'What’s on at our Family Hubs');
    expect(code()).to.contain(
      '\n  <p><a href="https://www.anytown.gov.uk/family-hubs/whats-on">What’s on at our Family Hubs</a></p>\n',
    );
    expect($('#builder-preview imh-session-list > p > a').getAttribute('href')).to.equal(
      'https://www.anytown.gov.uk/family-hubs/whats-on',
    );
    expect($('#builder-todo').textContent).not.to.contain('Add fallback content');
    frame.remove();
  });

  it('names services, places, types of session and stages in its menus, never by raw id', async () => {
    const { frame, doc, $, choose } = await openBuilder();
    const texts = (sel: string) => [...doc.querySelectorAll<HTMLOptionElement>(`${sel} option`)].map((o) => o.text);
    expect(texts('#builder-opt-service')).to.include('Parental and Infant Wellbeing Team');
    expect(texts('#builder-opt-service')).not.to.include('pi-wellbeing-team');
    const rawIds: string[] = [];
    for (const tag of ['imh-session-list', 'imh-support-card', 'imh-support-list', 'imh-first-1001-days-timeline']) {
      choose('#builder-element', tag);
      for (const option of doc.querySelectorAll<HTMLOptionElement>('#builder option')) {
        if (/[a-z]/.test(option.value) && (option.text == option.value || /^[a-z0-9]+(-[a-z0-9]+)+$/.test(option.text)))
          rawIds.push(`${tag}: ${option.text}`);
      }
      if (tag == 'imh-session-list') {
        expect(texts('#builder-opt-place')).to.include('Bob Jones Community Hub');
        expect(texts('#builder-opt-category')).to.include('Parenting course (2 sessions)');
      }
      if (tag == 'imh-support-list') expect(texts('#builder-opt-stage')).to.include('Pregnancy');
    }
    expect(rawIds).to.deep.equal([]);
    expect(texts('#builder-element')).to.include('One support service');
    expect($('#builder-element-tag').textContent).to.equal('<imh-first-1001-days-timeline>');
    frame.remove();
  });

  it('refuses limit="0" and other values an element cannot use, with a sentence (real typing)', async () => {
    const { frame, $, type, code, choose } = await openBuilder();
    choose('#builder-element', 'imh-session-list');
    const limit = $<HTMLInputElement>('#builder-opt-limit');
    const refused = async (input: HTMLInputElement, typed: string, attribute: string) => {
      await type(input, typed);
      expect(input.getAttribute('aria-invalid'), `${attribute}="${typed}"`).to.equal('true');
      const error = $(`#${input.id}-error`);
      expect(input.getAttribute('aria-describedby')).to.contain(error.id);
      expect(code()).not.to.contain(` ${attribute}=`);
      expect($('#builder-preview > *').hasAttribute(attribute)).to.equal(false);
      return error.textContent!;
    };
    expect(await refused(limit, '0', 'limit')).to.equal(
      'Sessions to show at first: “0” is not allowed; give a whole number from 1 to 50. ' +
        'The code leaves “limit” out until then, so the element shows its default, 10.',
    );
    for (const bad of ['-3', '2.5', '51']) await refused(limit, bad, 'limit');
    await type(limit, '12');
    expect(limit.hasAttribute('aria-invalid')).to.equal(false);
    expect($('#builder-opt-limit-error')).to.equal(null);
    expect(code()).to.contain(' limit="12"');
    expect(await refused($<HTMLInputElement>('#builder-opt-days'), '0', 'days')).to.contain('from 1 to 365');
    expect(await axeIn(frame, $('#builder'))).to.deep.equal([]);

    choose('#builder-element', 'imh-first-1001-days-timeline');
    const birth = $<HTMLInputElement>('#builder-opt-birth-date');
    const nextYear = `${new Date().getFullYear() + 1}-06-01`;
    choose('#builder-opt-birth-date', nextYear);
    expect(birth.getAttribute('aria-invalid')).to.equal('true');
    expect($('#builder-opt-birth-date-error').textContent).to.contain('A date of birth cannot be in the future');
    expect(code()).not.to.contain('birth-date=');
    choose('#builder-opt-birth-date', '2026-01-15');
    expect(code()).to.contain(' birth-date="2026-01-15"');
    frame.remove();
  });

  for (const width of [1280, 320]) {
    it(`cuts nothing off at ${width} px, and is accessible`, async () => {
      const { frame, doc, $, choose } = await openBuilder(width);
      const section = $('section:has(#builder)');
      const box = section.getBoundingClientRect();
      const wraps = CSS.supports('appearance', 'base-select');
      const problems: string[] = [];
      const measure = document.createElement('canvas').getContext('2d')!;
      for (const tag of ['imh-session-list', 'imh-support-card', 'imh-support-list', 'imh-first-1001-days-timeline']) {
        choose('#builder-element', tag);
        if (tag == 'imh-support-card') choose('#builder-opt-service', 'perinatal-mental-health');
        for (const control of doc.querySelectorAll<HTMLElement>(
          '#builder :is(input, select, label, legend), #builder-snippet, #builder-todo',
        )) {
          const r = control.getBoundingClientRect();
          if (r.left < box.left - 0.5 || r.right > box.right + 0.5)
            problems.push(`${tag}: ${control.id || control.textContent} sticks out`);
          if (control.tagName == 'SELECT' && (width > 400 || wraps)) {
            // The chosen name fits in the menu's box (on one line, or wrapped where the browser lets a menu wrap).
            const style = getComputedStyle(control);
            measure.font = style.font;
            const name = (control as HTMLSelectElement).selectedOptions[0]?.text ?? '';
            // A native menu shows one line; one the browser lets wrap shows as many as its height holds.
            const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
            const inner =
              control.clientHeight - parseFloat(style.paddingBlockStart) - parseFloat(style.paddingBlockEnd);
            const lines = wraps ? Math.max(1, Math.round(inner / line)) : 1;
            const room =
              (control.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd) - 16) *
              lines;
            if (measure.measureText(name).width > room) problems.push(`${tag}: "${name}" is cut off`);
          }
        }
        const snippet = $<HTMLTextAreaElement>('#builder-snippet');
        if (snippet.scrollHeight > snippet.clientHeight + 1) problems.push(`${tag}: the code is partly hidden`);
        if (doc.documentElement.scrollWidth > doc.documentElement.clientWidth)
          problems.push(
            `${tag}: the page scrolls sideways, ${doc.documentElement.scrollWidth} px (${deep(doc.body)
              .filter((e) => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0)
              .map((e) => `${e.tagName}#${e.id}.${e.className} ${e.scrollWidth}>${e.clientWidth}`)
              .join(', ')})`,
          );
      }
      expect(problems).to.deep.equal([]);
      expect(await axeIn(frame, section)).to.deep.equal([]);
      frame.remove();
    });
  }
});

describe('demo page: feed checker', function () {
  this.timeout(40_000);
  const reportHeading = (doc: Document) => doc.querySelector('#report h3')?.textContent ?? '';

  it('checks the example feed twice in a row, reading it afresh each time', async () => {
    const { frame, doc, $, click, window } = await openDemo();
    const original = window.fetch;
    const fetched: RequestInit[] = [];
    window.fetch = (input, init) => {
      if (String(input).endsWith('/example-feed.json')) fetched.push(init ?? {});
      return original.call(window, input, init);
    };
    for (const time of [1, 2]) {
      await click($('#use-example'));
      await waitUntil(
        () => fetched.length == time && /example-feed\.json is valid\.$/.test(reportHeading(doc)),
        `check ${time} gave no report: ${$('#report').textContent}`,
        {
          timeout: 10_000,
        },
      );
      expect($('#report').className).to.equal('ok');
      expect($('#report').textContent).to.contain('Kept: 16 sessions, 16 services');
      expect($('#report').textContent).not.to.contain('Cannot read');
    }
    // Never the browser's cached copy: an editor who fixed the file sees the fix.
    expect(fetched.map((init) => init.cache)).to.deep.equal(['no-store', 'no-store']);
    frame.remove();
  });

  it('an editor checks an address, fixes the feed and checks again (real clicks and typing)', async () => {
    const { frame, doc, $, click, type, window } = await openDemo();
    const address = 'https://feeds.example.org/family-hubs/feed.json';
    const broken = minimalFeed({ sessions: [{ ...session, schedule: { ...session.schedule, byDay: ['Tusday'] } }] });
    let served: unknown = broken;
    let requests = 0;
    const original = window.fetch;
    window.fetch = (input, init) => {
      if (String(input) != address) return original.call(window, input, init);
      requests++;
      return Promise.resolve(new Response(JSON.stringify(served), { headers: { 'content-type': 'application/json' } }));
    };
    const checked = (n: number, heading: RegExp) =>
      waitUntil(() => requests == n && heading.test(reportHeading(doc)), `check ${n}: ${$('#report').textContent}`, {
        timeout: 10_000,
      });
    const submit = doc.querySelector('#checker button[type=submit]')!;

    await type($<HTMLTextAreaElement>('#feed-source'), address);
    await click(submit);
    await checked(1, /1 item was skipped/);
    expect($('#report').className).to.equal('warn');
    expect($('#report').textContent).to.contain('Tusday');

    served = minimalFeed(); // the editor fixes the day and saves the file
    await click(submit);
    await checked(2, /is valid\.$/);
    expect(reportHeading(doc)).to.equal(`${address} is valid.`);
    expect($('#report').className).to.equal('ok');
    expect($('#report').textContent).not.to.contain('Tusday');

    // Checked again unchanged: the same report again, never an error.
    await click(submit);
    await checked(3, /is valid\.$/);
    expect($('#report').className).to.equal('ok');
    frame.remove();
  });

  it('reports a key written twice with its lines, and names a skipped item by number, name and line', async () => {
    const { frame, doc, $, click, type, window } = await openDemo();
    const address = 'https://feeds.example.org/family-hubs/twice.json';
    // The session list written twice: JSON keeps only the last (empty) one, so every session is lost.
    const broken = { ...session, id: 'tummy-time', name: 'Tummy Time', schedule: { ...session.schedule, byDay: [] } };
    const text = JSON.stringify(minimalFeed({ sessions: [session, broken] }), null, 2).replace(
      /\n}$/,
      ',\n  "sessions": []\n}',
    );
    const at = text.split('\n').flatMap((l, i) => (l.startsWith('  "sessions": [') ? [i + 1] : []));
    const [first, second] = at;
    const original = window.fetch;
    window.fetch = (input, init) =>
      String(input) == address
        ? Promise.resolve(new Response(text, { headers: { 'content-type': 'application/json' } }))
        : original.call(window, input, init);

    await type($<HTMLTextAreaElement>('#feed-source'), address);
    await click(doc.querySelector('#checker button[type=submit]')!);
    await waitUntil(() => /can be used, but/.test(reportHeading(doc)), `no report: ${$('#report').textContent}`, {
      timeout: 10_000,
    });
    expect($('#report').className).to.equal('warn');
    expect($('#report').textContent).to.contain(
      `"sessions" is written twice in the same object (lines ${first} and ${second}); JSON keeps only the last, ` +
        `so what line ${first} says is lost.`,
    );

    // Once the key is written once, the broken session is named by its number from one, its name, id and line.
    const once = JSON.stringify(minimalFeed({ sessions: [session, broken] }), null, 2);
    window.fetch = (input, init) =>
      String(input) == address
        ? Promise.resolve(new Response(once, { headers: { 'content-type': 'application/json' } }))
        : original.call(window, input, init);
    await click(doc.querySelector('#checker button[type=submit]')!);
    await waitUntil(
      () => /1 item was skipped/.test(reportHeading(doc)),
      `no second report: ${$('#report').textContent}`,
      { timeout: 10_000 },
    );
    const line = once.split('\n').findIndex((l) => l.includes('"id": "tummy-time"')); // the "{" above it
    const item = $('#report').querySelector('li')!;
    expect(item.textContent).to.match(new RegExp(`^Session 2, "Tummy Time" \\(id tummy-time, line ${line}\\)`));
    expect(item.querySelector('code')!.textContent).to.equal('sessions[1].schedule.byDay');
    frame.remove();
  });

  it('lists a session the calendars close on every date to check, apart from what was skipped or ignored', async () => {
    const { frame, doc, $, click } = await openDemo();
    const closed = {
      ...session,
      id: 'half-term-only',
      schedule: { ...session.schedule, startDate: '2026-10-26', endDate: '2026-10-30', termTimeOnly: true },
    };
    const feed = minimalFeed({
      sessions: [session, closed, { ...session, id: 'bad-day', schedule: { ...session.schedule, byDay: ['XX'] } }],
      places: [{ ...place, facilities: ['trampoline'] }],
      termDates: {
        terms: [
          { type: 'term', start: '2026-09-03', end: '2026-12-18' },
          { type: 'half-term', start: '2026-10-26', end: '2026-10-30' },
        ],
      },
    });
    $<HTMLTextAreaElement>('#feed-source').value = JSON.stringify(feed, null, 2);
    await click(doc.querySelector('#checker button[type=submit]')!);
    await waitUntil(() => /can be used, but/.test(reportHeading(doc)), `no report: ${$('#report').textContent}`, {
      timeout: 10_000,
    });
    expect(reportHeading(doc)).to.equal(
      'The pasted feed can be used, but 1 item was skipped, 1 value was ignored and 1 thing needs checking.',
    );
    expect($('#report').className).to.equal('warn');
    // Each group a heading and a list: the session to check under its own, not under "Ignored".
    const groups = [...doc.querySelectorAll('#report h4')].map((h) => [
      h.textContent,
      [...h.nextElementSibling!.querySelectorAll('li code')].map((c) => c.textContent),
    ]);
    expect(groups).to.deep.equal([
      ['Skipped (the whole item is left out)', ['sessions[2].schedule.byDay[0]']],
      ['Ignored (only this value is left out)', ['places[0].facilities[0]']],
      ['To check (nothing is left out, but visitors may not see it)', ['sessions[1].schedule.termTimeOnly']],
    ]);
    frame.remove();
  });
});
