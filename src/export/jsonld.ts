/**
 * schema.org JSON-LD for search engines, from a validated feed: one `Event` per upcoming occurrence
 * of each session (what Google's event results read), an `EventSeries` with its `Schedule` for each
 * repeating session, and a `GovernmentService` or `Service` for each support service. Plain
 * TypeScript with no DOM and no Node APIs, so the `imh-feed` command and the elements share it.
 *
 * Languages: `lang` (the page's language) picks every text, as the elements pick it. A page that
 * also shows other languages (a bilingual Welsh and English page) lists them in `translations`;
 * each series, one-off event and service then carries, for each of them it has a translation in,
 * a `subjectOf` `CreativeWork` with that text and its `inLanguage`. An event's own `inLanguage` is
 * the language it is held in (the session's `languages`), never the language of the page.
 *
 * Output is plain JSON-serialisable data. Put it in a page only through `jsonLdScript()` (or
 * `jsonLdText()`), which escapes what could end or break a `<script>` element.
 *
 * The object literals are typed with schema-dts (a dev dependency, types only), so every property
 * name and value here is checked against the schema.org vocabulary when the project type-checks.
 */
import type {
  ContactPoint,
  CreativeWork,
  DayOfWeek,
  Event,
  EventAttendanceModeEnumeration,
  EventSeries,
  EventStatusType,
  GovernmentOrganization,
  GovernmentService,
  Graph,
  Offer,
  OpeningHoursSpecification,
  Organization,
  ParentAudience,
  Place as SchemaPlace,
  Schedule,
  Service as SchemaService,
  ServiceChannel,
  Thing,
  VirtualLocation,
} from 'schema-dts';
import type { Feed, Organisation, Place, Service, Session, Text } from '../feed/types.js';
import {
  formatDay,
  parseDay,
  parseDuration,
  parseTime,
  utcOffset,
  wallClock,
  weekday,
  zonedInstant,
} from '../schedule/civil.js';
import { unconfirmedDates, type Calendars } from '../schedule/closures.js';
import { seriesEnd, seriesExceptions } from '../schedule/ics.js';
import { sessionOccurrences, type SessionOccurrence, type UpcomingOptions } from '../schedule/occurrences.js';
import {
  countryCode,
  isPublicDomain,
  languagesOf,
  lookups,
  stageAges,
  textIn,
  translationIn,
  years,
} from './common.js';

export interface JsonLdOptions {
  /** The moment "upcoming" counts from. */
  now: Date;
  /** How many days of occurrences, counting today (default 28). */
  days?: number;
  /** The page's language, which picks every text (default: the feed's language). */
  lang?: string;
  /**
   * Other languages the page shows too, or `'all'`: each item gets a `subjectOf` `CreativeWork`
   * per such language it has a translation in (default: none).
   */
  translations?: readonly string[] | 'all';
  /** The address of the page the markup is for: the `url` of events whose session has none. */
  pageUrl?: string;
}

/** Something a search engine will not see, with the feed item's id and a sentence saying why. */
export interface JsonLdNote {
  id: string;
  message: string;
}

export interface JsonLdResult {
  data: Graph;
  /** Sessions and places search engines cannot show as events, and why. */
  notes: JsonLdNote[];
}

const SCHEMA = 'https://schema.org/';
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const dayOfWeek = (code: string): DayOfWeek => `${SCHEMA}${DAY_NAMES[DAY_CODES.indexOf(code)]}` as DayOfWeek;
const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-03-30T10:00:00+01:00`: the instant as the wall clock in `timeZone` shows it, with that day's offset. */
export function localDateTime(instant: Date, timeZone: string): string {
  const { day, minutes } = wallClock(instant, timeZone);
  const m = Math.floor(minutes);
  const s = Math.round((minutes - m) * 60);
  const off = utcOffset(instant.getTime(), timeZone);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const time = `${pad(Math.floor(m / 60))}:${pad(m % 60)}:${pad(s)}`;
  return `${formatDay(day)}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `PT1H30M` for 90 minutes. */
const isoMinutes = (minutes: number) =>
  `PT${minutes >= 60 ? `${Math.floor(minutes / 60)}H` : ''}${minutes % 60 || minutes == 0 ? `${minutes % 60}M` : ''}`;

/**
 * The feed as schema.org JSON-LD (`@context` and `@graph`), with notes on what search engines
 * cannot be shown. Ids are fragments (`#imh-session-…`), so they resolve against the page.
 */
export function feedJsonLd(feed: Feed, options: JsonLdOptions): JsonLdResult {
  const feedLanguage = feed.language ?? 'en-GB';
  const lang = options.lang ?? feedLanguage;
  const timeZone = feed.timeZone ?? 'Europe/London';
  const { places, organisations } = lookups(feed);
  const notes: JsonLdNote[] = [];
  const graph: Thing[] = [];
  const text = (value: Text | undefined) => textIn(value, lang, feedLanguage);
  // The feed's term dates and bank holidays, for sessions in term time only or not on bank holidays.
  const calendars: Calendars = { termDates: feed.termDates, bankHolidays: feed.bankHolidays };
  const window: UpcomingOptions = { now: options.now, days: options.days, timeZone, ...calendars };

  const variants = (fields: { name?: Text; description?: Text }, url?: string): CreativeWork[] => {
    if (!options.translations) return [];
    const wanted =
      options.translations == 'all'
        ? [...new Set([...languagesOf(fields.name, feedLanguage), ...languagesOf(fields.description, feedLanguage)])]
        : options.translations;
    const shown = new Set([text(fields.name), text(fields.description)]);
    const out: CreativeWork[] = [];
    for (const l of wanted) {
      const name = translationIn(fields.name, l, feedLanguage);
      const description = translationIn(fields.description, l, feedLanguage);
      // Only a real translation, not the text the page already shows.
      if ((!name || shown.has(name)) && (!description || shown.has(description))) continue;
      out.push({
        '@type': 'CreativeWork',
        inLanguage: l,
        ...(name && { name }),
        ...(description && { description }),
        ...(url && { url }),
      });
    }
    return out;
  };

  const organisation = (o: Organisation | undefined): Organization | GovernmentOrganization | undefined => {
    const name = o && text(o.name);
    if (!o || !name) return undefined;
    return {
      '@type': isPublicDomain(o.url, o.email) ? 'GovernmentOrganization' : 'Organization',
      name,
      ...(o.url && { url: o.url }),
      ...(o.email && { email: o.email }),
      ...(o.phone && { telephone: o.phone }),
    };
  };

  /** A Place with its PostalAddress, or undefined (with a note) when it has no usable address. */
  const placeNode = (p: Place, why: string): SchemaPlace | undefined => {
    const a = p.address;
    const name = text(p.name);
    if (!a?.street && !a?.postcode) {
      notes.push({ id: p.id, message: `The place "${name ?? p.id}" has no street or postcode, so ${why}.` });
      return undefined;
    }
    const country = countryCode(a.country, timeZone);
    return {
      '@type': 'Place',
      '@id': `#imh-place-${p.id}`,
      ...(name && { name }),
      address: {
        '@type': 'PostalAddress',
        ...(a.street && { streetAddress: a.street }),
        ...(a.locality && { addressLocality: a.locality }),
        ...(a.region && { addressRegion: a.region }),
        ...(a.postcode && { postalCode: a.postcode }),
        ...(country && { addressCountry: country }),
      },
      ...(p.geo && { geo: { '@type': 'GeoCoordinates', latitude: p.geo.lat, longitude: p.geo.lng } }),
      ...(p.url && { url: p.url }),
    };
  };

  const offers = (cost: Session['cost'], url?: string): Offer | undefined => {
    if (!cost || (!cost.free && cost.amount == null)) return undefined;
    const note = text(cost.note);
    return {
      '@type': 'Offer',
      price: cost.amount ?? 0,
      priceCurrency: cost.currency ?? 'GBP',
      ...(note && { description: note }),
      ...(url && { url }),
    };
  };

  // -------------------------------------------------------------------------------------------
  // Sessions

  for (const session of feed.sessions ?? []) {
    const s = session.schedule;
    const zone = s.scheduleTimezone ?? timeZone;
    const name = text(session.name);
    if (!name) continue;
    const description = text(session.description);
    const url = session.url ?? options.pageUrl;
    const online = session.online?.url;
    const placeFor = new Map<string | undefined, SchemaPlace | undefined>();
    const location = (placeId: string | undefined): (SchemaPlace | VirtualLocation)[] => {
      if (!placeFor.has(placeId)) {
        const p = placeId ? places.get(placeId) : undefined;
        placeFor.set(placeId, p && placeNode(p, `"${name}" cannot be shown there as an event`));
      }
      const place = placeFor.get(placeId);
      const out: (SchemaPlace | VirtualLocation)[] = place ? [place] : [];
      if (online) out.push({ '@type': 'VirtualLocation', url: online });
      return out;
    };
    const mode = (where: (SchemaPlace | VirtualLocation)[]): EventAttendanceModeEnumeration =>
      where.length > 1
        ? `${SCHEMA}MixedEventAttendanceMode`
        : online
          ? `${SCHEMA}OnlineEventAttendanceMode`
          : `${SCHEMA}OfflineEventAttendanceMode`;
    const organizer = organisation(session.organiser ? organisations.get(session.organiser) : undefined);
    const offer = offers(session.cost, session.booking?.url ?? url);
    const audience = sessionAudience(session);
    const common = {
      name,
      ...(description && { description }),
      ...(url && { url }),
      ...(organizer && { organizer }),
      ...(offer && { offers: offer }),
      ...(session.cost?.free && { isAccessibleForFree: true }),
      ...(audience && { audience }),
      ...(session.languages?.length && {
        inLanguage: session.languages.length == 1 ? session.languages[0] : session.languages,
      }),
    };

    const seriesWhere = location(session.place);
    const repeating = !!s.repeatFrequency;
    if (!seriesWhere.length && !session.place) {
      notes.push({
        id: session.id,
        message:
          `"${name}" has no place with an address and no online link, so search engines cannot show it ` +
          'as an event.',
      });
      continue;
    }
    const seriesId = `#imh-session-${session.id}`;
    const translated = variants({ name: session.name, description: session.description }, url);
    const unconfirmed = unconfirmedDates(session, window);
    if (unconfirmed) {
      const what = unconfirmed.reason == 'term-dates' ? 'term dates' : 'bank holidays';
      notes.push({
        id: session.id,
        message:
          `"${name}" has no dates from ${unconfirmed.from}: the feed's ${what} ` +
          (unconfirmed.knownUntil ? `end on ${unconfirmed.knownUntil}` : 'are missing') +
          `, so no later dates are exported; add the next ${what} to the feed.`,
      });
    }
    const end = seriesEnd(session, calendars);
    if (repeating && seriesWhere.length) {
      const series: EventSeries = {
        '@type': 'EventSeries',
        '@id': seriesId,
        ...common,
        startDate: s.startDate,
        ...(end.until !== undefined && { endDate: formatDay(end.until) }),
        eventStatus: `${SCHEMA}EventScheduled`,
        eventAttendanceMode: mode(seriesWhere),
        location: seriesWhere.length == 1 ? seriesWhere[0] : seriesWhere,
        eventSchedule: schedule(session, zone, calendars),
        ...(translated.length && { subjectOf: translated }),
      };
      graph.push(series);
    }

    const dates = sessionOccurrences(session, window).sort((a, b) => a.start.getTime() - b.start.getTime());
    for (const o of dates) {
      const where = o.place == session.place ? seriesWhere : location(o.place);
      if (!where.length) continue; // noted with its place
      const event: Event = {
        '@type': 'Event',
        '@id': `#imh-event-${session.id}-${o.date}`,
        ...common,
        ...when(o),
        ...status(session, o, zone),
        eventAttendanceMode: mode(where),
        location: where.length == 1 ? where[0] : where,
        ...(repeating && seriesWhere.length ? { superEvent: { '@id': seriesId } } : {}),
        ...(!repeating && translated.length && { subjectOf: translated }),
      };
      graph.push(event);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Services

  for (const service of feed.services ?? []) {
    const name = text(service.name);
    if (!name) continue;
    const description = text(service.description) ?? text(service.summary);
    const org = service.organisation ? organisations.get(service.organisation) : undefined;
    const provider = organisation(org);
    const url = service.contact?.url;
    const publicBody = isPublicDomain(org?.url, org?.email, url, service.contact?.email);
    const place = service.place ? places.get(service.place) : undefined;
    const placeNodeFor = place && placeNode(place, `"${name}" is listed without its address`);
    const area = text(service.area);
    const offer = offers(service.cost, url);
    const ages = stageAges(service.stages);
    const translated = variants({ name: service.name, description: service.description ?? service.summary }, url);
    const node: SchemaService | GovernmentService = {
      '@type': publicBody ? 'GovernmentService' : 'Service',
      '@id': `#imh-service-${service.id}`,
      name,
      ...(description && { description }),
      ...(url && { url }),
      ...(provider && { provider }),
      ...(publicBody && provider && { serviceOperator: provider }),
      ...(area && { areaServed: area }),
      ...(ages && { audience: parentAudience(ages.min, ages.max) }),
      ...(service.hours?.length && { hoursAvailable: service.hours.map(openingHours) }),
      ...(offer && { offers: offer }),
      availableChannel: channels(service, placeNodeFor),
      ...(translated.length && { subjectOf: translated }),
    };
    graph.push(node);
  }

  return { data: { '@context': 'https://schema.org', '@graph': graph }, notes };

  // -------------------------------------------------------------------------------------------

  function channels(service: Service, where: SchemaPlace | undefined): ServiceChannel[] {
    const languages = service.languages?.length
      ? { availableLanguage: service.languages.length == 1 ? service.languages[0] : service.languages }
      : {};
    const phone = (p: NonNullable<NonNullable<Service['contact']>['phones']>[number]): ContactPoint => {
      const note = text(p.note);
      return {
        '@type': 'ContactPoint',
        telephone: p.number,
        ...(p.kind == 'textphone' && { contactOption: `${SCHEMA}HearingImpairedSupported` }),
        ...(note && { description: note }),
      };
    };
    const phones = service.contact?.phones ?? [];
    const voice = phones.filter((p) => p.kind != 'text').map(phone);
    const sms = phones.filter((p) => p.kind == 'text').map(phone);
    const out: ServiceChannel[] = [];
    if (voice.length || sms.length) {
      out.push({
        '@type': 'ServiceChannel',
        ...(voice.length && { servicePhone: voice.length == 1 ? voice[0] : voice }),
        ...(sms.length && { serviceSmsNumber: sms.length == 1 ? sms[0] : sms }),
        ...languages,
      });
    }
    for (const u of [service.contact?.url, service.apps?.ios, service.apps?.android]) {
      if (u) out.push({ '@type': 'ServiceChannel', serviceUrl: u, ...languages });
    }
    if (where) out.push({ '@type': 'ServiceChannel', serviceLocation: where, ...languages });
    return out;
  }
}

/** The start and end of one occurrence: date-times with that day's offset, or dates for all-day events. */
function when(o: SessionOccurrence): { startDate: string; endDate: string } {
  if (!o.startTime) return { startDate: o.date, endDate: formatDay(o.day + o.days - 1) };
  return { startDate: localDateTime(o.start, o.timeZone), endDate: localDateTime(o.end, o.timeZone) };
}

/** eventStatus, and for a date moved to another time, the start it had. */
function status(
  session: Session,
  o: SessionOccurrence,
  zone: string,
): { eventStatus: EventStatusType; previousStartDate?: string } {
  if (o.status == 'cancelled') return { eventStatus: `${SCHEMA}EventCancelled` };
  const s = session.schedule;
  if (o.status == 'changed' && o.startTime != s.startTime) {
    const previous = s.startTime ? localDateTime(zonedStart(o.day, s.startTime, zone), zone) : formatDay(o.day);
    return { eventStatus: `${SCHEMA}EventRescheduled`, previousStartDate: previous };
  }
  return { eventStatus: `${SCHEMA}EventScheduled` };
}

const zonedStart = (day: number, time: string, zone: string) => zonedInstant(day, parseTime(time), zone);

/**
 * The session's schedule as a schema.org Schedule (the feed's names are schema.org's), with the
 * dates it does not run written out (excepted, cancelled, and closed by the feed's term dates and
 * bank holidays) and, for a series in term time only, ending on the last date the feed knows.
 */
function schedule(session: Session, zone: string, calendars: Calendars): Schedule {
  const s = session.schedule;
  const unit = s.repeatFrequency?.slice(-1);
  const byDay = s.byDay ?? (unit == 'W' ? [DAY_CODES[weekday(parseDay(s.startDate))]] : undefined);
  const except = seriesExceptions(session, calendars).map(formatDay);
  const end = seriesEnd(session, calendars);
  let duration = s.duration;
  if (!duration && s.startTime && s.endTime) duration = isoMinutes(parseTime(s.endTime) - parseTime(s.startTime));
  if (duration && parseDuration(duration).days == 0 && parseDuration(duration).minutes == 0) duration = undefined;
  return {
    '@type': 'Schedule',
    ...(s.repeatFrequency && { repeatFrequency: s.repeatFrequency }),
    ...(byDay && { byDay: byDay.map((d) => (d.length == 2 ? dayOfWeek(d) : d)) }),
    ...(s.byMonth && { byMonth: s.byMonth }),
    ...(s.byMonthDay && { byMonthDay: s.byMonthDay }),
    startDate: s.startDate,
    ...(end.until !== undefined && { endDate: formatDay(end.until) }),
    ...(s.startTime && { startTime: s.startTime }),
    ...(s.endTime && { endTime: s.endTime }),
    ...(duration && { duration }),
    ...(end.count && { repeatCount: end.count }),
    ...(except.length && { exceptDate: except }),
    scheduleTimezone: zone,
  };
}

function parentAudience(min?: number, max?: number): ParentAudience {
  return {
    '@type': 'ParentAudience',
    ...(min != null && { childMinAge: min }),
    ...(max != null && { childMaxAge: max }),
  };
}

/** Parents of children of the session's ages; none for a session only for practitioners. */
function sessionAudience(session: Session): ParentAudience | undefined {
  const forParents = !session.audience?.length || session.audience.some((a) => a != 'practitioners');
  if (!forParents) return undefined;
  const r = session.ageRange;
  return parentAudience(
    r?.fromMonths != null ? years(r.fromMonths) : undefined,
    r?.toMonths != null ? years(r.toMonths) : undefined,
  );
}

function openingHours(h: NonNullable<Service['hours']>[number]): OpeningHoursSpecification {
  return {
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: h.byDay.map(dayOfWeek),
    opens: h.opens,
    // schema.org's Time has no 24:00; Google reads 23:59 as "until midnight".
    closes: h.closes == '24:00' ? '23:59' : h.closes,
  };
}

// ---------------------------------------------------------------------------------------------
// Into a page

const UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON text for a `<script type="application/ld+json">` element: `<`, `>` and `&` (so no
 * `</script>` or `<!--` can end or break the element) and U+2028/U+2029 written as `\u` escapes,
 * which JSON reads back as the same characters.
 */
export function jsonLdText(data: unknown, space?: number): string {
  return JSON.stringify(data, null, space).replace(
    UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A complete `<script type="application/ld+json">` element, safe to paste into any HTML page. */
export const jsonLdScript = (data: unknown, space?: number): string =>
  `<script type="application/ld+json">${jsonLdText(data, space)}</script>`;
