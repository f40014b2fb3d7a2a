/**
 * The contract every importer keeps. An importer reads one source (a spreadsheet, a calendar, a
 * directory API, an OpenActive feed, bank holidays or term dates) and returns the feed items it
 * could make of it, the source's entry for `feed.sources`, and a report an editor can act on:
 * every source record imported, imported with losses, or skipped, each with where it is in the
 * source, in sentences.
 *
 * Importers are plain TypeScript with no DOM: the `imh-feed import` command and the feed studio
 * page use the same code. They never throw for bad input: a source they cannot use at all gives a
 * result with `report.failed` set (and nothing in `feed`), so a caller never writes a worse feed.
 */
import type { Source } from '../feed/types.js';

/** The formats `detectFormat()` recognises. */
export type ImportFormat =
  | 'sessions-csv'
  | 'services-csv'
  | 'term-dates-csv'
  | 'ics'
  | 'term-dates-ics'
  | 'oruk'
  | 'openactive'
  | 'bank-holidays'
  | 'feed';

/** Where a record (or one value of it) is in its source, for people. Every field is optional. */
export interface SourceLocation {
  /** The file name or address it was read from. */
  source?: string;
  /** Spreadsheets: the row as a spreadsheet program numbers it (the header is row 1). */
  row?: number;
  /** Spreadsheets: the column's header as the file writes it. */
  column?: string;
  /** Text formats (.ics, JSON): the 1-based line where the record starts. */
  line?: number;
  /** The record's own id: an .ics UID, an Open Referral service id, an OpenActive item id. */
  id?: string;
  /** Paged sources: the page it came from (1-based). */
  page?: number;
}

/** A note on one record: why it was skipped, or what was dropped or guessed on the way in. */
export interface RecordNote {
  /** The source field or column the note is about, as the source names it. */
  field?: string;
  /** A sentence an editor understands, ending with a full stop. Never a stack trace. */
  message: string;
}

export type RecordOutcome = 'imported' | 'imported-with-losses' | 'skipped';

/** What happened to one source record. */
export interface RecordReport {
  outcome: RecordOutcome;
  /** What the record is, for people: its name, or "row 7" when it has none. */
  name: string;
  at: SourceLocation;
  /** The feed items it became (`imported…` only). */
  items: { list: 'sessions' | 'services' | 'places' | 'organisations'; id: string }[];
  /** Empty for a clean import; the reasons otherwise. */
  notes: RecordNote[];
}

/** A note on the source as a whole: an unknown column, a legacy encoding, paging stopped at its cap. */
export interface SourceNote {
  level: 'info' | 'warning' | 'error';
  message: string;
  at?: SourceLocation;
}

export interface ImportReport {
  format: ImportFormat;
  /** How the format was recognised, for people: "a sessions spreadsheet (the header has Session name and Day)". */
  detected: string;
  /** The file name or address. */
  source: string;
  records: RecordReport[];
  notes: SourceNote[];
  /**
   * Set when nothing usable could be read (a login page instead of a feed, a malformed file, a
   * network error part way through the pages): why, in a sentence. Callers then write nothing.
   */
  failed?: string;
}

/**
 * Feed items as plain JSON, in the feed's own shape (`schema/feed.schema.json`): what the
 * importer made. Every item it returns must pass the feed's validation.
 */
export interface ImportedFeed {
  sessions?: Record<string, unknown>[];
  services?: Record<string, unknown>[];
  places?: Record<string, unknown>[];
  organisations?: Record<string, unknown>[];
  termDates?: Record<string, unknown>;
  bankHolidays?: Record<string, unknown>;
  timeZone?: string;
}

export interface ImportResult {
  feed: ImportedFeed;
  /** The entry for `feed.sources`; every item above carries `source: { ref: source.id, id }`. */
  source: Source;
  report: ImportReport;
}

export interface ImportOptions {
  /** The file name or address, for the report and the source entry. */
  name: string;
  /** When the import runs (the source entry's `imported`); default now. */
  now?: Date;
  /** The feed's time zone (default Europe/London): wall-clock times are kept in it. */
  timeZone?: string;
  /** For sources read over the network (directory APIs, paged feeds): default the global fetch. */
  fetch?: typeof fetch;
  /** Progress for multi-page fetches, one line at a time ("Page 3 of 141…"). */
  onProgress?: (line: string) => void;
  /** Stops a long import. */
  signal?: AbortSignal;
  /**
   * Bank holidays: which of GOV.UK's divisions to read, by id or name (`england-and-wales`, the
   * default; `scotland`; `northern-ireland`; or "England and Wales", "Scotland", "Northern Ireland").
   */
  division?: string;
  /** Term dates: whose they are, for `termDates.area`, like "Anytown maintained schools". */
  area?: string;
}
