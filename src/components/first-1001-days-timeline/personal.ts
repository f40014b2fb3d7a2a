/**
 * The family's own dates: kept only when the parent asks ("Remember on this device"), in
 * localStorage, and forgotten on "Forget". Never sent anywhere. Storage failures throw nothing:
 * `remember` says whether the dates were kept.
 */
import { parseDay } from '../../schedule/civil.js';

const KEY = 'imh-widgets:timeline:v1';

export interface Dates {
  kind: 'due' | 'birth';
  /** YYYY-MM-DD */
  date: string;
}

/**
 * What the date form refuses: a date that is not a real calendar date, a date of birth after today,
 * or a due date more than `DUE_AHEAD` days after today.
 */
export type Refusal = 'date' | 'future-birth' | 'far-due';

/**
 * The furthest a due date can be after today: 42 weeks. A due date is 40 weeks after the first day
 * of the last period, so even on that day it is 280 days away; 2 weeks more leave room for a date
 * moved by a scan (and match the 2 weeks past it after which the summary takes the baby as born).
 * Further is a mistake: a year mistyped (2028 for 2027), or a date of birth typed as a due date.
 */
export const DUE_AHEAD = 294;

/**
 * The date form's rules, for what is typed and what is read back from storage alike: the dates, or
 * why the form refuses them. `today` is a day number (the feed's time zone, or the host's `now`). A
 * due date in the past is taken (the summary asks for the date of birth once it is long past).
 */
export function check(kind: Dates['kind'], value: unknown, today: number): Dates | Refusal {
  const date = validDate(typeof value == 'string' ? value : undefined);
  if (!date) return 'date';
  const ahead = parseDay(date) - today;
  if (kind == 'birth' && ahead > 0) return 'future-birth';
  return kind == 'due' && ahead > DUE_AHEAD ? 'far-due' : { kind, date };
}

/**
 * The dates kept on this device. Storage is not ours alone (another script, an older version, a
 * hand in the browser's tools can write it): what is not a date the form takes (not a real date, a
 * year outside 2000 to 2099, a due date more than 42 weeks ahead), or anything unreadable, is
 * forgotten quietly, as if nothing were kept.
 * A date of birth after `today`, kept from before (a page's `now`, a device's clock), is given back:
 * the summary says so and offers to use it as the due date.
 */
export function recall(today: number): Dates | undefined {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept == null) return undefined;
    const v = JSON.parse(kept);
    const dates = v?.kind == 'due' || v?.kind == 'birth' ? check(v.kind, v.date, today) : 'date';
    if (typeof dates == 'object') return dates;
    if (dates == 'future-birth') return { kind: 'birth', date: validDate(v.date)! };
  } catch {
    // storage unavailable, or unreadable
  }
  forget();
  return undefined;
}

/** Keeps the dates on this device: false when they could not be kept. */
export function remember(dates: Dates): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(dates));
    return true;
  } catch {
    // private browsing or full storage: the plan still shows, it is just not kept
    return false;
  }
}

export function forget(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}

/** A real calendar date in YYYY-MM-DD, from 2000 to 2099 (the years a feed may use too), or undefined. */
export function validDate(value: string | undefined | null): string | undefined {
  const m = /^(20\d\d)-(\d\d)-(\d\d)$/.exec(value?.trim() ?? '');
  if (!m) return undefined;
  const t = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return t.getUTCMonth() == +m[2] - 1 && t.getUTCDate() == +m[3] ? m[0] : undefined;
}
