/**
 * The elements' way from parsed JSON to a feed: the safety pass, in short tasks, over the parts
 * the element reads; then, only when it found something, the editor's sentences, loaded on demand
 * (a separate chunk: most pages never download it). No DOM.
 */
import type { ImhLoadError } from '../events/load-error.js';
import { lazy } from '../internal/lazy.js';
import type { FeedParts } from './parts.js';
import { safeInSlices, type SafeFeed } from './safe.js';
import type { FeedIssue, Finding } from './shape.js';
import { sliced } from './slices.js';
import type { Feed } from './types.js';

/** A feed read for an element: what to show, and every problem found in the parts it reads. */
export interface FeedRead {
  feed: Feed;
  /**
   * Items skipped (`error`) and values ignored (`warning`; one saying a calendar the feed
   * lacks, ignores nothing, and is to check), each with its path and a sentence: the first `MAX_ISSUES`
   * (1,000), then for each part with more, one issue (code `more`) that counts them.
   */
  issues: FeedIssue[];
  /**
   * Set when the file with the report's sentences could not be loaded: the issues then have plain
   * sentences, and reading the feed again tries the file again.
   */
  missing?: ImhLoadError;
}

export interface ReadOptions {
  /** What the element reads: `SESSION_PARTS`, `SERVICE_PARTS`, `ALL_PARTS` (see `parts.ts`). */
  parts: FeedParts;
  /** Where the feed came from, for messages. */
  url?: string;
}

/**
 * When the report's chunk cannot be loaded (offline, a file missing from the server), each
 * problem still has its path and a plain sentence; the feed itself is unaffected.
 */
const plainly = (findings: readonly Finding[], error: unknown): FeedIssue[] =>
  findings.map((f) => ({
    path: f.path,
    severity: f.severity,
    code: f.code,
    message:
      `has a problem (${f.code}) and was ${f.severity == 'error' ? 'skipped' : 'ignored'}; the sentence that ` +
      `explains it could not be loaded (${String((error as Error)?.message ?? error).slice(0, 200)}). ` +
      'Check the feed with "npx imh-feed validate" for the details.',
    ...(f.more && { more: f.more }),
  }));

/** The report's chunk, loaded once; a failure is an ImhLoadError naming the file, tried again next time. */
const loadExplain = lazy("the feed report's sentences", 'explain.js', () => import('./explain.js'));

/**
 * Sentences for what the safety pass found, from the report's chunk; without it, plain ones, and
 * `missing`, the error that names the file.
 */
export function explainFindings(
  safe: SafeFeed,
  input: unknown,
): Promise<{ issues: FeedIssue[]; missing?: ImhLoadError }> {
  return loadExplain().then(
    (m) => ({ issues: m.explain(safe.findings, input) }),
    (missing: ImhLoadError) => ({ issues: plainly(safe.findings, missing), missing }),
  );
}

/**
 * Reads `input` (parsed JSON) for an element. Returns the result at once when the feed is small
 * and clean; otherwise a promise, which resolves when the long lists have been read in short tasks
 * and any problems explained. Throws (or rejects with) `FeedValidationError` only when the feed is
 * unusable as a whole.
 */
export function readFeedData(input: unknown, { parts, url }: ReadOptions): FeedRead | Promise<FeedRead> {
  const finish = (safe: SafeFeed): FeedRead | Promise<FeedRead> =>
    safe.findings.length
      ? explainFindings(safe, input).then((explained) => ({ feed: safe.feed, ...explained }))
      : { feed: safe.feed, issues: [] };
  const safe = sliced(safeInSlices(input, parts, url));
  return safe instanceof Promise ? safe.then(finish) : finish(safe);
}
