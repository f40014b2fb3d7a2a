/**
 * Credit for imported data. Some sources' licences ask for attribution (OpenActive data is
 * CC BY 4.0; GOV.UK and council data are often under the Open Government Licence): wherever an
 * element shows items from a source with an `attribution` or a `licence` in the feed's `sources`,
 * it shows that credit once, linked to the licence, in small but readable text (`.attribution` in
 * `styles/host.ts`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { safeUrl } from '../feed/url.js';
import type { Feed, Source } from '../feed/types.js';
import { feedString, feedText } from './feed-text.js';
import { str, type Translator } from './localize.js';

/** Anything an element shows that may have come from a source. */
export type Sourced = { source?: { ref: string } } | undefined;

/** Short names of the licences open data most often carries, as their publishers write them. */
const LICENCES: [RegExp, string][] = [
  [/creativecommons\.org\/licenses\/by\/(\d\.\d)/, 'CC BY $1'],
  [/creativecommons\.org\/licenses\/by-sa\/(\d\.\d)/, 'CC BY-SA $1'],
  [/creativecommons\.org\/publicdomain\/zero\/(\d\.\d)/, 'CC0 $1'],
  [/open-government-licence\/version\/(\d)/, 'OGL v$1.0'],
  [/opendatacommons\.org\/licenses\/odbl/, 'ODbL'],
];

const licenceName = (url: string, t: Translator): string => {
  for (const [re, name] of LICENCES) {
    const m = re.exec(url);
    if (m) return name.replace('$1', m[1] ?? '');
  }
  return t.msg('Licence', { id: 'attribution.licence', desc: 'Link to the licence of data shown, after its credit' });
};

/** The sources of the items shown that ask for credit, each once, in the feed's order. */
function creditedSources(feed: Feed, items: Iterable<Sourced>, safe: typeof safeUrl): Source[] {
  if (!feed.sources?.length) return [];
  const refs = new Set<string>();
  for (const item of items) if (item?.source) refs.add(item.source.ref);
  return feed.sources.filter((s) => refs.has(s.id) && (s.attribution || safe(s.licence)));
}

/**
 * The credit line for the items shown (sessions, services, and the places they name), or nothing
 * when none of their sources asks for one. A chunk of its own, loaded only for a feed whose sources ask
 * for credit (`ImhElement.credit`); the element gives it `safeUrl` (feed/url.ts) rather than this module
 * importing it: a lazy chunk importing a module the main bundle holds made Rolldown put that module in
 * a chunk of its own, one file more for every page (see the timeline body's `Kit`).
 */
export function attribution(
  feed: Feed,
  items: Iterable<Sourced>,
  t: Translator,
  safe: typeof safeUrl,
): TemplateResult | typeof nothing {
  const { locale } = t;
  const sources = creditedSources(feed, items, safe);
  if (!sources.length) return nothing;
  return html`<p part="attribution" class="attribution">${sources.map((s, i) => {
    const licence = safe(s.licence);
    const name = feedString(s.name, locale, feed.language);
    const credit = s.attribution
      ? feedText(s.attribution, locale, feed.language)
      : name
        ? t.msg(str`Data from ${name}`, {
            id: 'attribution.data-from',
            desc: 'Credit for data imported from another publisher; placeholder: its name, like "Anytown Leisure"',
          })
        : '';
    const link = licence && html`<a part="link" href=${licence} rel="license">${licenceName(licence, t)}</a>`;
    const separator = i ? html`<span aria-hidden="true"> · </span>` : nothing;
    const linked = credit && link ? html` (${link})` : (link ?? nothing);
    return html`${separator}<span class="credit">${credit}${linked}</span>`;
  })}</p>`;
}
