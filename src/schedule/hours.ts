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

/** The intervals (in minutes from midnight) a service is open on a date. */
const intervals = (hours: OpeningHours[], day: DayNumber) => {
  const code = DAY_CODES[weekday(day)];
  return hours
    .filter((h) => h.byDay.includes(code as OpeningHours['byDay'][number]))
    .map((h) => [parseTime(h.opens), h.closes == '24:00' ? 1440 : parseTime(h.closes)] as const)
    .sort((a, b) => a[0] - b[0]);
};

/** Whether the service is open at `now`, and the next change, looking up to a week ahead. */
export function openState(hours: OpeningHours[], now: Date, timeZone: string): OpenState {
  if (DAY_CODES.every((_, i) => intervals(hours, 4 + i).some(([o, c]) => o == 0 && c == 1440)))
    return { open: true, always: true };
  const { day, minutes } = wallClock(now, timeZone);
  const current = intervals(hours, day).find(([o, c]) => o <= minutes && minutes < c);
  if (current) {
    // Follow an interval that ends at midnight into one that starts at midnight the next day.
    let end = current[1];
    let endDay = day;
    while (end == 1440) {
      const next = intervals(hours, endDay + 1).find(([o]) => o == 0);
      if (!next || endDay > day + 7) break;
      endDay++;
      end = next[1];
    }
    return { open: true, closes: end, day: endDay };
  }
  for (let d = day; d <= day + 7; d++) {
    const next = intervals(hours, d).find(([o]) => d > day || o > minutes);
    if (next) return { open: false, opens: next[0], day: d };
  }
  return { open: false };
}
