/**
 * Open Referral UK 3.0 (the UK profile of HSDS 3.0) from a validated feed, so a council can load the
 * same information into its service directory. Each feed service, and each session (a group or
 * activity with a timetable, as directories list them), becomes a fully nested `service` (the
 * "service full" shape of `GET /services/{id}`), with its organisation, location and address,
 * schedules, languages, phones, cost and ages; all of them in one page of the `/services` list
 * shape (`total_items`, `contents`, …), as `/services?full=true` would return them.
 *
 * What the UK profile has no field for, the HSDS 3.0 base fields carry (publishers may send them
 * and the UK schema accepts them): `phones`, language `name` and `code`, `eligibility_description`,
 * `application_process`, cost `currency`, schedule `until`, `count` and `wkst`, and a virtual
 * location's `url`. What fits neither is reported: one sentence per item, naming it.
 *
 * Ids are UUIDs (version 5) made from the publisher's web address and the item's kind and id, so
 * exporting again gives the same ids. An item imported from Open Referral keeps its own id.
 * Plain TypeScript with no DOM and no Node APIs.
 */
import { DAYS } from '../feed/vocabulary.js';
import type { Feed, Organisation, Place, Service, Session, Text } from '../feed/types.js';
import { formatDay, parseDay, parseDuration, parseTime, wallClock, weekday } from '../schedule/civil.js';
import { seriesEnd } from '../schedule/ics.js';
import { countryCode, lookups, stageAges, textIn, years } from './common.js';
import { isUuid, uuidV5 } from './uuid.js';

export interface OrukOptions {
  /** The language to write text in (default: the feed's); other translations are reported as left out. */
  lang?: string;
  /** Today, for marking sessions that have ended `inactive` (default: now). */
  now?: Date;
  /** Export sessions as services too (default true). */
  sessions?: boolean;
  /** What ids are made from (default: the publisher's web address). */
  idBase?: string;
}

/** Something the feed says that Open Referral UK cannot hold: the item's id and a sentence. */
export interface OrukLoss {
  id: string;
  message: string;
}

export interface OrukExport {
  data: OrukPage;
  losses: OrukLoss[];
}

/** One page holding every service, as HSDA's `GET /services` returns them (with `full`). */
export interface OrukPage {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: OrukService[];
}

export interface OrukService {
  id: string;
  name: string;
  status: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
  organization_id?: string;
  description?: string;
  url?: string;
  email?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date?: string;
  last_modified?: string;
  /** HSDS 3.0 base. */
  eligibility_description?: string;
  /** HSDS 3.0 base. */
  application_process?: string;
  schedules?: OrukSchedule[];
  service_areas?: { id: string; service_id: string; name: string }[];
  service_at_locations?: { id: string; service_id: string; location_id: string; location: OrukLocation }[];
  languages?: OrukLanguage[];
  organization?: OrukOrganization;
  cost_options?: OrukCostOption[];
  /** HSDS 3.0 base. */
  phones?: OrukPhone[];
}

export interface OrukSchedule {
  id: string;
  service_id: string;
  valid_from?: string;
  valid_to?: string;
  dtstart?: string;
  freq?: 'WEEKLY' | 'MONTHLY';
  interval?: number;
  byday?: string;
  bymonthday?: string;
  /** HSDS 3.0 base. */
  until?: string;
  /** HSDS 3.0 base. */
  count?: number;
  /** HSDS 3.0 base. */
  wkst?: 'MO';
  description?: string;
  opens_at?: string;
  closes_at?: string;
  schedule_link?: string;
  attending_type?: string;
  notes?: string;
}

export interface OrukLocation {
  id: string;
  location_type: 'physical' | 'postal' | 'virtual';
  name?: string;
  description?: string;
  latitude?: number;
  longitude?: number;
  /** HSDS 3.0 base: a virtual location's address. */
  url?: string;
  addresses?: OrukAddress[];
  accessibility?: { id: string; location_id: string; description: string }[];
}

export interface OrukAddress {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  region?: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical';
}

export interface OrukOrganization {
  id: string;
  name: string;
  description: string;
  email?: string;
  website?: string;
  /** HSDS 3.0 base. */
  phones?: OrukPhone[];
}

export interface OrukLanguage {
  id: string;
  service_id: string;
  /** HSDS 3.0 base. */
  name?: string;
  /** HSDS 3.0 base: ISO 639-1 or 639-3. */
  code?: string;
}

export interface OrukPhone {
  id: string;
  service_id?: string;
  organization_id?: string;
  number: string;
  type?: 'voice' | 'text' | 'textphone';
  description?: string;
}

export interface OrukCostOption {
  id: string;
  service_id: string;
  amount?: number;
  /** HSDS 3.0 base. */
  currency?: string;
  amount_description?: string;
}

/** Facilities that are accessibility provisions, in Open Referral's words. */
const ACCESSIBILITY: Record<string, string> = {
  'step-free': 'Step-free access',
  'accessible-toilet': 'Accessible toilet',
  'hearing-loop': 'Hearing loop',
};
const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
/** "Left out of the session "Baby Massage" (Open Referral UK has no field for it): its audience (parents)." */
const leftOut = (what: string, items: string[]) =>
  `Left out of ${what} (Open Referral UK has no field for ${items.length == 1 ? 'it' : 'them'}): ${items.join('; ')}.`;
const list = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** The feed as Open Referral UK 3.0, with a sentence for everything that could not be written. */
export async function feedToOruk(feed: Feed, options: OrukOptions = {}): Promise<OrukExport> {
  const feedLanguage = feed.language ?? 'en-GB';
  const lang = options.lang ?? feedLanguage;
  const english = lang.toLowerCase().startsWith('en');
  const timeZone = feed.timeZone ?? 'Europe/London';
  const today = wallClock(options.now ?? new Date(), timeZone).day;
  const { places, organisations } = lookups(feed);
  const losses: OrukLoss[] = [];
  const lose = (id: string, message: string) => losses.push({ id, message });
  const text = (value: Text | undefined) => textIn(value, lang, feedLanguage);
  const base = options.idBase ?? feed.publisher?.url;
  if (!base) {
    lose(
      '(feed)',
      'The feed has no publisher web address, so ids are made from item ids alone and could match ' +
        "another feed's in the same directory; add publisher.url to the feed.",
    );
  }
  const ids = new Map<string, Promise<string>>();
  const id = (name: string) => {
    let got = ids.get(name);
    if (!got) ids.set(name, (got = uuidV5(`${base ?? 'urn:imh-widgets:feed'}#${name}`)));
    return got;
  };
  /** An item's id: its own when it came from Open Referral with one, else made from its feed id. */
  const itemId = (kind: string, item: { id: string; source?: { ref: string; id?: string } }) => {
    const from = item.source && feed.sources?.find((s) => s.id == item.source?.ref);
    return from?.kind == 'oruk' && isUuid(item.source?.id) ? Promise.resolve(item.source.id) : id(`${kind}/${item.id}`);
  };
  const lastModified = feed.updated;
  const languageNames = displayNames(lang);

  // Places and organisations are written once and reused; their losses are reported once.
  const locations = new Map<string, Promise<OrukLocation>>();
  const location = (p: Place) => {
    let got = locations.get(p.id);
    if (!got) locations.set(p.id, (got = placeLocation(p)));
    return got;
  };
  const orgs = new Map<string, Promise<OrukOrganization | undefined>>();
  const organization = (o: Organisation) => {
    let got = orgs.get(o.id);
    if (!got) orgs.set(o.id, (got = organisationOf(o)));
    return got;
  };

  const contents: OrukService[] = [];
  for (const service of feed.services ?? []) contents.push(await serviceOf(service));
  if (options.sessions ?? true) for (const session of feed.sessions ?? []) contents.push(await sessionOf(session));
  return {
    data: {
      total_items: contents.length,
      total_pages: 1,
      page_number: 1,
      size: contents.length,
      first_page: true,
      last_page: true,
      empty: contents.length == 0,
      contents,
    },
    losses,
  };

  // -------------------------------------------------------------------------------------------

  async function placeLocation(p: Place): Promise<OrukLocation> {
    const locationId = await itemId('place', p);
    const a = p.address;
    const name = text(p.name) ?? p.id;
    const country = countryCode(a?.country, timeZone);
    const missing = [
      !a?.street && 'a street',
      !a?.locality && 'a town or city',
      !a?.postcode && 'a postcode',
      !country && 'a country code',
    ].filter((m): m is string => !!m);
    const left: string[] = [];
    const addresses: OrukAddress[] = [];
    if (a && !missing.length) {
      addresses.push({
        id: await id(`place/${p.id}/address`),
        location_id: locationId,
        address_1: a.street!,
        city: a.locality!,
        ...(a.region && { region: a.region }),
        state_province: a.region ?? '',
        postal_code: a.postcode!,
        country: country!,
        address_type: 'physical',
      });
    } else if (a) {
      lose(
        p.id,
        `The address of the place "${name}" lacks ${list(missing)}, which Open Referral UK requires, ` +
          'so it is left out.',
      );
    }
    const accessibility = [];
    for (const f of p.facilities ?? []) {
      if (ACCESSIBILITY[f]) {
        accessibility.push({
          id: await id(`place/${p.id}/accessibility/${f}`),
          location_id: locationId,
          description: ACCESSIBILITY[f],
        });
      } else left.push(f);
    }
    const missingOut = [
      left.length && `its facilities ${list(left.map((f) => `"${f}"`))}`,
      p.url && 'its web page',
    ].filter((m): m is string => !!m);
    if (missingOut.length) lose(p.id, leftOut(`the place "${name}"`, missingOut));
    const directions = text(p.directions);
    return {
      id: locationId,
      location_type: 'physical',
      name,
      ...(directions && { description: directions }),
      ...(p.geo && { latitude: p.geo.lat, longitude: p.geo.lng }),
      ...(addresses.length && { addresses }),
      ...(accessibility.length && { accessibility }),
    };
  }

  async function organisationOf(o: Organisation): Promise<OrukOrganization | undefined> {
    const orgId = await itemId('organisation', o);
    return {
      id: orgId,
      name: text(o.name) ?? o.id,
      // Required by the UK profile; the feed has no description of an organisation.
      description: '',
      ...(o.email && { email: o.email }),
      ...(o.url && { website: o.url }),
      ...(o.phone && {
        phones: [
          {
            id: await id(`organisation/${o.id}/phone`),
            organization_id: orgId,
            number: o.phone,
            type: 'voice' as const,
          },
        ],
      }),
    };
  }

  /** The parts every exported item shares: organisation, location, languages, cost, phones. */
  async function shared(
    kind: 'service' | 'session',
    item: Service | Session,
    serviceId: string,
    org: Organisation | undefined,
    place: Place | undefined,
    phones: { number: string; kind?: 'voice' | 'text' | 'textphone'; note?: Text }[],
  ): Promise<Partial<OrukService>> {
    const out: Partial<OrukService> = {};
    const organizationNode = org && (await organization(org));
    if (organizationNode) {
      out.organization_id = organizationNode.id;
      out.organization = organizationNode;
    }
    const at: NonNullable<OrukService['service_at_locations']> = [];
    if (place) {
      const loc = await location(place);
      at.push({
        id: await id(`${kind}/${item.id}/at/${place.id}`),
        service_id: serviceId,
        location_id: loc.id,
        location: loc,
      });
    }
    const online = 'online' in item ? item.online?.url : undefined;
    if (online) {
      const locId = await id(`${kind}/${item.id}/online`);
      at.push({
        id: await id(`${kind}/${item.id}/at/online`),
        service_id: serviceId,
        location_id: locId,
        location: { id: locId, location_type: 'virtual', url: online },
      });
    }
    if (at.length) out.service_at_locations = at;
    if (item.languages?.length) {
      out.languages = await Promise.all(
        item.languages.map(async (code) => ({
          id: await id(`${kind}/${item.id}/language/${code}`),
          service_id: serviceId,
          ...(languageNames(code) && { name: languageNames(code) }),
          code: code.split('-')[0].toLowerCase(),
        })),
      );
    }
    const cost = item.cost;
    if (cost && (cost.free || cost.amount != null || cost.note)) {
      const note = text(cost.note);
      out.cost_options = [
        {
          id: await id(`${kind}/${item.id}/cost`),
          service_id: serviceId,
          ...((cost.free || cost.amount != null) && { amount: cost.amount ?? 0, currency: cost.currency ?? 'GBP' }),
          ...(note && { amount_description: note }),
        },
      ];
    }
    if (phones.length) {
      out.phones = await Promise.all(
        phones.map(async (p, i) => {
          const note = text(p.note);
          return {
            id: await id(`${kind}/${item.id}/phone/${i}`),
            service_id: serviceId,
            number: p.number,
            type: p.kind ?? 'voice',
            ...(note && { description: note }),
          };
        }),
      );
    }
    return out;
  }

  async function serviceOf(s: Service): Promise<OrukService> {
    const serviceId = await itemId('service', s);
    const name = text(s.name) ?? s.id;
    const summary = text(s.summary);
    const full = text(s.description);
    const description = summary && full && !full.startsWith(summary) ? `${summary}\n\n${full}` : (full ?? summary);
    const ages = stageAges(s.stages);
    const org = s.organisation ? organisations.get(s.organisation) : undefined;
    const place = s.place ? places.get(s.place) : undefined;
    const schedules: OrukSchedule[] = [];
    const hoursNote = text(s.hoursNote);
    for (const [i, h] of (s.hours ?? []).entries()) {
      schedules.push({
        id: await id(`service/${s.id}/hours/${i}`),
        service_id: serviceId,
        freq: 'WEEKLY',
        interval: 1,
        byday: h.byDay.join(','),
        opens_at: h.opens,
        // Open Referral writes "until midnight" as 23:59.
        closes_at: h.closes == '24:00' ? '23:59' : h.closes,
        ...(i == 0 && hoursNote && { description: hoursNote }),
      });
    }
    if (!schedules.length && hoursNote) {
      schedules.push({ id: await id(`service/${s.id}/hours/0`), service_id: serviceId, description: hoursNote });
    }
    const area = text(s.area);
    const eligibility = text(s.eligibility);
    const referral = referralText(s.referral);

    const left: string[] = [];
    if (s.kind && s.kind != 'service') left.push(`its kind ("${s.kind}")`);
    if (s.urgency && s.urgency != 'routine') left.push(`its urgency ("${s.urgency}")`);
    if (s.audience?.length) left.push(`its audience (${s.audience.join(', ')})`);
    // Pregnancy once: in the audience when it is there, else on its own.
    if (s.stages?.includes('pregnancy') && !s.audience?.includes('pregnant')) left.push('that it is for pregnancy');
    if (s.apps?.ios || s.apps?.android) left.push('its app store links');
    if (referral.lost) left.push(referral.lost);
    if (left.length) lose(s.id, leftOut(`the service "${name}"`, left));

    return {
      id: serviceId,
      name,
      status: 'active',
      ...(description && { description }),
      ...(s.contact?.url && { url: s.contact.url }),
      ...(s.contact?.email && { email: s.contact.email }),
      ...(ages && { minimum_age: ages.min, maximum_age: ages.max }),
      ...(s.reviewed && { assured_date: s.reviewed }),
      ...(lastModified && { last_modified: lastModified }),
      ...(eligibility && { eligibility_description: eligibility }),
      ...(referral.text && { application_process: referral.text }),
      ...(schedules.length && { schedules }),
      ...(area && { service_areas: [{ id: await id(`service/${s.id}/area`), service_id: serviceId, name: area }] }),
      ...(await shared('service', s, serviceId, org, place, s.contact?.phones ?? [])),
    };
  }

  /** How to be referred, as text: the feed's own words, and in English who may refer. */
  function referralText(r: Service['referral']): { text?: string; lost?: string } {
    if (!r) return {};
    const how = text(r.how);
    const who: string[] = [];
    if (r.self) who.push('Self-referral is accepted.');
    const by = (r.by ?? []).filter((b) => b != 'self');
    if (by.length) who.push(`Referral by ${list(by.map((b) => REFERRERS[b] ?? b))}.`);
    if (!english) return { text: how, lost: who.length ? 'who can refer (written only in English)' : undefined };
    const text_ = [...who, how].filter(Boolean).join(' ');
    return { text: text_ || undefined };
  }

  async function sessionOf(s: Session): Promise<OrukService> {
    const serviceId = await itemId('session', s);
    const name = text(s.name) ?? s.id;
    const description = text(s.description);
    const org = s.organiser ? organisations.get(s.organiser) : undefined;
    const place = s.place ? places.get(s.place) : undefined;
    const r = s.ageRange;
    const { schedule, left, ended } = await sessionSchedule(s, serviceId);
    const bookingNote = text(s.booking?.note);
    const booking = [
      english && s.booking?.required ? 'Booking required.' : english && s.booking ? 'No need to book.' : undefined,
      bookingNote,
    ]
      .filter(Boolean)
      .join(' ');
    if (s.category) left.push(`its category ("${s.category}")`);
    if (s.audience?.length) left.push(`its audience (${s.audience.join(', ')})`);
    if (r?.pregnancy && !s.audience?.includes('pregnant')) left.push('that it is for pregnancy');
    if (!english && s.booking?.required != null) left.push('whether booking is required (written only in English)');
    if (left.length) lose(s.id, leftOut(`the session "${name}"`, left));
    const url = s.url ?? s.booking?.url;
    const email = s.booking?.email ?? org?.email;
    return {
      id: serviceId,
      name,
      status: ended ? 'inactive' : 'active',
      ...(description && { description }),
      ...(url && { url }),
      ...(email && { email }),
      ...(r?.fromMonths != null && { minimum_age: years(r.fromMonths) }),
      ...(r?.toMonths != null && { maximum_age: years(r.toMonths) }),
      ...(lastModified && { last_modified: lastModified }),
      ...(booking && { application_process: booking }),
      schedules: [schedule],
      ...(await shared('session', s, serviceId, org, place, s.booking?.phone ? [{ number: s.booking.phone }] : [])),
    };
  }

  /** A session's schedule as one Open Referral schedule, and what it cannot say. */
  async function sessionSchedule(
    session: Session,
    serviceId: string,
  ): Promise<{ schedule: OrukSchedule; left: string[]; ended: boolean }> {
    const s = session.schedule;
    const left: string[] = [];
    const freq = /^P(\d+)([DWMY])$/.exec(s.repeatFrequency ?? '');
    const n = freq ? Number(freq[1]) : 0;
    const unit = freq?.[2];
    const startDay = weekday(parseDay(s.startDate));
    const rule: Partial<OrukSchedule> = {};
    if (unit == 'W' || (unit == 'D' && n % 7 == 0)) {
      rule.freq = 'WEEKLY';
      rule.interval = unit == 'W' ? n : n / 7;
      rule.byday = (s.byDay ?? [DAYS[startDay]]).join(',');
    } else if (unit == 'D' && n == 1) {
      rule.freq = 'WEEKLY';
      rule.interval = 1;
      rule.byday = (s.byDay ?? DAYS).join(',');
    } else if (unit == 'M') {
      rule.freq = 'MONTHLY';
      rule.interval = n;
      if (s.byDay) rule.byday = s.byDay.join(',');
      if (s.byMonthDay) rule.bymonthday = s.byMonthDay.join(',');
      if (!s.byDay && !s.byMonthDay) rule.bymonthday = String(Number(s.startDate.slice(8, 10)));
    } else if (unit) {
      left.push(`its repeat pattern ("${s.repeatFrequency}"; only weekly and monthly patterns fit)`);
    }
    if (rule.freq == 'WEEKLY' && rule.interval! > 1) rule.wkst = 'MO';
    if (s.byMonth?.length && rule.freq) left.push(`the months it runs in (${s.byMonth.join(', ')})`);
    const cancelled = (session.occurrences ?? []).filter((o) => o.status == 'cancelled').map((o) => o.date);
    const off = [...new Set([...(s.exceptDate ?? []), ...cancelled])].sort();
    if (off.length && freq) left.push(`its dates off (${off.join(', ')})`);
    const changed = (session.occurrences ?? []).filter((o) => o.status == 'changed').map((o) => o.date);
    if (changed.length) left.push(`its changed dates (${changed.join(', ')})`);
    const extra = (session.occurrences ?? [])
      .filter((o) => o.status == 'scheduled' && !o.startTime)
      .map((o) => o.date)
      .filter((d) => !changed.includes(d));
    if (extra.length) left.push(`its extra dates (${extra.join(', ')})`);
    const zone = s.scheduleTimezone ?? timeZone;
    if (zone != 'Europe/London') left.push(`its time zone (${zone}; the times written are clock times there)`);
    if (s.termTimeOnly) left.push('that it runs in term time only');
    if (s.notOnBankHolidays) left.push('that it does not run on bank holidays');

    let closes = s.endTime;
    if (!closes && s.startTime && s.duration) {
      const d = parseDuration(s.duration);
      const end = parseTime(s.startTime) + d.days * 1440 + d.minutes;
      if (end < 1440) closes = hhmm(end);
      else left.push(`its end time (it runs past midnight: ${s.duration})`);
    }
    const note = text(s.note);
    const online = !!session.online?.url;
    const attending = [session.place && 'venue', online && 'online'].filter(Boolean).join(', ');
    // A series in term time only ends on the last date the feed's term dates know.
    const end = freq ? seriesEnd(session, { termDates: feed.termDates, bankHolidays: feed.bankHolidays }) : {};
    const last = end.until !== undefined ? formatDay(end.until) : freq ? undefined : s.startDate;
    const later = (session.occurrences ?? []).some((o) => o.status != 'cancelled' && parseDay(o.date) >= today);
    return {
      schedule: {
        id: await id(`session/${session.id}/schedule`),
        service_id: serviceId,
        dtstart: s.startDate,
        valid_from: s.startDate,
        ...(last && { valid_to: last }),
        ...rule,
        ...(freq && last && { until: last }),
        ...(end.count && { count: end.count }),
        ...(s.startTime && { opens_at: s.startTime }),
        ...(s.startTime && closes && { closes_at: closes }),
        ...(note && { description: note }),
        ...(session.booking?.url && { schedule_link: session.booking.url }),
        ...(attending && { attending_type: attending }),
      },
      left,
      ended: !!last && parseDay(last) < today && !later,
    };
  }
}

const REFERRERS: Record<string, string> = {
  gp: 'a GP',
  'health-visitor': 'a health visitor',
  midwife: 'a midwife',
  'social-worker': 'a social worker',
  'family-hub': 'a family hub',
  'any-professional': 'any professional',
};

/** Language names in `lang` (English where it has none), from the platform's CLDR data. */
function displayNames(lang: string): (code: string) => string | undefined {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([lang, 'en'], { type: 'language' });
  } catch {
    return () => undefined;
  }
  return (code) => {
    try {
      const name = names!.of(code);
      return name && name != code ? name : undefined;
    } catch {
      return undefined;
    }
  };
}
