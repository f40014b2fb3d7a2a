/**
 * The importers, found by what a source contains: `detectFormat()` says what a file or address
 * holds and why it thinks so (or, for what no importer reads, what to do instead), and
 * `importSource()` reads it with the right importer. Used by `imh-feed import` and the feed
 * studio; never by the elements.
 *
 * Each importer is loaded with `import()` only when a source needs it, so a page that imports a
 * spreadsheet never downloads the calendar or directory readers, and the element bundles hold none
 * of them.
 */
import { decodeBytes, fetchBytes, htmlPage, isAddress as isHttpAddress } from './common.js';
import { locateJsonError } from '../feed/json-locate.js';
import type { ImportFormat, ImportOptions, ImportResult } from './types.js';
import type { UnreadSource } from './merge.js';

export type { ImportFormat, ImportOptions, ImportResult, ImportReport, RecordReport, SourceLocation } from './types.js';
export { mergeImports, nameOf, type MergeResult, type SourceChange, type UnreadSource } from './merge.js';

/** An importer: the contract in `types.ts`. */
export type Importer = (input: Uint8Array | string, options: ImportOptions) => Promise<ImportResult>;

interface RegistryEntry {
  /** Loads the importer's module. */
  load: () => Promise<Importer>;
  /** The importer reads addresses itself (following pages); it is given the address, not the first page's bytes. */
  address?: boolean;
}

/** Which importer reads which format. A format missing here is recognised but cannot be imported yet. */
const REGISTRY: Partial<Record<ImportFormat, RegistryEntry>> = {
  'sessions-csv': { load: () => import('./csv.js').then((m) => m.importSessionsCsv) },
  'services-csv': { load: () => import('./csv.js').then((m) => m.importServicesCsv) },
  'term-dates-csv': { load: () => import('./terms.js').then((m) => m.importTermDatesCsv) },
  ics: { load: () => import('./ics.js').then((m) => m.importIcs), address: true },
  'term-dates-ics': { load: () => import('./terms.js').then((m) => m.importTermDatesIcs) },
  oruk: { load: () => import('./oruk.js').then((m) => m.importOruk), address: true },
  openactive: { load: () => import('./openactive.js').then((m) => m.importOpenActive), address: true },
  'bank-holidays': { load: () => import('./terms.js').then((m) => m.importBankHolidays) },
  feed: { load: () => import('./feed.js').then((m) => m.importFeed) },
};

/** The formats this version can import. */
export const importableFormats = (): ImportFormat[] => Object.keys(REGISTRY) as ImportFormat[];

/** Each format for people, as in "It is a sessions spreadsheet". */
export const FORMAT_NAMES: Record<ImportFormat, string> = {
  'sessions-csv': 'a sessions spreadsheet',
  'services-csv': 'a services spreadsheet',
  'term-dates-csv': 'school term dates in a spreadsheet',
  ics: 'an iCalendar file',
  'term-dates-ics': 'school term dates in an iCalendar file',
  oruk: 'an Open Referral UK directory',
  openactive: 'an OpenActive feed',
  'bank-holidays': 'GOV.UK bank holidays',
  feed: 'an imh-widgets feed',
};

/** What a source holds: a format and why (a sentence fragment), or why none applies. */
export type Detection =
  | { format: ImportFormat; detected: string }
  | {
      format?: undefined;
      /** What it is, as far as that goes ("a web page"), when anything was recognised. */
      detected?: string;
      /** Why it cannot be imported, and what to do: sentences. */
      reason: string;
    };

const READS =
  'It reads spreadsheets saved as CSV (the sessions, services and term-dates templates), iCalendar (.ics) files, ' +
  'Open Referral UK directories, OpenActive feeds, GOV.UK bank holidays and imh-widgets feeds.';
const SAVE_AS_CSV =
  'Save it as CSV: in Excel, File › Save As › "CSV UTF-8 (Comma delimited)"; in Google Sheets, File › Download › ' +
  '"Comma-separated values (.csv)"; in LibreOffice, File › Save As › "Text CSV". Then import the .csv file.';

const startsWith = (bytes: Uint8Array, ...values: number[]) => values.every((v, i) => bytes[i] === v);
const ascii = (bytes: Uint8Array, max = 4096) =>
  Array.from(bytes.subarray(0, max), (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : ' ')).join('');

/** Files that are not text: what they are, and what to do instead. */
function binary(bytes: Uint8Array): Detection | undefined {
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) {
    return {
      detected: 'a PDF',
      reason:
        'It is a PDF, which cannot be imported. Copy what it says into a template ' +
        '(npx imh-feed template sessions, or term-dates for school terms), ' +
        'or ask the publisher for a CSV or .ics file.',
    };
  }
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    const names = ascii(bytes, 64 * 1024);
    if (/xl\/|\[Content_Types\]\.xml[\s\S]*xl/.test(names) || /xl\/workbook/.test(names)) {
      return { detected: 'an Excel workbook (.xlsx)', reason: `It is an Excel workbook (.xlsx). ${SAVE_AS_CSV}` };
    }
    if (/opendocument\.spreadsheet/.test(names)) {
      return {
        detected: 'an OpenDocument spreadsheet (.ods)',
        reason: `It is an OpenDocument spreadsheet. ${SAVE_AS_CSV}`,
      };
    }
    if (/word\//.test(names) || /opendocument\.text/.test(names)) {
      return {
        detected: 'a word-processor document',
        reason:
          'It is a word-processor document, which cannot be imported. Put its sessions or services in a ' +
          'template (npx imh-feed template sessions) instead.',
      };
    }
    return { detected: 'a zip archive', reason: 'It is a zip archive. Unzip it and import the files inside.' };
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) {
    return {
      detected: 'an old Excel workbook (.xls)',
      reason: `It is an old-style Office file (.xls). ${SAVE_AS_CSV}`,
    };
  }
  const picture =
    startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) ||
    startsWith(bytes, 0xff, 0xd8, 0xff) ||
    startsWith(bytes, 0x47, 0x49, 0x46);
  if (picture) return { detected: 'a picture', reason: 'It is a picture, not data. ' + READS };
  const head = bytes.subarray(0, 1024);
  // UTF-16 text has NULs in every other byte; anything else with NULs is not text.
  const nuls = head.filter((b) => b == 0).length;
  if (nuls && nuls < head.length / 4) return { detected: 'a binary file', reason: `It is not text. ${READS}` };
  return undefined;
}

/** A web page instead of data (a login page, an error page, a portal's page about the data). */
function webPage(text: string, contentType = ''): Detection | undefined {
  const page = htmlPage(text, /html/i.test(contentType) && text.trimStart().startsWith('<') ? contentType : '');
  if (!page) return undefined;
  const { title } = page;
  const signIn = /sign[ -]?in|log[ -]?in|password|account/i.test(title ?? '') || /type=["']?password/i.test(text);
  return {
    detected: 'a web page',
    reason:
      `It is a web page${title ? ` ("${title}")` : ''}, not data. ` +
      (signIn
        ? 'It asks you to sign in: the address needs a login. Ask the publisher for an open address, ' +
          'or save the data as a file and import that.'
        : 'Look on it for a link to the data itself (a .csv, .ics or .json address), or ask the publisher for one.'),
  };
}

/** Field names of a JSON object, for messages: "a, b and c". */
const fieldsOf = (o: object) => {
  const keys = Object.keys(o).slice(0, 6);
  return keys.length ? keys.map((k) => `"${k}"`).join(', ') : 'none';
};
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v == 'object' && !Array.isArray(v);
/** Fields that only an Open Referral service has (HSDS 3.0 and v1). */
const ORUK_SERVICE_FIELDS = [
  'service_at_locations',
  'organization',
  'eligibility',
  'eligibility_description',
  'eligibilitys',
  'application_process',
  'assured_date',
  'fees',
  'fees_description',
  'regular_schedules',
  'cost_options',
  'service_areas',
  'service_taxonomys',
  'accreditations',
];
const orukFields = (o: Record<string, unknown>) => ORUK_SERVICE_FIELDS.filter((f) => f in o);
const isOrukService = (o: unknown): o is Record<string, unknown> =>
  isObj(o) && 'name' in o && 'id' in o && orukFields(o).length > 0;
const listOf = (names: string[]) =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

function json(value: unknown): Detection {
  if (Array.isArray(value)) {
    if (value.length && value.every(isOrukService)) {
      return {
        format: 'oruk',
        detected:
          `a list of ${value.length} Open Referral UK services (each has "id", "name" and service fields: ` +
          `${orukFields(value[0])
            .slice(0, 3)
            .map((f) => `"${f}"`)
            .join(', ')})`,
      };
    }
    return {
      detected: 'JSON',
      reason: `It is a JSON list, but not of anything this tool reads. ${READS}`,
    };
  }
  if (!isObj(value)) return { detected: 'JSON', reason: `It is JSON, but holds no object or list. ${READS}` };
  const o = value;
  const lists = ['sessions', 'services', 'places', 'organisations', 'timeline'].filter((k) => k in o);
  if ('version' in o && (typeof o.version == 'number' || lists.length)) {
    return {
      format: 'feed',
      detected: `an imh-widgets feed (it has "version": ${JSON.stringify(o.version)}${
        lists.length ? ` and ${listOf(lists)}` : ''
      })`,
    };
  }
  if (Array.isArray(o.items) && 'next' in o) {
    const kinds = [...new Set(o.items.map((i) => (isObj(i) ? i.kind : undefined)).filter((k) => typeof k == 'string'))];
    return {
      format: 'openactive',
      detected:
        'an OpenActive RPDE page (it has "items" and "next"' +
        `${kinds.length ? `; its items are ${listOf(kinds as string[])}` : ''})`,
    };
  }
  const divisions = ['england-and-wales', 'scotland', 'northern-ireland'].filter(
    (d) => isObj(o[d]) && Array.isArray((o[d] as Record<string, unknown>).events),
  );
  if (divisions.length) {
    return { format: 'bank-holidays', detected: `GOV.UK bank holidays (divisions ${listOf(divisions)})` };
  }
  if (typeof o.division == 'string' && Array.isArray(o.events)) {
    return { format: 'bank-holidays', detected: `GOV.UK bank holidays for one division (${o.division})` };
  }
  if (Array.isArray(o.content) && ('totalElements' in o || 'totalPages' in o)) {
    return {
      format: 'oruk',
      detected: 'an Open Referral UK page of services (the v1 wrapper: "content" and "totalElements")',
    };
  }
  if (Array.isArray(o.contents) && ('total_items' in o || 'total_pages' in o)) {
    return {
      format: 'oruk',
      detected: 'an Open Referral UK page of services (the 3.0 wrapper: "contents" and "total_items")',
    };
  }
  if (isOrukService(o)) {
    return {
      format: 'oruk',
      detected: `an Open Referral UK service (it has "id", "name" and service fields: ${orukFields(o)
        .slice(0, 3)
        .map((f) => `"${f}"`)
        .join(', ')})`,
    };
  }
  if ('openapi_url' in o || ('version' in o && 'profile' in o)) {
    return {
      format: 'oruk',
      detected: `an Open Referral UK API's front page (it has ${listOf(
        ['version', 'profile', 'openapi_url'].filter((k) => k in o).map((k) => `"${k}"`),
      )})`,
    };
  }
  return {
    detected: 'JSON',
    reason: `It is JSON, but not a kind this tool reads (its fields are ${fieldsOf(o)}). ${READS}`,
  };
}

const TERM_WORDS =
  /\b(term|half[ -]?term|holidays?|inset|training day|christmas|easter|summer|spring|autumn|winter|whitsun|break|closure|closed|school)\b/i;
const TERM_CORE = /\b(term|half[ -]?term|holidays?|inset)\b/i;

/**
 * An iCalendar file: a calendar of events, or school term dates. Term dates are mostly whole days
 * named like terms and holidays; real ones carry a parents' evening or a sports day too.
 */
function calendar(text: string): Detection {
  const events = text.split(/^BEGIN:VEVENT\s*$/im).slice(1);
  const n = events.length;
  if (!n) return { format: 'ics', detected: 'an iCalendar file (it starts with BEGIN:VCALENDAR), with no events' };
  const summaries = events.map((e) => /^SUMMARY[^:\r\n]*:(.*)$/im.exec(e)?.[1]?.trim() ?? '');
  const wholeDays = events.filter((e) => /^DTSTART[^:\r\n]*:\d{8}(T000000Z?)?\s*$/im.test(e)).length;
  const termLike = summaries.filter((s) => TERM_WORDS.test(s));
  if (wholeDays >= n * 0.6 && termLike.length >= n * 0.6 && summaries.some((s) => TERM_CORE.test(s))) {
    const example = summaries.find((s) => TERM_CORE.test(s));
    return {
      format: 'term-dates-ics',
      detected:
        `school term dates in an iCalendar file (${
          n == 1
            ? 'its event is a whole day'
            : wholeDays == n
              ? `its ${n} events are whole days`
              : `${wholeDays} of its ${n} events are whole days`
        } ` + `named like terms and holidays, such as "${example}")`,
    };
  }
  return {
    format: 'ics',
    detected: `an iCalendar file (it starts with BEGIN:VCALENDAR; ${n} ${n == 1 ? 'event' : 'events'})`,
  };
}

/** The cells of one CSV line (quotes respected, delimiter comma, semicolon or tab). */
function cellsOf(line: string): string[] {
  const delimiter = [',', ';', '\t'].map((d) => [d, line.split(d).length] as const).sort((a, b) => b[1] - a[1])[0];
  if (delimiter[1] < 2) return [];
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c == '"' && line[i + 1] == '"') {
        cell += '"';
        i++;
      } else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"') quoted = true;
    else if (c == delimiter[0]) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells.filter(Boolean);
}

/** The first lines of a spreadsheet that have cells: the header, and any title rows above it. */
const firstRows = (text: string): string[][] =>
  text
    .split(/\r\n|\n|\r/)
    .slice(0, 12)
    .map(cellsOf)
    .filter((cells) => cells.length);

/**
 * A spreadsheet, recognised by its header row (below any title rows): the sessions and services
 * templates by the spreadsheet importer's own column names and aliases, so detection and import
 * agree; term dates by their columns.
 */
async function spreadsheet(input: Uint8Array | string, text: string): Promise<Detection | undefined> {
  const rows = firstRows(text);
  if (!rows.length) return undefined;
  const [csv, { readTable, headerKey }] = await Promise.all([import('./csv.js'), import('./table.js')]);
  const kind = csv.spreadsheetKind(input);
  if (kind) {
    const sessions = kind == 'sessions-csv';
    const { headers } = readTable(input, {
      columns: sessions ? csv.SESSION_COLUMNS : csv.SERVICE_COLUMNS,
      required: [],
      source: '',
      what: '',
      template: '',
    });
    const keys = sessions ? ['name', 'day', 'first', 'start'] : ['name', 'kind', 'eligibility', 'hours'];
    const found = keys
      .map((k) => headers.get(k)?.replace(/\s+/g, ' ').trim())
      .filter((h): h is string => !!h)
      .slice(0, 3);
    return {
      format: kind,
      detected: `${FORMAT_NAMES[kind]} (its header row has ${listOf(found)})`,
    };
  }
  for (const cells of rows) {
    const has = (...names: string[]) => cells.filter((c) => names.includes(headerKey(c)));
    const term = has('term', 'termname', 'type', 'academicyear');
    const days = has('firstday', 'lastday', 'start', 'end', 'startdate', 'enddate', 'from', 'to');
    if (term.length && days.length >= 2) {
      return {
        format: 'term-dates-csv',
        detected: `school term dates in a spreadsheet (its header row has ${listOf(
          [...term, ...days].slice(0, 3).map((c) => c.replace(/\s+/g, ' ')),
        )})`,
      };
    }
  }
  const header = rows.reduce((a, b) => (b.length > a.length ? b : a));
  if (header.length < 2) return undefined;
  const shown = header.slice(0, 5).join(', ') + (header.length > 5 ? ', …' : '');
  return {
    detected: 'a spreadsheet',
    reason:
      `It looks like a spreadsheet, but its header row (${shown}) matches none of the templates. ` +
      'Start from a template (npx imh-feed template sessions, services or term-dates), ' +
      'or rename the columns to the template’s.',
  };
}

/**
 * What a source holds, from its content alone: a spreadsheet by its header row, an iCalendar file
 * by BEGIN:VCALENDAR, an OpenActive page by `items` and `next`, an Open Referral page by its
 * wrapper or a service by its fields, GOV.UK bank holidays by their divisions, an imh-widgets feed
 * by `version`. What it cannot read (a web page, a PDF, a workbook) gets a sentence saying what to
 * do instead.
 *
 * @param contentType The server's Content-Type, when the source was fetched.
 */
export async function detectFormat(input: Uint8Array | string, contentType?: string): Promise<Detection> {
  if (typeof input != 'string') {
    if (!input.length) return { reason: 'It is empty.' };
    const b = binary(input);
    if (b) return b;
  }
  const text = decodeBytes(input).text;
  const start = text.trimStart();
  if (!start) return { reason: 'It is empty.' };
  const page = webPage(start, contentType);
  if (page) return page;
  if (/^BEGIN:VCALENDAR/i.test(start)) return calendar(text);
  if (start[0] == '{' || start[0] == '[') {
    try {
      return json(JSON.parse(text));
    } catch (e) {
      const where = locateJsonError(text);
      return {
        detected: 'JSON with a mistake in it',
        reason: `It looks like JSON but is not valid: ${
          where ? `line ${where.line}, column ${where.column}: expected ${where.expected}` : (e as Error).message
        }.`,
      };
    }
  }
  if (start.startsWith('<')) {
    return { detected: 'XML', reason: `It is XML, which this tool does not read. ${READS}` };
  }
  return (await spreadsheet(input, text)) ?? { reason: `It is not a format this tool reads. ${READS}` };
}

// ---------------------------------------------------------------------------------------------
// Reading a source

/**
 * A source to read: a file's bytes and name, or an address (with its answer, when the caller has
 * already fetched it: the studio reads an address once to see whether it is the editor's own feed).
 */
export type SourceInput =
  { name: string; bytes: Uint8Array | string } | { address: string; bytes?: Uint8Array; contentType?: string };

export interface ReadOptions extends Omit<ImportOptions, 'name'> {
  /**
   * Read it as this format instead of detecting one. `term-dates` is either term-dates format,
   * whichever the content is (a spreadsheet or a calendar).
   */
  format?: ImportFormat | 'term-dates';
  /** The largest answer read from an address, in bytes (default 50 MB). */
  maxBytes?: number;
  /** Bank holidays: which GOV.UK division to take (default england-and-wales). */
  division?: string;
}

/** An address that could not be read, with whether the connection itself failed (CORS, in a browser). */
export interface UnreachableSource extends UnreadSource {
  /**
   * The request never got an answer: no connection, or (in a browser) the server does not allow
   * other sites to read it (CORS).
   */
  unreachable?: boolean;
}

/** `webcal://` is how calendar apps write an `https://` address. */
export const normaliseAddress = (address: string): string => address.trim().replace(/^webcals?:\/\//i, 'https://');
/** An address to fetch: http(s), or a calendar's webcal. */
export const isAddress = (text: string): boolean => isHttpAddress(normaliseAddress(text));

/** GETs an address as bytes, or says why not. */
async function fetchSource(
  url: string,
  options: ReadOptions,
): Promise<{ bytes: Uint8Array; contentType: string } | UnreachableSource> {
  const got = await fetchBytes(url, {
    fetch: options.fetch,
    signal: options.signal,
    headers: { Accept: 'text/csv, text/calendar, application/json, application/ld+json;q=0.9, */*;q=0.5' },
  });
  if (!got.ok) return { name: url, failed: got.reason, ...(got.unreachable ? { unreachable: true } : {}) };
  const max = options.maxBytes ?? 50_000_000;
  if (got.bytes.length > max) {
    return { name: url, failed: `The answer is larger than ${Math.round(max / 1e6)} MB, too large to import.` };
  }
  return { bytes: got.bytes, contentType: got.contentType };
}

/**
 * Reads one source and imports it with the importer its content calls for. Never throws for bad
 * input: a source that cannot be read, recognised or imported gives an `UnreadSource` with a
 * sentence; one an importer could not use gives its result with `report.failed`.
 *
 * An address is fetched once: importers that follow pages are given the address and find its
 * first page already read.
 */
export async function importSource(
  input: SourceInput,
  options: ReadOptions = {},
): Promise<ImportResult | UnreachableSource> {
  let bytes: Uint8Array | string;
  let name: string;
  let contentType: string | undefined;
  let address: string | undefined;
  if ('address' in input) {
    address = normaliseAddress(input.address);
    name = input.address.trim();
    if (input.bytes) {
      bytes = input.bytes;
      contentType = input.contentType;
    } else {
      options.onProgress?.(`Reading ${name}…`);
      const got = await fetchSource(address, options);
      if ('failed' in got) return { ...got, name };
      ({ bytes, contentType } = got);
    }
  } else {
    ({ bytes, name } = input);
  }

  let detection = await detectFormat(bytes, contentType);
  // A forced format applies to anything readable: a recognised format, or a spreadsheet or JSON
  // that matched none; never to a web page, a PDF or broken JSON.
  const readable = detection.format || detection.detected == 'a spreadsheet' || detection.detected == 'JSON';
  if (options.format == 'term-dates' && readable) {
    detection = /ics/.test(detection.format ?? '')
      ? { format: 'term-dates-ics', detected: 'school term dates in an iCalendar file (as asked)' }
      : { format: 'term-dates-csv', detected: 'school term dates in a spreadsheet (as asked)' };
  } else if (options.format && options.format != 'term-dates' && readable && detection.format != options.format) {
    detection = { format: options.format, detected: `${FORMAT_NAMES[options.format]} (as asked)` };
  }
  if (!detection.format) return { name, failed: detection.reason, detected: detection.detected };

  const entry = REGISTRY[detection.format];
  if (!entry) {
    return {
      name,
      detected: detection.detected,
      failed: `It is ${detection.detected}, but this version of imh-widgets cannot import that yet.`,
    };
  }
  // Importers that follow pages start from the address; its first page is answered from memory.
  let first: Uint8Array | undefined = typeof bytes == 'string' ? undefined : bytes;
  const fetchOnce: typeof fetch = async (url, init) => {
    const asked = typeof url == 'string' ? url : url instanceof URL ? url.href : url.url;
    if (first && address && normaliseAddress(asked) == address) {
      const body = first;
      first = undefined;
      return new Response(body.slice().buffer, { status: 200, headers: { 'content-type': contentType ?? '' } });
    }
    return (options.fetch ?? globalThis.fetch)(url, init);
  };
  const { format: _format, maxBytes: _max, ...rest } = options;
  try {
    const importer = await entry.load();
    const result = await importer(entry.address && address ? address : bytes, { ...rest, name, fetch: fetchOnce });
    result.report.detected = detection.detected;
    result.report.format = detection.format;
    return result;
  } catch (e) {
    // Importers never throw for bad input; this is a fault in one, said plainly.
    return {
      name,
      detected: detection.detected,
      failed: `It is ${detection.detected}, but reading it stopped unexpectedly (${
        e instanceof Error ? e.message : String(e)
      }). Please report this, with the file if you can.`,
    };
  }
}
