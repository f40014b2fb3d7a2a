/**
 * Data freshness and sharing (issue 15), a chunk loaded only by an element with `last-checked`,
 * `review-after` or `share` (see `internal/imh-element.ts`, the `extras` task):
 *
 * - `last-checked`: a line under the element's content saying when the feed was last updated (its
 *   `updated`), "today", "3 days ago" within a week, else the date, in the element's language and
 *   the feed's time zone.
 * - `review-after`: for editors, the services not reviewed (`reviewed`) within a period: one console
 *   warning per feed per page naming them, and an `imh-review-due` event per element.
 * - `share`: a Share button per session or service. The Web Share API where the browser has it, else
 *   the link is copied (announced "Link copied"), else, when the clipboard is refused, shown in a
 *   read-only field, selected. The link is the page's address with `#imh-session-<id>` or
 *   `#imh-service-<id>`; an element with `share` that shows that item scrolls to it and moves focus
 *   to it, when the page loads with it (also once the item renders, however late) and when the
 *   fragment changes. Other fragments (the page's own anchors) are left alone.
 *
 * Its messages are the `reach` part of each language (`locales/<locale>.reach.js`), loaded with it.
 */
import { html, nothing, unsafeCSS, type CSSResult, type ReactiveElement } from 'lit';
import type { Feed, Service, Session } from '../feed/types.js';
import { ImhReviewDueEvent, type ImhReviewDueDetail, type ImhReviewDueService } from '../events/review-due.js';
import { both, feedString } from '../internal/feed-text.js';
import { formatAgo, formatDay } from '../internal/format.js';
import { str, type Translator } from '../internal/localize.js';
import { civil, dayNumber, daysInMonth, parseDay, wallClock } from '../schedule/civil.js';

/** What this chunk needs of an element (see `ImhElement`). */
export interface ExtrasHost extends ReactiveElement {
  lastChecked?: boolean;
  reviewAfter?: string;
  share?: boolean;
  /** The element's `now` attribute, where it has one (previews, tests): wall-clock time in the feed's zone. */
  now?: string;
  /** Adopts these styles after the element's own (ImhElement's `adopt`). */
  adopt(styles: CSSResult): void;
}

type Kind = 'session' | 'service';
type Unit = ImhReviewDueDetail['after']['unit'];

/** Today in the feed's zone, or the day of the element's `now` (`2026-11-23T08:00`, `2026-11-23T10:59:00Z`). */
const today = (host: ExtrasHost, timeZone: string) => {
  const now = host.now?.trim() ?? '';
  if (!/^\d{4}-\d\d-\d\d/.test(now)) return wallClock(Date.now(), timeZone).day;
  // An instant (with Z or an offset) is on the feed's calendar there; else a wall-clock date in its zone.
  return /(z|[+-]\d\d:?\d\d)$/i.test(now) ? wallClock(new Date(now), timeZone).day : parseDay(now);
};

/** "Information updated today", "… 3 days ago" (within a week), else "… on 20 November 2026". */
function lastChecked(host: ExtrasHost, t: Translator, feed: Feed) {
  const updated = feed.updated && new Date(feed.updated);
  if (!updated || isNaN(+updated)) return nothing;
  const day = wallClock(updated, feed.timeZone).day;
  const ago = today(host, feed.timeZone) - day;
  const say = (t: Translator) => {
    const when =
      ago >= 0 && ago < 7
        ? formatAgo(-ago, 'day', t.locale)
        : formatDay(day, t.locale, { day: 'numeric', month: 'long', year: 'numeric' });
    return ago >= 0 && ago < 7
      ? t.msg(str`Information updated ${when}`, {
          id: 'fresh.updated-ago',
          desc: 'When the feed was last updated, under its items; the placeholder is "today" or "3 days ago"',
        })
      : t.msg(str`Information updated on ${when}`, {
          id: 'fresh.updated-on',
          desc: 'When the feed was last updated, under its items; the placeholder is a date: "20 November 2026"',
        });
  };
  return html`<p part="last-checked" class="attribution">${both(t, say)}</p>`;
}

// ---------------------------------------------------------------------------------------------
// review-after

/** `review-after` as a period: bare (empty) is 12 months; "6 months", "1 year", "8 weeks", "90 days", "P6M". */
export function readPeriod(value: string): { count: number; unit: Unit } | undefined {
  const v = value.trim().toLowerCase();
  if (!v) return { count: 12, unit: 'month' };
  const iso = /^p(\d{1,4})([ymwd])$/.exec(v);
  const words = /^(\d{1,4}) *(year|month|week|day)s?$/.exec(v);
  const units: Record<string, Unit> = { y: 'year', m: 'month', w: 'week', d: 'day' };
  const count = Number(iso?.[1] ?? words?.[1]);
  const unit = iso ? units[iso[2]] : (words?.[2] as Unit | undefined);
  return count > 0 && unit ? { count, unit } : undefined;
}

/** The day `count` units before `day` (months and years by the calendar, the last day where the date is missing). */
function before(day: number, { count, unit }: { count: number; unit: Unit }): number {
  if (unit == 'day' || unit == 'week') return day - count * (unit == 'week' ? 7 : 1);
  const { y, m, d } = civil(day);
  const months = y * 12 + m - 1 - count * (unit == 'year' ? 12 : 1);
  const [yy, mm] = [Math.floor(months / 12), (months % 12) + 1];
  return dayNumber(yy, mm, Math.min(d, daysInMonth(yy, mm)));
}

/** "1 month", "8 months" (for the console, in English as its other notes). */
const months = (n: number) => `${n} month${n == 1 ? '' : 's'}`;

/** Whole months from one day to another. */
const monthsBetween = (from: number, to: number) => {
  const a = civil(from);
  const b = civil(to);
  return (b.y - a.y) * 12 + b.m - a.m - (b.d < a.d ? 1 : 0);
};

/** Feeds already reported in the console, by address (or the data given): once per feed per page. */
const warned = new Set<unknown>();
/** Bad `review-after` values already reported. */
const badPeriods = new Set<string>();
/** The feed each element last announced imh-review-due for. */
const announced = new WeakMap<ExtrasHost, Feed>();

function reviewDue(host: ExtrasHost, feed: Feed, url: string | undefined) {
  if (host.reviewAfter == null || announced.get(host) == feed) return;
  announced.set(host, feed);
  let after = readPeriod(host.reviewAfter);
  if (!after) {
    after = { count: 12, unit: 'month' };
    if (!badPeriods.has(host.reviewAfter)) {
      badPeriods.add(host.reviewAfter);
      console.warn(
        `imh-widgets: review-after="${host.reviewAfter}" is not a period, so 12 months is used. ` +
          'Write a number and a unit, like review-after="6 months", "1 year" or "P6M", ' +
          'or leave it empty for 12 months.',
      );
    }
  }
  const now = today(host, feed.timeZone);
  const limit = before(now, after);
  const due: ImhReviewDueService[] = (feed.services ?? [])
    .filter((s: Service) => !s.reviewed || parseDay(s.reviewed) < limit)
    .map((s) => ({
      id: s.id,
      name: feedString(s.name, feed.language, feed.language),
      reviewed: s.reviewed,
      months: s.reviewed ? monthsBetween(parseDay(s.reviewed), now) : undefined,
    }))
    .sort((a, b) => (a.reviewed ?? '').localeCompare(b.reviewed ?? ''));
  if (!due.length) return;
  const key = url ?? feed;
  if (!warned.has(key)) {
    warned.add(key);
    const period = `${after.count} ${after.unit}${after.count == 1 ? '' : 's'}`;
    const when = (s: ImhReviewDueService) =>
      s.reviewed ? `reviewed ${s.reviewed}, ${months(s.months!)} ago` : 'no reviewed date';
    const list = due.map((s) => `"${s.name}" (${s.id}: ${when(s)})`).join('; ');
    console.warn(
      `imh-widgets: ${due.length} ${due.length == 1 ? 'service' : 'services'} in ` +
        `${url ? `the feed at ${url}` : 'the feed'} ` +
        `not reviewed for more than ${period}: ${list}. Check their information and set each one's "reviewed" date ` +
        '(this note is shown because the element has review-after).',
    );
  }
  host.dispatchEvent(new ImhReviewDueEvent({ services: due, after, url }));
}

// ---------------------------------------------------------------------------------------------
// share

const copiedWords = (t: Translator) =>
  t.msg('Link copied', {
    id: 'share.copied',
    desc: 'Said (and shown beside the Share button) once the link is copied',
  });

/** Per element: the item whose link was just copied, or whose link is shown to copy by hand. */
const shared = new WeakMap<ExtrasHost, { copied?: string; shown?: string; select?: boolean }>();

/** `#imh-session-baby-massage`: the item's fragment (its id percent-encoded, so any id makes a safe fragment). */
const fragment = (kind: Kind, id: string) => `#imh-${kind}-${encodeURIComponent(id)}`;
const linkTo = (key: string) => location.href.replace(/#.*$/, '') + key;

async function share(host: ExtrasHost, key: string, title: string) {
  const url = linkTo(key);
  const state: { copied?: string; shown?: string; select?: boolean } = {};
  if (navigator.share) {
    try {
      await navigator.share({ title, url });
      return;
    } catch (e) {
      // The person closed the share sheet: nothing more to do. Refused (no permission): copy instead.
      if ((e as Error)?.name == 'AbortError') return;
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    state.copied = key;
  } catch {
    // No clipboard (an http: page) or refused: the link in a field to copy by hand, selected.
    state.shown = key;
    state.select = true;
  }
  shared.set(host, state);
  host.requestUpdate();
}

const select = (e: Event) => (e.target as HTMLInputElement).select();

/** What the host's Share buttons last did (a new object at each share): a list redraws its sessions when it changes. */
export const shareState = (host: ExtrasHost): unknown => shared.get(host);

/** The Share button for a session or service, and after it "Link copied" or the link to copy by hand. */
export function shareButton(host: ExtrasHost, t: Translator, item: Session | Service, language: string) {
  if (!host.share) return nothing;
  const kind: Kind = 'schedule' in item ? 'session' : 'service';
  const key = fragment(kind, item.id);
  const name = feedString(item.name, t.locale, language);
  const state = shared.get(host);
  const word = (t: Translator) =>
    t.msg('Share', { id: 'share.button', desc: 'Button that shares a link to a session or service' });
  return html`<p class="share">
    <button type="button" part="button share" class="secondary" data-share=${key}
      aria-label=${
        t.also
          ? nothing
          : t.msg(str`Share ${name}`, {
              id: 'share.label',
              desc: "Screen readers' name of the Share button: share.button's word, then the session or service",
            })
      }
      @click=${() => share(host, key, name)}>${both(t, word)}</button>
    ${
      state?.copied == key
        ? html`<span part="share-note">${copiedWords(t)}</span>`
        : state?.shown == key
          ? html`<label part="share-note">${t.msg('Copy this link:', {
              id: 'share.copy',
              desc: 'Label of a field holding the link to copy by hand, when the browser cannot copy it',
            })}
            <input type="url" readonly .value=${linkTo(key)} @focus=${select} /></label>`
          : nothing
    }
  </p>`;
}

/** The fragment to go to: `[kind, id]` for ours, else undefined (the page's own anchors). */
const wanted = (): string | undefined => {
  const m = /^#imh-(session|service)-(.+)$/.exec(location.hash);
  try {
    return m ? fragment(m[1] as Kind, decodeURIComponent(m[2])) : undefined;
  } catch {
    return undefined; // not a fragment we wrote
  }
};

/** The fragment already gone to (by one element), so later updates and other elements leave focus alone. */
let reached: string | undefined;
/** Elements with `share`, told when the fragment changes. */
const sharing = new Set<ExtrasHost>();
addEventListener('hashchange', () => {
  reached = undefined;
  for (const host of sharing) {
    if (host.isConnected) host.requestUpdate();
    else sharing.delete(host);
  }
});

/** Goes to the item the fragment names, if this element shows it (scrolls to it and moves focus to it). */
function goTo(host: ExtrasHost) {
  const key = wanted();
  if (!key || key == reached) return;
  const button = [...host.renderRoot.querySelectorAll<HTMLElement>('[data-share]')].find((b) => b.dataset.share == key);
  const item = button?.closest<HTMLElement>('[part~=card], [part~=item]');
  if (!item) return;
  reached = key;
  if (!item.hasAttribute('tabindex')) item.tabIndex = -1;
  item.scrollIntoView({ block: 'start' });
  item.focus({ preventScroll: true });
}

// ---------------------------------------------------------------------------------------------

/**
 * A style sheet from a css`` template without values, minified by the builds as Lit's tag's: styles/css.ts's
 * tag, written again here because this chunk importing that module makes the bundle split in two files.
 */
const css = ([text]: TemplateStringsArray) => unsafeCSS(text);

/** The Share button's note, and the last-checked line's room: a few rules, adopted with the chunk. */
const styles = css`
  .share {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block: var(--_gap) 0;
  }
  .share label {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: center;
    max-inline-size: 100%;
  }
  .share input {
    font: inherit;
    min-inline-size: 0;
    inline-size: 20em;
    max-inline-size: 100%;
    padding: 0.375rem;
    border: 2px solid var(--_fg);
    border-radius: var(--_radius);
    direction: ltr;
  }
  @media print {
    .share {
      display: none !important;
    }
  }
`;

/** After each update of an element with one of the attributes: its styles, the review check, the fragment. */
export function updated(host: ExtrasHost, feed: Feed | undefined, url: string | undefined) {
  host.adopt(styles);
  if (!feed) return;
  reviewDue(host, feed, url);
  if (host.share) {
    sharing.add(host);
    goTo(host);
    const state = shared.get(host);
    if (state?.select) {
      state.select = false;
      host.renderRoot.querySelector<HTMLInputElement>('.share input')?.focus();
    }
  }
}

/** What goes under the element's content: the last-checked line, and the polite announcement of a copied link. */
export function footer(host: ExtrasHost, t: Translator, feed: Feed) {
  const copied = host.share && shared.get(host)?.copied;
  return html`${host.lastChecked ? lastChecked(host, t, feed) : nothing}${
    host.share
      ? html`<p class="visually-hidden share-status" role="status">${copied ? copiedWords(t) : ''}</p>`
      : nothing
  }`;
}
