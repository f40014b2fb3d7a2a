/**
 * Reads a spreadsheet saved as CSV (or as Excel's tab-separated "Unicode text") into rows keyed by
 * the columns an importer knows, for the spreadsheet importers (`csv.ts`) and any other importer
 * that reads a small table (term dates). Uses papaparse for the CSV itself.
 *
 * What it takes care of, so importers do not: the encoding (`decodeBytes`), the delimiter (comma,
 * semicolon or tab), quoted cells with line breaks, a title row or two above the header, header
 * names matched without regard to case, spaces and punctuation, near-misses ("Postode") and aliases,
 * translation columns ("Session name (Welsh)", "Description (cy)"), unknown, repeated and unnamed
 * columns (each reported), blank rows and the empty columns Excel adds. Rows keep the numbers a
 * spreadsheet program shows (the header is row 1 when it is the first row; a cell with line breaks
 * is still one row).
 */
import Papa from 'papaparse';
import { cleanText, decodeBytes, editDistance, isBlank, languageCode, languageName, quoted } from './common.js';
import type { SourceNote } from './types.js';

/** A column an importer knows. */
export interface ColumnSpec {
  /** The importer's own name for it. */
  key: string;
  /** The header as the template writes it. */
  name: string;
  /** Other headers people use for it ("Title", "Name"). */
  aliases?: string[];
  /** Text that may have translation columns: "Session name (Welsh)", "Session name (cy)". */
  translatable?: boolean;
}

export interface TableRow {
  /** The row number a spreadsheet program shows. */
  row: number;
  /** Cell text by column key (trimmed; blank cells are absent). */
  cells: Map<string, string>;
  /** Translations by column key, then language code. */
  translations: Map<string, Map<string, string>>;
}

export interface Table {
  rows: TableRow[];
  /** Notes on the file: its encoding, its columns. */
  notes: SourceNote[];
  /** Set when the file cannot be read as this kind of table: why, in a sentence. */
  failed?: string;
  /** Header as written, by column key (the first of repeated columns). */
  headers: Map<string, string>;
  /** Translation columns found: column key → language codes. */
  languages: Map<string, string[]>;
  /** The header's row number. */
  headerRow: number;
}

export interface TableOptions {
  columns: ColumnSpec[];
  /** Each inner list is satisfied by any one of its keys: [['name'], ['day', 'firstDate']]. */
  required: string[][];
  /** The file's name, for notes. */
  source: string;
  /** What a row is, for messages: "session", "service". */
  what: string;
  /** Where the template is, for messages: "templates/sessions.csv". */
  template: string;
}

/** Header text reduced for matching: lower case, letters and digits only ("Age from (months)" → "agefrommonths"). */
export const headerKey = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export const columnLetter = (index: number): string => {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

const list = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** Bytes that say "this is not a text file": Excel and OpenDocument workbooks (zip), old Excel (OLE). */
const workbook = (input: Uint8Array | string) => {
  if (typeof input == 'string') return false;
  const zip = input[0] == 0x50 && input[1] == 0x4b && input[2] == 0x03 && input[3] == 0x04;
  const ole = input[0] == 0xd0 && input[1] == 0xcf && input[2] == 0x11 && input[3] == 0xe0;
  return zip || ole;
};

/**
 * The delimiter: whichever of comma, tab and semicolon the first line with any uses most, outside
 * quotes (papaparse's own guess is thrown by cells full of semicolon-separated lists).
 */
const delimiterOf = (text: string): string => {
  for (const line of text.split(/\r\n|\n|\r/, 20)) {
    const bare = line.replace(/"[^"]*("|$)/g, '');
    const counts = [',', '\t', ';'].map((d) => [d, bare.split(d).length - 1] as const);
    const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
    if (best[1] > 0) return best[0];
  }
  return ',';
};

interface Match {
  spec: ColumnSpec;
  lang?: string;
  /** How it matched, when not exactly: a note for the report. */
  fuzzy?: boolean;
}

/** Matches one header to a known column, a translation column, or nothing. */
const matchHeader = (header: string, columns: ColumnSpec[]): Match | undefined => {
  const key = headerKey(header);
  if (!key) return;
  const names = (c: ColumnSpec) => [c.name, ...(c.aliases ?? [])].map(headerKey);
  const exact = columns.find((c) => names(c).includes(key));
  if (exact) return { spec: exact };
  // "Session name (Welsh)", "Description (cy)", "Session name - Welsh", "Welsh session name".
  const m = /^(.*?)\s*[([]\s*([^)\]]+?)\s*[)\]]\s*$/.exec(header) ?? /^(.*?)\s+[-–:]\s+(\S.*)$/.exec(header);
  if (m) {
    const lang = languageCode(m[2]);
    const base = headerKey(m[1]);
    const spec = lang && columns.find((c) => c.translatable && names(c).includes(base));
    if (spec) return { spec, lang: lang == 'en' || lang.startsWith('en-') ? undefined : lang };
  }
  if (key.length < 5) return;
  // A near-miss ("Postode", "Sesion name"): one or two letters out, and nearer to one column than any other.
  let best: { spec: ColumnSpec; d: number } | undefined;
  let tie = false;
  for (const c of columns) {
    for (const n of names(c)) {
      const d = editDistance(key, n);
      if (d <= (n.length >= 8 ? 2 : 1) && (!best || d < best.d)) {
        tie = false;
        best = { spec: c, d };
      } else if (best && d == best.d && c != best.spec) tie = true;
    }
  }
  return best && !tie ? { spec: best.spec, fuzzy: true } : undefined;
};

/**
 * Reads `input` as a table with the given columns. Never throws: a file that cannot be used gives
 * `failed`, and everything else it noticed is in `notes`.
 */
export function readTable(input: Uint8Array | string, options: TableOptions): Table {
  const { columns, source, what } = options;
  const notes: SourceNote[] = [];
  const result: Table = { rows: [], notes, headers: new Map(), languages: new Map(), headerRow: 1 };
  const fail = (why: string) => ({ ...result, rows: [], failed: why });
  const names = list(columns.slice(0, 3).map((c) => c.name));
  if (workbook(input)) {
    return fail(
      `This is an Excel or OpenDocument workbook, not a CSV file. In Excel choose File › Save As › ` +
        `"CSV UTF-8 (Comma delimited)"; in Google Sheets, File › Download › "Comma-separated values"; ` +
        `then import that file.`,
    );
  }
  const decoded = decodeBytes(input);
  if (decoded.note) notes.push({ level: 'info', message: decoded.note, at: { source } });
  const text = decoded.text;
  if (isBlank(text)) return fail(`The file is empty. Start from the template (${options.template}).`);
  const head = text.slice(0, 200).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) {
    return fail(
      'This is a web page (HTML), not a spreadsheet: the address may need a sign-in, or point at a page ' +
        'about the file rather than the file. Download the CSV itself and import that.',
    );
  }
  if (head.startsWith('{') || head.startsWith('[')) {
    return fail('This is JSON, not a spreadsheet: import it as a feed or a directory, not as a CSV file.');
  }
  if (head.startsWith('begin:vcalendar')) {
    return fail('This is a calendar (.ics), not a spreadsheet: import it as a calendar.');
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: delimiterOf(text) });
  const unclosed = parsed.errors.find((e) => e.code == 'MissingQuotes');
  if (unclosed) {
    const row = (unclosed.row ?? 0) + 1;
    return fail(
      `Row ${row} has a quote mark (") that is never closed, so the rows after it cannot be told apart ` +
        `and nothing was imported. Remove the stray quote mark, or close it, and import again.`,
    );
  }
  if (parsed.meta.delimiter == '\t' || parsed.meta.delimiter == ';') {
    notes.push({
      level: 'info',
      message: `The columns are separated by ${parsed.meta.delimiter == '\t' ? 'tabs' : 'semicolons'}; read as such.`,
      at: { source },
    });
  }
  const records = parsed.data;
  // The header: the first row (of the first ten) that names the required columns; title rows above it are skipped.
  let headerIndex = -1;
  let matches: (Match | undefined)[] = [];
  for (let i = 0; i < Math.min(records.length, 10); i++) {
    const found = records[i].map((h) => matchHeader(h, columns));
    const keys = new Set(found.filter((m) => m).map((m) => m!.spec.key));
    if (options.required.every((anyOf) => anyOf.some((k) => keys.has(k)))) {
      headerIndex = i;
      matches = found;
      break;
    }
  }
  if (headerIndex < 0) {
    const first = records.find((r) => r.some((c) => !isBlank(c))) ?? [];
    const firstKeys = new Set(
      first
        .map((h) => matchHeader(h, columns))
        .filter((m) => m && !m.lang)
        .map((m) => m!.spec.key),
    );
    const missing = options.required
      .filter((anyOf) => !anyOf.some((k) => firstKeys.has(k)))
      .map((anyOf) => anyOf.map((k) => columns.find((c) => c.key == k)!.name).join(' or '));
    const shown = first
      .filter((c) => !isBlank(c))
      .slice(0, 6)
      .map((c) => quoted(c));
    return fail(
      `This does not look like a ${what}s spreadsheet: its header row has no ${list(missing)} column. ` +
        `The first row must name the columns as the template does (${names}…)` +
        (shown.length ? `; this file's first row is ${shown.join(', ')}.` : '.') +
        ` Start from the template (${options.template}).`,
    );
  }
  result.headerRow = headerIndex + 1;
  if (headerIndex > 0) {
    notes.push({
      level: 'info',
      message:
        `The header is row ${headerIndex + 1}; ${headerIndex == 1 ? 'row 1 was' : `rows 1 to ${headerIndex} were`} ` +
        `taken as a title and not imported.`,
      at: { source, row: 1 },
    });
  }
  const header = records[headerIndex];
  const used = new Map<string, number>(); // column key (+ language) → index
  const ignored = new Set<number>();
  header.forEach((raw, index) => {
    const h = cleanText(raw);
    const m = matches[index];
    const at = { source, row: headerIndex + 1, column: h || undefined };
    const letter = columnLetter(index);
    if (!h) {
      ignored.add(index);
      const filled = records.slice(headerIndex + 1).findIndex((r) => !isBlank(r[index]));
      if (filled >= 0) {
        notes.push({
          level: 'warning',
          message:
            `Column ${letter} has no header, but row ${headerIndex + filled + 2} has ` +
            `${quoted(records[headerIndex + filled + 1][index])} in it; it was not imported. ` +
            `Give the column one of the template's names.`,
          at,
        });
      }
      return;
    }
    if (!m) {
      ignored.add(index);
      const lang = /\(([^)]+)\)\s*$/.exec(h);
      const known = lang && languageCode(lang[1]);
      notes.push({
        level: 'warning',
        message: known
          ? `The column ${quoted(h)} (column ${letter}) names ${languageName(known)}, but ` +
            `${quoted(h.slice(0, lang!.index).trim())} ` +
            `is not a column that can be translated, so it was not imported.`
          : `The column ${quoted(h)} (column ${letter}) is not one the ${what}s template has, so it was not ` +
            `imported. Rename it to one of the template's columns if it should be, or delete it.`,
        at,
      });
      return;
    }
    const id = m.lang ? `${m.spec.key}|${m.lang}` : m.spec.key;
    if (used.has(id)) {
      ignored.add(index);
      notes.push({
        level: 'warning',
        message:
          `There are two ${quoted(h)} columns (${columnLetter(used.get(id)!)} and ${letter}); ` +
          `the first was used and column ${letter} was not imported.`,
        at,
      });
      return;
    }
    used.set(id, index);
    if (m.fuzzy) {
      notes.push({
        level: 'warning',
        message: `The column ${quoted(h)} (column ${letter}) was read as ${m.spec.name}; correct its header.`,
        at,
      });
    }
    if (m.lang) {
      const langs = result.languages.get(m.spec.key) ?? [];
      langs.push(m.lang);
      result.languages.set(m.spec.key, langs);
    } else result.headers.set(m.spec.key, h);
  });
  for (const key of result.languages.keys()) {
    if (!result.headers.has(key)) result.headers.set(key, columns.find((c) => c.key == key)!.name);
  }
  // Rows below the header.
  for (let i = headerIndex + 1; i < records.length; i++) {
    const record = records[i];
    if (record.every((c) => isBlank(c))) continue;
    const row: TableRow = { row: i + 1, cells: new Map(), translations: new Map() };
    for (const [id, index] of used) {
      const value = record[index];
      if (value === undefined || isBlank(value)) continue;
      const [key, lang] = id.split('|');
      if (lang) {
        const t = row.translations.get(key) ?? new Map<string, string>();
        t.set(lang, cleanText(value));
        row.translations.set(key, t);
      } else row.cells.set(key, cleanText(value));
    }
    result.rows.push(row);
  }
  if (!result.rows.length) {
    return fail(
      `The file has a header row but no ${what}s below it, so nothing was imported ` +
        `(importing an empty sheet would remove every ${what} it brought in before).`,
    );
  }
  return result;
}
