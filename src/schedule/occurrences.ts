/**
 * The next occurrences of a feed's sessions: each schedule's dates (`recur.ts`) at their wall-clock
 * times in the schedule's time zone, with per-date cancellations, changes and extra dates applied.
 * No DOM.
 */
import type { Occurrence, Session, Text } from '../feed/types.js';
import { type DayNumber, formatDay, parseDay, parseDuration, parseTime, zonedInstant } from './civil.js';
import { scheduleLimits, todayIn, type Calendars } from './closures.js';
import { ruleDates } from './recur.js';

export interface SessionOccurrence {
  session: Session;
  /** The occurrence's date (`YYYY-MM-DD`) in its time zone. */
  date: string;
  day: DayNumber;
  /** When it starts and ends (instants). For all-day events, midnight to midnight. */
  start: Date;
  end: Date;
  /** Wall-clock times as the feed gives them (absent for all-day events). */
  startTime?: string;
  endTime?: string;
  /** How many calendar days it spans (1 for a session within a day). */
  days: number;
  timeZone: string;
  status: Occurrence['status'];
  note?: Text;
  /** The place for this date (a changed occurrence may move). */
  place?: string;
}

/**
 * Where to look, and the feed's calendars (its `termDates` and `bankHolidays`: pass them, or
 * sessions that run in term time only or not on bank holidays have no known dates).
 */
export interface UpcomingOptions extends Calendars {
  /** The moment the list is computed from. */
  now: Date;
  /** How many days ahead, counting today (default 28). */
  days?: number;
  /** The feed's time zone, used unless a schedule names its own. */
  timeZone: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The longest multi-day event we look back for, so one already under way still shows. */
const LOOK_BACK_DAYS = 31;

/** One session's occurrences that end after `now` and start before the window closes. */
export function sessionOccurrences(session: Session, options: UpcomingOptions): SessionOccurrence[] {
  const s = session.schedule;
  const timeZone = s.scheduleTimezone ?? options.timeZone;
  const today = todayIn(options.now, timeZone);
  const last = today + (options.days ?? 28) - 1;
  const overrides = new Map((session.occurrences ?? []).map((o) => [parseDay(o.date), o]));
  // School terms and bank holidays close some of the rule's dates, and none after the last known.
  const limits = scheduleLimits(s, options);
  const dates = new Set(
    ruleDates(s, today - LOOK_BACK_DAYS, Math.min(last, limits.knownUntil ?? Infinity)).filter(
      (day) => !limits.closed(day),
    ),
  );
  // Extra dates outside the pattern: any occurrence entry that is not a cancellation.
  for (const [day, o] of overrides)
    if (o.status != 'cancelled' && day <= last && day >= today - LOOK_BACK_DAYS) dates.add(day);
  const duration = s.duration ? parseDuration(s.duration) : undefined;
  const out: SessionOccurrence[] = [];
  for (const day of dates) {
    const o = overrides.get(day);
    const startTime = o?.startTime ?? s.startTime;
    const endTime = o?.startTime ? o.endTime : (o?.endTime ?? s.endTime);
    const startMin = startTime ? parseTime(startTime) : 0;
    let endDay = day;
    let endMin = 0;
    if (!startTime)
      endDay = day + Math.max(1, duration?.days ?? 1); // all day: to the following midnight
    else if (endTime) endMin = parseTime(endTime);
    else {
      // A duration, or else a start time alone (kept in the list for an hour after it starts).
      const total = startMin + (duration ? duration.days * 1440 + duration.minutes : 60);
      endDay = day + Math.floor(total / 1440);
      endMin = total % 1440;
    }
    const end = zonedInstant(endDay, endMin, timeZone);
    if (end.getTime() <= options.now.getTime()) continue;
    const shownEnd =
      endTime ??
      (startTime && duration && endDay == day ? `${pad(Math.floor(endMin / 60))}:${pad(endMin % 60)}` : undefined);
    out.push({
      session,
      date: formatDay(day),
      day,
      start: zonedInstant(day, startMin, timeZone),
      end,
      startTime,
      endTime: startTime ? shownEnd : undefined,
      days: endMin == 0 && endDay > day ? endDay - day : endDay - day + 1,
      timeZone,
      status: o?.status ?? 'scheduled',
      note: o?.note,
      place: o?.place ?? session.place,
    });
  }
  return out;
}

/** Soonest first, then by session id. */
const soonest = (a: SessionOccurrence, b: SessionOccurrence) =>
  a.start.getTime() - b.start.getTime() || (a.session.id < b.session.id ? -1 : a.session.id > b.session.id ? 1 : 0);

/**
 * Every session's occurrences in the window, soonest first (then by session id), as a generator
 * that yields between batches of sessions, so a long feed can be expanded across several tasks
 * (see `feed/slices.ts`). Each batch of 100 sessions (fewer once they have 4,096 dates between them:
 * eleven daily series over a year, say) is sorted, then the sorted runs are merged two at a time,
 * with a yield before each merge and every 4,096 occurrences of one: one sort of them all (5,000
 * series over 8 weeks) took 35 ms in one task. On a tie the earlier run's occurrence goes first, as
 * a stable sort of them all would keep it.
 */
export function* occurrencesInSlices(
  sessions: readonly Session[],
  options: UpcomingOptions,
): Generator<void, SessionOccurrence[]> {
  const runs: SessionOccurrence[][] = [];
  for (let i = 0; i < sessions.length;) {
    if (i) yield;
    // A batch: 100 sessions, or fewer when their dates are many (daily sessions over a year).
    const run: SessionOccurrence[] = [];
    for (const end = i + 100; i < end && i < sessions.length && run.length < 4096;)
      run.push(...sessionOccurrences(sessions[i++], options));
    runs.push(run.sort(soonest));
  }
  // Each round merges runs k and k + 1 into one at k, for k = 0, 1, 2…: an odd run out at the end
  // stays as it is for the next round.
  while (runs[1])
    for (let k = 0; runs[k + 1]; k++) {
      yield;
      const out: SessionOccurrence[] = [];
      const [a, b] = runs.splice(k, 2, out);
      for (let i = 0, j = 0; i < a.length || j < b.length;) {
        out.push(j < b.length && (i == a.length || soonest(b[j], a[i]) < 0) ? b[j++] : a[i++]);
        if (!(out.length % 4096)) yield;
      }
    }
  return runs[0] ?? [];
}

/** Every session's occurrences in the window, soonest first (then by session id). */
export function upcomingOccurrences(sessions: readonly Session[], options: UpcomingOptions): SessionOccurrence[] {
  const work = occurrencesInSlices(sessions, options);
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
