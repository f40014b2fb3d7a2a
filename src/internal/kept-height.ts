import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * The height an element's content took the last time, for the same page, element, attributes and
 * width, so its loading placeholder keeps exactly that room and a repeat visit does not move the
 * page when the content arrives (a first visit can only estimate). Kept in localStorage, at most
 * 40 entries, newest first; nothing personal. What storage holds is checked entry by entry, and
 * anything malformed is dropped without a word; storage failures are ignored.
 *
 * Sizes are read once per animation frame for all elements together (see HeightKeeper): reading
 * each element's size as it renders forced a layout per element, which with many elements on a
 * page made the long task issue 14 measured.
 */
const KEY = 'imh-widgets:heights:v1';
type Entry = [key: string, height: number];

/** `[text, a height content reaches]` (NaN and Infinity fail the comparisons); anything else is dropped. */
const isEntry = (e: unknown): e is Entry =>
  Array.isArray(e) && typeof e[0] == 'string' && typeof e[1] == 'number' && e[1] > 0 && e[1] < 100_000;

/** The entries while a frame sizes and keeps every element's height: storage is read and written once. */
let batch: Entry[] | undefined;

const read = (): Entry[] => {
  if (batch) return batch;
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter(isEntry) : [];
  } catch {
    return []; // unreadable, or storage off
  }
};

const keyOf = (el: Element, width: number) =>
  [
    location.pathname,
    el.localName,
    [...el.attributes].map((a) => `${a.name}=${a.value}`).join('&'),
    // The same content wraps differently at other widths: 8 px buckets.
    Math.round(width / 8),
  ].join('|');

/** The height (px) kept for this element at this width, if any. */
export const keptHeight = (el: Element, width: number): number | undefined => {
  const key = keyOf(el, width);
  return read().find(([k]) => k == key)?.[1];
};

/** Keeps the element's height at this width for its next loading placeholder. */
export const keepHeight = (el: Element, width: number, height: number): void => {
  const key = keyOf(el, width);
  // Layout works in 1/64 px.
  const entries = [[key, Math.round(height * 64) / 64] as Entry, ...read().filter(([k]) => k != key)].slice(0, 40);
  if (batch) batch = entries;
  else save(entries);
};

const save = (entries: Entry[]) => {
  try {
    localStorage.setItem(KEY, JSON.stringify(entries));
  } catch {
    // private browsing, storage off or full: the placeholder estimates instead
  }
};

/**
 * The element's loading placeholder, if it shows one: its status line (`renderFeedStatus`), found first, as
 * a placeholder. (A query for `.placeholder` where there is none read every node of a long list, each frame.)
 */
export const placeholderIn = (root: ParentNode | null) => {
  const status = root?.querySelector<HTMLElement>('[part=status]');
  return status?.classList.contains('placeholder') ? status : undefined;
};

/** Keepers with a placeholder to size or a height to keep, done together once per frame. */
const due = new Set<HeightKeeper>();
const frame = () => {
  const all = [...due];
  due.clear();
  // All reads, then all writes: one layout for every element on the page, not one each.
  const sizes = all.map((k) => k.measure());
  // And storage read once and written once for them all, not once each.
  const before = (batch = read());
  all.forEach((k, i) => k.apply(sizes[i]));
  const after = batch;
  batch = undefined;
  if (after != before) save(after);
};

/**
 * Sizes an element's loading placeholder (`.placeholder` in its shadow root, with the element's
 * own estimate in `data-reserve`) to the height its content took last time at this width, and
 * keeps the content's height once it shows (once per connection). Both happen in the next
 * animation frame, before it is painted, for every element at once: the reads of every element
 * first, then the writes, so the page is laid out once however many elements there are.
 */
export class HeightKeeper implements ReactiveController {
  private kept = false;
  /**
   * The kept height (px) the placeholder had, held while the content is drawn a part at a time; 0 once
   * looked up and none is kept at this width.
   */
  private held?: number;
  /** The placeholder last sized: its room goes when it is one no more (the same box may say an error). */
  private sized?: HTMLElement;

  constructor(
    private host: ReactiveElement,
    /**
     * Whether the element shows its content (not a placeholder, an error or nothing yet). Read from
     * its state, which is ahead of what it shows while an update waits: see `apply`.
     */
    private ready: () => boolean,
    /**
     * Whether the content shows only in part so far (a long list is drawn over several updates, or a
     * timeline's stages show before its feed's services).
     */
    private drawing: () => boolean | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.kept = false;
    due.delete(this);
  }

  hostUpdated(): void {
    // Through the CSSOM, never a style attribute (which a strict style-src blocks). The room is held
    // in the update that draws the first part, not a frame later (a write: no layout is read).
    if (this.held && this.drawing()) this.root().minBlockSize = `${this.held}px`;
    if (this.kept && !this.placeholder() && !this.sized) return;
    if (!due.size) requestAnimationFrame(frame);
    due.add(this);
  }

  private root() {
    return this.host.shadowRoot!.querySelector<HTMLElement>('.root')!.style;
  }

  private placeholder() {
    return placeholderIn(this.host.shadowRoot);
  }

  /**
   * Reads the element's width and height (in the frame, with every other element's); not while its parts
   * come and no placeholder shows, once the kept height is looked up at its width (`held`): holding that
   * room needs no size (issue 14: no read of the page's layout for it in each frame a part comes).
   */
  measure(): DOMRect | undefined {
    return this.held != null && this.drawing() && !this.placeholder() ? undefined : this.host.getBoundingClientRect();
  }

  /**
   * Sizes the placeholder if one shows; while the content is drawn a part at a time, holds the room
   * the placeholder kept, so nothing below moves as it grows; else keeps the content's height (once).
   */
  apply(size?: DOMRect): void {
    // No size read (`measure`): parts are coming, no placeholder shows and the kept height was looked up, so only
    // the branch that holds its room (and the reset of a placeholder sized before) runs, and neither reads these.
    const { width, height } = size ?? { width: 1, height: 0 };
    if (!this.host.isConnected || !width) return;
    const placeholder = this.placeholder();
    const root = this.root();
    // A failed load shows its notice and the page's fallback content in the placeholder's own box:
    // without the room kept for content that did not come.
    if (this.sized && this.sized != placeholder) this.sized.style.minBlockSize = '';
    this.sized = placeholder;
    if (placeholder) {
      const kept = (this.held = keptHeight(this.host, width) ?? 0);
      placeholder.style.minBlockSize = kept ? `${kept}px` : (placeholder.dataset.reserve ?? '');
    } else if (this.drawing()) {
      // Held (see hostUpdated) until the content is all there; then, the content's own height is
      // kept in the next frame. Where no frame sized a placeholder (its first part came at once,
      // its code already here), the kept room is held from this frame, before it is painted.
      if ((this.held ??= keptHeight(this.host, width) ?? 0)) root.minBlockSize = `${this.held}px`;
    } else if (root.minBlockSize) {
      root.minBlockSize = '';
      this.hostUpdated();
    } else if (!this.kept && !this.host.isUpdatePending && height > 0 && this.ready()) {
      // Not while an update waits (its turn can come after a frame: see slices.ts `turn`): the
      // element is ready, but shows what it drew before (a timeline, its stages without the feed's
      // sessions and services, 786 px short: issue 12). The update comes back here when it is done.
      this.kept = true;
      keepHeight(this.host, width, height);
    }
  }
}
