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
   * The files that could not be loaded while this failure was handled (elements fire imh-load-error
   * for each): the saved-copy code (`store.js`: no last good copy was looked for), or the sentences
   * of a failed load (`failures.js`: this error is then a plain `FeedError`, without a subclass's
   * `status`), or both.
   */
  missing?: ImhLoadError[];
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
