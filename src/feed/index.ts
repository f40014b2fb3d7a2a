/**
 * The feed: types, validation and loading. Plain TypeScript with no DOM rendering, usable from
 * any page, worker or tool (the `imh-feed` command uses it).
 */
export * from './errors.js';
export * from './failures.js';
export * from './load.js';
export * from './not-json.js';
import { ALL_PARTS } from './all-parts.js';
import * as load from './load.js';
import type { FeedParts } from './parts.js';
import * as read from './read.js';
import { forgetFeed as forgetCopies } from './store.js';
import { asked } from './in-use.js';

/** Options for `loadFeed`: what it reads is all of the feed unless `parts` says otherwise. */
export type LoadFeedOptions = Omit<load.LoadOptions, 'parts'> & { parts?: FeedParts };

/**
 * Loads, parses and validates the feed at `url`: all of it, or the `parts` given. Many callers
 * asking for the same feed share one request. Rejects with a `FeedError` subclass (or an
 * `AbortError`); when a last good copy is kept in the browser, resolves with it instead and says so
 * in `stale`.
 */
export const loadFeed = (url: string, options: LoadFeedOptions = {}): Promise<load.FeedResult> =>
  load.loadFeed(url, { ...options, parts: options.parts ?? ALL_PARTS });

/** The feed already loaded from `url` on this page (all of it, or `parts`), if any (synchronous). */
export const loadedFeed = (url: string, parts: FeedParts = ALL_PARTS): load.FeedResult | undefined =>
  load.loadedFeed(url, parts);

/**
 * Reads parsed JSON as a feed (all of it, or `parts`): at once when small and clean, else a
 * promise. Throws (or rejects with) `FeedValidationError` only when the feed is unusable as a whole.
 */
export const readFeedData = (
  input: unknown,
  options: { parts?: FeedParts; url?: string } = {},
): read.FeedRead | Promise<read.FeedRead> =>
  read.readFeedData(input, { ...options, parts: options.parts ?? ALL_PARTS });

/**
 * Forgets the stored copies of one feed (for every kind of element), or of every feed; with no `url`,
 * also which copies this page uses (asked for, read or saved: none is kept from eviction any more).
 * Never throws.
 */
export function forgetFeed(url?: string): void {
  forgetCopies(url);
  if (!url) asked.length = 0;
}
export { readFeed } from './store.js';
export {
  describeIssue,
  formatIssue,
  parseFeed,
  SUPPORTED_VERSIONS,
  validateFeed,
  type ValidatedFeed,
} from './validate.js';
export type { FeedRead, ReadOptions } from './read.js';
export { HEAD_PARTS, type FeedParts } from './parts.js';
export { ALL_PARTS } from './all-parts.js';
export { SERVICE_PARTS } from './service-parts.js';
export { SESSION_PARTS } from './session-parts.js';
export { safeUrl } from './url.js';
export type { Code } from './shape.js';
export { pickText } from './text.js';
export * from './types.js';
export {
  AUDIENCES,
  BANK_HOLIDAY_DIVISIONS,
  DAYS,
  FACILITIES,
  KINDS,
  REFERRERS,
  SOURCE_KINDS,
  STAGES,
  STATUSES,
  TERM_TYPES,
  URGENCIES,
} from './schema.js';
