/**
 * The last good copy of each feed, kept in localStorage so that a page still shows something
 * useful when the feed's server is down or the visitor's connection drops. One copy per feed and
 * per kind of element (`parts`: what it reads), because a feed whose sessions break must not
 * replace the copy the session list falls back on, even while its services are fine (which copy is
 * replaced, and by what, is decided in `load.ts`).
 *
 * Bounded (a few copies, each under a size limit, the oldest evicted first) and versioned (the key
 * prefix changes with the stored format). What is read back is untrusted: a copy that is not what
 * this module writes (a corrupt entry, a `savedAt` in the future or out of range) is discarded
 * quietly. Eviction never removes a copy before the new one is known to fit, and never removes a
 * copy this page uses: one it has read or saved, or asked for (`in-use.ts`: an element still loading
 * that feed), or one an element on the page names before its code has asked (`named`), so a page's
 * feeds never evict each other's copies, neither to stay within the count nor to make room. Private
 * browsing, disabled storage, sandboxed frames and a full quota all make these functions do nothing
 * rather than throw.
 *
 * It is a chunk of its own (`load.ts` loads it after a feed has been read, or when a feed fails or
 * skips items as broken), so the copy's reading and the rule that keeps it are here too.
 */

import { FeedValidationError } from './errors.js';
import type { FeedResult } from './load.js';
import type { FeedIssue } from './shape.js';
import type { FeedParts } from './parts.js';
import type { FeedRead } from './read.js';

/** Key prefix; bump the version when the stored format changes. */
export const STORE_PREFIX = 'imh-widgets:feed:v2:';
/** Prefixes of older formats, removed when a copy is saved. */
const OLD_PREFIXES = ['imh-widgets:feed:v1:'];
/** Most copies kept at once (beyond them only while this page uses them all). */
export const STORE_MAX_ENTRIES = 4;
/** Largest feed text kept, in UTF-16 code units (localStorage's measure). */
export const STORE_MAX_CHARS = 1_000_000;
/** The earliest `savedAt` believed (1 January 2020); anything earlier was not written by this code. */
const EARLIEST = Date.UTC(2020, 0, 1);
/** How far a device's clock may have stepped back since a copy was saved, in ms. */
const CLOCK_SLACK = 5 * 60_000;

export interface StoredFeed {
  /** When the copy was saved (ms since the epoch). */
  savedAt: number;
  /** The feed's JSON text, exactly as it was served. */
  text: string;
}

/**
 * The key of a stored copy: the feed's absolute URL and what the element reads (`parts.name`). Less
 * the prefix, it is the copy's name in `inUse` and in the names `loadFeed` asked for (`in-use.ts`).
 */
export const storeKey = (url: string, part = 'all'): string => `${STORE_PREFIX}${part} ${url}`;

/**
 * Copies this page has read, or saved for a load that still wanted them, by name (`storeKey`): never
 * evicted to keep another of its feeds.
 */
const inUse = new Set<string>();

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // SecurityError: storage disabled or a sandboxed frame
  }
};

/**
 * The feeds this page's elements name (an `imh-` element's `feed` attribute, or the page's `imh-feed`
 * meta tag), resolved against the page as `loadFeed` resolves them. A copy of one of them is in use
 * before that element's code has asked for it: with the autoloader each element's code comes when
 * it is needed, so one element may save its feed before another has started to load its own.
 */
const named = (): Set<string> => {
  const doc = globalThis.document;
  const found = new Set<string>();
  if (!doc) return found;
  const addresses = [...doc.querySelectorAll('[feed]')]
    .filter((e) => e.localName.startsWith('imh-'))
    .map((e) => e.getAttribute('feed'));
  addresses.push(doc.querySelector<HTMLMetaElement>('meta[name="imh-feed"]')?.content ?? null);
  for (const address of addresses) {
    try {
      if (address?.trim()) found.add(new URL(address.trim(), doc.baseURI).href);
    } catch {
      // not an address: no copy of it was saved
    }
  }
  return found;
};

/** Whether a copy could have been saved at `savedAt` (ms) by this code, on a clock that reads `now`. */
const believed = (savedAt: number, now: number) =>
  Number.isFinite(savedAt) && savedAt >= EARLIEST && savedAt <= now + CLOCK_SLACK;

/** A stored value as this module wrote it, or undefined. */
const parse = (raw: string | null, now: number): StoredFeed | undefined => {
  try {
    const value = JSON.parse(raw ?? 'null') as Partial<StoredFeed> | null;
    if (
      value &&
      typeof value == 'object' &&
      typeof value.text == 'string' &&
      value.text.length <= STORE_MAX_CHARS &&
      typeof value.savedAt == 'number' &&
      believed(value.savedAt, now)
    ) {
      return { savedAt: Math.min(value.savedAt, now), text: value.text };
    }
  } catch {
    // corrupt
  }
  return undefined;
};

/**
 * Our copies, newest first, with their size in UTF-16 code units. When each was saved is read from
 * the start of its value, as `saveFeed` writes it (`{"savedAt":…,"text":…}`), not by parsing it whole:
 * three other copies of a megabyte took 60 ms to parse in one task, every time a feed was saved. A copy
 * whose start is not that, or whose time is not believed, sorts as the oldest; the rest of a copy is
 * checked when it is read (`readFeed`).
 */
const entries = (s: Storage, now: number) => {
  const out: { key: string; savedAt: number; size: number }[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (!key?.startsWith(STORE_PREFIX)) continue;
    const raw = s.getItem(key);
    const savedAt = Number(/^\{"savedAt":(\d+(?:\.\d+)?),"text":"/.exec(raw ?? '')?.[1]);
    out.push({ key, savedAt: believed(savedAt, now) ? savedAt : 0, size: key.length + (raw?.length ?? 0) });
  }
  return out.sort((a, b) => b.savedAt - a.savedAt);
};

const remove = (s: Storage, key: string) => {
  try {
    s.removeItem(key);
  } catch {
    // nothing to do
  }
};

/**
 * Keeps `text` as the last good copy of the feed at `url` for the element kind `part`. Returns
 * whether it was kept. Never throws. When storage is full, copies this page does not use are
 * evicted oldest first, only as many as needed and only when that makes room; if the new copy
 * still does not fit, every evicted copy is put back. A copy this page uses (read or saved here, or
 * named in `asked`: `loadFeed`'s, those its callers load and have not given up) is never evicted: if the new copy fits
 * only without one, it is not kept, and the old copy of this feed stays.
 */
export function saveFeed(
  url: string,
  text: string,
  now = Date.now(),
  part = 'all',
  asked: readonly string[] = [],
): boolean {
  const s = storage();
  if (!s || text.length > STORE_MAX_CHARS) return false;
  const key = storeKey(url, part);
  const value = JSON.stringify({ savedAt: now, text } satisfies StoredFeed);
  const put = () => {
    try {
      s.setItem(key, value);
      return true;
    } catch {
      return false; // QuotaExceededError, or storage refused
    }
  };
  let all: ReturnType<typeof entries>;
  try {
    for (let i = s.length - 1; i >= 0; i--) {
      const k = s.key(i);
      if (k && OLD_PREFIXES.some((p) => k.startsWith(p))) remove(s, k);
    }
    all = entries(s, now);
  } catch {
    return false;
  }
  // Copies that may go: not this one, not one this page uses (even one not read yet, or not asked
  // for yet: an element on the page names its feed); oldest first. A name is `${part} ${url}`.
  const onPage = named();
  const used = (name: string) =>
    inUse.has(name) || asked.includes(name) || onPage.has(name.slice(name.indexOf(' ') + 1));
  const evictable = all.filter((e) => e.key != key && !used(e.key.slice(STORE_PREFIX.length))).reverse();
  let kept = put();
  if (!kept) {
    // Room is needed. Evicting cannot help if all the evictable copies together are smaller than
    // this one (beyond what its own old copy frees): then nothing is removed at all.
    const own = all.find((e) => e.key == key)?.size ?? 0;
    const freeable = evictable.reduce((n, e) => n + e.size, 0);
    if (freeable + own < key.length + value.length) return false;
    const evicted: [string, string][] = [];
    for (const e of evictable) {
      const old = s.getItem(e.key);
      if (old != null) evicted.push([e.key, old]);
      remove(s, e.key);
      if ((kept = put())) break;
    }
    if (!kept) {
      // It did not fit after all: put back what was removed (it fitted before).
      for (const [k, v] of evicted) {
        try {
          s.setItem(k, v);
        } catch {
          // another tab filled the space meanwhile
        }
      }
      return false;
    }
  }
  // In use from now on while a load still wants it (a load given up while its feed was read is saved,
  // a fresher copy, but not kept from eviction), or an element on the page names it.
  if (asked.includes(`${part} ${url}`) || onPage.has(url)) inUse.add(`${part} ${url}`);
  // Over the count: drop the oldest copies this page does not use.
  const over = all.filter((e) => e.key != key).length + 1 - STORE_MAX_ENTRIES;
  for (const e of evictable.slice(0, Math.max(0, over))) remove(s, e.key);
  return true;
}

/** The last good copy of the feed at `url` for the element kind `part`, if there is one. Never throws. */
export function readFeed(url: string, part = 'all', now = Date.now()): StoredFeed | undefined {
  const s = storage();
  if (!s) return undefined;
  const key = storeKey(url, part);
  let raw: string | null;
  try {
    raw = s.getItem(key);
  } catch {
    return undefined;
  }
  const value = parse(raw, now);
  if (value) inUse.add(`${part} ${url}`);
  else if (raw != null) remove(s, key); // not ours, or corrupt: discarded quietly
  return value;
}

/**
 * Forgets the stored copies of one feed (for every kind of element), or of every feed; with no `url`,
 * also which copies this page has read or saved. Never throws.
 */
export function forgetFeed(url?: string): void {
  const s = storage();
  if (!s) return;
  try {
    for (let i = s.length - 1; i >= 0; i--) {
      const key = s.key(i);
      if (key?.startsWith(STORE_PREFIX) && (!url || key.endsWith(` ${url}`))) remove(s, key);
    }
  } catch {
    // nothing to forget
  }
  if (!url) inUse.clear();
}

/** How many items one part of a feed keeps (a list, the timeline's stages, the terms, the bank holidays). */
const kept = (feed: FeedRead['feed'], key: string): number => {
  const v = (feed as Record<string, { stages?: unknown[]; terms?: unknown[]; dates?: unknown[] } | undefined>)[key];
  return (Array.isArray(v) ? v : (v?.stages ?? v?.terms ?? v?.dates))?.length ?? 0;
};

/** A part's name in a sentence: "sessions", "timeline stages", "bank holidays". */
const partName = (key: string) =>
  key == 'timeline' ? 'timeline stages' : key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

/**
 * The stored copy of the feed at `url` for `parts`, read again by `read` (as a fresh feed is read),
 * or undefined when there is none or it no longer reads.
 */
export async function storedCopy(
  url: string,
  parts: FeedParts,
  read: (text: string) => Promise<FeedRead>,
): Promise<(FeedRead & { savedAt: Date }) | undefined> {
  const stored = readFeed(url, parts.name);
  try {
    return stored && { ...(await read(stored.text)), savedAt: new Date(stored.savedAt) };
  } catch {
    return undefined; // the stored copy is no longer readable
  }
}

/**
 * For a fresh feed with problems that may have cost it items (an item skipped as broken, a list
 * ignored as a whole: `lostIn`): the stored copy, marked stale with the fresh feed's issues in its
 * error, when the copy keeps more items in a part where such a problem is (more sessions, say, however
 * many more places the fresh feed has); otherwise undefined, and the fresh feed replaces it (the rule
 * in the README, and in `load.ts`).
 */
export async function staleCopy(
  url: string,
  fresh: FeedRead,
  parts: FeedParts,
  read: (text: string) => Promise<FeedRead>,
  /**
   * The part a problem may have cost items in (`lostIn`, `lost.ts`, for `fresh`): given by `load.ts`,
   * which has it (imported here, the script-tag bundle would export it to this chunk).
   */
  lost: (issue: FeedIssue) => string | undefined,
): Promise<FeedResult | undefined> {
  // No problem that may have cost items (a value ignored, a time zone written wrong): the copy is not read.
  if (!fresh.issues.some(lost)) return undefined;
  const copy = await storedCopy(url, parts, read);
  // The parts a problem may have cost items in where the copy keeps more: an editor's own removals
  // elsewhere (the places, while a session is broken) are not the problems' doing.
  const fewer = Object.keys(parts.fields).filter(
    (key) => copy && fresh.issues.some((i) => lost(i) == key) && kept(copy.feed, key) > kept(fresh.feed, key),
  );
  if (!copy || !fewer.length) return undefined;
  const names = fewer.map(partName);
  // Past the first MAX_ISSUES, a part's problems are counted on its last issue (`more`).
  const problems = fresh.issues
    .filter((i) => fewer.includes(lost(i)!))
    .reduce((n, i) => n + (i.more?.problems ?? 1), 0);
  const error = new FeedValidationError(
    url,
    `keeps fewer ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]} than ` +
      `the copy saved in this browser, because of ${problems.toLocaleString('en')} ` +
      `${problems == 1 ? 'problem' : 'problems'} (see ` +
      'its issues), so that copy is shown until the feed is fixed.',
    fresh.issues,
  );
  return { feed: copy.feed, issues: copy.issues, url, stale: { savedAt: copy.savedAt, error } };
}
