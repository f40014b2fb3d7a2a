/**
 * School terms and bank holidays, held once in the feed (`termDates`, `bankHolidays`) and applied
 * to every session whose schedule names them (`termTimeOnly`, `notOnBankHolidays`): which of the
 * rule's dates are closed, and up to which date a series' dates are known at all. After the last
 * known term (or the end of the bank-holiday list) nothing is invented: the dates are "not yet
 * confirmed" until the next year's dates are added. No DOM.
 *
 * Closed dates act exactly like `exceptDate` (and are exported to .ics as EXDATEs): a
 * `repeatCount` still counts them, as RFC 5545 counts excluded dates. A date in `occurrences`
 * (an extra or changed date the editor wrote) is shown whatever the calendars say.
 */
import type { BankHolidays, Schedule, Session, TermDates } from '../feed/types.js';
import { formatDay, parseDay, wallClock, type DayNumber } from './civil.js';
import type { UpcomingOptions } from './occurrences.js';
import { ruleDates } from './recur.js';

/** The feed's calendars, as the feed holds them (pass the feed itself). */
export interface Calendars {
  termDates?: TermDates;
  bankHolidays?: BankHolidays;
}

/** Why a series' later dates are not known yet. */
export type UnconfirmedReason = 'term-dates' | 'bank-holidays';

export interface ScheduleLimits {
  /** Whether the calendars close a day the rule falls on. */
  closed: (day: DayNumber) => boolean;
  /** The last day whose dates are known; later ones are not yet confirmed. Absent: no limit. */
  knownUntil?: DayNumber;
  /** What has to be added for dates after `knownUntil`. */
  reason?: UnconfirmedReason;
}

/** Sorted, disjoint day ranges, inclusive: [start0, end0, start1, end1, …]. */
type Ranges = number[];

interface CompiledTerms {
  /** Term time: days inside a term and outside every half term and holiday. */
  open: Ranges;
  /** The last day the term dates say anything about. */
  last: DayNumber;
}

/** Sorts and merges ranges that overlap or touch. */
const merge = (pairs: [number, number][]): Ranges => {
  const out: Ranges = [];
  for (const [s, e] of [...pairs].sort((a, b) => a[0] - b[0])) {
    const n = out.length;
    if (n && s <= out[n - 1] + 1) out[n - 1] = Math.max(out[n - 1], e);
    else out.push(s, e);
  }
  return out;
};

/** `a` minus `b`, both sorted and disjoint. */
const subtract = (a: Ranges, b: Ranges): Ranges => {
  const out: Ranges = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let s = a[i];
    const e = a[i + 1];
    while (j < b.length && b[j + 1] < s) j += 2;
    for (let k = j; k < b.length && b[k] <= e && s <= e; k += 2) {
      if (b[k] > s) out.push(s, b[k] - 1);
      s = Math.max(s, b[k + 1] + 1);
    }
    if (s <= e) out.push(s, e);
  }
  return out;
};

/** Is `day` inside one of the ranges? (Binary search.) */
const inside = (ranges: Ranges, day: DayNumber): boolean => {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (day < ranges[2 * mid]) hi = mid - 1;
    else if (day > ranges[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
};

const termCache = new WeakMap<TermDates, CompiledTerms>();
const compileTerms = (t: TermDates): CompiledTerms => {
  let c = termCache.get(t);
  if (!c) {
    const span = (x: { start: string; end: string }): [number, number] => [parseDay(x.start), parseDay(x.end)];
    const terms = t.terms.filter((x) => x.type == 'term').map(span);
    const breaks = merge(t.terms.filter((x) => x.type != 'term').map(span));
    const all = merge(t.terms.map(span));
    // Term dates that list only the breaks: every day from the first entry to the last is term
    // time except the breaks themselves.
    const open = subtract(terms.length ? merge(terms) : [all[0], all[all.length - 1]], breaks);
    termCache.set(t, (c = { open, last: all[all.length - 1] }));
  }
  return c;
};

interface CompiledHolidays {
  dates: Set<DayNumber>;
  until: DayNumber;
}
const holidayCache = new WeakMap<BankHolidays, CompiledHolidays>();
const compileHolidays = (b: BankHolidays): CompiledHolidays => {
  let c = holidayCache.get(b);
  if (!c) {
    const dates = new Set(b.dates.map((d) => parseDay(d.date)));
    // By default the list covers the whole year of its last date (GOV.UK publishes whole years).
    const last = b.dates.reduce((m, d) => (d.date > m ? d.date : m), '');
    const until = b.until ? parseDay(b.until) : last ? parseDay(`${last.slice(0, 4)}-12-31`) : -Infinity;
    holidayCache.set(b, (c = { dates, until }));
  }
  return c;
};

const never = () => false;

/**
 * What the feed's calendars do to one schedule. Without `termTimeOnly` or `notOnBankHolidays` it
 * closes nothing and sets no limit. A schedule that names a calendar the feed lacks has no known
 * dates at all (the validator warns the editor).
 */
export function scheduleLimits(s: Pick<Schedule, 'termTimeOnly' | 'notOnBankHolidays'>, c: Calendars): ScheduleLimits {
  if (!s.termTimeOnly && !s.notOnBankHolidays) return { closed: never };
  const terms = s.termTimeOnly ? (c.termDates?.terms.length ? compileTerms(c.termDates) : null) : undefined;
  const holidays = s.notOnBankHolidays ? (c.bankHolidays ? compileHolidays(c.bankHolidays) : null) : undefined;
  const termLimit = terms === undefined ? Infinity : terms ? terms.last : -Infinity;
  const holidayLimit = holidays === undefined ? Infinity : holidays ? holidays.until : -Infinity;
  return {
    closed: (day) => (terms ? !inside(terms.open, day) : false) || (holidays ? holidays.dates.has(day) : false),
    knownUntil: Math.min(termLimit, holidayLimit),
    reason: termLimit <= holidayLimit ? 'term-dates' : 'bank-holidays',
  };
}

/**
 * The schedule's dates from `from` to `to` inclusive with the calendars applied: closed days left
 * out, and nothing after the last known day.
 */
export function openDates(s: Schedule, c: Calendars, from: DayNumber, to: DayNumber): DayNumber[] {
  const limits = scheduleLimits(s, c);
  const dates = ruleDates(s, from, Math.min(to, limits.knownUntil ?? Infinity));
  return limits.closed === never ? dates : dates.filter((d) => !limits.closed(d));
}

let lastToday: { now: number; zone: string; day: DayNumber } | undefined;
/** Today's date in a zone, remembered for the last instant asked (every session asks the same). */
export const todayIn = (now: Date, zone: string): DayNumber => {
  if (lastToday?.now !== now.getTime() || lastToday.zone !== zone) {
    lastToday = { now: now.getTime(), zone, day: wallClock(now, zone).day };
  }
  return lastToday.day;
};

/** A series whose dates in the window are not known yet (see `unconfirmedDates`). */
export interface UnconfirmedDates {
  session: Session;
  /** What has to be added: next year's term dates, or the next bank holidays. */
  reason: UnconfirmedReason;
  /** The last date that is known (`YYYY-MM-DD`); absent when the feed lacks the calendar entirely. */
  knownUntil?: string;
  /** The first date in the window the series would fall on, were it known. */
  from: string;
}

/**
 * Whether a session that runs in term time only or not on bank holidays would fall on dates in the
 * window after the feed's calendars end: those dates are not invented, and the elements say that
 * more will be added ("dates not yet confirmed").
 */
export function unconfirmedDates(session: Session, options: UpcomingOptions): UnconfirmedDates | undefined {
  const s = session.schedule;
  const limits = scheduleLimits(s, options);
  if (limits.knownUntil === undefined) return undefined;
  const today = todayIn(options.now, s.scheduleTimezone ?? options.timeZone);
  const last = today + (options.days ?? 28) - 1;
  const start = Math.max(today, limits.knownUntil + 1);
  if (start > last) return undefined;
  const [first] = ruleDates(s, start, last);
  if (first === undefined) return undefined;
  return {
    session,
    reason: limits.reason!,
    knownUntil: isFinite(limits.knownUntil) ? formatDay(limits.knownUntil) : undefined,
    from: formatDay(first),
  };
}
