// schema.org JSON-LD from a feed (src/export/jsonld.ts): what Google's event results need on every
// Event, offsets across both clock changes, cancelled and moved dates, services, languages, and a
// serialiser no feed text can break out of.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { feedJsonLd, jsonLdScript, jsonLdText, localDateTime } from '../../../src/export/jsonld.js';
import { parseFeed } from '../../../src/feed/validate.js';
import { fixtureFeed } from '../fixtures/export/feed.js';

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const nodes = (r: ReturnType<typeof feedJsonLd>) => r.data['@graph'] as unknown as Node[];
const byId = (r: ReturnType<typeof feedJsonLd>, id: string) => {
  const n = nodes(r).find((x) => x['@id'] == id);
  assert.ok(n, `no node ${id} among ${nodes(r).map((x) => x['@id'])}`);
  return n;
};
const eventsOf = (r: ReturnType<typeof feedJsonLd>, session: string) =>
  nodes(r).filter((n) => n['@type'] == 'Event' && n['@id'].startsWith(`#imh-event-${session}-`));
const at = (iso: string) => new Date(iso);
const S = 'https://schema.org/';

/** Google's required properties for an event rich result, and the recommended ones the feed can fill. */
function assertGoogleEvent(e: Node) {
  const where = `${e['@type']} ${e['@id']}`;
  assert.equal(typeof e.name, 'string', `${where}: name`);
  assert.ok(e.name.length > 0, `${where}: name`);
  assert.match(e.startDate, /^\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d[+-]\d\d:\d\d)?$/, `${where}: startDate`);
  if (e.endDate) assert.match(e.endDate, /^\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d[+-]\d\d:\d\d)?$/, `${where}: endDate`);
  const locations = [e.location].flat();
  assert.ok(locations.length > 0 && locations[0], `${where}: location`);
  for (const l of locations) {
    if (l['@type'] == 'VirtualLocation') assert.match(l.url, /^https?:\/\//, `${where}: VirtualLocation url`);
    else {
      assert.equal(l['@type'], 'Place', `${where}: location type`);
      assert.equal(l.address?.['@type'], 'PostalAddress', `${where}: Place address`);
      assert.ok(l.address.streetAddress || l.address.postalCode, `${where}: address has a street or postcode`);
    }
  }
  assert.match(
    e.eventStatus,
    /^https:\/\/schema\.org\/Event(Scheduled|Cancelled|Rescheduled)$/,
    `${where}: eventStatus`,
  );
  assert.match(
    e.eventAttendanceMode,
    /^https:\/\/schema\.org\/(Offline|Online|Mixed)EventAttendanceMode$/,
    `${where}: eventAttendanceMode`,
  );
  if (e.offers) {
    assert.equal(typeof e.offers.price, 'number', `${where}: offers.price`);
    assert.match(e.offers.priceCurrency, /^[A-Z]{3}$/, `${where}: offers.priceCurrency`);
  }
  if (e.organizer) assert.ok(e.organizer.name, `${where}: organizer.name`);
}

describe('JSON-LD: events for Google', () => {
  test('every Event and EventSeries in the example feed, over a year, has what Google requires', () => {
    const text = readFileSync(new URL('../../../public/example-feed.json', import.meta.url), 'utf8');
    const { feed } = parseFeed(text);
    const r = feedJsonLd(feed, { now: at('2026-09-01T08:00:00Z'), days: 366 });
    const events = nodes(r).filter((n) => n['@type'] == 'Event' || n['@type'] == 'EventSeries');
    assert.ok(events.length > 300, `only ${events.length} events`);
    events.forEach(assertGoogleEvent);
    // Each session that has somewhere to be is there, and each one that has not is named in a note.
    const sessions = new Set(events.map((e) => /^#imh-(?:session|event)-(.+?)(-\d{4}-\d\d-\d\d)?$/.exec(e['@id'])![1]));
    for (const s of feed.sessions ?? []) {
      assert.ok(sessions.has(s.id) || r.notes.some((n) => n.id == s.id || n.message.includes(String(s.name))), s.id);
    }
  });

  test('every Event in the fixture has what Google requires, online and mixed included', () => {
    const r = feedJsonLd(fixtureFeed(), { now: at('2026-11-20T12:00:00Z'), days: 60 });
    const events = nodes(r).filter((n) => /^Event(Series)?$/.test(n['@type']));
    events.forEach(assertGoogleEvent);
    const online = eventsOf(r, 'online-feeding-chat')[0];
    assert.deepEqual(online.location, { '@type': 'VirtualLocation', url: 'https://meet.example.org/feeding' });
    assert.equal(online.eventAttendanceMode, `${S}OnlineEventAttendanceMode`);
    const mixed = eventsOf(r, 'mixed-antenatal')[0];
    assert.deepEqual(
      mixed.location.map((l: Node) => l['@type']),
      ['Place', 'VirtualLocation'],
    );
    assert.equal(mixed.eventAttendanceMode, `${S}MixedEventAttendanceMode`);
    assert.equal(byId(r, '#imh-event-baby-massage-2026-11-23').eventAttendanceMode, `${S}OfflineEventAttendanceMode`);
  });

  test('a session with nowhere to be, or a place without an address, is left out with a note saying why', () => {
    const r = feedJsonLd(fixtureFeed(), { now: at('2026-11-20T12:00:00Z'), days: 60 });
    assert.equal(eventsOf(r, 'awareness-week').length, 0);
    assert.equal(eventsOf(r, 'park-walk').length, 0);
    assert.ok(!nodes(r).some((n) => n['@id'] == '#imh-session-park-walk'));
    assert.deepEqual(
      r.notes.map((n) => n.id),
      ['somewhere-park', 'awareness-week'],
    );
    assert.match(r.notes[0].message, /Somewhere Park.*no street or postcode.*Buggy Walk/);
    assert.match(r.notes[1].message, /Awareness Week.*no place with an address and no online link/);
  });

  test('one Event per occurrence, linked to its series, with name, place, offers, organiser and audience', () => {
    const r = feedJsonLd(fixtureFeed(), { now: at('2026-11-20T12:00:00Z'), days: 28 });
    const events = eventsOf(r, 'baby-massage');
    assert.deepEqual(
      events.map((e) => e.startDate),
      [
        '2026-11-23T10:00:00+00:00',
        '2026-11-30T10:00:00+00:00',
        '2026-12-07T13:00:00+00:00',
        '2026-12-14T10:00:00+00:00',
        '2026-12-16T10:00:00+00:00',
      ],
    );
    const e = events[0];
    assert.equal(e.name, 'Baby Massage');
    assert.equal(e.description, 'Gentle massage for babies.');
    assert.equal(e.url, 'https://www.anytown.gov.uk/baby-massage');
    assert.deepEqual(e.superEvent, { '@id': '#imh-session-baby-massage' });
    assert.deepEqual(e.location.address, {
      '@type': 'PostalAddress',
      streetAddress: 'Blakeley Green Road',
      addressLocality: 'Wolverhampton',
      postalCode: 'WV10 8TG',
      addressCountry: 'GB',
    });
    assert.deepEqual(e.location.geo, { '@type': 'GeoCoordinates', latitude: 52.6137, longitude: -2.1246 });
    assert.deepEqual(e.offers, {
      '@type': 'Offer',
      price: 0,
      priceCurrency: 'GBP',
      url: 'https://www.anytown.gov.uk/book',
    });
    assert.equal(e.isAccessibleForFree, true);
    assert.deepEqual(e.organizer, {
      '@type': 'GovernmentOrganization',
      name: 'Family Hub Team',
      email: 'hubs@anytown.gov.uk',
      telephone: '01632 960000',
    });
    assert.deepEqual(e.audience, { '@type': 'ParentAudience', childMinAge: 0, childMaxAge: 1 });
    assert.deepEqual(e.inLanguage, ['en', 'ur'], 'the languages the session is held in');
    // A charity is an Organization; a price with a note; ages in years.
    const play = eventsOf(r, 'weekend-stay-and-play')[0];
    assert.deepEqual(play.organizer, {
      '@type': 'Organization',
      name: 'Bumps and Babies',
      url: 'https://bumps.example.org/',
    });
    assert.deepEqual(play.offers, { '@type': 'Offer', price: 2.5, priceCurrency: 'GBP', description: 'Per family' });
    assert.deepEqual(play.audience, { '@type': 'ParentAudience', childMinAge: 0.5, childMaxAge: 2.5 });
    assert.equal(play.location.address.addressRegion, 'West Midlands');
    assert.equal(play.location.address.addressCountry, 'GB', '"United Kingdom" is written as its code');
    assert.equal(eventsOf(r, 'online-feeding-chat')[0].offers.priceCurrency, 'EUR');
    assert.equal(eventsOf(r, 'mixed-antenatal')[0].offers, undefined, 'no cost given, no offer made up');
  });

  test('an all-day event has dates, and its last day as endDate', () => {
    const r = feedJsonLd(fixtureFeed(), { now: at('2026-11-20T12:00:00Z'), days: 28 });
    const [day] = eventsOf(r, 'family-fun-day');
    assert.equal(day.startDate, '2026-12-05');
    assert.equal(day.endDate, '2026-12-06');
    assert.equal(day.superEvent, undefined, 'a one-off session is no series');
    assert.ok(!nodes(r).some((n) => n['@id'] == '#imh-session-family-fun-day'));
  });
});

describe('JSON-LD: offsets for the date, across clock changes', () => {
  test('late October: +01:00 before the clocks go back, +00:00 after (Europe/London)', () => {
    const r = feedJsonLd(fixtureFeed(), { now: at('2026-10-23T12:00:00Z'), days: 5 });
    assert.deepEqual(
      eventsOf(r, 'weekend-stay-and-play').map((e) => [e.startDate, e.endDate]),
      [
        ['2026-10-24T01:30:00+01:00', '2026-10-24T03:00:00+01:00'],
        // 01:30 happens twice on 25 October: the first, still in summer time.
        ['2026-10-25T01:30:00+01:00', '2026-10-25T03:00:00+00:00'],
        ['2026-10-26T01:30:00+00:00', '2026-10-26T03:00:00+00:00'],
      ],
    );
    assert.deepEqual(
      eventsOf(r, 'baby-massage').map((e) => e.startDate),
      ['2026-10-26T10:00:00+00:00'],
    );
  });

  test('late March: +00:00 before the clocks go forward, +01:00 after; a missing time moves on an hour', () => {
    const r = feedJsonLd(fixtureFeed(), { now: at('2027-03-26T12:00:00Z'), days: 4 });
    assert.deepEqual(
      eventsOf(r, 'weekend-stay-and-play').map((e) => [e.startDate, e.endDate]),
      [
        ['2027-03-27T01:30:00+00:00', '2027-03-27T03:00:00+00:00'],
        ['2027-03-28T02:30:00+01:00', '2027-03-28T03:00:00+01:00'],
        ['2027-03-29T01:30:00+01:00', '2027-03-29T03:00:00+01:00'],
      ],
    );
    assert.deepEqual(
      eventsOf(r, 'baby-massage').map((e) => e.startDate),
      ['2027-03-29T10:00:00+01:00'],
    );
  });

  test("a schedule's own time zone gives its own offsets (Europe/Berlin changes on the same days)", () => {
    const r = feedJsonLd(fixtureFeed(), { now: at('2026-09-01T00:00:00Z'), days: 240 });
    const starts = eventsOf(r, 'online-feeding-chat').map((e) => e.startDate);
    assert.ok(starts.includes('2026-10-01T19:00:00+02:00'), starts.join());
    assert.ok(starts.includes('2026-11-05T19:00:00+01:00'), starts.join());
    assert.ok(starts.includes('2027-04-01T19:00:00+02:00'), starts.join());
    assert.equal(byId(r, '#imh-session-online-feeding-chat').eventSchedule.scheduleTimezone, 'Europe/Berlin');
  });

  test('a feed in another zone uses its offsets (America/New_York: -04:00, then -05:00 from 1 November)', () => {
    const feed = fixtureFeed((f) => {
      f.timeZone = 'America/New_York';
    });
    const r = feedJsonLd(feed, { now: at('2026-10-26T12:00:00Z'), days: 14 });
    assert.deepEqual(
      eventsOf(r, 'baby-massage').map((e) => e.startDate),
      ['2026-10-26T10:00:00-04:00', '2026-11-02T10:00:00-05:00'],
    );
  });

  test('localDateTime writes the wall clock with the offset of that instant', () => {
    assert.equal(localDateTime(at('2026-07-01T09:00:00Z'), 'Europe/London'), '2026-07-01T10:00:00+01:00');
    assert.equal(localDateTime(at('2026-12-01T09:00:00Z'), 'Europe/London'), '2026-12-01T09:00:00+00:00');
    assert.equal(localDateTime(at('2026-12-01T09:00:00Z'), 'Asia/Kolkata'), '2026-12-01T14:30:00+05:30');
    assert.equal(localDateTime(at('2026-12-01T09:00:00Z'), 'America/St_Johns'), '2026-12-01T05:30:00-03:30');
  });
});

describe('JSON-LD: cancelled, moved and extra dates', () => {
  const r = feedJsonLd(fixtureFeed(), { now: at('2026-11-20T12:00:00Z'), days: 28 });

  test('a cancelled date keeps its start and says EventCancelled', () => {
    const e = byId(r, '#imh-event-baby-massage-2026-11-30');
    assert.equal(e.eventStatus, `${S}EventCancelled`);
    assert.equal(e.startDate, '2026-11-30T10:00:00+00:00');
    assert.equal(e.previousStartDate, undefined);
  });

  test('a date moved to another time is EventRescheduled, with the start it had as previousStartDate', () => {
    const e = byId(r, '#imh-event-baby-massage-2026-12-07');
    assert.equal(e.eventStatus, `${S}EventRescheduled`);
    assert.equal(e.startDate, '2026-12-07T13:00:00+00:00');
    assert.equal(e.endDate, '2026-12-07T14:00:00+00:00');
    assert.equal(e.previousStartDate, '2026-12-07T10:00:00+00:00');
  });

  test('a date moved to another place keeps its time, is still scheduled, and is at the new place', () => {
    const e = byId(r, '#imh-event-baby-massage-2026-12-14');
    assert.equal(e.eventStatus, `${S}EventScheduled`);
    assert.equal(e.previousStartDate, undefined);
    assert.equal(e.location.name, 'Central Library');
    assert.equal(e.location.address.postalCode, 'WV1 3AX');
  });

  test('an extra date is scheduled; an excepted date is no event at all', () => {
    assert.equal(byId(r, '#imh-event-baby-massage-2026-12-16').eventStatus, `${S}EventScheduled`);
    const r2 = feedJsonLd(fixtureFeed(), { now: at('2026-12-20T12:00:00Z'), days: 16 });
    assert.deepEqual(
      eventsOf(r2, 'baby-massage').map((e) => e.startDate),
      ['2026-12-21T10:00:00+00:00', '2027-01-04T10:00:00+00:00'],
    );
  });

  test('the series carries its Schedule: the feed pattern, excepted and cancelled dates, and its time zone', () => {
    const series = byId(r, '#imh-session-baby-massage');
    assert.equal(series['@type'], 'EventSeries');
    assert.equal(series.startDate, '2026-09-07');
    assert.equal(series.endDate, '2027-07-19');
    assert.deepEqual(series.eventSchedule, {
      '@type': 'Schedule',
      repeatFrequency: 'P1W',
      byDay: [`${S}Monday`],
      startDate: '2026-09-07',
      endDate: '2027-07-19',
      startTime: '10:00',
      endTime: '11:00',
      duration: 'PT1H',
      exceptDate: ['2026-11-30', '2026-12-28'],
      scheduleTimezone: 'Europe/London',
    });
    assert.deepEqual(byId(r, '#imh-session-weekend-stay-and-play').eventSchedule.byDay, [
      `${S}Saturday`,
      `${S}Sunday`,
      `${S}Monday`,
    ]);
    assert.equal(byId(r, '#imh-session-weekend-stay-and-play').eventSchedule.duration, 'PT1H30M');
    assert.deepEqual(byId(r, '#imh-session-online-feeding-chat').eventSchedule.byDay, ['1TH'], 'iCal byDay text');
  });
});

describe('JSON-LD: term time only and bank holidays, from the feed’s calendars', () => {
  const termly = () =>
    fixtureFeed((f) => {
      f.termDates = {
        terms: [
          { type: 'term', start: '2026-09-01', end: '2026-12-18' },
          { type: 'half-term', start: '2026-10-26', end: '2026-10-30' },
          { type: 'term', start: '2027-01-04', end: '2027-03-26' },
          { type: 'half-term', start: '2027-02-15', end: '2027-02-19' },
        ],
      };
      f.bankHolidays = { dates: [{ date: '2026-12-25' }, { date: '2026-12-28' }, { date: '2027-01-01' }] };
      Object.assign(f.sessions[0].schedule, { termTimeOnly: true, notOnBankHolidays: true });
    });

  test('holidays are no events; dates the editor wrote still are', () => {
    const r = feedJsonLd(termly(), { now: at('2026-12-10T12:00:00Z'), days: 40 });
    assert.deepEqual(
      eventsOf(r, 'baby-massage').map((e) => e.startDate.slice(0, 10)),
      ['2026-12-14', '2026-12-16', '2027-01-04', '2027-01-11', '2027-01-18'],
    );
  });

  test('the Schedule lists the closed dates and ends on the last date the term dates know', () => {
    const r = feedJsonLd(termly(), { now: at('2026-12-10T12:00:00Z'), days: 7 });
    const series = byId(r, '#imh-session-baby-massage');
    assert.equal(series.endDate, '2027-03-26');
    assert.equal(series.eventSchedule.endDate, '2027-03-26');
    assert.deepEqual(series.eventSchedule.exceptDate, [
      '2026-10-26',
      '2026-11-30',
      '2026-12-21',
      '2026-12-28',
      '2027-02-15',
    ]);
  });

  test('after the last known term, no dates are made up, and the note says what to add', () => {
    const r = feedJsonLd(termly(), { now: at('2027-03-15T08:00:00Z'), days: 28 });
    assert.deepEqual(
      eventsOf(r, 'baby-massage').map((e) => e.startDate.slice(0, 10)),
      ['2027-03-15', '2027-03-22'],
    );
    assert.deepEqual(
      r.notes.filter((n) => n.id == 'baby-massage').map((n) => n.message),
      [
        '"Baby Massage" has no dates from 2027-03-29: the feed\'s term dates end on 2027-03-26, so no later ' +
          'dates are exported; add the next term dates to the feed.',
      ],
    );
  });
});

describe('JSON-LD: services', () => {
  const r = feedJsonLd(fixtureFeed(), { now: at('2026-11-20T12:00:00Z'), days: 7 });

  test('hours past midnight: closes earlier than opens, as schema.org writes them', () => {
    const feed = fixtureFeed((raw) => {
      raw.services[1].hours = [{ byDay: ['FR', 'SA'], opens: '22:00', closes: '02:00' }];
    });
    const s = byId(feedJsonLd(feed, { now: at('2026-11-20T12:00:00Z'), days: 7 }), '#imh-service-peer-support');
    assert.deepEqual(s.hoursAvailable, [
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: [`${S}Friday`, `${S}Saturday`],
        opens: '22:00',
        closes: '02:00',
      },
    ]);
  });

  test('a public body’s service is a GovernmentService with channels, hours, area, audience and provider', () => {
    const s = byId(r, '#imh-service-health-visiting');
    assert.equal(s['@type'], 'GovernmentService');
    assert.equal(s.name, 'Health visiting');
    assert.equal(s.description, 'Your health visitor sees you at home and at clinics.');
    assert.equal(s.url, 'https://www.royalwolverhampton.nhs.uk/health-visiting');
    assert.equal(s.areaServed, 'Anytown');
    assert.deepEqual(s.audience, { '@type': 'ParentAudience', childMinAge: 0, childMaxAge: 2 });
    assert.deepEqual(s.provider, {
      '@type': 'GovernmentOrganization',
      name: 'Royal Wolverhampton NHS Trust',
      url: 'https://www.royalwolverhampton.nhs.uk/',
    });
    assert.deepEqual(s.hoursAvailable, [
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((d) => S + d),
        opens: '09:00',
        closes: '17:00',
      },
      { '@type': 'OpeningHoursSpecification', dayOfWeek: [`${S}Saturday`], opens: '10:00', closes: '12:00' },
    ]);
    const [phone, web, place] = s.availableChannel;
    const languages = ['en', 'pa-Guru', 'ur'];
    assert.deepEqual(phone, {
      '@type': 'ServiceChannel',
      servicePhone: [
        { '@type': 'ContactPoint', telephone: '01902 444000', description: 'Duty health visitor' },
        { '@type': 'ContactPoint', telephone: '18001 01902 444000', contactOption: `${S}HearingImpairedSupported` },
      ],
      serviceSmsNumber: { '@type': 'ContactPoint', telephone: '07700 900123', description: 'Text us' },
      availableLanguage: languages,
    });
    assert.deepEqual(web, {
      '@type': 'ServiceChannel',
      serviceUrl: 'https://www.royalwolverhampton.nhs.uk/health-visiting',
      availableLanguage: languages,
    });
    assert.equal(place.serviceLocation.address.postalCode, 'WV1 3AX');
    assert.deepEqual(s.offers, { '@type': 'Offer', price: 0, priceCurrency: 'GBP', url: s.url });
  });

  test('a voluntary organisation’s service is a Service; open all day is 00:00 to 23:59; apps are channels', () => {
    const s = byId(r, '#imh-service-peer-support');
    assert.equal(s['@type'], 'Service');
    assert.equal(s.serviceOperator, undefined);
    assert.equal(s.description, 'Talk to a parent who has been there.', 'the summary when there is no description');
    assert.equal(s.hoursAvailable[0].opens, '00:00');
    assert.equal(s.hoursAvailable[0].closes, '23:59');
    assert.deepEqual(
      s.availableChannel.map((c: Node) => c.serviceUrl ?? c.servicePhone?.telephone),
      ['0800 000 000', 'https://apps.apple.com/app/id1', 'https://play.google.com/store/apps/details?id=x'],
    );
    assert.deepEqual(s.audience, { '@type': 'ParentAudience', childMinAge: 0, childMaxAge: 1 });
  });
});

describe('JSON-LD: languages', () => {
  test("the page's language picks each text, falling back as the elements do", () => {
    const r = feedJsonLd(fixtureFeed(), { now: at('2026-11-20T12:00:00Z'), days: 7, lang: 'cy' });
    const e = byId(r, '#imh-event-baby-massage-2026-11-23');
    assert.equal(e.name, 'Tylino Babanod');
    assert.equal(e.description, 'Tylino tyner i fabanod.');
    assert.equal(e.location.name, 'Canolfan Gymunedol Bob Jones');
    assert.deepEqual(e.inLanguage, ['en', 'ur'], 'still the languages it is held in, not the page’s');
    assert.equal(byId(r, '#imh-service-health-visiting').name, 'Ymwelwyr iechyd');
    assert.equal(byId(r, '#imh-service-peer-support').name, 'Peer Support Line', 'no Welsh: the feed’s language');
    assert.equal(byId(r, '#imh-session-baby-massage').subjectOf, undefined, 'no translations unless asked');
  });

  test('translations the page asks for become CreativeWork variants with their inLanguage', () => {
    const r = feedJsonLd(fixtureFeed(), { now: at('2026-11-20T12:00:00Z'), days: 7, lang: 'en', translations: ['cy'] });
    assert.deepEqual(byId(r, '#imh-session-baby-massage').subjectOf, [
      {
        '@type': 'CreativeWork',
        inLanguage: 'cy',
        name: 'Tylino Babanod',
        description: 'Tylino tyner i fabanod.',
        url: 'https://www.anytown.gov.uk/baby-massage',
      },
    ]);
    assert.equal(byId(r, '#imh-event-baby-massage-2026-11-23').subjectOf, undefined, 'on the series, not each date');
    assert.deepEqual(byId(r, '#imh-service-health-visiting').subjectOf, [
      {
        '@type': 'CreativeWork',
        inLanguage: 'cy',
        name: 'Ymwelwyr iechyd',
        description: 'Mae eich ymwelydd iechyd yn eich gweld.',
        url: 'https://www.royalwolverhampton.nhs.uk/health-visiting',
      },
    ]);
    assert.equal(byId(r, '#imh-service-peer-support').subjectOf, undefined, 'no Welsh text, no Welsh variant');
    // A one-off event carries its variants itself.
    const all = feedJsonLd(
      fixtureFeed((f) => (f.sessions[3].name = { en: 'Antenatal Class', ur: 'قبل از پیدائش کلاس' })),
      {
        now: at('2026-11-20T12:00:00Z'),
        days: 28,
        translations: 'all',
      },
    );
    assert.deepEqual(
      byId(all, '#imh-event-mixed-antenatal-2026-12-02').subjectOf.map((v: Node) => [v.inLanguage, v.name]),
      [['ur', 'قبل از پیدائش کلاس']],
    );
  });
});

describe('JSON-LD into a page', () => {
  const hostile = '</script><script>alert(1)</script><!-- \u2028\u2029 & <b>bold</b> --> </SCRIPT >';

  test('jsonLdText escapes <, >, &, U+2028 and U+2029, and reads back as the same data', () => {
    const data = { name: hostile, nested: [{ description: '<!--<script>' }], [hostile]: 'key' };
    const out = jsonLdText(data);
    assert.doesNotMatch(out, /[<>&\u2028\u2029]/);
    assert.match(out, /\\u003c\/script\\u003e/);
    assert.match(out, /\\u2028\\u2029/);
    assert.deepEqual(JSON.parse(out), data);
    assert.deepEqual(JSON.parse(jsonLdText(data, 2)), data);
  });

  test('no feed text can end or break the script element: hostile names, descriptions, places, notes', () => {
    const feed = fixtureFeed((f) => {
      f.sessions[0].name = { en: hostile, cy: hostile };
      f.sessions[0].description = { en: '<!--', cy: '<!--' };
      f.places[0].name = { en: '</script >', cy: '</script >' };
      f.services[0].area = 'A\u2028B';
      f.sessions[0].cost = { free: true, note: '</script>' };
    });
    const r = feedJsonLd(feed, { now: at('2026-11-20T12:00:00Z'), days: 28, translations: 'all' });
    const html = jsonLdScript(r.data);
    assert.ok(html.startsWith('<script type="application/ld+json">'));
    assert.ok(html.endsWith('</script>'));
    const inner = html.slice('<script type="application/ld+json">'.length, -'</script>'.length);
    assert.doesNotMatch(inner, /<|>|&|\u2028|\u2029/);
    assert.equal(html.toLowerCase().split('</script').length, 2, 'one end tag, the real one');
    assert.deepEqual(JSON.parse(inner), r.data);
    const series = JSON.parse(inner)['@graph'].find((n: Node) => n['@id'] == '#imh-session-baby-massage');
    assert.equal(series.name, hostile);
  });
});
