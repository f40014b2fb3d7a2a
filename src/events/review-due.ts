/** A service whose information is due for review (see `review-after`). */
export interface ImhReviewDueService {
  /** The service's id in the feed. */
  id: string;
  /** Its name, in the feed's language. */
  name: string;
  /** Its `reviewed` date as the feed writes it (`YYYY-MM-DD`), or undefined when the feed gives none. */
  reviewed?: string;
  /** Whole months since then (undefined with no date). */
  months?: number;
}

export interface ImhReviewDueDetail {
  /** The services not reviewed within `after`, oldest first (those with no date first of all). */
  services: ImhReviewDueService[];
  /** The period the editor set, as read: `{ count: 12, unit: 'month' }` for a bare `review-after`. */
  after: { count: number; unit: 'year' | 'month' | 'week' | 'day' };
  /** The feed's address, when it came from one. */
  url?: string;
}

/**
 * For editors only, on an element with `review-after`: the feed has services not reviewed (their
 * `reviewed` date) within the period set. Fired once per element per loaded feed; the console says
 * the same once per feed per page. Visitors see nothing of it.
 */
export class ImhReviewDueEvent extends CustomEvent<ImhReviewDueDetail> {
  constructor(detail: ImhReviewDueDetail) {
    super('imh-review-due', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'imh-review-due': ImhReviewDueEvent;
  }
}
