/**
 * What an element reads of the feed. It validates only those parts (with the feed's own fields:
 * version, publisher, language, time zone), so its bundle carries only their schemas, and a
 * support card does not read 5,000 sessions. Each set is a module of its own (`session-parts.ts`,
 * `service-parts.ts`, `all-parts.ts`) for the same reason, and holds every list its items refer
 * to, so references resolve exactly as when the whole feed is read (the fuzz test holds them to it).
 */
import { feedHead } from './schema/head.js';
import type { Finding, Shape } from './shape.js';
import type { Feed } from './types.js';

export interface FeedParts {
  /** A short name, for the stored copy's key and the loader's cache. */
  name: string;
  /** The fields read, in the feed's order. */
  fields: Shape;
  /**
   * Checks across the lists read, run by the safety pass once every list is read (`own` gives the
   * feed's raw fields): the sessions' term and bank-holiday dates (`calendarFindings`).
   */
  check?: (own: (key: string) => unknown, feed: Feed, findings: Finding[]) => void;
}

/** A set of parts: the feed's own fields and `fields`. */
/* @__NO_SIDE_EFFECTS__ */
export const feedParts = (name: string, fields: Shape, check?: FeedParts['check']): FeedParts => ({
  name,
  fields: { ...feedHead, ...fields },
  check,
});

/** Only the feed's own fields: for an element that reads no list. */
export const HEAD_PARTS = feedParts('head', {});
