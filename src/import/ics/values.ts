/**
 * Reading values out of ical.js's jCal, and the words the calendar importer's report uses.
 */
import ICAL from 'ical.js';
import { dayNumber, type DayNumber } from '../../schedule/civil.js';
import type { Prop } from './lines.js';

/** A date or date-time as the file writes it, before any zone is applied. */
export interface When {
  kind: 'date' | 'utc' | 'zoned' | 'floating';
  day: DayNumber;
  /** Minutes after midnight (0 for dates). */
  minutes: number;
  tzid?: string;
}

/** A time in a series' wall clock: its date, and minutes after midnight unless it is all day. */
export interface Local {
  day: DayNumber;
  minutes?: number;
}

const validDate = (y: number, m: number, d: number) =>
  m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A jCal date or date-time value, or undefined when it is not one (ical.js passes malformed ones on mangled). */
export function readWhen(value: unknown, tzid: string | undefined): When | undefined {
  if (typeof value != 'string') return undefined;
  let m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? { kind: 'date', day: dayNumber(y, mo, d), minutes: 0 } : undefined;
  }
  m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(Z?)$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 60) return undefined;
  const day = dayNumber(y, mo, d);
  const minutes = h * 60 + mi;
  if (m[7]) return { kind: 'utc', day, minutes };
  return tzid ? { kind: 'zoned', day, minutes, tzid } : { kind: 'floating', day, minutes };
}

/** A parameter of a property (`tzid`, `cn`…), as text. */
export const param = (p: Prop, key: string): string | undefined => {
  const v = p.jcal?.[1][key];
  return v == null ? undefined : Array.isArray(v) ? v.join(',') : String(v);
};

/** A property's values (jCal), after its name, parameters and type. */
export const values = (p: Prop | undefined): unknown[] => (p?.jcal ? p.jcal.slice(3) : []);

/** Undoes TEXT escapes (RFC 5545 §3.3.11), for properties ical.js does not know (X-ALT-DESC). */
const unescapeText = (s: string) => s.replace(/\\([\\;,nN])/g, (_, c: string) => (c == 'n' || c == 'N' ? '\n' : c));

/** A TEXT property's value, unescaped (`\n`, `\,`), trimmed; undefined when empty. */
export const textOf = (p: Prop | undefined): string | undefined => {
  if (!p?.jcal) return undefined;
  const raw = values(p).map((x) => String(x ?? ''));
  const v = (p.jcal[2] == 'unknown' ? raw.map(unescapeText) : raw).join(',').trim();
  return v || undefined;
};

/** An ISO 8601 duration in minutes (negative ones are -1), or undefined when it cannot be read. */
export function durationMinutes(value: unknown): number | undefined {
  if (typeof value != 'string' || !/^[+-]?P/.test(value)) return undefined;
  try {
    const d = ICAL.Duration.fromString(value);
    const total = (d.weeks * 7 + d.days) * 1440 + d.hours * 60 + d.minutes;
    return d.isNegative ? -1 : total;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Words

const DATE_WORDS = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Thursday 5 March 2026" */
export const longDate = (day: DayNumber): string => DATE_WORDS.format(new Date(day * 86_400_000)).replace(',', '');

const pad = (n: number) => String(n).padStart(2, '0');

/** 630 → "10:30" */
export const hhmm = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(Math.floor(minutes % 60))}`;

/** A line of the file, shortened for a message, in quotes. */
export const quoteLine = (text: string): string => `“${text.length > 70 ? `${text.slice(0, 69)}…` : text}”`;

/** A text on one line (a LOCATION's lines joined with commas). */
export const oneLine = (s: string): string => s.trim().replace(/\s*\n\s*/g, ', ');

/** For comparing names: lower case, letters and digits only. */
export const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
