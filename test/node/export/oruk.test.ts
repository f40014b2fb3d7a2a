// Open Referral UK 3.0 from a feed (src/export/oruk.ts): valid against the UK profile's own JSON
// Schema (and HSDS 3.0's, for the base fields), stable ids, each field where a directory looks
// for it, and a sentence naming each item for whatever does not fit.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { feedToOruk, type OrukExport, type OrukService } from '../../../src/export/oruk.js';
import { isUuid, URL_NAMESPACE, uuidV5 } from '../../../src/export/uuid.js';
import { parseFeed } from '../../../src/feed/validate.js';
import { fixtureFeed } from '../fixtures/export/feed.js';
import { errorsOf, hsdsService, ukService } from './oruk-schema.js';

const now = new Date('2026-11-20T12:00:00Z');
const exampleFeed = () =>
  parseFeed(readFileSync(new URL('../../../public/example-feed.json', import.meta.url), 'utf8')).feed;
const named = (r: OrukExport, name: string): OrukService => {
  const s = r.data.contents.find((c) => c.name == name);
  assert.ok(s, `no service named ${name}: ${r.data.contents.map((c) => c.name)}`);
  return s;
};
const lossFor = (r: OrukExport, id: string) => r.losses.filter((l) => l.id == id).map((l) => l.message);

function assertValid(r: OrukExport) {
  for (const s of r.data.contents) {
    assert.ok(ukService(s), `${s.name} against the UK profile:\n${errorsOf(ukService)}`);
    assert.ok(hsdsService(s), `${s.name} against HSDS 3.0:\n${errorsOf(hsdsService)}`);
  }
}

describe('ORUK: valid against the published schemas', () => {
  test('the vendored schemas reject what Open Referral UK does not allow (so the checks below can fail)', async () => {
    const { data } = await feedToOruk(fixtureFeed(), { now });
    const s = structuredClone(data.contents[0]);
    assert.ok(ukService(s));
    assert.equal(ukService({ ...s, id: 'health-visiting' }), false, 'ids must be UUIDs');
    assert.equal(ukService({ ...s, status: 'open' }), false, 'status is an enum');
    const { status: _, ...noStatus } = s;
    assert.equal(ukService(noStatus), false, 'status is required');
    const address = s.service_at_locations![0].location.addresses![0] as Partial<typeof s>;
    delete (address as Record<string, unknown>).postal_code;
    assert.equal(ukService(s), false, 'an address needs a postal code');
    assert.equal(hsdsService({ ...data.contents[0], phones: [{ id: s.id, number: '1', extension: 'x' }] }), false);
  });

  test('every service and session of the fixture is valid for the UK profile and HSDS 3.0', async () => {
    assertValid(await feedToOruk(fixtureFeed(), { now }));
    assertValid(await feedToOruk(fixtureFeed(), { now, lang: 'cy' }));
  });

  test('the example feed exports whole and valid: its 16 services and 16 sessions', async () => {
    const r = await feedToOruk(exampleFeed(), { now });
    assert.equal(r.data.contents.length, 32);
    assertValid(r);
  });

  test('one page in the /services list shape holds every service', async () => {
    const { data } = await feedToOruk(fixtureFeed(), { now });
    const { contents, ...page } = data;
    assert.deepEqual(page, {
      total_items: 9,
      total_pages: 1,
      page_number: 1,
      size: 9,
      first_page: true,
      last_page: true,
      empty: false,
    });
    assert.equal(contents.length, 9);
    const none = await feedToOruk(
      fixtureFeed((f) => ((f.services = []), (f.sessions = []))),
      { now },
    );
    assert.equal(none.data.empty, true);
    assert.equal((await feedToOruk(fixtureFeed(), { now, sessions: false })).data.contents.length, 2);
  });
});

describe('ORUK: ids', () => {
  test('uuidV5 gives the RFC 9562 name-based UUIDs', async () => {
    assert.equal(
      await uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'),
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
    assert.equal(
      await uuidV5('https://example.org/a#service/x', URL_NAMESPACE),
      '70dcd686-aca3-5fd4-9514-02ab294e1905',
    );
  });

  test('every id is a UUID, unique, and the same on every export', async () => {
    const a = await feedToOruk(fixtureFeed(), { now });
    const b = await feedToOruk(fixtureFeed(), { now });
    assert.deepEqual(a, b);
    const ids = new Set<string>();
    for (const s of a.data.contents) {
      assert.ok(isUuid(s.id));
      assert.ok(!ids.has(s.id), 'a session and a service never share an id');
      ids.add(s.id);
      for (const sc of s.schedules ?? []) assert.equal(sc.service_id, s.id);
      for (const p of s.phones ?? []) assert.equal(p.service_id, s.id);
    }
  });

  test('a place or organisation used twice has one id; another publisher gets other ids', async () => {
    const a = await feedToOruk(fixtureFeed(), { now });
    const massage = named(a, 'Baby Massage').service_at_locations![0];
    const antenatal = named(a, 'Antenatal Class').service_at_locations![0];
    assert.equal(massage.location.id, antenatal.location.id);
    assert.equal(massage.location_id, massage.location.id);
    assert.notEqual(massage.id, antenatal.id, 'each service-at-location is its own');
    assert.equal(named(a, 'Baby Massage').organization_id, named(a, 'Baby Massage').organization!.id);
    const other = await feedToOruk(
      fixtureFeed((f) => (f.publisher.url = 'https://other.example.org/')),
      { now },
    );
    assert.notEqual(named(other, 'Baby Massage').id, named(a, 'Baby Massage').id);
    const based = await feedToOruk(fixtureFeed(), { now, idBase: 'https://other.example.org/' });
    assert.equal(named(based, 'Baby Massage').id, named(other, 'Baby Massage').id);
  });

  test('an item imported from Open Referral keeps its own id', async () => {
    const original = 'ac148810-d857-441c-9679-408f346de14b';
    const feed = fixtureFeed((f) => {
      f.sources = [{ id: 'directory', kind: 'oruk', url: 'https://directory.example.org/api' }];
      f.services[0].source = { ref: 'directory', id: original };
      f.services[1].source = { ref: 'directory', id: 'not-a-uuid' };
    });
    const r = await feedToOruk(feed, { now });
    assert.equal(named(r, 'Health visiting').id, original);
    assert.ok(isUuid(named(r, 'Peer Support Line').id));
    assertValid(r);
  });

  test('with no publisher address, ids still come out, and the editor is told why they may collide', async () => {
    const r = await feedToOruk(
      fixtureFeed((f) => delete f.publisher.url),
      { now },
    );
    assertValid(r);
    assert.match(lossFor(r, '(feed)')[0], /no publisher web address.*add publisher\.url/);
  });
});

describe('ORUK: services', () => {
  test('name, description, contact, ages, assured date, eligibility and referral', async () => {
    const s = named(await feedToOruk(fixtureFeed(), { now }), 'Health visiting');
    assert.equal(s.status, 'active');
    assert.equal(
      s.description,
      'Health visitors support every family from pregnancy until the child is five.\n\n' +
        'Your health visitor sees you at home and at clinics.',
    );
    assert.equal(s.url, 'https://www.royalwolverhampton.nhs.uk/health-visiting');
    assert.equal(s.email, 'hv@nhs.net');
    assert.equal(s.minimum_age, 0);
    assert.equal(s.maximum_age, 2);
    assert.equal(s.assured_date, '2026-10-01');
    assert.equal(s.last_modified, '2026-11-20T09:00:00Z');
    assert.equal(s.eligibility_description, 'Families living in Anytown with a child under five.');
    assert.equal(
      s.application_process,
      'Self-referral is accepted. Referral by a GP and a midwife. Call the duty health visitor.',
    );
    assert.deepEqual(
      s.service_areas!.map((a) => a.name),
      ['Anytown'],
    );
  });

  test('opening hours become weekly schedules (24:00 as 23:59), with the hours note', async () => {
    const r = await feedToOruk(fixtureFeed(), { now });
    const strip = (s: OrukService) => s.schedules!.map(({ id: _, service_id: __, ...rest }) => rest);
    assert.deepEqual(strip(named(r, 'Health visiting')), [
      {
        freq: 'WEEKLY',
        interval: 1,
        byday: 'MO,TU,WE,TH,FR',
        opens_at: '09:00',
        closes_at: '17:00',
        description: 'Closed on bank holidays.',
      },
      { freq: 'WEEKLY', interval: 1, byday: 'SA', opens_at: '10:00', closes_at: '12:00' },
    ]);
    assert.deepEqual(strip(named(r, 'Peer Support Line')), [
      { freq: 'WEEKLY', interval: 1, byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '23:59' },
    ]);
  });

  test('hours past midnight keep their closing time on the next day, as Open Referral reads it', async () => {
    const feed = fixtureFeed((raw) => {
      raw.services[1].hours = [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opens: '22:00', closes: '02:00' }];
    });
    const s = named(await feedToOruk(feed, { now }), 'Peer Support Line');
    assert.deepEqual(
      s.schedules!.map(({ id: _, service_id: __, ...rest }) => rest),
      [{ freq: 'WEEKLY', interval: 1, byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '22:00', closes_at: '02:00' }],
    );
  });

  test('phones, languages, cost and the organisation', async () => {
    const s = named(await feedToOruk(fixtureFeed(), { now }), 'Health visiting');
    assert.deepEqual(
      s.phones!.map(({ number, type, description }) => ({ number, type, description })),
      [
        { number: '01902 444000', type: 'voice', description: 'Duty health visitor' },
        { number: '07700 900123', type: 'text', description: 'Text us' },
        { number: '18001 01902 444000', type: 'textphone', description: undefined },
      ],
    );
    assert.deepEqual(
      s.languages!.map(({ name, code }) => [name, code]),
      [
        ['English', 'en'],
        ['Punjabi (Gurmukhi)', 'pa'],
        ['Urdu', 'ur'],
      ],
    );
    assert.deepEqual(
      s.cost_options!.map(({ amount, currency }) => [amount, currency]),
      [[0, 'GBP']],
    );
    assert.deepEqual(
      { ...s.organization, id: undefined },
      {
        id: undefined,
        name: 'Royal Wolverhampton NHS Trust',
        description: '',
        website: 'https://www.royalwolverhampton.nhs.uk/',
      },
    );
  });

  test('the place: a physical location with its address, coordinates, directions and accessibility', async () => {
    const r = await feedToOruk(fixtureFeed(), { now });
    const hub = named(r, 'Baby Massage').service_at_locations![0].location;
    assert.equal(hub.location_type, 'physical');
    assert.equal(hub.name, 'Bob Jones Community Hub');
    assert.equal(hub.description, 'Main entrance on Blakeley Green Road.');
    assert.equal(hub.latitude, 52.6137);
    assert.equal(hub.longitude, -2.1246);
    assert.deepEqual(
      hub.addresses!.map(({ id: _, location_id: __, ...a }) => a),
      [
        {
          address_1: 'Blakeley Green Road',
          city: 'Wolverhampton',
          state_province: '',
          postal_code: 'WV10 8TG',
          country: 'GB',
          address_type: 'physical',
        },
      ],
    );
    assert.deepEqual(
      hub.accessibility!.map((a) => a.description),
      ['Step-free access', 'Hearing loop'],
    );
    const library = named(r, 'Health visiting').service_at_locations![0].location.addresses![0];
    assert.equal(library.region, 'West Midlands');
    assert.equal(library.state_province, 'West Midlands');
    assert.equal(library.country, 'GB', '"United Kingdom" as its ISO code');
  });
});

describe('ORUK: sessions', () => {
  const strip = (s: OrukService) => s.schedules!.map(({ id: _, service_id: __, ...rest }) => rest);

  test('a weekly session: its schedule, booking, ages, place and status', async () => {
    const s = named(await feedToOruk(fixtureFeed(), { now }), 'Baby Massage');
    assert.equal(s.status, 'active');
    assert.equal(s.url, 'https://www.anytown.gov.uk/baby-massage');
    assert.equal(s.email, 'hubs@anytown.gov.uk');
    assert.equal(s.minimum_age, 0);
    assert.equal(s.maximum_age, 1);
    assert.equal(s.application_process, 'Booking required.');
    assert.deepEqual(strip(s), [
      {
        dtstart: '2026-09-07',
        valid_from: '2026-09-07',
        valid_to: '2027-07-19',
        freq: 'WEEKLY',
        interval: 1,
        byday: 'MO',
        until: '2027-07-19',
        opens_at: '10:00',
        closes_at: '11:00',
        description: 'Term time only',
        schedule_link: 'https://www.anytown.gov.uk/book',
        attending_type: 'venue',
      },
    ]);
  });

  test('daily on some days is weekly on those days; a duration gives the closing time', async () => {
    const s = named(await feedToOruk(fixtureFeed(), { now }), 'Weekend Stay and Play');
    assert.deepEqual(strip(s), [
      {
        dtstart: '2026-09-05',
        valid_from: '2026-09-05',
        freq: 'WEEKLY',
        interval: 1,
        byday: 'SA,SU,MO',
        opens_at: '01:30',
        closes_at: '03:00',
        attending_type: 'venue',
      },
    ]);
    assert.equal(s.minimum_age, 0.5);
    assert.equal(s.maximum_age, 2.5);
    assert.deepEqual(
      s.cost_options!.map(({ amount, currency, amount_description }) => [amount, currency, amount_description]),
      [[2.5, 'GBP', 'Per family']],
    );
  });

  test('monthly on the first Thursday, every other week, and one-off dates', async () => {
    const r = await feedToOruk(
      fixtureFeed((f) => {
        f.sessions[5].schedule.repeatFrequency = 'P2W';
        f.sessions[5].place = 'central-library';
      }),
      { now },
    );
    assert.deepEqual(strip(named(r, 'Online Feeding Chat')), [
      {
        dtstart: '2026-09-03',
        valid_from: '2026-09-03',
        freq: 'MONTHLY',
        interval: 1,
        byday: '1TH',
        opens_at: '19:00',
        closes_at: '20:00',
        attending_type: 'online',
      },
    ]);
    assert.deepEqual(strip(named(r, 'Buggy Walk'))[0], {
      dtstart: '2026-09-04',
      valid_from: '2026-09-04',
      freq: 'WEEKLY',
      interval: 2,
      byday: 'FR',
      wkst: 'MO',
      opens_at: '10:00',
      closes_at: '11:00',
      attending_type: 'venue',
    });
    assert.deepEqual(strip(named(r, 'Antenatal Class')), [
      {
        dtstart: '2026-12-02',
        valid_from: '2026-12-02',
        valid_to: '2026-12-02',
        opens_at: '18:00',
        closes_at: '20:00',
        attending_type: 'venue, online',
      },
    ]);
  });

  test('online sessions are at a virtual location with its address; ended sessions are inactive', async () => {
    const r = await feedToOruk(fixtureFeed(), { now });
    const [place, online] = named(r, 'Antenatal Class').service_at_locations!;
    assert.equal(place.location.location_type, 'physical');
    assert.equal(online.location.location_type, 'virtual');
    assert.equal(online.location.url, 'https://meet.example.org/antenatal');
    assert.equal(named(r, 'Antenatal Class').status, 'active');
    const later = await feedToOruk(fixtureFeed(), { now: new Date('2027-08-01T12:00:00Z') });
    assert.equal(named(later, 'Antenatal Class').status, 'inactive');
    assert.equal(named(later, 'Baby Massage').status, 'inactive', 'ended 2027-07-19');
    assert.equal(named(later, 'Weekend Stay and Play').status, 'active', 'no end date');
  });
});

describe('ORUK: what does not fit is reported, naming the item', () => {
  test('dates off, changed and extra dates, audience, pregnancy, urgency, kind, apps, facilities, pages', async () => {
    const r = await feedToOruk(fixtureFeed(), { now });
    assert.deepEqual(lossFor(r, 'baby-massage'), [
      'Left out of the session "Baby Massage" (Open Referral UK has no field for them): ' +
        'its dates off (2026-11-30, 2026-12-28); its changed dates (2026-12-07, 2026-12-14); ' +
        'its extra dates (2026-12-16); its audience (parents, carers).',
    ]);
    assert.deepEqual(lossFor(r, 'peer-support'), [
      'Left out of the service "Peer Support Line" (Open Referral UK has no field for them): ' +
        'its kind ("helpline"); its urgency ("urgent"); its app store links.',
    ]);
    assert.deepEqual(lossFor(r, 'health-visiting'), [
      'Left out of the service "Health visiting" (Open Referral UK has no field for them): ' +
        'its audience (parents); that it is for pregnancy.',
    ]);
    assert.deepEqual(lossFor(r, 'bob-jones-hub'), [
      'Left out of the place "Bob Jones Community Hub" (Open Referral UK has no field for it): ' +
        'its facilities "baby-changing".',
    ]);
    assert.deepEqual(lossFor(r, 'central-library'), [
      'Left out of the place "Central Library" (Open Referral UK has no field for it): its web page.',
    ]);
    assert.deepEqual(lossFor(r, 'mixed-antenatal'), [
      'Left out of the session "Antenatal Class" (Open Referral UK has no field for it): its audience (pregnant).',
    ]);
    assert.match(lossFor(r, 'online-feeding-chat')[0], /its time zone \(Europe\/Berlin/);
    assert.deepEqual(lossFor(r, 'weekend-stay-and-play'), [], 'nothing lost, nothing said');
  });

  test('an address missing what Open Referral UK requires is left out and named', async () => {
    const r = await feedToOruk(
      fixtureFeed((f) => {
        f.places[2].address = { street: 'Park Lane' };
        f.services[0].place = 'somewhere-park';
      }),
      { now },
    );
    assertValid(r);
    assert.equal(named(r, 'Health visiting').service_at_locations![0].location.addresses, undefined);
    assert.deepEqual(lossFor(r, 'somewhere-park'), [
      'The address of the place "Somewhere Park" lacks a town or city and a postcode, which Open Referral UK ' +
        'requires, so it is left out.',
    ]);
  });

  test('a series in term time only ends on the last date the term dates know', async () => {
    const r = await feedToOruk(
      fixtureFeed((f) => {
        f.termDates = { terms: [{ type: 'term', start: '2026-09-01', end: '2027-03-26' }] };
        f.sessions[0].schedule.termTimeOnly = true;
      }),
      { now },
    );
    assertValid(r);
    const [schedule] = named(r, 'Baby Massage').schedules!;
    assert.equal(schedule.valid_to, '2027-03-26');
    assert.equal(schedule.until, '2027-03-26');
    assert.match(lossFor(r, 'baby-massage')[0], /that it runs in term time only/);
  });

  test('patterns Open Referral cannot say: yearly, by month, term time, bank holidays', async () => {
    const r = await feedToOruk(
      fixtureFeed((f) => {
        Object.assign(f.sessions[0].schedule, { byMonth: [9, 10] });
        Object.assign(f.sessions[1].schedule, { termTimeOnly: true, notOnBankHolidays: true });
        f.termDates = { terms: [{ type: 'term', start: '2026-09-01', end: '2027-07-21' }] };
        f.bankHolidays = { dates: [{ date: '2026-12-25' }] };
        f.sessions[4].schedule = { startDate: '2026-12-05', repeatFrequency: 'P1Y' };
      }),
      { now },
    );
    assertValid(r);
    assert.match(lossFor(r, 'baby-massage')[0], /the months it runs in \(9, 10\)/);
    assert.match(
      lossFor(r, 'weekend-stay-and-play')[0],
      /that it runs in term time only; that it does not run on bank holidays/,
    );
    assert.match(lossFor(r, 'family-fun-day')[0], /its repeat pattern \("P1Y"; only weekly and monthly patterns fit\)/);
  });
});

describe('ORUK: languages', () => {
  test('text in the language asked for; what would be written only in English is reported', async () => {
    const r = await feedToOruk(fixtureFeed(), { now, lang: 'cy' });
    const s = named(r, 'Ymwelwyr iechyd');
    assert.equal(s.description?.endsWith('Mae eich ymwelydd iechyd yn eich gweld.'), true);
    assert.equal(s.application_process, 'Call the duty health visitor.');
    assert.equal(s.languages![0].name, 'Saesneg', 'language names in Welsh');
    assert.match(lossFor(r, 'health-visiting')[0], /who can refer \(written only in English\)/);
    assert.equal(named(r, 'Tylino Babanod').application_process, undefined);
    assert.match(lossFor(r, 'baby-massage')[0], /whether booking is required \(written only in English\)/);
    assert.equal(named(r, 'Tylino Babanod').service_at_locations![0].location.name, 'Canolfan Gymunedol Bob Jones');
  });
});
