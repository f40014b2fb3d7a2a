/**
 * For people who maintain a feed: read a feed's text and report every problem, the way the
 * `imh-feed` command and the demo's feed checker do: each item named by its number (counting from
 * one), its id, its name and its line, with the path kept for developers; keys written twice;
 * emergency services that were left out. Not part of the element bundle.
 */
import { FeedError } from './errors.js';
import { FeedSizeError } from './failures.js';
import { limitDepth } from './depth.js';
import { describeIssue, describeWhere, explain, itemOf, visible } from './explain.js';
import { lineOf, locateJsonError, scanJson } from './json-locate.js';
import { DEFAULT_MAX_BYTES } from './load.js';
import { notJson } from './not-json.js';
import { MAX_ISSUES, preview, type FeedIssue, type Finding } from './shape.js';
import { drain } from './slices.js';
import type { Feed } from './types.js';
import { formatDay, parseDay } from '../schedule/civil.js';
import { scheduleLimits } from '../schedule/closures.js';
import { ruleDates } from '../schedule/recur.js';
import { calendarFindings } from './schema/calendars.js';
import { LAST_YEAR } from './schema/values.js';
import { formatIssue, validateFeed } from './validate.js';

export { locateJsonError, formatIssue, describeIssue, describeWhere, visible };
export { feedSchema } from './schema.js';

export interface FeedReport {
  /** False when the feed cannot be used at all (`error` says why). */
  usable: boolean;
  error?: FeedError;
  feed?: Feed;
  /**
   * Every problem, each with its path, its item and its line, up to `MAX_ISSUES` (1,000); past them,
   * one issue a part (code `more`) counts the rest. A warning to check (`toCheck`) is never only
   * counted: a calendar the feed lacks (one warning each) is listed even past the first 1,000, and the
   * sessions the calendars close on every date are listed after the rest (up to `MAX_ISSUES` of them).
   */
  issues: FeedIssue[];
  /** A count of what was kept: sessions, services, places, organisations, timeline stages. */
  counts: Record<string, number>;
  /** Services marked `"urgency": "emergency"` that were skipped: a page would not show them. */
  emergencies?: FeedIssue[];
  /**
   * How many more emergency services were skipped than `emergencies` names: those whose problems fall
   * past the first `MAX_ISSUES`, counted (the services written less those kept) but not listed.
   */
  emergenciesNotListed?: number;
}

const unusable = (error: FeedError, issues: FeedIssue[] = []): FeedReport => {
  // Its sentence may quote the text ("version": "\u202E1"): direction controls as escapes, as in every issue.
  error.message = visible(error.message);
  return { usable: false, error, issues, counts: {} };
};

/**
 * Keys written twice: JSON keeps the last value, so what the first said is lost without a word. The
 * first `MAX_ISSUES` are listed; past them, one more issue counts the rest.
 */
function duplicateIssues(scan: ReturnType<typeof scanJson>, input: unknown): FeedIssue[] {
  const more = scan.duplicates.length - MAX_ISSUES;
  const listed = scan.duplicates.slice(0, MAX_ISSUES).map((d): FeedIssue => {
    const item = itemOf(d.path, input);
    return {
      path: d.path,
      severity: 'warning',
      code: 'duplicate-key',
      line: d.line,
      message:
        `${visible(preview(d.key))} is written twice in the same object (lines ${d.first} and ${d.line}); ` +
        `JSON keeps only the last, so what line ${d.first} says is lost. Merge them into one (ignored)`,
      ...(item && { item }),
    };
  });
  if (more > 0) {
    // Like the check's own last issue (code `more`), for the whole text: its keys, not one part's.
    const { line } = scan.duplicates[MAX_ISSUES];
    listed.push({
      path: '',
      severity: 'warning',
      code: 'more',
      line,
      more: { problems: more, items: 0, ignored: more },
      message:
        `${more.toLocaleString('en')} more ${more == 1 ? 'key is' : 'keys are'} written twice, from line ${line} on, ` +
        'counted but not listed: a ' +
        `check lists the first ${MAX_ISSUES.toLocaleString('en')} only. Merge the ones above and check again (ignored)`,
    });
  }
  return listed;
}

/** How many of the sessions' dates `closedSessions` looks at, at most, in one feed. */
const CLOSED_BUDGET = 200_000;

/**
 * Sessions the feed's calendars leave with no date at all: every date of the pattern falls outside
 * term time (`termTimeOnly`) or on a bank holiday (`notOnBankHolidays`), up to the last date the
 * calendars give, and none falls after it (a later one is "not yet confirmed": it shows once next
 * year's dates are added). The session is kept, but no list would ever show it, without a word. A
 * schedule is walked a year at a time and no further than its first open date, and all of them
 * together no further than `CLOSED_BUDGET` dates: past it, a session is not reported. Only the editor
 * tools check this (the elements' own check does not walk schedules).
 */
export function closedSessions(feed: Feed, input: unknown, issues: readonly FeedIssue[] = []): FeedIssue[] {
  const raw = (input as { sessions?: unknown }).sessions;
  if (!Array.isArray(raw)) return [];
  // Each kept session's place in the feed as written: the kept are in its order, so one walk finds
  // them, past the sessions the check skipped (an id is not enough: a skipped session may have the
  // same id as a kept one; past the first 1,000 problems, where skipped ones are only counted, it is).
  const skipped = new Set(
    issues.filter((i) => i.severity == 'error').map((i) => /^sessions\[(\d+)\]/.exec(i.path)?.[1]),
  );
  const idOf = (r: { id?: unknown } | null) => (typeof r?.id == 'string' ? r.id.trim() : undefined);
  let at = 0;
  const places = (feed.sessions ?? []).map(({ id }) => {
    while (at < raw.length && (skipped.has(String(at)) || idOf(raw[at] as { id?: unknown } | null) != id)) at++;
    return at++;
  });
  const last = parseDay(`${LAST_YEAR}-12-31`);
  let budget = CLOSED_BUDGET;
  const out: FeedIssue[] = [];
  for (const [k, session] of (feed.sessions ?? []).entries()) {
    const s = session.schedule;
    const limits = scheduleLimits(s, feed);
    const known = limits.knownUntil;
    // No calendar named (nothing closed), or one the feed lacks (the check's own warning says so), or
    // dates of its own that show whatever the calendars say.
    if (known === undefined || known == -Infinity || session.occurrences?.some((o) => o.status != 'cancelled'))
      continue;
    let open = false;
    // To its end date (a one-off: its day), else to the last year a feed may use (a count ends it sooner).
    const end = s.repeatFrequency ? (s.endDate ? parseDay(s.endDate) : last) : parseDay(s.startDate);
    for (let from = parseDay(s.startDate); from <= Math.min(end, last) && !open && budget > 0; from += 366) {
      const dates = ruleDates(s, from, Math.min(from + 365, last));
      budget -= dates.length + 1;
      open = dates.some((day) => day > known || !limits.closed(day));
    }
    if (open || budget <= 0 || out.length >= MAX_ISSUES) continue;
    const flags = (['termTimeOnly', 'notOnBankHolidays'] as const).filter((flag) => s[flag]);
    const term = s.termTimeOnly;
    const holidays = s.notOnBankHolidays;
    const says = [term && 'runs in term time only', holidays && 'does not run on bank holidays'];
    const falls = [term && 'outside term time', holidays && 'on a bank holiday'];
    const lists = [term && 'termDates', holidays && 'bankHolidays'].filter(Boolean).join(' and ');
    const path = `sessions[${places[k]}].schedule.${flags[0]}`;
    const item = itemOf(path, input);
    out.push({
      path,
      severity: 'warning',
      code: 'closed',
      message:
        `says the session ${says.filter(Boolean).join(' and ')}, but every date of its pattern falls ` +
        `${falls.filter(Boolean).join(' or ')} (${lists} ${flags.length > 1 ? 'give' : 'gives'} dates up to ` +
        `${formatDay(known)}), so the session would never be listed. Check its startDate, endDate and pattern ` +
        `against ${lists}, or remove ${flags.join(' or ')}`,
      ...(item && { item }),
    });
  }
  return out;
}

/**
 * The calendar warnings (a calendar the feed lacks: at most one each) that fell past the check's first
 * `MAX_ISSUES` problems, listed after all: the check counted them in its `sessions` count as values
 * ignored, but they ignore nothing, so that count would say more was lost than was.
 */
function calendarsListed(issues: FeedIssue[], feed: Feed, input: unknown): FeedIssue[] {
  const count = issues.find((i) => i.more && i.path == 'sessions');
  if (!count?.more) return issues;
  const own = (key: string) =>
    Object.prototype.hasOwnProperty.call(input, key) ? (input as Record<string, unknown>)[key] : undefined;
  const findings: Finding[] = [];
  calendarFindings(own, feed, findings);
  const past = findings.filter((f) => !issues.some((i) => toCheck(i) && i.path == f.path));
  if (!past.length) return issues;
  const more = {
    ...count.more,
    problems: count.more.problems - past.length,
    ignored: count.more.ignored - past.length,
  };
  const [recounted] = explain([{ path: count.path, code: 'more', severity: count.severity, more }]);
  return [...issues.filter((i) => i != count), ...(more.problems ? [recounted] : []), ...explain(past, input)];
}

/**
 * Checks feed text: the same verdicts the elements act on, with the line of every problem, and
 * sentences that say what to do (without advice to run the checker that prints them).
 *
 * @param bytes The text's size in bytes, when known (a file's size); measured otherwise.
 */
export function checkFeedText(text: string, url?: string, bytes?: number): FeedReport {
  const size = bytes ?? new TextEncoder().encode(text).length;
  if (size > DEFAULT_MAX_BYTES) return unusable(new FeedSizeError(url, DEFAULT_MAX_BYTES));
  const body = text.replace(/^\uFEFF/, '');
  const scan = scanJson(body);
  if (scan.problem) {
    const { line, column, expected } = scan.problem;
    return unusable(notJson(body, url, `line ${line}, column ${column}: expected ${expected}`, undefined, '', ''));
  }
  let input: unknown;
  try {
    input = JSON.parse(drain(limitDepth(body)));
  } catch (e) {
    return unusable(notJson(body, url, (e as Error).message, e, '', ''));
  }
  let feed: Feed;
  let found: FeedIssue[];
  try {
    ({ feed, issues: found } = validateFeed(input, url));
  } catch (e) {
    return unusable(e instanceof FeedError ? e : new FeedError(String(e), url), (e as { issues?: FeedIssue[] }).issues);
  }
  const listed = [
    ...duplicateIssues(scan, input),
    ...calendarsListed(found, feed, input),
    ...closedSessions(feed, input, found),
  ];
  const issues = listed.map((issue) => {
    const line = issue.line ?? lineOf(scan, issue.path);
    const item = issue.item && { ...issue.item, line: lineOf(scan, issue.path.replace(/^([^\]]*\[\d+\]).*/, '$1')) };
    return { ...issue, ...(line !== undefined && { line }), ...(item && { item }) };
  });
  const services = (input as { services?: unknown }).services;
  const named = new Set<number>();
  const emergencies = issues.filter((i) => {
    if (i.severity != 'error' || i.item?.list != 'services' || !Array.isArray(services)) return false;
    // Each service once, however many problems it has.
    if (named.has(i.item.number)) return false;
    named.add(i.item.number);
    const urgency = (services[i.item.number - 1] as { urgency?: unknown } | undefined)?.urgency;
    return typeof urgency == 'string' && urgency.trim() == 'emergency';
  });
  const counts = {
    sessions: feed.sessions?.length ?? 0,
    services: feed.services?.length ?? 0,
    places: feed.places?.length ?? 0,
    organisations: feed.organisations?.length ?? 0,
    'timeline stages': feed.timeline?.stages.length ?? 0,
  };
  // Emergency services skipped past the first MAX_ISSUES problems are not among the issues: counted.
  const urgent = (list: unknown) =>
    Array.isArray(list)
      ? list.filter((s) => typeof s?.urgency == 'string' && s.urgency.trim() == 'emergency').length
      : 0;
  const emergenciesNotListed = Math.max(0, urgent(services) - urgent(feed.services) - emergencies.length);
  return {
    usable: true,
    feed,
    issues,
    counts,
    ...(emergencies.length && { emergencies }),
    ...(emergenciesNotListed && { emergenciesNotListed }),
  };
}

/** How many items a feed's errors skipped: items, not problems (a session with two problems is one). */
export const skippedItems = (issues: readonly FeedIssue[]): number =>
  new Set(
    issues
      .filter((i) => i.severity == 'error' && !i.more)
      .map((i) => (i.item ? `${i.item.list} ${i.item.number}` : i.path)),
  ).size + issues.reduce((n, i) => n + (i.more?.items ?? 0), 0);

/** Where the feed's own check says a calendar is missing: at the first session that needs it. */
const CALENDAR_AT = /^sessions\[\d+\]\.schedule\.(termTimeOnly|notOnBankHolidays)$/;

/**
 * Does this warning say the feed lacks a calendar (`termDates` or `bankHolidays`) that its sessions
 * need? (The feed's own check: one warning a calendar, code `rule`, at the first such session.)
 */
const lacking = (issue: FeedIssue): boolean =>
  issue.severity == 'warning' && issue.code == 'rule' && !issue.more && CALENDAR_AT.test(issue.path);

/** The calendars a feed's issues say it lacks, to advise adding them. */
export const calendarsLacking = (issues: readonly FeedIssue[]): ('termDates' | 'bankHolidays')[] =>
  (['termDates', 'bankHolidays'] as const).filter((_, i) =>
    issues.some((issue) => lacking(issue) && issue.path.endsWith(i ? '.notOnBankHolidays' : '.termTimeOnly')),
  );

/**
 * Is this a warning that ignores nothing? A calendar the feed lacks, and a session the calendars
 * close on every date (code `closed`), leave the feed as it is and ask the editor to check it. Every
 * other warning ignores a value (its message ends "(ignored)", as `explain` writes it), also a rule's
 * in a part ignored whole (a term that ends before it starts drops `termDates`).
 */
export const toCheck = (issue: FeedIssue): boolean =>
  lacking(issue) || (issue.severity == 'warning' && issue.code == 'closed');

/** What an issue did, in a word: the groups a report lists issues in, in this order. */
export const GROUPS = ['skipped', 'ignored', 'to check'] as const;
export const groupOf = (issue: FeedIssue): (typeof GROUPS)[number] =>
  issue.severity == 'error' ? 'skipped' : toCheck(issue) ? 'to check' : 'ignored';

/** Each group's heading where a report has headings (the demo's checker, the feed studio). */
export const GROUP_HEADINGS: Record<(typeof GROUPS)[number], string> = {
  skipped: 'Skipped (the whole item is left out)',
  ignored: 'Ignored (only this value is left out)',
  'to check': 'To check (nothing is left out, but visitors may not see it)',
};

/** Each issue's group word, as wide as the widest among `issues`: what follows the words lines up. */
export function groupWords(issues: readonly FeedIssue[]): (issue: FeedIssue) => string {
  const width = issues.reduce((n, i) => Math.max(n, groupOf(i).length), 0);
  return (issue) => groupOf(issue).padEnd(width);
}

/** How many values a feed's warnings ignored, with those counted past the first `MAX_ISSUES`. */
const ignoredValues = (issues: readonly FeedIssue[]): number =>
  issues.reduce((n, i) => n + (i.more ? i.more.ignored : groupOf(i) == 'ignored' ? 1 : 0), 0);

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n == 1 ? one : many}`;

/**
 * The verdict in one sentence: "feed.json can be used, but 1 item was skipped, 2 values were ignored
 * and 1 thing needs checking." (no mark in front: the CLI adds ✓, ! or ✗).
 */
export function summary(report: FeedReport, name: string): string {
  if (!report.usable) return `${name} cannot be used.`;
  const skipped = skippedItems(report.issues);
  const warnings = ignoredValues(report.issues);
  const checks = report.issues.filter(toCheck).length;
  if (!report.issues.length) return `${name} is valid.`;
  const parts = [
    skipped && `${plural(skipped, 'item was', 'items were')} skipped`,
    warnings && `${plural(warnings, 'value was', 'values were')} ignored`,
    checks && `${plural(checks, 'thing needs', 'things need')} checking`,
  ].filter(Boolean);
  const last = parts.pop();
  return `${name} can be used, but ${parts.length ? `${parts.join(', ')} and ${last}` : last}.`;
}

/** The prominent line for emergency services left out, or undefined when there are none. */
export function emergencyLine(report: FeedReport): string | undefined {
  const lost = report.emergencies ?? [];
  const unlisted = report.emergenciesNotListed ?? 0;
  const total = lost.length + unlisted;
  if (!total) return undefined;
  const which = lost.map((i) => describeWhere({ ...i, path: i.path.replace(/^(services\[\d+\]).*/, '$1') }));
  const past = `among the problems past the first ${MAX_ISSUES.toLocaleString('en')} (counted, not listed)`;
  const where = !unlisted
    ? `: ${which.join('; ')}`
    : lost.length
      ? `: ${which.join('; ')}; and ${unlisted.toLocaleString('en')} more ${past}`
      : `, ${past}`;
  return total == 1
    ? `An emergency service was left out${where}. Visitors will not see it until it is fixed.`
    : `${total.toLocaleString('en')} emergency services were left out${where}. ` +
        'Visitors will not see them until they are fixed.';
}

/** What was kept, as a sentence: "Kept: 16 sessions, 1 service, 7 places." */
export const keptLine = (report: FeedReport): string =>
  `Kept: ${Object.entries(report.counts)
    .map(([k, n]) => plural(n, k.replace(/s$/, ''), k))
    .join(', ')}.`;

/** The report as lines of plain text, as the `imh-feed` command prints it. */
export function formatReport(report: FeedReport, name: string): string {
  if (!report.usable) return `✗ ${summary(report, name)}\n  ${report.error?.message}`;
  const lines = [`${report.issues.length ? '!' : '✓'} ${summary(report, name)}`];
  const emergency = emergencyLine(report);
  if (emergency) lines.push(`✗ ${emergency}`);
  lines.push(`  ${keptLine(report)}`);
  const word = groupWords(report.issues);
  for (const group of GROUPS) {
    for (const issue of report.issues.filter((i) => groupOf(i) == group)) {
      // The path as written, its direction controls as escapes: a key holding U+202E cannot reorder the line.
      const at = `${visible(issue.path) || '(the feed)'}${issue.line ? `, line ${issue.line}` : ''}`;
      // The path under the sentence, past the widest word.
      lines.push(`  ${word(issue)}  ${describeIssue(issue)}`, `${' '.repeat(word(issue).length + 4)}at ${at}`);
    }
  }
  return lines.join('\n');
}
