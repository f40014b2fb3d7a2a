/**
 * Which dates a schedule falls on: the feed's schema.org/OpenActive `Schedule` read as the
 * iCalendar (RFC 5545) rule it stands for, FREQ=DAILY|WEEKLY|MONTHLY|YEARLY with INTERVAL, BYDAY
 * (with ordinals for monthly and yearly), BYMONTH, BYMONTHDAY, COUNT, UNTIL and EXDATE, weeks
 * starting on Monday. Dates only: times and zones are applied by `occurrences.ts`.
 *
 * Bounded work whatever the rule: dates are generated month by month, jumping straight to the
 * window (or, with a count, counting the months before it without listing their dates), and no
 * rule runs past the last year a feed may use. Tested differentially against the rrule library
 * over thousands of generated rules.
 */
import { civil, dayNumber, daysInMonth, parseDay, weekday, type DayNumber } from './civil.js';

/** The parts of a feed schedule that decide its dates. */
export interface DateRule {
  startDate: string;
  endDate?: string;
  repeatFrequency?: string;
  byDay?: string[];
  byMonth?: number[];
  byMonthDay?: number[];
  repeatCount?: number;
  exceptDate?: string[];
}

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
/** No series runs past the end of 2099 (the last year a feed may use, see `feed/schema.ts`). */
const LAST_DAY = dayNumber(2099, 12, 31);

interface ByDay {
  /** 0 = Monday */
  wd: number;
  /** 1…5, or -1 for the last; 0 for every such weekday. */
  nth: number;
}
const parseByDay = (code: string): ByDay => ({
  wd: DAY_CODES.indexOf(code.slice(-2)),
  nth: code.length > 2 ? Number(code.slice(0, -2)) : 0,
});

/** A rule made ready to generate dates, with its months' dates and the count before a month kept. */
interface Compiled {
  start: DayNumber;
  end: DayNumber;
  except: Set<DayNumber>;
  limit: number;
  /**
   * The first month from `index` on (years × 12 + month − 1) that can hold dates at all, found in a
   * few steps without listing dates; Infinity when there is none.
   */
  next: (index: number) => number;
  /** The rule's dates in month `index`, soonest first, ignoring start, end, count and exceptions. */
  datesIn: (index: number) => DayNumber[];
  /** With a count: how many dates fall before the month last asked, remembered. */
  counted?: { index: number; count: number };
  /** The rule's fields it was made from, to notice a rule changed in place. */
  from: unknown[];
}

const monthIndex = (day: DayNumber) => {
  const { y, m } = civil(day);
  return y * 12 + m - 1;
};
const firstOf = (index: number) => dayNumber(Math.floor(index / 12), (index % 12) + 1, 1);

const compiledRules = new WeakMap<DateRule, Compiled>();
const fieldsOf = (r: DateRule) => [
  r.startDate,
  r.endDate,
  r.repeatFrequency,
  r.byDay,
  r.byMonth,
  r.byMonthDay,
  r.repeatCount,
  r.exceptDate,
];

function compile(rule: DateRule): Compiled | undefined {
  const freq = /^P(\d+)([DWMY])$/.exec(rule.repeatFrequency ?? '');
  if (!freq) return undefined;
  const interval = Math.max(1, Number(freq[1]));
  const unit = freq[2];
  const start = parseDay(rule.startDate);
  const s = civil(start);
  const startIndex = s.y * 12 + s.m - 1;
  const byDay = rule.byDay?.length ? rule.byDay.map(parseByDay) : undefined;
  const byMonth = rule.byMonth?.length ? rule.byMonth : undefined;
  const byMonthDay = rule.byMonthDay?.length ? rule.byMonthDay : undefined;
  const inMonths = (index: number) => !byMonth || byMonth.includes((index % 12) + 1);
  /** The first month from `index`, stepping by `step`, that byMonth allows (the pattern repeats within 12 steps). */
  const allowed = (index: number, step: number) => {
    for (let i = 0; i < 12; i++, index += step) if (inMonths(index)) return index;
    return Infinity;
  };

  let next: Compiled['next'];
  let datesIn: Compiled['datesIn'];
  if (unit == 'D' || unit == 'W') {
    next = (index) => allowed(index, 1);
    const weekly = unit == 'W';
    const days = weekly ? (byDay ? byDay.map((b) => b.wd) : [weekday(start)]) : byDay?.map((b) => b.wd);
    const startWeek = start - weekday(start);
    datesIn = (index) => {
      const first = firstOf(index);
      const y = Math.floor(index / 12);
      const m = (index % 12) + 1;
      const last = first + daysInMonth(y, m) - 1;
      const out: DayNumber[] = [];
      if (weekly) {
        for (let d = first; d <= last; d++) {
          if (days!.includes(weekday(d)) && ((d - weekday(d) - startWeek) / 7) % interval == 0) out.push(d);
        }
      } else {
        // Every `interval` days from the start: the first such day in the month, then each after it.
        let d = first + ((((start - first) % interval) + interval) % interval);
        for (; d <= last; d += interval) {
          if (days && !days.includes(weekday(d))) continue;
          if (byMonthDay && !byMonthDay.some((md) => (md > 0 ? md : last - first + 2 + md) == d - first + 1)) continue;
          out.push(d);
        }
      }
      return out;
    };
  } else {
    const months = byMonth ? [...byMonth].sort((a, b) => a - b) : [s.m];
    next =
      unit == 'M'
        ? (index) => {
            const from = Math.max(index, startIndex);
            return allowed(startIndex + Math.ceil((from - startIndex) / interval) * interval, interval);
          }
        : (index) => {
            let y = Math.max(Math.floor(index / 12), s.y);
            for (y = s.y + Math.ceil((y - s.y) / interval) * interval; ; y += interval) {
              const m = months.find((m) => y * 12 + m - 1 >= index);
              if (m) return y * 12 + m - 1;
            }
          };
    datesIn = (index) => {
      const first = firstOf(index);
      const length = daysInMonth(Math.floor(index / 12), (index % 12) + 1);
      const picked = new Set<number>(); // days of the month, 1…length
      if (byDay) {
        for (const b of byDay) {
          const firstWd = 1 + ((b.wd - weekday(first) + 7) % 7);
          const all: number[] = [];
          for (let d = firstWd; d <= length; d += 7) all.push(d);
          const chosen = b.nth > 0 ? [all[b.nth - 1]] : b.nth < 0 ? [all[all.length + b.nth]] : all;
          for (const d of chosen) if (d) picked.add(d);
        }
        if (byMonthDay) {
          const allowed = new Set(byMonthDay.map((md) => (md > 0 ? md : length + md + 1)));
          for (const d of picked) if (!allowed.has(d)) picked.delete(d);
        }
      } else if (byMonthDay) {
        for (const md of byMonthDay) {
          const d = md > 0 ? md : length + md + 1;
          if (d >= 1 && d <= length) picked.add(d);
        }
      } else if (s.d <= length) picked.add(s.d);
      return [...picked].sort((a, b) => a - b).map((d) => first + d - 1);
    };
  }
  return {
    start,
    end: Math.min(LAST_DAY, rule.endDate ? parseDay(rule.endDate) : Infinity),
    except: new Set((rule.exceptDate ?? []).map(parseDay)),
    limit: rule.repeatCount ?? Infinity,
    next,
    datesIn,
    from: fieldsOf(rule),
  };
}

const compiled = (rule: DateRule): Compiled | undefined => {
  let c = compiledRules.get(rule);
  if (!c || fieldsOf(rule).some((v, i) => v !== c!.from[i])) {
    c = compile(rule);
    if (c) compiledRules.set(rule, c);
  }
  return c;
};

/** How many of the rule's dates (excepted ones included, as RFC 5545 counts) fall before month `index`. */
function countBefore(c: Compiled, index: number): number {
  let at = monthIndex(c.start);
  let count = 0;
  if (c.counted && c.counted.index <= index) ({ index: at, count } = c.counted);
  for (at = c.next(at); at < index && count < c.limit; at = c.next(at + 1)) {
    for (const d of c.datesIn(at)) if (d >= c.start && d <= c.end) count++;
  }
  c.counted = { index: Math.min(at, index), count };
  return count;
}

/**
 * Every date of the rule from `from` to `to` inclusive (day numbers), soonest first.
 * `repeatCount` counts from the start date (and includes excepted dates, as in RFC 5545).
 */
export function ruleDates(rule: DateRule, from: DayNumber, to: DayNumber): DayNumber[] {
  const c = compiled(rule);
  const start = parseDay(rule.startDate);
  const except = c?.except ?? new Set((rule.exceptDate ?? []).map(parseDay));
  const out: DayNumber[] = [];
  if (!c) {
    const end = rule.endDate ? parseDay(rule.endDate) : Infinity;
    if (start >= from && start <= Math.min(to, end) && !except.has(start)) out.push(start);
    return out;
  }
  const end = Math.min(to, c.end);
  if (end < Math.max(start, from)) return out;
  // Straight to the window's first month; with a count, the dates before it are counted, not listed.
  let index = monthIndex(Math.max(start, from));
  let count = c.limit < Infinity ? countBefore(c, index) : 0;
  for (index = c.next(index); firstOf(index) <= end && count < c.limit; index = c.next(index + 1)) {
    for (const d of c.datesIn(index)) {
      if (d < start || d > end) continue;
      if (++count > c.limit) break;
      if (d >= from && !except.has(d)) out.push(d);
    }
  }
  return out;
}

/**
 * Whether the rule gives at least one date that is not excepted, from its start to its end, its
 * count or the last year a feed may use: bounded work, month by month, no dates kept.
 */
export function hasDates(rule: DateRule): boolean {
  const c = compiled(rule);
  const start = parseDay(rule.startDate);
  if (!c) {
    const except = new Set((rule.exceptDate ?? []).map(parseDay));
    return !except.has(start) && (!rule.endDate || parseDay(rule.endDate) >= start);
  }
  let count = 0;
  for (let index = c.next(monthIndex(start)); firstOf(index) <= c.end && count < c.limit; index = c.next(index + 1)) {
    for (const d of c.datesIn(index)) {
      if (d < start || d > c.end) continue;
      if (++count > c.limit) return false;
      if (!c.except.has(d)) return true;
    }
  }
  return false;
}

/** Convenience for tests and tools: the rule's dates between two `YYYY-MM-DD` dates. */
export const ruleDatesBetween = (rule: DateRule, from: string, to: string): DayNumber[] =>
  ruleDates(rule, parseDay(from), parseDay(to));
