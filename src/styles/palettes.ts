// The ready themes' colours: a chunk loaded with the first element whose `theme` names one
// (ImhElement), so a page in the default colours never downloads them. The names are in themes.ts.
// Plain text (the element makes it a style sheet): this chunk imports nothing.

/**
 * Each ready theme's `--imh-color-*` values, in this order: text, text-secondary, surface, border,
 * link, focus, focus-text, button, button-text, routine, urgent, emergency, emergency-surface,
 * current, cancelled, error (six hex digits each). `nhs` is the defaults the styles fall back to.
 */
const TOKENS = (
  'text text-secondary surface border link focus focus-text button button-text ' +
  'routine urgent emergency emergency-surface current cancelled error'
).split(' ');
const palettes: Record<'nhs' | 'govuk' | 'charity' | 'dark', string> = {
  nhs: '212b324c6272ffffffd8dde0005eb8ffeb3b212b32007f3bffffff005eb8d5281bd5281b212b32005eb8d5281bd5281b',
  govuk: '0b0c0c505a5fffffffb1b4b61d70b8ffdd000b0c0c00703cffffff1d70b8d4351cd4351c0b0c0c1d70b8d4351cd4351c',
  charity: '1f232857606affffffd0d7de5a2d82ffbf471f23285a2d82ffffff5a2d82b3261eb3261e1f23285a2d82b3261eb3261e',
  dark: 'f0f4f5c5ced31b1f235c67708cc8ffffeb3b1b1f231d7d3fffffff1760b0c1271ac1271a0000008cc8ffff9b91ff9b91',
};
const colours = (name: keyof typeof palettes) => palettes[name].match(/.{6}/g)!.map((c) => `#${c}`);
const declarations = (values: string[]) => values.map((v, i) => `--imh-color-${TOKENS[i]}:${v};`).join('');
/** `auto` over a light theme: its colours in a light colour scheme, the dark theme's in a dark one. */
const auto = (light: keyof typeof palettes) =>
  declarations(colours(light).map((v, i) => `light-dark(${v},${colours('dark')[i]})`));

/**
 * The ready themes, chosen with the `theme` attribute (space-separated): `nhs` (the default
 * colours, after NHS.UK Frontend), `govuk` (after the GOV.UK Design System), `charity` (a neutral
 * purple), `dark` (light text on its own dark surface, padded so nothing touches its edges), and
 * `auto`: the page's own colour scheme decides. `auto` is dark only where the page is: where the
 * element inherits `color-scheme: dark` (set by the page, on the page or any ancestor, e.g. with
 * a class the page toggles), or `light dark` (or `<meta name="color-scheme" content="light dark">`)
 * on a device that prefers dark. A page that declares no colour scheme stays light on a dark-mode
 * phone. `auto` paints no surface of its own (the page's background shows), and combines with a
 * light theme: `theme="govuk auto"`. Each only sets the documented `--imh-*` custom properties, so
 * a page can still override any of them on the element. Every text and control colour pair meets
 * WCAG AA (test/themes.test.ts).
 */
export const themeCss: string =
  `:host([theme~=govuk]){${declarations(colours('govuk'))}--imh-radius:0}` +
  `:host([theme~=charity]){${declarations(colours('charity'))}--imh-radius:8px}` +
  // Dark is padded inside (.root), so its widths are the others' (host.ts, .fill); less in an element under
  // 250 px (8% of its width less 4 px each side), which keeps room for its content: a 144 px one lost 32 px
  // of its 144 (its date field was cut), an 83 px one 32 of 83 (phone numbers broke).
  `:host([theme~=dark]){${declarations(colours('dark'))}color-scheme:dark;background:var(--imh-color-surface);` +
  `border-radius:var(--imh-radius,4px)}:host([theme~=dark]) .root{padding:min(var(--imh-space,1rem),8% - 4px)}` +
  // Browsers without light-dark() (before 2024) keep auto light: never dark on a light page.
  `@supports (color:light-dark(#000,#fff)){:host([theme~=auto]){${auto('nhs')}}` +
  `:host([theme~=auto][theme~=govuk]){${auto('govuk')}}:host([theme~=auto][theme~=charity]){${auto('charity')}}}`;
