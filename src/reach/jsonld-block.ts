/**
 * The elements' opt-in schema.org JSON-LD (the `jsonld` attribute): one
 * `<script type="application/ld+json">` in the page's `<head>` per element, holding
 * `feedJsonLd()` (src/export/jsonld.ts) for the items the element lists by its attributes, kept
 * up to date when the feed, the language, the time or the attributes change, and removed with the
 * attribute or the element. Loaded only when an element has the attribute.
 *
 * The exporter (`export/jsonld.ts`) is its own chunk, loaded beside this one (see `internal/reach.ts`).
 *
 * Trusted Types: a script element's text is a Trusted Types sink, so under
 * `require-trusted-types-for 'script'` the text goes through a policy named `imh-jsonld` (it only
 * passes on JSON text made by `jsonLdText()`, which escapes `<`, `>` and `&`, so nothing in it can
 * end the element or be read as markup). A page whose `trusted-types` list does not allow that name
 * gets no block and ONE console note saying what to add.
 */
import type { Feed, Service } from '../feed/types.js';
import type * as Exporter from '../export/jsonld.js';
import { matches } from '../components/session-list/filters.js';
import { zonedInstant } from '../schedule/civil.js';

/** The policy's name: pages that restrict Trusted Types policies list it in `trusted-types`. */
export const POLICY = 'imh-jsonld';

interface TrustedTypePolicyLike {
  createScript(text: string): unknown;
}
type Factory = { createPolicy(name: string, rules: { createScript(s: string): string }): TrustedTypePolicyLike };

/** The page's policy: created once; `null` when the page does not allow it (noted once). */
let policy: TrustedTypePolicyLike | null | undefined;

function trusted(text: string): unknown {
  const factory = (globalThis as { trustedTypes?: Factory }).trustedTypes;
  if (!factory) return text; // no Trusted Types in this browser: nothing enforces them
  if (policy === undefined) {
    try {
      // Only JSON text from jsonLdText() reaches it (see script()).
      policy = factory.createPolicy(POLICY, { createScript: (s) => s });
    } catch {
      policy = null;
      console.warn(
        `imh-widgets: the jsonld attribute adds no search-engine data to this page, because its ` +
          `Content-Security-Policy does not allow the Trusted Types policy "${POLICY}". Add ${POLICY} to the ` +
          `policy's trusted-types list (for example: trusted-types lit-html ${POLICY}), ` +
          'or remove the jsonld attribute.',
      );
    }
  }
  return policy ? policy.createScript(text) : undefined;
}

/**
 * The element's `now` as the elements read it (internal/now.ts, which this chunk does not import so
 * that the elements' own code carries no exports for it): a date or date-time without offset is
 * wall-clock time in the feed's zone; anything else `Date` reads; else the current time.
 */
function instant(value: string | undefined, timeZone: string): Date {
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?(?::\d\d(?:\.\d+)?)?$/.exec(value?.trim() ?? '');
  if (m)
    return zonedInstant(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86_400_000, +(m[4] ?? 0) * 60 + +(m[5] ?? 0), timeZone);
  const t = new Date(value ?? '');
  return isNaN(t.getTime()) ? new Date() : t;
}

/** What an element needs to give for its JSON-LD: its public attributes and its feed. */
export interface JsonLdHost extends HTMLElement {
  now?: string;
  days?: number;
  category?: string;
  place?: string;
  audience?: string;
  ageMonths?: number;
  service?: string;
  stage?: string;
  kind?: string;
}

/** The feed cut down to what the element lists by its attributes (not a visitor's own filters). */
export function listed(host: JsonLdHost, feed: Feed): Feed {
  const services = feed.services ?? [];
  switch (host.localName) {
    case 'imh-session-list':
      return {
        ...feed,
        services: [],
        sessions: (feed.sessions ?? []).filter((s) =>
          matches(s, {
            category: host.category,
            place: host.place,
            audience: host.audience,
            ageMonths: host.ageMonths,
          }),
        ),
      };
    case 'imh-support-card':
      return { ...feed, sessions: [], services: services.filter((s) => s.id == host.service) };
    case 'imh-support-list':
      return {
        ...feed,
        sessions: [],
        services: services.filter((s: Service) => {
          if (s.urgency != 'routine') return true; // urgent help is always listed
          if (host.kind && s.kind != host.kind) return false;
          if (host.stage && s.stages?.length && !s.stages.includes(host.stage as never)) return false;
          // As the list filters (internal/audience.ts): no audience, or parents or families, suits all.
          const a = s.audience ?? [];
          return !host.audience || !a.length || a.some((x) => x == host.audience || x == 'parents' || x == 'families');
        }),
      };
    default:
      return { ...feed, sessions: [], services: [] };
  }
}

interface Block {
  script: HTMLScriptElement;
  key: string;
}
const blocks = new WeakMap<HTMLElement, Block>();

/** The page's address without its fragment: the `url` of events whose session has none. */
const pageUrl = () => location.href.split('#')[0];

/**
 * Puts the element's JSON-LD block in the page, updates it, or removes it: `feed` undefined (no feed
 * yet, an error) or `on` false removes it. One block per element, always the same script element.
 */
export function jsonLdBlock(
  exporter: typeof Exporter,
  host: JsonLdHost,
  feed: Feed | undefined,
  locale: string,
  on: boolean | undefined,
): void {
  const { feedJsonLd, jsonLdText } = exporter;
  let block = blocks.get(host);
  if (!on || !feed || !host.isConnected) {
    block?.script.remove();
    blocks.delete(host);
    return;
  }
  const timeZone = feed.timeZone ?? 'Europe/London';
  const now = instant(host.now, timeZone);
  const days = Math.max(1, host.days || 28);
  // Worked out again only when something it depends on changed (the time, to the hour).
  const key = JSON.stringify([
    locale,
    days,
    Math.floor(now.getTime() / 3_600_000),
    pageUrl(),
    host.category,
    host.place,
    host.audience,
    host.ageMonths,
    host.service,
    host.stage,
    host.kind,
  ]);
  if (block && block.key == key && cache.get(host) === feed) {
    if (!block.script.isConnected) document.head.append(block.script);
    return;
  }
  const { data } = feedJsonLd(listed(host, feed), { now, days, lang: locale, pageUrl: pageUrl() });
  const text = trusted(jsonLdText(data));
  if (text === undefined) return; // not allowed here (noted once)
  if (!block) {
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.dataset.imhFor = host.localName + (host.id ? `#${host.id}` : '');
    block = { script, key };
    blocks.set(host, block);
  }
  block.key = key;
  cache.set(host, feed);
  // A TrustedScript under Trusted Types, else the JSON text: never parsed as HTML either way.
  (block.script as { textContent: unknown }).textContent = text;
  if (!block.script.isConnected) document.head.append(block.script);
}

/** The feed each element's block was made from. */
const cache = new WeakMap<HTMLElement, Feed>();
