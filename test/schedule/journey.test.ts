import { expect } from '@open-wc/testing';
import { parseDay } from '../../src/schedule/civil.js';
import { addMonths, ageOn, journey, pointDays } from '../../src/schedule/journey.js';

const d = parseDay;

describe('the 1001 days: day counts', () => {
  it('counts the day of birth as day 271 and the second birthday as about day 1001', () => {
    expect(journey(d('2026-11-23'), { birth: d('2026-11-23') })!.day).to.equal(271);
    expect(journey(d('2027-03-01'), { birth: d('2025-03-01') })!.day).to.equal(1001); // 730 days later
    // 731 days later: 29 February 2028 comes between.
    expect(journey(d('2028-11-23'), { birth: d('2026-11-23') })!.day).to.equal(1002);
    expect(journey(d('2027-11-23'), { birth: d('2026-11-23') })!.day).to.equal(636);
  });

  it('counts from a due date in the future, with weeks of pregnancy', () => {
    const j = journey(d('2026-11-23'), { due: d('2027-03-01') })!;
    expect(j.born).to.equal(false);
    expect(j.sinceBirth).to.equal(-98);
    expect(j.day).to.equal(173);
    expect(j.weeksPregnant).to.equal(26);
    expect(j.overdue).to.equal(undefined);
  });

  it('notes a due date in the past with no birth date', () => {
    const j = journey(d('2026-11-23'), { due: d('2026-11-20') })!;
    expect(j.overdue).to.equal(3);
    expect(j.born).to.equal(false);
  });

  it('counts across leap years and month ends', () => {
    // a leap-day baby is a year old on 28 February in a common year
    expect(ageOn(d('2024-02-29'), d('2025-02-27'))).to.deep.equal({ months: 11, days: 29, weeks: 52 });
    expect(ageOn(d('2024-02-29'), d('2025-02-28'))).to.deep.equal({ months: 12, days: 0, weeks: 52 });
    expect(ageOn(d('2024-02-29'), d('2025-03-01'))).to.deep.equal({ months: 12, days: 1, weeks: 52 });
    expect(ageOn(d('2026-01-31'), d('2026-02-28'))).to.deep.equal({ months: 1, days: 0, weeks: 4 });
    expect(addMonths(d('2026-01-31'), 1)).to.equal(d('2026-02-28'));
    expect(addMonths(d('2023-12-15'), 2)).to.equal(d('2024-02-15'));
    expect(journey(d('2024-03-01'), { birth: d('2024-02-28') })!.age).to.deep.equal({ months: 0, days: 2, weeks: 0 });
  });

  it('marks a premature birth (three weeks or more before the due date)', () => {
    expect(journey(d('2026-11-23'), { birth: d('2026-10-01'), due: d('2026-11-20') })!.premature).to.equal(true);
    expect(journey(d('2026-11-23'), { birth: d('2026-11-10'), due: d('2026-11-20') })!.premature).to.equal(undefined);
  });

  it('turns timeline points into days from birth (calendar months)', () => {
    expect(pointDays({ week: -12 }, d('2026-11-23'))).to.equal(-84);
    expect(pointDays({ day: 10 }, d('2026-11-23'))).to.equal(10);
    expect(pointDays({ month: 3 }, d('2026-11-23'))).to.equal(d('2027-02-23') - d('2026-11-23'));
    expect(pointDays({ month: 24 }, d('2026-11-23'))).to.equal(731);
  });
});
