import { html, type TemplateResult } from 'lit';
import { clearFeedCache } from '../src/feed/load.js';
import { saveFeed } from '../src/feed/store.js';
import { themes } from '../src/styles/themes.js';
import feed from '../public/example-feed.json';

/** The element in a story's canvas, and what `selector` finds in its shadow root once it has drawn it. */
export const inShadow = <T extends Element>(canvas: HTMLElement, tag: string, selector: string): Promise<T> =>
  new Promise((resolve) => {
    const look = () => {
      const found = canvas.querySelector(tag)?.shadowRoot?.querySelector<T>(selector);
      if (found) resolve(found);
      else setTimeout(look, 50);
    };
    look();
  });

/** Stub the network for stories that show loading, error and stale states. */
export const withFetch = (respond: () => Promise<Response>) => () => {
  const original = window.fetch;
  clearFeedCache();
  window.fetch = () => respond();
  return () => {
    window.fetch = original;
    clearFeedCache();
  };
};

/**
 * The loading, error and stale-copy states of an element, as stories: `render(feedUrl)` renders
 * the element reading that (stubbed) feed address.
 */
export const feedStates = (render: (feedUrl: string) => TemplateResult) => ({
  /** While the feed loads: a placeholder that keeps the space. */
  Loading: { beforeEach: withFetch(() => new Promise(() => {})), render: () => render('/story-feeds/slow.json') },
  /** The feed cannot be loaded: the page's fallback content and a "Try again" button. */
  FeedError: {
    beforeEach: withFetch(async () => new Response('', { status: 404, statusText: 'Not Found' })),
    render: () => render('/story-feeds/missing.json'),
  },
  /** The feed cannot be loaded, but this browser kept a copy three days ago. */
  StaleCopy: {
    beforeEach: () => {
      saveFeed(
        new URL('/story-feeds/stale.json', location.href).href,
        JSON.stringify(feed),
        Date.now() - 3 * 86_400_000,
      );
      return withFetch(() => Promise.reject(new TypeError('Failed to fetch')))();
    },
    render: () => render('/story-feeds/stale.json'),
  },
});

/** The ready themes, side by side (`auto` is `dark` only where the page's colour scheme is). */
export const inEveryTheme = (render: (theme: string) => unknown): TemplateResult =>
  html`${themes
    .filter((t) => t != 'auto')
    .map(
      (theme) => html`<section style="margin-block-end: 2rem">
      <h2 style="font-size: 1rem">theme="${theme}"</h2>
      ${render(theme)}
    </section>`,
    )}`;
