/**
 * `validateFeed`: the whole feed with every sentence, for apps, importers and tools. The elements
 * use `read.ts` instead, which runs the same safety pass and loads the sentences only when needed.
 */
import { explain } from './explain.js';
import { parseJson, type Locate } from './not-json.js';
import { ALL_PARTS } from './all-parts.js';
import { safeInSlices } from './safe.js';
import type { FeedIssue } from './shape.js';
import { drain } from './slices.js';
import type { Feed } from './types.js';

export { SUPPORTED_VERSIONS } from './safe.js';
export { formatIssue, describeIssue, describeWhere } from './explain.js';

/** A feed that passed validation, with the problems found in it (past 1,000, counted: `MAX_ISSUES`). */
export interface ValidatedFeed {
  feed: Feed;
  /**
   * Items skipped (`error`) and values ignored (`warning`; one saying a calendar the feed
   * lacks, ignores nothing, and is to check), each with its path: the first `MAX_ISSUES` (1,000), then
   * for each part with more one issue (code `more`) that counts them.
   */
  issues: FeedIssue[];
}

/**
 * Validates parsed JSON as a feed. Every good item is kept; each bad one is skipped and reported
 * with its path, its item and a sentence. Throws `FeedValidationError` only when the document is
 * unusable as a whole: not an object, no `version`, or a major version this library does not know.
 *
 * @param url Where the feed came from, for messages.
 */
export function validateFeed(input: unknown, url?: string): ValidatedFeed {
  return drain(validateInSlices(input, url));
}

/** `validateFeed` as a generator that yields within the feed's lists, for `sliced()`. */
export function* validateInSlices(input: unknown, url?: string): Generator<void, ValidatedFeed> {
  const { feed, findings } = yield* safeInSlices(input, ALL_PARTS, url);
  return { feed, issues: explain(findings, input) };
}

/**
 * Parses and validates feed text. Throws `FeedParseError` when it is not JSON (with the line and
 * column when given `locateJsonError`, which the editor tools pass), and `FeedValidationError`
 * when it is not usable as a whole.
 */
export function parseFeed(text: string, url?: string, locate?: Locate, advice?: string): ValidatedFeed {
  return validateFeed(parseJson(text, url, locate, undefined, advice), url);
}
