/* eslint-disable max-len -- expected sentences are kept whole, as editors read them */
import { expect } from '@open-wc/testing';
import {
  ALL_PARTS,
  FeedValidationError,
  formatIssue,
  readFeedData,
  SERVICE_PARTS,
  SESSION_PARTS,
  validateFeed,
  type FeedIssue,
} from '../../src/feed/index.js';
import { safeInSlices } from '../../src/feed/safe.js';
import { minimalFeed, place, service, session } from '../fixtures/feeds.js';

const issuesOf = (input: unknown) => validateFeed(input).issues;
const lines = (issues: FeedIssue[]) => issues.map(formatIssue);
const withSession = (patch: Record<string, unknown>) => minimalFeed({ sessions: [{ ...session, ...patch }] });
const withSchedule = (patch: Record<string, unknown>) => withSession({ schedule: { ...session.schedule, ...patch } });

describe('validateFeed', () => {
  describe('a good feed', () => {
    it('keeps every item and reports nothing', () => {
      const { feed, issues } = validateFeed(minimalFeed());
      expect(issues).to.deep.equal([]);
      expect(feed.sessions?.map((s) => s.id)).to.deep.equal(['baby-massage-monday']);
      expect(feed.services?.[0].name).to.equal('DadPad');
      expect(feed.places?.[0].facilities).to.deep.equal(['step-free', 'baby-changing', 'buggy-parking']);
    });

    it('applies defaults for the time zone, language, kind, urgency and occurrence status', () => {
      const { feed } = validateFeed({
        version: 1,
        sessions: [{ ...session, place: undefined, occurrences: [{ date: '2026-09-14' }] }],
        services: [{ id: 'gp', name: 'Your GP' }],
      });
      expect(feed.timeZone).to.equal('Europe/London');
      expect(feed.language).to.equal('en-GB');
      expect(feed.services?.[0].kind).to.equal('service');
      expect(feed.services?.[0].urgency).to.equal('routine');
      expect(feed.sessions?.[0].occurrences?.[0].status).to.equal('scheduled');
    });

    it('ignores unknown fields, so newer feeds still work', () => {
      const { feed, issues } = validateFeed(minimalFeed({ futureField: 1, sessions: [{ ...session, colour: 'red' }] }));
      expect(issues).to.deep.equal([]);
      expect(feed).not.to.have.property('futureField');
      expect(feed.sessions?.[0]).not.to.have.property('colour');
    });

    it('accepts a version 1.x feed and a feed with no lists', () => {
      expect(validateFeed({ version: 1.3 }).issues).to.deep.equal([]);
    });
  });

  describe('a feed unusable as a whole', () => {
    const unusable = (input: unknown) => {
      try {
        validateFeed(input, 'https://example.org/feed.json');
      } catch (e) {
        expect(e).to.be.instanceOf(FeedValidationError);
        expect((e as Error).name).to.equal('FeedValidationError');
        return (e as Error).message;
      }
      throw new Error('expected a FeedValidationError');
    };

    it('is not an object', () => {
      expect(unusable([1, 2])).to.equal(
        'The feed at https://example.org/feed.json is not a feed: it should be a JSON object ({ … }) with "version": 1, not a list.',
      );
      expect(unusable(null)).to.contain('not null');
      expect(unusable('text')).to.contain('not "text"');
    });

    it('has no version', () => {
      expect(unusable({ sessions: [] })).to.contain('has no "version". Add "version": 1 at the top');
    });

    it('has an unknown major version', () => {
      expect(unusable({ version: 2 })).to.contain('says "version": 2, which this version of imh-widgets cannot read');
      expect(unusable({ version: '1' })).to.contain('says "version": "1"');
    });
  });

  describe('bad items are skipped, reported with their path, and the rest kept', () => {
    it('names the wrong day and the days to use', () => {
      const feed = minimalFeed({
        sessions: [
          session,
          session,
          session,
          { ...session, id: 'walk', schedule: { ...session.schedule, byDay: ['Tusday'] } },
        ],
      });
      // three copies of the same id: the 2nd and 3rd are duplicates
      const { feed: out, issues } = validateFeed(feed);
      expect(lines(issues)).to.deep.equal([
        'sessions[1].id: "baby-massage-monday" is already the id of sessions[0]; ids must be unique, so this entry was skipped',
        'sessions[2].id: "baby-massage-monday" is already the id of sessions[0]; ids must be unique, so this entry was skipped',
        'sessions[3].schedule.byDay[0]: "Tusday" is not a day; use MO, TU, WE, TH, FR, SA or SU (in a monthly series, 1MO is the first Monday and -1MO the last)',
      ]);
      expect(issues.every((i) => i.severity == 'error')).to.equal(true);
      expect(out.sessions?.map((s) => s.id)).to.deep.equal(['baby-massage-monday']);
    });

    it('reports a missing required field', () => {
      expect(lines(issuesOf(minimalFeed({ sessions: [{ ...session, name: undefined }] })))).to.deep.equal([
        'sessions[0].name: is missing; it is required',
      ]);
      expect(lines(issuesOf(withSession({ schedule: undefined })))).to.deep.equal([
        'sessions[0].schedule: is missing; it is required',
      ]);
    });

    it('reports wrong types in words an editor knows', () => {
      expect(lines(issuesOf(withSession({ name: 42 })))).to.deep.equal([
        'sessions[0].name: should be text, or a map of translations like { "en": "…", "cy": "…" }, not a number',
      ]);
      expect(lines(issuesOf(withSession({ audience: 'parents' })))).to.deep.equal([
        'sessions[0].audience: should be a list ([ … ]), not text',
      ]);
      expect(lines(issuesOf(withSession({ schedule: [] })))).to.deep.equal([
        'sessions[0].schedule: should be an object ({ … }), not a list',
      ]);
      expect(lines(issuesOf(withSession({ booking: { required: 'yes' } })))).to.deep.equal([
        'sessions[0].booking.required: should be true or false, not text',
      ]);
      expect(lines(issuesOf(withSession({ cost: { amount: '£3' } })))).to.deep.equal([
        'sessions[0].cost.amount: should be a number, not text',
      ]);
    });

    it('reports empty text and bad numbers', () => {
      expect(lines(issuesOf(withSession({ name: '  ' })))).to.deep.equal(['sessions[0].name: is empty']);
      expect(lines(issuesOf(withSession({ cost: { amount: -2 } })))).to.deep.equal([
        'sessions[0].cost.amount: -2 is too small; use 0 or more',
      ]);
      expect(lines(issuesOf(withSchedule({ repeatCount: 2.5 })))).to.deep.equal([
        'sessions[0].schedule.repeatCount: 2.5 should be a whole number',
      ]);
      expect(lines(issuesOf(withSchedule({ byMonth: [13] })))).to.deep.equal([
        'sessions[0].schedule.byMonth[0]: 13 is too large; use 12 or less',
      ]);
    });

    it('checks dates, times, ids, durations, phones, emails and time zones', () => {
      expect(lines(issuesOf(withSchedule({ startDate: '2026-02-30' })))).to.deep.equal([
        'sessions[0].schedule.startDate: "2026-02-30" is not a date; write it as YYYY-MM-DD, like 2026-09-07',
      ]);
      expect(lines(issuesOf(withSchedule({ startTime: '9am' })))).to.deep.equal([
        'sessions[0].schedule.startTime: "9am" is not a time; write it as HH:MM on the 24-hour clock, like 09:30',
      ]);
      expect(lines(issuesOf(withSession({ id: 'Baby Massage' })))).to.deep.equal([
        'sessions[0].id: "Baby Massage" is not an id; use lower-case letters, digits and hyphens, like "bob-jones-hub"',
      ]);
      expect(lines(issuesOf(withSchedule({ endTime: undefined, duration: '90 minutes' })))[0]).to.match(
        /^sessions\[0\]\.schedule\.duration: "90 minutes" is not a duration; write it in ISO 8601, like PT1H30M/,
      );
      expect(lines(issuesOf(withSession({ booking: { phone: 'call us' } })))[0]).to.equal(
        'sessions[0].booking.phone: "call us" is not a phone number; write digits, spaces and an optional leading +, like 01902 551199',
      );
      expect(lines(issuesOf(withSession({ booking: { email: 'fhparent at wolverhampton' } })))[0]).to.equal(
        'sessions[0].booking.email: "fhparent at wolverhampton" is not an email address; write one address, like name@example.org, with nothing after it',
      );
      expect(lines(issuesOf(withSchedule({ scheduleTimezone: 'Europe/Londn' })))[0]).to.equal(
        'sessions[0].schedule.scheduleTimezone: "Europe/Londn" is not a time zone; use an IANA name like Europe/London',
      );
      expect(lines(issuesOf(withSchedule({ startDate: '2024-02-29' })))).to.deep.equal([]); // a leap day
    });

    it('checks enumerations and lists the values to use', () => {
      expect(lines(issuesOf(minimalFeed({ services: [{ ...service, urgency: 'high' }] })))).to.deep.equal([
        'services[0].urgency: "high" is not an urgency; use routine, urgent or emergency',
      ]);
      expect(lines(issuesOf(minimalFeed({ services: [{ ...service, kind: 'podcast' }] })))).to.deep.equal([
        'services[0].kind: "podcast" is not a kind of service; use app, helpline, service, group or website',
      ]);
      expect(lines(issuesOf(withSession({ occurrences: [{ date: '2026-09-14', status: 'off' }] })))).to.deep.equal([
        'sessions[0].occurrences[0].status: "off" is not a status; use scheduled, cancelled or changed',
      ]);
    });

    it('checks the schedule as a whole', () => {
      expect(lines(issuesOf(withSchedule({ endDate: '2026-01-01' })))).to.deep.equal([
        'sessions[0].schedule.endDate: 2026-01-01 is before the startDate 2026-09-07',
      ]);
      expect(lines(issuesOf(withSchedule({ endTime: '09:00' })))).to.deep.equal([
        'sessions[0].schedule.endTime: 09:00 is not after the startTime 10:00',
      ]);
      expect(lines(issuesOf(withSchedule({ duration: 'PT1H' })))).to.deep.equal([
        'sessions[0].schedule.duration: give endTime or duration, not both',
      ]);
      expect(lines(issuesOf(withSchedule({ repeatFrequency: undefined })))).to.deep.equal([
        'sessions[0].schedule.repeatFrequency: is missing; a repeating pattern needs one, like P1W for weekly',
      ]);
      expect(lines(issuesOf(withSchedule({ byDay: ['1MO'] })))).to.deep.equal([
        'sessions[0].schedule.byDay[0]: "1MO" names an nth weekday, which only a monthly (P1M) or yearly (P1Y) series can use',
      ]);
      expect(lines(issuesOf(withSchedule({ repeatFrequency: 'P1M', byDay: ['1MO'] })))).to.deep.equal([]);
      expect(lines(issuesOf(withSchedule({ repeatFrequency: 'P1Y', byDay: ['2MO'] })))).to.deep.equal([
        'sessions[0].schedule.byMonth: is missing; a yearly series with byDay or byMonthDay needs byMonth, like [6] for June',
      ]);
      expect(lines(issuesOf(withSchedule({ repeatFrequency: 'weekly' })))[0]).to.equal(
        'sessions[0].schedule.repeatFrequency: "weekly" is not a repeat frequency; use P1W for weekly, P2W for every other week, P1M for monthly or P1Y for yearly',
      );
    });

    it('checks opening hours', () => {
      const hours = (h: unknown) => issuesOf(minimalFeed({ services: [{ ...service, hours: [h] }] }));
      // Past midnight: closes on the next day (schema.org, Open Referral).
      expect(lines(hours({ byDay: ['MO'], opens: '17:00', closes: '09:00' }))).to.deep.equal([]);
      // Bad hours are ignored, not the service.
      expect(lines(hours({ byDay: ['MO'], opens: '09:00', closes: '09:00' }))).to.deep.equal([
        'services[0].hours[0].closes: 09:00 is the same as opening time 09:00, which says nothing: for all day write ' +
          '00:00 to 24:00, and for hours past midnight a closing time on the next day (22:00 to 02:00) (ignored)',
      ]);
      expect(lines(hours({ byDay: [], opens: '09:00', closes: '17:00' }))).to.deep.equal([
        'services[0].hours[0].byDay: needs at least 1 entry (ignored)',
      ]);
      expect(lines(hours({ byDay: ['MO'], opens: '00:00', closes: '24:00' }))).to.deep.equal([]);
    });

    it('checks timeline points', () => {
      const stage = { id: 'early', from: { week: -40 }, to: { week: -27, month: 1 }, title: 'Early pregnancy' };
      expect(lines(issuesOf(minimalFeed({ timeline: { stages: [stage] } })))).to.deep.equal([
        'timeline.stages[0].to: give exactly one of week, month or day (weeks before birth are negative)',
      ]);
    });

    it('ignores a timeline mode written wrong, not the stages with it (issue 12: a neighbour lost them)', () => {
      const stage = { id: 'early', from: { week: -40 }, to: { week: -27 }, title: 'Early pregnancy' };
      const { feed, issues } = validateFeed(minimalFeed({ timeline: { mode: 'Replace', stages: [stage] } }));
      expect(lines(issues)).to.deep.equal([
        'timeline.mode: "Replace" is not a timeline mode; use replace or extend (ignored)',
      ]);
      expect(feed.timeline?.stages.map((s) => s.id)).to.deep.equal(['early']);
      expect(feed.timeline?.mode).to.equal(undefined);
      expect(
        validateFeed(minimalFeed({ timeline: { mode: 'replace', stages: [stage] } })).feed.timeline?.mode,
      ).to.equal('replace');
    });
  });

  describe('text', () => {
    it('accepts a plain string or a map of translations', () => {
      const { feed } = validateFeed(
        withSession({ name: { en: 'Baby Massage', cy: 'Tylino babanod', 'pa-Guru': 'ਬੇਬੀ ਮਸਾਜ' } }),
      );
      expect(feed.sessions?.[0].name).to.deep.equal({
        en: 'Baby Massage',
        cy: 'Tylino babanod',
        'pa-Guru': 'ਬੇਬੀ ਮਸਾਜ',
      });
    });

    it('reports a bad language code, an empty translation or an empty map', () => {
      expect(lines(issuesOf(withSession({ name: { welsh: 'Tylino' } })))).to.deep.equal([
        'sessions[0].name.welsh: "welsh" is not a language code; use codes like en, cy, ur or pa-Guru',
      ]);
      // An empty translation (a spreadsheet's empty Welsh column) is ignored: the name shows in English.
      const blankWelsh = validateFeed(withSession({ name: { en: 'Baby Massage', cy: '' } }));
      expect(lines(blankWelsh.issues)).to.deep.equal(['sessions[0].name.cy: is empty (ignored)']);
      expect(blankWelsh.feed.sessions?.[0].name).to.deep.equal({ en: 'Baby Massage' });
      // With no translation left, a name is still missing: the session is skipped.
      expect(lines(issuesOf(withSession({ name: { cy: ' ' } })))).to.deep.equal([
        'sessions[0].name.cy: is empty (ignored)',
        'sessions[0].name: has no translations; give at least one, like { "en": "…" }',
      ]);
      expect(validateFeed(withSession({ name: { cy: ' ' } })).feed.sessions).to.have.length(0);
      expect(lines(issuesOf(withSession({ name: { cy: 3 } })))).to.deep.equal([
        'sessions[0].name.cy: should be text, not a number',
      ]);
      expect(lines(issuesOf(withSession({ name: {} })))).to.deep.equal([
        'sessions[0].name: has no translations; give at least one, like { "en": "…" }',
      ]);
    });

    // The elements' side (markup in feed text is shown as characters, never made into elements) is
    // tested on the rendered elements, all four, in test/components/feed-text.test.ts.
    it('keeps markup in feed text as the characters written, neither removed nor escaped', () => {
      const { feed } = validateFeed(withSession({ name: '<img src=x onerror=alert(1)>' }));
      expect(feed.sessions?.[0].name).to.equal('<img src=x onerror=alert(1)>');
    });
  });

  describe('links', () => {
    const good = ['https://example.org/a?b=1', 'http://example.org', 'tel:01902551199', 'mailto:someone@example.org'];
    const bad = [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<b>x</b>',
      '/relative/page',
      'ftp://example.org',
      'vbscript:x',
      'https://',
    ];

    it('accepts only https:, http:, tel: and mailto: addresses', () => {
      for (const url of good) expect(issuesOf(withSession({ url })), url).to.deep.equal([]);
      for (const url of bad) {
        expect(lines(issuesOf(withSession({ url }))), url).to.deep.equal([
          `sessions[0].url: ${JSON.stringify(url)} is not a full, safe address; links must start with https://, http://, tel: or mailto:`,
        ]);
      }
    });
  });

  describe('warnings: a faulty value is ignored and the item kept', () => {
    // A spreadsheet or CMS export writes an empty cell as "": the session, service or place still shows.
    it('ignores an optional text left blank ("", spaces, invisible characters), keeping the item', () => {
      const { feed, issues } = validateFeed(
        minimalFeed({
          sessions: [
            {
              ...session,
              description: '',
              schedule: { ...session.schedule, note: '   ' },
              booking: { required: false, note: '\u200b' },
            },
          ],
          places: [{ ...place, directions: { en: '', cy: '' } }],
          services: [{ ...service, summary: '', eligibility: { en: 'Parents', cy: '' } }],
        }),
      );
      expect(lines(issues)).to.deep.equal([
        'places[0].directions: has no translations; give at least one, like { "en": "…" } (ignored)',
        'sessions[0].description: is empty (ignored)',
        'sessions[0].schedule.note: is empty (ignored)',
        'sessions[0].booking.note: has only invisible characters (spaces, zero-width or direction marks); write the text itself (ignored)',
        'services[0].summary: is empty (ignored)',
        'services[0].eligibility.cy: is empty (ignored)',
      ]);
      expect(issues.every((i) => i.severity == 'warning')).to.equal(true);
      expect(feed.sessions).to.have.length(1);
      expect(feed.sessions![0]).not.to.have.property('description');
      expect(feed.sessions![0].schedule).not.to.have.property('note');
      expect(feed.places).to.have.length(1);
      expect(feed.places![0]).not.to.have.property('directions');
      expect(feed.services).to.have.length(1);
      expect(feed.services![0].eligibility).to.deep.equal({ en: 'Parents' });
      // An address line left blank, too; an empty list is not a blank text.
      const blankStreet = validateFeed(
        minimalFeed({ places: [{ ...place, address: { ...place.address, street: '' } }] }),
      );
      expect(blankStreet.feed.places).to.have.length(1);
      expect(lines(blankStreet.issues)).to.deep.equal(['places[0].address.street: is empty (ignored)']);
      expect(validateFeed(withSession({ description: [] })).feed.sessions).to.have.length(0);
      // A required text left blank still skips its item.
      expect(validateFeed(withSession({ name: '' })).feed.sessions).to.have.length(0);
      // Control characters are not "blank": the item is skipped, as before.
      expect(validateFeed(withSession({ description: 'a\u0001b' })).feed.sessions).to.have.length(0);
    });

    it('drops an unknown facility, audience or stage', () => {
      const { feed, issues } = validateFeed(
        minimalFeed({
          places: [{ ...place, facilities: ['step-free', 'trampoline'] }],
          services: [{ ...service, audience: ['dads', 'uncles'], stages: ['pregnancy', 'teenage'] }],
        }),
      );
      expect(lines(issues)).to.deep.equal([
        'places[0].facilities[1]: "trampoline" is not a known facility; use step-free, baby-changing, buggy-parking, car-parking, accessible-toilet, breastfeeding-space, hearing-loop or refreshments (ignored)',
        'services[0].audience[1]: "uncles" is not an audience; use parents, mums, dads, co-parents, carers, pregnant, families or practitioners (ignored)',
        'services[0].stages[1]: "teenage" is not a stage; use pregnancy, 0-12m or 12-24m (ignored)',
      ]);
      expect(issues.every((i) => i.severity == 'warning')).to.equal(true);
      expect(feed.places?.[0].facilities).to.deep.equal(['step-free']);
      expect(feed.services?.[0].audience).to.deep.equal(['dads']);
    });

    it('drops a reference to an unknown place, organisation or service', () => {
      const { feed, issues } = validateFeed(
        minimalFeed({
          sessions: [{ ...session, place: 'bob-jones', organiser: 'nobody' }],
          timeline: {
            stages: [
              { id: 'birth', from: { week: 0 }, to: { week: 2 }, title: 'Birth', services: ['dadpad', 'missing'] },
            ],
          },
        }),
      );
      expect(lines(issues)).to.deep.equal([
        'sessions[0].place: "bob-jones" is not the id of any entry in places (ignored)',
        'sessions[0].organiser: "nobody" is not the id of any entry in organisations (ignored)',
        'timeline.stages[0].services[1]: "missing" is not the id of any entry in services (ignored)',
      ]);
      expect(feed.sessions?.[0]).not.to.have.property('place');
      expect(feed.timeline?.stages[0].services).to.deep.equal(['dadpad']);
    });

    it('keeps a reference when the place exists, even when it comes later in the file', () => {
      const { feed, issues } = validateFeed({ version: 1, sessions: [session], places: [place] });
      expect(issues).to.deep.equal([]);
      expect(feed.sessions?.[0].place).to.equal('bob-jones-hub');
    });

    it('drops a reference held by a place that was skipped', () => {
      const { issues } = validateFeed(minimalFeed({ places: [{ ...place, name: '' }] }));
      expect(lines(issues)).to.deep.equal([
        'places[0].name: is empty',
        'sessions[0].place: "bob-jones-hub" is not the id of any entry in places (ignored)',
      ]);
    });

    it('ignores a list that is not a list, a bad time zone and a bad publisher', () => {
      const { feed, issues } = validateFeed(
        minimalFeed({ sessions: { a: 1 }, timeZone: 'Mars/Olympus', publisher: { url: 'https://example.org' } }),
      );
      expect(lines(issues)).to.deep.equal([
        'publisher.name: is missing; it is required (ignored)',
        'timeZone: "Mars/Olympus" is not a time zone; use an IANA name like Europe/London (ignored)',
        'sessions: should be a list ([ … ]), not an object (ignored)',
      ]);
      expect(feed.timeZone).to.equal('Europe/London');
      expect(feed.sessions).to.equal(undefined);
      expect(feed.services?.length).to.equal(1);
      // An offset is no time zone, in every browser and in Node alike (Chromium's Intl takes "+01:00").
      for (const offset of ['+01:00', '-0500', '+01'])
        expect(lines(issuesOf(minimalFeed({ timeZone: offset })))).to.deep.equal([
          `timeZone: "${offset}" is not a time zone; use an IANA name like Europe/London (ignored)`,
        ]);
    });
  });
});

describe('validateFeed: hardening (issue 12)', () => {
  const one = (input: unknown) => lines(issuesOf(input));

  describe('no value can hold the page', () => {
    const stage = { id: 'birth', from: { week: 0 }, to: { week: 2 }, title: 'Birth', services: ['dadpad'] };

    it("refuses a timeline of 2,400,000 stages with one sentence, and keeps the feed's other parts", () => {
      // Before: every stage read in one task (1.5 s in the page) and every problem gathered with a
      // spread that overflowed the stack, so the whole feed was refused ("could not be read").
      const { feed, issues } = validateFeed(
        minimalFeed({ timeline: { mode: 'extend', stages: Array(2_400_000).fill(0) } }),
      );
      expect(lines(issues)).to.deep.equal([
        'timeline.stages: has 2,400,000 entries; the most a feed may list here is 1,000 (ignored)',
      ]);
      expect(feed.timeline === undefined).to.equal(true);
      expect(feed.services?.map((s) => s.id)).to.deep.equal(['dadpad']);
      // A thousand stages are a timeline; one more is not.
      const stages = (n: number) => Array.from({ length: n }, (_, i) => ({ ...stage, id: `s${i}` }));
      const thousand = validateFeed(minimalFeed({ timeline: { stages: stages(1_000) } }));
      expect(thousand.issues).to.deep.equal([]);
      expect(thousand.feed.timeline?.stages).to.have.length(1_000);
      expect(one(minimalFeed({ timeline: { stages: stages(1_001) } }))).to.deep.equal([
        'timeline.stages: has 1,001 entries; the most a feed may list here is 1,000 (ignored)',
      ]);
    });

    it("reads a timeline's stages, and a stage's messages, in slices: the reader may stop between them", () => {
      const breaks = (feed: unknown) => {
        const reading = safeInSlices(feed, ALL_PARTS);
        let n = 0;
        let step = reading.next();
        for (; !step.done; step = reading.next()) n++;
        return { n, feed: step.value.feed };
      };
      // 1,000 stages: before, none (the timeline was read in one piece: 1,000 stages of 2,000 values
      // each held the page for seconds).
      const stages = Array.from({ length: 1_000 }, (_, i) => ({ ...stage, id: `s${i}` }));
      const many = breaks(minimalFeed({ timeline: { stages } }));
      expect(many.n).to.be.at.least(30);
      expect(many.feed.timeline?.stages).to.have.length(1_000);
      // One stage of 1,000 messages.
      const messages = Array.from({ length: 1_000 }, (_, i) => `Message ${i}`);
      const long = breaks(minimalFeed({ timeline: { stages: [{ ...stage, messages }] } }));
      expect(long.n).to.be.at.least(30);
      expect(long.feed.timeline?.stages[0].messages).to.have.length(1_000);
    });

    it('a timeline mode written wrong is ignored, not the timeline: its stages keep their own verdicts, past 1,000 too', () => {
      // Issue 12: a wrong mode once ignored the whole timeline, and every good stage with it.
      const { feed, issues } = validateFeed(
        minimalFeed({ timeline: { mode: 'sideways', stages: [0, { ...stage, services: ['dadpad', 'missing'] }] } }),
      );
      expect(feed.timeline?.stages).to.deep.equal([{ ...stage, services: ['dadpad'] }]);
      expect(lines(issues)).to.deep.equal([
        'timeline.stages[0]: should be an object ({ … }), not a number',
        'timeline.mode: "sideways" is not a timeline mode; use replace or extend (ignored)',
        'timeline.stages[1].services[1]: "missing" is not the id of any entry in services (ignored)',
      ]);
      // 999 stages with 3 bad messages each, a good one, and the mode: each bad stage skipped, the mode
      // ignored (after the stages: the 1,998 past the first 1,000 problems are counted).
      const bad = Array.from({ length: 999 }, (_, i) => ({ ...stage, id: `s${i}`, messages: [0, 0, 0] }));
      const many = validateFeed(minimalFeed({ timeline: { mode: 'sideways', stages: [...bad, stage] } }));
      expect(many.feed.timeline?.stages.map((s) => s.id)).to.deep.equal([stage.id]);
      expect(many.issues).to.have.length(1_001);
      expect(many.issues[1_000]).to.deep.include({
        path: 'timeline',
        code: 'more',
        severity: 'error',
        more: { problems: 1_998, items: 665, ignored: 1 },
      });
    });

    it("counts what is past the first 1,000 problems by part, in the feed's order, with every stage skipped", () => {
      // 1,500 sessions with a description left blank (a warning each), then 800 stages with three bad texts each.
      const sessions = Array.from({ length: 1_500 }, (_, i) => ({ ...session, id: `s${i}`, description: '' }));
      const stages = Array.from({ length: 800 }, (_, i) => ({
        ...stage,
        id: `t${i}`,
        title: 3,
        summary: 4,
        ifWorried: 5,
      }));
      const { issues } = validateFeed(minimalFeed({ sessions, timeline: { stages } }));
      const more = issues.filter((i) => i.code == 'more');
      // Before: the timeline's line first, and 466 of its 800 stages counted as skipped.
      expect(more.map((i) => [i.path, i.more])).to.deep.equal([
        ['sessions', { problems: 500, items: 0, ignored: 500 }],
        ['timeline', { problems: 2_400, items: 800, ignored: 0 }],
      ]);
    });

    it('says how many more problems there are, without an empty "()" when they skipped nothing of their own', () => {
      // One session with 2,000 bad days: its problems run past the first 1,000, but it was counted
      // (as skipped) among them.
      const byDay = Array(1_000).fill('Someday');
      const { issues } = validateFeed(
        minimalFeed({
          sessions: [{ ...session, schedule: { ...session.schedule, byDay, byMonth: Array(1_000).fill(13) } }],
        }),
      );
      expect(issues.at(-1)?.message).to.equal(
        'has 1,000 more problems like these, counted but not listed: a check lists the first 1,000 problems only. ' +
          'Fix the ones above and check again',
      );
    });

    it('gathers 200,000 problems in the timeline without overflowing the stack: listed to 1,000, the rest counted', () => {
      // 200 stages, each with 1,000 messages that are numbers: every message a problem.
      const bad = { ...stage, messages: Array(1_000).fill(0) };
      const stages = [...Array.from({ length: 200 }, (_, i) => ({ ...bad, id: `s${i}` })), stage];
      const { feed, issues } = validateFeed(minimalFeed({ timeline: { mode: 'extend', stages } }));
      expect(issues).to.have.length(1_001);
      expect(issues[0]).to.include({ path: 'timeline.stages[0].messages[0]', code: 'type', severity: 'error' });
      expect(issues[1_000]).to.deep.include({
        path: 'timeline',
        code: 'more',
        severity: 'error',
        more: { problems: 199_000, items: 199, ignored: 0 },
      });
      expect(issues[1_000].message).to.equal(
        'has 199,000 more problems like these (199 items skipped), counted but not listed: a check lists the ' +
          'first 1,000 problems only. Fix the ones above and check again',
      );
      expect(feed.timeline?.stages.map((s) => s.id)).to.deep.equal(['birth']);
    });

    it('counts unknown references past the first 1,000 as it finds them, never holding them all', () => {
      // 50 stages that each name 100 services the feed does not have: 5,000 references dropped, one warning each.
      const stages = Array.from({ length: 50 }, (_, i) => ({ ...stage, id: `s${i}`, services: Array(100).fill('x') }));
      // The most problems the check holds at once, seen as each unknown reference is recorded. Before,
      // all of them (200,000 for 200 stages of 1,000 each), counted in one step at the end: 0.1 s.
      let held = 0;
      const push = Array.prototype.push;
      Array.prototype.push = function (this: unknown[], ...items: unknown[]) {
        if ((items[0] as { code?: string })?.code == 'unknown-ref') held = Math.max(held, this.length + 1);
        return push.apply(this, items);
      };
      let read;
      try {
        read = validateFeed(minimalFeed({ timeline: { mode: 'extend', stages } }));
      } finally {
        Array.prototype.push = push;
      }
      expect(held).to.be.within(1_000, 2_001);
      const { feed, issues } = read;
      expect(issues).to.have.length(1_001);
      expect(issues[0]).to.include({ path: 'timeline.stages[0].services[0]', code: 'unknown-ref' });
      expect(issues[1_000]).to.deep.include({
        path: 'timeline',
        code: 'more',
        severity: 'warning',
        more: { problems: 4_000, items: 0, ignored: 4_000 },
      });
      expect(feed.timeline?.stages).to.have.length(50);
      expect(feed.timeline?.stages.every((s) => !s.services?.length)).to.equal(true);
    });

    it('checks a 120,000-character email by its length, with a sentence, not by a pattern that backtracks', () => {
      const email = `${'a'.repeat(120_000)}@example.org`;
      expect(one(withSession({ booking: { email } }))).to.deep.equal([
        'sessions[0].booking.email: is 120,012 characters long; the most a feed may hold here is 254',
      ]);
      // The shape that made the old pattern (/^[^\s@]+@[^\s@]+\.[^\s@]+$/) try every split of the
      // part after the "@": quadratic, so 120,000 characters of it held the page for a minute.
      expect(one(withSession({ booking: { email: `a@${'.'.repeat(119_997)}@` } }))).to.deep.equal([
        'sessions[0].booking.email: is 120,000 characters long; the most a feed may hold here is 254',
      ]);
      // within the limit, a value built to make a backtracking pattern work hard is refused plainly
      expect(one(withSession({ booking: { email: `a@${'.'.repeat(200)}@` } }))[0]).to.match(
        /is not an email address; write one address, like name@example.org/,
      );
    });

    it('quotes a short preview of a bad value and never serialises it whole (5,000 levels deep)', () => {
      let deep: unknown = 'x';
      for (let i = 0; i < 5_000; i++) deep = [deep];
      const { feed, issues } = validateFeed(
        minimalFeed({
          services: [
            { ...service, kind: deep },
            { ...service, id: 'b' },
          ],
        }),
      );
      expect(lines(issues)).to.deep.equal([
        'services[0]: is nested more than 32 levels deep (lists and objects inside each other); a feed item needs only a few',
      ]);
      expect(feed.services?.map((s) => s.id)).to.deep.equal(['b']);
    });

    it('quotes a long bad value cut short, and a list or an object by its kind', () => {
      const long = `${'x'.repeat(19_990)}y`;
      const { issues } = validateFeed(
        minimalFeed({
          services: [
            { ...service, kind: long },
            { ...service, id: 'b', kind: { a: [long] } },
          ],
        }),
      );
      const [first, second] = issues.filter((i) => i.path.endsWith('.kind'));
      expect(first.message.startsWith(`"${'x'.repeat(57)}…" is not`), first.message).to.equal(true);
      expect(first.message.length).to.be.lessThan(400);
      expect(first.message).not.to.contain('xy');
      expect(second.message, second.message).to.contain('an object');
      expect(second.message).not.to.contain('xxx');
    });

    it('reports nesting too deep on that item only, even in a field it does not know', () => {
      let deep: unknown = {};
      for (let i = 0; i < 100_000; i++) deep = { a: deep };
      const { feed, issues } = validateFeed(
        minimalFeed({
          sessions: [
            { ...session, extra: deep },
            { ...session, id: 'b' },
          ],
        }),
      );
      expect(issues.map((i) => [i.path, i.code])).to.deep.equal([['sessions[0]', 'deep']]);
      expect(feed.sessions?.map((s) => s.id)).to.deep.equal(['b']);
    });

    it('reports a text with thousands of translations once, as too many, and keeps the other items', () => {
      const name: Record<string, string> = {};
      for (let i = 0; i < 12_000; i++) name[`X${i}`] = 'x';
      const { feed, issues } = validateFeed(
        minimalFeed({
          sessions: [
            { ...session, name },
            { ...session, id: 'b' },
          ],
        }),
      );
      // Each bad key was an issue of its own, and naming each one's session read all 12,000 keys again:
      // 12,000 keys held the page for 16 s.
      expect(lines(issues)).to.deep.equal([
        'sessions[0].name: has 12,000 translations; the most a feed may give one text is 100',
      ]);
      expect(feed.sessions?.map((s) => s.id)).to.deep.equal(['b']);
      // A hundred is allowed.
      const code = (i: number) => String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26)); // aa, ab…
      const hundred = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [code(i), 'x']));
      expect(one(withSession({ name: hundred }))).to.deep.equal([]);
      // Translations left null are absent, as everywhere (a CMS may export every language, null where none).
      expect(one(withSession({ name: { ...hundred, xx: null, yy: null } }))).to.deep.equal([]);
      expect(one(withSession({ name: { ...hundred, zz: 'x', xx: null } }))).to.deep.equal([
        'sessions[0].name: has 101 translations; the most a feed may give one text is 100',
      ]);
    });

    it("reads an item's name once to name it, however many problems the item has", () => {
      let reads = 0;
      // The name is a map of translations; every time something lists its keys, it counts.
      const name = new Proxy({ en: 'Baby Massage', cy: 'Tylino babanod' } as Record<string, string>, {
        ownKeys: (target) => (reads++, Reflect.ownKeys(target)),
      });
      const description = Object.fromEntries(Array.from({ length: 90 }, (_, i) => [`X${i}`, 'x']));
      const issues = issuesOf(minimalFeed({ sessions: [{ ...session, name, description }] }));
      expect(issues).to.have.length(90);
      expect(issues.every((i) => i.item?.name == 'Baby Massage')).to.equal(true);
      // By the depth check, the check and to name the session: not once per problem.
      expect(reads).to.be.at.most(3);
    });

    it('refuses dates outside 2000 to 2099, so no schedule is walked from the year 0', () => {
      expect(one(withSchedule({ startDate: '0000-01-01', repeatCount: 1000, repeatFrequency: 'P1D' }))).to.deep.equal([
        'sessions[0].schedule.startDate: "0000-01-01" is outside the years a feed may use (2000 to 2099)',
      ]);
      expect(one(withSchedule({ endDate: '2150-01-01' }))[0]).to.contain('outside the years a feed may use');
      expect(one(withSchedule({ repeatCount: 100_000 }))).to.deep.equal([
        'sessions[0].schedule.repeatCount: 100000 is too large; use 10000 or less',
      ]);
    });
  });

  describe('no session loses its dates silently', () => {
    // A check across lists (the sessions and the calendars they skip), run for the parts that read them.
    it('warns of a term-time session in a feed without term dates, for the whole feed and the session list', async () => {
      const feed = withSchedule({ termTimeOnly: true });
      const warned = async (parts: typeof ALL_PARTS) =>
        (await readFeedData(feed, { parts })).issues.map((i) => `${i.severity} ${i.code} ${i.path}`);
      for (const parts of [ALL_PARTS, SESSION_PARTS]) {
        expect(await warned(parts), parts.name).to.deep.equal(['warning rule sessions[0].schedule.termTimeOnly']);
      }
      expect(await warned(SERVICE_PARTS)).to.deep.equal([]);
      expect(one(feed)[0]).to.contain('but the feed has no termDates, so no dates can be shown');
    });

    it('reports an empty byDay, byMonth or byMonthDay with its path', () => {
      for (const field of ['byDay', 'byMonth', 'byMonthDay']) {
        expect(one(withSchedule({ [field]: [] })), field).to.deep.equal([
          `sessions[0].schedule.${field}: is an empty list, which would leave the session with no dates; list at least one, or leave it out`,
        ]);
      }
    });

    it('reports byMonthDay 0, which is no day of the month', () => {
      expect(one(withSchedule({ repeatFrequency: 'P1M', byDay: undefined, byMonthDay: [0] }))).to.deep.equal([
        'sessions[0].schedule.byMonthDay[0]: 0 is not a day of the month; use 1 to 31, or -1 for the last day',
      ]);
    });

    it('reports every pattern that gives no date in its whole range', () => {
      const noDates = (schedule: Record<string, unknown>) =>
        one(withSession({ schedule: { startDate: '2026-09-07', ...schedule } }));
      // 31 February, 30 February
      expect(noDates({ repeatFrequency: 'P1Y', byMonth: [2], byMonthDay: [30, 31] })).to.deep.equal([
        'sessions[0].schedule: gives no dates at all, so the session would never be listed: no day fits its pattern from 2026-09-07 (check byDay, byMonth and byMonthDay: byMonthDay 31 never falls in February, for example)',
      ]);
      // Tuesdays, but it ends on the Monday it starts
      expect(noDates({ repeatFrequency: 'P1W', byDay: ['TU'], endDate: '2026-09-07' })[0]).to.contain(
        'gives no dates at all',
      );
      // every date of the pattern excepted
      expect(
        noDates({ repeatFrequency: 'P1W', repeatCount: 2, exceptDate: ['2026-09-07', '2026-09-14'] })[0],
      ).to.contain('every date of its pattern is in exceptDate');
      // a one-off on an excepted date
      expect(noDates({ exceptDate: ['2026-09-07'] })[0]).to.contain('gives no dates at all');
      // a fifth Monday in February, in a year without one
      expect(
        noDates({
          startDate: '2027-02-01',
          repeatFrequency: 'P1M',
          byDay: ['5MO'],
          byMonth: [2],
          endDate: '2027-12-31',
        })[0],
      ).to.contain('gives no dates at all');
    });

    it('keeps a session whose only dates are extra ones, or are cancelled', () => {
      const extra = { repeatFrequency: 'P1Y', byMonth: [2], byMonthDay: [31] };
      expect(
        one(withSession({ schedule: { startDate: '2026-09-07', ...extra }, occurrences: [{ date: '2026-10-01' }] })),
      ).to.deep.equal([]);
      expect(
        one(
          withSession({
            occurrences: [{ date: '2026-09-07', status: 'cancelled' }],
            schedule: { startDate: '2026-09-07' },
          }),
        ),
      ).to.deep.equal([]);
    });
  });

  describe('links', () => {
    it('refuses a link with a user name or password, which shows as another site', () => {
      expect(one(withSession({ url: 'https://www.nhs.uk@evil.example/' }))).to.deep.equal([
        `sessions[0].url: "https://www.nhs.uk@evil.example/" has a user name or password before an "@", which makes it look like another site's address; link to the site itself`,
      ]);
      expect(one(withSession({ url: 'https://user:pass@example.org/' }))[0]).to.contain('user name or password');
    });

    it('refuses email fields that smuggle cc, bcc or a body into the mailto: link', () => {
      for (const email of [
        'fh@example.org?cc=evil@example.org',
        'fh@example.org?bcc=x@y.org',
        'fh@example.org?body=Hi',
      ]) {
        expect(one(withSession({ booking: { email } }))[0], email).to.match(/is not an email address/);
      }
    });

    it('keeps a mailto: link with a subject, and refuses one with cc, bcc or a body', () => {
      expect(one(withSession({ url: 'mailto:fh@example.org?subject=Baby%20massage' }))).to.deep.equal([]);
      for (const url of ['mailto:fh@example.org?cc=evil@example.org', 'mailto:fh@example.org?subject=Hi&bcc=x@y.org']) {
        expect(one(withSession({ url }))[0], url).to.contain('adds more than a subject to the email');
      }
    });
  });

  describe('text', () => {
    it('reports a name made only of invisible characters', () => {
      for (const name of ['\u200B\u200B', '\u3164', '\u2800', '\u200E\u00AD\uFEFF', '\u{E0100}\u{E0101}']) {
        expect(one(withSession({ name })), JSON.stringify(name)).to.deep.equal([
          'sessions[0].name: has only invisible characters (spaces, zero-width or direction marks); write the text itself',
        ]);
      }
    });

    it('reports control characters and lone surrogates in any text, on that item', () => {
      const { feed, issues } = validateFeed(
        minimalFeed({
          sessions: [
            { ...session, description: 'Bring a towel\u0007' },
            { ...session, id: 'b', name: { en: 'Baby \uD800 massage' } },
            { ...session, id: 'c' },
          ],
        }),
      );
      expect(lines(issues)).to.deep.equal([
        'sessions[0].description: contains a control character (U+0007) that is never part of real text; remove it',
        'sessions[1].name.en: contains half of a character (a lone surrogate, often left where text was cut short); retype that part',
      ]);
      expect(feed.sessions?.map((s) => s.id)).to.deep.equal(['c']);
    });

    // A direction control left open ("Call \u202E(free)") reversed what followed it on the page: the number.
    it('takes overrides and unclosed isolates out of feed text; quotes a name holding them with escapes', () => {
      const { feed, issues } = validateFeed(
        minimalFeed({
          sessions: [
            {
              ...session,
              name: 'Baby \u202EMassage',
              description: { en: 'Call \u202E(free)', cy: '\u2067Helo\u2069' },
            },
            {
              ...session,
              id: 'b',
              name: 'Stay \u202Dand Play',
              schedule: { ...session.schedule, byDay: ['Tu\u202Esday'] },
            },
          ],
        }),
      );
      expect(feed.sessions?.map((s) => s.name)).to.deep.equal(['Baby Massage']);
      // Isolates that close in order stay as written; one left open is taken out.
      expect(feed.sessions?.[0].description).to.deep.equal({ en: 'Call (free)', cy: '\u2067Helo\u2069' });
      const urdu = validateFeed(
        withSession({ description: { ur: 'فون کریں \u2066020 7946 0000\u2069 پر', cy: '\u2067Helo' } }),
      );
      expect(urdu.feed.sessions?.[0].description).to.deep.equal({
        ur: 'فون کریں \u2066020 7946 0000\u2069 پر',
        cy: 'Helo',
      });
      // In the sentence, the name and the value as the feed wrote them, each control written as an escape.
      expect(issues).to.have.length(1);
      expect(issues[0].item?.name).to.equal('Stay \\u202Dand Play');
      expect(issues[0].message).to.contain('"Tu\\u202Esday" is not a day');
      expect(issues[0].message).not.to.match(/[\u202A-\u202E\u2066-\u2069]/);
    });

    it('keeps new lines and tabs, which real text has', () => {
      expect(one(withSession({ description: 'Line one\nLine two\r\n\tIndented' }))).to.deep.equal([]);
    });

    it('has length limits a real feed never reaches, each with a sentence', () => {
      expect(one(withSession({ name: 'x'.repeat(20_001) }))).to.deep.equal([
        'sessions[0].name: is 20,001 characters long; the most a feed may hold here is 20,000',
      ]);
      expect(one(withSession({ url: `https://example.org/${'a'.repeat(2_000)}` }))[0]).to.contain(
        'the most a feed may hold here is 2,000',
      );
    });

    it('treats a translation left null as absent', () => {
      const { feed, issues } = validateFeed(withSession({ name: { en: 'Baby Massage', cy: null } }));
      expect(issues).to.deep.equal([]);
      expect(feed.sessions?.[0].name).to.deep.equal({ en: 'Baby Massage' });
    });
  });

  it('keeps "__proto__" and "constructor" keys as data, never reaching Object.prototype', () => {
    const input = JSON.parse(
      '{"version": 1, "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "sessions": [' +
        '{"__proto__": {"polluted": 1}, "id": "a", "name": "A", "schedule": {"startDate": "2026-09-07"}},' +
        '{"id": "b", "name": {"__proto__": "x", "en": "B"}, "schedule": {"startDate": "2026-09-07"}}]}',
    );
    const { feed, issues } = validateFeed(input);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.getPrototypeOf(feed.sessions![0])).to.equal(Object.prototype);
    expect(feed.sessions?.map((s) => s.id)).to.deep.equal(['a']);
    expect(lines(issues)).to.deep.equal([
      'sessions[1].name.__proto__: "__proto__" is not a language code; use codes like en, cy, ur or pa-Guru',
    ]);
  });

  it('names the item each problem is in, counting from one', () => {
    const { issues } = validateFeed(
      minimalFeed({ sessions: [session, { ...session, id: 'stay-and-play', name: 'Stay and Play', schedule: {} }] }),
    );
    expect(issues[0]).to.deep.include({
      path: 'sessions[1].schedule.startDate',
      code: 'required',
      item: { list: 'sessions', number: 2, id: 'stay-and-play', name: 'Stay and Play' },
    });
  });
});
