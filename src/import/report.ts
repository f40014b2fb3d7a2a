/**
 * The import report for people and machines: a summary first (what was written, each source with
 * what it is and what changed), then every problem with where it is in its source. The command
 * line prints it (`formatImportReport`, or `importReportJson` for `--json`); the feed studio shows
 * the same parts (`summarise`, `problemsOf`).
 */
import { calendarsLacking, groupOf, groupWords } from '../feed/tools.js';
import { formatIssue } from '../feed/validate.js';
import type { MergeResult, NamedItem, SourceChange, UnreadSource } from './merge.js';
import type { ImportResult, SourceLocation } from './types.js';
import { plural } from './common.js';

/** One thing an editor should look at, with where it is. */
export interface Problem {
  /** `error`: a record or source was skipped; `warning`: something was left out or guessed; `info`: good to know. */
  level: 'error' | 'warning' | 'info';
  /** The file name or address it is in. */
  source: string;
  /** Where, for people: "sessions.csv, row 7, column Day". */
  where: string;
  at?: SourceLocation;
  /** The column or field. */
  field?: string;
  /** The record's name ("Baby Yoga"), when it has one. */
  record?: string;
  /** A sentence. */
  message: string;
}

/** One source, summed up. */
export interface SourceSummary extends SourceChange {
  /** Its records: how many were imported cleanly, with losses, and skipped. */
  records: { imported: number; withLosses: number; skipped: number };
}

/**
 * Where a record or value is, for people: `sessions.csv, row 7, "Baby Yoga", column Day`,
 * `library.ics, line 120, "Rhyme Time" (id 4f2a@google.com)`, `https://…/services, page 3, "Health visiting" (id 1234)`.
 */
export function describeLocation(
  at: SourceLocation | undefined,
  field?: string,
  fallback = '',
  record?: string,
): string {
  const parts = [at?.source ?? fallback];
  if (at?.page) parts.push(`page ${at.page}`);
  if (at?.row) parts.push(`row ${at.row}`);
  if (at?.line) parts.push(`line ${at.line}`);
  if (record) parts.push(`"${record}"`);
  let out = parts.filter(Boolean).join(', ');
  if (at?.id) out += out ? ` (id ${at.id})` : `id ${at.id}`;
  const column = field ?? at?.column;
  if (column) out += `, ${at?.row ? `column ${column}` : column}`;
  return out;
}

/** Each source's summary, in the order given. */
export function summarise(results: readonly (ImportResult | UnreadSource)[], merge: MergeResult): SourceSummary[] {
  return merge.sources.map((change, i) => {
    const result = results[i];
    const records = { imported: 0, withLosses: 0, skipped: 0 };
    if (result && 'report' in result) {
      for (const r of result.report.records) {
        if (r.outcome == 'imported') records.imported++;
        else if (r.outcome == 'imported-with-losses') records.withLosses++;
        else records.skipped++;
      }
    }
    return { ...change, records };
  });
}

/** Every problem: skipped and partly imported records, notes on sources, and what the merge did. */
export function problemsOf(results: readonly (ImportResult | UnreadSource)[], merge: MergeResult): Problem[] {
  const out: Problem[] = [];
  for (const result of results) {
    if (!('report' in result)) continue;
    const { report } = result;
    for (const record of report.records) {
      if (record.outcome == 'imported') continue;
      const named = record.name && !/^(row|line|item|service|event) \S+$/i.test(record.name) ? record.name : undefined;
      for (const note of record.notes.length ? record.notes : [{ message: 'It was skipped.' }]) {
        out.push({
          level: record.outcome == 'skipped' ? 'error' : 'warning',
          source: report.source,
          where: describeLocation(record.at, note.field, report.source, named),
          at: record.at,
          field: note.field,
          record: named,
          message: note.message,
        });
      }
    }
    for (const note of report.notes) {
      out.push({
        level: note.level,
        source: report.source,
        where: describeLocation(note.at, undefined, report.source),
        at: note.at,
        message: note.message,
      });
    }
  }
  for (const note of merge.notes) {
    out.push({
      level: note.level,
      source: note.source ?? '',
      where: describeLocation(note.at, undefined, note.source ?? 'the feed'),
      at: note.at,
      message: note.message,
    });
  }
  return out;
}

/** What a record is called in each format: a spreadsheet has rows, a calendar events. */
export const RECORD_NOUNS: Record<string, [string, string]> = {
  'sessions-csv': ['row', 'rows'],
  'services-csv': ['row', 'rows'],
  'term-dates-csv': ['row', 'rows'],
  ics: ['event', 'events'],
  'term-dates-ics': ['event', 'events'],
  oruk: ['service', 'services'],
  openactive: ['item', 'items'],
  'bank-holidays': ['date', 'dates'],
  feed: ['item', 'items'],
};
const LISTS = ['sessions', 'services', 'places', 'organisations'] as const;
/** What one item of each feed list is called, for sentences: "2 sessions and 1 place". */
export const ONE = { sessions: 'session', services: 'service', places: 'place', organisations: 'organisation' };

/** "2 sessions (Baby Yoga, Rhyme Time) and 1 place (Central Library)": names for the first few. */
function grouped(items: NamedItem[], max = 5): string {
  const parts = LISTS.map((list) => {
    const of = items.filter((i) => i.list == list);
    if (!of.length) return '';
    const names = of.slice(0, max).map((i) => i.name);
    const more = of.length > max ? ` and ${of.length - max} more` : '';
    return `${plural(of.length, ONE[list])} (${names.join(', ')}${more})`;
  }).filter(Boolean);
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** What a source did, in a sentence or two: "12 rows: 11 imported, 1 skipped. In the feed: added …; 9 unchanged." */
export function describeChange(s: SourceSummary): string {
  if (s.status == 'failed') return `Not read: ${s.reason}`;
  const parts: string[] = [];
  const { imported, withLosses, skipped } = s.records;
  const total = imported + withLosses + skipped;
  if (total) {
    const bits = [`${imported + withLosses} imported`];
    if (withLosses) bits.push(`${withLosses} of them with losses`);
    if (skipped) bits.push(`${skipped} skipped`);
    const [one, many] = RECORD_NOUNS[s.format ?? ''] ?? ['record', 'records'];
    parts.push(`${plural(total, one, many)}: ${bits.join(', ')}.`);
  }
  const changes: string[] = [];
  if (s.added.length) changes.push(`added ${grouped(s.added)}`);
  if (s.updated.length) changes.push(`updated ${grouped(s.updated)}`);
  if (s.removed.length) changes.push(`removed ${grouped(s.removed)}`);
  if (s.unchanged) changes.push(`${s.unchanged} unchanged`);
  if (changes.length) parts.push(`In the feed: ${changes.join('; ')}.`);
  if (s.dates) parts.push(`${s.dates[0].toUpperCase()}${s.dates.slice(1)}.`);
  if (s.status == 'held') parts.push(`Held back: ${s.reason}`);
  return parts.join(' ') || 'Nothing in it to import.';
}

/** How many of each item the feed holds: "14 sessions, 6 services, 5 places". */
export function feedCounts(feed: Record<string, unknown>): string {
  const counts = LISTS.map((l) => [l, Array.isArray(feed[l]) ? (feed[l] as unknown[]).length : 0] as const)
    .filter(([, n]) => n)
    .map(([l, n]) => plural(n, ONE[l]));
  return counts.length ? counts.join(', ') : 'no sessions or services yet';
}

export interface ReportContext {
  /** Where the feed was written, or would have been. */
  output?: string;
  /** It was written (false: blocked, a dry run, or nothing changed). */
  written: boolean;
  /** The feed was already up to date, so the file was left as it was. */
  upToDate?: boolean;
  dryRun?: boolean;
  /** Said on the command line, so the report may name its options. */
  command?: boolean;
}

/** The report as plain text, as `imh-feed import` prints it. */
export function formatImportReport(
  results: readonly (ImportResult | UnreadSource)[],
  merge: MergeResult,
  context: ReportContext,
): string {
  const lines: string[] = [];
  const out = context.output ?? 'the feed';
  if (context.written) {
    lines.push(`✓ Wrote ${out}: ${feedCounts(merge.feed)}.`);
  } else if (context.upToDate) {
    lines.push(`✓ ${out} is up to date: the sources have not changed, so it was left as it was.`);
  } else if (context.dryRun && merge.write) {
    lines.push(`✓ ${out} would have ${feedCounts(merge.feed)} (a dry run: nothing was written).`);
  } else {
    lines.push(`✗ Nothing was written${context.output ? `; ${context.output} is as it was` : ''}.`);
    for (const reason of merge.blocked) lines.push(`  ${reason}`);
    const held = merge.sources.some((s) => s.status == 'held');
    lines.push(
      '  Fix what is said above and import again' +
        (held
          ? ', or add --force if the change is right (the source really did remove those items).'
          : ', or add --force to write the other sources’ changes ' +
            '(a source that could not be read keeps its items as they were).'),
    );
  }
  for (const s of summarise(results, merge)) {
    lines.push('', `${s.name}: ${s.detected ? `${s.detected}.` : 'not recognised.'}`);
    lines.push(`  ${describeChange(s)}`);
  }
  const problems = problemsOf(results, merge);
  const serious = problems.filter((p) => p.level != 'info');
  if (serious.length) {
    lines.push('', `Problems (${serious.length}):`);
    for (const p of serious) {
      lines.push(`  ${p.level == 'error' ? '✗' : '!'} ${p.where}: ${p.message}`);
    }
  }
  const info = problems.filter((p) => p.level == 'info');
  if (info.length) {
    lines.push('', 'Notes:');
    for (const p of info) lines.push(`  ${p.where}: ${p.message}`);
  }
  if (merge.issues.length) {
    lines.push(
      '',
      `The feed's own check (imh-feed validate) says (${plural(merge.issues.length, 'issue')}, kept as they are):`,
    );
    const word = groupWords(merge.issues);
    for (const issue of merge.issues) lines.push(`  ${word(issue)}  ${formatIssue(issue)}`);
    // Only for a calendar the feed lacks (with one, a warning is about a session's dates).
    const lacking = calendarsLacking(merge.issues);
    const needs = [
      lacking.includes('termDates') &&
        '--term-dates term-dates.csv (npx imh-feed template term-dates makes one to fill in)',
      lacking.includes('bankHolidays') && '--bank-holidays england-and-wales',
    ].filter(Boolean);
    if (needs.length && context.command) lines.push(`  To add them, run the import again with ${needs.join(' and ')}.`);
  }
  return lines.join('\n');
}

/** The report as JSON, for `imh-feed import --json`. */
export function importReportJson(
  results: readonly (ImportResult | UnreadSource)[],
  merge: MergeResult,
  context: ReportContext,
): Record<string, unknown> {
  return {
    written: context.written ? (context.output ?? true) : null,
    upToDate: !!context.upToDate,
    changed: merge.changed,
    blocked: merge.blocked,
    counts: Object.fromEntries(
      LISTS.map((l) => [l, Array.isArray(merge.feed[l]) ? (merge.feed[l] as unknown[]).length : 0]),
    ),
    sources: summarise(results, merge),
    problems: problemsOf(results, merge),
    // Each with its group, as the printed report and imh-feed validate --json give it.
    issues: merge.issues.map((issue) => ({ ...issue, group: groupOf(issue) })),
  };
}
