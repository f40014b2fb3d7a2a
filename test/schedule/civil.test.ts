import { expect } from '@open-wc/testing';
import { formatDay, parseDay, parseTime, wallClock, weekday, zonedInstant } from '../../src/schedule/civil.js';

const at = (day: string, time: string, zone = 'Europe/London') =>
  zonedInstant(parseDay(day), parseTime(time), zone).toISOString();

describe('civil dates and wall-clock times', () => {
  it('day numbers round-trip, with weekdays from Monday', () => {
    expect(formatDay(parseDay('2024-02-29'))).to.equal('2024-02-29');
    expect(parseDay('2024-03-01') - parseDay('2024-02-28')).to.equal(2);
    expect(weekday(parseDay('2026-11-23'))).to.equal(0); // a Monday
    expect(weekday(parseDay('1969-12-28'))).to.equal(6); // a Sunday before the epoch
  });

  it('a 10:00 London session is at 10:00 on both sides of the March clock change', () => {
    expect(at('2027-03-27', '10:00')).to.equal('2027-03-27T10:00:00.000Z'); // GMT
    expect(at('2027-03-28', '10:00')).to.equal('2027-03-28T09:00:00.000Z'); // BST from 01:00 GMT
    expect(at('2027-03-29', '10:00')).to.equal('2027-03-29T09:00:00.000Z');
  });

  it('and on both sides of the October clock change', () => {
    expect(at('2026-10-24', '10:00')).to.equal('2026-10-24T09:00:00.000Z'); // BST
    expect(at('2026-10-25', '10:00')).to.equal('2026-10-25T10:00:00.000Z'); // GMT from 02:00 BST
  });

  it('a time skipped by the March change moves forward; a repeated October time is the first', () => {
    expect(at('2027-03-28', '01:30')).to.equal('2027-03-28T01:30:00.000Z'); // 02:30 BST
    expect(at('2027-03-28', '00:30')).to.equal('2027-03-28T00:30:00.000Z');
    expect(at('2026-10-25', '01:30')).to.equal('2026-10-25T00:30:00.000Z'); // 01:30 BST, not GMT
  });

  it("works in any IANA zone, whatever the device's own zone (the tests run in Pacific/Auckland)", () => {
    expect(at('2026-11-23', '09:00', 'Asia/Kolkata')).to.equal('2026-11-23T03:30:00.000Z');
    expect(at('2026-07-01', '12:00', 'America/New_York')).to.equal('2026-07-01T16:00:00.000Z');
  });

  it('reads an instant back as the wall clock in a zone', () => {
    expect(wallClock(new Date('2026-10-25T23:30:00Z'), 'Europe/London')).to.deep.equal({
      day: parseDay('2026-10-25'),
      minutes: 23 * 60 + 30,
    });
    expect(wallClock(new Date('2026-06-30T23:30:00Z'), 'Europe/London')).to.deep.equal({
      day: parseDay('2026-07-01'),
      minutes: 30,
    });
  });
});
