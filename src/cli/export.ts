/**
 * `imh-feed export jsonld|oruk <feed>`: the feed for search engines (schema.org JSON-LD in a
 * `<script>` block to paste into a CMS page) or for a council's service directory (Open Referral
 * UK 3.0 JSON). The output goes to standard output or a file; what could not be exported goes to
 * standard error, one sentence per item.
 */
import { rename, unlink, writeFile } from 'node:fs/promises';
import { feedJsonLd, jsonLdScript, jsonLdText } from '../export/jsonld.js';
import { feedToOruk } from '../export/oruk.js';
import { LANG_RE } from '../feed/shape.js';
import { groupWords, skippedItems, type FeedReport } from '../feed/tools.js';
import { formatIssue } from '../feed/validate.js';
import { formatDay, wallClock } from '../schedule/civil.js';
import { EXIT, readProblem, type Io } from './io.js';
import { checkFeed } from './validate.js';

export const EXPORT_USAGE = `Usage: imh-feed export jsonld <file-or-url> [--days N] [--lang code] [-o file] [options]
       imh-feed export oruk <file-or-url> [--lang code] [-o file] [options]

jsonld  schema.org JSON-LD for search engines: an Event for each session date in the next N days
        (what Google's event results read), the series with its timetable, and the support
        services. It prints a <script type="application/ld+json"> block to paste into a page of
        your website (in your CMS, as HTML); make it again before the last date it covers.
  --days <N>             how many days of session dates, from today (default 90)
  --lang <code>          the page's language, which picks each translation (default: the feed's)
  --translations <codes|all>  other languages the page shows too, like "en" on a Welsh page:
                         their text is added for each item that has it (comma-separated)
  --page-url <url>       the page's address, used for sessions with no web page of their own
  --now <date-time>      count "from today" from this moment instead, like 2027-01-04T09:00:00Z
  --json                 print the bare JSON instead of a script block

oruk    Open Referral UK 3.0 JSON for a council's service directory: each service, and each
        session, as a full service record, in one page of the /services list.
  --lang <code>          the language to write (default: the feed's)
  --services-only        leave the sessions out
  --id-base <url>        what ids are made from (default: the feed's publisher.url); keep it the
                         same between exports, so the directory updates its records
  --now <date-time>      today, for marking sessions that have ended as inactive

Both:
  -o, --output <file>    write to this file (replacing it) instead of printing
  --strict               exit with 1 when anything was left out or needs checking
  -q, --quiet            do not list what was left out

Exit codes: 0 exported, 1 exported but something was left out or needs checking (with --strict),
2 nothing exported: the feed cannot be read or used, or the file cannot be written, 64 wrong usage.

Examples:
  npx imh-feed export jsonld feed.json --days 60 -o events-snippet.html
  npx imh-feed export jsonld feed.json --lang cy --translations en
  npx imh-feed export oruk https://example.gov.uk/family-hubs/feed.json -o directory.json`;

export interface ExportArgs {
  format: string;
  source: string;
  output?: string;
  days?: string;
  lang?: string;
  translations?: string;
  pageUrl?: string;
  now?: string;
  idBase?: string;
  servicesOnly: boolean;
  json: boolean;
  strict: boolean;
  quiet: boolean;
}

export async function runExport(args: ExportArgs, io: Io): Promise<number> {
  const usage = (sentence: string) => {
    io.err(`imh-feed export: ${sentence}\n\n${EXPORT_USAGE}`);
    return EXIT.usage;
  };
  if (args.format != 'jsonld' && args.format != 'oruk') {
    return usage(`"${args.format}" is not a format to export; use jsonld or oruk.`);
  }
  const jsonld = args.format == 'jsonld';
  const onlyFor = (name: string, given: unknown, format: string) =>
    given && args.format != format ? `${name} is for "export ${format}" only.` : undefined;
  const wrong =
    onlyFor('--days', args.days, 'jsonld') ??
    onlyFor('--translations', args.translations, 'jsonld') ??
    onlyFor('--page-url', args.pageUrl, 'jsonld') ??
    onlyFor('--json', args.json, 'jsonld') ??
    onlyFor('--services-only', args.servicesOnly, 'oruk') ??
    onlyFor('--id-base', args.idBase, 'oruk');
  if (wrong) return usage(wrong);
  const days = args.days === undefined ? 90 : Number(args.days);
  if (!Number.isInteger(days) || days < 1 || days > 1000) {
    return usage(`--days takes a whole number of days from 1 to 1000, not "${args.days}".`);
  }
  const now = args.now === undefined ? new Date() : new Date(args.now);
  if (Number.isNaN(now.getTime()))
    return usage(`--now takes a date and time like 2027-01-04T09:00:00Z, not "${args.now}".`);
  if (args.lang && !LANG_RE.test(args.lang.toLowerCase()))
    return usage(`--lang takes a language code like cy or en-GB, not "${args.lang}".`);
  const translations =
    args.translations == 'all'
      ? 'all'
      : args.translations
          ?.split(',')
          .map((l) => l.trim())
          .filter(Boolean);
  const badLang = Array.isArray(translations) ? translations.find((l) => !LANG_RE.test(l.toLowerCase())) : undefined;
  if (badLang !== undefined || (Array.isArray(translations) && !translations.length)) {
    return usage(`--translations takes language codes like en,cy (or all), not "${args.translations}".`);
  }
  for (const [name, value] of [
    ['--page-url', args.pageUrl],
    ['--id-base', args.idBase],
  ] as const) {
    if (value !== undefined && !/^https?:\/\/[^/\s]+/i.test(value)) {
      return usage(`${name} takes a web address starting https://, not "${value}".`);
    }
  }

  const report = await checkFeed(args.source);
  if ('unreadable' in report) {
    io.err(report.unreadable);
    return EXIT.unusable;
  }
  if (!report.usable || !report.feed) {
    io.err(`✗ ${args.source} cannot be used, so nothing was exported.\n  ${report.error?.message}`);
    return EXIT.unusable;
  }
  const feed = report.feed;
  const said: string[] = skippedLines(report, args.source);

  let text: string;
  let left: { id: string; message: string }[];
  let summary: string;
  if (jsonld) {
    const { data, notes } = feedJsonLd(feed, {
      now,
      days,
      lang: args.lang,
      translations,
      pageUrl: args.pageUrl,
    });
    left = notes;
    const zone = feed.timeZone ?? 'Europe/London';
    const first = wallClock(now, zone).day;
    const from = formatDay(first);
    const to = formatDay(first + days - 1);
    const nodes = data['@graph'] as { '@type'?: string }[];
    const count = (type: string) => nodes.filter((n) => n['@type'] == type).length;
    const services = count('Service') + count('GovernmentService');
    summary =
      `✓ Exported ${count('Event')} session ${count('Event') == 1 ? 'date' : 'dates'} from ${from} to ${to}, ` +
      `${count('EventSeries')} series and ${services} ` +
      `${services == 1 ? 'service' : 'services'} as schema.org JSON-LD.`;
    text = args.json
      ? jsonLdText(data, 2)
      : // The comment says what the block covers and when to make it again: no feed text in it.
        `<!-- imh-widgets: sessions from ${from} to ${to}. Make this block again before ${to} ` +
        `(npx imh-feed export jsonld). -->\n${jsonLdScript(data, 2)}`;
  } else {
    const { data, losses } = await feedToOruk(feed, {
      now,
      lang: args.lang,
      sessions: !args.servicesOnly,
      idBase: args.idBase,
    });
    left = losses;
    const n = data.total_items;
    summary = `✓ Exported ${n} ${n == 1 ? 'service' : 'services'} as Open Referral UK 3.0.`;
    text = JSON.stringify(data, null, 2);
  }

  if (args.output && args.output != '-') {
    const problem = await writeAtomically(args.output, `${text}\n`);
    if (problem) {
      io.err(`✗ ${args.output} cannot be written: ${problem}. Nothing was exported.`);
      return EXIT.unusable;
    }
    said.unshift(`${summary.slice(0, -1)} to ${args.output}.`);
  } else {
    io.out(text);
    said.unshift(summary);
  }
  if (left.length) {
    said.push(
      jsonld
        ? `! ${left.length} ${left.length == 1 ? 'item' : 'items'} cannot be shown by search engines:`
        : `! ${left.length} ${left.length == 1 ? 'item has' : 'items have'} something Open Referral UK cannot hold:`,
    );
    if (!args.quiet) said.push(...left.map((l) => `  ${l.id}: ${l.message}`));
  }
  io.err(said.join('\n'));
  return args.strict && (left.length || report.issues.length) ? EXIT.issues : EXIT.ok;
}

/**
 * What the feed's own check skipped, ignored or asks to check, briefly: the items skipped are not in
 * the export.
 */
function skippedLines(report: FeedReport, source: string): string[] {
  if (!report.issues.length) return [];
  const skipped = skippedItems(report.issues);
  const lines = [
    `! ${source} has ${report.issues.length} ${report.issues.length == 1 ? 'problem' : 'problems'}` +
      (skipped ? `; ${skipped} ${skipped == 1 ? 'item was' : 'items were'} skipped and not exported` : '') +
      ' ("imh-feed validate" explains each):',
  ];
  const word = groupWords(report.issues);
  for (const i of report.issues) lines.push(`  ${word(i)}  ${formatIssue(i)}`);
  return lines;
}

/** Writes the whole file or nothing: a half-written export never replaces a good one. */
async function writeAtomically(path: string, text: string): Promise<string | undefined> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
    return undefined;
  } catch (error) {
    await unlink(temporary).catch(() => {});
    return readProblem(error);
  }
}
