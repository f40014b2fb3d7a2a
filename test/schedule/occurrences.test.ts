import { expect } from '@open-wc/testing';
import { validateFeed, type Session } from '../../src/feed/index.js';
import {
  occurrencesInSlices,
  sessionOccurrences,
  upcomingOccurrences,
  type SessionOccurrence,
} from '../../src/schedule/occurrences.js';

/** Sessions through the validator, as the elements get them. */
const sessions = (...items: Record<string, unknown>[]) =>
  validateFeed({ version: 1, sessions: items }).feed.sessions as Session[];
const weekly = (patch: Record<string, unknown> = {}, schedule: Record<string, unknown> = {}) => ({
  id: 'baby-massage',
  name: 'Baby Massage',
  schedule: {
    repeatFrequency: 'P1W',
    byDay: ['MO'],
    startTime: '10:00',
    endTime: '11:00',
    startDate: '2026-09-07',
    ...schedule,
  },
  ...patch,
});
const list = (items: Session[], now: string, days = 28, timeZone = 'Europe/London') =>
  upcomingOccurrences(items, { now: new Date(now), days, timeZone });
const brief = (o: ReturnType<typeof list>[number]) => `${o.session.id} ${o.date} ${o.start.toISOString()} ${o.status}`;

describe('upcomingOccurrences', () => {
  it('lists a weekly session at 10:00 London time on both sides of the October clock change', () => {
    const got = list(sessions(weekly()), '2026-10-17T12:00:00Z', 14).map(brief);
    expect(got).to.deep.equal([
      'baby-massage 2026-10-19 2026-10-19T09:00:00.000Z scheduled', // BST
      'baby-massage 2026-10-26 2026-10-26T10:00:00.000Z scheduled', // GMT
    ]);
  });

  it('and of the March clock change', () => {
    const got = list(sessions(weekly()), '2027-03-20T12:00:00Z', 14).map((o) => [
      o.date,
      o.start.toISOString(),
      o.startTime,
      o.endTime,
    ]);
    expect(got).to.deep.equal([
      ['2027-03-22', '2027-03-22T10:00:00.000Z', '10:00', '11:00'],
      ['2027-03-29', '2027-03-29T09:00:00.000Z', '10:00', '11:00'],
    ]);
  });

  it('counts "today" in the feed\'s time zone, not the device\'s', () => {
    // 23:30 on Sunday in London is already Monday in Auckland, where the tests run.
    const got = list(sessions(weekly()), '2026-11-22T23:30:00Z', 1).map((o) => o.date);
    expect(got).to.deep.equal([]);
    expect(list(sessions(weekly()), '2026-11-22T23:30:00Z', 2).map((o) => o.date)).to.deep.equal(['2026-11-23']);
  });

  it('keeps a session under way today and drops one that has ended', () => {
    expect(list(sessions(weekly()), '2026-11-23T10:30:00Z', 1).map((o) => o.date)).to.deep.equal(['2026-11-23']);
    expect(list(sessions(weekly()), '2026-11-23T11:00:00Z', 1)).to.deep.equal([]);
  });

  it('skips excepted dates, and keeps cancelled ones with their note', () => {
    const got = list(
      sessions(
        weekly(
          { occurrences: [{ date: '2026-11-30', status: 'cancelled', note: 'Staff training' }] },
          { exceptDate: ['2026-12-07'] },
        ),
      ),
      '2026-11-24T00:00:00Z',
      21,
    );
    expect(got.map((o) => [o.date, o.status, o.note])).to.deep.equal([
      ['2026-11-30', 'cancelled', 'Staff training'],
      ['2026-12-14', 'scheduled', undefined],
    ]);
  });

  it('applies a changed time or place, and adds extra dates', () => {
    const got = list(
      sessions(
        weekly({
          occurrences: [
            {
              date: '2026-11-30',
              status: 'changed',
              startTime: '13:00',
              endTime: '14:00',
              note: 'Afternoon this week',
            },
            { date: '2026-12-02', note: 'Extra session' },
          ],
        }),
      ),
      '2026-11-24T00:00:00Z',
      9,
    );
    expect(got.map((o) => [o.date, o.startTime, o.endTime, o.status, o.start.toISOString()])).to.deep.equal([
      ['2026-11-30', '13:00', '14:00', 'changed', '2026-11-30T13:00:00.000Z'],
      ['2026-12-02', '10:00', '11:00', 'scheduled', '2026-12-02T10:00:00.000Z'],
    ]);
  });

  it('shows an all-day, week-long event that is already under way', () => {
    const week = {
      id: 'imhaw',
      name: 'Infant Mental Health Awareness Week',
      schedule: { repeatFrequency: 'P1Y', byMonth: [6], byDay: ['2MO'], duration: 'P7D', startDate: '2026-06-08' },
    };
    const [o] = list(sessions(week), '2027-06-16T08:00:00Z', 7);
    expect([o.date, o.days, o.startTime, o.start.toISOString(), o.end.toISOString()]).to.deep.equal([
      '2027-06-14',
      7,
      undefined,
      '2027-06-13T23:00:00.000Z',
      '2027-06-20T23:00:00.000Z',
    ]);
  });

  it("uses a schedule's own time zone when it names one", () => {
    const [o] = list(sessions(weekly({}, { scheduleTimezone: 'Asia/Kolkata' })), '2026-11-23T00:00:00Z', 1);
    expect(o.start.toISOString()).to.equal('2026-11-23T04:30:00.000Z');
  });

  it('sorts soonest first across sessions, and ends the window after `days` days', () => {
    const got = list(
      sessions(
        weekly(),
        weekly({ id: 'booktime', name: 'Baby Booktime' }, { byDay: ['TU'], startTime: '09:30', endTime: '10:00' }),
        weekly({ id: 'early', name: 'x' }, { startTime: '09:00', endTime: '09:30' }),
      ),
      '2026-11-23T00:00:00Z',
      7,
    ).map((o) => `${o.date} ${o.startTime} ${o.session.id}`);
    expect(got).to.deep.equal(['2026-11-23 09:00 early', '2026-11-23 10:00 baby-massage', '2026-11-24 09:30 booktime']);
  });

  it('gives a duration-based end time', () => {
    const [o] = list(sessions(weekly({}, { endTime: undefined, duration: 'PT1H30M' })), '2026-11-23T00:00:00Z', 1);
    expect([o.startTime, o.endTime, o.end.toISOString()]).to.deep.equal(['10:00', '11:30', '2026-11-23T11:30:00.000Z']);
  });
});

describe('occurrencesInSlices', () => {
  const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  /** `n` series: weekly, fortnightly and monthly, at five times, some in another time zone, some one-off. */
  const many = (n: number) =>
    sessions(
      ...Array.from({ length: n }, (_, i) =>
        weekly(
          { id: `s${i}`, name: `Session ${i}` },
          {
            byDay: [i % 11 == 3 ? `${(i % 4) + 1}${DAYS[i % 5]}` : DAYS[i % 7]],
            repeatFrequency: i % 11 == 3 ? 'P1M' : i % 3 ? 'P1W' : 'P2W',
            startTime: `${String(9 + (i % 5)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
            endTime: '15:00',
            ...(i % 13 == 5 && { scheduleTimezone: 'Europe/Dublin' }),
            ...(i % 17 == 7 && { repeatFrequency: undefined, byDay: undefined, startDate: '2026-12-01' }),
          },
        ),
      ),
    );
  const options = { now: new Date('2026-11-23T08:00:00Z'), days: 56, timeZone: 'Europe/London' };
  /**
   * Runs the expansion step by step, counting in each step (between two yields) the reads of a
   * date's time: the comparisons of the sort and the merge read two each.
   */
  const steps = (items: readonly Session[]) => {
    const getTime = Date.prototype.getTime;
    let reads = 0;
    Date.prototype.getTime = function (this: Date) {
      reads++;
      return getTime.call(this);
    };
    const counts: number[] = [];
    try {
      const work = occurrencesInSlices(items, options);
      for (let done = false; !done; counts.push(reads)) {
        reads = 0;
        done = !!work.next().done;
      }
    } finally {
      Date.prototype.getTime = getTime;
    }
    return counts;
  };

  it("gives the order of one stable sort of every series' occurrences, ties included", () => {
    const items = many(1250);
    // Ties: copies of series, with the same id, start and end, in other batches of 100 and runs.
    for (const at of [1249, 1000, 640, 333, 101, 99, 3]) items.splice(at, 0, { ...items[(at * 7) % 1250] });
    items.push({ ...items[0] }, { ...items[5] });
    const id = (o: SessionOccurrence) => o.session.id;
    const expected = items
      .flatMap((s) => sessionOccurrences(s, options))
      .sort((a, b) => a.start.getTime() - b.start.getTime() || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
    const got = upcomingOccurrences(items, options);
    expect(got.length).to.equal(expected.length);
    expect(got.length).to.be.above(7000);
    // The same occurrence (the same copy of a series, on the same date) at every place.
    const firstDifference = got.findIndex((o, i) => o.session !== expected[i].session || o.date != expected[i].date);
    expect(firstDifference).to.equal(-1);
    // Each tie kept in the order of the series in the feed.
    const ties = got.filter((o) => o.session.id == 's0').map((o) => [o.date, items.indexOf(o.session)]);
    expect(ties.slice(0, 2)).to.deep.equal([
      [ties[0][0], 0],
      [ties[0][0], items.length - 2],
    ]);
  });

  it('yields while it merges a long list: no step does more than a batch of 100 series and 4,096 comparisons', () => {
    const counts = steps(many(2000));
    // 20 batches of 100 series: 19 yields between them; then their sorted runs are merged in five
    // rounds (19 merges, some 59,000 moves of 11,800 dates), with a yield before each merge and
    // every 4,096 moves of one.
    expect(counts.length - 1).to.be.at.least(19 + 19);
    // The first step expands and sorts one batch; a merge's step compares at most 4,096 pairs, two
    // reads each (on the old code, the last step sorted all 2,000 series' dates at once).
    expect(Math.max(...counts)).to.be.at.most(counts[0] + 2 * 4096);
  });

  it('carries an odd run over to the next round as it is, not copied item by item in steps of its own', () => {
    // 300 series: three batches (two yields), then runs 3 -> 2 -> 1: two merges, a yield before
    // each, and no merge near 4,096 moves. The old code also "merged" the third run with nothing,
    // a yield of its own and a copy of every item.
    const counts = steps(many(300));
    expect(counts.length - 1).to.equal(2 + 2);
  });

  it('a batch stops at 4,096 dates: 40 daily series a year ahead are expanded in several steps, not one', () => {
    // 40 series every day for a year: 14,640 dates, each batch up to 12 series (4,392 dates). Before,
    // one batch of all 40, and no step between them.
    const daily = sessions(
      ...Array.from({ length: 40 }, (_, i) =>
        weekly({ id: `d${i}`, name: `Daily ${i}` }, { repeatFrequency: 'P1D', byDay: undefined }),
      ),
    );
    const year = { ...options, days: 366 };
    const work = occurrencesInSlices(daily, year);
    let breaks = 0;
    let step = work.next();
    for (; !step.done; step = work.next()) breaks++;
    // Four batches (three breaks), then three merges (a break before each, and within the longest).
    expect(breaks).to.be.at.least(3 + 3);
    expect(step.value).to.have.length(40 * 366);
    expect(
      step.value.every((o, i) => !i || step.value[i - 1].start <= o.start),
      'soonest first',
    ).to.equal(true);
  });

  it('finishes a short list in one go', () => {
    expect(steps(many(60))).to.have.length(1);
    expect(steps([])).to.have.length(1);
  });
});
