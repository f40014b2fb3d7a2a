import type { FeedRead } from './read.js';
import type { FeedIssue } from './shape.js';

/**
 * The part of a feed ("sessions", "termDates") a problem may have cost items in: an item skipped (an
 * error), or a part ignored as a whole (a warning, and the part is gone); otherwise undefined (a
 * value ignored, a time zone written wrong). `store.ts` compares the copy in those parts only (a chunk
 * of its own, with the saved-copy code).
 */
export const lostIn = (feed: FeedRead['feed'], issue: FeedIssue): string | undefined => {
  const part = issue.path.split(/[.[]/)[0];
  return issue.severity == 'error' || (feed as Record<string, unknown>)[part] == null ? part : undefined;
};
