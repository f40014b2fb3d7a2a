/**
 * School terms and bank holidays, held once and used by every session that names them. Part of the
 * one schema (`../schema.ts`).
 */
import { arr, doc, lax, obj, oneOf, opt, str, text } from '../shape.js';
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
