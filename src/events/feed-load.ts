import type { FeedError } from '../feed/errors.js';
import type { Feed, FeedIssue } from '../feed/types.js';

export interface ImhFeedLoadDetail {
  /** The validated feed (bad items already removed). */
  feed: Feed;
  /**
   * Every item skipped (`error`) and value ignored (`warning`), with its path; empty when the feed is
   * clean. The warning that the feed lacks a calendar (code `rule`, at the `termTimeOnly` or
   * `notOnBankHolidays` of the first session that needs it, its message without "(ignored)") ignores
   * nothing: it asks the editor to check the sessions that need the calendar, and the editor tools list
   * it as "to check". At most the first 1,000 problems (`MAX_ISSUES`) one by one: past them, each part
   * of the feed with more has one last issue, code `more`, path the part's name (`sessions`), whose
   * `more` counts the problems, the items they skipped and the values they ignored.
   */
  issues: FeedIssue[];
  /** The absolute URL the feed came from; absent when it was given as the `data` property. */
  url?: string;
  /** Set when this is the last good copy kept in the browser, because loading failed. */
  stale?: { savedAt: Date; error: FeedError };
}

/** The feed was loaded and validated; fired once per load. */
export class ImhFeedLoadEvent extends CustomEvent<ImhFeedLoadDetail> {
  constructor(detail: ImhFeedLoadDetail) {
    super('imh-feed-load', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'imh-feed-load': ImhFeedLoadEvent;
  }
}
