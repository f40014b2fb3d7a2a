import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FeedError, isAbort } from '../feed/errors.js';
import { loadedFeed, loadFeed, readFeedData, resolveFeedUrl, type FeedResult } from '../feed/load.js';
import type { ValidatedFeed } from '../feed/validate.js';
import { ALL_PARTS } from '../feed/all-parts.js';
import type { FeedParts } from '../feed/parts.js';
import { ImhFeedErrorEvent } from '../events/feed-error.js';
import { ImhFeedLoadEvent } from '../events/feed-load.js';

const UNSET = {};

export type FeedStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface FeedHost extends ReactiveControllerHost, HTMLElement {
  feed?: string;
  data?: unknown;
}

/** The page-level feed address: `<meta name="imh-feed" content="URL">`. */
export const metaFeed = (): string | undefined =>
  document.querySelector<HTMLMetaElement>('meta[name="imh-feed"]')?.content.trim() || undefined;

/**
 * Gets an element its feed: from its `data` property, else its `feed` attribute, else the page's
 * `imh-feed` meta tag. Tracks loading, ready and error states, keeps the last result, and fires
 * `imh-feed-load` / `imh-feed-error` on the host after it renders the outcome.
 */
export class FeedController implements ReactiveController {
  status: FeedStatus = 'idle';
  /** The feed and its issues, once ready (also when showing a stale copy). */
  result?: Partial<FeedResult> & Pick<FeedResult, 'feed' | 'issues'>;
  error?: FeedError;
  /** What was last loaded: the data object, the absolute URL, an error, or `UNSET`. */
  private source: unknown = UNSET;
  private abort?: AbortController;
  private event?: Event[];

  constructor(
    private host: FeedHost,
    /**
     * Whether the element needs a feed now: `required` (no feed is an error), `optional` (it has
     * built-in content) or `none` (it shows only what the page wrote, like an editor's own card).
     */
    private mode: () => 'required' | 'optional' | 'none' = () => 'required',
    /** What the element reads of the feed (see `feed/parts.ts`); all of it by default. */
    private parts: () => FeedParts = () => ALL_PARTS,
  ) {
    host.addController(this);
  }

  /** Loads again, skipping nothing but the page's cache of failures (there is none). */
  reload(): void {
    this.source = UNSET;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    // Lit does not update on reconnection; the source was forgotten on disconnect, so load again.
    if (this.source === UNSET) this.host.requestUpdate();
  }

  hostUpdate(): void {
    const mode = this.mode();
    if (mode == 'none') {
      this.abort?.abort();
      this.source = UNSET;
      this.status = 'idle';
      this.result = this.error = undefined;
      return;
    }
    let source: unknown = this.host.data;
    let url: string | undefined;
    if (source == null) {
      url = this.host.feed?.trim() || metaFeed();
      try {
        source = url && resolveFeedUrl(url);
      } catch (e) {
        source = e;
      }
    }
    if (source === this.source) return;
    this.source = source;
    this.abort?.abort();
    this.result = this.error = undefined;
    if (source instanceof FeedError) return this.fail(source);
    if (source == null) {
      if (mode == 'optional') return void (this.status = 'idle');
      return this.fail(
        new FeedError(
          'No feed was given. Add feed="https://…/feed.json" to the element, or <meta name="imh-feed" content="https://…/feed.json"> to the page.',
        ),
      );
    }
    if (typeof source != 'string') {
      // Read in slices: at once for a small feed, across several tasks for a long one.
      let result: ValidatedFeed | Promise<ValidatedFeed>;
      try {
        result = readFeedData(source, { parts: this.parts() });
      } catch (e) {
        return this.fail(e as FeedError);
      }
      if (!(result instanceof Promise)) return this.succeed(result);
      this.status = 'loading';
      result.then(
        (r) => this.source === source && this.succeed(r, true),
        (e) => this.source === source && this.fail(e as FeedError, true),
      );
      return;
    }
    const loaded = loadedFeed(source, this.parts());
    if (loaded) return this.succeed(loaded);
    this.status = 'loading';
    const abort = (this.abort = new AbortController());
    loadFeed(source, { signal: abort.signal, parts: this.parts() }).then(
      (result) => {
        if (this.source === source) this.succeed(result, true);
      },
      (e: unknown) => {
        if (!isAbort(e) && this.source === source)
          this.fail(e instanceof FeedError ? e : new FeedError(String(e)), true);
      },
    );
  }

  hostUpdated(): void {
    const events = this.event;
    this.event = undefined;
    events?.forEach((e) => this.host.dispatchEvent(e));
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.source = UNSET;
  }

  private succeed(result: NonNullable<FeedController['result']>, later = false) {
    this.status = 'ready';
    this.result = result;
    this.event = [
      new ImhFeedLoadEvent({ feed: result.feed, issues: result.issues, url: result.url, stale: result.stale }),
    ];
    if (result.stale) this.event.push(new ImhFeedErrorEvent({ error: result.stale.error, stale: true }));
    if (later) this.host.requestUpdate();
  }

  private fail(error: FeedError, later = false) {
    this.status = 'error';
    this.error = error;
    this.event = [new ImhFeedErrorEvent({ error, stale: false })];
    if (later) this.host.requestUpdate();
  }
}
