import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Feed } from '../feed/types.js';

/** An element with the opt-in features that take its items beyond the page (issue 15). */
export interface ReachHost extends ReactiveControllerHost, HTMLElement {
  jsonld: boolean;
}

/**
 * The opt-in features that carry an element's items further, each in its own chunk loaded only
 * when an element uses it: `jsonld` (schema.org data for search engines, `reach/jsonld-block.ts`).
 */
export class Reach implements ReactiveController {
  private jsonld?: [typeof import('../reach/jsonld-block.js'), typeof import('../export/jsonld.js')];

  constructor(
    private host: ReachHost,
    /** The element's feed once it is ready, and the locale it speaks. */
    private state: () => { feed?: Feed; locale: string },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.host.jsonld) this.host.requestUpdate();
  }

  hostUpdated(): void {
    const { host } = this;
    if (!host.jsonld && !this.jsonld) return;
    // The block's code and the exporter, side by side (two chunks, neither waits for the other).
    Promise.all([import('../reach/jsonld-block.js'), import('../export/jsonld.js')]).then((m) => {
      this.jsonld = m;
      const { feed, locale } = this.state();
      m[0].jsonLdBlock(m[1], host, feed, locale, host.jsonld);
    });
  }

  hostDisconnected(): void {
    this.jsonld?.[0].jsonLdBlock(this.jsonld[1], this.host, undefined, '', false);
  }
}
