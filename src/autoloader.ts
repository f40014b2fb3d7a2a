/**
 * The autoloader entry: `<script type="module" src=".../autoloader/imh-autoloader.js"></script>`.
 * Instead of every element at once (`imh-widgets.js`), it loads each element's code when its tag
 * first appears in the page, including tags added later (a CMS block, a tab, a single-page app),
 * so a page with one support card downloads only what that card needs. Until an element's code
 * arrives, the page's own content inside it shows, as it does without JavaScript.
 *
 * Tags inside other components' shadow roots are not seen; an app that renders the elements in
 * its own shadow DOM imports them (`imh-widgets/define`) instead.
 */
import { loadFailed, type ImhLoadError } from './events/load-error.js';
import { lazy } from './internal/lazy.js';

/**
 * The elements whose code is not loaded or loading, each loaded once (`lazy`: a failure names the
 * file, and the next call tries again).
 */
const waiting = new Map<string, () => Promise<unknown>>(
  (
    [
      ['imh-session-list', () => import('./components/session-list/session-list.js')],
      ['imh-support-card', () => import('./components/support-card/support-card.js')],
      ['imh-support-list', () => import('./components/support-list/support-list.js')],
      [
        'imh-first-1001-days-timeline',
        () => import('./components/first-1001-days-timeline/first-1001-days-timeline.js'),
      ],
    ] as const
  ).map(([tag, load]) => [tag, lazy<unknown>(tag, tag, load)]),
);

/** Loads the code of every imh element in or under `root` that is not loaded yet. */
export function discover(root: ParentNode = document): void {
  for (const [tag, load] of waiting) {
    if (!customElements.get(tag) && ((root as Element).matches?.(tag) || root.querySelector(tag))) {
      waiting.delete(tag);
      // Offline or blocked: wait for it again, so it is tried again the next time the tag appears or
      // the browser is back online; the element's own fallback content stays in the page meanwhile.
      load().catch((error: ImhLoadError) => {
        waiting.set(tag, load);
        document.dispatchEvent(loadFailed(error));
      });
    }
  }
  if (!waiting.size) observer?.disconnect();
}

let observer: MutationObserver | undefined;
if (typeof document != 'undefined') {
  observer = new MutationObserver((records) => {
    for (const r of records) for (const node of r.addedNodes) if (node instanceof Element) discover(node);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  addEventListener('online', () => discover());
  discover();
}
