/**
 * Calendar dates as whole day numbers (days since 1970-01-01 in the proleptic Gregorian calendar),
 * and wall-clock times in an IANA time zone. Plain arithmetic and `Intl`: no DOM, and nothing
 * here reads the device's own time zone.
 */

/** Days since 1970-01-01. */
export type DayNumber = number;

const MS_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export const dayNumber = (y: number, m: number, d: number): DayNumber => {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
};

/** `YYYY-MM-DD` → day number (the feed's dates are already validated). */
export const parseDay = (iso: string): DayNumber => dayNumber(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10));

/** Day number → `{ y, m, d }` with m 1–12 (Howard Hinnant's civil_from_days, no Date objects). */
export const civil = (day: DayNumber) => {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d: doy - Math.floor((153 * mp + 2) / 5) + 1 };
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Day number → `YYYY-MM-DD`. */
export const formatDay = (day: DayNumber): string => {
  const { y, m, d } = civil(day);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
};

/** 0 = Monday … 6 = Sunday (ISO 8601 and iCalendar's default week start). */
export const weekday = (day: DayNumber): number => (((day + 3) % 7) + 7) % 7;

/** `HH:MM` → minutes after midnight. */
export const parseTime = (hhmm: string): number => +hhmm.slice(0, 2) * 60 + +hhmm.slice(3, 5);

export const daysInMonth = (y: number, m: number): number =>
  m == 2
    ? y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
      ? 29
      : 28
    : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

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
export const utcOffset = (instant: number, timeZone: string): number => {
  const { day, minutes } = wallClock(instant, timeZone);
  return Math.round((day * MS_DAY + minutes * 60_000 - instant) / 60_000);
};

/**
 * The instant at which the wall clock in `timeZone` shows `day` at `minutes` after midnight.
 * A time that does not exist (skipped when clocks go forward) is moved forward by the gap, as
 * RFC 5545 and Temporal do; a time that happens twice (clocks go back) is the first one.
 */
export function zonedInstant(day: DayNumber, minutes: number, timeZone: string): Date {
  // Memoised per zone: a list of thousands of occurrences asks for few distinct (day, time) pairs.
  let zone = instants.get(timeZone);
  if (!zone) instants.set(timeZone, (zone = new Map()));
  const key = day * 1440 + minutes;
  let t = zone.get(key);
  if (t === undefined) {
    if (zone.size > 20_000) zone.clear();
    zone.set(key, (t = computeInstant(day, minutes, timeZone)));
  }
  return new Date(t);
}
const instants = new Map<string, Map<number, number>>();

function computeInstant(day: DayNumber, minutes: number, timeZone: string): number {
  const local = day * MS_DAY + minutes * 60_000;
  const before = utcOffset(local - MS_DAY / 2, timeZone);
  const after = utcOffset(local + MS_DAY / 2, timeZone);
  // Try the earlier offset first (the first of two ambiguous times), then the later one.
  for (const o of before >= after ? [before, after] : [after, before]) {
    const t = local - o * 60_000;
    if (utcOffset(t, timeZone) == o) return t;
  }
  // In a gap: keep the same distance from midnight, using the offset before the change.
  return local - before * 60_000;
}

/** ISO 8601 duration of days/hours/minutes → { days, minutes }. */
export const parseDuration = (d: string) => {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(d);
  return { days: Number(m?.[1] ?? 0), minutes: Number(m?.[2] ?? 0) * 60 + Number(m?.[3] ?? 0) };
};
