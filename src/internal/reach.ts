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
  /** The feed the element had (if any) when the chunks last failed to load: its next feed tries again. */
  private failed?: [Feed | undefined];
  /** Whether the chunks are being loaded. */
  private loading = false;

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
    if (this.jsonld) return this.apply();
    const { feed } = this.state();
    // One load at a time (a long list updates several times while it draws); after a load failed,
    // the element's next feed (reload() reads it again) tries again: one imh-load-error a failure.
    if (!host.jsonld || this.loading || (this.failed && this.failed[0] == feed)) return;
    this.loading = true;
    Promise.all([block(), exporter()]).then(
      (m) => {
        this.loading = false;
        this.jsonld = m;
        this.apply();
      },
      (error: ImhLoadError) => {
        this.loading = false;
        this.failed = [this.state().feed]; // the feed it has now: it may have arrived meanwhile
        host.dispatchEvent(loadFailed(error));
      },
    );
  }

  /** Adds, updates or removes the element's block (the chunks are here). */
  private apply() {
    const [block, exporter] = this.jsonld!;
    const { feed, locale } = this.state();
    block.jsonLdBlock(exporter, this.host, feed, locale, this.host.jsonld);
  }

  hostDisconnected(): void {
    this.jsonld?.[0].jsonLdBlock(this.jsonld[1], this.host, undefined, '', false);
  }
}
