/**
 * Calendar dates as whole day numbers (days since 1970-01-01 in the proleptic Gregorian calendar),
 * and wall-clock times in an IANA time zone. Plain arithmetic and `Intl`: no DOM, and nothing
 * here reads the device's own time zone.
 */

/** Days since 1970-01-01. */
export type DayNumber = number;

const MS_DAY = 86_400_000;

export const dayNumber = (y: number, m: number, d: number): DayNumber => Date.UTC(y, m - 1, d) / MS_DAY;

/** `YYYY-MM-DD` → day number (the feed's dates are already validated). */
export const parseDay = (iso: string): DayNumber => dayNumber(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10));

/** Day number → `{ y, m, d }` with m 1–12. */
export const civil = (day: DayNumber) => {
  const t = new Date(day * MS_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};

/** Day number → `YYYY-MM-DD`. */
export const formatDay = (day: DayNumber): string => new Date(day * MS_DAY).toISOString().slice(0, 10);

/** 0 = Monday … 6 = Sunday (ISO 8601 and iCalendar's default week start). */
export const weekday = (day: DayNumber): number => (((day + 3) % 7) + 7) % 7;

/** `HH:MM` → minutes after midnight. */
export const parseTime = (hhmm: string): number => +hhmm.slice(0, 2) * 60 + +hhmm.slice(3, 5);

export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

const partsCache = new Map<string, Intl.DateTimeFormat>();
const formatter = (timeZone: string) => {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsCache.set(timeZone, f);
  }
  return f;
};

/** The wall-clock date and minutes-after-midnight of an instant in `timeZone`. */
export function wallClock(instant: Date | number, timeZone: string): { day: DayNumber; minutes: number } {
  const p: Record<string, number> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(instant)) p[type] = +value;
  return { day: dayNumber(p.year, p.month, p.day), minutes: p.hour * 60 + p.minute + p.second / 60 };
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (London in summer: 60). */
const offset = (instant: number, timeZone: string) => {
  const { day, minutes } = wallClock(instant, timeZone);
  return Math.round((day * MS_DAY + minutes * 60_000 - instant) / 60_000);
};

/**
 * The instant at which the wall clock in `timeZone` shows `day` at `minutes` after midnight.
 * A time that does not exist (skipped when clocks go forward) is moved forward by the gap, as
 * RFC 5545 and Temporal do; a time that happens twice (clocks go back) is the first one.
 */
export function zonedInstant(day: DayNumber, minutes: number, timeZone: string): Date {
  const local = day * MS_DAY + minutes * 60_000;
  const before = offset(local - MS_DAY / 2, timeZone);
  const after = offset(local + MS_DAY / 2, timeZone);
  // Try the earlier offset first (the first of two ambiguous times), then the later one.
  for (const o of before >= after ? [before, after] : [after, before]) {
    const t = local - o * 60_000;
    if (offset(t, timeZone) == o) return new Date(t);
  }
  // In a gap: keep the same distance from midnight, using the offset before the change.
  return new Date(local - before * 60_000);
}
