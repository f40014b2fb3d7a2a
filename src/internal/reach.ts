import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadFailed, type ImhLoadError } from '../events/load-error.js';
import type { Feed } from '../feed/types.js';
import { lazy } from './lazy.js';

// The two chunks of the jsonld feature, loaded side by side (neither waits for the other).
const block = lazy('the search engine data', 'jsonld-block', () => import('../reach/jsonld-block.js'));
const exporter = lazy('the search engine data', 'jsonld', () => import('../export/jsonld.js'));

/** An element with the opt-in features that take its items beyond the page (issue 15). */
export interface ReachHost extends ReactiveControllerHost, HTMLElement {
  jsonld?: boolean;
}

/**
 * The opt-in features that carry an element's items further, each in its own chunk loaded only
 * when an element uses it: `jsonld` (schema.org data for search engines, `reach/jsonld-block.ts`).
 */
export class Reach implements ReactiveController {
  private jsonld?: [typeof import('../reach/jsonld-block.js'), typeof import('../export/jsonld.js')];
  /** The feed the element had (if any) when the chunks last failed to load. */
  private failed?: [Feed | undefined];

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
    const { feed } = this.state();
    // After a chunk failed to load, the element's next feed (reload() reads it again) tries again.
    if ((!host.jsonld && !this.jsonld) || (this.failed && this.failed[0] == feed)) return;
    Promise.all([block(), exporter()]).then(
      (m) => {
        this.jsonld = m;
        const { feed, locale } = this.state();
        m[0].jsonLdBlock(m[1], host, feed, locale, host.jsonld);
      },
      (error: ImhLoadError) => {
        this.failed = [feed];
        host.dispatchEvent(loadFailed(error));
      },
    );
  }

  hostDisconnected(): void {
    this.jsonld?.[0].jsonLdBlock(this.jsonld[1], this.host, undefined, '', false);
  }
}
