import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/define.js';
import { themes } from '../src/styles/themes.js';
import { exampleFeed } from './fixtures/example.js';
import { expectQuietConsole } from './fixtures/quiet.js';

/** sRGB relative luminance of `rgb(r, g, b)` or `#rrggbb`, per WCAG 2.2. */
function luminance(colour: string): number {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour.trim());
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
    it(`${theme || 'no theme'}: every text and control colour pair meets WCAG AA`, async () => {
      const data = await exampleFeed();
      const wrap = await fixture(html`<div>
        <imh-support-card theme=${theme} service="health-visiting" .data=${data}></imh-support-card>
        <imh-support-card theme=${theme} service="nhs-111" .data=${data}></imh-support-card>
        <imh-support-card theme=${theme} service="emergency-999" .data=${data}></imh-support-card>
        <imh-first-1001-days-timeline theme=${theme} birth-date="2026-09-01" now="2026-11-23" .data=${data}></imh-first-1001-days-timeline>
      </div>`);
      const [routine, urgent, emergency, timeline] = [...wrap.children];
      const $ = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel)!;
      await waitUntil(
        () => $(routine, '.card') && $(urgent, '.card') && $(emergency, '.body') && $(timeline, '[part~=summary]'),
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

  it('a theme changes the colours, and the page can still override one on the element', async () => {
    const data = await exampleFeed();
    const plain = await fixture(html`<imh-support-card service="health-visiting" .data=${data}></imh-support-card>`);
    const govuk = await fixture(
      html`<imh-support-card theme="govuk" service="health-visiting" .data=${data}></imh-support-card>`,
    );
    const own = await fixture(
      html`<imh-support-card theme="govuk" style="--imh-color-link: #4c2c92" service="health-visiting" .data=${data}></imh-support-card>`,
    );
    expect(cssVar(plain, '--_link')).to.equal('#005eb8');
    expect(cssVar(govuk, '--_link')).to.equal('#1d70b8');
    expect(cssVar(govuk, '--_radius')).to.equal('0');
    expect(cssVar(own, '--_link')).to.equal('#4c2c92');
  });

  it('theme="auto" is dark only when the device prefers dark', async () => {
    const data = await exampleFeed();
    const el = await fixture(
      html`<imh-support-card theme="auto" service="health-visiting" .data=${data}></imh-support-card>`,
    );
    expect(cssVar(el, '--_bg')).to.equal('#ffffff');
    // Media emulation is Chromium's (DevTools protocol); other browsers skip the rest.
    if (!(await executeServerCommand('imh-emulate-media', { features: { 'prefers-color-scheme': 'dark' } }))) return;
    try {
      await waitUntil(() => cssVar(el, '--_bg') == '#1b1f23', 'auto did not turn dark');
      expect(cssVar(el, '--_fg')).to.equal('#f0f4f5');
    } finally {
      await executeServerCommand('imh-emulate-media', {});
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
