import { SLICE } from '../feed/slices.js';

/**
 * Items (sessions, services) drawn in one update: at least MIN (a long list in a slow browser still
 * fills in a few dozen frames)…
 */
export const MIN = 4;
/** …and at most DRAW (the default `limit`): a longer list takes several updates. */
export const DRAW = 10;

/**
 * How long the page's long lists lately took to draw one item in an update (ms, each new measure
 * averaged with the last; see ImhElement's `inParts`). A long list is drawn as many items an update as fit in a
 * slice of the page's time (`SLICE`, see feed/slices.ts), from MIN to DRAW, the rest in later
 * updates after a frame each: a slow phone draws fewer at a time, and so does a page's first
 * list, before the browser has compiled its code and made its templates (3-4 ms a session in a
 * fresh Chromium page; 0.5-1 once warm). Before anything is measured: 4 ms.
 */
let perItem = 4;

/** How many more items the next update draws. */
export const drawNext = (): number => Math.max(MIN, Math.min(DRAW, Math.floor(SLICE / perItem)));

/** Notes that an update which drew `count` more items took `ms`. */
export const drawn = (ms: number, count: number): void => {
  if (count > 0) perItem = (perItem + ms / count) / 2;
};
