#!/usr/bin/env node
// imh-feed: tools for people who maintain an imh-widgets feed.
//   npx imh-feed validate <file-or-url> [--json] [--strict]
// Exit codes: 0 usable, 1 usable with issues and --strict, 2 unusable, 64 wrong usage.
import { readFile } from 'node:fs/promises';
import { checkFeedText, formatReport } from '../dist/tools.js';
import { loadFeed } from '../dist/feed.js';

const USAGE = `Usage: imh-feed validate <file-or-url> [--json] [--strict]

Checks an imh-widgets feed and prints every problem with its path, for example
  skipped  sessions[3].schedule.byDay[0]: "Tusday" is not a day; use MO, TU, …

  --json     print the report as JSON
  --strict   exit with 1 when any item is skipped or value ignored

Exit codes: 0 the feed is usable, 1 it has issues (with --strict), 2 it cannot be used.`;

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const [command, source, ...rest] = args.filter((a) => !a.startsWith('--'));

if (flags.has('--help') || command === 'help') {
  console.log(USAGE);
  process.exit(0);
}
if (command !== 'validate' || !source || rest.length || [...flags].some((f) => !['--json', '--strict'].includes(f))) {
  console.error(USAGE);
  process.exit(64);
}

let report;
if (/^https?:\/\//i.test(source)) {
  // Fetched the way a page fetches it (same timeout, size cap and errors), keeping the text so a
  // JSON error can be located.
  let text;
  const keepText = async (url, init) => {
    const response = await fetch(url, init);
    if (response.ok) text = await response.clone().text();
    return response;
  };
  try {
    await loadFeed(source, { useStoredCopy: false, fetch: keepText });
    report = checkFeedText(text, source);
  } catch (error) {
    report =
      text !== undefined && error.name === 'FeedParseError'
        ? checkFeedText(text, source)
        : { usable: false, error, issues: error.issues ?? [], counts: {} };
  }
} else {
  let text;
  try {
    text = await readFile(source, 'utf8');
  } catch (error) {
    console.error(`✗ ${source} cannot be read: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    process.exit(2);
  }
  report = checkFeedText(text.replace(/^\uFEFF/, ''), undefined);
}

if (flags.has('--json')) {
  const { usable, error, issues, counts } = report;
  console.log(
    JSON.stringify({ usable, error: error && { name: error.name, message: error.message }, issues, counts }, null, 2),
  );
} else {
  console.log(formatReport(report, source));
}
process.exit(!report.usable ? 2 : flags.has('--strict') && report.issues.length ? 1 : 0);
