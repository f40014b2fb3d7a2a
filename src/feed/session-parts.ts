import { feedParts } from './parts.js';
import { bankHolidaysField, calendarFindings, termDatesField } from './schema/calendars.js';
import { categoriesField } from './schema/categories.js';
import { organisationsField, placesField } from './schema/places.js';
import { sessionsField } from './schema/sessions.js';
import { sourcesField } from './schema/sources.js';

/**
 * The session list: sessions, where they happen, who runs them, the names of their categories, and
 * the term and bank-holiday dates they skip.
 */
export const SESSION_PARTS = feedParts(
  'sessions',
  {
    places: placesField,
    organisations: organisationsField,
    categories: categoriesField,
    sessions: sessionsField,
    termDates: termDatesField,
    bankHolidays: bankHolidaysField,
    sources: sourcesField,
  },
  calendarFindings,
);
