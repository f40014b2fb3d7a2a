import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { minimalFeed, session } from './fixtures/feeds.js';

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
    await sendKeys({ type: text });
  };
  return { frame, doc, $, click, type, window: frame.contentWindow as Window & typeof globalThis };
}

// The demo page's embed builder (index.html, demo/builder.ts), as an editor uses it.
describe('demo page: embed builder', function () {
  this.timeout(40_000);
  it('previews the chosen element live and writes the snippet to paste', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '560px';
    frame.src = '/index.html';
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument!;
    const $ = <T extends HTMLElement>(sel: string) => doc.querySelector<T>(sel)!;
    await waitUntil(() => doc.querySelector('#builder-feed-status')?.textContent, 'the builder did not start', {
      timeout: 10_000,
    });
    // The test server has the example feed under /public/.
    const feed = $<HTMLInputElement>('#builder-feed');
    feed.value = new URL('/public/example-feed.json', location.href).href;
    feed.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(
      () => /Feed loaded: 16 services/.test($('#builder-feed-status').textContent!),
      'the feed did not load',
      { timeout: 10_000 },
    );

    const set = (sel: string, value: string) => {
      const input = $<HTMLSelectElement | HTMLInputElement>(sel);
      input.value = value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    set('#builder-element', 'imh-support-card');
    set('#builder-opt-service', 'camhs-under-5s');
    set('#builder-lang', 'cy');
    set('#builder-theme', 'govuk');
    const card = $('#builder-preview imh-support-card');
    expect(card.getAttribute('service')).to.equal('camhs-under-5s');
    expect(card.getAttribute('lang')).to.equal('cy');
    expect(card.getAttribute('theme')).to.equal('govuk');
    await waitUntil(() => card.shadowRoot?.querySelector('[part~=heading]'), 'the preview did not render', {
      timeout: 10_000,
    });

    const snippet = $<HTMLTextAreaElement>('#builder-snippet').value;
    expect(snippet).to.contain(
      '<script type="module" src="https://your-site.example/imh-widgets/imh-widgets.js"></script>',
    );
    expect(snippet).to.match(
      /<imh-support-card feed="[^"]+\/public\/example-feed.json" service="camhs-under-5s" lang="cy" theme="govuk">/,
    );
    expect(snippet).to.contain('</imh-support-card>');

    set('#builder-element', 'imh-session-list');
    expect($<HTMLTextAreaElement>('#builder-snippet').value).to.match(
      /<imh-session-list feed="[^"]+" filters limit="5" days="28" lang="cy" theme="govuk">/,
    );
    expect($('#builder-preview imh-session-list').hasAttribute('filters')).to.equal(true);

    // A feed that cannot be loaded gets an answer an editor can act on.
    feed.value = new URL('/no-such-feed.json', location.href).href;
    feed.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(
      () => /could not be used: .*404/.test($('#builder-feed-status').textContent!),
      'no message for a missing feed',
      { timeout: 10_000 },
    );
    frame.remove();
  });
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
        () => fetched.length == time && /example-feed\.json is valid$/.test(reportHeading(doc)),
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
    await checked(1, /1 item\S* skipped/);
    expect($('#report').className).to.equal('warn');
    expect($('#report').textContent).to.contain('Tusday');

    served = minimalFeed(); // the editor fixes the day and saves the file
    await click(submit);
    await checked(2, /is valid$/);
    expect(reportHeading(doc)).to.equal(`${address} is valid`);
    expect($('#report').className).to.equal('ok');
    expect($('#report').textContent).not.to.contain('Tusday');

    // Checked again unchanged: the same report again, never an error.
    await click(submit);
    await checked(3, /is valid$/);
    expect($('#report').className).to.equal('ok');
    frame.remove();
  });
});
