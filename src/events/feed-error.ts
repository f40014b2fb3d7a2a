import type { FeedError } from '../feed/errors.js';

export interface ImhFeedErrorDetail {
  /** What went wrong; `error.message` is written for the page's editor. */
  error: FeedError;
  /** True when the element shows the last good copy kept in the browser instead. */
  stale: boolean;
}

/**
 * The feed could not be fetched, parsed or validated. The element shows its fallback content
 * (or the last good copy, when `stale`).
 */
export class ImhFeedErrorEvent extends CustomEvent<ImhFeedErrorDetail> {
  constructor(detail: ImhFeedErrorDetail) {
    super('imh-feed-error', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'imh-feed-error': ImhFeedErrorEvent;
  }
}
