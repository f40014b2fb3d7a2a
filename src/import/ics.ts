/**
 * The calendar route: an iCalendar (.ics) file or address → feed sessions, with the places,
 * organisations and report that go with them (the contract is `./types.ts`).
 *
 * Calendars as Google, Outlook/Exchange, Zimbra and council CMSs write them: RRULE, EXDATE, RDATE,
 * RECURRENCE-ID overrides (cancelled, moved in time, place or date), all-day events, folded lines
 * and escaped text. And as they really are: Windows zone names, zones the file never defines,
 * misquoted TZIDs, series written in UTC, exceptions that match nothing, one broken line (which
 * costs its own event and nothing else).
 *
 * How it reads a file:
 * 1. A tolerant pre-pass (`ics/lines.ts`): bytes → text, unfolding, quoting repairs, the file cut
 *    into components, each property line read by ical.js on its own.
 * 2. Zones (`ics/zones.ts`) resolved to IANA names; every time is turned into the wall-clock time
 *    of its series' zone with the project's own `schedule/civil.ts` (Intl), never ical.js's zones.
 * 3. Each series becomes one session: its rule as the feed's schedule (`ics/rule.ts`), or, when
 *    the feed cannot say the rule (BYSETPOS beyond "the nth weekday", BYWEEKNO, BYYEARDAY, BYHOUR…),
 *    its dates over the next 12 months listed one by one; EXDATEs as `exceptDate`; RDATEs and
 *    overrides as `occurrences`.
 *
 * Choices, documented for editors in the report as they happen:
 * - A series written in UTC (`DTSTART:…Z` with a RRULE, or TZID=UTC) keeps the wall-clock time its
 *   first date has in the calendar's zone (X-WR-TIMEZONE, else the feed's): what its author meant.
 * - An event whose last date is before the import is left out (reported), as is one marked
 *   cancelled (STATUS:CANCELLED) or private (CLASS:PRIVATE or CONFIDENTIAL).
 * - An EXDATE on a date the series does not run is reported and dropped; one at another time of
 *   day than the series still cancels that date (reported).
 * - A series' first date (DTSTART) always counts, as RFC 5545 says, even when the rule would not
 *   pick it (ical.js leaves it out; Google and Apple Calendar show it).
 */
import ICAL from 'ical.js';
import type { ItemSource, Source } from '../feed/types.js';
import { wallClock, type DayNumber } from '../schedule/civil.js';
import { compactId, fetchText, htmlPage, parseEmail, placeholderEmail, sourceId } from './common.js';
import { readLines, structure, type Block, type Calendar, type Line, type Prop } from './ics/lines.js';
import { Series, suffixed, type SeriesContext, type Vevent } from './ics/series.js';
import { norm, oneLine, param, quoteLine, textOf, values } from './ics/values.js';
import { isUtcZone, matchCandidates, matchVtimezone, zoneByName, type ResolvedZone } from './ics/zones.js';
import type { ImportOptions, ImportReport, ImportResult, RecordNote, RecordReport, SourceNote } from './types.js';

type Json = Record<string, unknown>;

/** Who wrote the file, from its PRODID, for the report. */
function producer(prodid: string | undefined): string | undefined {
  if (!prodid) return undefined;
  const known: [RegExp, string][] = [
    [/google/i, 'Google Calendar'],
    [/exchange/i, 'Microsoft Exchange'],
    [/outlook|microsoft/i, 'Microsoft Outlook'],
    [/zimbra/i, 'Zimbra'],
    [/apple/i, 'Apple Calendar'],
    [/mozilla/i, 'Thunderbird'],
  ];
  for (const [re, name] of known) if (re.test(prodid)) return name;
  // "-//Anytown Council//Events Calendar 3.2//EN" → "Anytown Council, Events Calendar 3.2"
  return prodid
    .split('//')
    .filter((p) => p && p != '-' && !/^[A-Z]{2}$/.test(p))
    .join(', ');
}

/** One import: the file's zones, the items made so far, and the report. */
class IcsImport implements SeriesContext {
  readonly feedZone: string;
  readonly today: DayNumber;
  calendarZone: string;
  readonly sourceRef: string;
  readonly notes: SourceNote[] = [];
  readonly sessions: Json[] = [];
  readonly places = new Map<string, Json>();
  readonly organisations = new Map<string, Json>();
  past = 0;
  private readonly sessionIds = new Map<string, string>();
  private readonly zones = new Map<string, ResolvedZone & { noted?: boolean }>();
  private readonly vtimezones = new Map<string, ICAL.Timezone>();
  private floatingNoted = false;

  constructor(
    readonly cal: Calendar,
    readonly options: ImportOptions,
    source: Source,
    readonly now: Date,
  ) {
    this.feedZone = options.timeZone ?? 'Europe/London';
    this.sourceRef = source.id;
    this.calendarZone = this.feedZone;
    this.today = wallClock(now, this.feedZone).day;
  }

  private at(line: number, id?: string) {
    return { source: this.options.name, line, ...(id ? { id } : {}) };
  }

  /**
   * Registers the file's VTIMEZONEs (reporting the unusable ones) and settles the calendar's own
   * zone: X-WR-TIMEZONE, else the one zone the file defines, else the feed's.
   */
  readZones() {
    const defined: string[] = [];
    for (const block of this.cal.components.filter((c) => c.name == 'VTIMEZONE')) {
      const tzid = textOf(block.props.find((p) => p.name == 'TZID' && p.jcal));
      if (!tzid) {
        this.notes.push({
          level: 'warning',
          message:
            'A time zone definition (VTIMEZONE) has no name (TZID), so nothing can use it; it was left out. ' +
            'Times are read by the names of their zones.',
          at: this.at(block.line),
        });
        continue;
      }
      defined.push(tzid);
      try {
        const component = new ICAL.Component(ICAL.parse(blockText(block)) as unknown[]);
        this.vtimezones.set(tzid, new ICAL.Timezone(component.getFirstSubcomponent('vtimezone')!));
      } catch {
        this.notes.push({
          level: 'warning',
          message:
            `The definition of the time zone “${tzid}” cannot be read, so it was left out; times in it ` +
            `are read by its name.`,
          at: this.at(block.line),
        });
      }
    }
    const xwr = textOf(this.cal.props.find((p) => p.name == 'X-WR-TIMEZONE' && p.jcal));
    const fromHeader = xwr ? zoneByName(xwr) : undefined;
    if (xwr && !fromHeader) {
      this.notes.push({
        level: 'warning',
        message:
          `The calendar names its time zone “${xwr}” (X-WR-TIMEZONE), which is not a zone this ` +
          `importer knows; times written without a zone are read as ${this.feedZone} times.`,
      });
    }
    if (fromHeader) this.calendarZone = fromHeader.zone;
    else {
      const zones = new Set(
        defined
          .map((tzid) => this.resolve(tzid, 0, true))
          .filter((r) => r.how != 'unknown')
          .map((r) => r.zone),
      );
      for (const z of [...zones]) if (isUtcZone(z)) zones.delete(z);
      if (zones.size == 1) this.calendarZone = [...zones][0];
    }
    // Zones matched or defaulted before the calendar's zone was known are worked out again.
    this.zones.clear();
  }

  resolve(tzid: string, line: number, quiet = false): ResolvedZone {
    let got = this.zones.get(tzid);
    if (!got) {
      const tz = this.vtimezones.get(tzid);
      const byName = zoneByName(tzid);
      const year = this.now.getUTCFullYear();
      const matched =
        !byName && tz ? matchVtimezone(tz, matchCandidates([this.calendarZone, this.feedZone]), year) : undefined;
      got = byName ?? (matched ? { zone: matched, how: 'defined' } : { zone: this.calendarZone, how: 'unknown' });
      this.zones.set(tzid, got);
    }
    if (!quiet && line && !got.noted) {
      got.noted = true;
      const message = {
        iana: undefined,
        windows: `The time zone “${tzid}” (a Windows name) is read as ${got.zone}.`,
        'display-name': `The time zone “${tzid}” (an Outlook name) is read as ${got.zone}.`,
        defined:
          `The time zone “${tzid}” is defined in the file, and its clock changes are those of ` +
          `${got.zone}, so it is read as ${got.zone}.`,
        unknown:
          `The time zone “${tzid}” is not one this importer knows` +
          (this.vtimezones.has(tzid)
            ? ', and its definition in the file matches none it knows'
            : ', and the file does not define it') +
          `, so times in it are read as ${got.zone} times. Check them.`,
      }[got.how];
      if (message) this.notes.push({ level: got.how == 'unknown' ? 'warning' : 'info', message, at: this.at(line) });
    }
    return got;
  }

  noteFloating(line: number) {
    if (this.floatingNoted) return;
    this.floatingNoted = true;
    const header = this.cal.props.some((p) => p.name == 'X-WR-TIMEZONE' && p.jcal);
    this.notes.push({
      level: header ? 'info' : 'warning',
      message: header
        ? `Times written without a time zone are read as ${this.calendarZone} times (the calendar's X-WR-TIMEZONE).`
        : `Some times are written without a time zone; they are read as ${this.calendarZone} times.`,
      at: this.at(line),
    });
  }

  record(e: Vevent, outcome: RecordReport['outcome'], notes: RecordNote[], items: RecordReport['items'] = []) {
    return {
      outcome: outcome != 'skipped' && notes.length ? 'imported-with-losses' : outcome,
      name: e.summary ?? `The event at line ${e.block.line}`,
      at: this.at(e.block.line, e.uid),
      items: outcome == 'skipped' ? [] : items,
      notes,
    } satisfies RecordReport;
  }

  private itemSource(id: string): ItemSource {
    return { ref: this.sourceRef, id };
  }

  sessionId(key: string): string {
    let id = compactId(key, 64);
    // Keys that slugify alike (Baby_Yoga, baby-yoga) get a hash of their own; a repeated key (two
    // events with neither UID nor anything else to tell them apart) one of its count.
    for (let n = 1; this.sessionIds.has(id); n++) id = suffixed(compactId(key, 64), n == 1 ? key : `${key}|${n}`);
    this.sessionIds.set(id, key);
    return id;
  }

  place(text: string, geo: unknown, notes: RecordNote[], line: number): string {
    const parsed = parseLocation(text);
    const key = `${norm(parsed.name)}|${parsed.address?.postcode ?? ''}`;
    let place = this.places.get(key);
    if (!place) {
      let id = compactId(parsed.address ? `${parsed.name} ${parsed.address.postcode}` : parsed.name, 48);
      if ([...this.places.values()].some((p) => p.id == id)) id = suffixed(id, key);
      place = { id, name: parsed.name, source: this.itemSource(oneLine(text)) };
      if (parsed.address) place.address = parsed.address;
      const g = Array.isArray(geo) ? geo.map(Number) : [];
      if (g.length == 2 && Math.abs(g[0]) <= 90 && Math.abs(g[1]) <= 180) place.geo = { lat: g[0], lng: g[1] };
      this.places.set(key, place);
      if (parsed.address) {
        // A guess, but one about the place rather than this event: said once, for the file.
        this.notes.push({
          level: 'info',
          message:
            `The place “${parsed.name}” has an address worked out from the location ` +
            `“${oneLine(text)}”; check it in the feed.`,
          at: this.at(line),
        });
      }
    }
    if (!parsed.address) {
      notes.push({
        field: 'LOCATION',
        message:
          `Its location “${oneLine(text)}” has no address, so its place has a name only; add the ` +
          `address to the place.`,
      });
    }
    return String(place.id);
  }

  organisation(p: Prop): string | undefined {
    const value = String(values(p)[0] ?? '').trim();
    const cn = param(p, 'cn')?.replace(/^"|"$/g, '').trim();
    const address = value.replace(/^mailto:/i, '');
    // Google names the calendar itself as organiser: its address is no one's mailbox.
    const email = parseEmail(address).value;
    const mailbox =
      !email ||
      /@(group|import|resource)\.calendar\.google\.com$|^unknownorganizer@/i.test(email) ||
      placeholderEmail(email)
        ? undefined
        : email;
    const name = cn || mailbox;
    if (!name) return undefined;
    const key = (mailbox ?? name).toLowerCase();
    let org = this.organisations.get(key);
    if (!org) {
      let id = compactId(name, 48);
      if ([...this.organisations.values()].some((o) => o.id == id)) id = suffixed(id, key);
      org = { id, name, source: this.itemSource(value || name) };
      if (mailbox) org.email = mailbox;
      this.organisations.set(key, org);
    }
    return String(org.id);
  }

  addSession(session: Json) {
    this.sessions.push(session);
  }

  countPast() {
    this.past++;
  }

  /** The file's events, each with its properties by name and the first problem that stops it. */
  events(): Vevent[] {
    const out: Vevent[] = [];
    for (const block of this.cal.components) {
      if (block.name != 'VEVENT') continue;
      const props = new Map<string, Prop[]>();
      let problem = block.unclosed ? `It is cut off: ${block.unclosed}.` : undefined;
      for (const p of block.props) {
        if (p.problem && !problem) problem = `Line ${p.line} ${quoteLine(p.text)} ${p.problem}.`;
        if (!props.has(p.name)) props.set(p.name, []);
        props.get(p.name)!.push(p);
      }
      const first = (name: string) => props.get(name)?.find((p) => p.jcal);
      out.push({
        block,
        props,
        uid: textOf(first('UID')),
        summary: textOf(first('SUMMARY')),
        problem,
        recurrenceId: first('RECURRENCE-ID'),
      });
    }
    return out;
  }

  /** Imports every series, yielding to the page now and then; returns a record per event, in file order. */
  async run(signal?: AbortSignal): Promise<RecordReport[]> {
    const events = this.events();
    const groups = new Map<string, Vevent[]>();
    for (const e of events) {
      const key = e.uid ?? `line-${e.block.line}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(e);
    }
    const records = new Map<Vevent, RecordReport>();
    let since = Date.now();
    for (const group of groups.values()) {
      if (signal?.aborted) throw new Stopped();
      try {
        for (const [e, r] of new Series(this, group).build()) records.set(e, r);
      } catch (error) {
        // A fault in this importer costs the series it met, not the calendar.
        const why = error instanceof Error ? error.message : String(error);
        for (const e of group) {
          records.set(
            e,
            this.record(e, 'skipped', [
              {
                message:
                  `It could not be imported: the importer met something it did not expect (${why}). ` +
                  'Please report this, with the file if you can.',
              },
            ]),
          );
        }
      }
      if (Date.now() - since > 10) {
        // Let a page that runs the import paint and respond between series.
        await new Promise((resolve) => setTimeout(resolve, 0));
        since = Date.now();
      }
    }
    return events.map((e) => records.get(e)!);
  }
}

class Stopped extends Error {
  override name = 'Stopped';
}

/** A VTIMEZONE's lines again, as a calendar ical.js can read on its own. */
function blockText(block: Block): string {
  const lines = (b: Block): string[] => [
    `BEGIN:${b.name}`,
    ...b.props.map((p) => p.text),
    ...b.children.flatMap(lines),
    `END:${b.name}`,
  ];
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines(block), 'END:VCALENDAR'].join('\r\n');
}

const POSTCODE = /\b(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/i;

/**
 * A LOCATION's text as a place: "Bob Jones Hub, 12 High Street, Anytown, WV1 1AA" → the name
 * "Bob Jones Hub" and an address (street, locality, postcode) when it ends with a UK postcode;
 * otherwise the whole text as the name and no address.
 */
export function parseLocation(text: string): {
  name: string;
  address?: { street?: string; locality?: string; postcode: string };
} {
  const parts = text
    .split(/\s*(?:\n|,)\s*/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const last = parts[parts.length - 1] ?? '';
  const m = POSTCODE.exec(last);
  if (!m) return { name: parts.join(', ') || text.trim() };
  const raw = m[1].toUpperCase().replace(/\s+/g, '');
  const postcode = `${raw.slice(0, -3)} ${raw.slice(-3)}`;
  const rest = [...parts.slice(0, -1), last.replace(m[0], '').trim()].filter(Boolean);
  if (rest.length == 0) return { name: postcode, address: { postcode } };
  const [name, ...lines] = rest;
  const address: { street?: string; locality?: string; postcode: string } = { postcode };
  if (lines.length && !/\d/.test(lines[lines.length - 1])) address.locality = lines.pop();
  if (lines.length) address.street = lines.join(', ');
  return { name, address };
}

// ---------------------------------------------------------------------------------------------
// Entry point

const ADDRESS = /^(https?|webcals?):\/\/\S+$/i;

/** Why a text is not a calendar, in a sentence, or undefined when it starts like one. */
function notACalendar(lines: Line[], contentType = ''): string | undefined {
  if (lines.some((l) => /^BEGIN:VCALENDAR\s*$/i.test(l.text))) return undefined;
  const text = lines.map((l) => l.text).join('\n');
  const first = lines.find((l) => l.text.trim())?.text.trim();
  if (!first) return 'The file is empty, so there is no calendar to import.';
  const page = htmlPage(text, contentType);
  if (page) {
    return (
      `It is a web page${page.title ? ` (“${page.title}”)` : ''}, not a calendar. ` +
      'Use the calendar’s own .ics address: in Google Calendar, the calendar’s settings give a ' +
      '“public address in iCal format”; in Outlook, “Publish a calendar” gives an ICS link.'
    );
  }
  if (/^[[{]/.test(first)) {
    return 'It is JSON data, not an iCalendar (.ics) file. If it is a feed or a directory, import it as that instead.';
  }
  return (
    `It is not an iCalendar (.ics) file: a calendar starts with BEGIN:VCALENDAR, and this one starts ` +
    `with ${quoteLine(first)}.`
  );
}

/**
 * Imports an iCalendar file (its bytes or text) or address (`https:` or `webcal:`, fetched with
 * `options.fetch`). Never throws for bad input: a source that is not a usable calendar gives
 * `report.failed` and an empty feed.
 */
export async function importIcs(input: Uint8Array | string, options: ImportOptions): Promise<ImportResult> {
  const now = options.now ?? new Date();
  const address =
    typeof input == 'string' && ADDRESS.test(input.trim()) ? input.trim().replace(/^webcals?:/i, 'https:') : undefined;
  const source: Source = {
    id: sourceId('ics', options.name),
    kind: 'ics',
    name: options.name,
    // The import command passes an address's bytes with the address as the name.
    ...(address || ADDRESS.test(options.name.trim())
      ? { url: address ?? options.name.trim().replace(/^webcals?:/i, 'https:') }
      : { file: options.name.replace(/^.*[\\/]/, '') }),
    imported: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const report: ImportReport = {
    format: 'ics',
    detected: 'an iCalendar file (.ics)',
    source: options.name,
    records: [],
    notes: [],
  };
  const failed = (why: string): ImportResult => ({ feed: {}, source, report: { ...report, records: [], failed: why } });

  let content: Uint8Array | string = input;
  let contentType = '';
  if (address) {
    const got = await fetchText(address, {
      fetch: options.fetch,
      signal: options.signal,
      what: 'the calendar',
      headers: { Accept: 'text/calendar, text/plain;q=0.9, */*;q=0.1' },
    });
    if (!got.ok) return failed(got.reason);
    content = got.text;
    contentType = got.contentType;
  }

  const { lines, encoding } = readLines(content);
  const why = notACalendar(lines, contentType);
  if (why) return failed(why);
  const cal = structure(lines, encoding);
  const made = producer(textOf(cal.props.find((p) => p.name == 'PRODID')));
  report.detected = `an iCalendar file (.ics)${made ? ` written by ${made}` : ''}: it starts with BEGIN:VCALENDAR`;
  const calName = textOf(cal.props.find((p) => p.name == 'X-WR-CALNAME'));
  if (calName) source.name = calName;

  const eventCount = cal.components.filter((c) => c.name == 'VEVENT').length;
  const others = cal.components.filter((c) => !['VEVENT', 'VTIMEZONE'].includes(c.name));
  if (!eventCount) {
    return failed(
      `The calendar holds no events (VEVENT)${others.length ? `, only ${describeOthers(others)}` : ''}, so ` +
        `there is nothing to import.`,
    );
  }

  const imp = new IcsImport(cal, options, source, now);
  const notes = imp.notes;
  if (encoding == 'windows-1252') {
    notes.push({
      level: 'warning',
      message:
        'The file is not UTF-8, as calendars should be; it was read as Windows-1252, so £ signs and accented ' +
        'letters come through. Check them.',
    });
  } else if (encoding != 'utf-8') {
    notes.push({ level: 'info', message: 'The file is saved as UTF-16 rather than UTF-8; it was read as such.' });
  }
  if (cal.stray.length) {
    notes.push({
      level: 'warning',
      message:
        `Line ${cal.stray[0].line} ${quoteLine(cal.stray[0].text)} is outside the calendar (before ` +
        `BEGIN:VCALENDAR or after END:VCALENDAR), so ` +
        `${cal.stray.length == 1 ? 'it was' : `it and ${cal.stray.length - 1} more were`} ignored.`,
      at: { source: options.name, line: cal.stray[0].line },
    });
  }
  if (!cal.complete) {
    notes.push({
      level: 'warning',
      message: 'The file ends without END:VCALENDAR, so it may have been cut short; check that every event arrived.',
    });
  }
  for (const p of cal.props.filter((p) => p.problem)) {
    notes.push({
      level: 'warning',
      message: `Line ${p.line} ${quoteLine(p.text)} ${p.problem}; it was ignored.`,
      at: { source: options.name, line: p.line },
    });
  }
  for (const r of cal.repairs) {
    const tzid = /TZID=(?:"([^"]*)"|([^:;]*))/.exec(r.after);
    const zone = tzid?.[1] ?? tzid?.[2];
    notes.push({
      level: 'info',
      message: zone
        ? `Line ${r.line} ${quoteLine(r.before)} does not quote its time zone's name as it should; it was ` +
          `read as the zone “${zone}”.`
        : `Line ${r.line} ${quoteLine(r.before)} was written in a way that needed repair; it was read as ` +
          `${quoteLine(r.after)}.`,
      at: { source: options.name, line: r.line },
    });
  }
  if (others.length) {
    notes.push({
      level: 'info',
      message: `The calendar also holds ${describeOthers(others)}; only events become sessions.`,
    });
  }
  imp.readZones();
  let records: RecordReport[];
  try {
    records = await imp.run(options.signal);
  } catch (e) {
    if (e instanceof Stopped) return failed('The import was stopped before it finished, so nothing was imported.');
    throw e;
  }
  if (imp.past) {
    notes.push({
      level: 'info',
      message:
        `${imp.past} ${imp.past == 1 ? 'event' : 'events'} ended before this import and ` +
        `${imp.past == 1 ? 'was' : 'were'} left out.`,
    });
  }

  const unreadable = records.filter(
    (r) => r.outcome == 'skipped' && /^(Line \d+|It is cut off)/.test(r.notes[0]?.message ?? ''),
  );
  if (!imp.sessions.length && unreadable.length) {
    return failed(
      `None of its ${eventCount} events could be read; the first problem: ${unreadable[0].notes[0].message}`,
    );
  }
  const feed = {
    timeZone: imp.feedZone,
    sessions: imp.sessions,
    places: [...imp.places.values()],
    organisations: [...imp.organisations.values()],
  };
  return { feed, source, report: { ...report, records, notes } };
}

function describeOthers(blocks: Block[]): string {
  const names: Record<string, [string, string]> = {
    VTODO: ['a to-do (VTODO)', 'to-dos (VTODO)'],
    VJOURNAL: ['a journal entry (VJOURNAL)', 'journal entries (VJOURNAL)'],
    VFREEBUSY: ['a free/busy block (VFREEBUSY)', 'free/busy blocks (VFREEBUSY)'],
  };
  const counts = new Map<string, number>();
  for (const b of blocks) counts.set(b.name, (counts.get(b.name) ?? 0) + 1);
  return [...counts]
    .map(([name, n]) => {
      const [one, many] = names[name] ?? [`another component (${name})`, `other components (${name})`];
      return n == 1 ? one : `${n} ${many}`;
    })
    .join(' and ');
}
