import type { FeedParts } from './parts.js';
import { feedSchema } from './schema.js';
import { calendarFindings } from './schema/calendars.js';

/** The whole feed: the timeline (stages, their services and their next sessions), tools and apps. */
export const ALL_PARTS: FeedParts = { name: 'all', fields: feedSchema.shape, check: calendarFindings };
