/**
 * iCalendar (RFC 5545) for "Add to calendar": one occurrence, or a whole series with its RRULE,
 * EXDATEs, extra dates and changed dates, at wall-clock times in its time zone (with a VTIMEZONE
 * built from the browser's own zone data). Also Google and Outlook links. No DOM.
 *
 * A series that runs in term time only or not on bank holidays carries the closed dates as
 * EXDATEs and ends (UNTIL) on the last date the feed's calendars know, so no calendar app invents
 * dates in a holiday or after the last known term.
 */
import type { Session } from '../feed/types.js';
import {
  civil,
  type DayNumber,
  formatDay,
  parseDay,
  parseDuration,
  parseTime,
  wallClock,
  weekday,
  zonedInstant,
} from './civil.js';
import { scheduleLimits, type Calendars } from './closures.js';
import { ruleDates } from './recur.js';
import type { SessionOccurrence } from './occurrences.js';

/** Words for the event, already in the reader's language. */
export interface EventText {
  summary: string;
  description?: string;
  location?: string;
  url?: string;
}

const FREQ: Record<string, string> = { D: 'DAILY', W: 'WEEKLY', M: 'MONTHLY', Y: 'YEARLY' };
const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 20261123 */
const icsDate = (day: DayNumber) => formatDay(day).replace(/-/g, '');
/** 20261123T100000 (local) */
const icsLocal = (day: DayNumber, minutes: number) =>
  `${icsDate(day)}T${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}00`;
/** 20261123T100000Z */
const icsUtc = (t: Date) => t.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');

/**
 * Escapes TEXT values (RFC 5545 §3.3.11): backslashes, semicolons, commas and line breaks (CRLF,
 * LF or a bare CR) escaped; other control characters, which the RFC forbids in content lines, and
 * lone surrogates removed.
 */
const text = (s: string) =>
  s
    .replace(/\r\n?|\n/g, '\n')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\0-\x08\x0A-\x1F\x7F-\x9F]|\p{Cs}/gu, (c) => (c == '\n' ? c : ''))
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');

/** Folds a content line at 75 octets without splitting a UTF-8 character (§3.1). */
export function fold(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

const offsetMinutes = (t: number, timeZone: string) => {
  const { day, minutes } = wallClock(t, timeZone);
  return Math.round((day * 86_400_000 + minutes * 60_000 - t) / 60_000);
};
const formatOffset = (m: number) => `${m < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(m) / 60))}${pad(Math.abs(m) % 60)}`;

/**
 * A VTIMEZONE for `timeZone` covering the given years: its offset at the start, then each
 * transition found by sampling daily and narrowing to the minute.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear, 0, 1);
  const stop = Date.UTC(toYear + 1, 0, 1);
  const parts: { from: number; to: number; at: number }[] = [];
  let prev = offsetMinutes(start, timeZone);
  const offsets = new Set([prev]);
  for (let t = start + 86_400_000; t <= stop; t += 86_400_000) {
    const o = offsetMinutes(t, timeZone);
    if (o == prev) continue;
    let lo = t - 86_400_000;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(mid, timeZone) == prev) lo = mid;
      else hi = mid;
    }
    parts.push({ from: prev, to: o, at: hi });
    offsets.add(o);
    prev = o;
  }
  const standard = Math.min(...offsets);
  const first = offsetMinutes(start, timeZone);
  const component = (from: number, to: number, localStart: string) => [
    `BEGIN:${to == standard ? 'STANDARD' : 'DAYLIGHT'}`,
    `DTSTART:${localStart}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    `END:${to == standard ? 'STANDARD' : 'DAYLIGHT'}`,
  ];
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, ...component(first, first, `${fromYear}0101T000000`)];
  for (const p of parts) {
    const local = new Date(p.at + p.from * 60_000);
    const day = Math.floor(local.getTime() / 86_400_000);
    lines.push(...component(p.from, p.to, icsLocal(day, local.getUTCHours() * 60 + local.getUTCMinutes())));
  }
  return [...lines, 'END:VTIMEZONE'];
}

/**
 * How a series ends in an .ics file: after a count, or on a last day (its end date, or the last day
 * the feed's calendars know, whichever is sooner), or never. Never before the start, which
 * RFC 5545 always counts as the first instance.
 */
export const seriesEnd = (session: Session, calendars: Calendars): { count?: number; until?: DayNumber } => {
  const s = session.schedule;
  const start = parseDay(s.startDate);
  const known = scheduleLimits(s, calendars).knownUntil;
  const last = Math.min(s.endDate ? parseDay(s.endDate) : Infinity, known ?? Infinity);
  if (s.repeatCount) {
    // The count, unless the calendars stop knowing dates before it runs out.
    if (known === undefined || ruleDates({ ...s, exceptDate: undefined }, start, last).length >= s.repeatCount)
      return { count: s.repeatCount };
  }
  return last == Infinity ? {} : { until: Math.max(last, start) };
};

/**
 * The days a series' rule falls on but the series does not run, soonest first: its `exceptDate`,
 * its cancelled dates, and the days the feed's calendars close (term holidays, bank holidays)
 * up to its last known date. A date the editor wrote in `occurrences` (extra or changed) happens
 * whatever the calendars say. (EXDATEs in .ics; `exceptDate` in schema.org's Schedule.)
 */
export function seriesExceptions(session: Session, calendars: Calendars): DayNumber[] {
  const s = session.schedule;
  const cancelled = (session.occurrences ?? []).filter((o) => o.status == 'cancelled').map((o) => o.date);
  // Term holidays and bank holidays on the rule's dates, held once in the feed, written out here.
  const limits = scheduleLimits(s, calendars);
  const known = limits.knownUntil;
  const { until: last } = seriesEnd(session, calendars);
  // A date the editor wrote in occurrences (extra or changed) happens whatever the calendars say.
  const written = new Set((session.occurrences ?? []).filter((o) => o.status != 'cancelled').map((o) => o.date));
  const closed =
    known === undefined
      ? []
      : ruleDates(s, parseDay(s.startDate), last ?? known).filter(
          (day) => (limits.closed(day) || day > known) && !written.has(formatDay(day)),
        );
  return [...new Set([...(s.exceptDate ?? []).map(parseDay), ...cancelled.map(parseDay), ...closed])].sort(
    (a, b) => a - b,
  );
}

/**
 * The RRULE value for a session's schedule, or undefined for a one-off. With the feed's calendars,
 * a series in term time only or not on bank holidays ends on the last date they know.
 */
export function rrule(session: Session, timeZone: string, calendars: Calendars = {}): string | undefined {
  const s = session.schedule;
  const m = /^P(\d+)([DWMY])$/.exec(s.repeatFrequency ?? '');
  if (!m) return undefined;
  const parts = [`FREQ=${FREQ[m[2]]}`];
  if (m[1] != '1') parts.push(`INTERVAL=${m[1]}`);
  // Never an empty BYDAY=, BYMONTH= or BYMONTHDAY=, which calendar programs reject.
  const byDay = s.byDay?.length ? s.byDay : m[2] == 'W' ? [DAY_CODES[weekday(parseDay(s.startDate))]] : undefined;
  if (byDay) parts.push(`BYDAY=${byDay.join(',')}`);
  if (s.byMonth?.length) parts.push(`BYMONTH=${s.byMonth.join(',')}`);
  if (s.byMonthDay?.length) parts.push(`BYMONTHDAY=${s.byMonthDay.join(',')}`);
  const { count, until: last } = seriesEnd(session, calendars);
  if (count) parts.push(`COUNT=${count}`);
  else if (last !== undefined) {
    // With a zoned DTSTART, UNTIL is in UTC: the last moment of the end date there.
    parts.push(
      `UNTIL=${s.startTime ? icsUtc(new Date(zonedInstant(last + 1, 0, timeZone).getTime() - 1000)) : icsDate(last)}`,
    );
  }
  if (m[2] == 'W' && m[1] != '1') parts.push('WKST=MO');
  return parts.join(';');
}

const when = (prop: string, day: DayNumber, time: string | undefined, timeZone: string) =>
  time ? `${prop};TZID=${timeZone}:${icsLocal(day, parseTime(time))}` : `${prop};VALUE=DATE:${icsDate(day)}`;

const eventText = (t: EventText) => [
  `SUMMARY:${text(t.summary)}`,
  ...(t.description ? [`DESCRIPTION:${text(t.description)}`] : []),
  ...(t.location ? [`LOCATION:${text(t.location)}`] : []),
  ...(t.url ? [`URL:${t.url}`] : []),
];

/** The time span of an occurrence as DTSTART/DTEND lines. */
const span = (o: Pick<SessionOccurrence, 'day' | 'startTime' | 'endTime' | 'days' | 'end' | 'timeZone'>) => {
  if (!o.startTime)
    return [when('DTSTART', o.day, undefined, o.timeZone), when('DTEND', o.day + o.days, undefined, o.timeZone)];
  const end = wallClock(o.end, o.timeZone);
  return [
    when('DTSTART', o.day, o.startTime, o.timeZone),
    `DTEND;TZID=${o.timeZone}:${icsLocal(end.day, Math.round(end.minutes))}`,
  ];
};

const calendar = (timeZone: string, years: [number, number], events: string[][], now: Date) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//imh-widgets//imh-widgets//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...vtimezone(timeZone, ...years),
    ...events.flatMap((e) => ['BEGIN:VEVENT', `DTSTAMP:${icsUtc(now)}`, ...e, 'END:VEVENT']),
    'END:VCALENDAR',
  ]
    .map(fold)
    .join('\r\n') + '\r\n';

/** An .ics file for one occurrence. */
export function occurrenceIcs(o: SessionOccurrence, t: EventText, uidDomain: string, now = new Date()): string {
  const y = civil(o.day).y;
  return calendar(
    o.timeZone,
    [y, y + 1],
    [[`UID:${o.session.id}-${o.date}@${uidDomain}`, ...span(o), ...eventText(t)]],
    now,
  );
}

/**
 * An .ics file for a whole series: RRULE, EXDATE for excepted and cancelled dates and for the dates
 * the feed's calendars close (pass the feed, or its `termDates` and `bankHolidays`), RDATE for extra
 * dates, and an overriding VEVENT (RECURRENCE-ID) for each changed date.
 */
export function seriesIcs(
  session: Session,
  timeZone: string,
  t: EventText,
  uidDomain: string,
  now = new Date(),
  calendars: Calendars = {},
): string {
  const s = session.schedule;
  const zone = s.scheduleTimezone ?? timeZone;
  const start = parseDay(s.startDate);
  const uid = `UID:${session.id}@${uidDomain}`;
  const first = startOccurrence(session, zone);
  const main = [uid, ...span(first), ...eventText(t)];
  const rule = rrule(session, zone, calendars);
  const overrides: string[][] = [];
  const { until: last } = seriesEnd(session, calendars);
  if (rule) {
    main.push(`RRULE:${rule}`);
    const except = seriesExceptions(session, calendars);
    const at = (day: DayNumber) => (s.startTime ? icsLocal(day, parseTime(s.startTime)) : icsDate(day));
    const zoned = s.startTime ? `;TZID=${zone}` : ';VALUE=DATE';
    if (except.length) main.push(`EXDATE${zoned}:${except.map(at).join(',')}`);
    const minutes = Math.round((first.end.getTime() - first.start.getTime()) / 60_000);
    for (const o of session.occurrences ?? []) {
      if (o.status == 'cancelled') continue;
      const day = parseDay(o.date);
      if (o.status != 'changed' && !o.startTime) {
        main.push(`RDATE${zoned}:${at(day)}`); // an extra date
        continue;
      }
      // A changed date is its own event, replacing the one the rule makes that day.
      const startTime = o.startTime ?? s.startTime;
      const endTime = o.startTime ? o.endTime : (o.endTime ?? s.endTime);
      overrides.push([
        uid,
        `RECURRENCE-ID${zoned}:${at(day)}`,
        when('DTSTART', day, startTime, zone),
        endTime && startTime ? when('DTEND', day, endTime, zone) : `DURATION:PT${minutes}M`,
        ...eventText(t),
      ]);
    }
  }
  const lastYear = last !== undefined ? civil(last).y : Math.max(civil(start).y, now.getUTCFullYear()) + 3;
  return calendar(zone, [civil(start).y, lastYear], [main, ...overrides], now);
}

/** The series' first occurrence as the schedule gives it (for DTSTART/DTEND). */
function startOccurrence(session: Session, zone: string): SessionOccurrence {
  const s = session.schedule;
  const day = parseDay(s.startDate);
  const dur = s.duration ? parseDuration(s.duration) : undefined;
  const days = s.startTime ? 1 : Math.max(1, dur?.days ?? 1);
  const startMin = s.startTime ? parseTime(s.startTime) : 0;
  const endMin = s.endTime ? parseTime(s.endTime) : startMin + (dur ? dur.days * 1440 + dur.minutes : 60);
  return {
    session,
    date: s.startDate,
    day,
    start: zonedInstant(day, startMin, zone),
    end: s.startTime ? zonedInstant(day, endMin, zone) : zonedInstant(day + days, 0, zone),
    startTime: s.startTime,
    endTime: s.endTime,
    days,
    timeZone: zone,
    status: 'scheduled',
  };
}

/** A Google Calendar link that opens a prefilled event (with the series' rule, if any). */
export function googleCalendarUrl(o: SessionOccurrence, t: EventText, series?: string): string {
  const end = wallClock(o.end, o.timeZone);
  const dates = o.startTime
    ? `${icsLocal(o.day, parseTime(o.startTime))}/${icsLocal(end.day, Math.round(end.minutes))}`
    : `${icsDate(o.day)}/${icsDate(o.day + o.days)}`;
  const q = new URLSearchParams({ action: 'TEMPLATE', text: t.summary, dates, ctz: o.timeZone });
  if (t.description) q.set('details', t.description);
  if (t.location) q.set('location', t.location);
  if (series) q.set('recur', `RRULE:${series}`);
  return `https://calendar.google.com/calendar/render?${q}`;
}

/** An Outlook.com link that opens a prefilled event (one occurrence; Outlook links carry no rule). */
export function outlookCalendarUrl(o: SessionOccurrence, t: EventText): string {
  const q = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: t.summary,
    startdt: o.startTime ? o.start.toISOString() : formatDay(o.day),
    enddt: o.startTime ? o.end.toISOString() : formatDay(o.day + o.days),
    allday: String(!o.startTime),
  });
  if (t.description) q.set('body', t.description);
  if (t.location) q.set('location', t.location);
  return `https://outlook.live.com/calendar/0/deeplink/compose?${q}`;
}
