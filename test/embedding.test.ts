import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ReactiveElement } from 'lit';

// The built script-tag files as a web editor embeds them (built by `npm test` first), each in a
// page of its own (an iframe) that records CSP violations and uncaught errors.
const here = location.origin;
const FEED = `<meta name="imh-feed" content="${here}/public/example-feed.json">`;
const WATCH = `<script src="${here}/test/fixtures/csp-watch.js"></script>`;
// The strict-policy pages are files (test/fixtures/csp-*.html) with README's policy in a <meta>.
const ALL = `<imh-session-list now="2026-11-23T08:00" limit="2"></imh-session-list>
  <imh-support-card service="nhs-111"></imh-support-card>
  <imh-support-list no-controls></imh-support-list>
  <imh-first-1001-days-timeline birth-date="2026-10-20" now="2026-11-23"></imh-first-1001-days-timeline>`;

type Report = { violations: string[]; errors: string[] };
/** A page in a frame: written here (`head`, `body`), or one of the fixture pages (`src`). */
async function page(head: string, body: string, src?: string) {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  if (src) frame.src = src;
  else frame.srcdoc = `<!doctype html><html lang="en-GB"><head>${WATCH}${head}</head><body>${body}</body></html>`;
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis & { __report: Report };
  const doc = frame.contentDocument!;
  const shadow = (tag: string) => doc.querySelector(tag)?.shadowRoot;
  const scripts = () =>
    win.performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => n.includes('/dist/'));
  return { frame, win, doc, shadow, scripts, report: () => win.__report };
}
const allRendered = (shadow: (tag: string) => ShadowRoot | null | undefined) =>
  shadow('imh-session-list')?.querySelectorAll('[part=item]').length == 2 &&
  !!shadow('imh-support-card')?.querySelector('[part=card]') &&
  !!shadow('imh-support-list')?.querySelector('[part=list]') &&
  !!shadow('imh-first-1001-days-timeline')?.querySelector('[aria-current=step]');

describe('embedding', () => {
  const cases: [string, string, string, string?][] = [
    ['in <head>', `${FEED}<script type="module" src="${here}/dist/imh-widgets.js"></script>`, ALL],
    ['at the end of <body>', FEED, `${ALL}<script type="module" src="${here}/dist/imh-widgets.js"></script>`],
    ['with async', `${FEED}<script type="module" async src="${here}/dist/imh-widgets.js"></script>`, ALL],
    [
      'included twice, once from another address',
      `${FEED}<script type="module" src="${here}/dist/imh-widgets.js"></script>` +
        `<script type="module" src="${here}/dist/imh-widgets.js?again"></script>`,
      ALL,
    ],
    [
      'next to another library that uses Lit',
      `${FEED}<script type="module" src="${here}/test/fixtures/other-lit.js"></script>` +
        `<script type="module" src="${here}/dist/imh-widgets.js"></script>`,
      `<other-lit-element></other-lit-element>${ALL}`,
    ],
    ['under a strict Content-Security-Policy with Trusted Types', '', '', '/test/fixtures/csp-bundle.html'],
  ];
  for (const [name, head, body, src] of cases) {
    it(`the one-line embed works ${name}`, async () => {
      const p = await page(head, body, src);
      await waitUntil(() => allRendered(p.shadow), 'the elements did not all render', { timeout: 10_000 });
      if (name.includes('Lit'))
        expect(p.doc.querySelector('other-lit-element')!.shadowRoot!.textContent).to.contain('Another Lit library');
      expect(p.report()).to.deep.equal({ violations: [], errors: [] });
      p.frame.remove();
    });
  }

  it('elements moved into another frame (as page builders do) keep their content and styles', async function () {
    this.timeout(30_000);
    // A page builder's preview moves the page's nodes into a frame of its own: the elements' style
    // sheets were made in the page, and a frame's shadow roots cannot adopt those (NotAllowedError).
    // With a theme and Share buttons: style sheets loaded later, after the elements' own.
    const themed = ALL.replace(/<(imh-[\w-]+)/g, '<$1 theme="govuk" share');
    const p = await page(`${FEED}<script type="module" src="${here}/dist/imh-widgets.js"></script>`, themed);
    await waitUntil(() => allRendered(p.shadow), 'the elements did not all render', { timeout: 10_000 });
    await waitUntil(() => p.shadow('imh-support-card')?.querySelector('.share'), 'no Share button', { timeout: 5000 });
    const inner = p.doc.createElement('iframe');
    inner.style.cssText = 'inline-size: 100%; block-size: 4000px; border: 0';
    p.doc.body.append(inner);
    await new Promise((r) => setTimeout(r, 50));
    const other = inner.contentDocument!;
    const tags = [...p.doc.body.children].filter((e) => e.localName.startsWith('imh-'));
    /** How every part of each element looks: the styles its sheets give. */
    const looks = (els: Element[]) =>
      els.map((el) => {
        const view = el.ownerDocument.defaultView!;
        const props = ['display', 'color', 'background-color', 'border-top-width', 'padding-top', 'font-weight'];
        const style = (e: Element) => props.map((name) => view.getComputedStyle(e).getPropertyValue(name)).join();
        return [el.localName, style(el), ...[...el.shadowRoot!.querySelectorAll('[part]')].map(style)].join('|');
      });
    const rendered = looks(tags);
    expect(rendered.join('\n')).to.contain('block');

    // Moved after they rendered, and back.
    other.body.append(...tags);
    await new Promise((r) => setTimeout(r, 300));
    expect(looks(tags)).to.deep.equal(rendered);
    // and their updates there (each minute, each key in a filter) do not make the copies again
    const frameSheet = (inner.contentWindow as typeof window).CSSStyleSheet.prototype;
    const replaceSync = frameSheet.replaceSync;
    let copies = 0;
    frameSheet.replaceSync = function (this: CSSStyleSheet, text: string) {
      copies++;
      return replaceSync.call(this, text);
    };
    for (const el of tags as ReactiveElement[]) {
      el.requestUpdate();
      await el.updateComplete;
    }
    frameSheet.replaceSync = replaceSync;
    expect(copies, 'style sheets copied again at an update').to.equal(0);
    p.doc.body.prepend(...tags);
    await new Promise((r) => setTimeout(r, 300));
    expect(looks(tags)).to.deep.equal(rendered);

    // Moved before their first update: made in the page, in the frame in the same task.
    const made = tags.map((el) => el.cloneNode(true) as Element);
    p.doc.body.append(...made);
    other.body.append(...made);
    const inFrame = (tag: string) => other.querySelector(tag)?.shadowRoot;
    await waitUntil(() => allRendered(inFrame), 'the elements moved at once did not render', { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 300));
    expect(looks(made)).to.deep.equal(rendered);
    expect(p.report()).to.deep.equal({ violations: [], errors: [] });
    p.frame.remove();
  });

  it('speaks Welsh from the built bundle: its lazily loaded locale chunks stand alone', async () => {
    const p = await page(
      `${FEED}<script type="module" src="${here}/dist/imh-widgets.js"></script>`,
      `<div lang="cy">${ALL}</div>`,
    );
    await waitUntil(() => allRendered(p.shadow), 'the elements did not all render', { timeout: 10_000 });
    const text = (tag: string, sel: string) =>
      p.shadow(tag)!.querySelector(sel)!.textContent!.replace(/\s+/g, ' ').trim();
    expect(text('imh-support-card', '[part=heading] .visually-hidden')).to.equal('Cyngor brys:');
    // The timeline's own chunks (interface and built-in stages) and Welsh numbers and units.
    expect(text('imh-first-1001-days-timeline', '.where')).to.equal('Diwrnod 305 o 1,001 — mae eich babi yn 1 mis oed');
    expect(p.report()).to.deep.equal({ violations: [], errors: [] });
    // A shipped language and no pack named: the translation-pack loader is not even fetched, nor, with
    // no theme, the theme colours, nor, with no bilingual element, the bilingual layouts.
    expect(p.scripts().filter((n) => /packs|source|palettes|bilingual/.test(n))).to.deep.equal([]);
    // Welsh came from the files beside the script, shipped as generated (scripts/locale-files.mjs).
    const locales = p.scripts().filter((n) => /\/locales\//.test(n));
    expect(locales.map((n) => new URL(n).pathname).sort()).to.deep.equal(
      ['intl', 'stages', 'timeline', 'ui'].map((part) => `/dist/locales/cy.${part}.js`),
    );
    p.frame.remove();
  });

  it('a bilingual page from the built bundle: the layouts come from their chunk beside the script', async () => {
    const p = await page(
      `${FEED}<script type="module" src="${here}/dist/imh-widgets.js"></script>`,
      `<div lang="cy">
        <imh-support-card service="health-visiting" bilingual="en"></imh-support-card>
        <imh-support-card service="health-visiting" bilingual="en" bilingual-layout="stacked"></imh-support-card>
      </div>`,
    );
    const [slash, stacked] = [...p.doc.querySelectorAll('imh-support-card')].map(
      (el) => () => el.shadowRoot?.querySelector<HTMLElement>('.facts dt .bi-pair'),
    );
    await waitUntil(() => slash() && stacked(), 'no English beside the Welsh', { timeout: 8000 });
    // The default: English after a slash; stacked: English on a line of its own.
    expect(p.win.getComputedStyle(slash()!.firstElementChild!, '::after').content).to.contain('/');
    expect(p.win.getComputedStyle(stacked()!.querySelector('.bi')!).display).to.equal('block');
    expect(p.scripts().filter((n) => /\/imh-widgets-bilingual-[\w-]+\.js$/.test(n))).to.have.length(1);
    expect(p.report()).to.deep.equal({ violations: [], errors: [] });
    p.frame.remove();
  });

  it('translation packs work from the bundle under the strict policy, named by the page or beside it', async () => {
    const p = await page('', '', '/test/fixtures/csp-packs.html');
    const prefix = (el: Element) =>
      el.shadowRoot?.querySelector('[part=heading] .visually-hidden')?.textContent?.trim();
    const [so, ti] = p.doc.querySelectorAll('imh-support-card');
    await waitUntil(() => prefix(so) == 'Talo degdeg ah:' && prefix(ti) == 'ህጹጽ ምኽሪ:', 'the packs were not used', {
      timeout: 10_000,
    });
    expect(p.scripts().some((n) => /imh-widgets-packs-/.test(n))).to.equal(true);
    expect(p.report()).to.deep.equal({ violations: [], errors: [] });
    p.frame.remove();
  });

  // A host app that configures @lit/localize's page-wide runtime itself, before or after loading
  // imh-widgets, from the script-tag bundle or the npm entry (which share the page's Lit).
  const HOST = `${here}/test/fixtures/host-localize.js`;
  const WELSH = `<div lang="cy">${ALL}</div><host-greeting></host-greeting>`;
  const script = (code: string) => `<script type="module">${code}</script>`;
  for (const [build, entry] of [
    ['the script-tag bundle', `${here}/dist/imh-widgets.js`],
    ['the npm entry', `${here}/dist/define.js`],
  ]) {
    for (const order of ['before', 'after']) {
      it(`works beside a host app that configures @lit/localize ${order} loading ${build}`, async () => {
        const steps =
          order == 'before'
            ? `const host = await import('${HOST}'); await host.configure(); await import('${entry}');`
            : `await import('${entry}'); const host = await import('${HOST}'); await host.configure();`;
        const p = await page(FEED, `${WELSH}${script(steps)}`);
        await waitUntil(() => allRendered(p.shadow), 'the elements did not all render', { timeout: 10_000 });
        const text = (tag: string, sel: string) =>
          p.shadow(tag)!.querySelector(sel)!.textContent!.replace(/\s+/g, ' ').trim();
        expect(text('imh-support-card', '[part=heading] .visually-hidden')).to.equal('Cyngor brys:');
        await waitUntil(
          () => p.shadow('host-greeting')?.textContent?.includes('Bonjour'),
          'the host app is not French',
        );
        expect(p.report()).to.deep.equal({ violations: [], errors: [] });
        p.frame.remove();
      });
    }
  }

  it('two copies of imh-widgets on one page (the bundle and the npm build) each speak their own language', async () => {
    // The second copy's classes under tags of the page's own, as an app that bundles its own copy would.
    const second = `const m = await import('${here}/dist/index.js');
      customElements.define('copy-timeline', class extends m.ImhFirst1001DaysTimeline {});
      customElements.define('copy-card', class extends m.ImhSupportCard {});`;
    const dates = 'birth-date="2026-10-20" now="2026-11-23"';
    const p = await page(
      `${FEED}<script type="module" src="${here}/dist/imh-widgets.js"></script>`,
      `<div lang="cy"><imh-first-1001-days-timeline ${dates}></imh-first-1001-days-timeline>
        <imh-support-card service="nhs-111"></imh-support-card></div>
      <div lang="en-GB"><copy-timeline ${dates}></copy-timeline><copy-card service="nhs-111"></copy-card></div>
      <div lang="pl"><copy-card id="pl" service="nhs-111"></copy-card></div>${script(second)}`,
    );
    const title = (el: Element | null) =>
      el?.shadowRoot?.querySelector('[part=stage-heading]')?.textContent?.replace(/\s+/g, ' ').trim();
    const prefix = (el: Element | null) =>
      el?.shadowRoot?.querySelector('[part=heading] .visually-hidden')?.textContent?.trim();
    await waitUntil(
      () => title(p.doc.querySelector('imh-first-1001-days-timeline')) && title(p.doc.querySelector('copy-timeline')),
      'the timelines did not render',
      { timeout: 10_000 },
    );
    await waitUntil(() => prefix(p.doc.querySelector('#pl')), 'the Polish card did not render', { timeout: 10_000 });
    const [a, b] = [p.doc.querySelector('imh-first-1001-days-timeline')!, p.doc.querySelector('copy-timeline')!];
    // The first stage is behind this family: its "Done" mark is in each copy's language too.
    const [cyTitle, enTitle] = ["Beichiogrwydd: wythnosau 1 i 13 ✓ Wedi'i wneud", 'Pregnancy: weeks 1 to 13 ✓ Done'];
    expect(title(a)).to.equal(cyTitle);
    expect(title(b)).to.equal(enTitle);
    // Both copies now loaded, each switches language: neither may take the other's translations.
    a.setAttribute('lang', 'pl');
    b.setAttribute('lang', 'cy');
    await waitUntil(() => title(a) != cyTitle && title(b) != enTitle, '', {
      timeout: 10_000,
    });
    expect(title(a)).to.equal('Ciąża: tygodnie 1–13 ✓ Za nami');
    expect(title(b)).to.equal(cyTitle);
    expect(prefix(p.doc.querySelector('imh-support-card'))).to.equal('Cyngor brys:');
    expect(prefix(p.doc.querySelector('copy-card'))).to.equal('Urgent advice:');
    expect(prefix(p.doc.querySelector('#pl'))).not.to.equal('Urgent advice:');
    expect(p.report()).to.deep.equal({ violations: [], errors: [] });
    p.frame.remove();
  });

  it('the policy really is enforced in these pages (an inline script is blocked and reported)', async () => {
    const p = await page('', '', '/test/fixtures/csp-inline.html');
    await waitUntil(() => p.report().violations.length > 0, 'no violation was reported');
    expect(p.doc.title).not.to.equal('ran');
    p.frame.remove();
  });

  it('speaks Urdu through the autoloader, from the locale files in dist/autoloader/locales/', async () => {
    const p = await page(
      `${FEED}<script type="module" src="${here}/dist/autoloader/imh-autoloader.js"></script>`,
      `<div lang="ur"><imh-support-card service="nhs-111"></imh-support-card>
        <imh-first-1001-days-timeline birth-date="2026-10-20" now="2026-11-23"></imh-first-1001-days-timeline></div>`,
    );
    const text = (tag: string, sel: string) =>
      p.shadow(tag)?.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim();
    await waitUntil(
      () => text('imh-support-card', '[part=heading] .visually-hidden') == 'فوری مشورہ:',
      'no Urdu card',
      {
        timeout: 10_000,
      },
    );
    // The timeline's own parts (its interface and built-in stages), in Urdu and right to left.
    await waitUntil(
      () => text('imh-first-1001-days-timeline', '.where')?.startsWith('1,001 میں سے دن 305'),
      'no Urdu',
      {
        timeout: 10_000,
      },
    );
    expect(p.shadow('imh-first-1001-days-timeline')!.querySelector('.root')!.getAttribute('dir')).to.equal('rtl');
    const locales = p
      .scripts()
      .filter((n) => /\/locales\//.test(n))
      .map((n) => new URL(n).pathname)
      .sort();
    expect(locales).to.deep.equal(
      ['intl', 'stages', 'timeline', 'ui'].map((part) => `/dist/autoloader/locales/ur.${part}.js`),
    );
    expect(p.report()).to.deep.equal({ violations: [], errors: [] });
    p.frame.remove();
  });

  it('the autoloader loads only the elements on the page, and others when they appear later', async () => {
    const p = await page('', '', '/test/fixtures/csp-autoloader.html');
    await waitUntil(() => p.shadow('imh-support-card')?.querySelector('[part=card]'), 'the card did not render', {
      timeout: 10_000,
    });
    expect(p.win.customElements.get('imh-session-list'), 'no session list code yet').to.equal(undefined);
    expect(p.scripts().some((s) => /session-list|first-1001-days-timeline|support-list/.test(s))).to.equal(false);

    // A tag added later (a CMS block, a tab) is loaded when it appears.
    const list = p.doc.createElement('imh-session-list');
    list.setAttribute('now', '2026-11-23T08:00');
    list.setAttribute('limit', '2');
    p.doc.body.append(list);
    await waitUntil(
      () => p.shadow('imh-session-list')?.querySelectorAll('[part=item]').length == 2,
      'the later list did not render',
      { timeout: 10_000 },
    );
    expect(p.scripts().some((s) => s.includes('session-list'))).to.equal(true);
    expect(p.win.customElements.get('imh-first-1001-days-timeline')).to.equal(undefined);
    expect(p.report()).to.deep.equal({ violations: [], errors: [] });
    p.frame.remove();
  });

  it("the autoloader: an element's file that fails keeps its content, is named, is retried online", async function () {
    this.timeout(30_000);
    // The card's chunk answers 404 (web-test-runner.config.mjs), as offline or missing from the server.
    await executeServerCommand('imh-fail-requests', { pattern: '/dist/autoloader/imh-support-card-' });
    try {
      // Heard from the start: each imh-load-error that reaches the document, and the console's lines.
      const listen = `<script>
        window.__loadErrors = [];
        window.__warnings = [];
        document.addEventListener('imh-load-error', (e) => __loadErrors.push(e.detail.error));
        console.warn = (...args) => __warnings.push(args.join(' '));
      </script>`;
      const p = await page(
        `${FEED}${listen}<script type="module" src="${here}/dist/autoloader/imh-autoloader.js"></script>`,
        `<imh-support-card service="nhs-111"><p id="fallback">Call NHS 111</p></imh-support-card>`,
      );
      const win = p.win as typeof p.win & {
        __loadErrors: { name: string; file: string; message: string }[];
        __warnings: string[];
      };
      await waitUntil(() => win.__loadErrors.length > 0, 'no imh-load-error reached the document', { timeout: 10_000 });
      const [error] = win.__loadErrors;
      expect(error.name).to.equal('ImhLoadError');
      expect(error.file).to.contain('imh-support-card');
      expect(error.message).to.contain(error.file);
      expect(win.__warnings.length, win.__warnings.join('\n')).to.equal(1);
      expect(win.__warnings[0]).to.contain(error.file);
      // The page's own content inside the element stays, and shows.
      expect(p.win.customElements.get('imh-support-card')).to.equal(undefined);
      const fallback = p.doc.getElementById('fallback')!;
      expect(fallback.textContent).to.equal('Call NHS 111');
      expect(fallback.getClientRects().length).to.be.greaterThan(0);

      // Back online, with the file there: the element is loaded and drawn.
      await executeServerCommand('imh-fail-requests', {});
      p.win.dispatchEvent(new p.win.Event('online'));
      await waitUntil(
        () => p.shadow('imh-support-card')?.querySelector('[part=card]'),
        'the card did not load online',
        {
          timeout: 10_000,
        },
      );
      expect(win.__loadErrors.length).to.equal(1);
      expect(p.report()).to.deep.equal({ violations: [], errors: [] });
      p.frame.remove();
    } finally {
      await executeServerCommand('imh-fail-requests', {});
    }
  });
});
