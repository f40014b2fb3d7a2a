/**
 * The spreadsheet route: sessions and services from CSV files as Excel and Google Sheets save
 * them, with the column names of the templates in `templates/` (documented in
 * `templates/README.md`). Plain TypeScript with no DOM, used by `imh-feed import` and the feed
 * studio alike.
 *
 * Every row is reported: imported, imported with losses (a value left out or guessed, with the
 * reason), or skipped (why), each by its row number as the spreadsheet shows it and the column's
 * name as the file writes it. A file that cannot be used as a whole (a workbook, a web page, no
 * header, a quote mark never closed, no rows, no row usable) gives `report.failed` and no items, so
 * a caller never writes a worse feed over a better one.
 *
 * Ids are stable across runs (see `templates/README.md`, "Ids"): an `Id` column wins; otherwise a
 * session's id comes from its name, venue and days ("baby-massage-bob-jones-hub-mo"), with its
 * start time and then its first date added only when two rows would otherwise share an id; a
 * place's from its venue and postcode; an organisation's from its name; a service's from its
 * name (and postcode when two services share a name). Adding, removing or reordering other rows
 * changes none of them.
 */
import { DAYS } from '../feed/vocabulary.js';
import type { Source } from '../feed/types.js';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import {
  cleanText,
  datesBetween,
  IdAllocator,
  isBlank,
  languageCode,
  languageName,
  parseCost,
  parseDate,
  parseDateRange,
  parseDays,
  parseEmail,
  parseOpeningHours,
  parsePhoneWithNote,
  parseTime,
  parseTimeRange,
  parseUrl,
  parseYesNo,
  quoted,
  slugify,
  splitList,
  stableId,
  stagesForMonths,
  weekdayOf,
  type Parsed,
} from './common.js';
import { readTable, type ColumnSpec, type TableRow } from './table.js';
import type { ImportOptions, ImportReport, ImportResult, RecordNote, RecordReport, SourceNote } from './types.js';

type Item = Record<string, unknown>;
type Text = string | Record<string, string>;

// ---------------------------------------------------------------------------------------------
// Columns

const col = (key: string, name: string, aliases: string[] = [], translatable = false): ColumnSpec => ({
  key,
  name,
  aliases,
  translatable,
});

const PLACE_COLUMNS = [
  col('venue', 'Venue', ['Place', 'Location', 'Where', 'Venue name'], true),
  col('address', 'Address', ['Street', 'Venue address', 'Street address']),
  col('postcode', 'Postcode', ['Post code', 'Postal code']),
];
const RUN_BY = col('runBy', 'Run by', [
  'Organiser',
  'Organizer',
  'Organised by',
  'Organized by',
  'Provider',
  'Provided by',
  'Delivered by',
  'Organisation',
]);

/** The sessions template's columns, in its order. */
export const SESSION_COLUMNS: ColumnSpec[] = [
  col('name', 'Session name', ['Name', 'Session', 'Title', 'Activity', 'Session title'], true),
  col('category', 'Category', ['Session type']),
  col('description', 'Description', ['About', 'Details', 'About the session'], true),
  col('day', 'Day', ['Days', 'Day of the week', 'Weekday']),
  col('start', 'Start time', ['Start', 'Time', 'Times', 'Starts']),
  col('end', 'End time', ['End', 'Finish', 'Finish time', 'Ends']),
  col('often', 'How often', ['Frequency', 'Repeats', 'Repeat']),
  col('first', 'First date', ['Start date', 'Date', 'Starts on', 'From date']),
  col('last', 'Last date', ['End date', 'Ends on', 'Until date']),
  col('term', 'Term time only', ['Term time', 'Term-time only', 'Term only']),
  col('except', 'Not running on', ['Not on', 'Except', 'Exceptions', 'Closed on', 'No session on', 'Cancelled on']),
  ...PLACE_COLUMNS,
  col('ageFrom', 'Age from (months)', ['Age from', 'From age (months)', 'Min age (months)', 'Minimum age']),
  col('ageTo', 'Age to (months)', ['Age to', 'To age (months)', 'Max age (months)', 'Maximum age']),
  col('pregnant', 'Also for pregnant parents', ['Pregnant parents', 'For pregnant parents', 'Pregnancy', 'Antenatal']),
  col('cost', 'Cost', ['Price', 'Fee', 'Charge'], true),
  col('booking', 'Booking', ['Booking required', 'Booking needed', 'Do I need to book', 'Book']),
  col('bookingUrl', 'Booking link', ['Booking url', 'Booking website', 'Booking page', 'Book online']),
  col('bookingPhone', 'Booking phone', ['Phone', 'Telephone', 'Phone number', 'Contact number', 'Booking telephone']),
  col('bookingEmail', 'Booking email', ['Email', 'E-mail', 'Contact email', 'Booking e-mail']),
  RUN_BY,
  col('languages', 'Languages', ['Language', 'Languages spoken']),
  col('notes', 'Notes', ['Note', 'More information', 'Additional information', 'Other information'], true),
  col('url', 'Web page', ['Website', 'Link', 'Web address', 'URL', 'More information link']),
  col('id', 'Id', ['ID', 'Session id']),
];

/** The services template's columns, in its order. */
export const SERVICE_COLUMNS: ColumnSpec[] = [
  col('name', 'Service name', ['Name', 'Service', 'Title'], true),
  col('kind', 'Kind', ['Type', 'Service type', 'Kind of service']),
  col('urgency', 'Urgency', ['How urgent']),
  col('summary', 'Summary', ['Short description', 'In short'], true),
  col('description', 'Description', ['About', 'Details', 'Full description'], true),
  col('audience', 'Who it is for', ['Audience', 'Who for', 'Who is it for', 'For']),
  col('stages', 'Stages', ['Stage', 'Ages', 'Age range', 'Age']),
  col('phone', 'Phone', ['Telephone', 'Phone number', 'Phones', 'Helpline', 'Tel']),
  col('text', 'Text', ['Text number', 'SMS', 'Text message']),
  col('textphone', 'Textphone', ['Text phone', 'Minicom', 'Relay UK']),
  col('email', 'Email', ['E-mail', 'Email address']),
  col('website', 'Website', ['Web address', 'Web page', 'Link', 'URL']),
  col('ios', 'App Store link', ['App Store', 'iPhone app', 'iOS app', 'iPhone link', 'iOS link']),
  col('android', 'Google Play link', ['Google Play', 'Play Store', 'Android app', 'Android link']),
  col('eligibility', 'Eligibility', ['Who can use it', 'Criteria', 'Eligibility criteria'], true),
  col('self', 'Self-referral', ['Self referral', 'Refer yourself', 'Can refer themselves', 'Self-refer']),
  col('referrers', 'Who can refer', ['Referred by', 'Referral from', 'Referrals from', 'Referrers']),
  col('how', 'How to refer', ['How to access', 'How to get help', 'Referral process', 'Referral'], true),
  col('hours', 'Opening hours', ['Hours', 'Opening times', 'Open']),
  col('hoursNote', 'Hours note', ['Opening hours note', 'Hours notes'], true),
  col('languages', 'Languages', ['Language', 'Languages spoken']),
  col('cost', 'Cost', ['Price', 'Fee', 'Charge'], true),
  col('area', 'Area', ['Area served', 'Service area', 'Coverage'], true),
  col('reviewed', 'Last checked', ['Reviewed', 'Last reviewed', 'Date checked', 'Checked on', 'Last updated']),
  RUN_BY,
  ...PLACE_COLUMNS,
  col('id', 'Id', ['ID', 'Service id']),
];

const SESSION_REQUIRED = [['name'], ['day', 'first'], ['start']];
const SERVICE_REQUIRED = [['name']];

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** The languages the elements speak (codes), for a note when a translation column names another. */
const SHIPPED = new Set([sourceLocale, ...targetLocales].filter((c) => c != 'en-XA').map((c) => c.split('-')[0]));

/** One row being read: its cells, and what happened to them. */
class RowReader {
  notes: RecordNote[] = [];
  skipped?: RecordNote;
  constructor(
    readonly row: TableRow,
    private headers: Map<string, string>,
    readonly what: string,
  ) {}
  get(key: string): string | undefined {
    return this.row.cells.get(key);
  }
  /** The column's header as the file writes it, else as the template does. */
  column(key: string): string {
    return this.headers.get(key) ?? [...SESSION_COLUMNS, ...SERVICE_COLUMNS].find((c) => c.key == key)?.name ?? key;
  }
  private say(key: string | undefined, text: string) {
    return key ? `Row ${this.row.row}, ${this.column(key)}: ${text}` : `Row ${this.row.row}: ${text}`;
  }
  /** Something was left out or guessed: the row is imported with losses. */
  loss(key: string | undefined, text: string) {
    this.notes.push({ field: key && this.column(key), message: this.say(key, text) });
  }
  /** The row cannot be imported. Returns undefined, for `return row.skip(…)`. */
  skip(key: string | undefined, text: string): undefined {
    this.skipped ??= {
      field: key && this.column(key),
      message: this.say(key, `${text} This ${this.what} was skipped.`),
    };
    return undefined;
  }
  /** A parsed cell: its value; a guess noted; a problem noted as left out. */
  read<T>(key: string, parse: (text: string) => Parsed<T>): T | undefined {
    const raw = this.get(key);
    if (raw === undefined) return undefined;
    const p = parse(raw);
    if (p.problem) this.loss(key, `${p.problem}. It was left out.`);
    else if (p.guess) this.loss(key, `${p.guess}.`);
    return p.value;
  }
  /** A parsed cell that the row cannot do without when given: a problem skips the row. */
  need<T>(key: string, parse: (text: string) => Parsed<T>): Parsed<T> {
    const raw = this.get(key);
    if (raw === undefined) return {};
    const p = parse(raw);
    if (p.problem) this.skip(key, `${p.problem}.`);
    else if (p.guess) this.loss(key, `${p.guess}.`);
    return p;
  }
  /** Text with its translation columns: a plain string, or `{ en, cy, … }`. */
  text(key: string): Text | undefined {
    const main = this.get(key);
    const t = this.row.translations.get(key);
    if (!t?.size) return main;
    return { ...(main ? { en: main } : {}), ...Object.fromEntries(t) };
  }
}

const englishOf = (t: Text | undefined): string | undefined =>
  t === undefined ? undefined : typeof t == 'string' ? t : (t.en ?? Object.values(t)[0]);

const joinText = (a: Text | undefined, b: Text | undefined): Text | undefined => {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (typeof a == 'string' && typeof b == 'string') return `${a}\n\n${b}`;
  const ma = typeof a == 'string' ? { en: a } : a;
  const mb = typeof b == 'string' ? { en: b } : b;
  const out: Record<string, string> = {};
  for (const lang of new Set([...Object.keys(ma), ...Object.keys(mb)])) {
    out[lang] = [ma[lang] ?? ma.en, mb[lang] ?? mb.en].filter(Boolean).join('\n\n');
  }
  return out;
};

/** "wv108tg" → "WV10 8TG"; undefined when it does not look like a UK postcode. */
const ukPostcode = (text: string) => {
  const t = text.toUpperCase().replace(/\s+/g, '');
  return /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/.test(t) ? `${t.slice(0, -3)} ${t.slice(-3)}` : undefined;
};

/** "Blakeley Green Road, Wolverhampton" → street and locality; the postcode, if typed in, is left to its column. */
const splitAddress = (text: string, postcode?: string) => {
  let parts = text
    .split(/\s*[,\n]\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (postcode) parts = parts.filter((p) => ukPostcode(p) != postcode);
  const found = parts.length && !postcode ? ukPostcode(parts[parts.length - 1]) : undefined;
  if (found) parts = parts.slice(0, -1);
  const address: Record<string, string> = {};
  if (parts.length > 1) {
    address.street = parts.slice(0, -1).join(', ');
    address.locality = parts[parts.length - 1];
  } else if (parts.length) address.street = parts[0];
  return { address, postcode: found };
};

interface PlaceDraft {
  key: string;
  name: Text;
  venue: string;
  postcode?: string;
  address?: Record<string, string>;
  addressText?: string;
  firstRow: number;
}

/** Places and organisations from the rows, de-duplicated, with stable ids. */
class Directory {
  places = new Map<string, PlaceDraft>();
  organisations = new Map<string, { name: string; firstRow: number }>();

  /** Reads Venue, Address and Postcode. Returns the place's key, or undefined when the row names none. */
  place(r: RowReader): string | undefined {
    const venueText = r.text('venue');
    const venue = englishOf(venueText);
    const addressRaw = r.get('address');
    const postcodeRaw = r.get('postcode');
    if (!venue && !addressRaw && !postcodeRaw) return;
    let postcode = postcodeRaw && ukPostcode(postcodeRaw);
    if (postcodeRaw && !postcode) {
      r.loss('postcode', `${quoted(postcodeRaw)} does not look like a UK postcode; it was kept as written.`);
      postcode = cleanText(postcodeRaw).toUpperCase();
    }
    const split = addressRaw ? splitAddress(addressRaw, postcode) : undefined;
    postcode ??= split?.postcode;
    const name = venueText ?? split?.address.street ?? postcode!;
    const key = `${slugify(englishOf(name) ?? '') || englishOf(name)}|${(postcode ?? '').replace(/\s/g, '')}`;
    const address = { ...split?.address, ...(postcode ? { postcode } : {}) };
    const known = this.places.get(key);
    if (!known) {
      this.places.set(key, {
        key,
        name,
        venue: englishOf(name)!,
        postcode,
        address: Object.keys(address).length ? address : undefined,
        addressText: addressRaw,
        firstRow: r.row.row,
      });
    } else if (addressRaw && known.addressText && cleanText(addressRaw) != cleanText(known.addressText)) {
      r.loss(
        'address',
        `${quoted(addressRaw)} differs from row ${known.firstRow}'s address for the same venue and postcode; ` +
          `row ${known.firstRow}'s was kept.`,
      );
    } else if (addressRaw && !known.address) {
      known.address = address;
      known.addressText = addressRaw;
    }
    return key;
  }

  organisation(r: RowReader): string | undefined {
    const name = r.get('runBy');
    if (!name) return;
    const key = slugify(name) || name.toLowerCase();
    if (!this.organisations.has(key)) this.organisations.set(key, { name, firstRow: r.row.row });
    return key;
  }

  /**
   * Ids for every place and organisation, and the place each key resolves to: a venue written
   * without its postcode joins the one place of that name that has one.
   */
  resolve(ref: (id: string) => Item) {
    const placeIds = new Map<string, string>();
    const withPostcode = new Map<string, PlaceDraft[]>();
    for (const p of this.places.values()) {
      const name = p.key.split('|')[0];
      if (p.postcode) withPostcode.set(name, [...(withPostcode.get(name) ?? []), p]);
    }
    const ids = new IdAllocator();
    const places: Item[] = [];
    // Sorted by key, so ids do not depend on the order of rows.
    for (const p of [...this.places.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
      const name = p.key.split('|')[0];
      const twin = !p.postcode && withPostcode.get(name)?.length == 1 ? withPostcode.get(name)![0] : undefined;
      if (twin) continue;
      const id = ids.claim(stableId([p.venue, p.postcode], 'place'));
      placeIds.set(p.key, id);
      places.push({ id, name: p.name, ...(p.address ? { address: p.address } : {}), source: ref(id) });
    }
    for (const p of this.places.values()) {
      const name = p.key.split('|')[0];
      if (!placeIds.has(p.key)) placeIds.set(p.key, placeIds.get(withPostcode.get(name)![0].key)!);
    }
    const orgIds = new Map<string, string>();
    const organisations: Item[] = [];
    const orgAlloc = new IdAllocator();
    for (const [key, o] of [...this.organisations].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const id = orgAlloc.claim(stableId([o.name], 'organisation'));
      orgIds.set(key, id);
      organisations.push({ id, name: o.name, source: ref(id) });
    }
    return { places, organisations, placeIds, orgIds };
  }
}

/** Languages cell → codes; unknown names are a loss. */
const readLanguages = (r: RowReader): string[] | undefined => {
  const raw = r.get('languages');
  if (!raw) return;
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const name of splitList(raw.replace(/\s+(?:and|&)\s+/gi, ';'), { commas: true })) {
    const code = languageCode(name);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(name);
  }
  if (unknown.length) {
    r.loss(
      'languages',
      `${unknown.map(quoted).join(', ')} ${unknown.length == 1 ? 'is not a language' : 'are not languages'} ` +
        `this importer knows; write names like English, Welsh, Urdu or codes like en, cy, ur. ` +
        `${unknown.length == 1 ? 'It was' : 'They were'} left out.`,
    );
  }
  return codes.length ? codes : undefined;
};

const readCost = (r: RowReader): Item | undefined => {
  const cost = r.read('cost', parseCost);
  const t = r.row.translations.get('cost');
  if (cost && t?.size) {
    // Translations of the cost cell translate its words (the note), not the amount.
    const notes: Record<string, string> = cost.note ? { en: cost.note } : {};
    for (const [lang, text] of t) {
      const note = parseCost(text).value?.note;
      if (note) notes[lang] = note;
    }
    if (Object.keys(notes).length > 1 || (!cost.note && Object.keys(notes).length)) {
      return { ...cost, note: notes };
    }
  }
  return cost as Item | undefined;
};

/** The `sources` entry for this file, and its id (from the file's name, the same on every run). */
const sourceFor = (options: ImportOptions): Source => {
  const name = options.name;
  const isUrl = /^https?:\/\//i.test(name);
  const base = isUrl ? name : (name.split(/[\\/]/).pop() ?? name);
  const source: Source = {
    id: stableId(
      [
        base
          .replace(/[?#].*$/, '')
          .split('/')
          .pop(),
      ],
      'spreadsheet',
    ),
    kind: 'spreadsheet',
    imported: (options.now ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z'),
  };
  if (isUrl) source.url = name;
  else source.file = base;
  return source;
};

interface RowResult {
  reader: RowReader;
  /** The feed item without id and references, or undefined when skipped. */
  item?: Item;
  placeKey?: string;
  orgKey?: string;
  /** What identifies it, for its id: most telling first. */
  identity: string[];
  /** Told apart by these when two rows share an identity. */
  tiebreaks: (string | undefined)[];
  explicitId?: string;
}

/** Gives every row its id: the Id column, else identity, else identity plus tiebreaks, else -2, -3. */
const assignIds = (results: RowResult[], prefix: string, what: string): Map<RowResult, string> => {
  const out = new Map<RowResult, string>();
  const alloc = new IdAllocator();
  for (const r of results) {
    if (!r.explicitId) continue;
    if (alloc.has(r.explicitId)) {
      const first = results.find((o) => out.get(o) == r.explicitId)!;
      r.reader.skip(
        'id',
        `${quoted(r.explicitId)} is already the Id of row ${first.reader.row.row}; Ids must be unique.`,
      );
      r.item = undefined;
      continue;
    }
    out.set(r, alloc.claim(r.explicitId));
  }
  const groups = new Map<string, RowResult[]>();
  for (const r of results) {
    if (out.has(r) || !r.item) continue;
    const base = stableId(r.identity, prefix);
    groups.set(base, [...(groups.get(base) ?? []), r]);
  }
  for (const [base, group] of groups) {
    const ids = group.map(() => base);
    for (let level = 1; level <= (group[0]?.tiebreaks.length ?? 0); level++) {
      const seen = new Map<string, number>();
      ids.forEach((id) => seen.set(id, (seen.get(id) ?? 0) + 1));
      group.forEach((r, i) => {
        if (seen.get(ids[i])! > 1) ids[i] = stableId([base, ...r.tiebreaks.slice(0, level)], prefix);
      });
    }
    group.forEach((r, i) => {
      const id = alloc.claim(ids[i]);
      if (id != ids[i]) {
        const twin = group.find((o) => out.get(o) == ids[i]);
        r.reader.loss(
          undefined,
          `this ${what} repeats row ${twin?.reader.row.row ?? '?'} (the same name, place, days, time and first ` +
            `date), so it was given the id ${quoted(id)}; delete one of the two rows if it is there twice by ` +
            `mistake, or add an Id column.`,
        );
      }
      out.set(r, id);
    });
  }
  return out;
};

const readExplicitId = (r: RowReader): string | undefined => {
  const raw = r.get('id');
  if (!raw) return;
  const id = slugify(raw, 80);
  if (!id) {
    r.loss('id', `${quoted(raw)} has no letters or digits to make an id from; an id was made from the ${r.what}.`);
    return;
  }
  if (id != raw)
    r.loss('id', `${quoted(raw)} was written as the id ${quoted(id)} (lower-case letters, digits and hyphens).`);
  return id;
};

/** Runs the importer's row reader over a table and puts the result together. */
function assemble(
  input: Uint8Array | string,
  options: ImportOptions,
  kind: 'sessions' | 'services',
  readRow: (r: RowReader, directory: Directory) => RowResult | undefined,
): ImportResult {
  const source = sourceFor(options);
  const what = kind == 'sessions' ? 'session' : 'service';
  const format = kind == 'sessions' ? 'sessions-csv' : 'services-csv';
  const table = readTable(input, {
    columns: kind == 'sessions' ? SESSION_COLUMNS : SERVICE_COLUMNS,
    required: kind == 'sessions' ? SESSION_REQUIRED : SERVICE_REQUIRED,
    source: options.name,
    what,
    template: `templates/${kind}.csv`,
  });
  const detected =
    kind == 'sessions'
      ? 'a sessions spreadsheet (its header has Session name, Day and Start time)'
      : 'a services spreadsheet (its header has Service name)';
  const report: ImportReport = {
    format,
    detected,
    source: options.name,
    records: [],
    notes: [...table.notes],
  };
  if (table.failed) return { feed: {}, source, report: { ...report, failed: table.failed } };
  for (const [key, langs] of table.languages) {
    for (const lang of langs.filter((l) => !SHIPPED.has(l.split('-')[0]))) {
      report.notes.push({
        level: 'info',
        message:
          `The ${table.headers.get(key)} column in ${languageName(lang)} was imported, but the elements do not ` +
          `speak ${languageName(lang)} yet: readers see the English until they do.`,
        at: { source: options.name, row: table.headerRow },
      });
    }
  }
  const directory = new Directory();
  const results: RowResult[] = [];
  for (const row of table.rows) {
    const reader = new RowReader(row, table.headers, what);
    const result = readRow(reader, directory) ?? { reader, identity: [], tiebreaks: [] };
    if (reader.skipped) result.item = undefined;
    results.push(result);
  }
  const ref = (id: string) => ({ ref: source.id, id });
  const ids = assignIds(results, what, what);
  const used = results.filter((r) => r.item);
  // Places and organisations only for the rows imported.
  const keep = new Directory();
  for (const r of used) {
    if (r.placeKey) keep.places.set(r.placeKey, directory.places.get(r.placeKey)!);
    if (r.orgKey) keep.organisations.set(r.orgKey, directory.organisations.get(r.orgKey)!);
  }
  const { places, organisations, placeIds, orgIds } = keep.resolve(ref);
  const items: Item[] = [];
  for (const r of results) {
    const rowName = englishOf(r.item?.name as Text | undefined) ?? r.reader.get('name') ?? `Row ${r.reader.row.row}`;
    const record: RecordReport = {
      outcome: 'skipped',
      name: rowName,
      at: { source: options.name, row: r.reader.row.row },
      items: [],
      notes: r.reader.skipped ? [r.reader.skipped] : r.reader.notes, // a skipped row's other notes are moot
    };
    if (r.item) {
      const id = ids.get(r)!;
      const item: Item = { id, ...r.item };
      const placeId = r.placeKey && placeIds.get(r.placeKey);
      if (placeId) item.place = placeId;
      const orgId = r.orgKey && orgIds.get(r.orgKey);
      if (orgId) item[kind == 'sessions' ? 'organiser' : 'organisation'] = orgId;
      item.source = ref(id);
      items.push(item);
      record.outcome = r.reader.notes.length ? 'imported-with-losses' : 'imported';
      record.items.push({ list: kind, id });
      if (placeId) record.items.push({ list: 'places', id: placeId });
      if (orgId) record.items.push({ list: 'organisations', id: orgId });
    } else if (r.reader.skipped) record.at.column = r.reader.skipped.field;
    report.records.push(record);
  }
  if (!items.length) {
    const n = results.length;
    return {
      feed: {},
      source,
      report: {
        ...report,
        failed:
          `None of the ${n == 1 ? 'one row' : `${n} rows`} could be imported, so nothing was; ` +
          `the reason for each row is below.`,
      },
    };
  }
  const feed: ImportResult['feed'] = { [kind]: items };
  if (places.length) feed.places = places;
  if (organisations.length) feed.organisations = organisations;
  return { feed, source, report };
}

// ---------------------------------------------------------------------------------------------
// Sessions

const FREQUENCIES: [RegExp, string][] = [
  [/^(once|one[- ]?off|one time|single( session)?|just once|one day only|no repeat|does not repeat)$/, 'once'],
  [/^(every|each) ?day$|^daily$/, 'P1D'],
  [/^(every ?week|weekly|each week|every)$/, 'P1W'],
  [
    /^(every (other|second|2nd|two|2) weeks?|fortnightly|every fortnight|alternate weeks|bi-?weekly|twice monthly)$/,
    'P2W',
  ],
  [/^every (three|3|third|3rd) weeks?$/, 'P3W'],
  [/^every (four|4|fourth|4th) weeks?$/, 'P4W'],
  [/^(monthly|every month|each month|once a month)$/, 'P1M'],
];
const OFTEN_HINT = 'write Every week, Every other week, Monthly or Once';

const readFrequency = (text: string): Parsed<string> => {
  const t = cleanText(text).toLowerCase().replace(/[.!]$/, '').replace(/\s+/g, ' ');
  const hit = FREQUENCIES.find(([re]) => re.test(t));
  if (!hit) return { problem: `${quoted(text)} is not a way of repeating; ${OFTEN_HINT}` };
  if (t.startsWith('bi') || t == 'twice monthly') {
    return { value: hit[1], guess: `${quoted(text)} was read as every other week` };
  }
  return { value: hit[1] };
};

/** "Monday" for MO. */
const DAY_NAME: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const ORDINAL_NAME: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '5': 'fifth' };
const nthName = (code: string) => {
  const n = code.slice(0, -2);
  return `${n == '-1' ? 'last' : ORDINAL_NAME[n]} ${DAY_NAME[code.slice(-2)]}`;
};
const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Today's date in a time zone. */
const today = (now: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now)
    .reduce<Record<string, string>>((o, p) => ((o[p.type] = p.value), o), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
};

/** Ages like "6", "6 months", "1 year", "18m", "birth". */
const readAge = (text: string): Parsed<number | 'pregnancy'> => {
  const t = cleanText(text).toLowerCase();
  if (/^(birth|newborn|new ?born|0 ?(weeks?|days?))$/.test(t)) return { value: 0 };
  if (/^(pregnan|bump|antenatal|before birth)/.test(t)) return { value: 'pregnancy' };
  const m = /^(\d+(?:\.\d+)?)\s*(m|mo|mos|months?|y|yr|yrs|years?|w|wks?|weeks?)?$/.exec(t);
  if (!m) return { problem: `${quoted(text)} is not an age in months; write a number, like 6 or 24` };
  const n = Number(m[1]);
  const unit = m[2]?.[0];
  const months = unit == 'y' ? n * 12 : unit == 'w' ? Math.floor(n / 4.345) : n;
  if (months > 60) return { problem: `${quoted(text)} is more than 60 months (5 years), the oldest a session can say` };
  return { value: Math.round(months * 10) / 10 };
};

/** Booking: "Drop in" / "Required" and their many spellings; other words are kept as a note. */
const readBooking = (r: RowReader): { required?: boolean; note?: string } => {
  const raw = r.get('booking');
  if (!raw) return {};
  const t = raw
    .toLowerCase()
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (
    /^(drop ?in|just turn up|turn up|walk ?in|no|n|false|not (needed|required)|no booking( needed| required)?|none)$/.test(
      t,
    )
  ) {
    return { required: false };
  }
  if (
    /^(required|yes|y|true|essential|book|booking( is)? (required|essential|needed)|must book|please book|book ahead|book first|needed|pre-?book(ing)?( required)?)$/.test(
      t,
    )
  ) {
    return { required: true };
  }
  if (/\b(drop ?in|no (need|booking)|not (needed|required))\b/.test(t)) return { required: false, note: raw };
  if (/\b(book|booking|register|places? (are )?limited|spaces? (are )?limited)\b/.test(t))
    return { required: true, note: raw };
  r.loss(
    'booking',
    `${quoted(raw)} does not say whether booking is needed; it was kept as a note. Write Required or Drop in.`,
  );
  return { note: raw };
};

/** Term time only: yes/no, or words that say it ("Term time", "All year"). */
const readTermTime = (text: string): Parsed<boolean> => {
  const t = cleanText(text).toLowerCase();
  if (/^(term[- ]?time( only)?|during term( time)?|terms? only|school terms?)$/.test(t)) return { value: true };
  if (/^(all year( round)?|year[- ]round|holidays too|includes holidays)$/.test(t)) return { value: false };
  return parseYesNo(text);
};

/** Which week of the month a date falls in, as a byDay code: 2026-09-11 (second Friday) → 2FR. */
const nthOf = (date: string) => {
  const n = Math.ceil(Number(date.slice(8, 10)) / 7);
  return `${n == 5 ? -1 : n}${DAYS[weekdayOf(date)]}`;
};

function readSession(r: RowReader, directory: Directory, options: ImportOptions): RowResult | undefined {
  const result: RowResult = { reader: r, identity: [], tiebreaks: [] };
  const name = r.text('name');
  if (name === undefined) return (r.skip('name', 'is blank; every session needs a name.'), result);
  const days = r.need('day', (t) => parseDays(t));
  const often = r.need('often', readFrequency);
  const first = r.need('first', (t) => parseDate(t));
  const last = r.need('last', (t) => parseDate(t));
  if (r.skipped) return result;

  // Times: "Start time" may hold the whole range ("10:00–11:30").
  let startTime: string | undefined;
  let endTime: string | undefined;
  let ranged = false;
  const startRaw = r.get('start');
  if (startRaw) {
    const range =
      /\d.*(?:[-–—~]|\bto\b|\buntil\b|\btill\b).*\d|noon|midday/i.test(startRaw) && parseTimeRange(startRaw);
    if (range && range.value) {
      ranged = true;
      startTime = range.value.start;
      endTime = range.value.end == '24:00' ? undefined : range.value.end;
      if (range.guess) r.loss('start', `${range.guess}.`);
      const endRaw = r.get('end');
      if (endRaw) {
        const end = parseTime(endRaw).value;
        if (end != endTime) {
          r.loss(
            'end',
            `${quoted(endRaw)} differs from the end of the range in ${r.column('start')}; the range was used.`,
          );
        }
      }
    } else {
      const start = r.need('start', (t) => parseTime(t));
      if (!start.value) return result;
      startTime = start.value;
    }
  } else r.loss('start', 'is blank, so the session is listed without a time.');
  if (startTime && !ranged && r.get('end')) {
    const end = r.read('end', (t) => parseTime(t));
    if (end && end <= startTime) {
      r.loss('end', `${quoted(r.get('end')!)} is not after the start time ${startTime}; it was left out.`);
    } else endTime = end;
  } else if (!startTime && r.get('end')) {
    r.loss('end', `${quoted(r.get('end')!)} was left out, since there is no start time.`);
  }

  // How often, on which days, from when.
  let frequency = often.value;
  let byDay = days.value?.byDay;
  const nth = !!byDay?.some((d) => d.length > 2);
  if (days.value?.frequency && !frequency) frequency = days.value.frequency;
  else if (days.value?.frequency == 'P2W' && frequency != 'P2W') {
    r.loss('often', `${quoted(r.get('often')!)} was used, though ${r.column('day')} says every other week.`);
  }
  if (nth && frequency != 'P1M') {
    if (frequency) {
      r.loss(
        'often',
        `${quoted(r.get('often')!)} was read as monthly, since ${r.column('day')} names a week of the month ` +
          `(${quoted(r.get('day')!)}).`,
      );
    }
    frequency = 'P1M';
  }
  const todayIso = today(options.now ?? new Date(), options.timeZone ?? 'Europe/London');
  let startDate = first.value;
  if (!frequency) frequency = byDay ? 'P1W' : startDate ? 'once' : undefined;
  if (!frequency)
    return (r.skip('day', `is blank and so is ${r.column('first')}; say which day the session is on.`), result);
  if (frequency == 'once') {
    if (!startDate) {
      return (r.skip('first', `is blank; a session that happens once needs its date here.`), result);
    }
    if (byDay && !byDay.includes(DAYS[weekdayOf(startDate)])) {
      r.loss(
        'day',
        `${quoted(r.get('day')!)} does not match ${ukDate(startDate)}, a ` +
          `${DAY_NAME[DAYS[weekdayOf(startDate)]]}; the date was used.`,
      );
    }
    if (last.value && last.value != startDate) {
      r.loss('last', `${quoted(r.get('last')!)} was left out: the session happens once, on ${ukDate(startDate)}.`);
    }
    byDay = undefined;
  } else {
    if (!startDate) {
      if (frequency == 'P2W' || frequency == 'P3W' || frequency == 'P4W' || (frequency == 'P1M' && !nth)) {
        return (
          r.skip(
            'first',
            `is blank; a session every ${frequency == 'P1M' ? 'month' : `${frequency[1]} weeks`} needs its ` +
              `first date, ` +
              `so the ${frequency == 'P1M' ? 'week of the month' : 'weeks'} it runs in can be worked out.`,
          ),
          result
        );
      }
      startDate = todayIso;
      r.loss(
        'first',
        `is blank, so the session is listed from the day of the import (${ukDate(todayIso)}); add the date ` +
          `it started ` +
          `so its dates stay the same on every import.`,
      );
    }
    if (!byDay && frequency != 'P1D') byDay = [DAYS[weekdayOf(startDate)]];
    if (frequency == 'P1M' && byDay && !nth) {
      const code = nthOf(startDate);
      const n = code.slice(0, -2);
      byDay = byDay.map((d) => `${n}${d}`);
      r.loss(
        'often',
        `"Monthly" was read as the ${byDay.map(nthName).join(' and ')} of each month, from the first date ` +
          `${ukDate(startDate)}; write it in ${r.column('day')}, like "First Monday of the month", to be sure.`,
      );
    }
    if (frequency == 'P1D') byDay = undefined;
  }
  if (last.value && startDate && last.value < startDate && frequency != 'once') {
    return (r.skip('last', `${ukDate(last.value)} is before the first date ${ukDate(startDate)}.`), result);
  }

  const schedule: Item = { startDate };
  if (frequency != 'once') {
    schedule.repeatFrequency = frequency;
    if (byDay) schedule.byDay = byDay;
    if (last.value) schedule.endDate = last.value;
  }
  if (startTime) schedule.startTime = startTime;
  if (endTime) schedule.endTime = endTime;
  const termTime = r.read('term', readTermTime);
  if (termTime) schedule.termTimeOnly = true;

  // Not running on: dates, ranges, "Bank holidays", "School holidays".
  const exceptRaw = r.get('except');
  if (exceptRaw) {
    const dates = new Set<string>();
    const weekdays = new Set((byDay ?? DAYS).map((d) => d.slice(-2)));
    for (const entry of exceptRaw.split(/\s*(?:[;\n]|,(?!\s*\d{4}))\s*/).filter((e) => !isBlank(e))) {
      const lower = entry.toLowerCase();
      if (/bank\s*hol/.test(lower)) {
        schedule.notOnBankHolidays = true;
        continue;
      }
      if (/^(school\s+holidays?|half[- ]?terms?|(all\s+)?school holidays and half[- ]?terms?|holidays)$/.test(lower)) {
        if (!schedule.termTimeOnly) {
          schedule.termTimeOnly = true;
          r.loss('except', `${quoted(entry)} was read as term time only.`);
        }
        continue;
      }
      const range = parseDateRange(entry);
      if (!range.value) {
        r.loss(
          'except',
          /\d/.test(entry)
            ? `${range.problem}. It was left out.`
            : `${quoted(entry)} is not a date; write dates like 26/10/2026, ranges like 26/10/2026–30/10/2026, ` +
                `or Bank holidays. It was left out.`,
        );
        continue;
      }
      if (range.guess) r.loss('except', `${range.guess}.`);
      const all = datesBetween(range.value.start, range.value.end);
      const on = all.filter((d) => weekdays.has(DAYS[weekdayOf(d)]));
      if (all.length == 1 && !on.length) {
        r.loss(
          'except',
          `${ukDate(all[0])} is a ${DAY_NAME[DAYS[weekdayOf(all[0])]]}, a day this session does not run; ` +
            `it was left out.`,
        );
      }
      on.forEach((d) => dates.add(d));
    }
    if (dates.size) schedule.exceptDate = [...dates].sort();
  }

  const session: Item = { name };
  const category = r.get('category');
  if (category) {
    const id = slugify(category);
    if (id) session.category = id;
    else r.loss('category', `${quoted(category)} has no letters or digits to make a category from; it was left out.`);
  }
  const description = joinText(r.text('description'), r.text('notes'));
  if (description !== undefined) session.description = description;

  // Ages.
  const from = r.read('ageFrom', readAge);
  const to = r.read('ageTo', readAge);
  const pregnant = r.read('pregnant', parseYesNo);
  const ageRange: Item = {};
  if (pregnant || from == 'pregnancy') ageRange.pregnancy = true;
  if (typeof from == 'number') ageRange.fromMonths = from;
  if (typeof to == 'number') ageRange.toMonths = to;
  if (typeof from == 'number' && typeof to == 'number' && from > to) {
    r.loss(
      'ageTo',
      `${quoted(r.get('ageTo')!)} is younger than ${r.column('ageFrom')} (${from}); both ages were left out.`,
    );
    delete ageRange.fromMonths;
    delete ageRange.toMonths;
  }
  if (Object.keys(ageRange).length) session.ageRange = ageRange;

  // Where, and who runs it.
  const venue = englishOf(r.text('venue'));
  if (venue && /^(online|virtual|zoom|microsoft teams|teams|on zoom|online \(.*\))$/i.test(venue)) {
    const online: Item = {};
    const link = r.get('address') && parseUrl(r.get('address')!).value;
    if (link) online.url = link;
    if (!/^online$/i.test(venue)) online.note = venue;
    session.online = online;
  } else {
    result.placeKey = directory.place(r);
  }
  result.orgKey = directory.organisation(r);

  const cost = readCost(r);
  if (cost) session.cost = cost;
  const booking: Item = {};
  const b = readBooking(r);
  if (b.required !== undefined) booking.required = b.required;
  const url = r.read('bookingUrl', parseUrl);
  if (url) booking.url = url;
  const phone = r.read('bookingPhone', parsePhoneWithNote);
  if (phone) booking.phone = phone.number;
  const email = r.read('bookingEmail', parseEmail);
  if (email) booking.email = email;
  const bookingNote = [b.note, phone?.note].filter(Boolean).join('; ');
  if (bookingNote) booking.note = bookingNote;
  if (Object.keys(booking).length) session.booking = booking;
  const languages = readLanguages(r);
  if (languages) session.languages = languages;
  const page = r.read('url', parseUrl);
  if (page) session.url = page;
  session.schedule = schedule;

  result.item = session;
  result.explicitId = readExplicitId(r);
  // Days in the id read as they are said: "mo-th", "1mo" (first Monday), "last-fr".
  const dayKey = byDay?.map((d) => d.replace(/^-1/, 'last-')).join('-');
  result.identity = [englishOf(name), venue, dayKey ?? (frequency == 'once' ? startDate : frequency)].filter(
    (p): p is string => !!p,
  );
  result.tiebreaks = [startTime?.replace(':', ''), startDate];
  return result;
}

/**
 * Reads a sessions spreadsheet (the columns of `templates/sessions.csv`) into `sessions`, with
 * the `places` and `organisations` they name. Never throws.
 */
export async function importSessionsCsv(input: Uint8Array | string, options: ImportOptions): Promise<ImportResult> {
  return guarded(input, options, 'sessions', (r, d) => readSession(r, d, options));
}

// ---------------------------------------------------------------------------------------------
// Services

const KIND_WORDS: [RegExp, string][] = [
  [/^(app|mobile app|phone app|smartphone app)s?$/, 'app'],
  [
    /^(helpline|phone ?line|help ?line|advice line|support line|phone|telephone( service)?|crisis line|text ?line|text service)s?$/,
    'helpline',
  ],
  [/^(group|support group|peer support( group)?|drop[- ]in( group)?|class)(es|s)?$/, 'group'],
  [/^(website|web ?site|online|web|online resource|resource|information|online information)s?$/, 'website'],
  [/^(service|support|team|clinic|organisation|charity|home visiting|face to face|in person)s?$/, 'service'],
];
const URGENCY_WORDS: [RegExp, string][] = [
  [/^(routine|normal|non[- ]?urgent|not urgent|standard|general|low)$/, 'routine'],
  [/^(urgent|same day|soon|high)$/, 'urgent'],
  [/^(emergency|crisis|immediate|999|life[- ]threatening)$/, 'emergency'],
];
const AUDIENCE_WORDS: [RegExp, string][] = [
  [/^(parents?|all parents|new parents)$/, 'parents'],
  [/^(mums?|mothers?|moms?|new mums|women)$/, 'mums'],
  [/^(dads?|fathers?|new dads|men)$/, 'dads'],
  [/^(co-?parents?|partners?|second parents?|non-birthing parents?)$/, 'co-parents'],
  [/^(carers?|kinship carers?|foster carers?|guardians?|grandparents?)$/, 'carers'],
  [/^(pregnant( women| people| parents)?|expectant( parents| mums| mothers)?|parents-to-be|mums-to-be)$/, 'pregnant'],
  [/^(famil(y|ies)|whole family)$/, 'families'],
  [/^(practitioners?|professionals?|staff|health professionals?|workers?)$/, 'practitioners'],
];
const REFERRER_WORDS: [RegExp, string][] = [
  [/^(self|self[- ]referral|yourself|parents?|families)$/, 'self'],
  [/^(gps?|doctors?|general practitioners?|family doctors?)$/, 'gp'],
  [/^(health ?visitors?|hvs?|0-19 team|health visiting( team)?)$/, 'health-visitor'],
  [/^(midwi(fe|ves)|midwifery( team)?)$/, 'midwife'],
  [/^(social workers?|children'?s social care|social care)$/, 'social-worker'],
  [/^(family hubs?|children'?s centres?|early help)$/, 'family-hub'],
  [/^(any professional|professionals?|any agency|practitioners?|any practitioner)$/, 'any-professional'],
];
const pick = (words: [RegExp, string][], text: string) => {
  const t = cleanText(text).toLowerCase().replace(/[.!]$/, '').replace(/’/g, "'");
  return words.find(([re]) => re.test(t))?.[1];
};
const readList = (r: RowReader, key: string, words: [RegExp, string][], hint: string): string[] | undefined => {
  const raw = r.get(key);
  if (!raw) return;
  const out: string[] = [];
  const unknown: string[] = [];
  for (const entry of splitList(raw.replace(/\s+(?:and|&|or)\s+/gi, ';').replace(/\//g, ';'), { commas: true })) {
    const v = pick(words, entry);
    if (v) {
      if (!out.includes(v)) out.push(v);
    } else unknown.push(entry);
  }
  if (unknown.length) {
    r.loss(
      key,
      `${unknown.map(quoted).join(', ')} ${unknown.length == 1 ? 'is' : 'are'} not one of ${hint}; left out.`,
    );
  }
  return out.length ? out : undefined;
};

/** Stages: "Pregnancy; 0–12 months; 12–24 months", "0-2 years", "Birth to 1", "Under 5s", "All". */
const readStages = (r: RowReader): string[] | undefined => {
  const raw = r.get('stages');
  if (!raw) return;
  const out = new Set<string>();
  const unknown: string[] = [];
  for (const entry of splitList(raw.replace(/\s*,\s*/g, ';'))) {
    const t = entry
      .toLowerCase()
      .replace(/[–—]/g, '-')
      .replace(/\s+/g, ' ')
      .replace(/\bbirth\b|\bnewborn\b/g, '0')
      .replace(/\b(one|two|three|four|five)\b/g, (w) => String(['one', 'two', 'three', 'four', 'five'].indexOf(w) + 1));
    if (/^(all|all stages|any|any age|everyone|0-5|0 - 5|under 5s?|under fives|early years)( years?)?$/.test(t)) {
      ['pregnancy', '0-12m', '12-24m'].forEach((s) => out.add(s));
      continue;
    }
    if (/pregnan|antenatal|bump|expecting|before birth/.test(t)) {
      out.add('pregnancy');
      if (!/\d/.test(t)) continue;
    }
    const under = /under (\d+)s?( years?| months?)?/.exec(t);
    const range = /(\d+)\s*(months?|m|years?|yrs?|y)?\s*(?:-|to)\s*(\d+)\s*(months?|m|years?|yrs?|y)?/.exec(t);
    const months = (n: string, unit?: string) => (unit?.[0] == 'y' ? +n * 12 : !unit && +n <= 5 ? +n * 12 : +n);
    if (range) {
      const unit = range[4] ?? range[2];
      stagesForMonths(months(range[1], unit), months(range[3], unit)).forEach((s) => out.add(s));
    } else if (under) stagesForMonths(0, months(under[1], under[2] ?? 'y') - 0.01).forEach((s) => out.add(s));
    else if (/^(babies|baby|infants?)$/.test(t)) out.add('0-12m');
    else if (/^(toddlers?)$/.test(t)) out.add('12-24m');
    else if (!/pregnan|antenatal|bump|expecting|before birth/.test(t)) unknown.push(entry);
  }
  if (unknown.length) {
    r.loss(
      'stages',
      `${unknown.map(quoted).join(', ')} ${unknown.length == 1 ? 'is not a stage' : 'are not stages'}; ` +
        `write Pregnancy, ` +
        `0–12 months or 12–24 months (or ages like 0–2 years). Left out.`,
    );
  }
  const order = ['pregnancy', '0-12m', '12-24m'];
  return out.size ? order.filter((s) => out.has(s)) : undefined;
};

const readPhones = (r: RowReader, key: string, kind: 'voice' | 'text' | 'textphone'): Item[] => {
  const raw = r.get(key);
  if (!raw) return [];
  const out: Item[] = [];
  for (const entry of splitList(raw)) {
    const p = parsePhoneWithNote(entry);
    if (p.problem) {
      r.loss(key, `${p.problem}. It was left out.`);
      continue;
    }
    if (p.guess) r.loss(key, `${p.guess}.`);
    const phone: Item = { number: p.value!.number };
    if (kind != 'voice') phone.kind = kind;
    if (p.value!.note) phone.note = p.value!.note;
    out.push(phone);
  }
  return out;
};

function readService(r: RowReader, directory: Directory): RowResult | undefined {
  const result: RowResult = { reader: r, identity: [], tiebreaks: [] };
  const name = r.text('name');
  if (name === undefined) return (r.skip('name', 'is blank; every service needs a name.'), result);
  const service: Item = { name };
  const kindRaw = r.get('kind');
  if (kindRaw) {
    const kind = pick(KIND_WORDS, kindRaw);
    if (kind) service.kind = kind;
    else
      r.loss(
        'kind',
        `${quoted(kindRaw)} is not a kind of service; write App, Helpline, Service, Group or Website. It was left out.`,
      );
  }
  const urgencyRaw = r.get('urgency');
  if (urgencyRaw) {
    const urgency = pick(URGENCY_WORDS, urgencyRaw);
    if (urgency) service.urgency = urgency;
    else
      r.loss(
        'urgency',
        `${quoted(urgencyRaw)} is not an urgency; write Routine, Urgent or Emergency. It was left out.`,
      );
  }
  for (const key of ['summary', 'description', 'eligibility', 'area'] as const) {
    const t = r.text(key);
    if (t !== undefined) service[key] = t;
  }
  const audience = readList(
    r,
    'audience',
    AUDIENCE_WORDS,
    'Parents, Mums, Dads, Co-parents, Carers, Pregnant, Families or Practitioners',
  );
  if (audience) service.audience = audience;
  const stages = readStages(r);
  if (stages) service.stages = stages;

  const contact: Item = {};
  const website = r.read('website', parseUrl);
  if (website) contact.url = website;
  const email = r.read('email', parseEmail);
  if (email) contact.email = email;
  const phones = [
    ...readPhones(r, 'phone', 'voice'),
    ...readPhones(r, 'text', 'text'),
    ...readPhones(r, 'textphone', 'textphone'),
  ];
  if (phones.length) contact.phones = phones;
  if (Object.keys(contact).length) service.contact = contact;
  const apps: Item = {};
  const ios = r.read('ios', parseUrl);
  if (ios) apps.ios = ios;
  const android = r.read('android', parseUrl);
  if (android) apps.android = android;
  if (Object.keys(apps).length) service.apps = apps;

  const referral: Item = {};
  const self = r.read('self', parseYesNo);
  if (self !== undefined) referral.self = self;
  const by = readList(
    r,
    'referrers',
    REFERRER_WORDS,
    'Self, GP, Health visitor, Midwife, Social worker, Family hub or Any professional',
  );
  if (by) referral.by = by;
  if (by?.includes('self') && referral.self === undefined) referral.self = true;
  const how = r.text('how');
  if (how !== undefined) referral.how = how;
  if (Object.keys(referral).length) service.referral = referral;

  const hoursRaw = r.get('hours');
  let hoursNote = r.text('hoursNote');
  if (hoursRaw) {
    const h = parseOpeningHours(hoursRaw);
    if (h.guess) r.loss('hours', `${h.guess}.`);
    if (h.value?.hours.length) service.hours = h.value.hours;
    if (h.value?.unread.length) {
      const unread = h.value.unread.join('; ');
      hoursNote = joinText(unread, hoursNote);
      r.loss(
        'hours',
        `${quoted(unread)} could not be read as days and times, so it is shown as written; write hours like ` +
          `"Mon–Fri 9am–5pm; Sat 10am–1pm".`,
      );
    }
  }
  if (hoursNote !== undefined) service.hoursNote = hoursNote;
  const languages = readLanguages(r);
  if (languages) service.languages = languages;
  const cost = readCost(r);
  if (cost) service.cost = cost;
  const reviewed = r.read('reviewed', (t) => parseDate(t));
  if (reviewed) service.reviewed = reviewed;
  result.placeKey = directory.place(r);
  result.orgKey = directory.organisation(r);

  result.item = service;
  result.explicitId = readExplicitId(r);
  result.identity = [englishOf(name) ?? ''];
  result.tiebreaks = [r.get('postcode') ?? englishOf(r.text('venue')), englishOf(r.text('summary'))];
  return result;
}

/**
 * Reads a services spreadsheet (the columns of `templates/services.csv`) into `services`, with
 * the `places` and `organisations` they name. Never throws.
 */
export async function importServicesCsv(input: Uint8Array | string, options: ImportOptions): Promise<ImportResult> {
  return guarded(input, options, 'services', readService);
}

// ---------------------------------------------------------------------------------------------

/** An unexpected error becomes a failed report with a sentence, never a stack trace. */
function guarded(
  input: Uint8Array | string,
  options: ImportOptions,
  kind: 'sessions' | 'services',
  readRow: (r: RowReader, directory: Directory) => RowResult | undefined,
): ImportResult {
  try {
    return assemble(input, options, kind, readRow);
  } catch (error) {
    const notes: SourceNote[] = [];
    return {
      feed: {},
      source: sourceFor(options),
      report: {
        format: kind == 'sessions' ? 'sessions-csv' : 'services-csv',
        detected: `a ${kind} spreadsheet`,
        source: options.name,
        records: [],
        notes,
        failed:
          `The ${kind} spreadsheet could not be read because of a fault in the importer, so nothing was imported ` +
          `(${error instanceof Error ? error.message : String(error)}). Please report it with the file.`,
      },
    };
  }
}

/**
 * Which template a spreadsheet follows, from its header: sessions (Session name with Day or
 * First date, and Start time), services (Service name), or neither. For format detection.
 */
export function spreadsheetKind(input: Uint8Array | string): 'sessions-csv' | 'services-csv' | undefined {
  const common = { source: '', what: '', template: '' };
  if (!readTable(input, { ...common, columns: SESSION_COLUMNS, required: SESSION_REQUIRED }).failed) {
    return 'sessions-csv';
  }
  const services = readTable(input, { ...common, columns: SERVICE_COLUMNS, required: SERVICE_REQUIRED });
  if (services.failed) return;
  // "Name" alone is too common: a services sheet says Service name, or has columns only services have.
  const only = ['kind', 'urgency', 'eligibility', 'referrers', 'self', 'how', 'hours', 'stages', 'ios', 'android'];
  const header = services.headers.get('name') ?? '';
  return /service/i.test(header) || only.filter((k) => services.headers.has(k)).length >= 2
    ? 'services-csv'
    : undefined;
}
