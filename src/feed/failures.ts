/**
 * The sentences for a feed that could not be loaded: the `FeedError` subclasses the loader raises
 * (HTTP status, network, time, size, not JSON). Every page runs the loader, but few ever see a
 * failure, so the loader imports this chunk only when one happens (`load.ts`, `failure`); the editor
 * tools and the package's `feed` entry import it directly.
 */
import { FeedError } from './errors.js';
import type { AddressProblem } from './load.js';

const where = (url?: string) => (url ? `The feed at ${url}` : 'The feed');

/** The server answered, but not with 2xx. */
export class FeedHttpError extends FeedError {
  override name = 'FeedHttpError';
  status: number;
  constructor(url: string, status: number, statusText = '') {
    const hint =
      status == 404 || status == 410
        ? 'Check the address in the feed attribute or the imh-feed meta tag.'
        : status == 401 || status == 403
          ? 'The feed must be public: no login, no IP restriction.'
          : status >= 500
            ? 'The server hosting the feed has a problem; try again later or tell its owner.'
            : 'Check the address and the server hosting the feed.';
    super(`${where(url)} answered HTTP ${status}${statusText ? ` ${statusText}` : ''}. ${hint}`, url);
    this.status = status;
  }
}

/**
 * The request failed before any answer (offline, DNS, TLS, or a CORS refusal), or the answer
 * stopped part way (`received` bytes had arrived).
 */
export class FeedNetworkError extends FeedError {
  override name = 'FeedNetworkError';
  constructor(url: string, cause?: unknown, received?: number) {
    super(
      received === undefined
        ? `${where(url)} could not be reached. Check the address, that the visitor is online, and that ` +
            `the server sends Access-Control-Allow-Origin so other sites may read it (CORS).`
        : `${where(url)} stopped arriving part way through (after ${received.toLocaleString('en')} bytes): the ` +
            'connection dropped or the server cut it short. Try again; if it keeps happening, tell whoever ' +
            'hosts the feed.',
      url,
      { cause },
    );
  }
}

/** No complete answer within the time allowed. */
export class FeedTimeoutError extends FeedError {
  override name = 'FeedTimeoutError';
  timeout: number;
  constructor(url: string, timeout: number) {
    super(`${where(url)} did not answer within ${timeout / 1000} seconds. The server may be slow or down.`, url);
    this.timeout = timeout;
  }
}

/** The answer was larger than the size cap. */
export class FeedSizeError extends FeedError {
  override name = 'FeedSizeError';
  limit: number;
  constructor(url: string | undefined, limit: number) {
    super(
      `${where(url)} is larger than ${Math.round(limit / 1e5) / 10} MB, the most a page will read. ` +
        `Remove old sessions, or split the feed.`,
      url,
    );
    this.limit = limit;
  }
}

/** The answer was not JSON: a syntax error, or something else (a web page, UTF-16 text, a cut-off file). */
export class FeedParseError extends FeedError {
  override name = 'FeedParseError';
  /** Where the JSON goes wrong, as the parser (or the editor tools, with line and column) said. */
  detail: string;
  /**
   * @param options.problem The sentence, when the reason is known ("is a web page, not a feed…");
   *   by default "is not valid JSON: <detail>.".
   * @param options.advice What to do, after it (default: check it with a JSON validator or the
   *   `imh-feed` command; the command itself gives none).
   */
  constructor(
    url: string | undefined,
    detail: string,
    cause?: unknown,
    options: { problem?: string; advice?: string } = {},
  ) {
    const {
      problem = `is not valid JSON: ${detail}.`,
      advice = 'Check it with a JSON validator or "npx imh-feed validate".',
    } = options;
    super(`${where(url)} ${problem}${advice && !options.problem ? ` ${advice}` : ''}`, url, { cause });
    this.detail = detail;
  }
}

/**
 * A feed that cannot be read at all: none was given (no `problem`), or its address is not a web
 * address (`load.ts`, `resolveFeedUrl`).
 */
export const addressError = (address?: AddressProblem): FeedError => {
  const { shown, problem } = address ?? {};
  return new FeedError(
    !address
      ? 'No feed was given. Add feed="https://…/feed.json" to the element, or <meta name="imh-feed" content="https://…/feed.json"> to the page.'
      : problem == 'malformed'
        ? `${shown} is not a web address. Give the feed's full URL, like https://example.org/feed.json.`
        : problem == 'credentials'
          ? `${shown} has a user name or password in it. A feed must be public: give its address without them.`
          : problem == 'javascript:'
            ? 'The feed address is a javascript: address, which is never read as a feed. Give the address of a JSON file, like https://example.org/feed.json.'
            : problem == 'data:'
              ? 'The feed address is a data: address (the feed written into the page). Publish the feed as a file on a web server and give its https:// address.'
              : `${shown} starts with ${problem}, but a feed is read only from a web address starting https:// (or http://).`,
  );
};
