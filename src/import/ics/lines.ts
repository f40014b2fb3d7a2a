/**
 * The tolerant pre-pass over an .ics file, before ical.js reads any value: bytes → text (UTF-8,
 * UTF-16 with a byte-order mark, or Windows-1252), lines unfolded with the line number each began
 * on, quoting repaired where Outlook and Exchange get it wrong, and the file cut into its
 * components, so one broken line costs the event it is in and never the calendar.
 */
import ICAL from 'ical.js';
import { decodeBytes, type TextEncodingName } from '../common.js';

/** One unfolded content line and the (1-based) line of the file it began on. */
export interface Line {
  text: string;
  line: number;
}

/** A property as ical.js reads it (jCal): name (lower case), parameters, value type, values. */
export type JCalProp = [string, Record<string, string | string[]>, string, ...unknown[]];

/** A property line read by ical.js, or why it could not be read. */
export interface Prop {
  name: string;
  line: number;
  text: string;
  /** Set when the line was read: jCal. */
  jcal?: JCalProp;
  /** Set when it could not be read: why, as a sentence fragment ("has no colon"). */
  problem?: string;
}

/** A component (VEVENT, VTIMEZONE…) with its property lines and nested components. */
export interface Block {
  name: string;
  /** The line of its BEGIN. */
  line: number;
  props: Prop[];
  children: Block[];
  /** Set when the component is cut off: no END before the next BEGIN of its kind or the end of the file. */
  unclosed?: string;
}

/** A line that was repaired on the way in, for the report. */
export interface Repair {
  line: number;
  before: string;
  after: string;
}

export interface Calendar {
  /** VCALENDAR's own properties (PRODID, X-WR-TIMEZONE, X-WR-CALNAME…). */
  props: Prop[];
  /** Top-level components in file order. */
  components: Block[];
  encoding: TextEncodingName;
  repairs: Repair[];
  /** Whether the file ends with END:VCALENDAR (a missing one suggests a file cut short). */
  complete: boolean;
  /** Lines outside any calendar that are not blank. */
  stray: Line[];
}

/** Unfolds content lines (RFC 5545 §3.1) on bytes, so a UTF-8 character split by a fold is whole again. */
function unfold(bytes: Uint8Array): { bytes: Uint8Array; starts: number[] } {
  const out = new Uint8Array(bytes.length);
  const starts = [1];
  let n = 0;
  let physical = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b != 10 && b != 13) {
      out[n++] = b;
      continue;
    }
    if (b == 13 && bytes[i + 1] == 10) i++;
    physical++;
    const next = bytes[i + 1];
    if (next == 32 || next == 9) {
      i++; // a fold: the break and one space or tab go
      continue;
    }
    out[n++] = 10;
    starts.push(physical);
  }
  return { bytes: out.subarray(0, n), starts };
}

/** The file's text as unfolded lines, and the encoding it was read in. */
export function readLines(input: Uint8Array | string): { lines: Line[]; encoding: TextEncodingName } {
  let bytes: Uint8Array;
  let encoding: TextEncodingName | undefined;
  if (typeof input == 'string') bytes = new TextEncoder().encode(input);
  else {
    const sixteen = (input[0] == 0xff && input[1] == 0xfe) || (input[0] == 0xfe && input[1] == 0xff) || input[1] === 0;
    const decoded = sixteen ? decodeBytes(input) : undefined;
    if (decoded?.encoding.startsWith('utf-16')) {
      // UTF-16 (some Windows tools): read as text first, then like any other file.
      encoding = decoded.encoding;
      bytes = new TextEncoder().encode(decoded.text);
    } else bytes = input;
  }
  const unfolded = unfold(bytes);
  const decoded = decodeBytes(unfolded.bytes);
  const texts = decoded.text.split('\n');
  const last = unfolded.starts[unfolded.starts.length - 1];
  return {
    lines: texts.map((text, i) => ({ text, line: unfolded.starts[i] ?? last })),
    encoding: encoding ?? decoded.encoding,
  };
}

/** The first colon outside double quotes: where a content line's value starts. */
const valueColon = (text: string): number => {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c == '"') quoted = !quoted;
    else if (c == ':' && !quoted) return i;
  }
  return -1;
};

const DATE_PROPS = /^(DTSTART|DTEND|DUE|EXDATE|RDATE|RECURRENCE-ID)[;:]/i;
/** A date, date-time or list of them (with periods), at the end of a line. */
const DATE_VALUE = /^(\d{8}(T\d{6}Z?)?(\/[0-9A-Z]+)?)(,\d{8}(T\d{6}Z?)?(\/[0-9A-Z]+)?)*$/;

/**
 * Repairs the quoting Outlook and Exchange get wrong on date properties, so the line reads as
 * its writer meant: `DTSTART;TZID="W. Europe Standard Time:20200609T090000"` (the value inside
 * the quotes) and `DTSTART;TZID=(UTC+01:00) Amsterdam, Berlin:20200609T090000` (an unquoted zone
 * name with a colon and commas). Other lines come back as they were.
 */
export function repairLine(text: string): string {
  if (!DATE_PROPS.test(text)) return text;
  const colon = valueColon(text);
  if (colon >= 0 && DATE_VALUE.test(text.slice(colon + 1)) && !/[:,]/.test(paramValues(text.slice(0, colon)))) {
    return text;
  }
  // Take the date value from the end of the line, and rebuild the parameters before it.
  const m =
    /^([A-Za-z-]+)(;.*?)?[":]*:"?(\d{8}(?:T\d{6}Z?)?(?:\/[0-9A-Z]+)?(?:,\d{8}(?:T\d{6}Z?)?(?:\/[0-9A-Z]+)?)*)"?$/.exec(
      text,
    );
  if (!m) return text;
  const params = (m[2] ?? '')
    .slice(1)
    .split(/;(?=[A-Za-z-]+=)/)
    .filter(Boolean)
    .map((p) => {
      const eq = p.indexOf('=');
      const key = p.slice(0, eq);
      const value = p.slice(eq + 1).replace(/"/g, '');
      return /[:;,]/.test(value) ? `${key}="${value}"` : `${key}=${value}`;
    });
  return [m[1], ...params].join(';') + ':' + m[3];
}

/** The unquoted parameter values of a property's name-and-parameters part, joined. */
const paramValues = (head: string) =>
  head
    .split(';')
    .slice(1)
    .map((p) => (p.includes('"') ? '' : p.slice(p.indexOf('=') + 1)))
    .join('');

const PROBLEMS: [RegExp, string][] = [
  [
    /no token ";" or ":"/,
    'has no colon, so it is not a property line (if it continues the line above, it needs a space at its start)',
  ],
  [/Missing parameter value/, 'has a parameter with no value'],
  [/invalid BYDAY value "([^"]*)"/, 'has a repeat rule with a day it cannot read ("$1")'],
  [/invalid (\w+) value/i, 'has a repeat rule with a value it cannot read'],
];
/** ical.js's message about a line, as a sentence fragment for editors. */
const problemOf = (message: string) => {
  for (const [re, fragment] of PROBLEMS) {
    const m = re.exec(message);
    if (m) return fragment.replace('$1', m[1] ?? '');
  }
  return `could not be read (${message.replace(/\.$/, '')})`;
};

/** Reads one property line with ical.js. */
export function readProp(line: Line): Prop {
  const colon = valueColon(line.text);
  const name = (colon >= 0 ? line.text.slice(0, colon) : line.text).split(';')[0].toUpperCase();
  try {
    const jcal = ICAL.parse.property(line.text) as JCalProp | undefined;
    if (!jcal) return { name, line: line.line, text: line.text, problem: 'could not be read' };
    return { name, line: line.line, text: line.text, jcal };
  } catch (e) {
    return { name, line: line.line, text: line.text, problem: problemOf(e instanceof Error ? e.message : String(e)) };
  }
}

/**
 * Cuts the unfolded lines into the calendar's components. Never throws: a component without its
 * END is marked `unclosed` and the next one starts where its BEGIN is; lines outside the calendar
 * are collected in `stray`. Property lines are read (and repaired) only inside events, time zones
 * and the calendar itself; other components (VTODO, VFREEBUSY…) are kept by name only.
 */
export function structure(lines: Line[], encoding: TextEncodingName): Calendar {
  const cal: Calendar = { props: [], components: [], encoding, repairs: [], complete: false, stray: [] };
  let inCalendar = false;
  const stack: Block[] = [];
  const read = (l: Line): Prop => {
    const repaired = repairLine(l.text);
    if (repaired != l.text) cal.repairs.push({ line: l.line, before: l.text, after: repaired });
    return readProp({ text: repaired, line: l.line });
  };
  for (const l of lines) {
    const text = l.text.trimEnd();
    if (!text) continue;
    const c = text.charCodeAt(0) | 0x20; // b or e, in either case: the only lines that open or close
    const begin = c == 98 ? /^BEGIN:(.+)$/i.exec(text)?.[1].trim().toUpperCase() : undefined;
    const end = c == 101 ? /^END:(.+)$/i.exec(text)?.[1].trim().toUpperCase() : undefined;
    if (begin == 'VCALENDAR') {
      // A second calendar in the same file (some exports concatenate them): close what is open.
      for (const b of stack) b.unclosed ??= `it has no END:${b.name} before line ${l.line}`;
      stack.length = 0;
      inCalendar = true;
      cal.complete = false;
      continue;
    }
    if (!inCalendar) {
      cal.stray.push(l);
      continue;
    }
    if (end == 'VCALENDAR') {
      for (const b of stack) b.unclosed ??= `it has no END:${b.name} before the calendar ends at line ${l.line}`;
      stack.length = 0;
      inCalendar = false;
      cal.complete = true;
      continue;
    }
    if (begin) {
      // A top-level BEGIN inside an open top-level component means the component was cut short.
      if (stack.length && ['VEVENT', 'VTIMEZONE', 'VTODO', 'VJOURNAL', 'VFREEBUSY'].includes(begin)) {
        for (const b of stack)
          b.unclosed ??= `it has no END:${b.name} before the next BEGIN:${begin} at line ${l.line}`;
        stack.length = 0;
      }
      const block: Block = { name: begin, line: l.line, props: [], children: [] };
      if (stack.length) stack[stack.length - 1].children.push(block);
      else cal.components.push(block);
      stack.push(block);
      continue;
    }
    if (end) {
      const at = stack.map((b) => b.name).lastIndexOf(end);
      if (at >= 0) {
        for (const b of stack.slice(at + 1)) b.unclosed ??= `it has no END:${b.name}`;
        stack.length = at;
      }
      continue;
    }
    const top = stack[0];
    if (!top) cal.props.push(read(l));
    else if (top.name == 'VEVENT' || top.name == 'VTIMEZONE') {
      const current = stack[stack.length - 1];
      // Alarms and other parts of an event are not read: a broken alarm must not cost the event.
      if (current.name == 'VALARM') continue;
      current.props.push(read(l));
    }
  }
  for (const b of stack) b.unclosed ??= `the file ends before its END:${b.name}`;
  return cal;
}
