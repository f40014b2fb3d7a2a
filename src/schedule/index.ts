/**
 * Recurrence, time zones and calendar export: plain TypeScript with no DOM, for apps and tools.
 */
export * from './civil.js';
export { ruleDates, type DateRule } from './recur.js';
export {
  sessionOccurrences,
  unconfirmedDates,
  upcomingOccurrences,
  type SessionOccurrence,
  type UnconfirmedDates,
  type UpcomingOptions,
} from './occurrences.js';
export { openDates, scheduleLimits, type Calendars, type ScheduleLimits, type UnconfirmedReason } from './closures.js';
export {
  googleCalendarUrl,
  occurrenceIcs,
  outlookCalendarUrl,
  rrule,
  seriesIcs,
  vtimezone,
  type EventText,
} from './ics.js';
