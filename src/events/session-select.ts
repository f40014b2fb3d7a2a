import type { Session } from '../feed/types.js';
import type { SessionOccurrence } from '../schedule/occurrences.js';

export interface ImhSessionSelectDetail {
  session: Session;
  occurrence: SessionOccurrence;
}

/**
 * A session's link was activated. Cancelable: call `preventDefault()` to route inside a
 * single-page app instead of following the link.
 */
export class ImhSessionSelectEvent extends CustomEvent<ImhSessionSelectDetail> {
  constructor(detail: ImhSessionSelectDetail) {
    super('imh-session-select', { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'imh-session-select': ImhSessionSelectEvent;
  }
}
