/**
 * School term dates and bank holidays, for sessions that run in term time only or not on bank
 * holidays. They are held once in the feed (`termDates`, `bankHolidays`) and the schedule engine
 * applies them to every session that names them; nothing is copied into the sessions.
 *
 * - `importBankHolidays`: the GOV.UK list (https://www.gov.uk/bank-holidays.json), one division:
 *   England and Wales by default, Scotland or Northern Ireland. The list is a rolling window, so
 *   `bankHolidays.until` records how far it goes (31 December of its last year).
 * - `importTermDatesCsv`: a council's term dates as a small spreadsheet
 *   (`Academic year, Term, Type, First day, Last day, Notes`; see `templates/term-dates.csv`).
 * - `importTermDatesIcs`: a term-dates calendar (.ics), as councils and schools publish them:
 *   all-day events with an exclusive end, holidays that take in the weekends around them, "first
 *   day of term" / "last day of term" markers, INSET days, line endings of either kind.
 *
 * Plain TypeScript with no DOM; never throws for bad input (see `types.ts`).
 */
import type { Source } from '../feed/types.js';
import { BANK_HOLIDAY_DIVISIONS } from '../feed/schema.js';
import { cleanText, decodeBytes, isBlank, parseDate, quoted, sourceId, type Parsed } from './common.js';
import { readTable, type ColumnSpec } from './table.js';
import { readLines, structure } from './ics/lines.js';
import { durationMinutes, param, readWhen, textOf, values } from './ics/values.js';
import { formatDay } from '../schedule/civil.js';
import type {
  ImportFormat,
  ImportOptions,
  ImportReport,
  ImportResult,
  RecordReport,
  SourceLocation,
  SourceNote,
} from './types.js';

type Division = (typeof BANK_HOLIDAY_DIVISIONS)[number];
type TermType = 'term' | 'half-term' | 'holiday';

/** One entry of `termDates.terms`. */
export interface TermEntry {
  type: TermType;
  start: string;
  end: string;
  name?: string;
  academicYear?: string;
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Shared

const OGL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';
const DIVISION_NAMES: Record<Division, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

const MS_DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / MS_DAY;
const isoOf = (day: number) => new Date(day * MS_DAY).toISOString().slice(0, 10);
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "21 July 2027", for sentences. */
export const spoken = (iso: string) => longDate.format(Date.parse(`${iso}T00:00:00Z`));
const validIso = (v: unknown): v is string =>
  typeof v == 'string' && /^\d{4}-\d\d-\d\d$/.test(v) && isFinite(dayOf(v)) && isoOf(dayOf(v)) == v;

/** "2026-27" for a date from August 2026 to July 2027: English and Welsh school years start in September. */
export const academicYearOf = (iso: string): string => {
  const y = +iso.slice(0, 4);
  const first = +iso.slice(5, 7) >= 8 ? y : y - 1;
  return `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
};

/** "2026-27" from "2026/27", "2026-2027", "2026 to 2027", "2026/2027"; undefined when unreadable. */
export const parseAcademicYear = (text: string): string | undefined => {
  const m = /^\s*(?:academic year\s*)?(\d{4})\s*(?:[-/–—]|to)\s*(\d{2}|\d{4})\s*$/i.exec(text);
  if (!m) return undefined;
  const first = +m[1];
  const second = +m[2] % 100;
  return second == (first + 1) % 100 ? `${first}-${String(second).padStart(2, '0')}` : undefined;
};

const sourceFields = (options: ImportOptions, kind: Source['kind'], id: string, name: string): Source => {
  const isUrl = /^https?:\/\//i.test(options.name);
  return {
    id,
    kind,
    name,
    ...(isUrl ? { url: options.name } : { file: options.name }),
    imported: (options.now ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z'),
  } as Source;
};

const failure = (
  format: ImportFormat,
  detected: string,
  options: ImportOptions,
  source: Source,
  why: string,
  notes: SourceNote[] = [],
): ImportResult => ({
  feed: {},
  source,
  report: { format, detected, source: options.name, records: [], notes, failed: why },
});

/** Looks at the start of a text for what it really is, when it is not what was expected. */
const whatItIs = (text: string): string | undefined => {
  const head = text.slice(0, 300).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(head|body)[\s>]/.test(head))
    return 'a web page (HTML)';
  if (head.startsWith('<?xml') || head.startsWith('<')) return 'XML or a web page';
  if (head.startsWith('begin:vcalendar')) return 'a calendar (.ics)';
  if (head.startsWith('{') || head.startsWith('[')) return 'JSON';
  if (head.startsWith('%pdf')) return 'a PDF document';
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// Bank holidays (GOV.UK)

/** A division id from an id or a name people write: "England and Wales", "E&W", "Scotland", "NI". */
export const divisionOf = (text: string | undefined): Division | undefined => {
  const t = (text ?? 'england-and-wales')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z]+/g, ' ')
    .trim();
  if (['england and wales', 'england', 'wales', 'e and w', 'ew'].includes(t)) return 'england-and-wales';
  if (['scotland', 'scot'].includes(t)) return 'scotland';
  if (['northern ireland', 'ni', 'n ireland'].includes(t)) return 'northern-ireland';
  return undefined;
};

interface GovUkEvent {
  title?: unknown;
  date?: unknown;
  notes?: unknown;
  bunting?: unknown;
}

/**
 * Reads the GOV.UK bank-holidays JSON (all three divisions, or one saved on its own) and returns
 * `bankHolidays` for the chosen division (`options.division`, England and Wales by default).
 */
export async function importBankHolidays(input: Uint8Array | string, options: ImportOptions): Promise<ImportResult> {
  const format: ImportFormat = 'bank-holidays';
  const detected = 'the GOV.UK bank holidays list (JSON with england-and-wales, scotland and northern-ireland)';
  const division = divisionOf(options.division);
  const label = division ? DIVISION_NAMES[division] : '';
  const source: Source = {
    ...sourceFields(
      options,
      'bank-holidays',
      sourceId('bank-holidays', options.name),
      `GOV.UK bank holidays${label ? ` (${label})` : ''}`,
    ),
    licence: OGL,
  };
  const fail = (why: string, notes?: SourceNote[]) => failure(format, detected, options, source, why, notes);
  if (!division) {
    return fail(
      `${quoted(options.division ?? '')} is not a bank-holiday division; choose england-and-wales (the default), ` +
        `scotland or northern-ireland.`,
    );
  }
  const decoded = decodeBytes(input);
  const text = decoded.text;
  if (isBlank(text)) return fail('The file is empty. Download https://www.gov.uk/bank-holidays.json and import that.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const kind = whatItIs(text);
    return fail(
      kind && kind != 'JSON'
        ? `This is ${kind}, not the GOV.UK bank holidays list. Import https://www.gov.uk/bank-holidays.json ` +
            `(the address itself, or the file it downloads).`
        : `The file is not valid JSON, so no bank holidays could be read. Download it again from ` +
            `https://www.gov.uk/bank-holidays.json and import that file unchanged.`,
    );
  }
  if (!data || typeof data != 'object' || Array.isArray(data)) {
    return fail('This JSON is not the GOV.UK bank holidays list: it should be an object with a list per division.');
  }
  const all = data as Record<string, unknown>;
  // The whole file ({ "england-and-wales": {…}, … }) or one division saved on its own ({ division, events }).
  const single = Array.isArray(all.events) ? (all as { division?: unknown; events: unknown[] }) : undefined;
  const present = single
    ? [typeof single.division == 'string' ? single.division : '']
    : BANK_HOLIDAY_DIVISIONS.filter((d) => all[d] && typeof all[d] == 'object');
  const chosen = single
    ? !single.division || divisionOf(String(single.division)) == division
      ? single
      : undefined
    : (all[division] as { events?: unknown } | undefined);
  if (!present.length && !single) {
    return fail(
      'This JSON is not the GOV.UK bank holidays list: it has none of england-and-wales, scotland or ' +
        'northern-ireland. Import https://www.gov.uk/bank-holidays.json.',
    );
  }
  if (!chosen) {
    const has = present.map((d) => DIVISION_NAMES[d as Division] ?? d).join(' and ');
    return fail(
      `The file has no bank holidays for ${label}, only for ${has}. Import the full list from ` +
        `https://www.gov.uk/bank-holidays.json, or choose the division it has.`,
    );
  }
  const events = Array.isArray(chosen.events) ? (chosen.events as GovUkEvent[]) : undefined;
  if (!events) return fail(`The ${label} entry in the file has no list of events, so no bank holidays could be read.`);

  const notes: SourceNote[] = [];
  if (decoded.note) notes.push({ level: 'info', message: decoded.note, at: { source: options.name } });
  const records: RecordReport[] = [];
  const seen = new Map<string, string>();
  const dates: { date: string; name: string }[] = [];
  events.forEach((e, i) => {
    const title = typeof e?.title == 'string' ? cleanText(e.title) : '';
    const at: SourceLocation = { source: options.name, id: typeof e?.date == 'string' ? e.date : `event ${i + 1}` };
    const record: RecordReport = {
      outcome: 'imported',
      name: title || `Event ${i + 1} of ${label}`,
      at,
      items: [],
      notes: [],
    };
    records.push(record);
    const skip = (message: string) => {
      record.outcome = 'skipped';
      record.notes.push({ field: 'date', message });
    };
    if (!validIso(e?.date)) {
      skip(`${quoted(String(e?.date ?? ''))} is not a date written as YYYY-MM-DD, so this bank holiday was skipped.`);
      return;
    }
    const date = e.date;
    if (seen.has(date)) {
      skip(`${spoken(date)} is already listed (as ${seen.get(date)}), so this repeat was skipped.`);
      return;
    }
    const extra = typeof e.notes == 'string' ? cleanText(e.notes) : '';
    const name = title ? (extra ? `${title} (${extra.toLowerCase()})` : title) : 'Bank holiday';
    if (!title) {
      record.outcome = 'imported-with-losses';
      record.notes.push({ field: 'title', message: `It has no title, so it is named "Bank holiday".` });
    }
    seen.set(date, name);
    dates.push({ date, name });
  });
  if (!dates.length) {
    return fail(`The ${label} list has no bank holidays that could be read, so nothing was imported.`, notes);
  }
  dates.sort((a, b) => (a.date < b.date ? -1 : 1));
  const first = dates[0].date;
  const last = dates[dates.length - 1].date;
  const until = `${last.slice(0, 4)}-12-31`;
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  notes.push({
    level: 'info',
    message:
      `Read ${dates.length} bank holidays for ${label}, from ${spoken(first)} to ${spoken(last)}. Sessions that ` +
      `do not run on bank holidays will show dates up to ${spoken(until)}; GOV.UK adds each new year about a year ` +
      `ahead, so import the list again before then (a scheduled import does it by itself).`,
    at: { source: options.name },
  });
  const others = present.filter((d) => d != division && DIVISION_NAMES[d as Division]);
  if (others.length) {
    notes.push({
      level: 'info',
      message:
        `The file also lists ${others.map((d) => DIVISION_NAMES[d as Division]).join(' and ')}; only ` +
        `${label} was read. Choose another division to read that instead.`,
      at: { source: options.name },
    });
  }
  if (until < today) {
    notes.push({
      level: 'warning',
      message:
        `The list ends in ${last.slice(0, 4)}, before today: sessions that do not run on bank holidays will show ` +
        `no dates until a newer list is imported. Import https://www.gov.uk/bank-holidays.json again.`,
      at: { source: options.name },
    });
  }
  const report: ImportReport = { format, detected, source: options.name, records, notes };
  return {
    feed: { bankHolidays: { division, dates, until, source: { ref: source.id } } },
    source,
    report,
  };
}

// ---------------------------------------------------------------------------------------------
// Term dates: what both readers share

/** An entry read from a row or an event, with where it came from. */
interface Read extends TermEntry {
  record: RecordReport;
}

/**
 * Checks the entries as a whole (repeats, overlapping terms, breaks outside every term, a year
 * missing between two others, term dates that end before today) and makes the result.
 */
function finishTerms(
  read: Read[],
  records: RecordReport[],
  notes: SourceNote[],
  options: ImportOptions,
  format: ImportFormat,
  detected: string,
  source: Source,
  calendarName?: string,
): ImportResult {
  const at = { source: options.name };
  const kept: Read[] = [];
  const key = (t: TermEntry) => `${t.type} ${t.start} ${t.end}`;
  const seen = new Map<string, Read>();
  for (const t of [...read].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : 1))) {
    const same = seen.get(key(t));
    if (same) {
      t.record.outcome = 'skipped';
      t.record.notes.push({
        message: `It repeats ${same.record.name} (${spoken(t.start)} to ${spoken(t.end)}), so it was skipped.`,
      });
      continue;
    }
    seen.set(key(t), t);
    kept.push(t);
  }
  if (!kept.length) {
    return failure(
      format,
      detected,
      options,
      source,
      'No term, half term or holiday could be read, so nothing was imported. Each one needs a type ' +
        '(Term, Half term or Holiday) and its first and last days.',
      notes,
    );
  }
  const terms = kept.filter((t) => t.type == 'term');
  // Terms that overlap each other are almost always a typing slip.
  for (let i = 1; i < terms.length; i++) {
    const a = terms[i - 1];
    const b = terms[i];
    if (b.start <= a.end) {
      b.record.notes.push({
        message:
          `It overlaps ${a.record.name} (which ends on ${spoken(a.end)}); check the dates. Both are kept, and ` +
          `term time covers both.`,
      });
      if (b.record.outcome == 'imported') b.record.outcome = 'imported-with-losses';
    }
  }
  // A half term or holiday outside every term changes nothing; say so (it may be a wrong year).
  if (terms.length) {
    for (const t of kept) {
      if (t.type == 'term' || terms.some((x) => x.start <= t.end && t.start <= x.end)) continue;
      if (t.type == 'half-term') {
        t.record.notes.push({
          message:
            `It falls outside every term in the file, so it changes nothing; check its year, or add the term ` +
            `it belongs to.`,
        });
        if (t.record.outcome == 'imported') t.record.outcome = 'imported-with-losses';
      }
    }
  }
  // A long stretch with no term and no holiday: most likely a school year left out.
  for (let i = 1; i < kept.length; i++) {
    const end = kept.slice(0, i).reduce((m, t) => (t.end > m ? t.end : m), kept[0].end);
    const gap = dayOf(kept[i].start) - dayOf(end) - 1;
    if (gap > 8 * 7) {
      notes.push({
        level: 'warning',
        message:
          `Nothing is listed for ${Math.round(gap / 7)} weeks between ${spoken(end)} and ${spoken(kept[i].start)}, ` +
          `which term-time sessions treat as a holiday. If a school year is missing there, add its terms.`,
        at,
      });
    }
  }
  const first = kept[0].start;
  const last = kept.reduce((m, t) => (t.end > m ? t.end : m), first);
  const years = [...new Set(kept.map((t) => t.academicYear ?? academicYearOf(t.start)))];
  notes.push({
    level: 'info',
    message:
      `Read term dates for ${years.join(', ')}, from ${spoken(first)} to ${spoken(last)}: sessions that run in term ` +
      `time only will show dates up to ${spoken(last)}, and then a note that more will be added. Import next ` +
      `year's term dates when they are published.`,
    at,
  });
  if (!terms.length) {
    notes.push({
      level: 'warning',
      message:
        'The file lists half terms and holidays but no terms, so term time is taken to be every day from the ' +
        `first entry (${spoken(first)}) to the last (${spoken(last)}) outside them. Add the terms themselves ` +
        'to be sure.',
      at,
    });
  }
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  if (last < today) {
    notes.push({
      level: 'warning',
      message:
        `These term dates end on ${spoken(last)}, before today: sessions that run in term time only will show ` +
        `no dates until the next year's term dates are imported.`,
      at,
    });
  }
  const entries: TermEntry[] = kept.map(({ type, start, end, name, academicYear, note }) => ({
    type,
    start,
    end,
    ...(name ? { name } : {}),
    academicYear: academicYear ?? academicYearOf(start),
    ...(note ? { note } : {}),
  }));
  const area = options.area ? cleanText(options.area) : calendarName;
  return {
    feed: { termDates: { ...(area ? { area } : {}), terms: entries, source: { ref: source.id } } },
    source,
    report: { format, detected, source: options.name, records, notes },
  };
}

const termSource = (options: ImportOptions, name?: string): Source =>
  sourceFields(
    options,
    'term-dates',
    'term-dates',
    name ?? (options.area ? `${options.area} term dates` : 'Term dates'),
  );

// ---------------------------------------------------------------------------------------------
// Term dates from a calendar (.ics)

/** What a calendar event's title says it is. */
type Kind = TermType | 'starts' | 'ends' | 'inset' | 'other';

/** Reads the type from an event's title (and categories), as term calendars word them. */
export function kindOf(title: string): Kind {
  const t = title.toLowerCase();
  if (/\bhalf[\s-]*term\b|\bhalfterm\b/.test(t)) return 'half-term';
  if (
    /\binset\b|\btraining day|\bteacher (day|training)|\bstaff (development|training)|\bprofessional development|\bpd day/.test(
      t,
    )
  )
    return 'inset';
  if (/\bterm\b/.test(t)) {
    if (/\b(first day|start|starts|begin|begins|opens|re-?opens|return)\b/.test(t)) return 'starts';
    if (/\b(last day|end|ends|finish|finishes|closes|breaks up)\b/.test(t)) return 'ends';
    if (!/\bholiday|\bbreak\b/.test(t)) return 'term';
  }
  if (
    /\bholidays?\b|\bbreak\b|\bvacation\b|\bschools? closed\b|\bclosure\b|\bchristmas\b|\beaster\b|\bnew year/.test(t)
  )
    return 'holiday';
  if (/\bgood friday\b|\bboxing day\b|\bmay day\b/.test(t)) return 'holiday';
  return 'other';
}

/**
 * Reads a term-dates calendar (.ics). Each all-day event is a term, a half term or a holiday,
 * told apart by its title ("Autumn term", "October half term", "Christmas holidays"); "first day of
 * term" / "last day of term" events are paired into terms; INSET days are left out (they differ
 * from school to school); anything else is reported and left out.
 */
export async function importTermDatesIcs(input: Uint8Array | string, options: ImportOptions): Promise<ImportResult> {
  const format: ImportFormat = 'term-dates-ics';
  const detected = 'a term-dates calendar (.ics with terms, half terms and holidays as all-day events)';
  // The calendar importer's tolerant pre-pass: unfolded lines with their numbers, quoting repaired,
  // the file cut into components, each property read on its own (one bad line costs that line).
  const { lines, encoding } = readLines(input);
  const first = lines.find((l) => l.text.trim())?.text.trim() ?? '';
  const cal = structure(lines, encoding);
  const name = textOf(cal.props.find((p) => p.name == 'X-WR-CALNAME'));
  const source = termSource(options, name);
  if (!/^BEGIN:VCALENDAR$/i.test(first)) {
    const kind = whatItIs(lines.map((l) => l.text).join('\n'));
    return failure(
      format,
      detected,
      options,
      source,
      kind
        ? `This is ${kind}, not a calendar (.ics), so no term dates could be read from it.`
        : 'This is not a calendar (.ics): it does not start with BEGIN:VCALENDAR, so no term dates could be read.',
    );
  }
  const notes: SourceNote[] = [];
  if (cal.repairs.length) {
    notes.push({
      level: 'info',
      message:
        cal.repairs.length == 1
          ? `Line ${cal.repairs[0].line} has its quotes in the wrong place (as Outlook writes them); ` +
            'it was read as its writer meant.'
          : `Lines ${cal.repairs.map((r) => r.line).join(', ')} have their quotes in the wrong place (as Outlook ` +
            'writes them); they were read as their writer meant.',
      at: { source: options.name },
    });
  }
  const records: RecordReport[] = [];
  const read: Read[] = [];
  const markers: { kind: 'starts' | 'ends'; date: string; title: string; record: RecordReport }[] = [];
  for (const block of cal.components.filter((c) => c.name == 'VEVENT')) {
    const prop = (key: string) => block.props.find((p) => p.name == key && p.jcal);
    const uid = textOf(prop('UID'));
    const title = cleanText(textOf(prop('SUMMARY')) ?? '');
    const record: RecordReport = {
      outcome: 'imported',
      name: title || `The event on line ${block.line}`,
      at: { source: options.name, line: block.line, ...(uid ? { id: uid } : {}) },
      items: [],
      notes: [],
    };
    records.push(record);
    const skip = (message: string, field?: string) => {
      record.outcome = 'skipped';
      record.notes.push({ ...(field ? { field } : {}), message });
    };
    if (block.unclosed) {
      record.notes.push({ message: `It is cut short (${block.unclosed}); what it has was read.` });
      record.outcome = 'imported-with-losses';
    }
    if (textOf(prop('STATUS'))?.toUpperCase() == 'CANCELLED') {
      skip('It is cancelled (STATUS:CANCELLED), so it was left out.', 'STATUS');
      continue;
    }
    const startProp = block.props.find((p) => p.name == 'DTSTART');
    if (startProp?.problem) {
      skip(
        `Its start (DTSTART, line ${startProp.line}) ${startProp.problem}, so it was skipped; the rest of the ` +
          'calendar was read.',
        'DTSTART',
      );
      continue;
    }
    const start = startProp && readWhen(values(startProp)[0], param(startProp, 'tzid'));
    if (!start) {
      skip('It has no start date (DTSTART) that can be read, so it was skipped.', 'DTSTART');
      continue;
    }
    if (prop('RRULE')) {
      skip(
        'It repeats (RRULE), which term dates do not; give each term, half term and holiday its own event. ' +
          'It was skipped.',
        'RRULE',
      );
      continue;
    }
    const startDate = formatDay(start.day);
    const endProp = prop('DTEND');
    const endWhen = endProp && readWhen(values(endProp)[0], param(endProp, 'tzid'));
    const minutes = durationMinutes(values(prop('DURATION'))[0]);
    let end = startDate;
    // DTEND is exclusive: an all-day event (or one that ends at midnight) ends the day before.
    if (endWhen) end = formatDay(endWhen.kind == 'date' || endWhen.minutes == 0 ? endWhen.day - 1 : endWhen.day);
    else if (minutes && minutes > 0) end = formatDay(start.day + Math.max(1, Math.ceil(minutes / 1440)) - 1);
    if (end < startDate) end = startDate; // a zero-length event: the one day
    const categories = block.props
      .filter((p) => p.name == 'CATEGORIES')
      .map((p) => textOf(p) ?? '')
      .join(' ');
    const kind = kindOf(`${title} ${categories}`);
    const academicYear = academicYearOf(startDate);
    const description = cleanText(textOf(prop('DESCRIPTION')) ?? '');
    if (kind == 'inset') {
      skip(
        'INSET (training) days differ from school to school, so it was left out. If sessions stop that day, ' +
          'add it to the term dates as a holiday.',
      );
      continue;
    }
    if (kind == 'other') {
      skip(
        `${quoted(title || '(no title)')} is not a term, half term or holiday by its title, so it was left out. ` +
          'Name term dates like "Autumn term", "October half term" or "Christmas holidays".',
        'SUMMARY',
      );
      continue;
    }
    if (start.kind != 'date' && start.minutes != 0) {
      record.notes.push({
        field: 'DTSTART',
        message: 'It has a time of day; only its dates are used, as term dates are whole days.',
      });
      record.outcome = 'imported-with-losses';
    }
    if (kind == 'starts' || kind == 'ends') {
      if (end != startDate) {
        // "Summer term ends" spread over several days: read it as the term itself.
        record.notes.push({ message: `${quoted(title)} spans several days; it was read as a term.` });
        record.outcome = 'imported-with-losses';
        read.push({ type: 'term', start: startDate, end, name: title, academicYear, record });
      } else markers.push({ kind, date: startDate, title, record });
      continue;
    }
    read.push({
      type: kind,
      start: startDate,
      end,
      name: title,
      academicYear,
      ...(description && description.length <= 200 ? { note: description } : {}),
      record,
    });
  }
  // "First day of autumn term" … "Last day of autumn term": each start with the next end after it.
  markers.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind == 'starts' ? -1 : 1));
  for (let i = 0; i < markers.length; i++) {
    const m = markers[i];
    const next = markers[i + 1];
    if (m.kind == 'starts' && next?.kind == 'ends') {
      const name = termName(m.title) ?? termName(next.title) ?? 'Term';
      read.push({
        type: 'term',
        start: m.date,
        end: next.date,
        name,
        academicYear: academicYearOf(m.date),
        record: m.record,
      });
      next.record.notes.push({
        message: `Read with ${quoted(m.title)} as the term from ${spoken(m.date)} to ${spoken(next.date)}.`,
      });
      m.record.notes.push({
        message: `Read with ${quoted(next.title)} as the term from ${spoken(m.date)} to ${spoken(next.date)}.`,
      });
      i++;
      continue;
    }
    m.record.outcome = 'skipped';
    m.record.notes.push({
      message:
        m.kind == 'starts'
          ? `It marks the start of a term, but no "last day of term" follows it, so it was skipped.`
          : `It marks the end of a term, but no "first day of term" comes before it, so it was skipped.`,
    });
  }
  if (!records.length) {
    return failure(format, detected, options, source, 'The calendar has no events, so no term dates could be read.');
  }
  return finishTerms(read, records, notes, options, format, detected, source, name);
}

/** "Autumn term" from "First day of Autumn term 2026", "Autumn Term starts". */
const termName = (title: string): string | undefined => {
  const m = /\b(autumn|spring|summer|winter)\b(\s+\d)?/i.exec(title);
  if (!m) return undefined;
  return `${m[1][0].toUpperCase()}${m[1].slice(1).toLowerCase()}${m[2] ?? ''} term`;
};

// ---------------------------------------------------------------------------------------------
// Term dates from a spreadsheet (CSV)

const TYPE_NAMES: Record<TermType, string> = { term: 'Term', 'half-term': 'Half term', holiday: 'Holiday' };

const TERM_COLUMNS: ColumnSpec[] = [
  { key: 'year', name: 'Academic year', aliases: ['School year', 'Year'] },
  { key: 'term', name: 'Term', aliases: ['Term name', 'Name', 'Description'] },
  { key: 'type', name: 'Type', aliases: ['Kind', 'Term or holiday'] },
  { key: 'start', name: 'First day', aliases: ['Start', 'Start date', 'First date', 'From', 'Begins'] },
  { key: 'end', name: 'Last day', aliases: ['End', 'End date', 'Last date', 'To', 'Ends', 'Until'] },
  { key: 'notes', name: 'Notes', aliases: ['Note'] },
];

/** Term, Half term or Holiday as people type them ("half-term", "HOLIDAY", "School holidays"). */
export function parseTermType(text: string): Parsed<TermType> {
  const t = text.toLowerCase().replace(/[^a-z]/g, '');
  if (['term', 'schoolterm', 'termtime'].includes(t)) return { value: 'term' };
  if (['halfterm', 'halfterms', 'halftermholiday', 'ht'].includes(t)) return { value: 'half-term' };
  if (/^(school)?(holiday|holidays|break|closed|closure|bankholiday)$/.test(t)) return { value: 'holiday' };
  if (kindOf(text) == 'inset')
    return {
      problem:
        `${quoted(text)} is not a type this sheet takes: INSET (training) days differ from school to school. ` +
        'Write Holiday if sessions stop that day',
    };
  return { problem: `${quoted(text)} is not a type of term date; write Term, Half term or Holiday` };
}

/**
 * Reads a council's term dates saved from a spreadsheet: one row per term, half term or holiday,
 * with `Academic year, Term, Type, First day, Last day, Notes` (see `templates/term-dates.csv`).
 * Dates are day first (07/09/2026), ISO (2026-09-07) or in words; encodings, title rows, blank
 * rows and unknown columns are handled by `readTable` and reported.
 */
export async function importTermDatesCsv(input: Uint8Array | string, options: ImportOptions): Promise<ImportResult> {
  const format: ImportFormat = 'term-dates-csv';
  const detected = 'a term-dates spreadsheet (the header has Type and First day)';
  const source = termSource(options);
  const table = readTable(input, {
    columns: TERM_COLUMNS,
    required: [['type', 'term'], ['start']],
    source: options.name,
    what: 'term date',
    template: 'templates/term-dates.csv',
  });
  if (table.failed) return failure(format, detected, options, source, table.failed, table.notes);
  const records: RecordReport[] = [];
  const read: Read[] = [];
  const column = (key: string) => table.headers.get(key) ?? TERM_COLUMNS.find((c) => c.key == key)!.name;
  for (const row of table.rows) {
    const cell = (key: string) => row.cells.get(key);
    const termName = cell('term');
    const record: RecordReport = {
      outcome: 'imported',
      name: termName ?? `Row ${row.row}`,
      at: { source: options.name, row: row.row },
      items: [],
      notes: [],
    };
    records.push(record);
    const say = (key: string | undefined, text: string) =>
      key ? `Row ${row.row}, ${column(key)}: ${text}` : `Row ${row.row}: ${text}`;
    const loss = (key: string | undefined, text: string) => {
      record.notes.push({ ...(key ? { field: column(key) } : {}), message: say(key, text) });
      if (record.outcome == 'imported') record.outcome = 'imported-with-losses';
    };
    const skip = (key: string | undefined, text: string) => {
      record.outcome = 'skipped';
      record.notes.push({ ...(key ? { field: column(key) } : {}), message: say(key, `${text} This row was skipped.`) });
    };
    // The type, or else what the term's name says ("October half term").
    let type: TermType | undefined;
    const typed = cell('type');
    if (typed) {
      const p = parseTermType(typed);
      if (p.problem || !p.value) {
        skip('type', `${p.problem}.`);
        continue;
      }
      type = p.value;
    } else {
      const kind = termName ? kindOf(termName) : 'other';
      if (kind == 'term' || kind == 'half-term' || kind == 'holiday') {
        type = kind;
        loss('type', `It is empty; read as ${TYPE_NAMES[kind]} from the name ${quoted(termName!)}.`);
      } else {
        skip('type', 'It is empty, so this could be a term or a holiday; write Term, Half term or Holiday.');
        continue;
      }
    }
    const first = cell('start') === undefined ? undefined : parseDate(cell('start')!);
    if (!first?.value) {
      skip('start', first?.problem ? `${first.problem}.` : 'It is empty; every term date needs its first day.');
      continue;
    }
    if (first.guess) loss('start', `${first.guess}.`);
    let end = first.value;
    const last = cell('end') === undefined ? undefined : parseDate(cell('end')!);
    if (last?.problem) {
      skip('end', `${last.problem}.`);
      continue;
    }
    if (last?.value) {
      end = last.value;
      if (last.guess) loss('end', `${last.guess}.`);
    } else if (type == 'term') {
      skip('end', 'It is empty; a term needs its last day.');
      continue;
    } else loss('end', `It is empty, so this was read as the one day ${spoken(first.value)}.`);
    if (end < first.value) {
      skip('end', `${spoken(end)} is before the first day, ${spoken(first.value)}; check the dates.`);
      continue;
    }
    const days = dayOf(end) - dayOf(first.value) + 1;
    if (days > (type == 'term' ? 200 : 80)) {
      skip(
        'end',
        `From ${spoken(first.value)} to ${spoken(end)} is ${days} days, too long for a ` +
          `${type == 'term' ? 'term' : 'half term or holiday'}; check the dates.`,
      );
      continue;
    }
    const byDates = academicYearOf(first.value);
    let academicYear = byDates;
    const yearText = cell('year');
    if (yearText) {
      const given = parseAcademicYear(yearText);
      if (!given)
        loss('year', `${quoted(yearText)} is not an academic year like 2026-27; ${byDates} was used, from the dates.`);
      else if (given != byDates)
        loss(
          'year',
          `${quoted(yearText)} does not match the dates, which fall in ${byDates}; check the year. ` +
            `${byDates} was used.`,
        );
      else academicYear = given;
    }
    read.push({
      type,
      start: first.value,
      end,
      ...(termName ? { name: termName } : {}),
      academicYear,
      ...(cell('notes') ? { note: cell('notes') } : {}),
      record,
    });
  }
  return finishTerms(read, records, [...table.notes], options, format, detected, source);
}
