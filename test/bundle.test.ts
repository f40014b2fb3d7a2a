import { expect, waitUntil } from '@open-wc/testing';

// The script-tag bundle as a web editor uses it (built by `npm test` before the browser tests).
describe('dist/imh-widgets.js', () => {
  it('registers every element from one file, loaded twice on a page, and renders them', async () => {
    const here = location.origin;
    const errors: string[] = [];
    const frame = document.createElement('iframe');
    frame.style.width = '800px';
    frame.srcdoc = `<!doctype html><html lang="en-GB"><head>
      <meta name="imh-feed" content="${here}/public/example-feed.json">
      <script type="module" src="${here}/dist/imh-widgets.js"></script>
      <script type="module" src="${here}/dist/imh-widgets.js?loaded-twice"></script>
      </head><body>
      <imh-session-list now="2026-11-23T08:00" limit="2"></imh-session-list>
      <imh-support-card service="nhs-111"></imh-support-card>
      <imh-support-list no-controls></imh-support-list>
      <imh-first-1001-days-timeline birth-date="2026-10-20" now="2026-11-23"></imh-first-1001-days-timeline>
      </body></html>`;
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow!;
    win.addEventListener('error', (e) => errors.push(e.message));
    win.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
    const doc = frame.contentDocument!;
    const shadow = (tag: string) => doc.querySelector(tag)?.shadowRoot;
    await waitUntil(
      () =>
        shadow('imh-session-list')?.querySelectorAll('[part=item]').length == 2 &&
        shadow('imh-support-card')?.querySelector('[part=card]') &&
        shadow('imh-support-list')?.querySelector('[part=list]') &&
        shadow('imh-first-1001-days-timeline')?.querySelector('[aria-current=step]'),
      'the elements did not all render',
      { timeout: 10_000 },
    );
    for (const tag of ['imh-session-list', 'imh-support-card', 'imh-support-list', 'imh-first-1001-days-timeline']) {
      expect(win.customElements.get(tag), tag).not.to.equal(undefined);
    }
    expect(shadow('imh-first-1001-days-timeline')!.querySelector('.where')!.textContent!.trim()).to.equal(
      'Day 305 of 1,001 — your baby is 1 month old',
    );
    expect(errors).to.deep.equal([]);
    frame.remove();
  });

  it("a page with only a session list downloads none of the timeline's body", async () => {
    const here = location.origin;
    const frame = document.createElement('iframe');
    frame.style.width = '800px';
    frame.srcdoc = `<!doctype html><html lang="en-GB"><head>
      <meta name="imh-feed" content="${here}/public/example-feed.json">
      <script type="module" src="${here}/dist/imh-widgets.js"></script>
      </head><body><imh-session-list now="2026-11-23T08:00" limit="2"></imh-session-list></body></html>`;
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const list = frame.contentDocument!.querySelector('imh-session-list')!;
    await waitUntil(() => list.shadowRoot?.querySelectorAll('[part=item]').length == 2, 'the list did not render', {
      timeout: 10_000,
    });
    const scripts = frame
      .contentWindow!.performance.getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => n.includes('/dist/'));
    expect(scripts.filter((n) => /timeline/.test(n))).to.deep.equal([]);
    // The one file holds the timeline's shell only: its date form and stages are in a chunk of their own.
    const bundle = await (await fetch(`${here}/dist/imh-widgets.js`)).text();
    for (const id of ['timeline.form.legend', 'timeline.form.submit', 'timeline.here', 'timeline.intro'])
      expect(bundle.includes(id), `${id} in the bundle`).to.equal(false);
    frame.remove();
  });

  it("a page with only a support card downloads none of the session list's body", async () => {
    const here = location.origin;
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html lang="en-GB"><head>
      <meta name="imh-feed" content="${here}/public/example-feed.json">
      <script type="module" src="${here}/dist/imh-widgets.js"></script>
      </head><body><imh-support-card service="nhs-111"></imh-support-card></body></html>`;
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const card = frame.contentDocument!.querySelector('imh-support-card')!;
    await waitUntil(() => card.shadowRoot?.querySelector('[part~=card]'), 'the card did not render', {
      timeout: 10_000,
    });
    const scripts = frame
      .contentWindow!.performance.getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => n.includes('/dist/'));
    expect(scripts.filter((n) => /session-list/.test(n))).to.deep.equal([]);
    // The one file holds the list's shell only: each session's drawing is in a chunk of its own.
    const bundle = await (await fetch(`${here}/dist/imh-widgets.js`)).text();
    for (const id of ['session.cost', 'session.age.range', 'facility.step-free'])
      expect(bundle.includes(id), `${id} in the bundle`).to.equal(false);
    frame.remove();
  });
});
