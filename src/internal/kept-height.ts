/**
 * The height an element's content took the last time, for the same page, element, attributes and
 * width, so its loading placeholder keeps exactly that room and a repeat visit does not move the
 * page when the content arrives (a first visit can only estimate). Kept in localStorage, at most
 * 40 entries, newest first; nothing personal, and storage failures are ignored.
 */
const KEY = 'imh-widgets:heights:v1';

const keyOf = (el: Element) =>
  [
    location.pathname,
    el.localName,
    [...el.attributes].map((a) => `${a.name}=${a.value}`).join('&'),
    // The same content wraps differently at other widths: 8 px buckets.
    Math.round(el.clientWidth / 8),
  ].join('|');

/** A height no content reaches: anything larger in storage was not written by this code. */
const MAX_HEIGHT = 1_000_000;

/**
 * What storage holds, as untrusted input: anything but `[text, a sensible height]` entries (another
 * script's value, a hand edit, an older format) is dropped quietly, and written over on the next keep.
 */
const read = (): [string, number][] => {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v)
      ? v.filter(
          (e): e is [string, number] =>
            Array.isArray(e) && typeof e[0] == 'string' && typeof e[1] == 'number' && e[1] >= 0 && e[1] <= MAX_HEIGHT,
        )
      : [];
  } catch {
    return [];
  }
};

/** The height (px) kept for this element as it is now, if any. */
export const keptHeight = (el: Element): number | undefined => {
  const key = keyOf(el);
  return read().find(([k]) => k == key)?.[1];
};

/** Keeps the element's current height for its next loading placeholder. */
export const keepHeight = (el: Element): void => {
  const key = keyOf(el);
  const height = Math.round(el.getBoundingClientRect().height * 64) / 64; // layout works in 1/64 px
  try {
    localStorage.setItem(KEY, JSON.stringify([[key, height], ...read().filter(([k]) => k != key)].slice(0, 40)));
  } catch {
    // private browsing, storage off or full: the placeholder estimates instead
  }
};
