import { zonedInstant } from '../schedule/civil.js';

/**
 * The instant for a `now` attribute: a date or a date-time without offset (`2026-11-23`,
 * `2026-11-23T08:00`, or with a space for the T) is wall-clock time in `timeZone`; a date-time with
 * Z or an offset is absolute. Absent: the current time. Anything else, a day that does not exist
 * (`2026-02-30`) or a form a browser guesses at (`01/03/2027`, the 3rd of January in some, nothing in
 * others): the current time, and one console line (`badDate`).
 */
export function parseNow(value: string | undefined, timeZone: string): Date {
  const n = value?.trim();
  if (!n) return new Date();
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:[T ]([01]\d|2[0-3]):([0-5]\d)(?::\d\d(?:\.\d+)?)?)?$/.exec(n);
  const day = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (day && day.getUTCDate() == +m[3] && day.getUTCMonth() == +m[2] - 1)
    return zonedInstant(+day / 86_400_000, +(m[4] ?? 0) * 60 + +(m[5] ?? 0), timeZone);
  const t = new Date(n);
  if (/^\d{4}-\d\d-\d\dT[\d:.]+(z|[+-]\d\d:?\d\d)$/i.test(n) && t.getTime() == t.getTime()) return t;
  // Its sentence is a file of its own, loaded only for such a value (if it cannot load, nothing is said).
  import('./bad-date.js').then((m) => m.badDate('now', n, true), Boolean);
  return new Date();
}
