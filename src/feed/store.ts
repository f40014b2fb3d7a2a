/**
 * The last good copy of each feed, kept in localStorage so that a page still shows something
 * useful when the feed's server is down or the visitor's connection drops.
 *
 * Bounded (a few feeds, each under a size limit, oldest evicted first) and versioned (the key
 * prefix changes with the stored format). Private browsing, disabled storage, sandboxed frames and
 * a full quota all make these functions do nothing rather than throw.
 */

/** Key prefix; bump the version when the stored format changes. */
export const STORE_PREFIX = 'imh-widgets:feed:v1:';
/** Most feeds kept at once. */
export const STORE_MAX_ENTRIES = 4;
/** Largest feed text kept, in UTF-16 code units (localStorage's measure). */
export const STORE_MAX_CHARS = 1_000_000;

export interface StoredFeed {
  /** When the copy was saved (ms since the epoch). */
  savedAt: number;
  /** The feed's JSON text, exactly as it was served. */
  text: string;
}

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // SecurityError: storage disabled or a sandboxed frame
  }
};

const entries = (s: Storage): { key: string; savedAt: number }[] => {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key?.startsWith(STORE_PREFIX)) out.push({ key, savedAt: readEntry(s, key)?.savedAt ?? 0 });
  }
  return out.sort((a, b) => b.savedAt - a.savedAt);
};

const readEntry = (s: Storage, key: string): StoredFeed | undefined => {
  try {
    const value = JSON.parse(s.getItem(key) ?? 'null') as StoredFeed | null;
    if (value && typeof value.savedAt == 'number' && typeof value.text == 'string') return value;
  } catch {
    // corrupt: treated as absent and replaced on the next save
  }
  return undefined;
};

/** Keeps `text` as the last good copy of the feed at `url`. Never throws. */
export function saveFeed(url: string, text: string, now = Date.now()): void {
  const s = storage();
  if (!s || text.length > STORE_MAX_CHARS) return;
  const key = STORE_PREFIX + url;
  const value = JSON.stringify({ savedAt: now, text } satisfies StoredFeed);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      s.setItem(key, value);
      for (const old of entries(s).slice(STORE_MAX_ENTRIES)) s.removeItem(old.key);
      return;
    } catch {
      // Quota exceeded: make room by dropping our other copies, then try once more.
      try {
        for (const old of entries(s)) if (old.key != key) s.removeItem(old.key);
      } catch {
        return;
      }
    }
  }
}

/** The last good copy of the feed at `url`, if there is one. Never throws. */
export function readFeed(url: string): StoredFeed | undefined {
  const s = storage();
  return s && readEntry(s, STORE_PREFIX + url);
}

/** Forgets the stored copy of one feed, or of every feed. Never throws. */
export function forgetFeed(url?: string): void {
  const s = storage();
  try {
    if (s && url) s.removeItem(STORE_PREFIX + url);
    else if (s) for (const e of entries(s)) s.removeItem(e.key);
  } catch {
    // nothing to forget
  }
}
