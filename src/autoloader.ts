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
const ELEMENTS: Record<string, () => Promise<unknown>> = {
  'imh-session-list': () => import('./components/session-list/session-list.js'),
  'imh-support-card': () => import('./components/support-card/support-card.js'),
  'imh-support-list': () => import('./components/support-list/support-list.js'),
  'imh-first-1001-days-timeline': () => import('./components/first-1001-days-timeline/first-1001-days-timeline.js'),
};

const requested = new Set<string>();

/** Loads the code of every imh element in or under `root` that is not loaded yet. */
export function discover(root: ParentNode = document): void {
  for (const [tag, load] of Object.entries(ELEMENTS)) {
    if (requested.has(tag) || customElements.get(tag)) continue;
    if ((root instanceof Element && root.localName == tag) || root.querySelector(tag)) {
      requested.add(tag);
      // Offline or blocked: forget it, so the next time the tag appears it is tried again; the
      // element's own fallback content stays in the page meanwhile.
      load().catch(() => requested.delete(tag));
    }
  }
  if (requested.size == Object.keys(ELEMENTS).length) observer?.disconnect();
}

let observer: MutationObserver | undefined;
if (typeof document != 'undefined') {
  observer = new MutationObserver((records) => {
    for (const r of records) for (const node of r.addedNodes) if (node instanceof Element) discover(node);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  discover();
}
