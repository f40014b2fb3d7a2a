/**
 * `imh-feed import <file-or-url>… [--into feed.json] [-o feed.json] …`: reads each source (a
 * spreadsheet, a calendar, a directory, an OpenActive feed, bank holidays, term dates, another
 * feed), says what it found, merges it into the feed and writes a feed that passes
 * `imh-feed validate --strict`, or nothing at all when a source failed or shrank suspiciously.
 */
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkFeedText } from '../feed/tools.js';
import { isTimeZone } from '../feed/schema/values.js';
import {
  FORMAT_NAMES,
  importSource,
  isAddress,
  mergeImports,
  type ImportFormat,
  type ImportResult,
  type ReadOptions,
  type UnreadSource,
} from '../import/index.js';
import { formatImportReport, importReportJson } from '../import/report.js';
import { EXIT, readProblem, type Io } from './io.js';

export const BANK_HOLIDAYS_URL = 'https://www.gov.uk/bank-holidays.json';
const DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'];

export const IMPORT_USAGE = `Usage: imh-feed import <file-or-url>... [--into feed.json] [-o feed.json] [options]

Reads spreadsheets (CSV), calendars (.ics), Open Referral UK directories, OpenActive feeds, GOV.UK
bank holidays and other imh-widgets feeds, says what it found in each, and merges them into one
feed that passes "imh-feed validate --strict". Items you wrote by hand are always kept.

  --into <feed.json>        the feed to update (it is made if it does not exist yet)
  -o, --output <file>       where to write the feed (default: the --into file; "-" prints it)
  --bank-holidays <division>  add GOV.UK bank holidays: england-and-wales, scotland or northern-ireland
  --bank-holidays-from <file-or-url>  read them from here instead of ${BANK_HOLIDAYS_URL}
  --term-dates <file-or-url>  add school term dates (the term-dates template as CSV, or an .ics file)
  --format <format>         read every source as this format instead of detecting it:
                            ${Object.keys(FORMAT_NAMES).join(', ')}
  --time-zone <zone>        the feed's time zone for new feeds (default Europe/London)
  --force                   write even when a source failed (its items stay as they were) or would
                            remove more than half of its items; replace an existing -o file
  --dry-run                 read and report, but write nothing
  --json                    print the report as JSON (each issue with its group)
  --strict                  exit with 1 when any record was skipped, or the feed's own check
                            (imh-feed validate --strict) has anything to say
  --quiet                   no progress lines

Exit codes: 0 the feed was written (or was already up to date), 1 written but records were
skipped or the check has issues (with --strict), 2 nothing written: a source could not be read or the feed cannot be
used, 3 nothing written: a source would remove more than half of its items (add --force if that
is right), 64 wrong usage.

Examples:
  npx imh-feed import sessions.csv services.csv --into feed.json --bank-holidays england-and-wales
  npx imh-feed import https://api.example.gov.uk/api/v1/services --into feed.json
  npx imh-feed import library.ics --term-dates term-dates.csv --into feed.json`;

export interface ImportArgs {
  sources: string[];
  into?: string;
  output?: string;
  bankHolidays?: string;
  bankHolidaysFrom?: string;
  termDates?: string;
  format?: string;
  timeZone?: string;
  force: boolean;
  dryRun: boolean;
  json: boolean;
  strict: boolean;
}

const exists = async (path: string) => {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
};

/** Reads a file's bytes, or says why not. */
async function readBytes(path: string): Promise<Uint8Array | UnreadSource> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    return { name: path, failed: `It cannot be read: ${readProblem(error)}.` };
  }
}

/** Writes through a temporary file, so a page reading the feed never sees half of it. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, text);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

export async function runImport(args: ImportArgs, io: Io): Promise<number> {
  // 1. What to read, and where to write.
  if (!args.sources.length && !args.bankHolidays && !args.termDates) {
    io.err('Say what to import: one or more files or addresses, --bank-holidays or --term-dates.\n');
    io.err(IMPORT_USAGE);
    return EXIT.usage;
  }
  if (args.format && !(args.format in FORMAT_NAMES)) {
    io.err(`"${args.format}" is not a format imh-feed reads. Use one of: ${Object.keys(FORMAT_NAMES).join(', ')}.`);
    return EXIT.usage;
  }
  if (args.bankHolidays && !DIVISIONS.includes(args.bankHolidays)) {
    io.err(
      `"${args.bankHolidays}" is not a GOV.UK bank-holiday division. ` +
        'Use england-and-wales, scotland or northern-ireland.',
    );
    return EXIT.usage;
  }
  if (args.timeZone && !isTimeZone(args.timeZone)) {
    io.err(`"${args.timeZone}" is not a time zone. Use its IANA name, like Europe/London.`);
    return EXIT.usage;
  }
  if (args.bankHolidaysFrom && !args.bankHolidays) {
    io.err('--bank-holidays-from needs --bank-holidays <division> too: say which division to take from it.');
    return EXIT.usage;
  }
  const output = args.output ?? args.into;
  if (!output && !args.dryRun) {
    io.err(
      'Say where to write the feed: --into feed.json updates that feed (keeping what you wrote by hand), ' +
        '-o feed.json writes a new one, -o - prints it.',
    );
    return EXIT.usage;
  }
  if (output && output != '-' && args.output && args.into && resolve(args.output) == resolve(args.into)) {
    // -o and --into the same file: an update in place.
  } else if (output && output != '-' && !args.into && !args.force && !args.dryRun && (await exists(output))) {
    io.err(
      `✗ ${output} already exists. To update it and keep what it has, use --into ${output}; ` +
        'to replace it, add --force.',
    );
    return EXIT.unusable;
  }

  // 2. The existing feed, which must be usable (a broken one is never overwritten).
  let existing: Record<string, unknown> | undefined;
  if (args.into) {
    let text: string | undefined;
    try {
      text = await readFile(args.into, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code != 'ENOENT') {
        io.err(`✗ ${args.into} cannot be read: ${readProblem(error)}.`);
        return EXIT.unusable;
      }
      io.err(`${args.into} does not exist yet: a new feed is made.`);
    }
    if (text !== undefined) {
      const report = checkFeedText(text.replace(/^\uFEFF/, ''), undefined);
      if (!report.usable) {
        io.err(
          `✗ ${args.into} cannot be used, so nothing was imported into it: ${report.error?.message}\n` +
            `  Fix it (npx imh-feed validate ${args.into} shows where), or import into another file.`,
        );
        return EXIT.unusable;
      }
      existing = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
    }
  }

  // 3. Each source, read and imported in turn.
  const now = new Date();
  const options: ReadOptions = {
    now,
    onProgress: (line) => io.progress(line),
    timeZone: args.timeZone ?? (typeof existing?.timeZone == 'string' ? existing.timeZone : undefined),
    format: args.format as ImportFormat | undefined,
  };
  const read = async (source: string, extra: Partial<ReadOptions> = {}): Promise<ImportResult | UnreadSource> => {
    if (isAddress(source)) return importSource({ address: source }, { ...options, ...extra });
    io.progress(`Reading ${source}…`);
    const bytes = await readBytes(source);
    if (!(bytes instanceof Uint8Array)) return bytes;
    return importSource({ name: source, bytes }, { ...options, ...extra });
  };
  const results: (ImportResult | UnreadSource)[] = [];
  for (const source of args.sources) {
    if (args.into && !isAddress(source) && resolve(source) == resolve(args.into)) {
      io.err(`${source} is the feed being updated (--into), so it is not read as a source too.`);
      continue;
    }
    results.push(await read(source));
  }
  if (args.termDates) results.push(await read(args.termDates, { format: 'term-dates' }));
  if (args.bankHolidays) {
    results.push(
      await read(args.bankHolidaysFrom ?? BANK_HOLIDAYS_URL, { format: 'bank-holidays', division: args.bankHolidays }),
    );
  }
  io.done();

  // 4. Merged, checked, written (or not), and reported.
  const merge = mergeImports(existing, results, { force: args.force, now });
  const text = `${JSON.stringify(merge.feed, null, 2)}\n`;
  const check = checkFeedText(text, undefined);
  if (!check.usable) {
    // The merge only ever writes what validation accepts; this guards against a fault in it.
    io.err(`✗ Nothing was written: the merged feed could not be used (${check.error?.message}).`);
    return EXIT.software;
  }
  const upToDate = !!args.into && existing !== undefined && !merge.changed && output == args.into;
  let written = false;
  if (merge.write && !args.dryRun && !upToDate && output) {
    if (output == '-') {
      process.stdout.write(text);
      written = true;
    } else {
      try {
        await writeAtomically(output, text);
        written = true;
      } catch (error) {
        io.err(`✗ ${output} cannot be written: ${readProblem(error)}.`);
        return EXIT.unusable;
      }
    }
  }
  const context = {
    output: output == '-' ? 'the feed' : output,
    written,
    upToDate: upToDate && merge.write,
    dryRun: args.dryRun,
    command: true,
  };
  // With -o -, the feed is the output: the report goes to standard error.
  const say = output == '-' ? io.err : io.out;
  say(
    args.json
      ? JSON.stringify(importReportJson(results, merge, context), null, 2)
      : formatImportReport(results, merge, context),
  );
  if (!merge.write) return merge.sources.some((s) => s.status == 'failed') ? EXIT.unusable : EXIT.held;
  const skipped = results.some((r) => 'report' in r && r.report.records.some((rec) => rec.outcome == 'skipped'));
  return args.strict && (skipped || merge.issues.length) ? EXIT.issues : EXIT.ok;
}
