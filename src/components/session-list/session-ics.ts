/**
 * "Add to calendar" in <imh-session-list>, loaded the first time someone opens it: the event's
 * words in the element's language, the .ics download (one date or the whole series) and the
 * Google and Outlook links. The calendar format itself is `schedule/ics.ts`.
 */
import type { Feed, Place } from '../../feed/types.js';
import { feedString } from '../../internal/feed-text.js';
import type { SessionOccurrence } from '../../schedule/occurrences.js';
import {
  googleCalendarUrl,
  occurrenceIcs,
  outlookCalendarUrl,
  rrule,
  seriesIcs,
  type EventText,
} from '../../schedule/ics.js';

/** What the list shows the calendar event from: its feed, places by id, and the element's language. */
export interface CalendarSource {
  feed: Feed;
  places: Map<string, Place>;
  locale: string;
}

/** The event's name, description, place and address, in the element's language. */
function text(o: SessionOccurrence, { feed, places, locale }: CalendarSource): EventText {
  const place = o.place ? places.get(o.place) : undefined;
  const location = place
    ? [feedString(place.name, locale, feed.language), ...Object.values(place.address ?? {})].filter(Boolean).join(', ')
    : undefined;
  return {
    summary: feedString(o.session.name, locale, feed.language),
    description: feedString(o.session.description, locale, feed.language) || undefined,
    location,
    url: o.session.url,
  };
}

/** Saves an .ics file for one date or the whole series. */
export function saveIcs(o: SessionOccurrence, series: boolean, from: CalendarSource) {
  const { feed } = from;
  let domain = 'imh-widgets';
  try {
    domain = new URL(feed.publisher?.url ?? '').hostname || domain;
  } catch {
    // no publisher URL
  }
  const file = series
    ? seriesIcs(o.session, feed.timeZone, text(o, from), domain, undefined, feed)
    : occurrenceIcs(o, text(o, from), domain);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([file], { type: 'text/calendar;charset=utf-8' }));
  a.download = `${o.session.id}${series ? '' : `-${o.date}`}.ics`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Links that add the date to Google or Outlook calendars. */
export const calendarLinks = (o: SessionOccurrence, from: CalendarSource) => ({
  // A Google link carries a rule but no exception dates: a term-time series gets this date only.
  google: googleCalendarUrl(
    o,
    text(o, from),
    o.session.schedule.termTimeOnly || o.session.schedule.notOnBankHolidays ? undefined : rrule(o.session, o.timeZone),
  ),
  outlook: outlookCalendarUrl(o, text(o, from)),
});
