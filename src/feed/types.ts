/**
 * The feed's TypeScript types, inferred from the one schema in `schema.ts`.
 */
import type {
  bankHolidaysSchema,
  categorySchema,
  feedSchema,
  hoursSchema,
  occurrenceSchema,
  organisationSchema,
  placeSchema,
  scheduleSchema,
  serviceSchema,
  sessionSchema,
  sourceSchema,
  stageSchema,
  termDatesSchema,
  termSchema,
} from './schema.js';
import type { Infer } from './shape.js';

export type { Text, FeedIssue } from './shape.js';
export type { Day } from './schema.js';

/** A validated feed. */
export type Feed = Infer<typeof feedSchema>;
export type Place = Infer<typeof placeSchema>;
/** A name for a session category (`feed.categories`). */
export type Category = Infer<typeof categorySchema>;
export type Organisation = Infer<typeof organisationSchema>;
export type Session = Infer<typeof sessionSchema>;
export type Schedule = Infer<typeof scheduleSchema>;
export type Occurrence = Infer<typeof occurrenceSchema>;
export type Service = Infer<typeof serviceSchema>;
export type OpeningHours = Infer<typeof hoursSchema>;
export type TimelineStage = Infer<typeof stageSchema>;
/** A source of imported items (`feed.sources`). */
export type Source = Infer<typeof sourceSchema>;
/** Where an imported item came from (`session.source`, `service.source`…). */
export type ItemSource = NonNullable<Session['source']>;
export type TermDates = Infer<typeof termDatesSchema>;
export type Term = Infer<typeof termSchema>;
export type BankHolidays = Infer<typeof bankHolidaysSchema>;
