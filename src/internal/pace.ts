import { SLICE } from '../feed/slices.js';

/**
 * Items (sessions, services) drawn in one update: at least MIN (a long list in a slow browser still
 * fills in a few dozen frames)…
 */
export const MIN = 4;
/** …and at most DRAW (the default `limit`): a longer list takes several updates (a long one's later, up to MOST). */
export const DRAW = 10;

/**
 * How long the page's long lists lately took to draw one item in an update (ms, each new measure
 * averaged with the last; see ImhElement's `inParts`). A long list is drawn as many items an update as fit in a
 * slice of the page's time (`SLICE`, see feed/slices.ts), from MIN to DRAW (a long session list's later parts
 * more: `drawNext`), the rest in later updates after a frame each: a slow phone draws fewer at a time, and so
 * does a page's first list, before the browser has compiled its code and made its templates (3-4 ms a
 * session in a fresh Chromium page; 0.5-1 once warm). Before anything is measured: 4 ms.
 */
let perItem = 4;

/**
 * How many more items the next update draws, of a list with `had` drawn. A long list whose days off
 * screen the browser neither lays out nor paints (the session list's of over 50: `content-visibility`)
 * passes what it has: a frame then lays out about a screen however much is added, so its later parts
 * may pass DRAW: as many as it has (DRAW at least), as many as fit in the slice, at most MOST (every date of
 * 500 series came ten sessions a frame: 267 frames, 3.45 times FullCalendar's time; issue 14). Not more
 * than a slice: a part that took twice as long met the garbage collector's pauses (20-30 ms in
 * Chromium, as the list grows) in tasks of over 50 ms. Others pass nothing.
 */
export const drawNext = (had = 0): number =>
  Math.max(MIN, Math.min(Math.max(had, DRAW), MOST, Math.floor(SLICE / perItem)));

/**
 * The most items a long list's part adds, whatever the pace: a run of cancelled dates (a line each) is
 * quick to draw, and a part of full sessions after it, sized by that pace, would take several slices.
 */
export const MOST = 4 * DRAW;

/** Notes that an update which drew `count` more items took `ms`. */
export const drawn = (ms: number, count: number): void => {
  if (count > 0) perItem = (perItem + ms / count) / 2;
};
