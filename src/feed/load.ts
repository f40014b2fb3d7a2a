import { FeedError, jsonDetail } from './errors.js';
import { limitDepth } from './depth.js';
import { preview, type FeedIssue } from './shape.js';
import type { FeedParts } from './parts.js';
import { readFeedData, type FeedRead } from './read.js';
import { lostIn } from './lost.js';

export { readFeedData };
import { alone, sliced } from './slices.js';
import { asked } from './in-use.js';
import { lazy } from '../internal/lazy.js';
import type { ImhLoadError } from '../events/load-error.js';

/**
 * The last-good-copy code (`store.ts`), a chunk loaded after a feed has been read (to save the
 * copy, while the element renders) or when a feed fails or loses items (to read the copy). A visitor
 * who has a copy has loaded it before, when the copy was saved. If it cannot be loaded, nothing is
 * saved and no copy is read: the element shows the feed (or the feed's own error) and fires
 * imh-load-error naming the file (`FeedResult.saving`, `FeedError.missing`); a retry loads it again.
 */
const store = lazy('the saved-copy code', 'store', () => import('./store.js'));

/** The sentences of a failed load (`failures.ts`), a chunk loaded only when a load fails. */
const failures = lazy('the feed error messages', 'failures', () => import('./failures.js'));
type Failures = typeof import('./failures.js');

/**
 * The error for a failed load, with its sentence from `failures.ts`. If that chunk cannot be loaded
 * (offline, say), a plain `FeedError` says what went wrong in a few words, and carries the
 * `ImhLoadError` in `missing` (the element fires imh-load-error naming the file). If the chunk does
 * not arrive within `wait` ms (a connection that hangs), the plain error too: the feed's timeout,
 * not the browser's, limits how long a visitor waits for the fallback or the saved copy. Without a
 * `url` (no usable address), `brief` is the plain error's whole sentence.
 */
const failure = (
  url: string | undefined,
  make: (m: Failures) => FeedError,
  brief: string,
  wait = 2000,
): Promise<FeedError> => {
  const plain = (missing?: ImhLoadError) =>
    Object.assign(
      new FeedError(url ? `The feed at ${url} could not be loaded (${brief}).` : brief, url),
      missing && { missing: [missing] },
    );
  return Promise.race([
    failures().then(make, plain),
    new Promise<FeedError>((resolve) => setTimeout(() => resolve(plain()), wait)),
  ]);
};

export interface LoadOptions {
  /** Stops waiting. The shared request goes on while another element still wants it. */
  signal?: AbortSignal;
  /** Milliseconds before giving up (default 10 000). */
  timeout?: number;
  /** Largest response accepted, in bytes (default 5 MB). */
  maxBytes?: number;
  /** Use the last good copy kept in the browser when loading fails (default true). */
  useStoredCopy?: boolean;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
  /** What the caller reads of the feed (`parts.ts`); the package's `loadFeed` reads all of it by default. */
  parts: FeedParts;
}

/** A loaded feed. */
export interface FeedResult extends FeedRead {
  /** The absolute URL it was loaded from. */
  url: string;
  /**
   * Set when the last good copy kept in this browser is shown instead of the feed just loaded:
   * when that copy was saved, and why the fresh feed is not shown (it could not be loaded, or it
   * lost items to errors that the copy still has: then a `FeedValidationError` with its issues).
   */
  stale?: { savedAt: Date; error: FeedError };
  /**
   * Settles once the feed is saved as this browser's last good copy; rejects with an `ImhLoadError`
   * when the saved-copy code could not be loaded (nothing is saved; the next load tries again).
   */
  saving?: Promise<unknown>;
}

export const DEFAULT_TIMEOUT = 10_000;
export const DEFAULT_MAX_BYTES = 5_000_000;

/** The feed's text, fetched once per page, and what each kind of element read from it. */
interface Pending {
  promise: Promise<{ text: string; json: unknown }>;
  users: number;
  settled: boolean;
  controller: AbortController;
  /** Results by `parts.name`, shared by every element that reads the same parts. */
  reads: Map<string, Promise<FeedResult>>;
  /** The same, once settled, so later elements can render at once. */
  results: Map<string, FeedResult>;
}
/** One request per absolute URL per page; successes stay, failures are evicted so a retry works. */
const requests = new Map<string, Pending>();

/** Forgets the request for `abs` if it is still `p` (it failed, or its last caller gave up): the next fetches again. */
const drop = (abs: string, p: Pending) => requests.get(abs) == p && requests.delete(abs);

/** Forgets loaded feeds so the next `loadFeed` fetches again (for "refresh" buttons and tests). */
export const clearFeedCache = (): void => requests.clear();

/** The feed already loaded from `url` on this page for `parts`, if any (synchronous). */
export function loadedFeed(url: string, parts: FeedParts): FeedResult | undefined {
  const abs = resolveFeedUrl(url);
  return typeof abs == 'string' ? requests.get(abs)?.results.get(parts.name) : undefined;
}

/**
 * Why a feed address cannot be read: its text as shown in a sentence, and what is wrong with it (an
 * address that is not one, one with a user name or password, or its scheme when it is not a web
 * address). The sentences are in `failures.ts` (`addressError`), loaded only when one is needed.
 */
export interface AddressProblem {
  shown: string;
  problem: 'malformed' | 'credentials' | `${string}:`;
}

/**
 * The absolute URL for a feed address, resolved against the page, or why it cannot be read: an
 * address that is malformed or is not a web (`https:` or `http:`) address, so a `javascript:` or
 * `data:` address in the `feed` attribute or the `imh-feed` meta tag is refused before anything is
 * fetched (`loadFeed` rejects with a `FeedError` whose sentence says why).
 */
export function resolveFeedUrl(url: string): string | AddressProblem {
  const address = url.trim();
  const shown = preview(address);
  let resolved: URL | undefined;
  try {
    // A space is never part of an address (some browsers would encode it and carry on).
    if (!/\s/.test(address)) resolved = new URL(address, globalThis.document?.baseURI);
  } catch {
    // not an address
  }
  const { protocol = '', username, password, href } = resolved ?? {};
  return !resolved
    ? { shown, problem: 'malformed' }
    : protocol != 'https:' && protocol != 'http:'
      ? { shown, problem: protocol as `${string}:` }
      : username || password
        ? { shown, problem: 'credentials' }
        : href!;
}

/**
 * The error for a feed that cannot be read at all (no address, or an address that is not one), with
 * its sentence from `failures.ts`; a few words of its own if that chunk cannot be loaded.
 */
export const unusableAddress = (problem?: AddressProblem): Promise<never> =>
  failure(
    undefined,
    (m) => m.addressError(problem),
    problem ? `${problem.shown} is not a web address.` : 'No feed was given.',
  ).then((e) => Promise.reject(e));

const abortError = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('The feed load was aborted.', 'AbortError');

/** A stored copy's text read as a fresh feed's is (`parts` of the feed at `url`), for `store.ts`. */
const reader =
  (url: string, parts: FeedParts) =>
  async (text: string): Promise<FeedRead> =>
    readFeedData(await readJson(text), { parts, url });

/**
 * What `parts` of a freshly loaded feed give, and whether it replaces the stored copy. The rule
 * (see the README, and `staleCopy` in `store.ts`, asked, and waited for, only about a feed whose problems may
 * have cost items: `lost.ts`; one with values ignored shows at once): a
 * fresh feed replaces the last good copy when it skipped no item as broken and ignored no part as a
 * whole (a list that is not a list), or when it keeps at least as many items as the copy in each
 * part where it did (`lost.ts`). Otherwise the copy, which keeps more, is shown, marked stale, with
 * the fresh feed's issues in its error.
 */
async function readFresh(
  url: string,
  fetched: { text: string; json: unknown },
  parts: FeedParts,
  useStoredCopy: boolean,
): Promise<FeedResult> {
  const fresh = await readFeedData(fetched.json, { parts, url });
  if (!useStoredCopy) return { ...fresh, url };
  // Without the code that reads the copy (the save below fails too, and says so), the fresh feed.
  const lost = (i: FeedIssue) => lostIn(fresh.feed, i);
  const copy =
    fresh.issues.some(lost) &&
    (await store().then(
      (m) => m.staleCopy(url, fresh, parts, reader(url, parts), lost),
      () => undefined,
    ));
  if (copy) return copy;
  // Saved once the code is here (after the caller has the feed), in the order the feeds were read.
  const now = Date.now();
  const saving = store().then(({ saveFeed }) => saveFeed(url, fetched.text, now, parts.name, asked));
  saving.catch(() => {}); // the elements report it (imh-load-error)
  return { ...fresh, url, saving };
}

/**
 * Loads, parses and validates the feed at `url` (the `parts` an element reads, or all of it).
 * Many elements asking for the same feed share one request. Rejects with a `FeedError` subclass
 * (or an `AbortError`); when a last good copy is kept in the browser, resolves with it instead
 * and says so in `stale`, also when the fresh feed lost items that the copy still has.
 */
export function loadFeed(url: string, options: LoadOptions): Promise<FeedResult> {
  const { signal, parts, useStoredCopy = true } = options;
  const name = parts.name;
  const abs = resolveFeedUrl(url);
  if (typeof abs != 'string') return unusableAddress(abs);
  if (signal?.aborted) return Promise.reject(abortError(signal));
  // Its saved copy is in use from now on: another feed of this page, saved first, does not evict it.
  const copyName = useStoredCopy && `${name} ${abs}`;
  if (copyName) asked.push(copyName);
  let pending = requests.get(abs);
  if (!pending) {
    const controller = new AbortController();
    const p: Pending = {
      users: 0,
      settled: false,
      controller,
      reads: new Map(),
      results: new Map(),
      promise: fetchFeed(abs, controller.signal, options),
    };
    p.promise.then(
      () => (p.settled = true),
      () => {
        p.settled = true;
        drop(abs, p);
      },
    );
    requests.set(abs, (pending = p));
  }
  const shared = pending;
  let read = shared.reads.get(name);
  if (!read) {
    const fresh: Promise<FeedResult> = shared.promise.then(async (fetched) => {
      try {
        return await readFresh(abs, fetched, parts, useStoredCopy);
      } catch (error) {
        // Unusable as a whole: a failure like any other, and not kept, so a retry reads again.
        drop(abs, shared);
        throw error;
      }
    });
    const settled: Promise<FeedResult> = fresh.catch(async (error: unknown) => {
      const copy =
        error instanceof FeedError && useStoredCopy
          ? await store()
              .then((m) => m.storedCopy(abs, parts, reader(abs, parts)))
              .catch((missing: ImhLoadError) => void (error.missing = [...(error.missing ?? []), missing]))
          : undefined;
      if (!copy) throw error;
      return {
        feed: copy.feed,
        issues: copy.issues,
        url: abs,
        stale: { savedAt: copy.savedAt, error: error as FeedError },
      };
    });
    const forget = () => shared.reads.get(name) == settled && (shared.reads.delete(name), shared.results.delete(name));
    settled.then(
      // Read with plain sentences (their file could not be loaded), or not saved for want of the
      // saved-copy code: the next caller reads again.
      (result) => {
        if (result.missing || result.stale?.error.missing) forget();
        else shared.results.set(name, result);
        result.saving?.catch(forget);
      },
      () => {},
    );
    shared.reads.set(name, (read = settled));
  }
  const result = read;
  shared.users++;
  if (!signal) return result;
  return new Promise<FeedResult>((resolve, reject) => {
    const onAbort = () => {
      reject(abortError(signal));
      // Given up before it settled: this caller no longer keeps the copy (another caller may). Not
      // there (-1 >>> 0 is past the end: nothing is taken out) without the saved copy (`false`), or
      // after `forgetFeed()`.
      asked.splice(asked.indexOf(copyName as string) >>> 0, 1);
      // The last interested caller gone: stop the request itself.
      if (--shared.users == 0 && !shared.settled) {
        shared.controller.abort();
        drop(abs, shared);
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    result.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function fetchFeed(
  url: string,
  signal: AbortSignal,
  options: LoadOptions,
): Promise<{ text: string; json: unknown }> {
  const { timeout = DEFAULT_TIMEOUT, maxBytes = DEFAULT_MAX_BYTES } = options;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort);
  const failed = (e: unknown, otherwise: () => unknown) => {
    // The sentence may wait a little (at most the timeout again, and 2 s), not as long as the browser.
    if (timedOut) return failure(url, (m) => new m.FeedTimeoutError(url, timeout), 'timeout', Math.min(2000, timeout));
    if (signal.aborted) return abortError(signal);
    return e instanceof FeedError ? e : otherwise();
  };
  try {
    let response: Response;
    try {
      response = await doFetch(url, {
        signal: controller.signal,
        credentials: 'omit',
        headers: { accept: 'application/json' },
      });
    } catch (e) {
      throw await failed(e, () => failure(url, (m) => new m.FeedNetworkError(url, e), 'network'));
    }
    const { status, statusText } = response;
    if (!response.ok) throw await failure(url, (m) => new m.FeedHttpError(url, status, statusText), `HTTP ${status}`);
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) throw await tooLarge(url, maxBytes);
    let text: string;
    const progress = { received: 0 };
    try {
      text = await readText(response, maxBytes, url, progress);
    } catch (e) {
      // The answer began and then stopped: its own sentence, not the one about reaching the server.
      throw await failed(e, () => failure(url, (m) => new m.FeedNetworkError(url, e, progress.received), 'network'));
    }
    return { text, json: await readJson(text, url, response.headers.get('content-type') ?? '') };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

const tooLarge = (url: string, limit: number) =>
  failure(url, (m) => new m.FeedSizeError(url, limit), `larger than ${limit} bytes`);

/**
 * The text's value, with a `FeedParseError` when it is not JSON. Nesting deeper than any feed needs
 * is cut first (JSON.parse would spend seconds on it), in slices. A long text (a feed of thousands
 * of items: one `JSON.parse` of 5 MB takes 50 ms or more) is parsed in short steps by
 * `long-json.ts`, a chunk loaded only then; if it cannot be loaded, by `JSON.parse` in a task of its
 * own. The sentence that says why the text is not JSON (a web page, UTF-16, cut short) comes from
 * `not-json.ts`, a chunk loaded only then; if even that fails to load, the error still says where
 * the JSON goes wrong.
 */
async function readJson(text: string, url?: string, contentType?: string): Promise<unknown> {
  try {
    text = await sliced(limitDepth(text));
    return text.length > 100_000
      ? await import('./long-json.js').then(
          (m) => sliced(m.parseLongJson(text)),
          () => alone().then(() => JSON.parse(text) as unknown),
        )
      : JSON.parse(text);
  } catch (e) {
    const detail = jsonDetail(e);
    throw await import('./not-json.js').then(
      (m) => m.notJson(text, url, detail, e, contentType),
      () => failure(url, (m) => new m.FeedParseError(url, detail, e), `not JSON: ${detail}`),
    );
  }
}

/** The body as text, stopping as soon as it passes `maxBytes`; `progress.received` counts the bytes. */
async function readText(
  response: Response,
  maxBytes: number,
  url: string,
  progress: { received: number },
): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) {
    const text = await response.text();
    if (new Blob([text]).size > maxBytes) throw await tooLarge(url, maxBytes);
    return text;
  }
  // Decoded as UTF-8 whatever the server says: a UTF-16 file keeps its zero bytes in sight, so the
  // parse error can say what it is.
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    progress.received += value.byteLength;
    if (progress.received > maxBytes) {
      reader.cancel().catch(() => {});
      throw await tooLarge(url, maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
}
