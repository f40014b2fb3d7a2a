// The test oracle for the calendar importer: ical.js's own expansion of a file (its RRULE, RDATE and
// EXDATE handling and its RECURRENCE-ID overrides), each occurrence as the wall-clock times of its
// series' zone; and the same for a feed session, through the project's own schedule engine.
import ICAL from 'ical.js';
import { validateFeed, type Feed, type Session } from '../../../src/feed/index.js';
import { formatDay, wallClock } from '../../../src/schedule/civil.js';
import { sessionOccurrences } from '../../../src/schedule/occurrences.js';
import { repairLine } from '../../../src/import/ics/lines.js';

const pad = (n: number) => String(n).padStart(2, '0');
const wall = (instant: number, zone: string) => {
  const w = wallClock(instant, zone);
  return `${formatDay(w.day)} ${pad(Math.floor(w.minutes / 60))}:${pad(Math.floor(w.minutes % 60))}`;
};

/** One occurrence for comparison: the series' UID, its start and its end (wall clock, or dates). */
export type Occ = string;

/**
 * ical.js's occurrences (not cancelled) of the events with these UIDs whose start falls on one of
 * the `days` days from `fromDay` (YYYY-MM-DD) in the series' zone, as "UID start → end".
 * `zoneOf(uid)` gives the series' zone, for converting times that have one; floating times (and
 * times in zones the file does not define, which ical.js reads as floating) keep their wall clock.
 */
export function icalOccurrences(
  text: string,
  uids: Set<string>,
  zoneOf: (uid: string) => string,
  fromDay: string,
  days: number,
): Occ[] {
  ICAL.TimezoneService.reset();
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const tz of root.getAllSubcomponents('vtimezone')) {
    try {
      ICAL.TimezoneService.register(tz);
    } catch {
      // a VTIMEZONE without a TZID (Zimbra): ical.js cannot register it
    }
  }
  const vevents = root.getAllSubcomponents('vevent');
  const byUid = new Map<string, ICAL.Component[]>();
  for (const v of vevents) {
    const uid = String(v.getFirstPropertyValue('uid'));
    if (!uids.has(uid)) continue;
    if (!byUid.has(uid)) byUid.set(uid, []);
    byUid.get(uid)!.push(v);
  }
  const out: Occ[] = [];
  const toDay = new Date(Date.parse(fromDay) + (days - 1) * 86_400_000).toISOString().slice(0, 10);
  for (const [uid, comps] of byUid) {
    const zone = zoneOf(uid);
    const masters = comps.filter((c) => !c.hasProperty('recurrence-id'));
    // ical.js relates every RECURRENCE-ID in the calendar to every series unless told to match UIDs.
    const exceptions = comps.filter((c) => c.hasProperty('recurrence-id'));
    const events = masters.length
      ? [new ICAL.Event(masters[masters.length - 1], { strictExceptions: true, exceptions })]
      : [];
    const label = (t: ICAL.Time) => {
      if (t.isDate) return t.toString();
      const tzid = t.zone?.tzid;
      if (!tzid || tzid == 'floating') return `${t.toString().slice(0, 10)} ${pad(t.hour)}:${pad(t.minute)}`;
      return wall(t.toJSDate().getTime(), zone);
    };
    // Changes to a series that is not in the file stand alone: ical.js yields nothing for them.
    for (const c of masters.length ? [] : exceptions) {
      const ev = new ICAL.Event(c);
      const start = label(ev.startDate);
      if (start.slice(0, 10) < fromDay || start.slice(0, 10) > toDay) continue;
      if (String(c.getFirstPropertyValue('status') ?? '').toUpperCase() == 'CANCELLED') continue;
      out.push(`${uid} ${start} → ${label(ev.endDate)}`);
    }
    for (const ev of events) {
      const it = ev.iterator();
      for (let next = it.next(), n = 0; next && n < 5000; next = it.next(), n++) {
        // ical.js 2.2.1 yields an RDATE;VALUE=PERIOD as the Period itself, which its own
        // getOccurrenceDetails cannot take: such a date runs from the period's start to its end.
        const period = next as unknown as ICAL.Period;
        const t = next instanceof ICAL.Period ? period.start : next;
        const d = ev.getOccurrenceDetails(t);
        if (next instanceof ICAL.Period) d.endDate = period.getEnd();
        const start = label(d.startDate);
        if (start.slice(0, 10) > toDay) break;
        if (start.slice(0, 10) < fromDay) continue;
        if (String(d.item.component.getFirstPropertyValue('status') ?? '').toUpperCase() == 'CANCELLED') continue;
        const hasEnd = d.item.component.hasProperty('dtend') || d.item.component.hasProperty('duration');
        out.push(`${uid} ${start} → ${hasEnd || d.startDate.isDate ? label(d.endDate) : ''}`);
      }
    }
  }
  return out.sort();
}

/**
 * A feed's sessions' occurrences (not cancelled), the same way: "UID start → end", with
 * `uidOf(session)` the UID of the event it came from.
 */
export function feedOccurrences(feed: Feed, uidOf: (s: Session) => string, now: Date, days: number): Occ[] {
  const out: Occ[] = [];
  for (const s of feed.sessions ?? []) out.push(...sessionOccurrencesOf(s, uidOf(s), feed.timeZone, now, days));
  return out.sort();
}

function sessionOccurrencesOf(s: Session, uid: string, feedZone: string, now: Date, days: number): Occ[] {
  const zone = s.schedule.scheduleTimezone ?? feedZone;
  return sessionOccurrences(s, { now, days, timeZone: feedZone })
    .filter((o) => o.status != 'cancelled')
    .map((o) => {
      if (!o.startTime) return `${uid} ${o.date} → ${formatDay(o.day + o.days)}`;
      const hasEnd = !!(o.endTime || s.schedule.duration);
      return `${uid} ${wall(o.start.getTime(), zone)} → ${hasEnd ? wall(o.end.getTime(), zone) : ''}`;
    });
}

/** The feed an import result makes on its own, validated: its issues must be none. */
export function feedOf(result: { feed: object; source: unknown }) {
  return validateFeed({ version: 1, sources: [result.source], ...result.feed });
}

/**
 * The file as ical.js can take it: each line as the importer's pre-pass repairs it (Exchange's
 * misquoted TZIDs), and without the events ical.js cannot parse at all (one malformed line makes
 * ical.js reject the whole calendar, while the importer skips just that event).
 */
export function forIcalJs(text: string): string {
  const lines = text.split(/\r\n|\n|\r/);
  // Unfold first, so a repair sees whole lines.
  const unfolded: string[] = [];
  for (const l of lines) {
    if (/^[ \t]/.test(l) && unfolded.length) unfolded[unfolded.length - 1] += l.slice(1);
    else unfolded.push(l);
  }
  const out: string[] = [];
  let block: string[] | undefined;
  for (const l of unfolded.map(repairLine)) {
    if (/^BEGIN:VEVENT$/i.test(l)) block = [l];
    else if (block) {
      block.push(l);
      if (/^END:VEVENT$/i.test(l)) {
        try {
          ICAL.parse(['BEGIN:VCALENDAR', ...block, 'END:VCALENDAR'].join('\r\n'));
          out.push(...block);
        } catch {
          // left out, as the importer leaves it out
        }
        block = undefined;
      }
    } else out.push(l);
  }
  return out.join('\r\n');
}
