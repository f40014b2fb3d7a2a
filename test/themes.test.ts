import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import { themes } from '../src/styles/themes.js';
import { exampleFeed } from './fixtures/example.js';
import { expectQuietConsole } from './fixtures/quiet.js';
import { shown } from './fixtures/shown.js';
import { contrastFindings, deepActive, focusFindings, ringFindings } from './fixtures/contrast.js';

/** sRGB relative luminance of `rgb(r, g, b)`, `#rrggbb` or `#rgb`, per WCAG 2.2. */
function luminance(colour: string): number {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour.trim().replace(/^#(\w)(\w)(\w)$/, '#$1$1$2$2$3$3'));
  const rgb = hex
    ? [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16))
    : (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  if (rgb.length != 3 || rgb.some(Number.isNaN)) throw new Error(`not a colour: "${colour}"`);
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
};

/** No theme, and every theme but `auto` (which is `dark` on a device that prefers it). */
const THEMES = ['', ...themes.filter((t) => t != 'auto')];
const cssVar = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();

describe('themes', () => {
  expectQuietConsole();
  afterEach(() => fixtureCleanup());

  for (const theme of THEMES) {
    it(`${theme || 'no theme'}: every text and control colour pair meets WCAG AA`, async function () {
      this.timeout(60000); // axe's first run takes seconds on a loaded machine
      const data = await exampleFeed();
      const wrap = await fixture(html`<div>
        <imh-support-card theme=${theme} service="health-visiting" .data=${data}></imh-support-card>
        <imh-support-card theme=${theme} service="nhs-111" .data=${data}></imh-support-card>
        <imh-support-card theme=${theme} service="emergency-999" .data=${data}></imh-support-card>
        <imh-first-1001-days-timeline
          theme=${theme}
          birth-date="2026-09-01"
          now="2026-11-23"
          .data=${data}
        ></imh-first-1001-days-timeline>
      </div>`);
      const [routine, urgent, emergency, timeline] = [...wrap.children];
      const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel)!;
      await waitUntil(
        () => $(routine, '.card') && $(urgent, '.card') && $(emergency, '.body') && $(timeline, '[part~=summary]'),
        // the timeline's body and the locale are files of their own: a loaded machine takes more than a second
        'not every element drew',
        { timeout: 5_000 },
      );
      const v = (name: string) => cssVar(routine, name);
      const pairs: [string, string, string, number][] = [
        ['text on surface', v('--_fg'), v('--_bg'), 4.5],
        ['secondary text on surface', v('--_muted'), v('--_bg'), 4.5],
        ['links on surface', v('--_link'), v('--_bg'), 4.5],
        ['button text on buttons', v('--_button-text'), v('--_button'), 4.5],
        ['text on the focus highlight', v('--_focus-text'), v('--_focus'), 4.5],
        // The focus indicator is a highlight with an underline: one of them must stand out from the surface.
        [
          'focus indicator against surface',
          contrast(v('--_focus'), v('--_bg')) > contrast(v('--_focus-text'), v('--_bg'))
            ? v('--_focus')
            : v('--_focus-text'),
          v('--_bg'),
          3,
        ],
        ['routine band', cssVar($(routine, '.card'), '--_band-text'), cssVar($(routine, '.card'), '--_band'), 4.5],
        ['urgent band', cssVar($(urgent, '.card'), '--_band-text'), cssVar($(urgent, '.card'), '--_band'), 4.5],
        [
          'emergency band',
          cssVar($(emergency, '.card'), '--_band-text'),
          cssVar($(emergency, '.card'), '--_band'),
          4.5,
        ],
        [
          'emergency body',
          getComputedStyle($(emergency, '.body')).color,
          getComputedStyle($(emergency, '.body')).backgroundColor,
          4.5,
        ],
        ['current stage marker text', cssVar(timeline, '--_current'), v('--_bg'), 4.5],
        ['form control borders', v('--_fg'), v('--_bg'), 3],
      ];
      const failing = pairs
        .filter(([, fg, bg, min]) => contrast(fg, bg) < min)
        .map(([n, fg, bg, min]) => `${n}: ${fg} on ${bg} is ${contrast(fg, bg).toFixed(2)}:1, needs ${min}:1`);
      expect(failing).to.deep.equal([]);
      await expect(routine).to.be.accessible();
      await expect(timeline).to.be.accessible();
    });
  }

  /**
   * Every element in every state it can show: routine, urgent and emergency cards (in a card, a
   * list and the timeline), open now and closed, cancelled, changed and online sessions with their
   * notes, the current and past stages, the date form with its error, filters; then every control
   * focused by Tab. Colours are the rendered ones, composited over what is painted behind them.
   */
  const ALL_STATES = [
    ...THEMES.map((theme) => ({ name: theme || 'no theme', theme, dark: false })),
    { name: 'auto, on a page with a dark colour scheme', theme: 'auto', dark: true },
  ];
  for (const { name, theme, dark } of ALL_STATES) {
    const title = `${name}: every badge, state and focused control meets WCAG AA, measured from the rendered colours`;
    it(title, async function () {
      this.timeout(120000);
      if (dark) {
        // A page that supports dark (color-scheme: light dark) on a device that prefers it.
        if (!(await executeServerCommand('imh-emulate-media', { features: { 'prefers-color-scheme': 'dark' } })))
          return this.skip(); // Media emulation is Chromium's.
        document.documentElement.style.colorScheme = 'light dark';
      }
      try {
        const data = await exampleFeed();
        const wrap = await fixture(html`<div>
          <button>start</button>
          <imh-support-card theme=${theme} service="health-visiting" now="2026-11-23T10:00"
            .data=${data}></imh-support-card>
          <imh-support-card theme=${theme} service="health-visiting" now="2026-11-23T20:00"
            .data=${data}></imh-support-card>
          <imh-support-card theme=${theme} service="maternity-triage" .data=${data}></imh-support-card>
          <imh-support-card theme=${theme} service="emergency-999" .data=${data}></imh-support-card>
          <imh-session-list theme=${theme} filters now="2026-11-23T08:00" days="14" limit="60"
            .data=${data}></imh-session-list>
          <imh-session-list theme=${theme} audience="practitioners" category="practitioner-workshop"
            now="2026-11-23T08:00" days="14" .data=${data}></imh-session-list>
          <imh-support-list theme=${theme} now="2026-11-23T10:00" .data=${data}></imh-support-list>
          <imh-first-1001-days-timeline theme=${theme} due-date="2027-03-01" now="2026-11-23"
            .data=${data}></imh-first-1001-days-timeline>
          <imh-first-1001-days-timeline theme=${theme} birth-date="2025-12-01" now="2026-11-23"
            .data=${data}></imh-first-1001-days-timeline>
          <imh-first-1001-days-timeline theme=${theme} now="2026-11-23" .data=${data}></imh-first-1001-days-timeline>
        </div>`);
        const elements = [...wrap.querySelectorAll('*')].filter((e) => e.localName.startsWith('imh-'));
        const $$ = (sel: string) => elements.flatMap((e) => [...e.shadowRoot!.querySelectorAll(sel)]);
        await waitUntil(
          () =>
            elements.every((e) => e.shadowRoot?.querySelector('[part~=card], [part~=item], [part~=stages]')) &&
            $$('[part~=stage][aria-current=step] .content:not([hidden])').length == 2,
          'the elements did not render',
          { timeout: 10000 },
        );
        // And all drawn: a long session list is drawn ten sessions an update (issue 12).
        await Promise.all(elements.map((e) => (e as LitElement).updateComplete));
        // The date form's error, as a parent who submits it empty sees it.
        const form = elements.at(-1)!.shadowRoot!;
        form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
        await waitUntil(() => form.querySelector('.error:not([hidden])'));
        // Every state is really there (a fixture that lost one would pass by not showing it).
        const states = {
          'urgent badge': '.card.urgent [part~=badge]',
          'emergency badge': '.card.emergency [part~=badge]',
          'routine card': '.card.routine, .card:not(.urgent, .emergency)',
          'urgent card in the timeline': '[part~=stage] .card.urgent',
          'cancelled session': '[part~=badge].cancelled',
          'changed session': '[part~=badge].changed',
          'online session': '[part~=badge].online',
          'session note': '.status .note',
          'opening hours': '.open',
          'current stage': '[part~=stage][aria-current=step] .here',
          'past stages': '[part~=stage]:not([aria-current]) .dates',
          'form error': '.error:not([hidden])',
          filters: '[part~=filters] select',
        };
        const missing = Object.entries(states)
          .filter(([, sel]) => !$$(sel).length)
          .map(([n]) => n);
        expect(missing, 'states the fixture should show').to.deep.equal([]);
        const opens = $$('.open').map((e) => e.textContent!);
        expect(opens.some((t) => /^Open now/.test(t)) && opens.some((t) => /^Closed now/.test(t))).to.equal(true);

        const findings = elements.flatMap((e) => contrastFindings(e));
        // Focus every control with the keyboard, as a keyboard user does, and measure each indicator.
        wrap.querySelector('button')!.focus();
        const seen = new Set<Element>();
        for (let i = 0; i < 600; i++) {
          await sendKeys({ press: 'Tab' });
          const a = deepActive();
          if (!a || a == document.body || seen.has(a) || !wrap.contains((a.getRootNode() as ShadowRoot).host ?? a))
            break;
          seen.add(a);
          // Radios and checkboxes paint no highlight behind them: their indicator must ring them.
          findings.push(...(a.matches('[type=radio], [type=checkbox]') ? ringFindings(a) : focusFindings(a)));
        }
        expect(seen.size, 'controls reached by Tab').to.be.greaterThan(40);
        expect([...new Set(findings)]).to.deep.equal([]);
      } finally {
        if (dark) {
          document.documentElement.style.colorScheme = '';
          await executeServerCommand('imh-emulate-media', {});
        }
      }
    });
  }

  it('a theme changes the colours, and the page can still override one on the element', async () => {
    const data = await exampleFeed();
    const plain = await fixture(html`<imh-support-card service="health-visiting" .data=${data}></imh-support-card>`);
    const govuk = await fixture(
      html`<imh-support-card theme="govuk" service="health-visiting" .data=${data}></imh-support-card>`,
    );
    const own = await fixture(
      html`<imh-support-card
        theme="govuk"
        style="--imh-color-link: #4c2c92"
        service="health-visiting"
        .data=${data}
      ></imh-support-card>`,
    );
    expect(cssVar(plain, '--_link')).to.equal('#005eb8');
    expect(cssVar(govuk, '--_link')).to.equal('#1d70b8');
    expect(cssVar(govuk, '--_radius')).to.equal('0');
    expect(cssVar(own, '--_link')).to.equal('#4c2c92');
  });

  describe('theme="auto": the page chooses dark, not the device alone', () => {
    const LIGHT = 'rgb(33, 43, 50)';
    const DARK = 'rgb(240, 244, 245)';
    /** A card's rendered text colour and its host's painted background. */
    async function autoCard(attrs: { theme?: string; wrap?: string } = {}) {
      const data = await exampleFeed();
      const wrap = await fixture(html`<div style=${attrs.wrap ?? ''}>
        <imh-support-card theme=${attrs.theme ?? 'auto'} service="health-visiting" .data=${data}></imh-support-card>
      </div>`);
      const el = wrap.firstElementChild!;
      await waitUntil(() => el.shadowRoot!.querySelector('.body'));
      const body = el.shadowRoot!.querySelector('.body')!;
      return {
        el,
        text: () => getComputedStyle(body).color,
        link: () => getComputedStyle(el.shadowRoot!.querySelector('a')!).color,
        hostBackground: () => getComputedStyle(el).backgroundColor,
        cardBackground: () => getComputedStyle(el.shadowRoot!.querySelector('.card')!).backgroundColor,
      };
    }
    const emulate = (scheme?: 'dark' | 'light') =>
      executeServerCommand('imh-emulate-media', scheme ? { features: { 'prefers-color-scheme': scheme } } : {});
    afterEach(async () => {
      document.documentElement.style.colorScheme = '';
      document.head.querySelector('meta[name=color-scheme]')?.remove();
      await emulate();
    });

    it('stays light on a page that declares no colour scheme, on a device that prefers dark', async () => {
      const emulated = await emulate('dark'); // Chromium; elsewhere the device's own setting
      const card = await autoCard();
      if (emulated) expect(matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
      expect(card.text()).to.equal(LIGHT);
      expect(card.cardBackground()).to.equal('rgb(255, 255, 255)');
      expect(card.hostBackground()).to.equal('rgba(0, 0, 0, 0)');
    });

    it('is dark inside anything the page gives color-scheme: dark (a class it toggles), in every browser', async () => {
      const card = await autoCard({ wrap: 'color-scheme: dark' });
      expect(card.text()).to.equal(DARK);
      expect(card.link()).to.equal('rgb(140, 200, 255)');
      expect(card.cardBackground()).to.equal('rgb(27, 31, 35)');
      // No slab of its own: the page's dark background shows around the cards.
      expect(card.hostBackground()).to.equal('rgba(0, 0, 0, 0)');
      await expect(card.el).to.be.accessible();
    });

    const both = 'follows the device on a page that supports both (color-scheme: light dark, or the meta tag)';
    it(both, async function () {
      if (!(await emulate('dark'))) return this.skip(); // media emulation is Chromium's
      document.documentElement.style.colorScheme = 'light dark';
      const card = await autoCard();
      expect(card.text()).to.equal(DARK);
      await emulate('light');
      await waitUntil(() => card.text() == LIGHT, 'auto did not follow the device back to light');
      document.documentElement.style.colorScheme = '';
      const meta = Object.assign(document.createElement('meta'), { name: 'color-scheme', content: 'light dark' });
      document.head.append(meta);
      await emulate('dark');
      await waitUntil(() => card.text() == DARK, 'auto did not follow <meta name="color-scheme">');
    });

    it('combines with a light theme: theme="govuk auto" is GOV.UK on a light page and dark on a dark one', async () => {
      const light = await autoCard({ theme: 'govuk auto' });
      expect(light.text()).to.equal('rgb(11, 12, 12)');
      expect(light.link()).to.equal('rgb(29, 112, 184)');
      const dark = await autoCard({ theme: 'govuk auto', wrap: 'color-scheme: dark' });
      expect(dark.text()).to.equal(DARK);
    });
  });

  it('theme="dark" pads its surface: no text touches its edges, at 320 px and right to left', async () => {
    const data = await exampleFeed();
    for (const dir of ['ltr', 'rtl']) {
      const wrap = await fixture(html`<div dir=${dir} style="inline-size: 320px">
        <imh-session-list theme="dark" filters now="2026-11-23T08:00" limit="2" .data=${data}></imh-session-list>
        <imh-support-card theme="dark" service="health-visiting" .data=${data}></imh-support-card>
        <imh-support-list theme="dark" stage="pregnancy" .data=${data}></imh-support-list>
        <imh-first-1001-days-timeline theme="dark" now="2026-11-23" .data=${data}></imh-first-1001-days-timeline>
      </div>`);
      const elements = [...wrap.children];
      await waitUntil(() =>
        elements.every((e) => e.shadowRoot?.querySelector('[part~=card], [part~=item], [part~=stages]')),
      );
      // Every element's whole content drawn (a list draws a few items an update), not only its first.
      for (const el of elements) await shown(el);
      const tooClose: string[] = [];
      for (const el of elements) {
        const box = el.getBoundingClientRect();
        const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.textContent!.trim()) continue;
          const parent = (n.parentElement ?? el).getBoundingClientRect();
          if (parent.width <= 1 || parent.height <= 1) continue; // visually hidden
          // Inside a closed <details> (not shown; Chromium still lays it out, below the element's box).
          if (n.parentElement?.closest('details:not([open]) > :not(summary)')) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const r of range.getClientRects()) {
            const gap = Math.min(r.left - box.left, box.right - r.right, r.top - box.top, box.bottom - r.bottom);
            if (gap < 12)
              tooClose.push(`${dir} <${el.localName}> "${n.textContent!.trim().slice(0, 30)}": ${gap.toFixed(1)} px`);
          }
        }
      }
      expect(tooClose).to.deep.equal([]);
      fixtureCleanup();
    }
  });

  it('inherits the page font', async () => {
    const data = await exampleFeed();
    const wrap = await fixture(html`<div style="font-family: Georgia, serif">
      <imh-support-card service="health-visiting" .data=${data}></imh-support-card>
    </div>`);
    const card = wrap.firstElementChild!;
    await waitUntil(() => card.shadowRoot!.querySelector('[part~=heading]'));
    expect(getComputedStyle(card.shadowRoot!.querySelector('[part~=heading]')!).fontFamily).to.contain('Georgia');
  });
});
