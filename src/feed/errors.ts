import type { ImhLoadError } from '../events/load-error.js';
import type { FeedIssue } from './shape.js';

/**
 * Why a feed could not be used. Each subclass has an explicit `name` (it survives minification)
 * and a `message` written for the web editor who maintains the page or the feed.
 */
export class FeedError extends Error {
  override name = 'FeedError';
  /** The absolute URL of the feed, when it came from the network. */
  url?: string;
  /**
   * Set when the saved-copy code could not be loaded, so no last good copy was looked for
   * (elements also fire imh-load-error naming the file).
   */
  missing?: ImhLoadError;
  constructor(message: string, url?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.url = url;
  }
}

const where = (url?: string) => (url ? `The feed at ${url}` : 'The feed');

/** The JSON is not usable as a whole: not an object, no version, or an unknown major version. */
export class FeedValidationError extends FeedError {
  override name = 'FeedValidationError';
  issues: FeedIssue[];
  constructor(url: string | undefined, problem: string, issues: FeedIssue[] = []) {
    super(`${where(url)} ${problem}`, url);
    this.issues = issues;
  }
}

/** True for the error a fetch or our loader raises when its signal aborts. */
export const isAbort = (e: unknown): boolean => (e as Error | null)?.name == 'AbortError';

/** Where `JSON.parse` says the text goes wrong, without Firefox's "JSON.parse: " prefix. */
export const jsonDetail = (e: unknown): string => (e as Error).message.replace(/^JSON\.parse: /, '');
