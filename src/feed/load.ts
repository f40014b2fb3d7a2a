import {
  FeedError,
  FeedHttpError,
  FeedNetworkError,
  FeedParseError,
  FeedSizeError,
  FeedTimeoutError,
} from './errors.js';
import { readFeed, saveFeed } from './store.js';
import { sliced } from './slices.js';
import { validateFeed, validateInSlices, type ValidatedFeed } from './validate.js';

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
}

/** A loaded feed. */
export interface FeedResult extends ValidatedFeed {
  /** The absolute URL it was loaded from. */
  url: string;
  /**
   * Set when the feed could not be loaded and the last good copy kept in this browser is shown
   * instead: when that copy was saved, and why the fresh load failed.
   */
  stale?: { savedAt: Date; error: FeedError };
}

export const DEFAULT_TIMEOUT = 10_000;
export const DEFAULT_MAX_BYTES = 5_000_000;

interface Pending {
  promise: Promise<FeedResult>;
  /** Set once loaded, so later elements can render at once. */
  result?: FeedResult;
  users: number;
  settled: boolean;
  controller: AbortController;
}
/** One request per absolute URL per page; successes stay, failures are evicted so a retry works. */
const requests = new Map<string, Pending>();

/** Forgets loaded feeds so the next `loadFeed` fetches again (for "refresh" buttons and tests). */
export const clearFeedCache = (): void => requests.clear();

/** The feed already loaded from `url` on this page, if any (synchronous). */
export function loadedFeed(url: string): FeedResult | undefined {
  try {
    return requests.get(resolveFeedUrl(url))?.result;
  } catch {
    return undefined;
  }
}

/** The absolute URL for a feed address, resolved against the page. Throws `FeedError` if malformed. */
export function resolveFeedUrl(url: string): string {
  try {
    return new URL(url.trim(), globalThis.document?.baseURI).href;
  } catch {
    throw new FeedError(`"${url}" is not a web address. Give the feed's full URL, like https://example.org/feed.json.`);
  }
}

const abortError = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('The feed load was aborted.', 'AbortError');

/**
 * Loads, parses and validates the feed at `url`. Many elements asking for the same feed share
 * one request. Rejects with a `FeedError` subclass (or an `AbortError`); when a last good copy is
 * kept in the browser, resolves with it instead and says so in `stale`.
 */
export function loadFeed(url: string, options: LoadOptions = {}): Promise<FeedResult> {
  const { signal } = options;
  let abs: string;
  try {
    abs = resolveFeedUrl(url);
  } catch (e) {
    return Promise.reject(e);
  }
  if (signal?.aborted) return Promise.reject(abortError(signal));
  let pending = requests.get(abs);
  if (!pending) {
    const controller = new AbortController();
    const p: Pending = { users: 0, settled: false, controller, promise: undefined! };
    p.promise = fetchFeed(abs, controller.signal, options).then(
      (result) => {
        p.settled = true;
        return (p.result = result);
      },
      (error: unknown) => {
        p.settled = true;
        if (requests.get(abs) == p) requests.delete(abs);
        const stored = error instanceof FeedError && options.useStoredCopy !== false && readFeed(abs);
        if (stored) {
          try {
            return { ...parseFeed(stored.text, abs), url: abs, stale: { savedAt: new Date(stored.savedAt), error } };
          } catch {
            // the stored copy is no longer readable: report the original error
          }
        }
        throw error;
      },
    );
    requests.set(abs, (pending = p));
  }
  const shared = pending;
  shared.users++;
  if (!signal) return shared.promise;
  return new Promise<FeedResult>((resolve, reject) => {
    const onAbort = () => {
      reject(abortError(signal));
      // The last interested caller gone: stop the request itself.
      if (--shared.users == 0 && !shared.settled) {
        shared.controller.abort();
        if (requests.get(abs) == shared) requests.delete(abs);
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function fetchFeed(url: string, signal: AbortSignal, options: LoadOptions): Promise<FeedResult> {
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
    if (timedOut) return new FeedTimeoutError(url, timeout);
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
      throw failed(e, () => new FeedNetworkError(url, e));
    }
    if (!response.ok) throw new FeedHttpError(url, response.status, response.statusText);
    if (Number(response.headers.get('content-length')) > maxBytes) throw new FeedSizeError(url, maxBytes);
    let text: string;
    try {
      text = await readText(response, maxBytes, url);
    } catch (e) {
      throw failed(e, () => new FeedNetworkError(url, e));
    }
    const result = await sliced(validateInSlices(parseJson(text, url), url));
    saveFeed(url, text);
    return { ...result, url };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * Validates feed data given directly (an element's `data` property): at once for a small feed,
 * across several tasks for a long one (see `slices.ts`). Throws, or rejects with, a
 * `FeedValidationError` when the data is not usable as a whole. The elements read every feed they
 * are given through this and `loadFeed`, never through the validator itself.
 */
export const readFeedData = (data: unknown, url?: string): ValidatedFeed | Promise<ValidatedFeed> =>
  sliced(validateInSlices(data, url));

/**
 * Parses and validates feed text. Throws `FeedParseError` when it is not JSON (with the line and
 * column when given `locateJsonError`, which the editor tools pass), and `FeedValidationError`
 * when it is not usable as a whole.
 */
export function parseFeed(
  text: string,
  url?: string,
  locate?: (text: string) => { line: number; column: number; expected: string } | undefined,
): ValidatedFeed {
  return validateFeed(parseJson(text, url, locate), url);
}

function parseJson(text: string, url?: string, locate?: Parameters<typeof parseFeed>[2]): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const where = locate?.(text);
    const detail = where
      ? `line ${where.line}, column ${where.column}: expected ${where.expected}`
      : (e as Error).message.replace(/^JSON\.parse: /, '');
    throw new FeedParseError(url, detail, e);
  }
}

/** The body as text, stopping as soon as it passes `maxBytes`. */
async function readText(response: Response, maxBytes: number, url: string): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) {
    const text = await response.text();
    if (new Blob([text]).size > maxBytes) throw new FeedSizeError(url, maxBytes);
    return text;
  }
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => {});
      throw new FeedSizeError(url, maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
}
