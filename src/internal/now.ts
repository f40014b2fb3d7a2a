import { zonedInstant } from '../schedule/civil.js';

/**
 * The instant for a `now` attribute: a date or a date-time without offset is wall-clock time in
 * `timeZone`; a date-time with an offset is absolute. Absent: the current time; invalid: the
 * current time, and one console line (`badDate`).
 */
export function parseNow(value: string | undefined, timeZone: string): Date {
  const n = value?.trim();
  if (!n) return new Date();
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?(?::\d\d(?:\.\d+)?)?$/.exec(n);
  if (m)
    return zonedInstant(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86_400_000, +(m[4] ?? 0) * 60 + +(m[5] ?? 0), timeZone);
  const t = new Date(n);
  if (t.getTime() == t.getTime()) return t;
  // Its sentence is a file of its own, loaded only for such a value (if it cannot load, nothing is said).
  import('./bad-date.js').then((m) => m.badDate('now', n, true), Boolean);
  return new Date();
}
