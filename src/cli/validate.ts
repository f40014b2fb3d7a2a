/**
 * `imh-feed validate <file-or-url> [--json] [--strict]`: checks a feed and prints every problem
 * with its path, the same report the elements act on.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { FeedSizeError } from '../feed/failures.js';
import { loadFeed } from '../feed/index.js';
import { DEFAULT_MAX_BYTES } from '../feed/load.js';
import { checkFeedText, formatReport, groupOf, type FeedReport } from '../feed/tools.js';
import { EXIT, isAddress, readProblem, type Io } from './io.js';

export const VALIDATE_USAGE = `Usage: imh-feed validate <file-or-url> [--json] [--strict]

Checks an imh-widgets feed and prints every problem: the item it is in (counting from one, with
its name, id and line) and what to do, then its path for developers, for example
  skipped  Session 4, "Stay and Play" (id stay-and-play, line 57): schedule › byDay › entry 1:
           "Tusday" is not a day; use MO, TU, …
           at sessions[3].schedule.byDay[0]

  --json     print the report as JSON (each issue with its group: skipped, ignored or to check)
  --strict   exit with 1 on any issue: an item skipped, a value ignored or a thing to check

Exit codes: 0 the feed is usable, 1 it has issues (with --strict), 2 it cannot be used.`;

/**
 * Written as an address with a scheme (`javascript:…`, `data:…`, `ftp://…`; two letters or more, so
 * not a Windows drive) and no such file: read as an address, so the loader says why it is refused.
 */
const schemeNotFile = (source: string) => /^[a-z][a-z\d+.-]+:/i.test(source) && !existsSync(source);

/** Reads a feed from a file or address and checks it. */
export async function checkFeed(source: string): Promise<FeedReport | { unreadable: string }> {
  if (isAddress(source) || schemeNotFile(source)) {
    // Fetched the way a page fetches it (same timeout, size cap and errors), keeping the text so a
    // JSON error can be located.
    let text: string | undefined;
    const keepText: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      if (response.ok) text = await response.clone().text();
      return response;
    };
    try {
      await loadFeed(source, { useStoredCopy: false, fetch: keepText });
      return checkFeedText(text!, source);
    } catch (e) {
      const error = e as Error & { issues?: FeedReport['issues'] };
      return text !== undefined && error.name === 'FeedParseError'
        ? checkFeedText(text, source)
        : ({ usable: false, error, issues: error.issues ?? [], counts: {} } as FeedReport);
    }
  }
  let bytes: Buffer;
  try {
    // The size cap every page applies holds for files too: a page would refuse this one.
    if ((await stat(source)).size > DEFAULT_MAX_BYTES) {
      return { usable: false, error: new FeedSizeError(undefined, DEFAULT_MAX_BYTES), issues: [], counts: {} };
    }
    bytes = await readFile(source);
  } catch (error) {
    return { unreadable: `✗ ${source} cannot be read: ${readProblem(error)}` };
  }
  // Read as UTF-8 whatever it is: a UTF-16 file keeps its zero bytes, and the report says what it is.
  return checkFeedText(bytes.toString('utf8'), undefined, bytes.length);
}

export async function validate(args: { source: string; json: boolean; strict: boolean }, io: Io): Promise<number> {
  const report = await checkFeed(args.source);
  if ('unreadable' in report) {
    io.err(report.unreadable);
    return EXIT.unusable;
  }
  if (args.json) {
    const { usable, error, issues, counts, emergencies, emergenciesNotListed } = report;
    // Each issue with its group, as the report lists it: skipped, ignored or to check.
    const grouped = issues.map((issue) => ({ ...issue, group: groupOf(issue) }));
    const out = { usable, error: error && { name: error.name, message: error.message }, issues: grouped, counts };
    io.out(JSON.stringify({ ...out, emergencies, emergenciesNotListed }, null, 2));
  } else {
    io.out(formatReport(report, args.source));
  }
  return !report.usable ? EXIT.unusable : args.strict && report.issues.length ? EXIT.issues : EXIT.ok;
}
