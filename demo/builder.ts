// The demo page's embed builder: choose an element, a feed, its options, a language and a theme;
// see it live; copy the snippet to paste into a CMS. Also the demo's language menu.
// Everything is built with DOM methods and attribute setters: nothing here parses HTML.
import { loadFeed } from '../src/feed/load.js';
import type { Feed } from '../src/feed/types.js';
import { shippedLanguages } from '../src/languages.js';
import { themes } from '../src/styles/themes.js';

type Option = {
  name: string;
  label: string;
  kind: 'text' | 'select' | 'number' | 'checkbox' | 'date';
  choices?: string[];
  value?: string;
  none?: string;
};
/** The element's options; choices (services, places, categories) come from the chosen feed. */
const elementsFor = (feed: Feed): Record<string, { label: string; options: Option[] }> => ({
  'imh-session-list': {
    label: 'Sessions: what’s on',
    options: [
      { name: 'filters', label: 'Show filters to visitors', kind: 'checkbox', value: 'on' },
      { name: 'limit', label: 'Sessions to show at first', kind: 'number', value: '5' },
      { name: 'days', label: 'Days ahead', kind: 'number', value: '28' },
      {
        name: 'category',
        label: 'Only this category',
        kind: 'select',
        choices: ['', ...new Set((feed.sessions ?? []).map((s) => s.category).filter(Boolean) as string[])],
      },
      {
        name: 'place',
        label: 'Only this place',
        kind: 'select',
        choices: ['', ...(feed.places ?? []).map((p) => p.id)],
      },
      { name: 'layout', label: 'Layout', kind: 'select', choices: ['', 'compact'], none: 'standard' },
    ],
  },
  'imh-support-card': {
    label: 'One support service',
    options: [
      {
        name: 'service',
        label: 'Service',
        kind: 'select',
        choices: (feed.services ?? []).map((s) => s.id),
        value: 'health-visiting',
      },
      { name: 'layout', label: 'Layout', kind: 'select', choices: ['', 'compact'], none: 'standard' },
    ],
  },
  'imh-support-list': {
    label: 'Support and services directory',
    options: [
      { name: 'stage', label: 'Only this stage', kind: 'select', choices: ['', 'pregnancy', '0-12m', '12-24m'] },
      { name: 'no-controls', label: 'Hide the visitor’s filters', kind: 'checkbox' },
    ],
  },
  'imh-first-1001-days-timeline': {
    label: 'The first 1001 days timeline',
    options: [
      {
        name: 'birth-date',
        label: 'Baby’s date of birth (for a preview; leave empty so parents enter theirs)',
        kind: 'date',
      },
    ],
  },
});
let ELEMENTS = elementsFor({ version: 1 } as Feed);
const LANGUAGES: [string, string][] = [
  ['', 'The page’s language'],
  ...shippedLanguages().map(({ code, name, english }): [string, string] => [
    code,
    name == english ? name : `${name} (${english})`,
  ]),
];
const THEMES: [string, string][] = [
  ['', 'None (NHS colours)'],
  ...themes.map((t): [string, string] => [t, t == 'auto' ? 'auto (dark when the device prefers it)' : t]),
];

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const make = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
): HTMLElementTagNameMap[K] => Object.assign(document.createElement(tag), props);
const fillSelect = (select: HTMLSelectElement, choices: [string, string][], value = '') => {
  select.replaceChildren(
    ...choices.map(([v, label]) => make('option', { value: v, textContent: label, selected: v == value })),
  );
};

const form = $<HTMLFormElement>('#builder');
const which = $<HTMLSelectElement>('#builder-element');
const options = $<HTMLElement>('#builder-options');
const preview = $<HTMLElement>('#builder-preview');
const snippet = $<HTMLTextAreaElement>('#builder-snippet');
const copied = $<HTMLElement>('#builder-copied');
const feedInput = $<HTMLInputElement>('#builder-feed');
const feedStatus = $<HTMLElement>('#builder-feed-status');
fillSelect(
  which,
  Object.entries(ELEMENTS).map(([tag, e]) => [tag, `${e.label} <${tag}>`]),
  'imh-support-card',
);
fillSelect($<HTMLSelectElement>('#builder-lang'), LANGUAGES);
fillSelect($<HTMLSelectElement>('#builder-theme'), THEMES);

function renderOptions() {
  const kept = new FormData(form);
  options.replaceChildren(
    ...ELEMENTS[which.value].options.map((o) => {
      const id = `builder-opt-${o.name}`;
      const wrap = make('div', { className: o.kind == 'checkbox' ? 'field check' : 'field' });
      const label = make('label', { htmlFor: id, textContent: o.label });
      let input: HTMLInputElement | HTMLSelectElement;
      if (o.kind == 'select') {
        input = make('select', { id, name: o.name });
        fillSelect(
          input,
          o.choices!.map((c) => [c, c || o.none || 'any']),
          String(kept.get(o.name) ?? o.value ?? ''),
        );
      } else {
        input = make('input', { id, name: o.name, type: o.kind });
        if (o.kind == 'checkbox') input.checked = o.value == 'on';
        else input.value = o.value ?? '';
        if (o.kind == 'number') input.min = '1';
      }
      if (o.kind == 'checkbox') wrap.append(input, label);
      else wrap.append(label, input);
      return wrap;
    }),
  );
}

/** The chosen attributes, in the order they are written in the snippet. */
function attributes(): [string, string][] {
  const data = new FormData(form);
  const attrs: [string, string][] = [];
  const url = String(data.get('feed') ?? '').trim();
  if (url && url != pageFeed) attrs.push(['feed', url]);
  for (const o of ELEMENTS[which.value].options) {
    const v = data.get(o.name);
    if (o.kind == 'checkbox') {
      if (v) attrs.push([o.name, '']);
    } else if (v) attrs.push([o.name, String(v)]);
  }
  for (const name of ['lang', 'theme', 'heading-level']) {
    const v = String(data.get(name) ?? '');
    if (v && !(name == 'heading-level' && v == '2')) attrs.push([name, v]);
  }
  return attrs;
}

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function update() {
  const tag = which.value;
  const attrs = attributes();
  const element = document.createElement(tag);
  for (const [n, v] of attrs) element.setAttribute(n, v);
  const fallback = make('p', {
    textContent: 'Your fallback content: shown before the script loads and if the feed cannot be loaded.',
  });
  element.append(fallback);
  preview.replaceChildren(element);
  const script = new URL('/imh-widgets.js', location.href).href.replace(
    location.origin,
    'https://your-site.example/imh-widgets',
  );
  const open = `<${tag}${attrs.map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}="${escapeAttr(v)}"`)).join('')}>`;
  const feedUrl = String(new FormData(form).get('feed') ?? '');
  snippet.value = [
    `<!-- Once per page (or in the site template): -->`,
    `<script type="module" src="${script}"></script>`,
    attrs.some(([n]) => n == 'feed') ? '' : `<meta name="imh-feed" content="${escapeAttr(feedUrl)}">`,
    ``,
    `<!-- Where it should appear: -->`,
    open,
    `  <p><a href="https://your-site.example/family-hubs">See our Family Hubs</a></p>`,
    `</${tag}>`,
  ]
    .filter((l, i, all) => l !== '' || all[i - 1] !== '')
    .join('\n');
  copied.textContent = '';
}

/** Loads the chosen feed for its services, places and categories, and says what went wrong if it cannot. */
async function useFeed() {
  feedStatus.textContent = 'Loading the feed…';
  try {
    const { feed, issues } = await loadFeed(feedInput.value.trim());
    ELEMENTS = elementsFor(feed);
    feedStatus.textContent = `Feed loaded: ${feed.services?.length ?? 0} services, ${feed.sessions?.length ?? 0} sessions${issues.length ? `, ${issues.length} problem(s): see "Check a feed"` : ''}.`;
  } catch (e) {
    ELEMENTS = elementsFor({ version: 1 } as Feed);
    feedStatus.textContent = `That feed could not be used: ${(e as Error).message}`;
  }
  renderOptions();
  update();
}

const pageFeed = new URL(
  document.querySelector('meta[name=imh-feed]')?.getAttribute('content') ?? '/example-feed.json',
  location.href,
).href;
feedInput.value = pageFeed;
feedInput.addEventListener('change', () => void useFeed());
which.addEventListener('change', () => {
  renderOptions();
  update();
});
form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (e) => e.preventDefault());
$<HTMLButtonElement>('#builder-copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet.value);
    copied.textContent = 'Copied. Paste it into your page’s HTML.';
  } catch {
    snippet.select();
    copied.textContent = 'Selected: press Ctrl+C (or ⌘C) to copy.';
  }
});
renderOptions();
update();
void useFeed();

// The demo's language menu: the elements below speak the chosen language (also ?lang=cy).
const demoLang = $<HTMLSelectElement>('#demo-lang');
const elements = $<HTMLElement>('#elements');
fillSelect(
  demoLang,
  [...LANGUAGES.slice(1), ['en-XA', 'Pseudo-locale (testing)']],
  new URLSearchParams(location.search).get('lang') ?? 'en-GB',
);
const applyLang = () => elements.setAttribute('lang', demoLang.value);
demoLang.addEventListener('change', () => {
  applyLang();
  const url = new URL(location.href);
  url.searchParams.set('lang', demoLang.value);
  history.replaceState(null, '', url);
});
applyLang();
