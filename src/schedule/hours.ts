/**
 * Opening hours: is a service open at an instant, and when does it next open or close, in wall-clock
 * time in the feed's time zone (so "opens at 09:00" holds on both sides of a clock change). No DOM.
 */
import type { OpeningHours } from '../feed/types.js';
import { parseTime, wallClock, weekday, type DayNumber } from './civil.js';

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export type OpenState =
  /** Open every day, all day. */
  | { open: true; always: true }
  /**
   * Open now; closes on `day` (today, or tomorrow when it runs past midnight) at `closes`, in
   * minutes from midnight (1440: at midnight, the day's end).
   */
  | { open: true; always?: false; closes: number; day: DayNumber }
  /** Closed now; opens on `day` at `opens` (minutes from midnight). `day` is undefined when no hours are given. */
  | { open: false; opens?: number; day?: DayNumber };

/**
 * The intervals (in minutes from midnight) a service is open on a date. An entry that closes no later
 * than it opens runs past midnight (schema.org's rule): open from `opens` to the day's end on its
 * days, and from midnight to `closes` on the day after each.
 */
const intervals = (hours: OpeningHours[], day: DayNumber) => {
  const out: [number, number][] = [];
  for (const h of hours) {
    const o = parseTime(h.opens);
    const c = parseTime(h.closes);
    const on = (d: DayNumber) => h.byDay.includes(DAY_CODES[weekday(d)] as OpeningHours['byDay'][number]);
    if (on(day)) out.push([o, o < c ? c : 1440]);
    if (c < o && on(day - 1)) out.push([0, c]);
  }
  return out.sort((a, b) => a[0] - b[0]);
};

/** Whether the service is open at `now`, and the next change, looking up to a week ahead. */
export function openState(hours: OpeningHours[], now: Date, timeZone: string): OpenState {
  const { day, minutes } = wallClock(now, timeZone);
  const current = intervals(hours, day).find(([o, c]) => o <= minutes && minutes < c);
  if (current) {
    // Follow an interval that ends at midnight into one that starts at midnight the next day (or the
    // part past midnight of one that runs overnight); still open a week on, it is open all the time.
    let end = current[1];
    let endDay = day;
    for (let next; end == 1440 && (next = intervals(hours, endDay + 1).find(([o]) => o == 0)); end = next[1])
      if (++endDay > day + 8) return { open: true, always: true };
    return { open: true, closes: end, day: endDay };
  }
  for (let d = day; d <= day + 7; d++) {
    const next = intervals(hours, d).find(([o]) => d > day || o > minutes);
    if (next) return { open: false, opens: next[0], day: d };
  }
  return { open: false };
}
