/** "Every Tuesday", "Every other Thursday", "First Monday of the month": a series in words. */
import type { Schedule } from '../../feed/types.js';
import { formatDay, formatList, formatUnit, formatWeekday, MONDAY } from '../../internal/format.js';
import { parseDay } from '../../schedule/civil.js';
import { str, type Translator } from '../../internal/localize.js';

/** "June" for a month (1–12); only a series in words says one, so not in `format.ts`. */
const formatMonth = (month: number, locale: string) =>
  formatDay(MONDAY + [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335][month - 1], locale, { month: 'long' });

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** "Monday" for a day code: MO, or 1MO, -1MO. */
const weekdayName = (code: string, locale: string) => formatWeekday(DAY_CODES.indexOf(code.slice(-2)), locale);

const period = formatUnit;

/** "Every Monday", "Every Monday and Thursday" */
const every = (t: Translator, days: string) =>
  t.msg(str`Every ${days}`, {
    id: 'pattern.weekly',
    desc: 'A weekly series; the placeholder is one or more weekdays, like "Monday and Thursday"',
  });

const nthWeekday = (code: string, t: Translator): string => {
  const { locale } = t;
  const day = weekdayName(code, locale);
  switch (code.slice(0, -2)) {
    case '1':
      return t.msg(str`First ${day} of the month`, {
        id: 'pattern.first',
        desc: 'A monthly series; the placeholder is a weekday, like "Monday"',
      });
    case '2':
      return t.msg(str`Second ${day} of the month`, {
        id: 'pattern.second',
        desc: 'A monthly series; the placeholder is a weekday',
      });
    case '3':
      return t.msg(str`Third ${day} of the month`, {
        id: 'pattern.third',
        desc: 'A monthly series; the placeholder is a weekday',
      });
    case '4':
      return t.msg(str`Fourth ${day} of the month`, {
        id: 'pattern.fourth',
        desc: 'A monthly series; the placeholder is a weekday',
      });
    case '5':
      return t.msg(str`Fifth ${day} of the month`, {
        id: 'pattern.fifth',
        desc: 'A monthly series; the placeholder is a weekday',
      });
    case '-1':
      return t.msg(str`Last ${day} of the month`, {
        id: 'pattern.last',
        desc: 'A monthly series; the placeholder is a weekday',
      });
    default:
      return every(t, day);
  }
};

/**
 * The pattern of a repeating schedule in words, or undefined for a one-off date: "Every Monday",
 * "Every Monday, term time only, not on bank holidays".
 */
export function describePattern(s: Schedule, t: Translator): string | undefined {
  const pattern = repeating(s, t);
  if (!pattern || (!s.termTimeOnly && !s.notOnBankHolidays)) return pattern;
  if (!s.notOnBankHolidays)
    return t.msg(str`${pattern}, term time only`, {
      id: 'pattern.term-time',
      desc: 'A series that runs in school term time only; the placeholder is a pattern like "Every Monday"',
    });
  if (!s.termTimeOnly)
    return t.msg(str`${pattern}, not on bank holidays`, {
      id: 'pattern.not-bank-holidays',
      desc: 'A series that does not run on public (bank) holidays; the placeholder is a pattern like "Every Monday"',
    });
  return t.msg(str`${pattern}, term time only, not on bank holidays`, {
    id: 'pattern.term-time-not-bank-holidays',
    desc: 'A series in school term time only and not on bank holidays; placeholder: a pattern like "Every Monday"',
  });
}

/** The repeating pattern alone. */
function repeating(s: Schedule, t: Translator): string | undefined {
  const { locale } = t;
  const m = /^P(\d+)([DWMY])$/.exec(s.repeatFrequency ?? '');
  if (!m) return undefined;
  const n = Number(m[1]);
  const days =
    s.byDay &&
    formatList(
      s.byDay.map((d) => weekdayName(d, locale)),
      locale,
    );
  switch (m[2]) {
    case 'D':
      return n == 1
        ? t.msg('Every day', { id: 'pattern.daily', desc: 'A daily series' })
        : t.msg(str`Every ${period(n, 'day', locale)}`, {
            id: 'pattern.every-period',
            desc: 'A series; the placeholder is a period like "3 days" or "2 months"',
          });
    case 'W': {
      const weekdays = days ?? formatDay(parseDay(s.startDate), locale, { weekday: 'long' });
      if (n == 1) return every(t, weekdays);
      if (n == 2)
        return t.msg(str`Every other ${weekdays}`, {
          id: 'pattern.fortnightly',
          desc: 'A series every two weeks; the placeholder is one or more weekdays',
        });
      return t.msg(str`Every ${period(n, 'week', locale)} on ${weekdays}`, {
        id: 'pattern.every-n-weeks',
        desc: 'The placeholders are a period like "3 weeks" and weekdays',
      });
    }
    case 'M': {
      const monthDays = formatList(
        (s.byMonthDay ?? [Number(s.startDate.slice(8))]).map((d) =>
          d < 0
            ? t.msg('last', { id: 'pattern.last-day', desc: 'The last day of the month, in "Monthly on day last"' })
            : String(d),
        ),
        locale,
      );
      const base = s.byDay
        ? formatList(
            s.byDay.map((d) => nthWeekday(d, t)),
            locale,
          )
        : t.msg(str`Monthly on day ${monthDays}`, {
            id: 'pattern.monthly-day',
            desc: 'A monthly series on a day of the month; the placeholder is a number like 15',
          });
      return n == 1
        ? base
        : t.msg(str`${base}, every ${period(n, 'month', locale)}`, {
            id: 'pattern.every-n-months',
            desc: 'The placeholders are a monthly pattern and a period like "2 months"',
          });
    }
    default: {
      const months = formatList(
        (s.byMonth ?? [Number(s.startDate.slice(5, 7))]).map((mo) => formatMonth(mo, locale)),
        locale,
      );
      return t.msg(str`Every year in ${months}`, {
        id: 'pattern.yearly',
        desc: 'A yearly series; the placeholder is one or more months, like "June"',
      });
    }
  }
}
