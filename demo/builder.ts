// The demo page's embed builder: choose an element, a feed, its options, a language and a theme;
// see it live; copy the code to paste into a CMS. Also the demo's language menu.
// Everything is built with DOM methods and attribute setters: nothing here parses HTML. The code
// never points at this computer: addresses the editor has not given are clear placeholders, and
// an address on this computer (localhost, a private network) is refused with a sentence.
import { loadFeed } from '../src/feed/index.js';
import { formatPhone } from '../src/feed/phone.js';
import { pickText } from '../src/feed/text.js';
import type { Feed, Text } from '../src/feed/types.js';
import { AUDIENCES, KINDS, STAGES } from '../src/feed/vocabulary.js';
import { shippedLanguages } from '../src/languages.js';
import { themes } from '../src/styles/themes.js';

/** What the code uses until the editor gives their own addresses. */
export const PLACEHOLDER = {
  script: 'https://your-site.example/imh-widgets/imh-widgets.js',
  feed: 'https://your-site.example/family-hubs/feed.json',
};

type Choice = [value: string, label: string];
type Option = {
  name: string;
  label: string;
  kind: 'select' | 'number' | 'checkbox' | 'date';
  choices?: Choice[];
  value?: string;
  /** number: the range allowed, and the element's own default (used when the attribute is left out). */
  min?: number;
  max?: number;
  default?: number;
  /** date: a sentence when the date is not allowed, else undefined. */
  check?: (date: string, today: string) => string | undefined;
};

// Names for the feed's vocabularies, as an editor reads them (the demo is in English).
const AUDIENCE_NAMES: Record<(typeof AUDIENCES)[number], string> = {
  parents: 'Parents',
  mums: 'Mums',
  dads: 'Dads',
  'co-parents': 'Co-parents',
  carers: 'Carers',
  pregnant: 'Parents-to-be',
  families: 'Families',
  practitioners: 'Practitioners',
};
const STAGE_NAMES: Record<(typeof STAGES)[number], string> = {
  pregnancy: 'Pregnancy',
  '0-12m': 'Babies under 1 (0 to 12 months)',
  '12-24m': 'Children aged 1 to 2 (12 to 24 months)',
};
const KIND_NAMES: Record<(typeof KINDS)[number], string> = {
  app: 'Apps',
  helpline: 'Helplines',
  service: 'Services',
  group: 'Groups',
  website: 'Websites',
};
const LAYOUTS: Choice[] = [
  ['', 'Standard'],
  ['compact', 'Compact (for narrow sidebars)'],
];

const text = (value: Text | undefined, feed: Feed) => pickText(value, 'en', feed.language)?.text ?? '';
const byName = (a: Choice, b: Choice) => a[1].localeCompare(b[1], 'en');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A category's name: its id in words, with how many sessions it has (the feed gives categories no names). */
function categoryChoices(feed: Feed): Choice[] {
  const counts = new Map<string, number>();
  for (const s of feed.sessions ?? []) if (s.category) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
  return [...counts]
    .map(([id, n]): Choice => [id, `${capitalise(id.replace(/-/g, ' '))} (${n} ${n == 1 ? 'session' : 'sessions'})`])
    .sort(byName);
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 864e5).toISOString().slice(0, 10);

/** The elements and their options; choices (services, places, categories) come from the chosen feed. */
const elementsFor = (feed: Feed): Record<string, { label: string; options: Option[] }> => ({
  'imh-session-list': {
    label: 'Sessions: what’s on',
    options: [
      { name: 'filters', label: 'Show filters to visitors', kind: 'checkbox', value: 'on' },
      { name: 'limit', label: 'Sessions to show at first', kind: 'number', value: '5', min: 1, max: 50, default: 10 },
      { name: 'days', label: 'Days ahead', kind: 'number', value: '28', min: 1, max: 365, default: 28 },
      {
        name: 'category',
        label: 'Only this type of session',
        kind: 'select',
        choices: [['', 'Every type'], ...categoryChoices(feed)],
      },
      {
        name: 'place',
        label: 'Only this place',
        kind: 'select',
        choices: [
          ['', 'Every place'],
          ...(feed.places ?? []).map((p): Choice => [p.id, text(p.name, feed)]).sort(byName),
        ],
      },
      {
        name: 'audience',
        label: 'Only sessions for',
        kind: 'select',
        choices: [['', 'Everyone'], ...AUDIENCES.map((a): Choice => [a, AUDIENCE_NAMES[a]])],
      },
      { name: 'layout', label: 'Layout', kind: 'select', choices: LAYOUTS },
    ],
  },
  'imh-support-card': {
    label: 'One support service',
    options: [
      {
        name: 'service',
        label: 'Service',
        kind: 'select',
        choices: (feed.services ?? []).map((s): Choice => [s.id, text(s.name, feed)]).sort(byName),
        value: 'health-visiting',
      },
      { name: 'layout', label: 'Layout', kind: 'select', choices: LAYOUTS },
    ],
  },
  'imh-support-list': {
    label: 'Support and services directory',
    options: [
      {
        name: 'stage',
        label: 'Only this stage',
        kind: 'select',
        choices: [['', 'Every stage'], ...STAGES.map((s): Choice => [s, STAGE_NAMES[s]])],
      },
      {
        name: 'audience',
        label: 'Only services for',
        kind: 'select',
        choices: [['', 'Everyone'], ...AUDIENCES.map((a): Choice => [a, AUDIENCE_NAMES[a]])],
      },
      {
        name: 'kind',
        label: 'Only this kind',
        kind: 'select',
        choices: [['', 'Every kind'], ...KINDS.map((k): Choice => [k, KIND_NAMES[k]])],
      },
      { name: 'no-controls', label: 'Hide the visitor’s filters', kind: 'checkbox' },
      { name: 'layout', label: 'Layout', kind: 'select', choices: LAYOUTS },
    ],
  },
  'imh-first-1001-days-timeline': {
    label: 'The first 1001 days timeline',
    options: [
      {
        name: 'due-date',
        label: 'Due date (for a preview; leave empty so parents enter theirs)',
        kind: 'date',
        check: (date, today) =>
          date > addDays(today, 44 * 7)
            ? 'A due date is at most 44 weeks away. Check the year.'
            : date < addDays(today, -1001)
              ? 'That due date is more than 1001 days ago, past the end of the timeline.'
              : undefined,
      },
      {
        name: 'birth-date',
        label: 'Baby’s date of birth (for a preview; leave empty so parents enter theirs)',
        kind: 'date',
        check: (date, today) =>
          date > today ? 'A date of birth cannot be in the future. For a pregnancy, give the due date.' : undefined,
      },
    ],
  },
});
let ELEMENTS = elementsFor({ version: 1 } as Feed);
const LANGUAGES: Choice[] = [
  ['', 'The page’s language'],
  ...shippedLanguages().map(({ code, name, english }): Choice => [
    code,
    name == english ? name : `${name} (${english})`,
  ]),
];
const THEME_NAMES: Record<(typeof themes)[number], string> = {
  nhs: 'NHS',
  govuk: 'GOV.UK',
  charity: 'Charity (purple)',
  dark: 'Dark',
  auto: 'Auto (dark when the device prefers it)',
};
const THEMES: Choice[] = [['', 'None (NHS colours)'], ...themes.map((t): Choice => [t, THEME_NAMES[t]])];

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const make = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
): HTMLElementTagNameMap[K] => Object.assign(document.createElement(tag), props);
const fillSelect = (select: HTMLSelectElement, choices: Choice[], value = '') => {
  select.replaceChildren(
    ...choices.map(([v, label]) => make('option', { value: v, textContent: label, selected: v == value })),
  );
};

const form = $<HTMLFormElement>('#builder');
const which = $<HTMLSelectElement>('#builder-element');
const tagName = $<HTMLElement>('#builder-element-tag');
const options = $<HTMLElement>('#builder-options');
const preview = $<HTMLElement>('#builder-preview');
const snippet = $<HTMLTextAreaElement>('#builder-snippet');
const todo = $<HTMLElement>('#builder-todo');
const copied = $<HTMLElement>('#builder-copied');
const feedInput = $<HTMLInputElement>('#builder-feed');
const feedStatus = $<HTMLElement>('#builder-feed-status');
const scriptInput = $<HTMLInputElement>('#builder-script');
fillSelect(
  which,
  Object.entries(ELEMENTS).map(([tag, e]): Choice => [tag, e.label]),
  'imh-support-card',
);
fillSelect($<HTMLSelectElement>('#builder-lang'), LANGUAGES);
fillSelect($<HTMLSelectElement>('#builder-theme'), THEMES);

/** The demo's own example feed, for the preview until the editor gives theirs. */
const exampleFeed = new URL(
  document.querySelector('meta[name=imh-feed]')?.getAttribute('content') ?? '/example-feed.json',
  location.href,
).href;

/** Addresses that only this computer, or a private network, can reach. */
const isLocal = (url: URL) =>
  /^(localhost|.*\.localhost|.*\.local|.*\.internal|0\.0\.0\.0|127(\.\d+){3}|10(\.\d+){3}|192\.168(\.\d+){2}|172\.(1[6-9]|2\d|3[01])(\.\d+){2}|169\.254(\.\d+){2}|\[.*\])$/i.test(
    url.hostname,
  );

/**
 * An address the editor typed: the URL to use, or a sentence saying why it cannot be used. Empty is
 * fine (the code then has a placeholder).
 */
function checkAddress(value: string, what: string): { url?: string; problem?: string } {
  if (!value) return {};
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `“${value}” is not a web address. Give the full address of ${what}, starting with https://.` };
  }
  if (url.protocol != 'https:' && url.protocol != 'http:')
    return { problem: `“${value}” is not a web address. Give the full address of ${what}, starting with https://.` };
  if (isLocal(url))
    return {
      problem:
        `${url.host} is on this computer or a private network, which visitors to your site cannot reach. ` +
        `Give the public address of ${what} on your website; until then the code has a placeholder.`,
    };
  if (url.protocol == 'http:')
    return {
      problem: `Pages on https:// cannot read ${what} from an http:// address. Give its https:// address; until then the code has a placeholder.`,
    };
  return { url: url.href };
}

/** Shows, or clears, the sentence under a field and marks the field invalid. */
function say(input: HTMLElement, id: string, problem: string | undefined) {
  let note = document.getElementById(id);
  if (!problem) {
    note?.remove();
    input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', (input.getAttribute('aria-describedby') ?? '').replace(id, '').trim());
    return;
  }
  if (!note) {
    note = make('p', { id, className: 'error' });
    input.after(note);
    input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} ${id}`.trim());
  }
  note.textContent = problem;
  input.setAttribute('aria-invalid', 'true');
}

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
        fillSelect(input, o.choices!, String(kept.get(o.name) ?? o.value ?? ''));
      } else {
        input = make('input', { id, name: o.name, type: o.kind });
        if (o.kind == 'checkbox') input.checked = o.value == 'on';
        else input.value = String(kept.get(o.name) ?? o.value ?? '');
        if (o.kind == 'number') Object.assign(input, { min: String(o.min), max: String(o.max), step: '1' });
      }
      if (o.kind == 'checkbox') wrap.append(input, label);
      else wrap.append(label, input);
      return wrap;
    }),
  );
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The option's value for the code, or a sentence saying why it is refused (and left out). */
function optionValue(o: Option, input: HTMLInputElement | HTMLSelectElement): { value?: string; problem?: string } {
  if (o.kind == 'checkbox') return { value: (input as HTMLInputElement).checked ? '' : undefined };
  const raw = input.value.trim();
  if (o.kind == 'number') {
    const typed = (input as HTMLInputElement).validity.badInput;
    if (!raw && !typed) return {};
    const n = Number(raw);
    if (typed || !Number.isInteger(n) || n < o.min! || n > o.max!)
      return {
        problem:
          `${o.label}: ${raw ? `“${raw}” is not allowed` : 'that is not a number'}; give a whole number ` +
          `from ${o.min} to ${o.max}. The code leaves “${o.name}” out until then, so the element shows its ` +
          `default, ${o.default}.`,
      };
    return { value: String(n) };
  }
  if (o.kind == 'date') {
    if ((input as HTMLInputElement).validity.badInput) return { problem: 'That is not a whole date.' };
    const problem = raw ? o.check?.(raw, today()) : undefined;
    return problem
      ? { problem: `${problem} The code leaves “${o.name}” out until then.` }
      : { value: raw || undefined };
  }
  return { value: raw || undefined };
}

/** The chosen attributes, in the order they are written in the code. Refused values are left out. */
function attributes(): [string, string][] {
  const attrs: [string, string][] = [];
  for (const o of ELEMENTS[which.value].options) {
    const input = form.elements.namedItem(o.name) as HTMLInputElement | HTMLSelectElement | null;
    if (!input) continue;
    const { value, problem } = optionValue(o, input);
    say(input, `${input.id}-error`, problem);
    if (value !== undefined) attrs.push([o.name, value]);
  }
  const data = new FormData(form);
  for (const name of ['lang', 'theme', 'heading-level']) {
    const v = String(data.get(name) ?? '');
    if (v && !(name == 'heading-level' && v == '2')) attrs.push([name, v]);
  }
  return attrs;
}

/**
 * What shows inside the element before the script loads and if the feed cannot be loaded: the
 * editor's own link, else (for a card) the service's own name, phone and website from the feed.
 */
function fallback(feed: Feed | undefined, serviceId: string | null): HTMLElement | undefined {
  const data = new FormData(form);
  const href = checkAddress(String(data.get('fallback-url') ?? '').trim(), 'the page to link to');
  say($('#builder-fallback-url'), 'builder-fallback-url-error', href.problem?.replace(/ until then.*$/, ''));
  const words = String(data.get('fallback-text') ?? '').trim();
  const p = make('p');
  if (href.url) {
    p.append(make('a', { href: href.url, textContent: words || href.url }));
    return p;
  }
  const service = serviceId ? feed?.services?.find((s) => s.id == serviceId) : undefined;
  if (!service || !feed) return undefined;
  const site = service.contact?.url;
  const name = text(service.name, feed);
  p.append(site ? make('a', { href: site, textContent: name }) : make('strong', { textContent: name }));
  const phone = service.contact?.phones?.[0];
  if (phone) {
    const { display, tel } = formatPhone(phone.number);
    p.append(': call ', make('a', { href: tel, textContent: display }));
  }
  return p;
}

let loaded: Feed | undefined;

function update() {
  const tag = which.value;
  tagName.textContent = `<${tag}>`;
  const attrs = attributes();
  const feed = checkAddress(feedInput.value.trim(), 'your feed');
  const script = checkAddress(scriptInput.value.trim(), 'imh-widgets.js');
  say(scriptInput, 'builder-script-error', script.problem);
  const content = fallback(
    loaded,
    tag == 'imh-support-card' ? (attrs.find(([n]) => n == 'service')?.[1] ?? null) : null,
  );

  // The preview reads the typed feed when there is one, else the demo's example.
  const element = document.createElement(tag);
  element.setAttribute('feed', feed.url ?? exampleFeed);
  for (const [n, v] of attrs) element.setAttribute(n, v);
  if (content) element.append(content.cloneNode(true));
  preview.replaceChildren(element);

  const needsFeed = tag != 'imh-first-1001-days-timeline' || Boolean(feed.url);
  const open = `<${tag}${attrs.map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}="${escapeAttr(v)}"`)).join('')}>`;
  snippet.value = [
    `<!-- Once per page (or in the site template): -->`,
    ...(script.url ? [] : [`<!-- Replace ${PLACEHOLDER.script} with the address of imh-widgets.js on your site. -->`]),
    `<script type="module" src="${escapeAttr(script.url ?? PLACEHOLDER.script)}"></script>`,
    ...(needsFeed && !feed.url ? [`<!-- Replace ${PLACEHOLDER.feed} with your feed's address. -->`] : []),
    ...(needsFeed ? [`<meta name="imh-feed" content="${escapeAttr(feed.url ?? PLACEHOLDER.feed)}">`] : []),
    ``,
    `<!-- Where it should appear: -->`,
    open,
    ...(content ? [`  ${content.outerHTML}`] : []),
    `</${tag}>`,
  ].join('\n');
  // Tall enough for every line, at every width: nothing in the code is hidden.
  snippet.style.blockSize = 'auto';
  snippet.style.blockSize = `${snippet.scrollHeight + 4}px`;

  // What is left to do, with each placeholder written as it stands in the code.
  const steps: (string | HTMLElement)[][] = [];
  const code = (textContent: string) => make('code', { textContent });
  if (!script.url)
    steps.push([
      'Replace ',
      code(PLACEHOLDER.script),
      ' with the address of imh-widgets.js on your site, or type it above.',
    ]);
  if (needsFeed && !feed.url)
    steps.push(['Replace ', code(PLACEHOLDER.feed), ' with your feed’s address, or type it above.']);
  if (!content)
    steps.push([
      'Add fallback content (a link to your own page about it): it shows before the script loads ',
      'and if the feed cannot be loaded.',
    ]);
  const list = make('ul');
  list.replaceChildren(
    ...steps.map((step) => {
      const li = make('li');
      li.append(...step);
      return li;
    }),
  );
  todo.replaceChildren(
    make('p', {
      textContent: steps.length ? 'Before you paste the code:' : 'The code is ready to paste.',
    }),
    ...(steps.length ? [list] : []),
  );
  copied.textContent = '';
}

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Loads the chosen feed (or the example) for its services, places and categories, and says what went wrong. */
let loading = 0;
async function useFeed() {
  const run = ++loading;
  const typed = checkAddress(feedInput.value.trim(), 'your feed');
  say(feedInput, 'builder-feed-error', typed.problem);
  const url = typed.url ?? exampleFeed;
  feedStatus.textContent = 'Loading the feed…';
  try {
    const { feed, issues } = await loadFeed(url);
    if (run != loading) return;
    loaded = feed;
    ELEMENTS = elementsFor(feed);
    const problems = issues.length ? `, ${issues.length} problem(s): see "Check a feed"` : '';
    const counts = `${feed.services?.length ?? 0} services, ${feed.sessions?.length ?? 0} sessions${problems}`;
    feedStatus.textContent = typed.url
      ? `Feed loaded: ${counts}.`
      : `The preview uses the example feed (${counts}); the code has a placeholder for yours.`;
  } catch (e) {
    if (run != loading) return;
    loaded = undefined;
    ELEMENTS = elementsFor({ version: 1 } as Feed);
    feedStatus.textContent = `That feed could not be used: ${(e as Error).message}`;
  }
  renderOptions();
  update();
}

feedInput.addEventListener('change', () => void useFeed());
which.addEventListener('change', () => {
  renderOptions();
  update();
});
form.addEventListener('input', (e) => e.target != feedInput && update());
form.addEventListener('change', (e) => e.target != feedInput && update());
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
