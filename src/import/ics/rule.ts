/**
 * An iCalendar RRULE as the feed's schedule (schema.org/OpenActive `Schedule`, read as the RFC 5545
 * rule it stands for by `src/schedule/recur.ts`), or, for the parts the feed cannot say (BYSETPOS
 * beyond "the nth weekday", BYWEEKNO, BYYEARDAY, BYHOUR…), the reason, so the caller lists the
 * dates one by one instead (`expandDates`, ical.js's iterator on wall-clock times with no zone).
 */
import ICAL from 'ical.js';
import { DAYS, type Day } from '../../feed/vocabulary.js';
import { civil, dayNumber, weekday, type DayNumber } from '../../schedule/civil.js';
import { dayIndex } from '../common.js';

/** ical.js's jCal form of a RECUR value. */
export type JCalRecur = Record<string, unknown>;

/** The repeat fields of a feed schedule. */
export interface RuleFields {
  repeatFrequency: string;
  byDay?: string[];
  byMonth?: number[];
  byMonthDay?: number[];
  repeatCount?: number;
}

export type RuleReading =
  | { kind: 'rule'; fields: RuleFields }
  /** The feed cannot hold the rule: list its dates. `why` completes "Its repeat rule …". */
  | { kind: 'expand'; why: string }
  /** Not even a list of dates can hold it (several times a day): `why` completes "It …". */
  | { kind: 'skip'; why: string };

const FREQ: Record<string, string> = { DAILY: 'D', WEEKLY: 'W', MONTHLY: 'M', YEARLY: 'Y' };
/** ical.js numbers WKST 1 (Sunday) … 7 (Saturday). */
const ICAL_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const list = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
const ints = (v: unknown): number[] => list(v).map(Number);

/** The rule's parts, for messages: `FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1`. */
export function ruleText(recur: JCalRecur): string {
  return Object.entries(recur)
    .filter(([k]) => k != 'until' && k != 'count')
    .map(([k, v]) => `${k.toUpperCase()}=${k == 'wkst' && typeof v == 'number' ? ICAL_DAYS[v - 1] : list(v).join(',')}`)
    .join(';');
}

/**
 * Reads a rule whose series starts on `start` (local date) at `startMinutes` (undefined for an
 * all-day series). UNTIL is left to the caller (it needs the zone); COUNT becomes `repeatCount`.
 */
export function readRule(recur: JCalRecur, start: DayNumber, startMinutes: number | undefined): RuleReading {
  const freqName = String(recur.freq ?? '').toUpperCase();
  const unit = FREQ[freqName];
  if (!unit) {
    if (['HOURLY', 'MINUTELY', 'SECONDLY'].includes(freqName)) {
      return { kind: 'skip', why: `repeats ${freqName.toLowerCase()} (several times a day), which a session cannot` };
    }
    return { kind: 'skip', why: `has a repeat rule with no frequency it can read ("${freqName || 'none'}")` };
  }
  const interval = recur.interval == null ? 1 : Number(recur.interval);
  const parts = Object.keys(recur).map((k) => k.toLowerCase());
  const unsupported = parts.filter((p) => ['byweekno', 'byyearday'].includes(p));
  if (unsupported.length)
    return { kind: 'expand', why: `uses ${unsupported.map((p) => p.toUpperCase()).join(' and ')}` };
  // BYHOUR, BYMINUTE and BYSECOND that only repeat the start time say nothing new.
  const h = startMinutes == null ? undefined : Math.floor(startMinutes / 60);
  const min = startMinutes == null ? undefined : Math.floor(startMinutes % 60);
  for (const [part, same] of [
    ['byhour', h],
    ['byminute', min],
    ['bysecond', 0],
  ] as const) {
    const v = ints(recur[part]);
    if (v.length && !(v.length == 1 && v[0] == same)) {
      return { kind: 'expand', why: `sets its own times of day (${part.toUpperCase()}=${v.join(',')})` };
    }
  }
  if (!(interval >= 1 && interval <= 99 && Number.isInteger(interval))) {
    return { kind: 'expand', why: `repeats every ${interval} ${freqName.toLowerCase()} periods` };
  }

  let byDay = list(recur.byday).map((d) => String(d).toUpperCase().replace(/^\+/, ''));
  const byMonth = ints(recur.bymonth);
  const byMonthDay = ints(recur.bymonthday);
  const setPos = ints(recur.bysetpos);

  if (setPos.length) {
    // "The 2nd Tuesday" written as BYDAY=TU;BYSETPOS=2: the feed says 2TU.
    const oneMonth = unit == 'M' || (unit == 'Y' && byMonth.length == 1);
    const p = setPos[0];
    if (
      oneMonth &&
      setPos.length == 1 &&
      byDay.length == 1 &&
      DAYS.includes(byDay[0] as Day) &&
      !byMonthDay.length &&
      ((p >= 1 && p <= 5) || p == -1)
    ) {
      byDay = [`${p}${byDay[0]}`];
    } else return { kind: 'expand', why: `picks among its dates with BYSETPOS=${setPos.join(',')}` };
  }
  for (const d of byDay) {
    const m = /^(-?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(d);
    if (!m) return { kind: 'skip', why: `has a repeat rule with a day it cannot read ("${d}")` };
    const nth = m[1] == null ? undefined : Number(m[1]);
    if (nth == null) continue;
    if (unit == 'D' || unit == 'W')
      return { kind: 'expand', why: `numbers weekdays ("${d}") in a ${freqName.toLowerCase()} rule` };
    if (!((nth >= 1 && nth <= 5) || nth == -1)) {
      return { kind: 'expand', why: `counts weekdays from the end of the month ("${d}") beyond "the last"` };
    }
  }
  if (unit == 'Y' && (byDay.length || byMonthDay.length) && byMonth.length == 0) {
    return { kind: 'expand', why: 'repeats yearly on days of the year without naming the month' };
  }
  if (unit == 'W' && byMonthDay.length) return { kind: 'expand', why: 'mixes weekly repeats with days of the month' };
  if (byMonthDay.some((d) => d == 0 || d < -1 || d > 31)) {
    return { kind: 'expand', why: `counts days from the end of the month (BYMONTHDAY=${byMonthDay.join(',')})` };
  }
  if (byMonth.some((m) => !(m >= 1 && m <= 12))) {
    return { kind: 'skip', why: `has a repeat rule with a month it cannot read (BYMONTH=${byMonth.join(',')})` };
  }

  // The feed's weeks start on Monday. Another week start only matters every other week (or less
  // often) with days on both sides of it: BYDAY=SU,MO every 2 weeks groups differently.
  const wkst = recur.wkst == null ? 0 : wkstIndex(recur.wkst);
  if (unit == 'W' && interval > 1 && wkst != 0) {
    const days = (byDay.length ? byDay : [DAYS[weekday(start)]]).map(dayIndex);
    if (days.some((d) => d < wkst) && days.some((d) => d >= wkst)) {
      return { kind: 'expand', why: `counts its weeks from ${WEEKDAY_NAMES[wkst]} (WKST)` };
    }
  }

  const fields: RuleFields = { repeatFrequency: `P${interval}${unit}` };
  if (byDay.length) fields.byDay = byDay;
  if (byMonth.length) fields.byMonth = [...new Set(byMonth)].sort((a, b) => a - b);
  if (byMonthDay.length) fields.byMonthDay = [...new Set(byMonthDay)].sort((a, b) => a - b);
  if (recur.count != null) {
    const count = Number(recur.count);
    if (!(count >= 1 && Number.isInteger(count)))
      return { kind: 'skip', why: `has a repeat count it cannot read (${count})` };
    fields.repeatCount = count;
  }
  return { kind: 'rule', fields };
}

/** ical.js writes WKST as 1 (Sunday) … 7 (Saturday), or a day code: → 0 = Monday … 6 = Sunday. */
function wkstIndex(v: unknown): number {
  if (typeof v == 'number') return (v + 5) % 7;
  const i = DAYS.indexOf(String(v).toUpperCase() as Day);
  return i < 0 ? 0 : i;
}

/** One expanded date: its day and wall-clock minutes (undefined for all-day). */
export interface ExpandedDate {
  day: DayNumber;
  minutes?: number;
}

/**
 * Every occurrence of the rule from its start up to `to` (inclusive), with ical.js's iterator on
 * wall-clock times with no zone (so clock changes cannot move them; the caller applies the zone).
 * `until` is the wall-clock UNTIL in the series' zone. At most `limit` dates.
 */
export function expandDates(
  recur: JCalRecur,
  start: ExpandedDate,
  until: ExpandedDate | undefined,
  to: DayNumber,
  limit = 5000,
): ExpandedDate[] {
  const floating = (d: ExpandedDate) => {
    const { y, m, d: dd } = civil(d.day);
    return d.minutes == null
      ? ICAL.Time.fromData({ year: y, month: m, day: dd, isDate: true })
      : ICAL.Time.fromData({ year: y, month: m, day: dd, hour: Math.floor(d.minutes / 60), minute: d.minutes % 60 });
  };
  const data: JCalRecur = { ...recur };
  delete data.until;
  const rule = ICAL.Recur.fromData(data as ConstructorParameters<typeof ICAL.Recur>[0]);
  if (until) rule.until = floating(until);
  const out: ExpandedDate[] = [];
  const first = floating(start);
  const it = rule.iterator(first);
  for (let t = it.next(); t && out.length < limit; t = it.next()) {
    const day = dayNumber(t.year, t.month, t.day);
    if (day > to) break;
    out.push(t.isDate ? { day } : { day, minutes: t.hour * 60 + t.minute });
  }
  // RFC 5545: the start is always the first occurrence, whether or not the rule picks it, and
  // counts as one of COUNT.
  if (!out.length || out[0].day != start.day || out[0].minutes != start.minutes) {
    out.unshift(start);
    if (recur.count != null && out.length > Number(recur.count)) out.pop();
  }
  return out;
}
