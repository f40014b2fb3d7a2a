import { expect } from '@open-wc/testing';
import { formatPhone } from '../../src/feed/phone.js';
import { formatDay } from '../../src/schedule/civil.js';
import { openState } from '../../src/schedule/hours.js';

const WEEKDAYS = [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR'] as const, opens: '09:00', closes: '17:00' }];
const at = (iso: string) => new Date(iso);
const state = (hours: unknown, iso: string, zone = 'Europe/London') => {
  const s = openState(hours as never, at(iso), zone);
  // Written as HH:MM and ISO dates, to read: a time is minutes from midnight, a day its number.
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  if ('closes' in s) return { ...s, closes: hhmm(s.closes), day: formatDay(s.day) };
  if (!s.open && s.opens !== undefined) return { ...s, opens: hhmm(s.opens), day: formatDay(s.day!) };
  return s;
};

describe('openState (opening hours)', () => {
  it('open now, and when it closes', () => {
    expect(state(WEEKDAYS, '2026-11-23T12:00:00Z')).to.deep.equal({ open: true, closes: '17:00', day: '2026-11-23' });
  });

  it('closed: opens later today, or on the next open day', () => {
    expect(state(WEEKDAYS, '2026-11-23T08:30:00Z')).to.deep.equal({ open: false, opens: '09:00', day: '2026-11-23' });
    // Friday 17:00 → Monday
    expect(state(WEEKDAYS, '2026-11-27T17:00:00Z')).to.deep.equal({ open: false, opens: '09:00', day: '2026-11-30' });
  });

  it("uses wall-clock time in the feed's zone across both clock changes, whatever the device zone", () => {
    // Monday 30 March 2026 is in BST: 08:30Z is 09:30 in London
    expect(state(WEEKDAYS, '2026-03-30T08:30:00Z').open).to.equal(true);
    expect(state(WEEKDAYS, '2026-03-27T08:30:00Z').open).to.equal(false); // Friday 27 March, GMT: 08:30
    // GMT: 16:30
    expect(state(WEEKDAYS, '2026-10-26T16:30:00Z')).to.deep.equal({ open: true, closes: '17:00', day: '2026-10-26' });
    // BST: 17:30
    expect(state(WEEKDAYS, '2026-10-23T16:30:00Z')).to.deep.equal({ open: false, opens: '09:00', day: '2026-10-26' });
  });

  it('around midnight: open until 24:00, and into the next day', () => {
    const late = [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opens: '11:00', closes: '24:00' }];
    expect(state(late, '2026-11-23T23:59:00Z')).to.deep.equal({ open: true, closes: '24:00', day: '2026-11-23' });
    expect(state(late, '2026-11-24T00:00:00Z')).to.deep.equal({ open: false, opens: '11:00', day: '2026-11-24' });
    const overnight = [
      { byDay: ['MO'], opens: '18:00', closes: '24:00' },
      { byDay: ['TU'], opens: '00:00', closes: '02:00' },
    ];
    expect(state(overnight, '2026-11-23T23:00:00Z')).to.deep.equal({ open: true, closes: '02:00', day: '2026-11-24' });
  });

  it('always open', () => {
    const always = [{ byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opens: '00:00', closes: '24:00' }];
    expect(state(always, '2026-11-23T03:00:00Z')).to.deep.equal({ open: true, always: true });
  });

  it('no hours given', () => {
    expect(state([], '2026-11-23T12:00:00Z')).to.deep.equal({ open: false });
  });

  it('another zone', () => {
    expect(state(WEEKDAYS, '2026-11-23T04:00:00Z', 'Asia/Kolkata').open).to.equal(true); // 09:30 in Kolkata
  });
});

describe('formatPhone', () => {
  const cases: [string, string, string][] = [
    ['01902551199', '01902 551199', 'tel:+441902551199'],
    ['01632 960 555', '01632 960555', 'tel:+441632960555'],
    ['0121 496 0000', '0121 496 0000', 'tel:+441214960000'],
    ['02079460000', '020 7946 0000', 'tel:+442079460000'],
    ['08081961776', '0808 196 1776', 'tel:+448081961776'],
    ['0808 1961 776', '0808 196 1776', 'tel:+448081961776'],
    ['+44 1902 551199', '01902 551199', 'tel:+441902551199'],
    ['07700900123', '07700 900123', 'tel:+447700900123'],
    ['116 123', '116 123', 'tel:116123'],
    ['999', '999', 'tel:999'],
    ['111', '111', 'tel:111'],
    ['18001 111', '18001 111', 'tel:18001111'],
    ['+1 212 555 0100', '+1 212 555 0100', 'tel:+12125550100'],
  ];
  for (const [input, display, tel] of cases) {
    it(`${input} → ${display}`, () => expect(formatPhone(input)).to.deep.equal({ display, tel }));
  }
});
