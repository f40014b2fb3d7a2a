/**
 * Where a family is in the first 1001 days, from a due date or a date of birth: day 1 is
 * conception, taken as 270 days before birth (or the due date), so the second birthday is about
 * day 1001. Calendar dates only (day numbers); no DOM.
 */
import { civil, dayNumber, daysInMonth, type DayNumber } from './civil.js';

export const PREGNANCY_DAYS = 270;
export const TOTAL_DAYS = 1001;

/** A point in the 1001 days relative to birth, as the feed's timeline writes it. */
export interface Point {
  week?: number;
  month?: number;
  day?: number;
}

export interface Journey {
  /** The day of the 1001 days, 1 at conception; below 1 or above 1001 outside them. */
  day: number;
  /** Days since birth, or since the due date when not yet born (negative before it). */
  sinceBirth: number;
  born: boolean;
  /** Weeks of pregnancy (counted, as midwives do, from two weeks before conception), when not born. */
  weeksPregnant?: number;
  /** Days past the due date with no birth date given. */
  overdue?: number;
  /** Born three weeks or more before the due date (both given). */
  premature?: boolean;
  /** Age in whole calendar months and the days after them, when born. */
  age?: { months: number; days: number; weeks: number };
}

/** The same day-of-month `months` later (the last day of a shorter month). */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const { y, m, d } = civil(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return dayNumber(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** A point's day offset from a birth date (months are calendar months). */
export const pointDays = (p: Point, birth: DayNumber): number =>
  p.day ?? (p.week != null ? p.week * 7 : addMonths(birth, p.month ?? 0) - birth);

/** Age in whole months (and days after them) on `today` for a baby born on `birth`. */
export function ageOn(birth: DayNumber, today: DayNumber) {
  let months = 0;
  while (addMonths(birth, months + 1) <= today) months++;
  return { months, days: today - addMonths(birth, months), weeks: Math.floor((today - birth) / 7) };
}

export function journey(today: DayNumber, dates: { birth?: DayNumber; due?: DayNumber }): Journey | undefined {
  const { birth, due } = dates;
  const ref = birth ?? due;
  if (ref === undefined) return undefined;
  const sinceBirth = today - ref;
  const born = birth !== undefined && today >= birth;
  const j: Journey = { day: today - (ref - PREGNANCY_DAYS) + 1, sinceBirth, born };
  if (born) j.age = ageOn(birth!, today);
  else j.weeksPregnant = Math.floor((today - (ref - 280)) / 7);
  if (birth === undefined && sinceBirth > 0) j.overdue = sinceBirth;
  if (birth !== undefined && due !== undefined && due - birth >= 21) j.premature = true;
  return j;
}
