/**
 * The editor's report: turns what the safety pass found (`Finding`s: a path and a code) into
 * sentences an editor can act on, and names the item each problem is in (its list, its position
 * counting from one, its id and name). Every rule's words live here and only here: a page loads
 * this module only when the safety pass found something; the checker, the CLI and `validateFeed`
 * always do. No DOM.
 */
import {
  CONTROL_RE,
  MAX_DEPTH,
  MAX_ENTRIES,
  MAX_LANGS,
  MAX_ISSUES,
  MAX_LINK,
  MAX_STR,
  MAX_TEXT,
  join,
  preview,
  type ArrNode,
  type EnumNode,
  type FeedIssue,
  type Finding,
  type Node,
  type NumNode,
  type StrNode,
} from './shape.js';

/** "a, b or c" */
export const orList = (items: readonly string[]): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

const kindOf = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'an object'
        : typeof v === 'string'
          ? 'text'
          : `a ${typeof v}`;

const expected: Record<string, string> = {
  str: 'text',
  text: 'text, or a map of translations like { "en": "…", "cy": "…" }',
  link: 'a web, phone or email address',
  num: 'a number',
  bool: 'true or false',
  arr: 'a list ([ … ])',
  list: 'a list ([ … ])',
  obj: 'an object ({ … })',
  ref: 'an id',
};

/** How to write each kind of value, by the `what` its node gives. Also the JSON Schema's descriptions. */
export const HINTS: Record<string, string> = {
  'an id': 'use lower-case letters, digits and hyphens, like "bob-jones-hub"',
  'a date': 'write it as YYYY-MM-DD, like 2026-09-07',
  'a time': 'write it as HH:MM on the 24-hour clock, like 09:30',
  'a closing time':
    'write it as HH:MM on the 24-hour clock, like 17:00 (24:00 for midnight; a time earlier than the opening ' +
    'time is on the next day, like 02:00 after 22:00)',
  'a date and time': 'write it as 2026-11-20T09:00:00Z',
  'a time zone': 'use an IANA name like Europe/London',
  'a language code': 'use codes like en, cy, ur or pa-Guru',
  'an email address': 'write one address, like name@example.org, with nothing after it',
  'a phone number': 'write digits, spaces and an optional leading +, like 01902 551199',
  'a duration': 'write it in ISO 8601, like PT1H30M for an hour and a half or P7D for a week',
  'a day': 'use MO, TU, WE, TH, FR, SA or SU (in a monthly series, 1MO is the first Monday and -1MO the last)',
  'a repeat frequency': 'use P1W for weekly, P2W for every other week, P1M for monthly or P1Y for yearly',
  'a currency code': 'use a code like GBP',
};

type Item = Record<string, unknown>;
const at = (v: unknown, key: string): unknown =>
  v && typeof v == 'object' && Object.prototype.hasOwnProperty.call(v, key) ? (v as Item)[key] : undefined;

/** A session needing a calendar the feed lacks: the first such session, and how many more. */
const calendar = (others: number, says: string, list: string, add: string) => {
  const more = others ? ` (as ${others == 1 ? 'does 1 more session' : `do ${others} more sessions`})` : '';
  return `says the session ${says}${more}, but the feed has no ${list}, so no dates can be shown for ${
    others ? 'them' : 'it'
  }. ${add}.`;
};

/**
 * Sentences for the rules across fields (`refine` in `schema.ts`) and across lists (`safe.ts`), by
 * the key each reports.
 */
const RULES: Record<string, (value: Item, path: string) => string> = {
  'term.end': (t) => `${t.end} is before the start ${t.start}`,
  'schedule.endDate': (s) => `${s.endDate} is before the startDate ${s.startDate}`,
  'schedule.duration': () => 'give endTime or duration, not both',
  'schedule.endTime': (s) => `${s.endTime} is not after the startTime ${s.startTime}`,
  'schedule.endTime-alone': () => 'needs a startTime too',
  'ageRange.order': (a) => `${a.toMonths} is less than fromMonths ${a.fromMonths}`,
  'schedule.repeatFrequency': () => 'is missing; a repeating pattern needs one, like P1W for weekly',
  'schedule.byMonth': () => 'is missing; a yearly series with byDay or byMonthDay needs byMonth, like [6] for June',
  'schedule.byMonthDay-weekly': () =>
    'cannot be used in a weekly series (P1W); use byDay for the days of the week, or a monthly series (P1M) ' +
    'for days of the month',
  'schedule.byDay-nth': (s, path) =>
    `${preview((s.byDay as string[])[Number(/\[(\d+)\]$/.exec(path)?.[1])])} names an nth weekday, ` +
    'which only a monthly (P1M) or yearly (P1Y) series can use',
  'session.no-dates': (session) => {
    const s = session.schedule as Item & { startDate: string };
    const why =
      `no day fits its pattern from ${s.startDate}${s.endDate ? ` to ${s.endDate}` : ''}` +
      (s.repeatCount ? ` within ${s.repeatCount} ${s.repeatCount == 1 ? 'date' : 'dates'}` : '') +
      ' (check byDay, byMonth and byMonthDay: byMonthDay 31 never falls in February, for example)';
    return `gives no dates at all, so the session would never be listed: ${why}`;
  },
  'session.no-dates-excepted': () =>
    'gives no dates at all, so the session would never be listed: every date of its pattern is in exceptDate',
  'hours.closes': (h) =>
    `${h.closes} is the same as opening time ${h.opens}, which says nothing: for all day write 00:00 to 24:00, ` +
    'and for hours past midnight a closing time on the next day (22:00 to 02:00)',
  'calendar.termTimeOnly': (others) =>
    calendar(
      Number(others),
      'runs in term time only',
      'termDates',
      'Add your school term dates to the feed as termDates (import the council’s term-dates spreadsheet or ' +
        'calendar with imh-feed), or remove termTimeOnly',
    ),
  'calendar.notOnBankHolidays': (others) =>
    calendar(
      Number(others),
      'does not run on bank holidays',
      'bankHolidays',
      'Add the bank holidays to the feed as bankHolidays (import https://www.gov.uk/bank-holidays.json with ' +
        'imh-feed), or remove notOnBankHolidays',
    ),
  'point.one': () => 'give exactly one of week, month or day (weeks before birth are negative)',
};

/** Why a link was refused, in its own sentence where there is one. */
function linkProblem(value: string): string {
  const v = value.trim();
  const shown = preview(value);
  if (/^https?:\/\/[^/?#]*@/i.test(v)) {
    return (
      `${shown} has a user name or password before an "@", which makes it look like another site's address; ` +
      'link to the site itself'
    );
  }
  if (/^mailto:/i.test(v)) {
    return /[?&](cc|bcc|body|to)=/i.test(v)
      ? `${shown} adds more than a subject to the email (cc, bcc, body or to); ` +
          'link to one address, with a subject at most'
      : `${shown} is not one email address; write it like mailto:name@example.org`;
  }
  if (/^tel:/i.test(v)) return `${shown} is not a phone number; write it like tel:01902551199`;
  return `${shown} is not a full, safe address; links must start with https://, http://, tel: or mailto:`;
}

/** The longest value allowed for a node, for the "too long" sentence. */
const maxOf = (node?: Node) =>
  node?.k == 'text'
    ? MAX_TEXT
    : node?.k == 'link'
      ? MAX_LINK
      : node?.k == 'ref'
        ? 100
        : ((node as StrNode)?.max ?? MAX_STR);

const charName = (value: string) => {
  const m = CONTROL_RE.exec(value)![0];
  const code = m.charCodeAt(0);
  return code >= 0xd800 && code <= 0xdfff
    ? 'half of a character (a lone surrogate, often left where text was cut short); retype that part'
    : `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')}) that is never part of real ` +
        'text; remove it';
};

/** The sentence for one finding. */
export function sentence(f: Finding): string {
  const { node, value } = f;
  switch (f.code) {
    case 'type':
      // A number that is none: NaN (a sum or conversion that failed, in data a page gives), or Infinity
      // (also 1e999 in JSON).
      if (node?.k == 'num' && typeof value == 'number') {
        return `should be a ${value ? 'finite ' : ''}number, not ${value}`;
      }
      // A translation (`name.cy`) must be text itself, not another map.
      return `should be ${f.arg ? 'text' : expected[node!.k]}, not ${kindOf(value)}`;
    case 'empty':
      return value && typeof value == 'object'
        ? 'has no translations; give at least one, like { "en": "…" }'
        : 'is empty';
    case 'invisible':
      return 'has only invisible characters (spaces, zero-width or direction marks); write the text itself';
    case 'control':
      return `contains ${charName(String(value))}`;
    case 'long': {
      const max = maxOf(node);
      const length = [...String(value)].length.toLocaleString('en');
      return `is ${length} characters long; the most a feed may hold here is ${max.toLocaleString('en')}`;
    }
    case 'format': {
      const n = node as StrNode;
      if (node?.k == 'ref') return `${preview(value)} is not an id; ids use lower-case letters, digits and hyphens`;
      if (f.arg == 'date.range') return `${preview(value)} is outside the years a feed may use (2000 to 2099)`;
      const hint = n.what && HINTS[n.what];
      return `${preview(value)} is not ${n.what ?? 'allowed here'}${hint ? `; ${hint}` : ''}`;
    }
    case 'enum': {
      const n = node as EnumNode;
      return `${preview(value)} is not ${n.what}; use ${orList(n.values)}`;
    }
    case 'number': {
      const n = node as NumNode;
      const v = value as number;
      if (n.int && !Number.isInteger(v)) return `${v} should be a whole number`;
      if (n.min != null && v < n.min) return `${v} is too small; use ${n.min} or more`;
      if (n.max != null && v > n.max) return `${v} is too large; use ${n.max} or less`;
      if (n.lt != null && v >= n.lt) return `${v} is too large; use a number below ${n.lt}`;
      return `${v} is not a day of the month; use 1 to 31, or -1 for the last day`;
    }
    case 'link':
      return linkProblem(String(value));
    case 'required':
      return 'is missing; it is required';
    case 'count': {
      if (!Array.isArray(value)) {
        // Translations left null are absent, as everywhere.
        const count = Object.values(value as object)
          .filter((v) => v != null)
          .length.toLocaleString('en');
        return `has ${count} translations; the most a feed may give one text is ${MAX_LANGS}`;
      }
      const n = node as ArrNode;
      const length = value.length;
      if (length > MAX_ENTRIES) {
        const most = MAX_ENTRIES.toLocaleString('en');
        return `has ${length.toLocaleString('en')} entries; the most a feed may list here is ${most}`;
      }
      if (!length && /schedule\.by(Day|Month|MonthDay)$/.test(f.path)) {
        return 'is an empty list, which would leave the session with no dates; list at least one, or leave it out';
      }
      return `needs at least ${n.min} ${n.min == 1 ? 'entry' : 'entries'}`;
    }
    case 'read': {
      let e = 'an error';
      try {
        e = preview(String(value));
      } catch {
        /* not even as text */
      }
      return `could not be read: reading it threw ${e} (a getter or a Proxy in the data given)`;
    }
    case 'deep':
      return (
        `is nested more than ${MAX_DEPTH} levels deep (lists and objects inside each other); ` +
        'a feed item needs only a few'
      );
    case 'lang':
      return `${preview(f.arg)} is not a language code; use codes like en, cy, ur or pa-Guru`;
    case 'duplicate':
      return `${preview(value)} is already the id of ${f.arg}; ids must be unique, so this entry was skipped`;
    case 'unknown-ref':
      return `${preview(value)} is not the id of any entry in ${f.arg}`;
    case 'rule':
      return RULES[f.arg!]?.(value as Item, f.path) ?? 'breaks a rule of the feed format';
    case 'more': {
      const { problems, items, ignored } = f.more!;
      const n = (count: number, one: string, many: string) =>
        `${count.toLocaleString('en')} ${count == 1 ? one : many}`;
      const cost = [
        items && `${n(items, 'item', 'items')} skipped`,
        ignored && `${n(ignored, 'value', 'values')} ignored`,
      ];
      const costs = cost.filter(Boolean).join(', ');
      return (
        `has ${n(problems, 'more problem', 'more problems')} like these${costs && ` (${costs})`}, ` +
        `counted but not listed: a check lists the first ${MAX_ISSUES.toLocaleString('en')} problems only. ` +
        'Fix the ones above and check again'
      );
    }
    default:
      return 'is not allowed here';
  }
}

/** The top-level lists whose items are named in reports, with the word for one item. */
const ITEMS: Record<string, string> = {
  sessions: 'session',
  services: 'service',
  places: 'place',
  organisations: 'organisation',
  sources: 'source',
  categories: 'category',
  'timeline.stages': 'timeline stage',
};
const ITEM_RE = /^(sessions|services|places|organisations|sources|categories|timeline\.stages)\[(\d+)\]/;

/**
 * Text with its direction marks and controls written as escapes (`\u202E`), as JSON may write them:
 * quoted in a sentence, a value cannot reorder the sentence. Joiners (Bengali's, emoji's) stay as they are.
 */
export const visible = (text: string): string =>
  text.replace(
    /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** An item's id or name as the feed wrote it, shortened; never walks a large value. */
const label = (v: unknown): string | undefined => {
  if (typeof v == 'string')
    return v.trim() ? visible(v.trim().length > 60 ? `${v.trim().slice(0, 57)}…` : v.trim()) : undefined;
  if (v && typeof v == 'object' && !Array.isArray(v)) {
    for (const key in v) {
      const found = label((v as Item)[key]);
      if (found) return found;
      break; // the first translation only
    }
  }
  return undefined;
};

/** Which item of a top-level list the path is in, read from the input as written. */
export function itemOf(path: string, input: unknown): FeedIssue['item'] {
  const m = ITEM_RE.exec(path);
  if (!m) return undefined;
  const [listPath, index] = [m[1], Number(m[2])];
  let id, name;
  // Data a page gave may throw when read (a getter, a Proxy): the item is then named by its number.
  try {
    const list = listPath == 'timeline.stages' ? at(at(input, 'timeline'), 'stages') : at(input, listPath);
    const raw = Array.isArray(list) ? list[index] : undefined;
    id = typeof at(raw, 'id') == 'string' ? label(at(raw, 'id')) : undefined;
    name = label(at(raw, listPath == 'timeline.stages' ? 'title' : 'name'));
  } catch {
    /* named by its number */
  }
  return { list: listPath, number: index + 1, ...(id && { id }), ...(name && { name }) };
}

/**
 * Where, inside the value at `path` of data a page gave, reading throws (a getter, a Proxy): the
 * first value found that does, else `path`. Bounded: a Proxy may make a new value at every read.
 */
export function throwsAt(input: unknown, path: string): string {
  let budget = 1e4;
  const walk = (v: unknown, p: string, depth: number): string | undefined => {
    if (v && typeof v == 'object' && depth < MAX_DEPTH && budget-- > 0)
      for (const k of Object.getOwnPropertyNames(v)) {
        const at = join(p, Array.isArray(v) ? Number(k) : k);
        let child;
        try {
          child = (v as Item)[k];
        } catch {
          return at;
        }
        const found = walk(child, at, depth + 1);
        if (found) return found;
      }
  };
  try {
    let v = input;
    for (const k of path.match(/[^.[\]]+/g)!) v = (v as Item)[k];
    return walk(v, path, 1) ?? path;
  } catch {
    return path;
  }
}

/** The findings as issues: each with its sentence, its code and the item it is in. */
export function explain(findings: readonly Finding[], input?: unknown): FeedIssue[] {
  // Each item named once, however many findings it has: naming reads its name, which may be large.
  const items = new Map<string | undefined, FeedIssue['item']>();
  return findings.map((f) => {
    // Data a page gave that threw when read: the item is skipped, and the issue says which of its values threw.
    if (f.code == 'read') f = { ...f, path: throwsAt(input, f.path) };
    const at = ITEM_RE.exec(f.path)?.[0];
    const item = items.has(at) ? items.get(at) : items.set(at, itemOf(f.path, input)).get(at);
    // A value ignored says so (also a rule's, in a part ignored whole); a calendar the feed lacks ignores nothing.
    const ignored = f.severity == 'warning' && !f.more && !f.arg?.startsWith('calendar.');
    const message = visible(sentence(f)) + (ignored ? ' (ignored)' : '');
    const { more } = f;
    return { path: f.path, message, severity: f.severity, code: f.code, ...(item && { item }), ...(more && { more }) };
  });
}

/** One line per issue, for developers: `sessions[3].schedule.byDay[0]: "Tusday" is not a day; …` */
export const formatIssue = (issue: FeedIssue): string => `${visible(issue.path) || '(feed)'}: ${issue.message}`;

/**
 * Where an issue is, for people: the item by its number counting from one, its name and id and
 * its line, then the field inside it: `Session 4, "Stay and Play" (id stay-and-play, line 123):
 * schedule › byDay › entry 1`.
 */
export function describeWhere(issue: FeedIssue): string {
  const { item, path, line } = issue;
  const itemLine = item?.line ?? line;
  const rest = item ? path.replace(ITEM_RE, '').replace(/^\./, '') : path;
  // A key holding a direction control (a language code written with U+202E) as an escape, as in the message.
  const field = visible(
    rest
      .split(/\.|(?=\[)/)
      .filter(Boolean)
      .map((part) => (/^\[\d+\]$/.test(part) ? `entry ${Number(part.slice(1, -1)) + 1}` : part))
      .join(' › '),
  );
  if (!item) return `${field || 'The feed'}${line ? ` (line ${line})` : ''}`;
  const noun = ITEMS[item.list];
  const details = [item.id && `id ${item.id}`, itemLine && `line ${itemLine}`].filter(Boolean).join(', ');
  const name = item.name ? `, "${item.name}"` : '';
  const head = `${noun[0].toUpperCase()}${noun.slice(1)} ${item.number}${name}${details ? ` (${details})` : ''}`;
  return field ? `${head}: ${field}` : head;
}

/**
 * One issue for people: where it is, then what is wrong, read as a sentence where the message
 * starts with its verb ("schedule › startDate is missing").
 */
export const describeIssue = (issue: FeedIssue): string => {
  const where = describeWhere(issue);
  const verb = /^(is|should|needs|has|gives|contains|cannot|adds) /.test(issue.message);
  return `${where}${verb ? ' ' : ': '}${issue.message}`;
};
