/**
 * For people who maintain a feed: read a feed's text and report every problem, the way the
 * `imh-feed` command and the demo's feed checker do. Not part of the element bundle.
 */
import { FeedError } from './errors.js';
import { locateJsonError } from './json-locate.js';
import { parseFeed } from './load.js';
import type { FeedIssue } from './shape.js';
import type { Feed } from './types.js';
import { formatIssue } from './validate.js';

export { locateJsonError, formatIssue };
export { feedSchema } from './schema.js';

export interface FeedReport {
  /** False when the feed cannot be used at all (`error` says why). */
  usable: boolean;
  error?: FeedError;
  feed?: Feed;
  issues: FeedIssue[];
  /** A count of what was kept: sessions, services, places, organisations, timeline stages. */
  counts: Record<string, number>;
}

/** Checks feed text: the same report the elements act on, with line and column for JSON errors. */
export function checkFeedText(text: string, url?: string): FeedReport {
  try {
    const { feed, issues } = parseFeed(text, url, locateJsonError);
    const counts = {
      sessions: feed.sessions?.length ?? 0,
      services: feed.services?.length ?? 0,
      places: feed.places?.length ?? 0,
      organisations: feed.organisations?.length ?? 0,
      'timeline stages': feed.timeline?.stages.length ?? 0,
    };
    return { usable: true, feed, issues, counts };
  } catch (e) {
    const error = e instanceof FeedError ? e : new FeedError(String(e), url);
    return { usable: false, error, issues: (error as { issues?: FeedIssue[] }).issues ?? [], counts: {} };
  }
}

/** The report as lines of plain text, as the `imh-feed` command prints it. */
export function formatReport(report: FeedReport, name: string): string {
  if (!report.usable) return `✗ ${name} cannot be used.\n  ${report.error?.message}`;
  const errors = report.issues.filter((i) => i.severity == 'error').length;
  const warnings = report.issues.length - errors;
  const kept = Object.entries(report.counts)
    .map(([k, n]) => `${n} ${n == 1 ? k.replace(/s$/, '') : k}`)
    .join(', ');
  const head = report.issues.length
    ? `! ${name} is usable, with ${errors} ${errors == 1 ? 'item' : 'items'} skipped and ${warnings} ${warnings == 1 ? 'value' : 'values'} ignored.`
    : `✓ ${name} is valid.`;
  const lines = report.issues.map((i) => `  ${i.severity == 'error' ? 'skipped' : 'ignored'}  ${formatIssue(i)}`);
  return [head, `  Kept: ${kept}.`, ...lines].join('\n');
}
