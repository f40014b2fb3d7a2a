/**
 * School terms and bank holidays, held once and used by every session that names them. Part of the
 * one schema (`../schema.ts`).
 */
import { arr, doc, lax, obj, oneOf, opt, str, text, type Finding } from '../shape.js';
import type { Feed } from '../types.js';
import { date, source } from './values.js';

// Their vocabulary: here, not in `vocabulary.ts`, since only the session list reads term and bank-holiday dates.
export const TERM_TYPES = ['term', 'half-term', 'holiday'] as const;
export const BANK_HOLIDAY_DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;

export const termSchema = obj(
  {
    type: oneOf(TERM_TYPES, 'a kind of term date'),
    start: date(doc('The first day.')),
    end: date(doc('The last day (inclusive).')),
    name: opt(text(doc('Like "Autumn term" or "October half term".'))),
    academicYear: opt(str({ d: doc('Like "2026-27".') })),
    note: opt(text()),
  },
  (t, report) => {
    if (t.end < t.start) report('end', 'term.end');
  },
  doc(
    'A term, or a half term or holiday within or between terms. Term time is every day inside a term and ' +
      'outside every half term and holiday.',
  ),
);

export const termDatesSchema = obj(
  {
    area: opt(text(doc('Whose term dates these are, like "Anytown maintained schools".'))),
    terms: arr(termSchema, 1),
    source,
  },
  undefined,
  doc('School term dates, for sessions that run in term time only (schedule.termTimeOnly).'),
);

export const bankHolidaysSchema = obj(
  {
    division: opt(oneOf(BANK_HOLIDAY_DIVISIONS, 'a bank-holiday division'), 'england-and-wales'),
    dates: arr(obj({ date: date(), name: opt(text()) })),
    until: opt(
      date(doc('The last date the list is known to cover (default: 31 December of the year of its last date).')),
    ),
    source,
  },
  undefined,
  doc('Bank holidays (GOV.UK), for sessions that do not run on them (schedule.notOnBankHolidays).'),
);

export const termDatesField = opt(lax(termDatesSchema));
export const bankHolidaysField = opt(lax(bankHolidaysSchema));

/**
 * Sessions that run in term time only or not on bank holidays take their closed dates from the
 * feed's `termDates` and `bankHolidays`; without them no date of theirs can be shown. One warning
 * per missing calendar, at the first such session (its value counts the others). The safety pass runs
 * it for the parts that read sessions and both calendars (`SESSION_PARTS`, `ALL_PARTS`: their
 * `check`), so it is here, with them, not in the code every element runs.
 */
export function calendarFindings(own: (key: string) => unknown, f: Feed, findings: Finding[]): void {
  const sessions = own('sessions');
  if (!Array.isArray(sessions) || !f.sessions?.length) return;
  const kept = new Map(f.sessions.map((s) => [s.id, s]));
  // The sessions skipped (`sessions[3]`): one may have the id of a kept one, where the warning goes.
  // Listed once a session needs a calendar the feed lacks, not for every feed.
  let skipped: Set<unknown> | undefined;
  for (const [flag, has] of [
    ['termTimeOnly', !!f.termDates],
    ['notOnBankHolidays', !!f.bankHolidays],
  ] as const) {
    if (has) continue;
    const paths = sessions.flatMap((raw: unknown, i) => {
      let id;
      // A session that threw when read (data a page gave: a getter, a Proxy) was skipped.
      try {
        id = (raw as { id?: unknown })?.id;
      } catch {
        /* skipped */
      }
      const s = typeof id == 'string' ? kept.get(id.trim()) : undefined;
      if (!s?.schedule[flag]) return [];
      // Written only for a session that needs the calendar: a feed may hold millions of entries.
      const at = `sessions[${i}]`;
      skipped ??= new Set(findings.map((x) => x.severity == 'error' && x.path.split('.')[0]));
      return skipped.has(at) ? [] : [`${at}.schedule.${flag}`];
    });
    if (paths.length) {
      findings.push({
        path: paths[0],
        code: 'rule',
        severity: 'warning',
        arg: `calendar.${flag}`,
        value: paths.length - 1,
      });
    }
  }
}
