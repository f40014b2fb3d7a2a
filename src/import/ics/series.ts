/**
 * One series of a calendar (a master VEVENT and the overrides that share its UID) → one feed
 * session: the wall-clock start in the series' zone, its rule as the feed's schedule or its dates
 * listed one by one, EXDATEs as `exceptDate`, RDATEs and overrides as `occurrences`, and a report
 * record for every VEVENT of the group.
 */
import type { RecordNote, RecordReport } from '../types.js';
import { formatDay, parseDay, wallClock, zonedInstant, type DayNumber } from '../../schedule/civil.js';
import { ruleDates, type DateRule } from '../../schedule/recur.js';
import { compactId, hashText, htmlToText } from '../common.js';
import type { Block, Prop } from './lines.js';
import { expandDates, readRule, ruleText, type JCalRecur } from './rule.js';
import { isUtcZone, type ResolvedZone } from './zones.js';
import {
  durationMinutes,
  hhmm,
  longDate,
  norm,
  oneLine,
  param,
  quoteLine,
  readWhen,
  textOf,
  values,
  type Local,
  type When,
} from './values.js';

type Json = Record<string, unknown>;

/** How far ahead a rule the feed cannot hold is listed date by date. */
export const EXPAND_DAYS = 366;
/** Exceptions and changes older than this (days before the import) are of no use to a reader. */
const KEEP_PAST_DAYS = 31;

/** An event of the file, its properties by name. */
export interface Vevent {
  block: Block;
  props: Map<string, Prop[]>;
  uid?: string;
  summary?: string;
  /** Why it cannot be used at all: a broken line, or cut short. */
  problem?: string;
  recurrenceId?: Prop;
}

/** What a series needs from the import it is part of. */
export interface SeriesContext {
  readonly feedZone: string;
  readonly calendarZone: string;
  /** The import's date in the feed's zone. */
  readonly today: DayNumber;
  readonly sourceRef: string;
  resolve(tzid: string, line: number, quiet?: boolean): ResolvedZone;
  /** Reports, once per file, that a time had no zone. */
  noteFloating(line: number): void;
  record(e: Vevent, outcome: RecordReport['outcome'], notes: RecordNote[], items?: RecordReport['items']): RecordReport;
  /** A unique, stable session id for a key (the UID). */
  sessionId(key: string): string;
  place(text: string, geo: unknown, notes: RecordNote[], line: number): string;
  organisation(p: Prop): string | undefined;
  addSession(session: Json): void;
  /** Counts a series left out because it is over. */
  countPast(): void;
}

/** How long an event lasts, from its start in the series' wall clock. */
interface Span {
  start: Local;
  /** Timed events: minutes from start to end (undefined when it gives no end). */
  endMinutes?: number;
  /** All-day events: how many days. */
  days?: number;
}

/** The dates a series runs on before exceptions: a rule the feed holds, or dates listed one by one. */
interface Pattern {
  rule?: DateRule;
  /** Listed dates (the rule the feed cannot hold), with their start minutes. */
  listed?: Map<DayNumber, number | undefined>;
  /** The schedule's own first date. */
  first: DayNumber;
}

/** An event's STATUS, upper case. */
const statusOf = (e: Vevent) => textOf(e.props.get('STATUS')?.find((p) => p.jcal))?.toUpperCase();
const classOf = (e: Vevent) => textOf(e.props.get('CLASS')?.find((p) => p.jcal))?.toUpperCase();
const isPrivate = (cls: string | undefined) => cls == 'PRIVATE' || cls == 'CONFIDENTIAL';

/** Of several copies of an event, the one to keep: the highest SEQUENCE, then the last in the file. */
export function newest(events: Vevent[]): Vevent | undefined {
  const seq = (e: Vevent) => Number(values(e.props.get('SEQUENCE')?.find((p) => p.jcal))[0] ?? 0) || 0;
  return events.reduce<Vevent | undefined>((best, e) => (!best || seq(e) >= seq(best) ? e : best), undefined);
}

/** A LOCATION that is a meeting link or says the event is online, as the session's `online`. */
export function onlineLocation(text: string): Json | undefined {
  const t = text.trim();
  if (/^https?:\/\/\S+$/i.test(t)) return { url: t };
  if (/^(online|virtual|zoom|microsoft teams|teams|google meet|webinar)\b/i.test(t)) {
    const url = /https?:\/\/\S+/i.exec(t)?.[0];
    return url ? { url, note: t.replace(url, '').trim() || undefined } : { note: t };
  }
  return undefined;
}

export class Series {
  private readonly master?: Vevent;
  private readonly notes = new Map<Vevent, RecordNote[]>();
  private readonly out = new Map<Vevent, RecordReport>();
  /** Places named by overrides, made only once the series is known to be imported. */
  private readonly pendingPlaces: {
    target: Json;
    text: string;
    geo: unknown;
    notes: RecordNote[];
    line: number;
    event: Vevent;
  }[] = [];
  private zone = '';
  private allDay = false;
  private utcSeries = false;

  constructor(
    private readonly ctx: SeriesContext,
    private readonly group: Vevent[],
  ) {
    const masters = group.filter((e) => !e.props.has('RECURRENCE-ID'));
    this.master = newest(masters);
    for (const m of masters) {
      if (m != this.master) {
        this.skip(
          m,
          `Another copy of this event (the same UID) at line ${this.master!.block.line} is newer, so this one ` +
            `was left out.`,
        );
      }
    }
  }

  /** Builds the session (if any) and returns a report record for every event of the group. */
  build(): Map<Vevent, RecordReport> {
    const m = this.master;
    const overrides = this.group.filter((e) => e != m && !this.out.has(e));
    if (!m) {
      // Changes to a series that is not in the file (Google exports these for deleted series).
      for (const o of overrides) this.orphan(o);
      return this.out;
    }
    const made = this.session(m, overrides, m.uid);
    if (!made) {
      for (const o of overrides) {
        if (!this.out.has(o)) {
          this.skip(o, `It changes one date of the event at line ${m.block.line}, which was not imported.`);
        }
      }
    }
    return this.out;
  }

  private notesOf(e: Vevent) {
    if (!this.notes.has(e)) this.notes.set(e, []);
    return this.notes.get(e)!;
  }

  private skip(e: Vevent, message: string): undefined {
    this.out.set(e, this.ctx.record(e, 'skipped', [{ message }]));
    return undefined;
  }

  private first(e: Vevent, name: string) {
    return e.props.get(name)?.find((p) => p.jcal);
  }

  private when(p: Prop, value: unknown = values(p)[0]): When | undefined {
    return readWhen(value, param(p, 'tzid'));
  }

  /**
   * A time of the file in the series' wall clock. In an all-day series a date-time keeps the
   * date it was written with (Exchange writes all-day exceptions as midnight in its own zone),
   * unless it is in UTC. `quiet` leaves a floating time unreported (a floating UNTIL).
   */
  private local(w: When, line: number, quiet = false): Local {
    if (w.kind == 'date') return { day: w.day };
    const fromInstant = (t: number): Local => {
      const c = wallClock(t, this.zone);
      return this.allDay ? { day: c.day } : { day: c.day, minutes: Math.floor(c.minutes) };
    };
    const utc = w.day * 86_400_000 + w.minutes * 60_000;
    if (w.kind == 'utc') return fromInstant(utc);
    if (w.kind == 'floating') {
      if (!this.allDay && !quiet) this.ctx.noteFloating(line);
      return this.allDay ? { day: w.day } : { day: w.day, minutes: w.minutes };
    }
    const r = this.ctx.resolve(w.tzid!, line);
    if (this.allDay) return { day: w.day };
    if (r.how == 'unknown' || r.zone == this.zone) return { day: w.day, minutes: w.minutes };
    if (isUtcZone(r.zone)) return fromInstant(utc);
    return fromInstant(zonedInstant(w.day, w.minutes, r.zone).getTime());
  }

  /** When an event starts and how long it lasts, in the series' wall clock, or why it cannot be read. */
  private span(e: Vevent, notes: RecordNote[]): Span | string {
    const dtstart = this.first(e, 'DTSTART');
    if (!dtstart) return 'It has no start (DTSTART), so it has no date.';
    const w = this.when(dtstart);
    if (!w) return `Line ${dtstart.line} ${quoteLine(dtstart.text)} has a start that is not a date or a date and time.`;
    const start = this.local(w, dtstart.line);
    const dtend = this.first(e, 'DTEND');
    const duration = this.first(e, 'DURATION');
    if (start.minutes == null) {
      let days = 1;
      const end = dtend && this.when(dtend);
      if (end) days = end.kind == 'date' ? end.day - start.day : 1;
      else if (duration) days = Math.floor((durationMinutes(values(duration)[0]) ?? 0) / 1440);
      return { start, days: Math.max(1, days) };
    }
    let endMinutes: number | undefined;
    if (dtend) {
      const ew = this.when(dtend);
      if (!ew) {
        notes.push({
          field: 'DTEND',
          message: `Line ${dtend.line} ${quoteLine(dtend.text)} has an end that cannot be read, so it has no end time.`,
        });
      } else {
        const end = this.local(ew, dtend.line);
        endMinutes = (end.day - start.day) * 1440 + (end.minutes ?? 0) - start.minutes;
      }
    } else if (duration) endMinutes = durationMinutes(values(duration)[0]);
    if (endMinutes != null && endMinutes < 0) {
      notes.push({ field: 'DTEND', message: 'It ends before it starts, so it has no end time.' });
      endMinutes = undefined;
    }
    return { start, endMinutes: endMinutes || undefined };
  }

  /** Schedule fields for a span: startTime and endTime, or a duration when it runs past midnight. */
  private timeFields(span: Span): Json {
    const s = span.start;
    if (s.minutes == null) return span.days && span.days > 1 ? { duration: `P${span.days}D` } : {};
    const out: Json = { startTime: hhmm(s.minutes) };
    const end = span.endMinutes;
    if (end == null) return out;
    if (s.minutes + end < 1440) out.endTime = hhmm(s.minutes + end);
    else {
      const days = Math.floor(end / 1440);
      const h = Math.floor((end % 1440) / 60);
      const m = end % 60;
      out.duration = `P${days ? `${days}D` : ''}${h || m ? `T${h ? `${h}H` : ''}${m ? `${m}M` : ''}` : ''}`;
    }
    return out;
  }

  /** An occurrence's startTime and endTime when it starts at `minutes` and lasts as long as `span`. */
  private times(minutes: number, span: Span): Json {
    const out: Json = { startTime: hhmm(minutes) };
    if (span.endMinutes != null && minutes + span.endMinutes < 1440) out.endTime = hhmm(minutes + span.endMinutes);
    return out;
  }

  /** An override whose series is not in the file: a one-off event of its own, unless cancelled. */
  private orphan(o: Vevent) {
    if (o.problem) return this.skip(o, o.problem);
    if (statusOf(o) == 'CANCELLED') {
      return this.skip(
        o,
        'It cancels one date of a series that is not in this calendar, so there is nothing to cancel.',
      );
    }
    this.notesOf(o).push({
      field: 'RECURRENCE-ID',
      message: 'It changes one date of a series that is not in this calendar, so it was imported as a one-off event.',
    });
    // Each such change stands alone: its id in the source is its UID and the date it changes.
    this.session(o, [], `${o.uid}#${o.props.get('RECURRENCE-ID')![0].text.replace(/^[^:]*:/, '')}`);
  }

  /** Settles the series' zone from its start: its own, the calendar's for UTC series and floating times. */
  private settleZone(m: Vevent, overrides: Vevent[], start: When | undefined, notes: RecordNote[]) {
    const ctx = this.ctx;
    const repeats = !!this.first(m, 'RRULE');
    if (start?.kind == 'date') {
      // All day: the zone only decides what "today" is; take one the events name, else the calendar's.
      this.allDay = true;
      const known = [m, ...overrides]
        .flatMap((e) => [...e.props.values()].flat())
        .map((p) => param(p, 'tzid'))
        .filter((t): t is string => !!t)
        .map((t) => ctx.resolve(t, 0, true))
        .find((r) => r.how != 'unknown' && !isUtcZone(r.zone));
      this.zone = known?.zone ?? ctx.calendarZone;
    } else if (start?.kind == 'zoned') {
      const r = ctx.resolve(start.tzid!, this.first(m, 'DTSTART')!.line);
      this.utcSeries = isUtcZone(r.zone) && repeats;
      this.zone = this.utcSeries ? ctx.calendarZone : r.zone;
      if (r.how == 'unknown') {
        notes.push({
          field: 'DTSTART',
          message:
            `Its times are read as ${r.zone} times: its time zone “${start.tzid}” ` + 'is not one this importer knows.',
        });
      }
    } else {
      this.zone = ctx.calendarZone;
      this.utcSeries = start?.kind == 'utc' && repeats;
    }
  }

  /** The session for a master event and its overrides, or undefined when it is skipped. */
  private session(m: Vevent, overrides: Vevent[], sourceKey: string | undefined): Json | undefined {
    const ctx = this.ctx;
    const notes = this.notesOf(m);
    if (m.problem) return this.skip(m, m.problem);
    if (!m.summary) return this.skip(m, 'It has no title (SUMMARY), and a session needs a name.');
    if (statusOf(m) == 'CANCELLED') return this.skip(m, 'It is marked as cancelled (STATUS:CANCELLED).');
    const cls = classOf(m);
    if (isPrivate(cls)) {
      return this.skip(m, `It is marked ${cls!.toLowerCase()} (CLASS:${cls}), so it is not for publishing.`);
    }

    const dtstart = this.first(m, 'DTSTART');
    const startWhen = dtstart && this.when(dtstart);
    this.settleZone(m, overrides, startWhen, notes);
    const span = this.span(m, notes);
    if (typeof span == 'string') return this.skip(m, span);
    if (this.utcSeries) {
      notes.push({
        field: 'DTSTART',
        message:
          `It repeats, but its times are written in UTC (${hhmm(startWhen!.minutes)} UTC on ` +
          `${longDate(startWhen!.day)}). ` +
          `It is read as ${hhmm(span.start.minutes!)} ${this.zone} time every time, as its first date shows; ` +
          'calendars that follow the UTC times strictly show it an hour out after the clock changes.',
      });
    }

    const schedule: Json = { startDate: formatDay(span.start.day), ...this.timeFields(span) };
    if (this.zone != ctx.feedZone) schedule.scheduleTimezone = this.zone;
    const occurrences = new Map<DayNumber, Json>();
    const except = new Set<DayNumber>();
    const pattern = this.pattern(m, span, schedule, occurrences, notes);
    if (!pattern) return undefined;
    // The schedule's own start and times: for listed dates, the first still to come.
    const base: Span = pattern.listed
      ? { ...span, start: { day: pattern.first, minutes: pattern.listed.get(pattern.first) ?? span.start.minutes } }
      : span;
    const inPattern = (day: DayNumber): boolean =>
      pattern.listed
        ? pattern.listed.has(day)
        : pattern.rule
          ? ruleDates(pattern.rule, day, day).length > 0
          : day == base.start.day;

    this.rdates(m, base, inPattern, occurrences, notes);
    this.exdates(m, base, pattern, inPattern, occurrences, except, notes);

    // Overrides (RECURRENCE-ID): cancelled, moved in time, place or date; the newest per date.
    const byDate = new Map<DayNumber, Vevent>();
    for (const o of overrides) {
      if (o.problem) {
        this.skip(o, o.problem);
        continue;
      }
      const rw = o.recurrenceId && this.when(o.recurrenceId);
      if (!rw) {
        const rp = o.props.get('RECURRENCE-ID')![0];
        this.skip(
          o,
          `Line ${rp.line} ${quoteLine(rp.text)} does not say which date it changes in a way that can be read.`,
        );
        continue;
      }
      const day = this.local(rw, o.recurrenceId!.line).day;
      const previous = byDate.get(day);
      if (previous) {
        const keep = newest([previous, o])!;
        const drop = keep == o ? previous : o;
        this.skip(
          drop,
          `Another change to ${longDate(day)} (line ${keep.block.line}) is newer, so this one was left out.`,
        );
        if (keep == previous) continue;
      }
      byDate.set(day, o);
    }
    for (const [day, o] of [...byDate].sort((a, b) => a[0] - b[0])) {
      this.override(m, o, day, base, { inPattern, except, occurrences, pattern });
    }

    // A series that is over is left out: nothing of it would show.
    const last = this.lastDay(pattern, schedule, occurrences, except, base);
    if (last != null && last < ctx.today) {
      ctx.countPast();
      return this.skip(m, `Its last date, ${longDate(last)}, is before this import, so it was left out.`);
    }

    const keepFrom = ctx.today - KEEP_PAST_DAYS;
    const exceptDates = [...except]
      .filter((d) => d >= keepFrom)
      .sort((a, b) => a - b)
      .map(formatDay);
    if (exceptDates.length) schedule.exceptDate = exceptDates;

    // Without a UID, the title and start are what identify the event from one import to the next.
    const key = sourceKey ?? `${m.summary} ${dtstart!.text.replace(/^[^:]*:/, '')}`;
    const session: Json = { id: ctx.sessionId(key), name: m.summary };
    const items: RecordReport['items'] = [{ list: 'sessions', id: String(session.id) }];
    if (!m.uid) {
      notes.push({
        field: 'UID',
        message:
          'It has no UID, so its id comes from its title and start; if either changes, the next import replaces it.',
      });
    }
    const description = this.description(m);
    if (description) session.description = description;
    const categories = (m.props.get('CATEGORIES') ?? [])
      .flatMap((p) => values(p).map((v) => String(v).trim()))
      .filter(Boolean);
    if (categories.length) {
      session.category = compactId(categories[0], 48);
      if (categories.length > 1) {
        const rest = categories.slice(1).map((c) => `“${c}”`);
        notes.push({
          field: 'CATEGORIES',
          message:
            `A session has one category, so it has “${categories[0]}”; ${rest.join(', ')} ` +
            `${rest.length > 1 ? 'were' : 'was'} left out.`,
        });
      }
    }
    const location = textOf(this.first(m, 'LOCATION'));
    if (location) {
      const online = onlineLocation(location);
      if (online) session.online = online;
      else {
        session.place = ctx.place(location, values(this.first(m, 'GEO'))[0], notes, this.first(m, 'LOCATION')!.line);
        items.push({ list: 'places', id: String(session.place) });
      }
    }
    const overridePlaces = new Map<Vevent, string>();
    for (const p of this.pendingPlaces) {
      p.target.place = ctx.place(p.text, p.geo, p.notes, p.line);
      overridePlaces.set(p.event, String(p.target.place));
    }
    const organizer = this.first(m, 'ORGANIZER');
    const org = organizer && ctx.organisation(organizer);
    if (org) {
      session.organiser = org;
      items.push({ list: 'organisations', id: org });
    }
    const url = textOf(this.first(m, 'URL'));
    if (url) {
      if (/^https?:\/\/\S+$/i.test(url)) session.url = url;
      else
        notes.push({
          field: 'URL',
          message: `Its link “${url}” is not a web address (http or https), so it was left out.`,
        });
    }
    for (const [prop, what] of [
      ['ATTACH', 'attachments'],
      ['CONTACT', 'contact details'],
    ] as const) {
      if (m.props.has(prop)) {
        notes.push({
          field: prop,
          message: `Its ${what} (${prop}) have no place in a session, so they were left out.`,
        });
      }
    }
    session.schedule = schedule;
    const occ = [...occurrences]
      .filter(([d]) => d >= keepFrom)
      .sort((a, b) => a[0] - b[0])
      .map(([, o]) => o);
    if (occ.length) session.occurrences = occ;
    const modified = m.props.get('LAST-MODIFIED')?.[0]?.text.replace(/^[^:]*:/, '');
    session.source = { ref: ctx.sourceRef, id: key, ...(modified ? { modified } : {}) };

    ctx.addSession(session);
    this.out.set(m, ctx.record(m, 'imported', notes, items));
    for (const o of overrides) {
      if (this.out.has(o)) continue;
      const place = overridePlaces.get(o);
      const its: RecordReport['items'] = place ? [items[0], { list: 'places', id: place }] : [items[0]];
      this.out.set(o, ctx.record(o, 'imported', this.notesOf(o), its));
    }
    return session;
  }

  /**
   * The series' pattern: its RRULE as schedule fields (written into `schedule`), or its dates for
   * the coming year listed one by one (the first into `schedule`, the rest into `occurrences`).
   * Undefined when the event is skipped.
   */
  private pattern(
    m: Vevent,
    span: Span,
    schedule: Json,
    occurrences: Map<DayNumber, Json>,
    notes: RecordNote[],
  ): Pattern | undefined {
    const start = span.start;
    const rrule = this.first(m, 'RRULE');
    for (const [prop, what] of [
      ['RRULE', 'a second repeat rule (RRULE), which a session cannot have; only the first is used'],
      ['EXRULE', 'a rule for dates it does not run (EXRULE, dropped from iCalendar in 2009), which was left out'],
    ] as const) {
      const extra = (m.props.get(prop) ?? []).filter((p) => p.jcal && p != rrule);
      if (extra.length) notes.push({ field: prop, message: `Line ${extra[0].line} gives ${what}.` });
    }
    if (!rrule) return { first: start.day };
    const recur = values(rrule)[0] as JCalRecur;
    const until = this.until(recur, rrule, start);
    if (until === null)
      return this.skip(m, `Line ${rrule.line} ${quoteLine(rrule.text)} has an end (UNTIL) that cannot be read.`);
    const reading = readRule(recur, start.day, start.minutes);
    if (reading.kind == 'skip') return this.skip(m, `It ${reading.why}.`);
    if (reading.kind == 'rule') {
      Object.assign(schedule, reading.fields);
      if (until) {
        const end =
          start.minutes != null && until.minutes != null && until.minutes < start.minutes ? until.day - 1 : until.day;
        schedule.endDate = formatDay(Math.max(end, start.day));
      }
      const rule = { ...(schedule as unknown as DateRule) };
      if (ruleDates(rule, start.day, start.day).length) return { rule, first: start.day };
      // A first date the rule does not pick still counts (RFC 5545), as one of COUNT.
      notes.push({
        field: 'DTSTART',
        message:
          `Its first date, ${longDate(start.day)}, is not one its repeat rule picks; it is kept as an ` +
          `extra date, as Google and Apple Calendar show it.`,
      });
      if (rule.repeatCount == 1) {
        for (const k of ['repeatFrequency', 'byDay', 'byMonth', 'byMonthDay', 'repeatCount', 'endDate'])
          delete schedule[k];
        return { first: start.day };
      }
      if (rule.repeatCount) schedule.repeatCount = rule.repeatCount = rule.repeatCount - 1;
      occurrences.set(start.day, { date: formatDay(start.day), status: 'scheduled' });
      return { rule, first: start.day };
    }

    // The feed cannot say this rule: list its dates for the coming year.
    const windowEnd = this.ctx.today + EXPAND_DAYS - 1;
    const dates = expandDates(recur, start, until, windowEnd);
    const listed = new Map<DayNumber, number | undefined>();
    for (const d of dates) {
      if (listed.has(d.day))
        return this.skip(m, `It repeats several times a day (${ruleText(recur)}), which a session cannot.`);
      listed.set(d.day, d.minutes);
    }
    const upcoming = dates.filter((d) => d.day >= this.ctx.today);
    const first = upcoming[0] ?? dates[0];
    const finite = recur.count != null || !!until;
    notes.push({
      field: 'RRULE',
      message:
        `Its repeat rule (${ruleText(recur)}) ${reading.why}, which the feed cannot say, so its dates ` +
        (upcoming.length
          ? `from ${longDate(upcoming[0].day)} to ${longDate(upcoming[upcoming.length - 1].day)} are listed ` +
            `one by one` +
            (finite && dates.length < 5000 && dates[dates.length - 1].day < windowEnd
              ? '.'
              : '; import the calendar again to add later ones.')
          : 'are listed one by one.'),
    });
    const baseMinutes = first.minutes ?? start.minutes;
    const base: Span = { ...span, start: { day: first.day, minutes: baseMinutes } };
    for (const k of ['startTime', 'endTime', 'duration']) delete schedule[k];
    Object.assign(schedule, { startDate: formatDay(first.day), ...this.timeFields(base) });
    for (const d of upcoming) {
      if (d.day == first.day) continue;
      const o: Json = { date: formatDay(d.day), status: 'scheduled' };
      if (d.minutes != null && d.minutes != baseMinutes) Object.assign(o, this.times(d.minutes, base));
      occurrences.set(d.day, o);
    }
    return { listed, first: first.day };
  }

  /** UNTIL in the series' wall clock; undefined when there is none, null when it cannot be read. */
  private until(recur: JCalRecur, rrule: Prop, start: Local): Local | undefined | null {
    if (recur.until == null) return undefined;
    const w = readWhen(String(recur.until), undefined);
    if (!w) return null;
    if (w.kind == 'date') return { day: w.day, minutes: start.minutes == null ? undefined : 1439 };
    // A floating UNTIL with a zoned start (Outlook writes these) is in the start's zone.
    return this.local(w, rrule.line, true);
  }

  /** RDATE: extra dates (with their own times when they differ). */
  private rdates(
    m: Vevent,
    base: Span,
    inPattern: (day: DayNumber) => boolean,
    occurrences: Map<DayNumber, Json>,
    notes: RecordNote[],
  ) {
    for (const p of m.props.get('RDATE') ?? []) {
      if (!p.jcal) continue;
      for (const v of values(p)) {
        const period = Array.isArray(v) ? (v as unknown[]) : undefined;
        const w = this.when(p, period ? period[0] : v);
        if (!w) {
          notes.push({
            field: 'RDATE',
            message: `An extra date on line ${p.line} could not be read, so it was left out.`,
          });
          continue;
        }
        const at = this.local(w, p.line);
        let length = base.endMinutes;
        if (period && at.minutes != null) {
          const end = this.when(p, period[1]);
          if (end) {
            const e = this.local(end, p.line);
            length = (e.day - at.day) * 1440 + (e.minutes ?? 0) - at.minutes;
          } else length = durationMinutes(period[1]) ?? length;
        }
        if (inPattern(at.day) || occurrences.has(at.day)) {
          if (at.minutes != null && base.start.minutes != null && at.minutes != base.start.minutes) {
            notes.push({
              field: 'RDATE',
              message:
                `Its extra time on ${longDate(at.day)} (${hhmm(at.minutes)}) is on a date it already ` +
                `runs; a session runs once a day, so it was left out.`,
            });
          }
          continue;
        }
        const o: Json = { date: formatDay(at.day), status: 'scheduled' };
        if (at.minutes != null && (at.minutes != base.start.minutes || length != base.endMinutes)) {
          Object.assign(o, this.times(at.minutes, { ...base, endMinutes: length }));
        }
        occurrences.set(at.day, o);
      }
    }
  }

  /** EXDATE: dates the series does not run; ones that match none of its dates are reported. */
  private exdates(
    m: Vevent,
    base: Span,
    pattern: Pattern,
    inPattern: (day: DayNumber) => boolean,
    occurrences: Map<DayNumber, Json>,
    except: Set<DayNumber>,
    notes: RecordNote[],
  ) {
    for (const p of m.props.get('EXDATE') ?? []) {
      if (!p.jcal) continue;
      for (const v of values(p)) {
        const w = this.when(p, v);
        if (!w) {
          notes.push({
            field: 'EXDATE',
            message: `A date it does not run on (line ${p.line}) could not be read, so it was left out.`,
          });
          continue;
        }
        const at = this.local(w, p.line);
        const extra = occurrences.get(at.day);
        if (extra && extra.status != 'cancelled') {
          occurrences.delete(at.day);
          pattern.listed?.delete(at.day);
        } else if (inPattern(at.day)) {
          pattern.listed?.delete(at.day);
          if (!pattern.listed || at.day == pattern.first) except.add(at.day);
        } else {
          notes.push({
            field: 'EXDATE',
            message:
              `It says it does not run on ${longDate(at.day)} (line ${p.line}), but that is not one of ` +
              `its dates, so that exception was left out.`,
          });
          continue;
        }
        const startMinutes = base.start.minutes;
        if (
          w.kind != 'date' &&
          !this.utcSeries &&
          at.minutes != null &&
          startMinutes != null &&
          at.minutes != startMinutes
        ) {
          notes.push({
            field: 'EXDATE',
            message:
              `Its exception on ${longDate(at.day)} (line ${p.line}) is at ${hhmm(at.minutes)}, not at ` +
              `its start time ${hhmm(startMinutes)}; the date is taken as not running.`,
          });
        }
      }
    }
  }

  /** The series' last date (counting the days a long event lasts), or undefined when it never ends. */
  private lastDay(
    pattern: Pattern,
    schedule: Json,
    occurrences: Map<DayNumber, Json>,
    except: Set<DayNumber>,
    base: Span,
  ): DayNumber | undefined {
    let last: DayNumber;
    if (pattern.listed) last = Math.max(pattern.first, ...pattern.listed.keys());
    else if (pattern.rule && schedule.repeatFrequency) {
      const rule = pattern.rule;
      if (!rule.endDate && !rule.repeatCount) return undefined;
      const start = parseDay(rule.startDate);
      const to = rule.endDate ? parseDay(rule.endDate) : start + 366 * 100;
      const dates = ruleDates({ ...rule, exceptDate: [...except].map(formatDay) }, start, to);
      last = dates.length ? dates[dates.length - 1] : start;
    } else last = pattern.first;
    for (const [d, o] of occurrences) if (o.status != 'cancelled' && d > last) last = d;
    const extraDays = base.days
      ? base.days - 1
      : Math.floor(((base.start.minutes ?? 0) + (base.endMinutes ?? 0)) / 1440);
    return last + extraDays;
  }

  /** DESCRIPTION as plain text (the HTML some CMSs put there made plain), or the HTML one alone. */
  private description(e: Vevent): string | undefined {
    const plain = textOf(this.first(e, 'DESCRIPTION'));
    const html = textOf(this.first(e, 'X-ALT-DESC'));
    const text = plain ? htmlToText(plain) : html ? htmlToText(html) : undefined;
    return text?.trim() || undefined;
  }

  /** Applies one override (for the series' date `day`) to the occurrences. */
  private override(
    m: Vevent,
    o: Vevent,
    day: DayNumber,
    base: Span,
    ctx: {
      inPattern: (d: DayNumber) => boolean;
      except: Set<DayNumber>;
      occurrences: Map<DayNumber, Json>;
      pattern: Pattern;
    },
  ) {
    const notes = this.notesOf(o);
    const date = formatDay(day);
    const { occurrences, pattern } = ctx;
    if (param(o.recurrenceId!, 'range')?.toUpperCase() == 'THISANDFUTURE') {
      notes.push({
        field: 'RECURRENCE-ID',
        message:
          `It changes ${longDate(day)} and every later date, which calendars rarely agree on; ` +
          `only ${longDate(day)} was changed.`,
      });
    }
    const existing = occurrences.get(day);
    const isExtra = !!existing && existing.status != 'cancelled' && !ctx.inPattern(day);
    if ((!ctx.inPattern(day) && !isExtra) || ctx.except.has(day)) {
      return this.skip(o, `It changes ${longDate(day)}, which is not one of its series' dates, so it was left out.`);
    }
    /** The date no longer runs: a cancellation the reader sees, or a listed or extra date gone. */
    const drop = () => {
      if (isExtra || (pattern.listed && day != pattern.first)) {
        occurrences.delete(day);
        pattern.listed?.delete(day);
      } else occurrences.set(day, { date, status: 'cancelled' });
    };
    if (statusOf(o) == 'CANCELLED') return drop();
    const cls = classOf(o);
    if (isPrivate(cls)) {
      drop();
      notes.push({
        field: 'CLASS',
        message: `It is marked ${cls!.toLowerCase()}, so ${longDate(day)} is shown as not running.`,
      });
      return;
    }
    const own = this.first(o, 'DTSTART') ? this.span(o, notes) : { ...base, start: { ...base.start, day } };
    if (typeof own == 'string') return this.skip(o, own);
    const span: Span =
      this.first(o, 'DTEND') || this.first(o, 'DURATION')
        ? own
        : { ...own, endMinutes: base.endMinutes, days: base.days };
    const s = span.start;
    const change: Json = { date, status: 'changed' };
    let changed = false;
    if ((s.minutes == null) != (base.start.minutes == null)) {
      notes.push({
        field: 'DTSTART',
        message:
          `It makes ${longDate(day)} ${s.minutes == null ? 'an all-day event' : 'a timed event'}, ` +
          `which one date of a session cannot be; the time was left as it is.`,
      });
    } else if (s.minutes != null) {
      const baseMinutes = pattern.listed?.get(day) ?? base.start.minutes;
      if (s.minutes != baseMinutes || span.endMinutes != base.endMinutes) {
        Object.assign(change, this.times(s.minutes, span));
        changed = true;
        if (span.endMinutes != null && s.minutes + span.endMinutes >= 1440) {
          notes.push({
            field: 'DTEND',
            message:
              `It now ends on a later day than ${longDate(s.day)}, which one date of a session cannot ` +
              `hold; it has a start time only.`,
          });
        }
      }
    } else if ((span.days ?? 1) != (base.days ?? 1)) {
      notes.push({
        field: 'DTEND',
        message:
          `It makes ${longDate(day)} last ${span.days} days, which one date of a session cannot; it ` +
          `lasts as long as the others.`,
      });
    }
    const location = textOf(this.first(o, 'LOCATION'));
    const masterLocation = textOf(this.first(m, 'LOCATION'));
    if (location && norm(location) != norm(masterLocation ?? '')) {
      if (onlineLocation(location)) {
        notes.push({
          field: 'LOCATION',
          message: `It moves ${longDate(day)} online (“${oneLine(location)}”), which one date of a session cannot say.`,
        });
      } else {
        this.pendingPlaces.push({
          event: o,
          target: change,
          text: location,
          geo: values(this.first(o, 'GEO'))[0],
          notes,
          line: this.first(o, 'LOCATION')!.line,
        });
        changed = true;
      }
    }
    if (o.summary && o.summary != m.summary) {
      notes.push({
        field: 'SUMMARY',
        message:
          `Its title for ${longDate(day)}, “${o.summary}”, has no place in one date of a session, so ` +
          `it was left out.`,
      });
    }
    const description = this.description(o);
    if (description && description != this.description(m)) {
      notes.push({
        field: 'DESCRIPTION',
        message: `Its description for ${longDate(day)} has no place in one date of a session, so it was left out.`,
      });
    }

    if (s.day == day) {
      if (changed) occurrences.set(day, change);
      return;
    }
    // Moved to another date: the old date does not run, the new one is an extra date.
    const target = occurrences.get(s.day);
    const taken = target ? target.status != 'cancelled' : ctx.inPattern(s.day) && !ctx.except.has(s.day);
    if (taken) {
      notes.push({
        field: 'DTSTART',
        message:
          `It moves ${longDate(day)} to ${longDate(s.day)}, which already has a session; a session ` +
          `runs once a day, so ${longDate(day)} is shown as not running.`,
      });
      drop();
      return;
    }
    drop();
    const moved: Json = { date: formatDay(s.day), status: 'changed' };
    if (s.minutes != null) Object.assign(moved, this.times(s.minutes, span));
    const pending = this.pendingPlaces.find((p) => p.target == change);
    if (pending) pending.target = moved;
    occurrences.set(s.day, moved);
  }
}

/** A short hash-suffixed id (for the import's id helpers). */
export const suffixed = (id: string, key: string): string => `${id.slice(0, 40).replace(/-+$/, '')}-${hashText(key)}`;
