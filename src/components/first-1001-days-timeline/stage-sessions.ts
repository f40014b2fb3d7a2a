/**
 * A stage's "Sessions coming up": the next three in the stage's session categories over the next four
 * weeks, not cancelled. The timeline is for families, so its sessions pass the session list's own
 * filter (`matches`, with no audience chosen): sessions only for practitioners (training) are left out.
 * Loaded with the built-in stages (default-timeline.ts re-exports it), so none of it is in the main bundle.
 */
import type { Feed, TimelineStage } from '../../feed/types.js';
import { upcomingOccurrences } from '../../schedule/occurrences.js';
import { matches } from '../session-list/filters.js';

export const stageSessions = (s: TimelineStage, feed: Feed, now: Date) =>
  feed.sessions && s.sessionCategories?.length
    ? upcomingOccurrences(
        feed.sessions.filter((x) => matches(x, { category: s.sessionCategories!.join() })),
        { now, days: 28, timeZone: feed.timeZone, termDates: feed.termDates, bankHolidays: feed.bankHolidays },
      )
        .filter((o) => o.status != 'cancelled')
        .slice(0, 3)
    : [];
