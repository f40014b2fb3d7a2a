export interface ImhSupportActionDetail {
  /** The service's id from the feed (empty for an editor's own card). */
  service: string;
  /** What was used: call, text, textphone, email, website, ios or android. */
  action: string;
}

/**
 * A contact action on a support card was used. For counting use on the host site: the library
 * itself tracks nothing.
 */
export class ImhSupportActionEvent extends CustomEvent<ImhSupportActionDetail> {
  constructor(detail: ImhSupportActionDetail) {
    super('imh-support-action', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'imh-support-action': ImhSupportActionEvent;
  }
}
