/**
 * A guard in front of `JSON.parse`: in Chromium, parsing a value nested a million levels deep
 * takes seconds in one task, and nothing can interrupt it. This reads the text once, in short
 * steps, and replaces each list or object that opens deeper than `MAX_TEXT_DEPTH` with `[]`.
 * What holds it is still far deeper than any item may be, so the safety pass reports that item
 * (and only that item) as nested too deeply. Text with no such nesting, every real feed, comes
 * back unchanged. No DOM.
 */

/** Deepest nesting kept, counting the feed itself as 1 (an item is at 3; items may nest 32 more). */
export const MAX_TEXT_DEPTH = 64;

/**
 * `text` with every container opened deeper than `limit` replaced by `[]`, as a generator that
 * yields every 32 KiB (run it with `sliced()` or `drain()`). Text whose brackets do not match
 * inside a cut part is returned unchanged, for `JSON.parse` to report.
 */
export function* limitDepth(text: string, limit = MAX_TEXT_DEPTH): Generator<void, string> {
  const state: Scan = { depth: 0, inString: false, cutFrom: -1, cuts: [], broken: false };
  for (let from = 0; from < text.length; from += STEP) {
    scan(text, from, Math.min(text.length, from + STEP), limit, state);
    if (state.broken) return text;
    if (from + STEP < text.length) yield;
  }
  const { cuts, cutFrom } = state;
  if (!cuts.length || cutFrom >= 0) return text;
  let out = '';
  let from = 0;
  for (let k = 0; k < cuts.length; k += 2) {
    out += `${text.slice(from, cuts[k])}[]`;
    from = cuts[k + 1];
  }
  return out + text.slice(from);
}

/** Characters read between two yields: well within a slice, also before the engine has compiled the loop. */
const STEP = 0x8000;

interface Scan {
  depth: number;
  inString: boolean;
  /** Where the container being cut opened, or -1. */
  cutFrom: number;
  /** Start and end of each part to cut. */
  cuts: number[];
  /** Opening brackets beyond the limit (a stack: `[` 1, `{` 2), to check that each closes with its own kind. */
  open?: Uint8Array;
  /** A bracket closed with the other kind inside a cut part. */
  broken: boolean;
}

/** One step of the scan: a plain loop (no generator), which engines run fastest. */
function scan(text: string, from: number, to: number, limit: number, s: Scan): void {
  let { depth, inString, cutFrom } = s;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c == 92) i++;
      else if (c == 34) inString = false;
      continue;
    }
    if (c == 34) inString = true;
    else if (c == 91 || c == 123) {
      if (++depth > limit) {
        if (cutFrom < 0) cutFrom = i;
        (s.open ??= new Uint8Array(text.length))[depth - limit] = c;
      }
    } else if (c == 93 || c == 125) {
      if (depth > limit) {
        // `]` is `[` + 2 and `}` is `{` + 2: anything else is a mismatch, left for JSON.parse.
        if (s.open![depth - limit] != c - 2) return void (s.broken = true);
        if (depth == limit + 1) {
          s.cuts.push(cutFrom, i + 1);
          cutFrom = -1;
        }
      }
      depth--;
    }
  }
  Object.assign(s, { depth, inString, cutFrom });
}
