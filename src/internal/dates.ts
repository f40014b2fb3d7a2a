import { lazy } from './lazy.js';

/**
 * The schedule engine (`schedule/occurrences.ts`: each session's dates in a window, with its exceptions,
 * closures and changes), a chunk of its own that the session list and the timeline load beside their
 * bodies, so a page with support cards alone never downloads it (issue 14).
 *
 * Its chunk imports only from the main bundle (the calendars' rules, `closures.ts`, are there, with the dates
 * not yet confirmed, which the list works out without the engine), so after a failed load "Try again" asks for
 * this one file again (`lazy.ts`). Keep it so, and check the built chunk's imports after changing what it
 * imports (`git grep` finds the one other chunk that imports it: the search-engine data, `export/jsonld.ts`):
 * - a module it shared with another lazy chunk (the calendar export's) would be a chunk of its own, loaded
 *   only after this one (a second round trip), and a browser keeps the record of a file that failed (Chromium
 *   as well as Firefox), so this one could never load again on that page;
 * - a chunk that imported from it more than its own exports would make its exports minified names, which
 *   a retry (the file's own address) would get in place of the engine's.
 */
export const loadDates = lazy('the session dates', 'occurrences.js', () => import('../schedule/occurrences.js'));

/** The engine's functions the elements use. */
export type Dates = typeof import('../schedule/occurrences.js');
