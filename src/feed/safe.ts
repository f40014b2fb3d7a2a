/**
 * The safety pass, which every page runs on every feed: the feed's types, formats, links, text,
 * sizes and nesting, item by item, with the same verdicts and the same cleaned values as the
 * editor's report (it is the same interpreter), but recording each problem as a path and a code,
 * with no sentences. A page loads the sentences (`explain.ts`) only when this finds something.
 */
import { FeedValidationError } from './errors.js';
import type { FeedParts } from './parts.js';
import {
  check,
  checkItems,
  fieldOf,
  preview,
  type ArrNode,
  type Ctx,
  type Finding,
  type LaxNode,
  MAX_ISSUES,
  spill,
} from './shape.js';
import type { Feed } from './types.js';

/** The major versions of the feed format this library reads. */
export const SUPPORTED_VERSIONS = [1];

/** What the safety pass read: the feed the elements show, and where it found problems. */
export interface SafeFeed {
  feed: Feed;
  findings: Finding[];
}

/** The lists whose ids other items refer to. */
const REFERRED = ['places', 'organisations', 'services', 'sources'] as const;

/**
 * Reads `parts` of parsed JSON as a feed, as a generator that yields within its lists, wherever they
 * are, and its references (run it with `sliced()` or `drain()`). Every good item is kept; each bad one is skipped and
 * recorded. Throws `FeedValidationError` only when the document is unusable as a whole: not an
 * object, no `version`, or a major version this library does not know.
 *
 * @param url Where the feed came from, for messages.
 */
export function* safeInSlices(input: unknown, parts: FeedParts, url?: string): Generator<void, SafeFeed> {
  // The part being read: data a page gave may throw there (a getter, a Proxy). An item that throws is
  // skipped (`checkItems`); the feed itself, or one of its parts, fails the feed, named.
  let at = 'it';
  try {
    if (!input || typeof input != 'object' || Array.isArray(input)) {
      throw new FeedValidationError(
        url,
        `is not a feed: it should be a JSON object ({ … }) with "version": 1, not ${preview(input)}.`,
      );
    }
    const own = (key: string) =>
      Object.prototype.hasOwnProperty.call(input, (at = key)) ? (input as Record<string, unknown>)[key] : undefined;
    const version = own('version');
    if (version == null) {
      throw new FeedValidationError(
        url,
        'has no "version". Add "version": 1 at the top, so readers know which format it follows.',
      );
    }
    const major = typeof version == 'number' ? Math.trunc(version) : NaN;
    if (!SUPPORTED_VERSIONS.includes(major)) {
      throw new FeedValidationError(
        url,
        `says "version": ${preview(version)}, which this version of imh-widgets cannot read. ` +
          `It reads version ${SUPPORTED_VERSIONS.join(', ')}; update the script, or publish a version 1 feed.`,
      );
    }
    const ctx: Ctx = { findings: [], refs: [], more: {} };
    const out: Record<string, unknown> = {};
    for (const [key, f] of Object.entries(parts.fields)) {
      const { node, def } = fieldOf(f);
      const raw = own(key);
      const list = node.k == 'lax' && (node as LaxNode).of.k == 'list' ? ((node as LaxNode).of as ArrNode) : undefined;
      let got: unknown;
      if (raw == null) got = undefined;
      else if (list && Array.isArray(raw)) got = yield* checkItems(list, raw, key, ctx);
      else got = yield* check(node, raw, key, ctx);
      // Never BAD: every part but `version` is lax (ignored when bad), and `version` was checked above.
      if (got !== undefined) out[key] = got;
      else if (def !== undefined) out[key] = def;
    }
    const known: Record<string, Set<string>> = {};
    for (const name of REFERRED) {
      known[name] = new Set(((out[name] ?? []) as { id: string }[]).map((item) => item.id));
    }
    let i = 0;
    for (const r of ctx.refs) {
      if (!known[r.to]?.has(r.id)) {
        r.drop();
        ctx.findings.push({ path: r.path, code: 'unknown-ref', severity: 'warning', value: r.id, arg: r.to });
      }
      // In slices too: each dropped reference is taken out of its list (200,000 took 0.6 s), and the problems
      // past the first MAX_ISSUES counted as they come (counted at the end, 200,000 took 83 ms in one step).
      spill(ctx, MAX_ISSUES);
      if (++i % 256 == 0) yield;
    }
    // Checks across lists, for parts that have them (sessions and the calendars they skip).
    parts.check?.(own, out as Feed, ctx.findings);
    // Past the first MAX_ISSUES, one last finding a part says how many more.
    spill(ctx);
    // In the order of the feed's parts (each count's path is its part's name).
    for (const key in parts.fields) if (ctx.more![key]) ctx.findings.push(ctx.more![key]);
    return { feed: out as Feed, findings: ctx.findings };
  } catch (e) {
    throw e instanceof FeedValidationError
      ? e
      : new FeedValidationError(url, `threw ${preview(e instanceof Error ? String(e) : e)} reading ${at}.`);
  }
}
