import { FeedValidationError } from './errors.js';
import { feedSchema } from './schema.js';
import {
  BAD,
  check,
  checkItems,
  fieldOf,
  quote,
  type ArrNode,
  type Ctx,
  type FeedIssue,
  type LaxNode,
} from './shape.js';
import { drain } from './slices.js';
import type { Feed } from './types.js';

/** The major versions of the feed format this library reads. */
export const SUPPORTED_VERSIONS = [1];

/** A feed that passed validation, with every problem found in it. */
export interface ValidatedFeed {
  feed: Feed;
  /** Items skipped (`error`) and values ignored (`warning`), each with its path. */
  issues: FeedIssue[];
}

/**
 * Validates parsed JSON as a feed. Every good item is kept; each bad one is skipped and reported
 * with its path. Throws `FeedValidationError` only when the document is unusable as a whole: not
 * an object, no `version`, or a major version this library does not know.
 *
 * @param url Where the feed came from, for messages.
 */
export function validateFeed(input: unknown, url?: string): ValidatedFeed {
  return drain(validateInSlices(input, url));
}

/**
 * `validateFeed` as a generator that yields between items of the long lists, for `sliced()`: the
 * loader and the elements read a 5,000-session feed without a long task.
 */
export function* validateInSlices(input: unknown, url?: string): Generator<void, ValidatedFeed> {
  if (!input || typeof input != 'object' || Array.isArray(input)) {
    throw new FeedValidationError(
      url,
      `is not a feed: it should be a JSON object ({ … }) with "version": 1, not ${quote(input)}.`,
    );
  }
  const version = (input as { version?: unknown }).version;
  if (version === undefined) {
    throw new FeedValidationError(
      url,
      'has no "version". Add "version": 1 at the top, so readers know which format it follows.',
    );
  }
  const major = typeof version == 'number' ? Math.trunc(version) : NaN;
  if (!SUPPORTED_VERSIONS.includes(major)) {
    throw new FeedValidationError(
      url,
      `says "version": ${quote(version)}, which this version of imh-widgets cannot read. ` +
        `It reads version ${SUPPORTED_VERSIONS.join(', ')}; update the script, or publish a version 1 feed.`,
    );
  }
  const ctx: Ctx = { issues: [], refs: [] };
  // The feed object's fields in schema order, as check() would, but the long lists item by item.
  const out: Record<string, unknown> = {};
  for (const [key, f] of Object.entries(feedSchema.shape)) {
    const { node, def } = fieldOf(f);
    const raw = (input as Record<string, unknown>)[key];
    const list = node.k == 'lax' && (node as LaxNode).of.k == 'list' ? ((node as LaxNode).of as ArrNode) : undefined;
    const got =
      raw == null
        ? undefined
        : list && Array.isArray(raw)
          ? yield* checkItems(list, raw, key, ctx)
          : check(node, raw, key, ctx);
    if (got === BAD) throw new FeedValidationError(url, 'could not be read.', ctx.issues); // only `version` can fail, and it was checked above
    if (got !== undefined) out[key] = got;
    else if (def !== undefined) out[key] = def;
  }
  const f = out as Feed;
  const known: Record<string, Set<string>> = {};
  for (const list of ['places', 'organisations', 'services', 'sources'] as const) {
    known[list] = new Set((f[list] ?? []).map((item) => item.id));
  }
  for (const r of ctx.refs) {
    if (!known[r.to]?.has(r.id)) {
      r.drop();
      ctx.issues.push({
        path: r.path,
        message: `${quote(r.id)} is not the id of any entry in ${r.to} (ignored)`,
        severity: 'warning',
      });
    }
  }
  calendarIssues(input as { sessions?: unknown }, f, ctx.issues);
  return { feed: f, issues: ctx.issues };
}

/**
 * Sessions that run in term time only or not on bank holidays take their closed dates from the
 * feed's `termDates` and `bankHolidays`; without them no date of theirs can be shown. One warning
 * per missing calendar, at the first such session, saying what to add.
 */
function calendarIssues(input: { sessions?: unknown }, f: Feed, issues: FeedIssue[]) {
  if (!Array.isArray(input.sessions) || !f.sessions?.length) return;
  const kept = new Map(f.sessions.map((s) => [s.id, s]));
  const checks = [
    {
      flag: 'termTimeOnly',
      has: !!f.termDates,
      says: 'the session runs in term time only',
      add:
        'Add your school term dates to the feed as termDates (import the council’s term-dates spreadsheet or ' +
        'calendar with imh-feed), or remove termTimeOnly',
    },
    {
      flag: 'notOnBankHolidays',
      has: !!f.bankHolidays,
      says: 'the session does not run on bank holidays',
      add:
        'Add the bank holidays to the feed as bankHolidays (import https://www.gov.uk/bank-holidays.json with ' +
        'imh-feed), or remove notOnBankHolidays',
    },
  ] as const;
  for (const c of checks) {
    if (c.has) continue;
    const paths = input.sessions.flatMap((raw: unknown, i) => {
      const id = (raw as { id?: unknown })?.id;
      const s = typeof id == 'string' ? kept.get(id.trim()) : undefined;
      return s?.schedule[c.flag] ? [`sessions[${i}].schedule.${c.flag}`] : [];
    });
    if (!paths.length) continue;
    const others = paths.length - 1;
    const more = others ? ` (as ${others == 1 ? 'does 1 more session' : `do ${others} more sessions`})` : '';
    const list = c.flag == 'termTimeOnly' ? 'termDates' : 'bankHolidays';
    issues.push({
      path: paths[0],
      message: `says ${c.says}${more}, but the feed has no ${list}, so no dates can be shown for ${
        others ? 'them' : 'it'
      }. ${c.add}.`,
      severity: 'warning',
    });
  }
}

/** One line per issue: `sessions[3].schedule.byDay[0]: "Tusday" is not a day; …` */
export const formatIssue = (issue: FeedIssue): string => `${issue.path || '(feed)'}: ${issue.message}`;
