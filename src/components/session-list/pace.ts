import { SLICE } from '../../feed/slices.js';

/** Sessions drawn in one update: at least MIN (a long list in a slow browser still fills in a few dozen frames)… */
export const MIN = 4;
/** …and at most DRAW (the default `limit`): a longer list takes several updates. */
export const DRAW = 10;

/**
 * How long the page's session lists lately took to draw one session in an update (ms, each new
 * measure averaged with the last). A long list is drawn as many sessions an update as fit in a
 * slice of the page's time (`SLICE`, see feed/slices.ts), from MIN to DRAW, the rest in later
 * updates after a frame each: a slow phone draws fewer at a time, and so does a page's first
 * list, before the browser has compiled its code and made its templates (3-4 ms a session in a
 * fresh Chromium page; 0.5-1 once warm). Before anything is measured: 4 ms.
 */
let perSession = 4;

/** How many more sessions the next update draws. */
export const drawNext = (): number => Math.max(MIN, Math.min(DRAW, Math.floor(SLICE / perSession)));

/** Notes that an update which drew `count` more sessions took `ms`. */
export const drawn = (ms: number, count: number): void => {
  if (count > 0) perSession = (perSession + ms / count) / 2;
};
