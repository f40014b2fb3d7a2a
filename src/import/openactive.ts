/**
 * OpenActive opportunity data, harvested over RPDE (Realtime Paged Data Exchange): a leisure
 * provider's or booking system's feed of SessionSeries, with their Schedules and ScheduledSession
 * instances, becomes feed `sessions`, `places` and `organisations` (INTEROP §8.3).
 *
 * Input is a feed address (pages are followed by `next` to the last page, which RPDE defines as
 * one with no items whose `next` is its own address; an empty page alone is not the end) or a
 * saved page (or a list of pages). `OpenActiveOptions.feeds` adds the publisher's other feeds
 * (usually the ScheduledSession feed that goes with a SessionSeries feed). JSON is read without
 * losing precision, so `modified` values beyond 2^53 are kept exactly. Deleted items are dropped;
 * when an item appears twice, the later version wins.
 *
 * A SessionSeries becomes one session per `Schedule` in its `eventSchedule` (a `PartialSchedule`
 * is not extrapolated: its dated instances become the session's dates). ScheduledSession
 * instances that are cancelled, rescheduled or not in the pattern become `occurrences`; the
 * original date of a changed instance comes from its `@id` (which keeps the original start).
 * OpenActive data is CC-BY: the page's `license` becomes the source's `licence`, with an
 * `attribution` sentence the elements show beside the sessions.
 *
 * A source that fails part way (an error after some pages, a login page, malformed JSON, a
 * network error) gives `report.failed` and no items; a problem with one item only skips it.
 */
import { DAYS } from '../feed/vocabulary.js';
import { formatDay, parseDay, wallClock } from '../schedule/civil.js';
import { ruleDates, type DateRule } from '../schedule/recur.js';
import {
  asSentence,
  compactId,
  decodeBytes,
  fetchText,
  hashText,
  IdAllocator,
  isObject,
  JsonError,
  numberOf,
  objectsOf,
  parseJson,
  plainTextOf,
  quoted,
  slugify,
  sourceEmail,
  sourceEntry,
  sourcePhone,
  textOf,
  ukCountry,
  ukGeo,
  wallTime,
  type JsonObject as J,
  plural,
} from './common.js';
import type { ImportOptions, ImportResult, RecordNote, RecordReport, SourceNote } from './types.js';
import { isTimeZone } from '../feed/schema/values.js';

export interface OpenActiveOptions extends ImportOptions {
  /**
   * More RPDE feed addresses read into the same import: a publisher's ScheduledSession feed that
   * goes with its SessionSeries feed (the instances say which dates are cancelled or moved).
   */
  feeds?: string[];
  /** The most pages read from one feed before giving up (default 1000). */
  maxPages?: number;
  /** Category ids by activity name or activity-list id (lower case): `{ "baby yoga": "baby-yoga" }`. */
  categories?: Record<string, string>;
  /** Wait before retrying a failed request (default 1000 ms; tests use 0). */
  retryDelayMs?: number;
}

/** An RPDE item, as the stream last gave it. */
interface Item {
  kind: string;
  id: string;
  state: string;
  /** As written, digits kept exactly: a number beyond 2^53 is a string of its digits. */
  modified?: string;
  data?: J;
  feed: string;
  page: number;
}

interface Harvest {
  items: Map<string, Item>;
  licence?: string;
  deleted: number;
  notes: SourceNote[];
  pages: number;
}

class Failure extends Error {}

const SCHEMA_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** OpenActive amenities the feed has a word for. */
const AMENITIES: Record<string, string> = { babychanging: 'baby-changing', parking: 'car-parking' };
const LICENCES: Record<string, string> = {
  'creativecommons.org/licenses/by/4.0': 'the Creative Commons Attribution 4.0 licence (CC BY 4.0)',
  'creativecommons.org/licenses/by-sa/4.0': 'the Creative Commons Attribution-ShareAlike 4.0 licence (CC BY-SA 4.0)',
  'creativecommons.org/publicdomain/zero/1.0': 'CC0 (no rights reserved)',
  'nationalarchives.gov.uk/doc/open-government-licence/version/3': 'the Open Government Licence v3.0',
};

const typeOf = (v: J): string => {
  const t = v['@type'] ?? v.type;
  return (Array.isArray(t) ? String(t[0] ?? '') : String(t ?? '')).replace(/^.*[/#:]/, '');
};
const idOf = (v: J): string | undefined => textOf(v['@id']) ?? textOf(v.id);
const capital = (t: string) => t[0].toUpperCase() + t.slice(1);
/** The last part of a schema.org or OpenActive term: "https://schema.org/EventCancelled" → "EventCancelled". */
const term = (v: unknown) => textOf(v)?.replace(/^.*[/#:]/, '');
const modifiedOf = (v: unknown): string | undefined =>
  typeof v == 'number' && isFinite(v) ? String(v) : typeof v == 'string' && v.trim() ? v.trim() : undefined;
/** Is modified `a` later than `b`? Whole numbers compare exactly at any size; others as text. */
const later = (a?: string, b?: string) => {
  if (a == null || b == null) return true;
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return BigInt(a) >= BigInt(b);
  return a >= b;
};
const normalUrl = (u: string) => {
  try {
    return new URL(u).href;
  } catch {
    return u;
  }
};

// ---------------------------------------------------------------------------------------------
// Reading the feeds

function readPage(json: unknown, where: string): { items: J[]; next?: string; license?: string } {
  if (!isObject(json) || !Array.isArray(json.items)) {
    throw new Failure(
      `${capital(where)} is not an OpenActive (RPDE) page: it has no "items" list. ` +
        "Check that the address is one of the publisher's RPDE feeds, as listed on its dataset page.",
    );
  }
  return { items: json.items.filter(isObject), next: textOf(json.next), license: textOf(json.license) };
}

function addItems(h: Harvest, items: J[], feed: string, page: number) {
  for (const raw of items) {
    const id = textOf(raw.id);
    if (!id) continue;
    const item: Item = {
      kind: textOf(raw.kind) ?? (isObject(raw.data) ? typeOf(raw.data) : ''),
      id,
      state: textOf(raw.state) ?? 'updated',
      modified: modifiedOf(raw.modified),
      data: isObject(raw.data) ? raw.data : undefined,
      feed,
      page,
    };
    const key = `${item.kind}|${id}`;
    const before = h.items.get(key);
    if (!before || later(item.modified, before.modified)) h.items.set(key, item);
  }
}

async function harvestFeed(start: string, h: Harvest, options: OpenActiveOptions) {
  const maxPages = options.maxPages ?? 1000;
  const seen = new Set<string>();
  let url = normalUrl(start);
  const host = new URL(url).host;
  for (let n = 1; ; n++) {
    if (n > maxPages) {
      throw new Failure(
        `The feed at ${host} has more than ${maxPages} pages; stopped there, so nothing was imported. ` +
          'Raise the page limit (maxPages) to read it all.',
      );
    }
    const what = `page ${n} of the feed`;
    const got = await fetchText(url, {
      fetch: options.fetch,
      signal: options.signal,
      what,
      retryDelayMs: options.retryDelayMs,
    });
    if (!got.ok)
      throw new Failure(
        n > 1 ? `${got.reason} ${plural(n - 1, 'page')} had been read; nothing was imported.` : got.reason,
      );
    let json: unknown;
    try {
      json = parseJson(got.text);
    } catch (e) {
      const why = e instanceof JsonError ? e.message : String(e);
      throw new Failure(
        `The answer from ${host} for ${what} could not be read: ${why}. ` +
          (why.includes('web page')
            ? 'The address may need a login, or may not be an RPDE feed; check it in a browser.'
            : 'Try again later, or ask the publisher.'),
      );
    }
    const page = readPage(json, what);
    h.pages++;
    if (page.license) h.licence ??= page.license;
    addItems(h, page.items, start, n);
    options.onProgress?.(`Page ${n} of ${host}${new URL(url).pathname}: ${page.items.length} items…`);
    seen.add(url);
    if (!page.next) {
      h.notes.push({
        level: 'warning',
        message: `Page ${n} of the feed has no "next" address; it was taken as the last.`,
      });
      return;
    }
    const next = normalUrl(new URL(page.next, url).href);
    // The last page: no items, and "next" is its own address.
    if (next == url) {
      if (page.items.length) {
        h.notes.push({
          level: 'warning',
          message: `Page ${n} points to itself but still has items; it was taken as the last page.`,
        });
      }
      return;
    }
    if (seen.has(next)) {
      h.notes.push({
        level: 'warning',
        message: `Page ${n} of the feed points back to a page already read; reading stopped there.`,
      });
      return;
    }
    url = next;
  }
}

function readSaved(input: Uint8Array | string, h: Harvest) {
  let json: unknown;
  try {
    json = parseJson(decodeBytes(input).text);
  } catch (e) {
    throw new Failure(`The file could not be read: ${e instanceof Error ? e.message : String(e)}.`);
  }
  const pages = Array.isArray(json) ? json : [json];
  pages.forEach((p, i) => {
    const page = readPage(p, pages.length > 1 ? `page ${i + 1} of the file` : 'the file');
    h.pages++;
    if (page.license) h.licence ??= page.license;
    addItems(h, page.items, 'file', i + 1);
  });
  const last = pages.at(-1) as J;
  if (Array.isArray(last.items) && last.items.length) {
    h.notes.push({
      level: 'warning',
      message:
        'The file holds RPDE pages but not the last one (an empty page), so the feed may have more. ' +
        "Import from the feed's address to read every page.",
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Mapping

interface Ctx {
  options: OpenActiveOptions;
  ref: string;
  zone: string;
  today: string;
  now: Date;
  notes: RecordNote[];
  places: Map<string, J>;
  organisations: Map<string, J>;
  sessionIds: IdAllocator;
}

const loss = (ctx: Ctx, field: string | undefined, message: string) => ctx.notes.push({ field, message });

/** A date or date-time → the date in `zone` (an instant's local date; a plain date as it is). */
function localDate(v: unknown, zone: string): string | undefined {
  const s = textOf(v);
  if (!s) return undefined;
  if (/^\d{4}-\d\d-\d\d$/.test(s)) return s;
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/i.test(s)) {
    const t = Date.parse(s);
    return isNaN(t) ? undefined : formatDay(wallClock(t, zone).day);
  }
  return /^(\d{4}-\d\d-\d\d)T/.exec(s)?.[1];
}

/** An instant → its date and wall-clock time in `zone`. */
function localDateTime(v: unknown, zone: string): { date: string; time: string } | undefined {
  const s = textOf(v);
  if (!s || !/T\d\d:\d\d/.test(s)) return undefined;
  if (!/(Z|[+-]\d\d:?\d\d)$/i.test(s)) {
    const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(s);
    return m ? { date: m[1], time: m[2] } : undefined;
  }
  const t = Date.parse(s);
  if (isNaN(t)) return undefined;
  const { day, minutes } = wallClock(t, zone);
  const m = Math.floor(minutes);
  return {
    date: formatDay(day),
    time: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
  };
}

/** "MO", "+1MO", "1MO", "-1FR", "https://schema.org/Monday", "schema:Monday" → the feed's day, or undefined. */
export function dayOf(v: unknown): string | undefined {
  const s = textOf(v);
  if (!s) return undefined;
  const named = SCHEMA_DAYS.indexOf(s.replace(/^.*[/#:]/, '').toLowerCase());
  if (named >= 0) return DAYS[named];
  const m = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/i.exec(s);
  if (!m) return undefined;
  const nth = m[1] ? Number(m[1]) : 0;
  if (nth < -1) return undefined;
  return `${nth ? String(nth) : ''}${m[2].toUpperCase()}`;
}

const minutesOfDuration = (d: string) => {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(d);
  if (!m || d == 'P' || d.endsWith('T')) return undefined;
  return Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) + Math.round(Number(m[4] ?? 0) / 60);
};
const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
/** Minutes → an ISO duration the feed takes: 90 → "PT1H30M". */
const isoDuration = (minutes: number) => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}`;
};
const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** A time from a Schedule ("10:00", "10:00:00"), noting what was dropped. */
function timeOf(ctx: Ctx, field: string, v: unknown): string | undefined {
  const s = textOf(v);
  if (!s) return undefined;
  const t = wallTime(s);
  if (!t || t.time == '24:00') {
    loss(ctx, field, `${quoted(s)} is not a time; it was left out.`);
    return undefined;
  }
  if (t.zone) loss(ctx, field, `${quoted(s)} carries a time zone; it was kept as ${t.time} on the schedule's clock.`);
  else if (t.seconds) loss(ctx, field, `${quoted(s)} has seconds; it was kept as ${t.time}.`);
  return t.time;
}

interface Rule {
  schedule: J;
  /** A pattern of `@id`s for its instances, from idTemplate ("…/{startDate}"). */
  idTemplate?: string;
  zone: string;
}

/** A feed schedule from an OpenActive Schedule, or why it cannot be one. */
function mapSchedule(ctx: Ctx, sch: J, field: string): Rule | { problem: string } {
  const zoneWritten = textOf(sch.scheduleTimezone);
  let zone = ctx.zone;
  if (zoneWritten && isTimeZone(zoneWritten)) zone = zoneWritten;
  else if (zoneWritten)
    loss(ctx, `${field}.scheduleTimezone`, `${quoted(zoneWritten)} is not a time zone; ${ctx.zone} was used.`);
  else loss(ctx, `${field}.scheduleTimezone`, `The schedule has no time zone; ${ctx.zone} was used.`);
  const out: J = {};
  const freqText = textOf(sch.repeatFrequency)?.toUpperCase();
  const freq = freqText ? /^P([1-9]\d?)([DWMY])$/.exec(freqText) : undefined;
  if (freqText && !freq)
    return { problem: `the repeat frequency ${quoted(freqText)} is not one the feed can hold (like P1W or P1M)` };
  const startDate = localDate(sch.startDate, zone);
  if (startDate) out.startDate = startDate;
  else {
    out.startDate = ctx.today;
    loss(
      ctx,
      `${field}.startDate`,
      `The schedule has no start date; it starts from the day of the import, ${ctx.today}.`,
    );
  }
  const endDate = localDate(sch.endDate, zone);
  if (endDate && endDate >= (out.startDate as string)) out.endDate = endDate;
  else if (endDate) loss(ctx, `${field}.endDate`, `The end date ${endDate} is before the start; it was left out.`);
  const start = timeOf(ctx, `${field}.startTime`, sch.startTime);
  const end = timeOf(ctx, `${field}.endTime`, sch.endTime);
  const duration = textOf(sch.duration);
  const durationMinutes = duration ? minutesOfDuration(duration) : undefined;
  if (start) {
    out.startTime = start;
    if (end && end > start) out.endTime = end;
    else if (end || durationMinutes) {
      const length = end ? (toMinutes(end) - toMinutes(start) + 1440) % 1440 || 1440 : durationMinutes!;
      if (toMinutes(start) + length < 1440) out.endTime = hhmm(toMinutes(start) + length);
      else out.duration = isoDuration(length);
    }
  }
  if (freq) out.repeatFrequency = `P${freq[1]}${freq[2]}`;
  const unit = freq?.[2];
  const days: string[] = [];
  for (const d of Array.isArray(sch.byDay) ? sch.byDay : sch.byDay != null ? [sch.byDay] : []) {
    const code = dayOf(d);
    if (!code) {
      loss(ctx, `${field}.byDay`, `${quoted(String(term(d) ?? d))} is not a day the feed can hold; it was left out.`);
      continue;
    }
    if (code.length > 2 && unit != 'M' && unit != 'Y') {
      loss(
        ctx,
        `${field}.byDay`,
        `${quoted(String(d))} names an nth weekday, which only a monthly series can use; the day was kept.`,
      );
      days.push(code.slice(-2));
    } else days.push(code);
  }
  if (days.length) out.byDay = [...new Set(days)];
  const ints = (v: unknown, min: number, max: number) =>
    (Array.isArray(v) ? v : v != null ? [v] : [])
      .map(numberOf)
      .filter((n): n is number => n != null && Number.isInteger(n) && n >= min && n <= max && n != 0);
  const byMonth = ints(sch.byMonth, 1, 12);
  if (byMonth.length) out.byMonth = byMonth;
  const byMonthDay = ints(sch.byMonthDay, -1, 31);
  if (byMonthDay.length) out.byMonthDay = byMonthDay;
  const count = numberOf(sch.repeatCount);
  if (count != null && count >= 1) out.repeatCount = Math.trunc(count);
  if (!freq && (days.length || byMonth.length || byMonthDay.length)) {
    out.repeatFrequency = byMonthDay.length || days.some((d) => d.length > 2) ? 'P1M' : 'P1W';
    loss(
      ctx,
      `${field}.repeatFrequency`,
      `The schedule has no repeat frequency; ${out.repeatFrequency} was assumed from its days.`,
    );
  }
  const except: string[] = [];
  for (const e of Array.isArray(sch.exceptDate) ? sch.exceptDate : sch.exceptDate != null ? [sch.exceptDate] : []) {
    const d = localDate(e, zone);
    if (d) except.push(d);
    else loss(ctx, `${field}.exceptDate`, `${quoted(String(e))} is not a date; it was left out.`);
  }
  if (except.length) out.exceptDate = [...new Set(except)].sort();
  out.scheduleTimezone = zone;
  return { schedule: out, idTemplate: textOf(sch.idTemplate), zone };
}

function mapPlace(ctx: Ctx, loc: J, field: string): string | undefined {
  const address = isObject(loc.address) ? loc.address : {};
  const postcode = textOf(address.postalCode)?.toUpperCase();
  const street = textOf(address.streetAddress);
  const name =
    plainTextOf(loc.name) ?? street ?? postcode ?? (typeof loc.address == 'string' ? loc.address : undefined);
  if (!name) {
    loss(ctx, field, 'The location has no name and no address; it was left out.');
    return undefined;
  }
  const rawId = textOf(loc.identifier) ?? idOf(loc);
  const id = compactId(rawId ?? `${name}-${postcode ?? ''}`);
  if (ctx.places.has(id)) return id;
  const place: J = { id, name };
  const a: J = {};
  if (street) a.street = street;
  const locality = textOf(address.addressLocality);
  if (locality) a.locality = locality;
  const region = textOf(address.addressRegion);
  if (region) a.region = region;
  if (postcode) a.postcode = postcode;
  const country = ukCountry(address.addressCountry);
  if (country.value) a.country = country.value;
  else if (country.problem)
    loss(ctx, `${field}.address.addressCountry`, `${capital(country.problem)}; it was left out.`);
  if (Object.keys(a).length) place.address = a;
  const g = isObject(loc.geo) ? loc.geo : {};
  const geo = ukGeo(g.latitude, g.longitude);
  if (geo.value) place.geo = geo.value;
  else if (geo.problem) loss(ctx, `${field}.geo`, `${capital(geo.problem)}; they were left out.`);
  const facilities: string[] = [];
  const other: string[] = [];
  for (const f of objectsOf(loc.amenityFeature)) {
    if (f.value === false || f.value === 'false') continue;
    const known = AMENITIES[typeOf(f).toLowerCase()];
    if (known) facilities.push(known);
    else other.push(plainTextOf(f.name) ?? typeOf(f));
  }
  if (facilities.length) place.facilities = [...new Set(facilities)];
  if (other.length) {
    loss(ctx, `${field}.amenityFeature`, `Amenities the feed has no word for were left out: ${other.join(', ')}.`);
  }
  const url = textOf(loc.url);
  if (url && /^https?:\/\//i.test(url)) place.url = url;
  place.source = { ref: ctx.ref, ...(rawId ? { id: rawId } : {}) };
  ctx.places.set(id, place);
  return id;
}

function mapOrganiser(ctx: Ctx, org: J): string | undefined {
  const name = plainTextOf(org.name) ?? [textOf(org.givenName), textOf(org.familyName)].filter(Boolean).join(' ');
  if (!name) return undefined;
  const rawId = textOf(org.identifier) ?? idOf(org);
  const id = compactId(rawId ?? name);
  if (ctx.organisations.has(id)) return id;
  const o: J = { id, name };
  const url = textOf(org.url);
  if (url && /^https?:\/\//i.test(url)) o.url = url;
  const email = textOf(org.email) ? sourceEmail(textOf(org.email)!) : undefined;
  if (email?.value) o.email = email.value;
  else if (email?.problem) loss(ctx, 'organizer.email', `The organiser's email: ${email.problem}; it was left out.`);
  const phone = textOf(org.telephone) ? sourcePhone(textOf(org.telephone)!) : undefined;
  if (phone?.value) o.phone = phone.value.number;
  else if (phone?.problem)
    loss(ctx, 'organizer.telephone', `The organiser's phone: ${phone.problem}; it was left out.`);
  o.source = { ref: ctx.ref, ...(rawId ? { id: rawId } : {}) };
  ctx.organisations.set(id, o);
  return id;
}

function costOf(ctx: Ctx, offers: J[]): J | undefined {
  if (!offers.length) return undefined;
  const describe = (o: J) => {
    const price = numberOf(o.price);
    const name = plainTextOf(o.name);
    const currency = textOf(o.priceCurrency)?.toUpperCase() ?? 'GBP';
    const amount = price?.toFixed(price % 1 ? 2 : 0);
    const money = price == null ? '' : price == 0 ? 'Free' : currency == 'GBP' ? `£${amount}` : `${currency} ${amount}`;
    return [name, money].filter(Boolean).join(' ');
  };
  const first = offers[0];
  const price = numberOf(first.price);
  const cost: J = {};
  if (price === 0) cost.free = true;
  else if (price != null && price > 0) {
    cost.amount = price;
    const currency = textOf(first.priceCurrency)?.toUpperCase();
    if (currency && /^[A-Z]{3}$/.test(currency)) cost.currency = currency;
  }
  if (offers.length > 1) {
    cost.note = offers.map(describe).filter(Boolean).join('; ');
    loss(ctx, 'offers', `${offers.length} prices are given; the first is the amount and all of them are in the note.`);
  } else if (plainTextOf(first.name)) cost.note = plainTextOf(first.name);
  return Object.keys(cost).length ? cost : undefined;
}

/** The feed's ageRange from OpenActive's ageRange in years, only when it plausibly describes the child. */
function ageRangeOf(ctx: Ctx, data: J, pregnancy: boolean): J | undefined {
  const range: J = {};
  if (pregnancy) range.pregnancy = true;
  const age = isObject(data.ageRange) ? data.ageRange : undefined;
  const min = numberOf(age?.minValue);
  const max = numberOf(age?.maxValue);
  if (age && (min != null || max != null)) {
    const written = `${min ?? 0}${max != null ? `–${max}` : '+'} years`;
    if (max != null && max <= 5) {
      range.fromMonths = Math.round((min ?? 0) * 12);
      range.toMonths = Math.round(max * 12);
    } else if (min != null && min < 5 && max != null) {
      range.fromMonths = Math.round(min * 12);
      range.toMonths = 60;
      loss(ctx, 'ageRange', `The age range ${written} goes past 5 years; the feed's stops at 60 months.`);
    } else {
      loss(ctx, 'ageRange', `The age range ${written} describes the adult taking part, not the baby; it was left out.`);
    }
  }
  return Object.keys(range).length ? range : undefined;
}

function categoryOf(ctx: Ctx, activities: J[]): string | undefined {
  const map = ctx.options.categories;
  for (const a of activities) {
    const label = textOf(a.prefLabel)?.toLowerCase();
    const id = idOf(a)?.toLowerCase();
    const hit = map && ((label && map[label]) || (id && map[id]));
    if (hit) return slugify(hit) || undefined;
  }
  const label = activities.map((a) => textOf(a.prefLabel)).find(Boolean);
  return label ? slugify(label) || undefined : undefined;
}

/** A dated instance of a series (an embedded subEvent or a ScheduledSession item), read. */
interface Instance {
  item?: Item;
  data: J;
  /** The date the instance was first scheduled for (from its @id when it was moved), in the zone. */
  original?: string;
  start?: { date: string; time: string };
  end?: { date: string; time: string };
  status: 'scheduled' | 'cancelled' | 'changed' | 'postponed';
  place?: string;
}

function readInstance(data: J, rules: Rule[], zone: string): Instance {
  const status = term(data.eventStatus)?.toLowerCase();
  const start = localDateTime(data.startDate, zone);
  let end = localDateTime(data.endDate, zone);
  const duration = textOf(data.duration);
  if (!end && start && duration && minutesOfDuration(duration) != null) {
    const m = toMinutes(start.time) + minutesOfDuration(duration)!;
    if (m < 1440) end = { date: start.date, time: hhmm(m) };
  }
  // The original start: matched against the idTemplate's {startDate}, else any date-time in the @id.
  let original: string | undefined;
  const id = idOf(data);
  if (id) {
    for (const r of rules) {
      if (!r.idTemplate?.includes('{startDate}')) continue;
      const [before, after] = r.idTemplate.split('{startDate}');
      // Other {placeholders} in the template match any text within one path segment.
      const esc = (t: string) =>
        t
          .split(/\{[^}]*\}/)
          .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
          .join('[^/]*');
      const m = new RegExp(`^${esc(before)}(.+?)${esc(after)}$`).exec(id);
      if (m) original = localDate(decodeURIComponent(m[1]), zone);
      if (original) break;
    }
    original ??= localDate(/\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?/i.exec(id)?.[0], zone);
  }
  return {
    data,
    original: original ?? start?.date,
    start,
    end,
    status:
      status == 'eventcancelled'
        ? 'cancelled'
        : status == 'eventpostponed'
          ? 'postponed'
          : status == 'eventrescheduled' || status == 'eventmovedonline'
            ? 'changed'
            : 'scheduled',
  };
}

/** One feed session under construction, with what its instances need. */
interface Built {
  session: J;
  rule?: Rule;
}

/**
 * Applies an instance to the series' sessions: a cancellation, a change, or an extra date.
 * Returns the session it belongs to (undefined when it changes nothing: past, or nothing to cancel).
 */
function applyInstance(ctx: Ctx, built: Built[], inst: Instance, field: string): Built | undefined {
  const date = inst.original;
  if (!date) {
    loss(ctx, field, 'An instance with no date was left out.');
    return undefined;
  }
  if ((inst.end?.date ?? inst.start?.date ?? date) < ctx.today && date < ctx.today) return undefined; // past
  // The session whose pattern has that date (and, if several, that start time).
  const inPattern = built.filter((b) => {
    if (!b.rule) return false;
    const day = parseDay(date);
    const s = b.session.schedule as DateRule;
    return ruleDates({ ...s, exceptDate: undefined }, day, day).length > 0;
  });
  const match =
    inPattern.find(
      (b) => !inst.start || (b.session.schedule as J).startTime == inst.start.time || inst.status != 'scheduled',
    ) ?? inPattern[0];
  const target = match ?? built[0];
  const occurrences = ((target.session.occurrences as J[] | undefined) ?? []) as J[];
  const schedule = target.session.schedule as J;
  const add = (o: J) => {
    const i = occurrences.findIndex((x) => x.date == o.date);
    if (i >= 0) occurrences[i] = o;
    else occurrences.push(o);
  };
  const times = (o: J) => {
    if (inst.start && inst.start.time != schedule.startTime) o.startTime = inst.start.time;
    if (inst.end && inst.end.date == inst.start?.date && inst.end.time > (inst.start?.time ?? '')) {
      if (o.startTime || inst.end.time != schedule.endTime) {
        o.startTime ??= inst.start!.time;
        o.endTime = inst.end.time;
      }
    }
    return o;
  };
  if (inst.status == 'cancelled') {
    if (!match) return undefined; // nothing to cancel
    add({ date, status: 'cancelled' });
  } else if (inst.status == 'postponed' && (!inst.start || inst.start.date == date)) {
    if (!match) return undefined;
    add({ date, status: 'cancelled', note: 'Postponed' });
  } else if (inst.start && inst.start.date != date) {
    // Moved to another day: the original date is cancelled and the new one added.
    if (match) add({ date, status: 'cancelled', note: `Moved to ${inst.start.date}` });
    add(times({ date: inst.start.date, status: 'scheduled', note: `Moved from ${date}`, startTime: inst.start.time }));
    loss(
      ctx,
      field,
      `The session of ${date} moved to ${inst.start.date}; the feed shows a cancellation and an extra date.`,
    );
  } else if (!match) {
    add(times({ date, status: 'scheduled', ...(inst.start ? { startTime: inst.start.time } : {}) }));
  } else {
    const o = times({ date, status: 'changed' });
    if (o.startTime || o.endTime || inst.place) {
      if (inst.place && inst.place != target.session.place) o.place = inst.place;
      if (o.startTime || o.endTime || o.place) add(o);
    }
  }
  if (occurrences.length)
    target.session.occurrences = occurrences.sort((a, b) => String(a.date).localeCompare(String(b.date)));
  return target;
}

/** A SessionSeries (or Event, CourseInstance) → sessions, places and organisations. */
function mapSeries(ctx: Ctx, item: Item, data: J, instances: Instance[]): Built[] {
  const name =
    plainTextOf(data.name) ??
    objectsOf(data.activity)
      .map((a) => textOf(a.prefLabel))
      .find(Boolean);
  if (!name) throw new Failure('it has no name');
  const activities = objectsOf(data.activity);
  const labels = activities.map((a) => textOf(a.prefLabel) ?? '').join(' ');
  const pregnancy = /pregnan|antenatal|ante-natal|aquanatal|prenatal/i.test(labels);
  if (pregnancy) loss(ctx, 'activity', `"For pregnancy" was read from the activity (${labels.trim()}).`);
  const base: J = { name };
  const description = plainTextOf(data.description);
  if (description) base.description = description;
  const category = categoryOf(ctx, activities);
  if (category) base.category = category;
  const ageRange = ageRangeOf(ctx, data, pregnancy);
  if (ageRange) base.ageRange = ageRange;
  const location = isObject(data.location) ? data.location : undefined;
  const mode = term(data.eventAttendanceMode)?.toLowerCase();
  if (location && typeOf(location).toLowerCase() == 'virtuallocation') {
    const url = textOf(location.url);
    base.online = url && /^https?:\/\//i.test(url) ? { url } : {};
  } else if (location) {
    const place = mapPlace(ctx, location, 'location');
    if (place) base.place = place;
    if (mode == 'mixedeventattendancemode') base.online = { note: 'Also online' };
  } else if (mode == 'onlineeventattendancemode') base.online = {};
  const organizer = isObject(data.organizer) ? data.organizer : undefined;
  const organiser = organizer ? mapOrganiser(ctx, organizer) : undefined;
  if (organiser) base.organiser = organiser;
  const cost = costOf(ctx, objectsOf(data.offers));
  if (cost) base.cost = cost;
  const offerUrl = objectsOf(data.offers)
    .map((o) => textOf(o.url))
    .find((u) => u && /^https?:\/\//i.test(u));
  const url = textOf(data.url);
  const booking: J = {};
  if (offerUrl && offerUrl != url) booking.url = offerUrl;
  const instructions = plainTextOf(data.attendeeInstructions);
  if (instructions) booking.note = instructions;
  if (Object.keys(booking).length) base.booking = booking;
  if (url && /^https?:\/\//i.test(url)) base.url = url;
  const notes: string[] = [];
  const scheduling = plainTextOf(data.schedulingNote);
  if (scheduling) notes.push(asSentence(scheduling));
  const gender = term(data.genderRestriction)?.toLowerCase();
  if (gender == 'femaleonly' || gender == 'maleonly') {
    notes.push(gender == 'femaleonly' ? 'Women and girls only.' : 'Men and boys only.');
    loss(ctx, 'genderRestriction', 'The feed has no field for who may come; the schedule note says it.');
  }
  const source = (suffix?: string) => ({
    ref: ctx.ref,
    id: suffix ? `${item.id}#${suffix}` : item.id,
    ...(item.modified ? { modified: item.modified } : {}),
  });
  const baseId = compactId(item.id, 56);
  const schedules = objectsOf(data.eventSchedule);
  const rules: { rule: Rule; raw: J; index: number }[] = [];
  let partial = false;
  schedules.forEach((sch, i) => {
    const field = `eventSchedule[${i}]`;
    if (typeOf(sch).toLowerCase() == 'partialschedule') {
      partial = true;
      return;
    }
    const r = mapSchedule(ctx, sch, field);
    if ('problem' in r) loss(ctx, field, `The schedule was left out: ${r.problem}.`);
    else rules.push({ rule: r, raw: sch, index: i });
  });
  const built: Built[] = rules.map(({ rule, raw, index }) => {
    const own = textOf(raw.identifier) ?? idOf(raw);
    const s = rule.schedule;
    const suffix =
      rules.length == 1
        ? undefined
        : own
          ? hashText(own).slice(0, 6)
          : slugify(
              `${((s.byDay as string[] | undefined) ?? []).join('-')}-` +
                String(s.startTime ?? index + 1).replace(':', ''),
            ) || String(index + 1);
    const schedule = { ...s };
    if (notes.length) schedule.note = notes.join(' ');
    return {
      session: {
        id: ctx.sessionIds.claim(suffix ? `${baseId}-${suffix}` : baseId),
        ...base,
        schedule,
        source: source(suffix),
      },
      rule,
    };
  });
  const written = schedules.map((sch) => textOf(sch.scheduleTimezone)).find((z) => z && isTimeZone(z));
  const zone = rules[0]?.rule.zone ?? written ?? ctx.zone;
  // Read the instances now the rules (and their idTemplates) are known.
  const read: Instance[] = instances.map((i) => ({
    ...readInstance(
      i.data,
      rules.map((r) => r.rule),
      zone,
    ),
    item: i.item,
  }));
  for (const r of read) {
    const loc = isObject(r.data.location) ? r.data.location : undefined;
    if (loc && typeOf(loc).toLowerCase() != 'virtuallocation') r.place = mapPlace(ctx, loc, 'subEvent.location');
  }
  if (!built.length) {
    // No Schedule to follow (only a PartialSchedule, or none): the dated instances are the dates.
    const upcoming = read
      .filter((r) => r.start && r.status != 'cancelled' && r.start.date >= ctx.today)
      .sort((a, b) => (a.start!.date + a.start!.time).localeCompare(b.start!.date + b.start!.time));
    const single = textOf(data.startDate) && !read.length ? localDateTime(data.startDate, zone) : undefined;
    if (single && single.date >= ctx.today) {
      const end = localDateTime(data.endDate, zone);
      upcoming.push({ data, start: single, end, status: 'scheduled', original: single.date });
    }
    if (!upcoming.length) {
      throw new Failure(
        partial
          ? 'it has only a partial schedule, which must not be extrapolated, and no upcoming dated sessions'
          : 'it has no schedule and no upcoming dates',
      );
    }
    if (partial)
      loss(ctx, 'eventSchedule', 'The partial schedule was not extrapolated; the dated sessions were imported.');
    const [first, ...rest] = upcoming;
    const schedule: J = { startDate: first.start!.date, startTime: first.start!.time };
    if (first.end && first.end.date == first.start!.date && first.end.time > first.start!.time) {
      schedule.endTime = first.end.time;
    }
    schedule.scheduleTimezone = zone;
    if (notes.length) schedule.note = notes.join(' ');
    const session: J = { id: ctx.sessionIds.claim(baseId), ...base, schedule, source: source() };
    const b: Built = { session };
    for (const r of rest) {
      const o: J = { date: r.start!.date, status: 'scheduled' };
      if (r.start!.time != schedule.startTime || r.end?.time != schedule.endTime) {
        o.startTime = r.start!.time;
        if (r.end && r.end.date == r.start!.date && r.end.time > r.start!.time) o.endTime = r.end.time;
      }
      if (r.place && r.place != session.place) o.place = r.place;
      session.occurrences = [...((session.occurrences as J[]) ?? []), o];
    }
    return [b];
  }
  if (partial) loss(ctx, 'eventSchedule', 'A partial schedule beside the full ones was not extrapolated.');
  for (const r of read) {
    const touched = applyInstance(ctx, built, r, r.item ? `ScheduledSession ${r.item.id}` : 'subEvent');
    if (r.item && touched) (r.item as Item & { session?: string }).session = touched.session.id as string;
  }
  return built;
}

// ---------------------------------------------------------------------------------------------
// The importer

const attributionOf = (licence: string | undefined, publishers: string[], host: string): string => {
  const by =
    publishers.length && publishers.length <= 3 ? publishers.join(', ').replace(/, ([^,]*)$/, ' and $1') : host;
  const known =
    licence &&
    Object.entries(LICENCES).find(([k]) =>
      licence
        .replace(/^https?:\/\//, '')
        .replace(/\/$/, '')
        .includes(k),
    )?.[1];
  return `Session data from ${by}, via OpenActive${licence ? `, under ${known ?? `its licence (${licence})`}` : ''}.`;
};

/**
 * Imports an OpenActive RPDE feed (an address, with `options.feeds` for its companion feeds) or a
 * saved page. See the module comment and `OpenActiveOptions`.
 */
export async function importOpenActive(input: Uint8Array | string, options: OpenActiveOptions): Promise<ImportResult> {
  const now = options.now ?? new Date();
  const zone = options.timeZone ?? 'Europe/London';
  const { source, address } = sourceEntry('openactive', input, options);
  const notes: SourceNote[] = [];
  const report = {
    format: 'openactive' as const,
    detected: 'an OpenActive feed (RPDE pages with items, next and license)',
    source: options.name,
    records: [] as RecordReport[],
    notes,
  };
  const h: Harvest = { items: new Map(), deleted: 0, notes, pages: 0 };
  try {
    if (address) {
      for (const feed of [address, ...(options.feeds ?? [])]) await harvestFeed(feed, h, options);
    } else readSaved(input, h);
  } catch (e) {
    const failed =
      e instanceof Failure ? e.message : `The feed could not be read (${e instanceof Error ? e.message : String(e)}).`;
    return { feed: {}, source, report: { ...report, failed } };
  }
  const today = formatDay(wallClock(now, zone).day);
  const ctx0 = {
    options,
    ref: source.id,
    zone,
    today,
    now,
    places: new Map<string, J>(),
    organisations: new Map<string, J>(),
    sessionIds: new IdAllocator(),
  };
  // Deleted items go; the rest sorted into series and their instances.
  const series: Item[] = [];
  const instancesOf = new Map<string, Item[]>();
  const others: Item[] = [];
  for (const item of h.items.values()) {
    if (item.state == 'deleted' || !item.data) {
      h.deleted++;
      continue;
    }
    const type = typeOf(item.data).toLowerCase();
    if (type == 'scheduledsession') {
      const sup = item.data.superEvent;
      const key = isObject(sup) ? (idOf(sup) ?? textOf(sup.identifier)) : textOf(sup);
      if (isObject(sup) && key && !series.some((s) => s.data && idOf(s.data) == key)) {
        // ScheduledSession.SessionSeries: the series is embedded in each instance.
        series.push({ ...item, kind: 'SessionSeries', id: textOf(sup.identifier) ?? key, data: sup });
      }
      if (key) instancesOf.set(key, [...(instancesOf.get(key) ?? []), item]);
      else others.push(item);
    } else if (['sessionseries', 'event', 'courseinstance', 'eventseries', 'headlineevent'].includes(type))
      series.push(item);
    else others.push(item);
  }
  const sessions: J[] = [];
  const claimed = new Set<Item>();
  const seriesNames = new Map<string, string>();
  for (const item of series) {
    const data = item.data!;
    const rec: RecordReport = {
      outcome: 'imported',
      name: plainTextOf(data.name) ?? `item ${item.id}`,
      at: { source: options.name, id: item.id, ...(address ? { page: item.page } : {}) },
      items: [],
      notes: [],
    };
    report.records.push(rec);
    const ctx: Ctx = { ...ctx0, notes: rec.notes };
    const keys = [idOf(data), textOf(data.identifier), item.id].filter((k): k is string => !!k);
    const fromFeed = keys.flatMap((k) => instancesOf.get(k) ?? []);
    fromFeed.forEach((i) => seriesNames.set(i.id, rec.name));
    fromFeed.forEach((i) => claimed.add(i));
    const embedded = objectsOf(data.subEvent).map((d) => ({ data: d }) as Instance);
    const instances = [...embedded, ...fromFeed.map((i) => ({ data: i.data!, item: i }) as Instance)];
    try {
      const built = mapSeries(ctx, item, data, instances);
      for (const b of built) sessions.push(b.session);
      rec.items = built.map((b) => ({ list: 'sessions' as const, id: String(b.session.id) }));
      if (built[0]?.session.place) rec.items.push({ list: 'places', id: String(built[0].session.place) });
      if (built[0]?.session.organiser)
        rec.items.push({ list: 'organisations', id: String(built[0].session.organiser) });
    } catch (e) {
      rec.outcome = 'skipped';
      rec.notes.push({ message: `Skipped: ${e instanceof Error ? e.message : String(e)}.` });
      continue;
    }
    rec.notes = [...new Map(rec.notes.map((n) => [`${n.field}|${n.message}`, n])).values()];
    if (rec.notes.length) rec.outcome = 'imported-with-losses';
  }
  // Instances from a ScheduledSession feed: each reported with what it did.
  for (const list of instancesOf.values()) {
    for (const item of list) {
      const touched = (item as Item & { session?: string }).session;
      const series = seriesNames.get(item.id);
      const when = localDate(/\d{4}-\d\d-\d\dT[^/]*$/.exec(idOf(item.data!) ?? '')?.[0] ?? item.data!.startDate, zone);
      const rec: RecordReport = {
        outcome: touched ? 'imported' : 'skipped',
        name: `${plainTextOf(item.data!.name) ?? series ?? 'A session'}${when ? ` on ${when}` : ''}`,
        at: { source: options.name, id: item.id, ...(address ? { page: item.page } : {}) },
        items: touched ? [{ list: 'sessions', id: touched }] : [],
        notes: [],
      };
      if (!touched) {
        const start = localDate(item.data!.startDate, zone);
        rec.notes.push({
          message: !claimed.has(item)
            ? 'Skipped: its series is not in this feed; import the SessionSeries feed with it (options.feeds).'
            : start && start < today
              ? 'Skipped: it took place before the import.'
              : 'Skipped: it changes nothing in its series (it is a regular date of the schedule).',
        });
      }
      report.records.push(rec);
    }
  }
  for (const item of others) {
    report.records.push({
      outcome: 'skipped',
      name: plainTextOf(item.data!.name) ?? `item ${item.id}`,
      at: { source: options.name, id: item.id, ...(address ? { page: item.page } : {}) },
      items: [],
      notes: [
        { message: `Skipped: a ${typeOf(item.data!) || item.kind || 'record'} is not a session the feed can hold.` },
      ],
    });
  }
  if (h.deleted)
    notes.push({
      level: 'info',
      message: `${h.deleted} deleted ${h.deleted == 1 ? 'item was' : 'items were'} left out.`,
    });
  const publishers = [...new Set([...ctx0.organisations.values()].map((o) => String(o.name)))];
  const host = address ? new URL(address).host : options.name;
  if (h.licence && /^https?:\/\//i.test(h.licence)) source.licence = h.licence;
  else {
    notes.push({
      level: 'warning',
      message:
        'The feed does not say its licence (RPDE pages must); check the terms with the publisher ' +
        'before showing its data.',
    });
  }
  source.attribution = attributionOf(source.licence, publishers, host);
  notes.push({
    level: 'info',
    message: `${plural(h.pages, 'page')} read: ${plural(sessions.length, 'session')} from ${series.length} series.`,
  });
  const feed: ImportResult['feed'] = { timeZone: zone };
  if (sessions.length) feed.sessions = sessions;
  if (ctx0.places.size) feed.places = [...ctx0.places.values()];
  if (ctx0.organisations.size) feed.organisations = [...ctx0.organisations.values()];
  return { feed, source, report };
}
