/**
 * Recurrence, time zones and calendar export: plain TypeScript with no DOM, for apps and tools.
 */
export * from './civil.js';
export { ruleDates, type DateRule } from './recur.js';
export {
  sessionOccurrences,
  upcomingOccurrences,
  type SessionOccurrence,
  type UpcomingOptions,
} from './occurrences.js';
export {
  openDates,
  scheduleLimits,
  unconfirmedDates,
  type Calendars,
  type ScheduleLimits,
  type UnconfirmedDates,
  type UnconfirmedReason,
} from './closures.js';
export {
  googleCalendarUrl,
  occurrenceIcs,
  outlookCalendarUrl,
  rrule,
  seriesIcs,
  vtimezone,
  type EventText,
} from './ics.js';
