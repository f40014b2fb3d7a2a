/**
 * Open Referral UK directories, v1 (what councils serve today) and 3.0 (the UK profile of HSDS
 * 3.0), read as the HSDS 3.0 superset: publishers send base fields the UK profile drops
 * (`phones`, `languages[].code`, `eligibility_description`, `application_process`…).
 *
 * Input is a directory API address (`https://…/services`, or the API's root) or a saved response:
 * a page in either wrapper (v1 `content`/`totalElements`/`totalPages`/`number`/`last`, 3.0
 * `contents`/`total_items`/`total_pages`/`page_number`/`last_page`), a list of services or one
 * service. Pages are followed until the last (by `last`/`last_page`, then the page count, then an
 * empty page; never by `size`, which directories use for different things), up to a page cap.
 * Where list items lack schedules and locations (3.0 lists carry one-to-one fields only), each
 * service's details are fetched from `/services/{id}`, a few at a time.
 *
 * Each service becomes a feed `service` (INTEROP §8.2), or sessions (§8.1) when it is a group's
 * timetable (see `OrukOptions.asSessions`). A source that fails part way (an error after some
 * pages, a login page, malformed JSON, a network error) gives `report.failed` and no items, so a
 * caller never writes a worse feed; a problem with one service only skips that service.
 */
import { DAYS } from '../feed/vocabulary.js';
import { ruleDates } from '../schedule/recur.js';
import { formatDay, parseDay, parseTime } from '../schedule/civil.js';
import {
  asSentence,
  compactId,
  decodeBytes,
  fetchText,
  firstSentence,
  hashText,
  hasMarkup,
  IdAllocator,
  isObject,
  JsonError,
  languageCode,
  mapLimit,
  numberOf,
  objectsOf,
  parseDate,
  parseJson,
  plainTextOf,
  quoted,
  slugify,
  sourceEmail,
  sourceEntry,
  sourcePhone,
  stagesForMonths,
  textOf,
  ukCountry,
  ukGeo,
  wallTime,
  plural,
  dayIndex,
  nightHours,
  NOT_A_NIGHT,
} from './common.js';
import type { ImportOptions, ImportResult, RecordNote, RecordReport, SourceNote } from './types.js';

export interface OrukOptions extends ImportOptions {
  /**
   * Import a service as sessions when its schedules are a group's timetable rather than opening
   * hours. `'auto'` (the default) applies this rule: every schedule of the service repeats weekly
   * or monthly (`freq`, or a v1 `weekday`), has `opens_at` and `closes_at` no more than 3 hours
   * apart, and falls on at most 2 days a week; Baby Massage on Mondays 10:00–11:00 is a session,
   * a health visiting team open 09:00–17:00 on weekdays is a service. `true` imports every service
   * with such a schedule as sessions, `false` none.
   */
  asSessions?: boolean | 'auto';
  /** The most pages read before giving up (default 500); a directory with more fails with a sentence saying so. */
  maxPages?: number;
  /** Services asked for per page (default 100). */
  perPage?: number;
  /** Detail requests at a time (default 4). */
  concurrency?: number;
  /** Category ids for sessions, by taxonomy term name or id (lower case): `{ "baby massage": "baby-massage" }`. */
  categories?: Record<string, string>;
  /** Wait before retrying a failed request (default 1000 ms; tests use 0). */
  retryDelayMs?: number;
}

type J = Record<string, unknown>;

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const isObj = isObject;
const objs = objectsOf;
const str = textOf;
const numOf = numberOf;
const text = plainTextOf;
const quote = (v: unknown) => (typeof v == 'string' ? quoted(v) : JSON.stringify(v));
/** A date as APIs write it ("2026-09-07", "2026-09-07T00:00:00Z") → `YYYY-MM-DD`. */
const dateOf = (v: unknown) => (typeof v == 'string' ? parseDate(v, { serials: false }).value : undefined);
const emailOf = (v: string) => {
  const p = sourceEmail(v);
  return { email: p.value, problem: p.problem };
};
const phoneOf = (v: string) => {
  const p = sourcePhone(v);
  return { ...p.value, problem: p.problem };
};
const sentence = asSentence;
const capital = (t: string) => t[0].toUpperCase() + t.slice(1);
const DROP_IN = /\b(drop[- ]in|just (turn|come|pop) (up|along|in)|no need to book|no booking)\b/i;
const years = (n: number) => `${n} ${n == 1 ? 'year' : 'years'}`;

/** One ORUK schedule in the 3.0 shape, whether it came as 3.0 `schedules` or v1 `regular_schedules`. */
interface Sched {
  id?: string;
  freq?: string;
  interval: number;
  byday: string[];
  bymonthday: number[];
  opens?: string;
  closes?: string;
  dtstart?: string;
  validFrom?: string;
  validTo?: string;
  until?: string;
  count?: number;
  text: string[];
  link?: string;
  locationId?: string;
  serviceAtLocationId?: string;
}

/** What the importer keeps while reading a directory. */
interface Raw {
  service: J;
  page?: number;
  /** The list item lacked schedules and locations, and no address was given to fetch them. */
  listOnly?: boolean;
  /** Could not be fetched (404): skipped with this reason. */
  missing?: string;
}

// ---------------------------------------------------------------------------------------------
// Reading the directory

interface Wrapper {
  version: 'v1' | '3.0';
  items: unknown[];
  total?: number;
  pages?: number;
  number?: number;
  first?: boolean;
  last?: boolean;
}

function wrapperOf(json: unknown): Wrapper | undefined {
  if (!isObj(json)) return undefined;
  const bool = (v: unknown) => (typeof v == 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined);
  if (Array.isArray(json.content)) {
    return {
      version: 'v1',
      items: json.content,
      total: numOf(json.totalElements),
      pages: numOf(json.totalPages),
      number: numOf(json.number),
      first: bool(json.first),
      last: bool(json.last),
    };
  }
  if (Array.isArray(json.contents)) {
    return {
      version: '3.0',
      items: json.contents,
      total: numOf(json.total_items),
      pages: numOf(json.total_pages),
      number: numOf(json.page_number),
      first: bool(json.first_page),
      last: bool(json.last_page),
    };
  }
  return undefined;
}

const isService = (v: unknown): v is J => isObj(v) && (v.id != null || v.name != null) && !wrapperOf(v);
const DETAIL_KEYS = [
  'schedules',
  'regular_schedules',
  'service_at_locations',
  'languages',
  'cost_options',
  'contacts',
  'phones',
  'eligibilitys',
];
const needsDetail = (s: J) => !DETAIL_KEYS.some((k) => k in s);

class Failure extends Error {}

interface Reader {
  options: OrukOptions;
  notes: SourceNote[];
  detected: string;
  /** The wrapper the pages came in. */
  version?: Wrapper['version'];
  progress: (line: string) => void;
}

async function getJson(url: string, what: string, r: Reader): Promise<{ json: unknown } | { status: number }> {
  const got = await fetchText(url, {
    fetch: r.options.fetch,
    signal: r.options.signal,
    what,
    retryDelayMs: r.options.retryDelayMs,
  });
  if (!got.ok) {
    if (got.status == 404 || got.status == 410) return { status: got.status };
    throw new Failure(got.reason);
  }
  try {
    return { json: parseJson(got.text) };
  } catch (e) {
    const why = e instanceof JsonError ? e.message : String(e);
    throw new Failure(
      `The answer from ${new URL(url).host} for ${what} could not be read: ${why}. ` +
        (why.includes('web page')
          ? 'The address may need a login, or may not be the directory API; check it in a browser.'
          : 'Try again later, or ask the publisher.'),
    );
  }
}

/** Reads every page from a list address; returns the services with the page each came from. */
async function readPages(listUrl: URL, first: Wrapper | undefined, r: Reader): Promise<Raw[]> {
  const maxPages = r.options.maxPages ?? 500;
  const perPage = r.options.perPage ?? 100;
  const pageUrl = (n: number) => {
    const u = new URL(listUrl);
    u.searchParams.set('page', String(n));
    if (!u.searchParams.has('per_page')) u.searchParams.set('per_page', String(perPage));
    return u.href;
  };
  const out: Raw[] = [];
  const seen = new Set<string>();
  let page = Number(listUrl.searchParams.get('page') ?? 1);
  let zeroBased = false;
  let wrapper = first;
  let version: Wrapper['version'] | undefined;
  for (let read = 0; ; read++) {
    if (read >= maxPages) {
      throw new Failure(
        `The directory has more than ${maxPages} pages; stopped there, so nothing was imported. ` +
          'Raise the page limit (maxPages) to read them all, or filter the address (for example by taxonomy).',
      );
    }
    if (!wrapper || read > 0) {
      const got = await getJson(pageUrl(page), `page ${read + 1} of the directory`, r);
      if ('status' in got) {
        if (read == 0)
          throw new Failure(`The directory at ${listUrl.host} answered ${got.status} (not found). Check the address.`);
        throw new Failure(
          `The directory answered ${got.status} (not found) for page ${read + 1}, after ${read} pages. ` +
            'Try again later.',
        );
      }
      wrapper = wrapperOf(got.json);
      if (!wrapper) {
        if (read == 0 && Array.isArray(got.json)) {
          // A plain list of services, with no paging.
          r.detected = 'an Open Referral directory (a list of services, without paging)';
          got.json.filter(isService).forEach((s) => out.push({ service: s }));
          return out;
        }
        throw new Failure(
          `Page ${read + 1} of the directory is not an Open Referral page: it has neither "content" (v1) ` +
            'nor "contents" (3.0). Check that the address is the directory\'s /services endpoint.',
        );
      }
      // A directory whose pages count from 0 says page 1 is not the first: start again from 0.
      if (read == 0 && wrapper.first === false && page == 1 && !listUrl.searchParams.has('page')) {
        zeroBased = true;
        page = 0;
        wrapper = undefined;
        read--;
        continue;
      }
    }
    version ??= wrapper.version;
    r.version = version;
    r.detected =
      version == 'v1'
        ? 'an Open Referral UK v1 directory (pages with content and totalElements)'
        : 'an Open Referral UK 3.0 directory (pages with contents and total_items)';
    const services = wrapper.items.filter(isService);
    const fresh = services.filter((s) => !seen.has(String(s.id)));
    services.forEach((s) => seen.add(String(s.id)));
    fresh.forEach((s) => out.push({ service: s, page: read + 1 }));
    if (wrapper.items.length > services.length) {
      r.notes.push({
        level: 'warning',
        message:
          `Page ${read + 1} has ${wrapper.items.length - services.length} entries that are not services; ` +
          'they were skipped.',
        at: { page: read + 1 },
      });
    }
    const pages = wrapper.pages;
    r.progress(
      `Page ${read + 1}${pages ? ` of ${pages}` : ''}: ` +
        `${out.length}${wrapper.total != null ? ` of ${wrapper.total}` : ''} services…`,
    );
    if (!wrapper.items.length || wrapper.last === true) break;
    if (
      wrapper.last == null &&
      pages != null &&
      (wrapper.number != null ? wrapper.number + (zeroBased ? 1 : 0) : read + 1) >= pages
    )
      break;
    if (services.length && !fresh.length) {
      r.notes.push({
        level: 'warning',
        message:
          `Page ${read + 1} repeated services already read; the directory seems to ignore the page number, ` +
          'so reading stopped there.',
        at: { page: read + 1 },
      });
      break;
    }
    page++;
    wrapper = undefined;
  }
  const total = first?.total ?? undefined;
  if (total != null && out.length < total) {
    r.notes.push({
      level: 'warning',
      message: `The directory says it has ${total} services but its pages held ${out.length}.`,
    });
  }
  return out;
}

/** Fetches the details of list items that lack schedules and locations, a few at a time. */
async function readDetails(raws: Raw[], base: URL, version: Wrapper['version'] | undefined, r: Reader): Promise<void> {
  // 3.0 lists carry one-to-one fields only; a v1 list normally carries whole services, so details
  // are fetched there only when most of its items lack them.
  const lacking = raws.filter((x) => needsDetail(x.service) && str(x.service.id));
  if (!lacking.length || (version != '3.0' && lacking.length * 2 <= raws.length)) return;
  const todo = lacking;
  let done = 0;
  let failed: Failure | undefined;
  await mapLimit(todo, Math.max(1, r.options.concurrency ?? 4), async (raw) => {
    if (failed) return;
    const id = String(raw.service.id);
    const url = `${base.href.replace(/\/+$/, '')}/${encodeURIComponent(id)}`;
    try {
      const got = await getJson(url, `the details of service ${id}`, r);
      if ('status' in got) raw.missing = `the directory lists it, but its details are not there (${got.status})`;
      else if (isService(got.json)) raw.service = { ...raw.service, ...got.json };
      else raw.missing = 'its details are not a service';
    } catch (e) {
      failed ??= e instanceof Failure ? e : new Failure(String(e));
      return;
    }
    done++;
    if (done % 10 == 0 || done == todo.length) r.progress(`Service details: ${done} of ${todo.length}…`);
  });
  if (failed) throw failed;
}

async function readAddress(address: string, r: Reader): Promise<Raw[]> {
  const url = new URL(address.trim());
  const path = url.pathname.replace(/\/+$/, '');
  const one = /\/services\/([^/]+)$/.exec(path);
  if (one) {
    const got = await getJson(url.href, 'the service', r);
    if ('status' in got)
      throw new Failure(`The directory answered ${got.status} (not found) for ${url.href}. Check the address.`);
    if (!isService(got.json)) throw new Failure('The address does not give an Open Referral service. Check it.');
    r.detected = 'an Open Referral service';
    return [{ service: got.json }];
  }
  let listUrl = url;
  let first: Wrapper | undefined;
  if (!/\/services$/.test(path)) {
    // The API's root, or a saved response on a web server: look before assuming.
    const got = await getJson(url.href, 'the directory', r);
    if ('status' in got)
      throw new Failure(`The server answered ${got.status} (not found) for ${url.href}. Check the address.`);
    first = wrapperOf(got.json);
    if (!first) {
      if (Array.isArray(got.json)) {
        r.detected = 'an Open Referral directory (a list of services, without paging)';
        return got.json.filter(isService).map((s) => ({ service: s }));
      }
      if (isService(got.json) && !('openapi_url' in got.json)) {
        r.detected = 'an Open Referral service';
        return [{ service: got.json }];
      }
      listUrl = new URL(`${url.origin}${path}/services${url.search}`);
    } else if (first.last === false || (first.pages ?? 1) > 1) {
      r.notes.push({
        level: 'info',
        message:
          'The address gives one page of a directory; the other pages were read from the same address ' +
          'with a page number.',
      });
    }
  }
  const raws = await readPages(listUrl, first, r);
  const base = new URL(listUrl.href);
  base.search = '';
  await readDetails(raws, base, r.version, r);
  return raws;
}

function readSaved(input: Uint8Array | string, r: Reader): Raw[] {
  const { text: body } = decodeBytes(input);
  let json: unknown;
  try {
    json = parseJson(body);
  } catch (e) {
    throw new Failure(`The file could not be read: ${e instanceof Error ? e.message : String(e)}.`);
  }
  const wrapper = wrapperOf(json);
  let services: J[];
  if (wrapper) {
    r.detected =
      wrapper.version == 'v1'
        ? 'an Open Referral UK v1 directory page (content and totalElements)'
        : 'an Open Referral UK 3.0 directory page (contents and total_items)';
    const partial = wrapper.last === false || (wrapper.last == null && (wrapper.pages ?? 1) > 1);
    if (partial) {
      throw new Failure(
        `The file is one page of a directory of ${wrapper.pages ?? 'several'} pages` +
          `${wrapper.total != null ? ` (${wrapper.total} services)` : ''}. ` +
          'Importing it alone would remove the services on ' +
          "the other pages from your feed, so nothing was imported. Import from the directory's address instead, " +
          'so every page is read.',
      );
    }
    services = wrapper.items.filter(isService);
  } else if (Array.isArray(json)) {
    r.detected = 'an Open Referral list of services';
    services = json.filter(isService);
  } else if (isObj(json) && isService(json.service)) {
    r.detected = 'an Open Referral service at a location';
    services = [json.service];
  } else if (isService(json)) {
    r.detected = 'an Open Referral service';
    services = [json];
  } else {
    throw new Failure(
      'The file is JSON but not from an Open Referral directory: it has no "content" or "contents" list of services, ' +
        'and is not a service.',
    );
  }
  const raws = services.map((s) => ({ service: s, page: wrapper ? 1 : undefined, listOnly: needsDetail(s) }));
  if (raws.some((x) => x.listOnly)) {
    r.notes.push({
      level: 'warning',
      message:
        'The file is a list without schedules, locations or languages (a 3.0 list gives only the one-to-one fields). ' +
        "Import from the directory's address to read each service's details.",
    });
  }
  return raws;
}

// ---------------------------------------------------------------------------------------------
// Mapping

interface Out {
  services: J[];
  sessions: J[];
  places: Map<string, J>;
  organisations: Map<string, J>;
  placeIds: Map<string, string>;
  records: RecordReport[];
  sessionId: (id: string) => string;
  serviceId: (id: string) => string;
}

interface Ctx {
  options: OrukOptions;
  ref: string;
  zone: string;
  today: string;
  out: Out;
  notes: RecordNote[];
}

const loss = (ctx: Ctx, field: string | undefined, message: string) => ctx.notes.push({ field, message });

function dayCode(v: string): string | undefined {
  const s = v.trim().toLowerCase();
  const n = Number(s);
  if (Number.isInteger(n) && n >= 1 && n <= 7) return DAYS[n - 1];
  const i = DAY_NAMES.findIndex((d) => d == s || (s.length >= 3 && d.startsWith(s)));
  if (i >= 0) return DAYS[i];
  const m = /^([+-]?\d)?(mo|tu|we|th|fr|sa|su)$/.exec(s);
  if (m) return `${m[1] ? String(Number(m[1])) : ''}${m[2].toUpperCase()}`;
  return undefined;
}

function timeOf(ctx: Ctx, field: string, v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  const t = wallTime(s);
  if (!t) {
    loss(ctx, field, `${quote(s)} is not a time; it was left out.`);
    return undefined;
  }
  if (t.zone) {
    loss(
      ctx,
      field,
      `${quote(s)} carries a time zone (${t.zone}); it was kept as ${t.time} on the clock in ${ctx.zone}, ` +
        'as UK directories mean it, all year round.',
    );
  } else if (t.seconds) loss(ctx, field, `${quote(s)} has seconds; it was kept as ${t.time}.`);
  return t.time;
}

function schedulesOf(ctx: Ctx, s: J): Sched[] {
  const out: Sched[] = [];
  const v3 = objs(s.schedules);
  const v1 = objs(s.regular_schedules);
  for (const [list, field] of [
    [v3, 'schedules'],
    [v1, 'regular_schedules'],
  ] as const) {
    for (const [i, x] of list.entries()) {
      const f = `${field}[${i}]`;
      const byday: string[] = [];
      for (const d of (str(x.byday) ?? '').split(/[,\s]+/).filter(Boolean)) {
        const code = dayCode(d);
        if (code) byday.push(code);
        else loss(ctx, `${f}.byday`, `${quote(d)} is not a day; it was left out.`);
      }
      const weekday = str(x.weekday);
      if (weekday && !byday.length) {
        const code = dayCode(weekday);
        if (code) byday.push(code);
        else loss(ctx, `${f}.weekday`, `${quote(weekday)} is not a day; it was left out.`);
      }
      const freq = str(x.freq)?.toUpperCase() ?? (weekday ? 'WEEKLY' : undefined);
      const interval = Math.max(1, Math.trunc(numOf(x.interval) ?? 1));
      const bymonthday = (str(x.bymonthday) ?? '')
        .split(/[,\s]+/)
        .map(Number)
        .filter((n) => Number.isInteger(n) && n != 0 && n >= -31 && n <= 31);
      if (numOf(x.timezone) != null) {
        loss(
          ctx,
          `${f}.timezone`,
          `The UTC offset ${x.timezone} cannot follow the clock changes; times are in ${ctx.zone}.`,
        );
      }
      out.push({
        id: str(x.id),
        freq,
        interval,
        byday,
        bymonthday,
        opens: timeOf(ctx, `${f}.opens_at`, x.opens_at),
        closes: timeOf(ctx, `${f}.closes_at`, x.closes_at),
        dtstart: dateOf(x.dtstart),
        validFrom: dateOf(x.valid_from),
        validTo: dateOf(x.valid_to),
        until: dateOf(x.until),
        count: numOf(x.count),
        text: [x.description, x.notes, x.attending_type]
          .map(text)
          .filter((t): t is string => !!t)
          .map(sentence),
        link: str(x.schedule_link),
        locationId: str(x.location_id),
        serviceAtLocationId: str(x.service_at_location_id),
      });
    }
  }
  return out;
}

const minutes = (s: Sched) =>
  s.opens && s.closes ? (s.closes == '23:59' ? 1440 : parseTime(s.closes)) - parseTime(s.opens) : undefined;
const isTimetable = (s: Sched) =>
  (s.freq == 'WEEKLY' || s.freq == 'MONTHLY') &&
  !!s.opens &&
  !!s.closes &&
  minutes(s)! > 0 &&
  minutes(s)! <= 180 &&
  (s.byday.length > 0 || s.bymonthday.length > 0) &&
  s.byday.length <= 2;

/** "Every 2 weeks on Monday and Thursday, 10:00–11:30" (for hoursNote, in English like the source). */
function describe(s: Sched): string {
  const days = s.byday.map((d) => {
    const m = /^(-?\d)?(\w\w)$/.exec(d)!;
    const name = DAY_NAMES[dayIndex(m[2])];
    const day = name[0].toUpperCase() + name.slice(1);
    const nth = m[1]
      ? ({ '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '5': 'fifth', '-1': 'last' } as J)[m[1]]
      : '';
    return nth ? `the ${nth} ${day}` : day;
  });
  const every =
    s.freq == 'MONTHLY'
      ? s.interval > 1
        ? `Every ${s.interval} months`
        : 'Monthly'
      : s.interval > 1
        ? `Every ${s.interval} weeks`
        : 'Weekly';
  const on = days.length
    ? ` on ${days.join(' and ')}`
    : s.bymonthday.length
      ? ` on day ${s.bymonthday.join(', ')}`
      : '';
  const at = s.opens ? `, ${s.opens}${s.closes ? `–${s.closes}` : ''}` : '';
  const valid =
    s.validFrom || s.validTo
      ? ` (${[s.validFrom && `from ${s.validFrom}`, s.validTo && `until ${s.validTo}`].filter(Boolean).join(' ')})`
      : '';
  return `${every}${on}${at}${valid}`;
}

function mapPlace(ctx: Ctx, loc: J, field: string): string | undefined {
  const type = str(loc.location_type)?.toLowerCase();
  if (type == 'virtual') {
    loss(ctx, field, 'An online location is not a place; it was left out.');
    return undefined;
  }
  const rawId = str(loc.id);
  if (rawId && ctx.out.placeIds.has(rawId)) return ctx.out.placeIds.get(rawId);
  const addresses = [...objs(loc.addresses), ...objs(loc.physical_addresses)];
  const physical =
    addresses.find((a) => !a.address_type || /physical/i.test(String(a.address_type))) ?? addresses[0] ?? {};
  const street = [physical.address_1, physical.address_2].map(str).filter(Boolean).join(', ') || undefined;
  const postcode = str(physical.postal_code)?.toUpperCase();
  const name = text(loc.name) ?? street ?? postcode;
  if (!name) {
    loss(ctx, field, 'A location with no name and no address was left out.');
    return undefined;
  }
  const id = compactId(rawId ?? `${name}-${postcode ?? ''}`);
  const place: J = { id, name };
  const address: J = {};
  if (street) address.street = street;
  const locality = str(physical.city);
  if (locality) address.locality = locality;
  const region = str(physical.region) ?? str(physical.state_province);
  if (region) address.region = region;
  if (postcode) {
    address.postcode = postcode;
    if (/^[A-Z]{1,2}\d[A-Z\d]?$/.test(postcode)) {
      loss(
        ctx,
        `${field}.postal_code`,
        `The postcode ${postcode} is only the first half (the directory hides the exact place).`,
      );
    }
  }
  const country = ukCountry(physical.country);
  if (country.value) address.country = country.value;
  else if (country.problem) loss(ctx, `${field}.country`, `${capital(country.problem)}; it was left out.`);
  if (Object.keys(address).length) place.address = address;
  const geo = ukGeo(loc.latitude, loc.longitude);
  if (geo.value) place.geo = geo.value;
  else if (geo.problem) loss(ctx, `${field}.latitude`, `${capital(geo.problem)}; they were left out.`);
  const facilities = new Set<string>();
  for (const a of [...objs(loc.accessibility), ...objs(loc.accessibility_for_disabilities)]) {
    const t = [a.description, a.details, a.accessibility].map(str).filter(Boolean).join(' ').toLowerCase();
    if (/wheelchair|step.?free|level access|ramp|lift/.test(t)) facilities.add('step-free');
    if (/(accessible|disabled) (toilet|wc)/.test(t)) facilities.add('accessible-toilet');
    if (/hearing loop|induction loop/.test(t)) facilities.add('hearing-loop');
    if (/baby.?chang/.test(t)) facilities.add('baby-changing');
    if (/parking/.test(t) && !/no parking/.test(t)) facilities.add('car-parking');
  }
  if (facilities.size) place.facilities = [...facilities];
  const directions = text(loc.description);
  if (directions) place.directions = directions;
  place.source = { ref: ctx.ref, ...(rawId ? { id: rawId } : {}) };
  ctx.out.places.set(id, place);
  if (rawId) ctx.out.placeIds.set(rawId, id);
  return id;
}

function mapOrganisation(ctx: Ctx, s: J): string | undefined {
  const org = isObj(s.organization) ? s.organization : undefined;
  if (!org) return undefined;
  const name = text(org.name);
  if (!name) return undefined;
  const rawId = str(org.id) ?? str(s.organization_id);
  const id = compactId(rawId ?? name);
  if (ctx.out.organisations.has(id)) return id;
  const o: J = { id, name };
  const url = str(org.website) ?? str(org.url);
  if (url && /^https?:\/\//i.test(url)) o.url = url;
  const email = str(org.email);
  if (email) {
    const e = emailOf(email);
    if (e.email) o.email = e.email;
    else loss(ctx, 'organization.email', `The organisation's email ${e.problem}; it was left out.`);
  }
  o.source = { ref: ctx.ref, ...(rawId ? { id: rawId } : {}) };
  ctx.out.organisations.set(id, o);
  return id;
}

interface Phone {
  number: string;
  kind?: string;
  note?: string;
}

function phonesOf(ctx: Ctx, s: J): Phone[] {
  const raw: { v: J; field: string }[] = [];
  objs(s.phones).forEach((v, i) => raw.push({ v, field: `phones[${i}]` }));
  objs(s.contacts).forEach((c, i) =>
    objs(c.phones).forEach((v, j) => raw.push({ v, field: `contacts[${i}].phones[${j}]` })),
  );
  objs(s.service_at_locations).forEach((l, i) =>
    objs(l.phones).forEach((v, j) => raw.push({ v, field: `service_at_locations[${i}].phones[${j}]` })),
  );
  const out: Phone[] = [];
  for (const { v, field } of raw) {
    const written = str(v.number);
    if (!written) continue;
    const c = phoneOf(written);
    if (!c.number) {
      loss(ctx, `${field}.number`, `The phone number ${c.problem}; it was left out.`);
      continue;
    }
    const type = str(v.type)?.toLowerCase();
    if (type == 'fax' || type == 'pager' || type == 'video') {
      loss(
        ctx,
        `${field}.type`,
        `The ${type} number ${c.number} was left out; the feed lists numbers to call or text.`,
      );
      continue;
    }
    const notes = [c.note, str(v.extension) ? `extension ${str(v.extension)}` : undefined, text(v.description)].filter(
      Boolean,
    );
    const phone: Phone = { number: c.number };
    if (type == 'text' || type == 'sms') phone.kind = 'text';
    if (type == 'textphone') phone.kind = 'textphone';
    if (notes.length) phone.note = notes.join('; ');
    if (!out.some((p) => p.number == phone.number)) out.push(phone);
  }
  return out;
}

function languagesOf(ctx: Ctx, s: J): string[] | undefined {
  const codes = new Set<string>();
  let idOnly = 0;
  objs(s.languages).forEach((l, i) => {
    const written = str(l.code) ?? str(l.name) ?? str(l.language);
    if (!written) {
      if (l.id != null) idOnly++;
      return;
    }
    for (const part of written.split(/\s*[,;/]\s*|\s+and\s+/i).filter(Boolean)) {
      const code = languageCode(part);
      if (code) codes.add(code);
      else loss(ctx, `languages[${i}]`, `The language ${quote(part)} is not one we know; it was left out.`);
    }
  });
  if (idOnly) {
    loss(
      ctx,
      'languages',
      `${idOnly} ${idOnly == 1 ? 'language is' : 'languages are'} given only by an id ` +
        '(the UK profile drops names and codes), ' +
        'so which languages could not be read.',
    );
  }
  return codes.size ? [...codes] : undefined;
}

function costOf(ctx: Ctx, s: J): J | undefined {
  const options = objs(s.cost_options);
  const fees = text(s.fees_description) ?? text(s.fees);
  const describe1 = (o: J) => {
    const amount = numOf(o.amount);
    const words = [text(o.option), text(o.amount_description)].filter(Boolean).join(', ');
    return amount != null && amount > 0
      ? `£${amount % 1 ? amount.toFixed(2) : amount}${words ? ` ${words}` : ''}`
      : words || 'Free';
  };
  if (options.length) {
    const first = options[0];
    const amount = numOf(first.amount);
    const cost: J = {};
    const free = (amount != null && amount == 0) || /^free\b/i.test(str(first.option) ?? '');
    if (free) cost.free = true;
    else if (amount != null && amount > 0) {
      cost.amount = amount;
      const currency = str(first.currency)?.toUpperCase();
      if (currency && /^[A-Z]{3}$/.test(currency)) cost.currency = currency;
    }
    const words = [text(first.option), text(first.amount_description)].filter(Boolean);
    if (options.length > 1) {
      cost.note = options.map(describe1).join('; ');
      loss(
        ctx,
        'cost_options',
        `${options.length} prices are given; the first is kept as the amount and all of them in the note.`,
      );
    } else if (words.length && !(cost.free && /^free$/i.test(words.join(', ')))) cost.note = words.join(', ');
    return Object.keys(cost).length ? cost : undefined;
  }
  if (fees) {
    if (/^(free|no charge|none|£?0(\.00)?)\b/i.test(fees)) return { free: true };
    if (/^fees_description$/i.test(fees)) return undefined;
    return { note: fees };
  }
  return undefined;
}

/** Months for a session's ageRange from ages in years, or why not. */
function ageRangeOf(ctx: Ctx, min: number | undefined, max: number | undefined): J | undefined {
  if (min == null && max == null) return undefined;
  if (min != null && min >= 12) {
    loss(
      ctx,
      'minimum_age',
      `The ages ${years(min)}${max != null ? ` to ${years(max)}` : ' and over'} describe the parent, not the baby; ` +
        'they were left out.',
    );
    return undefined;
  }
  const range: J = {};
  if (min != null && min > 0) range.fromMonths = Math.min(60, Math.round(min * 12));
  else range.fromMonths = 0;
  if (max != null) {
    if (max * 12 > 60)
      loss(ctx, 'maximum_age', `The age range goes up to ${years(max)}; the feed's stops at 5 years (60 months).`);
    range.toMonths = Math.min(60, Math.round(max * 12));
  }
  if ((range.fromMonths as number) >= 60) return undefined;
  return range;
}

/** Stages of the first 1001 days a service's ages (in years) cover. */
function stagesOf(ctx: Ctx, s: J, min: number | undefined, max: number | undefined): string[] | undefined {
  const words = `${str(s.name) ?? ''} ${str(s.description) ?? ''}`;
  const pregnancy = /\b(pregnan\w*|antenatal|ante-natal|expectant|mums?-to-be|parents?-to-be)\b/i.test(words);
  if (pregnancy) loss(ctx, 'description', 'The pregnancy stage was guessed from the description.');
  if (min != null && min >= 12) {
    loss(
      ctx,
      'minimum_age',
      `The ages ${years(min)}${max != null ? ` to ${years(max)}` : ''} describe the parent; ` +
        'no baby stage follows from them.',
    );
    return pregnancy ? ['pregnancy'] : undefined;
  }
  if (min == null && max == null) return pregnancy ? ['pregnancy'] : undefined;
  // Ages in whole years, inclusive: a maximum of 1 year takes a child up to 23 months.
  const stages = stagesForMonths(
    min != null ? min * 12 : undefined,
    max != null ? max * 12 + 11 : undefined,
    pregnancy,
  );
  return stages.length ? stages : undefined;
}

/** A service's minimum and maximum ages in years: its own fields, else its v1 eligibilitys'. */
const agesOf = (s: J) => {
  const first = (key: string) =>
    objs(s.eligibilitys)
      .map((e) => numOf(e[key]))
      .find((n) => n != null);
  return { min: numOf(s.minimum_age) ?? first('minimum_age'), max: numOf(s.maximum_age) ?? first('maximum_age') };
};

function mapService(ctx: Ctx, s: J, scheds: Sched[]): J[] {
  const rawId = String(s.id);
  const name = text(s.name)!;
  const svc: J = { id: ctx.out.serviceId(compactId(rawId)), name };
  const description = text(s.description);
  if (str(s.description) && hasMarkup(str(s.description)!))
    loss(ctx, 'description', 'The HTML in the description was turned into plain text.');
  const alert = text(s.alert);
  if (description) {
    svc.description = alert ? `${alert}\n\n${description}` : description;
    svc.summary = firstSentence(description);
  } else if (alert) svc.description = alert;
  if (alert) loss(ctx, 'alert', 'The alert was put at the start of the description.');
  const org = mapOrganisation(ctx, s);
  if (org) svc.organisation = org;
  const places = objs(s.service_at_locations)
    .map((sal, i) =>
      isObj(sal.location) ? mapPlace(ctx, sal.location, `service_at_locations[${i}].location`) : undefined,
    )
    .filter((p): p is string => !!p);
  if (places.length) svc.place = places[0];
  if (places.length > 1)
    loss(ctx, 'service_at_locations', `The service is at ${places.length} places; the feed keeps one, the first.`);
  const contact: J = {};
  const url = str(s.url);
  if (url && /^https?:\/\//i.test(url)) contact.url = url;
  const email = str(s.email);
  if (email) {
    const e = emailOf(email);
    if (e.email) contact.email = e.email;
    else loss(ctx, 'email', `The email ${e.problem}; it was left out.`);
  }
  const phones = phonesOf(ctx, s);
  if (phones.length) contact.phones = phones;
  if (Object.keys(contact).length) svc.contact = contact;
  const eligibility = [text(s.eligibility_description), ...objs(s.eligibilitys).map((e) => text(e.eligibility))].filter(
    Boolean,
  );
  if (eligibility.length) svc.eligibility = [...new Set(eligibility)].join('\n');
  const referral = referralOf(s);
  if (referral) svc.referral = referral;
  const { min, max } = agesOf(s);
  const stages = stagesOf(ctx, s, min, max);
  if (stages) svc.stages = stages;
  // Opening hours
  const hours: J[] = [];
  const hoursNote: string[] = [];
  for (const [i, sc] of scheds.entries()) {
    const plain = sc.byday.length && sc.byday.every((d) => d.length == 2);
    // 23:59 and 00:00 are the day's end; a closing time before the opening time is on the next day, as
    // the feed reads hours (22:00–02:00: open past midnight), where it is a night's (`nightHours`: from
    // 12:00, at most 16 hours). 09:00–05:00 is a slip, and one at the opening time no hours: both a note.
    const closes = sc.closes == '23:59' || sc.closes == '00:00' ? '24:00' : sc.closes;
    const weekly =
      (sc.freq == 'WEEKLY' || sc.freq == undefined) &&
      sc.interval == 1 &&
      plain &&
      !sc.bymonthday.length &&
      sc.opens &&
      closes;
    const slip = weekly && closes < sc.opens! && !nightHours(parseTime(sc.opens!), parseTime(closes));
    if (weekly && closes != sc.opens && !slip) {
      hours.push({ byDay: sc.byday, opens: sc.opens, closes });
      if (sc.validFrom || sc.validTo) {
        loss(
          ctx,
          `schedules[${i}].valid_to`,
          'Opening hours have no dates in the feed; the dates they are valid for were left out.',
        );
      }
      hoursNote.push(...sc.text);
      continue;
    }
    hoursNote.push(describe(sc) + '.', ...sc.text);
    loss(
      ctx,
      `schedules[${i}]`,
      slip
        ? `"${describe(sc)}" ${NOT_A_NIGHT}.`
        : `The schedule "${describe(sc)}" is not weekly opening hours; it was kept as text in the hours note.`,
    );
  }
  for (const h of objs(s.holiday_schedules)) {
    const from = dateOf(h.start_date);
    const to = dateOf(h.end_date);
    if (!from) continue;
    const range = to && to != from ? `${from} to ${to}` : from;
    const closed = h.closed === true || h.closed === 'true';
    const opens = timeOf(ctx, 'holiday_schedules.opens_at', h.opens_at) ?? '?';
    const closes = timeOf(ctx, 'holiday_schedules.closes_at', h.closes_at) ?? '?';
    hoursNote.push(closed ? `Closed ${range}.` : `${range}: ${opens}–${closes}.`);
  }
  if (hours.length) svc.hours = mergeHours(hours);
  const note = [...new Set(hoursNote)].join(' ');
  if (note) svc.hoursNote = note;
  const languages = languagesOf(ctx, s);
  if (languages) svc.languages = languages;
  const cost = costOf(ctx, s);
  if (cost) svc.cost = cost;
  const area = [...objs(s.service_areas).map((a) => text(a.name) ?? text(a.service_area)), text(s.service_area)].filter(
    Boolean,
  );
  if (area.length) svc.area = [...new Set(area)].join('; ');
  const reviewed = dateOf(s.assured_date);
  if (reviewed) svc.reviewed = reviewed;
  if (str(s.status)?.toLowerCase() == 'temporarily closed') {
    svc.hoursNote = `Temporarily closed.${svc.hoursNote ? ` ${svc.hoursNote}` : ''}`;
    loss(ctx, 'status', 'The service is temporarily closed; the feed has no status, so the hours note says so.');
  }
  svc.source = { ref: ctx.ref, id: rawId, ...(str(s.last_modified) ? { modified: str(s.last_modified) } : {}) };
  ctx.out.services.push(svc);
  return [svc];
}

/** One entry per distinct opening time, with its days in week order: Mon–Thu 09:00–17:00, Fri 09:00–16:30. */
function mergeHours(hours: J[]): J[] {
  const byTime = new Map<string, J>();
  for (const h of hours) {
    const key = `${h.opens}-${h.closes}`;
    const seen = byTime.get(key);
    if (seen) seen.byDay = [...new Set([...(seen.byDay as string[]), ...(h.byDay as string[])])];
    else byTime.set(key, { ...h });
  }
  const out = [...byTime.values()];
  for (const h of out) (h.byDay as string[]).sort((a, b) => dayIndex(a) - dayIndex(b));
  return out;
}

function referralOf(s: J): J | undefined {
  const how = text(s.application_process);
  const access = str(s.attending_access)?.toLowerCase();
  const r: J = {};
  if (how) r.how = how;
  if (access == 'referral') r.self = false;
  else if (access == 'drop-in' || access == 'drop in' || access == 'appointment' || access == 'membership')
    r.self = true;
  else if (how && /self[- ]?refer|refer (yourself|themselves)|you can refer/i.test(how)) r.self = true;
  return Object.keys(r).length ? r : undefined;
}

function mapSessions(ctx: Ctx, s: J, scheds: Sched[]): J[] {
  const rawId = String(s.id);
  const name = text(s.name)!;
  const description = text(s.description);
  if (str(s.description) && hasMarkup(str(s.description)!))
    loss(ctx, 'description', 'The HTML in the description was turned into plain text.');
  const org = mapOrganisation(ctx, s);
  const sals = objs(s.service_at_locations);
  const placeFor = (sc: Sched): string | undefined => {
    const i = sals.findIndex(
      (sal) =>
        (sc.serviceAtLocationId && str(sal.id) == sc.serviceAtLocationId) ||
        (sc.locationId && isObj(sal.location) && str(sal.location.id) == sc.locationId),
    );
    const pick = i >= 0 ? i : 0;
    const sal = sals[pick];
    return sal && isObj(sal.location)
      ? mapPlace(ctx, sal.location, `service_at_locations[${pick}].location`)
      : undefined;
  };
  if (sals.length > 1 && !scheds.some((sc) => sc.serviceAtLocationId || sc.locationId)) {
    loss(
      ctx,
      'service_at_locations',
      `The service is at ${sals.length} places, and its schedules do not say which; the first is kept.`,
    );
  }
  const { min, max } = agesOf(s);
  const ageRange = ageRangeOf(ctx, min, max);
  const category = categoryOf(ctx, s);
  const languages = languagesOf(ctx, s);
  const cost = costOf(ctx, s);
  const phones = phonesOf(ctx, s);
  const email = str(s.email) ? emailOf(str(s.email)!) : undefined;
  if (email?.problem) loss(ctx, 'email', `The email ${email.problem}; it was left out.`);
  const url = str(s.url) && /^https?:\/\//i.test(str(s.url)!) ? str(s.url) : undefined;
  const access = str(s.attending_access)?.toLowerCase();
  const holidays = objs(s.holiday_schedules);
  const out: J[] = [];
  for (const [i, sc] of scheds.entries()) {
    const field = `${objs(s.schedules).length ? 'schedules' : 'regular_schedules'}[${i}]`;
    // One session per schedule: the service's id, and for several schedules a short hash of each
    // schedule's own id (or its position), so ids stay the same from one import to the next.
    const id = ctx.out.sessionId(
      scheds.length == 1 ? compactId(rawId) : `${compactId(rawId, 48)}-${sc.id ? hashText(sc.id).slice(0, 6) : i + 1}`,
    );
    const schedule: J = {};
    let start = sc.dtstart ?? sc.validFrom;
    if (!start) {
      start = ctx.today;
      loss(ctx, field, `The schedule has no start date (dtstart); it starts from the day of the import, ${ctx.today}.`);
    } else if (!sc.dtstart)
      loss(ctx, `${field}.valid_from`, 'The schedule has no dtstart; valid_from was used as its first date.');
    schedule.startDate = start;
    const end = sc.until ?? sc.validTo;
    if (end && end >= start) {
      schedule.endDate = end;
      if (!sc.until) {
        loss(
          ctx,
          `${field}.valid_to`,
          `valid_to (${end}) says until when the information is valid; it was used as the last date of the series.`,
        );
      }
    } else if (end) loss(ctx, `${field}.valid_to`, `The end ${end} is before the start ${start}; it was left out.`);
    schedule.startTime = sc.opens;
    if (sc.closes && sc.closes > sc.opens!) schedule.endTime = sc.closes;
    schedule.repeatFrequency = `P${Math.min(sc.interval, 99)}${sc.freq == 'MONTHLY' ? 'M' : 'W'}`;
    const byDay = sc.freq == 'MONTHLY' ? sc.byday : sc.byday.filter((d) => d.length == 2);
    if (byDay.length < sc.byday.length)
      loss(
        ctx,
        `${field}.byday`,
        'Ordinal days (like 1MO) only make sense monthly; they were left out of a weekly schedule.',
      );
    if (byDay.length) schedule.byDay = byDay;
    if (sc.freq == 'MONTHLY' && sc.bymonthday.length) schedule.byMonthDay = sc.bymonthday;
    if (sc.count && sc.count >= 1) schedule.repeatCount = Math.trunc(sc.count);
    schedule.scheduleTimezone = ctx.zone;
    const words = sc.text.join(' ');
    if (/\bterm[- ]time\b/i.test(words) && !/\bnot (in|during) term[- ]time\b/i.test(words)) {
      schedule.termTimeOnly = true;
      loss(
        ctx,
        field,
        '"Term time only" was read from the schedule\'s description; check it. The session shows dates once ' +
          'the feed has school term dates (termDates).',
      );
    }
    if (/\b(not|closed) (\w+ ){0,4}(on )?(public|bank) holidays\b/i.test(words)) {
      schedule.notOnBankHolidays = true;
      loss(
        ctx,
        field,
        '"Not on bank holidays" was read from the schedule\'s description; check it. It needs the bank ' +
          'holidays in the feed (bankHolidays).',
      );
    }
    if (words) schedule.note = words;
    // v1 holiday schedules: closed ranges → exceptDate; other hours → changed occurrences.
    const except = new Set<string>();
    const occurrences: J[] = [];
    for (const h of holidays) {
      const from = dateOf(h.start_date);
      const to = dateOf(h.end_date) ?? from;
      if (!from || !to || to < from) continue;
      const rule = { ...(schedule as { startDate: string }), exceptDate: undefined, repeatCount: undefined };
      const days = ruleDates(rule, parseDay(from), Math.min(parseDay(to), parseDay(from) + 400)).map(formatDay);
      const closed = h.closed === true || h.closed === 'true';
      if (closed) days.forEach((d) => except.add(d));
      else {
        const opens = timeOf(ctx, 'holiday_schedules.opens_at', h.opens_at);
        const closes = timeOf(ctx, 'holiday_schedules.closes_at', h.closes_at);
        for (const d of days) {
          if (opens && closes && closes > opens)
            occurrences.push({ date: d, status: 'changed', startTime: opens, endTime: closes });
        }
      }
    }
    if (except.size) schedule.exceptDate = [...except].sort();
    const session: J = { id, name };
    if (description) session.description = description;
    if (category) session.category = category;
    if (ageRange) session.ageRange = ageRange;
    const place = placeFor(sc);
    if (place) session.place = place;
    if (org) session.organiser = org;
    session.schedule = schedule;
    if (occurrences.length) session.occurrences = occurrences;
    if (cost) session.cost = cost;
    const booking: J = {};
    if (access == 'referral' || access == 'appointment' || access == 'membership') booking.required = true;
    else if (access == 'drop-in' || access == 'drop in' || DROP_IN.test(text(s.application_process) ?? '')) {
      booking.required = false;
    }
    const link = sc.link && /^https?:\/\//i.test(sc.link) ? sc.link : undefined;
    if (link) booking.url = link;
    if (phones[0]) booking.phone = phones[0].number;
    if (email?.email) booking.email = email.email;
    const how = text(s.application_process);
    if (how) booking.note = how;
    if (Object.keys(booking).length) session.booking = booking;
    if (languages) session.languages = languages;
    if (url) session.url = url;
    session.source = {
      ref: ctx.ref,
      id: scheds.length == 1 ? rawId : `${rawId}#${sc.id ?? i + 1}`,
      ...(str(s.last_modified) ? { modified: str(s.last_modified) } : {}),
    };
    out.push(session);
    ctx.out.sessions.push(session);
  }
  return out;
}

function categoryOf(ctx: Ctx, s: J): string | undefined {
  const terms: { id?: string; name?: string }[] = [];
  for (const a of objs(s.attributes)) {
    const t = isObj(a.taxonomy_term) ? a.taxonomy_term : undefined;
    if (t) terms.push({ id: str(t.id), name: str(t.name) });
  }
  for (const st of objs(s.service_taxonomys)) {
    const t = isObj(st.taxonomy) ? st.taxonomy : undefined;
    if (t) terms.push({ id: str(t.id), name: str(t.name) });
  }
  const map = ctx.options.categories;
  for (const t of terms) {
    const hit = map && ((t.name && map[t.name.toLowerCase()]) || (t.id && map[t.id.toLowerCase()]));
    if (hit) return slugify(hit) || undefined;
  }
  const first = terms.find((t) => t.name);
  return first?.name ? slugify(first.name) || undefined : undefined;
}

// ---------------------------------------------------------------------------------------------
// The importer

/**
 * Imports an Open Referral UK directory (v1 or 3.0): an address to fetch (with `options.fetch`)
 * or a saved response. See the module comment and `OrukOptions`.
 */
export async function importOruk(input: Uint8Array | string, options: OrukOptions): Promise<ImportResult> {
  const now = options.now ?? new Date();
  const zone = options.timeZone ?? 'Europe/London';
  const { source, address } = sourceEntry('oruk', input, options);
  const notes: SourceNote[] = [];
  const r: Reader = {
    options,
    notes,
    detected: 'an Open Referral directory',
    progress: (line) => options.onProgress?.(line),
  };
  const report = {
    format: 'oruk' as const,
    detected: r.detected,
    source: options.name,
    records: [] as RecordReport[],
    notes,
  };
  let raws: Raw[];
  try {
    raws = address ? await readAddress(address, r) : readSaved(input, r);
  } catch (e) {
    report.detected = r.detected;
    const failed =
      e instanceof Failure
        ? e.message
        : `The directory could not be read (${e instanceof Error ? e.message : String(e)}).`;
    return { feed: {}, source, report: { ...report, failed } };
  }
  report.detected = r.detected;
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  const sessionIds = new IdAllocator();
  const serviceIds = new IdAllocator();
  const out: Out = {
    services: [],
    sessions: [],
    places: new Map(),
    organisations: new Map(),
    placeIds: new Map(),
    records: report.records,
    sessionId: (id) => sessionIds.claim(id),
    serviceId: (id) => serviceIds.claim(id),
  };
  const mode = options.asSessions ?? 'auto';
  for (const raw of raws) {
    const s = raw.service;
    const id = s.id != null ? String(s.id) : undefined;
    const at = { source: options.name, ...(id ? { id } : {}), ...(raw.page ? { page: raw.page } : {}) };
    const name = text(s.name);
    const rec: RecordReport = {
      outcome: 'imported',
      name: name ?? (id ? `service ${id}` : 'a service'),
      at,
      items: [],
      notes: [],
    };
    report.records.push(rec);
    const skip = (message: string, field?: string) => {
      rec.outcome = 'skipped';
      rec.notes.push({ field, message });
    };
    if (raw.missing) {
      skip(`Skipped: ${raw.missing}.`);
      continue;
    }
    if (!id) {
      skip('Skipped: the service has no id, so it could not be updated on the next import.', 'id');
      continue;
    }
    if (!name) {
      skip('Skipped: the service has no name.', 'name');
      continue;
    }
    const status = str(s.status)?.toLowerCase();
    if (status == 'inactive' || status == 'defunct') {
      skip(`Skipped: the directory marks it ${status}.`, 'status');
      continue;
    }
    const ctx: Ctx = { options, ref: source.id, zone, today, out, notes: rec.notes };
    if (raw.listOnly)
      loss(ctx, undefined, 'Only the list entry was read: schedules, locations, phones and languages are not in it.');
    try {
      const scheds = schedulesOf(ctx, s);
      const timetable = scheds.length > 0 && scheds.every(isTimetable);
      const asSessions = mode === true ? scheds.some(isTimetable) : mode == 'auto' && timetable;
      const items = asSessions ? mapSessions(ctx, s, scheds.filter(isTimetable)) : mapService(ctx, s, scheds);
      rec.items = items.map((it) => ({
        list: asSessions ? ('sessions' as const) : ('services' as const),
        id: String(it.id),
      }));
      if (asSessions && mode === true && scheds.length > rec.items.length) {
        loss(
          ctx,
          'schedules',
          `${scheds.length - rec.items.length} of its schedules are opening hours, not a timetable; ` +
            'they were left out.',
        );
      }
    } catch (e) {
      skip(`Skipped: it could not be read (${e instanceof Error ? e.message : String(e)}).`);
      continue;
    }
    rec.notes = [...new Map(rec.notes.map((n) => [`${n.field}|${n.message}`, n])).values()];
    if (rec.notes.length) rec.outcome = 'imported-with-losses';
  }
  const imported = report.records.filter((x) => x.outcome != 'skipped').length;
  notes.push({
    level: 'info',
    message:
      `${plural(raws.length, 'service')} read: ${out.services.length} imported as services, ` +
      `${plural(out.sessions.length, 'session')} made from timetables, ${raws.length - imported} skipped.`,
  });
  const feed: ImportResult['feed'] = { timeZone: zone };
  if (out.services.length) feed.services = out.services;
  if (out.sessions.length) feed.sessions = out.sessions;
  if (out.places.size) feed.places = [...out.places.values()];
  if (out.organisations.size) feed.organisations = [...out.organisations.values()];
  return { feed, source, report };
}
