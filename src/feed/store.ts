/**
 * The last good copy of each feed, kept in localStorage so that a page still shows something
 * useful when the feed's server is down or the visitor's connection drops. One copy per feed and
 * per kind of element (`parts`: what it reads), because a feed whose sessions break must not
 * replace the copy the session list falls back on, even while its services are fine (which copy is
 * replaced, and by what, is decided in `load.ts`).
 *
 * Bounded (a few copies, each under a size limit, the oldest evicted first) and versioned (the key
 * prefix changes with the stored format). What is read back is untrusted: a copy that is not what
 * this module writes (a corrupt entry, a `savedAt` in the future or out of range, a long text whose
 * pieces are missing or changed) is discarded quietly. Eviction removes copies only when together
 * they would make room for the new one, puts them back if it does not fit after all, and never
 * removes a copy this page uses: one it has read or saved, or asked for (`in-use.ts`: an element
 * still loading that feed), or one an element on the page names before its code has asked (`named`),
 * so a page's feeds never evict each other's copies, neither to stay within the count nor to make
 * room. Private browsing, disabled storage, sandboxed frames and a full
 * quota all make these functions do nothing rather than throw.
 *
 * A copy (its head, under `storeKey`) holds its text itself, or, when the text is longer than
 * `PIECE_CHARS`, names a text stored in pieces (`TEXT_PREFIX`) written one per task: writing a
 * megabyte in one call was a task of 50–65 ms. A text is named by its content (`textId`), so the
 * copies of one feed for several kinds of element share one text, written once.
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
/**
 * Key prefix of the texts stored in pieces: `${TEXT_PREFIX}${id}` holds when the text was last
 * written (ms), and `${TEXT_PREFIX}${id} ${i}` its pieces, in order.
 */
export const TEXT_PREFIX = 'imh-widgets:text:v2:';
/** The longest text a copy holds itself, and the length of each piece of a longer one (UTF-16 code units). */
export const PIECE_CHARS = 65_536;
/** Most copies kept at once (beyond them only while this page uses them all). */
export const STORE_MAX_ENTRIES = 4;
/** Largest feed text kept, in UTF-16 code units (localStorage's measure). */
export const STORE_MAX_CHARS = 1_000_000;
/** The earliest `savedAt` believed (1 January 2020); anything earlier was not written by this code. */
const EARLIEST = Date.UTC(2020, 0, 1);
/** How far a device's clock may have stepped back since a copy was saved, in ms. */
const CLOCK_SLACK = 5 * 60_000;
/**
 * How long a text in pieces that no copy names is left alone, in ms: another tab may be writing it.
 * After that it is removed (a tab closed while it wrote one leaves it behind).
 */
const WRITING = 10 * 60_000;

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
 * A text's name in storage, from its content: two hashes of its UTF-16 code units (cyrb53's mixing)
 * and its length, so the copies of one text share it and a changed piece is found when read.
 */
export const textId = (text: string): string => {
  let a = 0xdeadbeef;
  let b = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 2654435761);
    b = Math.imul(b ^ c, 1597334677);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return `${(a >>> 0).toString(36)}-${(b >>> 0).toString(36)}-${text.length}`;
};

/**
 * The length of the text named `id`, and the number of its pieces: none for a name `textId` does not
 * give (read from storage, it may be anything), or for a length a text in pieces does not have.
 */
const measure = (id: string) => {
  const length = Number(/^[\da-z]{1,7}-[\da-z]{1,7}-(\d{1,7})$/.exec(id)?.[1]);
  return length > PIECE_CHARS && length <= STORE_MAX_CHARS
    ? { length, pieces: Math.ceil(length / PIECE_CHARS) }
    : { length: 0, pieces: 0 };
};

/** The key of piece `i` of the text `id`. */
const pieceKey = (id: string, i: number) => `${TEXT_PREFIX}${id} ${i}`;

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

/** The text `id`, joined from its pieces, or undefined when one is missing or it is not that text. */
const joined = (s: Storage, id: string): string | undefined => {
  const { pieces } = measure(id);
  if (!pieces) return undefined;
  const parts: string[] = [];
  for (let i = 0; i < pieces; i++) {
    const piece = s.getItem(pieceKey(id, i));
    if (piece == null) return undefined;
    parts.push(piece);
  }
  const text = parts.join('');
  return textId(text) == id ? text : undefined;
};

/** A stored copy as this module wrote it (its text joined when in pieces), or undefined. */
const parse = (s: Storage, raw: string | null, now: number): StoredFeed | undefined => {
  try {
    const value = JSON.parse(raw ?? 'null') as { savedAt?: unknown; text?: unknown; pieces?: unknown } | null;
    const text = typeof value?.pieces == 'string' ? joined(s, value.pieces) : value?.text;
    if (
      typeof text == 'string' &&
      text.length <= STORE_MAX_CHARS &&
      typeof value!.savedAt == 'number' &&
      believed(value!.savedAt, now)
    ) {
      return { savedAt: Math.min(value!.savedAt, now), text };
    }
  } catch {
    // corrupt
  }
  return undefined;
};

/** A copy as `entries` lists it: its key, when it was saved, its own size and the text it names, if any. */
interface Entry {
  key: string;
  savedAt: number;
  size: number;
  text?: string;
}

/**
 * Our copies, newest first, with their size in UTF-16 code units (a text in pieces counted apart:
 * `textSize`). When each was saved is read from the start of its value, as `save` writes it
 * (`{"savedAt":…,"text":…}` or `{"savedAt":…,"pieces":"…"}`), not by parsing it whole: three other
 * copies of a megabyte took 60 ms to parse in one task, every time a feed was saved. A copy whose start
 * is not that, or whose time is not believed, sorts as the oldest; the rest of a copy is checked when
 * it is read (`readFeed`).
 */
const entries = (s: Storage, now: number): Entry[] => {
  const out: Entry[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (!key?.startsWith(STORE_PREFIX)) continue;
    const raw = s.getItem(key) ?? '';
    const start = /^\{"savedAt":(\d+(?:\.\d+)?),"(?:text":"|pieces":"([\w-]+)"\}$)/.exec(raw);
    const savedAt = Number(start?.[1]);
    out.push({ key, savedAt: believed(savedAt, now) ? savedAt : 0, size: key.length + raw.length, text: start?.[2] });
  }
  return out.sort((a, b) => b.savedAt - a.savedAt);
};

/** The room the text `id` takes, with its pieces' keys and its record of when it was written. */
const textSize = (id: string) => {
  const { length, pieces } = measure(id);
  return length + (pieces + 1) * (TEXT_PREFIX.length + id.length + 16);
};

const remove = (s: Storage, key: string) => {
  try {
    s.removeItem(key);
  } catch {
    // nothing to do
  }
};

/** The values under `keys` that are stored, as [key, value] (to put back, or to know what is there). */
const held = (s: Storage, keys: string[]) =>
  keys.flatMap((k): [string, string][] => {
    const v = s.getItem(k);
    return v == null ? [] : [[k, v]];
  });

/** The keys of the text `id`: its record of when it was written, then its pieces. */
const textKeys = (id: string) => [
  `${TEXT_PREFIX}${id}`,
  ...Array.from({ length: measure(id).pieces }, (_, i) => pieceKey(id, i)),
];

/**
 * Removes the copy under `key`, and the text in pieces it names when no other copy names it (and it
 * is not `keep`, the text being saved). Returns what it removed, as [key, value], to put back if need be.
 */
const drop = (s: Storage, key: string, now: number, keep?: string): [string, string][] => {
  const heads = entries(s, now);
  const text = heads.find((e) => e.key == key)?.text;
  const alone = text && text != keep && !heads.some((e) => e.key != key && e.text == text);
  const gone = held(s, alone ? [key, ...textKeys(text)] : [key]);
  for (const [k] of gone) remove(s, k);
  return gone;
};

/** Every key in storage, read before any is removed (removing one may reorder the others). */
const keys = (s: Storage) => Array.from({ length: s.length }, (_, i) => s.key(i) ?? '');

/**
 * Removes the texts in pieces no copy names, but for `keep` (being written here) and those another
 * tab may be writing (written less than `WRITING` ago).
 */
const collect = (s: Storage, keep?: string) => {
  const now = Date.now();
  const named = new Set(entries(s, now).map((e) => e.text));
  const ids = new Map<string, string[]>();
  for (const key of keys(s)) {
    if (!key.startsWith(TEXT_PREFIX)) continue;
    const id = key.slice(TEXT_PREFIX.length).split(' ')[0];
    ids.set(id, [...(ids.get(id) ?? []), key]);
  }
  for (const [id, all] of ids) {
    const at = Number(s.getItem(`${TEXT_PREFIX}${id}`));
    if (id != keep && !named.has(id) && !(believed(at, now) && now - at < WRITING)) all.forEach((k) => remove(s, k));
  }
};

/** How many times `forgetFeed` has been called: for every feed last at `forgotAll`, for one at `forgot`'s. */
let forgets = 0;
let forgotAll = 0;
const forgot = new Map<string, number>();
/** Whether the feed at `url` has been forgotten since `forgetFeed` had been called `since` times. */
const forgottenSince = (url: string, since: number) => forgotAll > since || (forgot.get(url) ?? 0) > since;

/** The channel of the task `task` waits for (held, or it could be collected before its message comes). */
let channel: MessageChannel | undefined;
/** A new task (a message, not clamped or throttled as timers are). */
const task = () =>
  new Promise<void>((resolve) => {
    channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel?.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });

/** The save still writing a text in pieces: the next waits for it (so a part saving the same text finds it written). */
let writing: Promise<boolean> | undefined;

/**
 * Keeps `text` as the last good copy of the feed at `url` for the element kind `part`. Resolves with
 * whether it was kept; never rejects. Saves take turns: one waits for a save still writing a text in
 * pieces, and is otherwise written at once when its text is up to `PIECE_CHARS` long; a longer text is
 * written in pieces, one per task (the copy is switched to it only when it is whole: until then the old
 * copy stays, so the new text needs room beside the old one). A feed forgotten (`forgetFeed`) after its
 * save was asked for is not saved. When storage is full, copies this page does not use are evicted
 * oldest first, only as many as needed and only when all of them together would make room; if the new
 * copy still does not fit, every evicted copy is put back (a long one in one task: this happens only
 * when another tab fills the storage meanwhile, or the estimate of the room a text in pieces needs is
 * short). A copy this page uses (read or saved here, or named in `asked`: `loadFeed`'s, those its
 * callers load and have not given up) is never evicted: if the new copy fits only without one, it is
 * not kept, and the old copy of this feed stays.
 */
export function saveFeed(
  url: string,
  text: string,
  now = Date.now(),
  part = 'all',
  asked: readonly string[] = [],
): Promise<boolean> {
  const since = forgets;
  const go = () => {
    try {
      return save(url, text, now, part, asked, since);
    } catch {
      return false; // storage refused to be read
    }
  };
  const saved = writing ? writing.then(go) : go();
  if (typeof saved == 'boolean') return Promise.resolve(saved);
  const done = () => writing == saved && (writing = undefined);
  writing = saved;
  void saved.then(done, done);
  return saved;
}

function save(url: string, text: string, now: number, part: string, asked: readonly string[], since: number) {
  const s = storage();
  const gone = () => forgottenSince(url, since);
  if (!s || text.length > STORE_MAX_CHARS || gone()) return false;
  const key = storeKey(url, part);
  const name = `${part} ${url}`;
  let before: Entry | undefined;
  try {
    for (let i = s.length - 1; i >= 0; i--) {
      const k = s.key(i);
      if (k && OLD_PREFIXES.some((p) => k.startsWith(p))) remove(s, k);
    }
    before = entries(s, now).find((e) => e.key == key);
  } catch {
    return false;
  }
  // Copies that may go: not this one, not one this page uses (even one not read yet, or not asked
  // for yet: an element on the page names its feed); oldest first. A name is `${part} ${url}`.
  const onPage = named();
  const used = (e: Entry) => {
    const n = e.key.slice(STORE_PREFIX.length);
    return e.key == key || inUse.has(n) || asked.includes(n) || onPage.has(n.slice(n.indexOf(' ') + 1));
  };
  /** Evicted copies (each with its text, if no other copy named it), to put back if the new one does not fit. */
  const evicted: [string, string][][] = [];
  /**
   * Stores `value` under `k`, evicting the oldest copies that may go, one at a time, when storage is
   * full, but only when all of them together (and, for `replaces`, the old copy `k` replaces) make room
   * for `need` units (what is still to be written, this value first).
   */
  const fit = (k: string, value: string, need: number, replaces = 0, keep?: string) => {
    const put = () => {
      try {
        s.setItem(k, value);
        return true;
      } catch {
        return false; // QuotaExceededError, or storage refused
      }
    };
    if (put()) return true;
    const heads = entries(s, now);
    const evictable = heads.filter((e) => !used(e)).reverse();
    // Room is needed. Evicting cannot help if all the evictable copies together are smaller than what
    // is to be written (beyond what the old copy it replaces frees): then nothing is removed at all.
    const stays = new Set(heads.filter(used).map((e) => e.text));
    const texts = new Set(evictable.map((e) => e.text).filter((t) => t && t != keep && !stays.has(t)));
    const freeable = evictable.reduce((n, e) => n + e.size, 0) + [...texts].reduce((n, t) => n + textSize(t!), 0);
    if (freeable + replaces < need) return false;
    for (const e of evictable) {
      evicted.push(drop(s, e.key, now, keep));
      if (put()) return true;
    }
    return false;
  };
  /**
   * Puts back what was evicted (it fitted before), each text before the copy that names it; not the
   * copies of a feed forgotten meanwhile.
   */
  const putBack = () => {
    for (const copy of evicted.reverse()) {
      const head = copy[0]?.[0] ?? '';
      if (forgottenSince(head.slice(head.indexOf(' ') + 1), since)) continue;
      for (const [k, v] of copy.reverse()) {
        try {
          s.setItem(k, v);
        } catch {
          // another tab filled the space meanwhile
        }
      }
    }
    return false;
  };
  /** Once the copy is kept: which copies stay, and the texts no copy names any more. */
  const kept = (id?: string) => {
    // The old copy's text in pieces, if no other copy names it, goes with it.
    const old = before?.text;
    if (old && old != id && !entries(s, now).some((e) => e.text == old)) for (const k of textKeys(old)) remove(s, k);
    // In use from now on while a load still wants it (a load given up while its feed was read is
    // saved, a fresher copy, but not kept from eviction), or an element on the page names it.
    if (asked.includes(name) || onPage.has(url)) inUse.add(name);
    // Over the count: drop the oldest copies this page does not use.
    const heads = entries(s, now);
    const evictable = heads.filter((e) => !used(e)).reverse();
    for (const e of evictable.slice(0, Math.max(0, heads.length - STORE_MAX_ENTRIES))) drop(s, e.key, now);
    collect(s);
    return true;
  };
  const value = (rest: object) => JSON.stringify({ savedAt: now, ...rest });
  if (text.length <= PIECE_CHARS) {
    // Replaced in one call: the old copy's room is the new one's.
    const head = value({ text });
    return (fit(key, head, key.length + head.length, before?.size) && kept()) || putBack();
  }
  return (async () => {
    const id = textId(text);
    const { pieces } = measure(id);
    const head = value({ pieces: id });
    /** The length of piece `i`. */
    const size = (i: number) => Math.min(PIECE_CHARS, text.length - i * PIECE_CHARS);
    /** Pieces written here, removed if the copy is not kept (unless a copy names their text). */
    const wrote: string[] = [];
    const fail = () => {
      try {
        if (!entries(s, now).some((e) => e.text == id)) for (const k of wrote) remove(s, k);
      } catch {
        // storage refused to be read: what was written stays until collected
      }
      return putBack();
    };
    try {
      collect(s, id);
      const have = new Set(held(s, textKeys(id)).map(([k]) => k));
      const stamp = `${TEXT_PREFIX}${id}`;
      // What is still to be written: the pieces not there yet, the time it is written, then the copy.
      let need = key.length + head.length + stamp.length + 13;
      for (let i = 0; i < pieces; i++) if (!have.has(pieceKey(id, i))) need += pieceKey(id, i).length + size(i);
      // When it was last written, so that another tab leaves it alone meanwhile.
      const stamped = () => fit(stamp, String(Date.now()), need, 0, id);
      if (!stamped()) return fail();
      wrote.push(stamp);
      need -= stamp.length + 13;
      for (let i = 0; i < pieces; i++) {
        const k = pieceKey(id, i);
        const piece = text.slice(i * PIECE_CHARS, (i + 1) * PIECE_CHARS);
        if (have.has(k)) continue; // named by its content: that piece is this text's already
        await task();
        if (gone() || !fit(k, piece, need, 0, id) || !stamped()) return fail();
        wrote.push(k);
        need -= k.length + piece.length;
      }
      // Whole (another tab may have removed a piece meanwhile), and not forgotten: the copy is switched to it.
      const whole = textKeys(id).every((k, i) => !i || s.getItem(k)?.length == size(i - 1));
      return gone() || !whole || !fit(key, head, key.length + head.length, 0, id) ? fail() : kept(id);
    } catch {
      return fail();
    }
  })();
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
  const value = parse(s, raw, now);
  if (value) inUse.add(`${part} ${url}`);
  else if (raw != null) {
    try {
      drop(s, key, now); // not ours, or corrupt: discarded quietly
    } catch {
      // storage refused: nothing to do
    }
  }
  return value;
}

/**
 * Forgets the stored copies of one feed (for every kind of element), or of every feed; with no `url`,
 * also which copies this page has read or saved. A save still writing a text for a feed forgotten
 * stops. Never throws.
 */
export function forgetFeed(url?: string): void {
  forgets++;
  if (url) forgot.set(url, forgets);
  else forgotAll = forgets;
  const s = storage();
  if (!s) return;
  try {
    for (const key of keys(s)) {
      if (key.startsWith(STORE_PREFIX) && (!url || key.endsWith(` ${url}`))) drop(s, key, Date.now());
      else if (!url && key.startsWith(TEXT_PREFIX)) remove(s, key);
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
