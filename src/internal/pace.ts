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
 * updates after a frame each (a long one's later parts larger: `drawNext`): a slow phone draws
 * fewer at a time, and so does a page's first list, before the browser has compiled its code and
 * made its templates (3-4 ms a session in a fresh Chromium page; 0.5-1 once warm). Before anything
 * is measured: 4 ms.
 */
let perItem = 4;

/**
 * How many more items the next update draws, of a list with `had` drawn. A long list whose days off
 * screen the browser does not lay out (the session list's over 50: `content-visibility`) passes what
 * it has: each frame then lays out about one screen however much is added, so its parts may grow, to
 * twice what it has and as many as fit in LONG ms (a list of every date of 500 series came a few
 * sessions a frame: 267 frames, three times FullCalendar's time; issue 14).
 */
export const drawNext = (had = 0): number =>
  Math.max(MIN, Math.min(had || DRAW, MOST, Math.floor((had ? LONG : SLICE) / perItem)));

/**
 * The most items an update draws, whatever the pace: a run of cancelled dates (a line each) is quick
 * to draw, and a part of full sessions sized by their pace would take several times LONG.
 */
export const MOST = 8 * DRAW;

/** Milliseconds of drawing an update of a long list's later parts: well inside a task of 50 ms. */
export const LONG = 16;

/** Notes that an update which drew `count` more items took `ms`. */
export const drawn = (ms: number, count: number): void => {
  if (count > 0) perItem = (perItem + ms / count) / 2;
};
