/**
 * `JSON.parse` for a long feed, in short steps (issue 12). One `JSON.parse` of a feed near the
 * loader's 5 MB cap is a task of 50 ms or more that nothing can interrupt. This reads the outer
 * lists and objects itself and gives each value within them that is at most `piece` characters
 * long (a session, a service: a few hundred each) to `JSON.parse`, yielding between steps (run it
 * with `sliced()`). So every string, number and small object is `JSON.parse`'s own, and the outer
 * ones are built as it builds them: a key written twice keeps its first place and its last value,
 * and `__proto__` is a key like any other. Text that is not JSON throws a `SyntaxError` saying
 * where, as the editor tools do ("line 3, column 16: expected a value …"). Nesting is not limited
 * here (the loader's `limitDepth` has cut it first) and nothing recurses. The loader imports this
 * chunk only for a long text. No DOM.
 */
import { EXPECTED, NUMBER, scanJson, unquotedHint } from './json-locate.js';

/** A value at most this long is given to `JSON.parse` whole: well under a millisecond. */
const PIECE = 0x4000;
/** Characters read between two yields. */
const STEP = 0x8000;
/**
 * What a value costs beyond its characters, counted as that many more: a value handed to
 * `JSON.parse` and set in its place costs far more than a character of it, so a list of 2,400,000
 * one-character numbers was a step of 32,000 values (a task of 55 ms); now of under 2,000.
 */
const EACH = 16;

interface Open {
  value: unknown[] | Record<string, unknown>;
  /** The key of the entry being read, in an object. */
  key?: string;
  /** Whether its first entry has been read. */
  started?: boolean;
}

/** Sets a key as `JSON.parse` does: an own property, whatever the prototypes hold (`__proto__` too). */
const put = (into: object, key: string, value: unknown) =>
  Object.defineProperty(into, key, { value, writable: true, enumerable: true, configurable: true });

/**
 * The value of JSON `text`, as `JSON.parse` gives it, as a generator that yields every 32 KiB or
 * so. `piece`: the longest value handed to `JSON.parse` whole (smaller in tests, to read more of
 * the text here).
 */
export function* parseLongJson(text: string, piece = PIECE): Generator<void, unknown> {
  const length = text.length;
  const stack: Open[] = [];
  let i = 0;
  let work = 0;
  /** Where the last value began, for the editor tools' hint about unquoted times and dates. */
  let last = 0;
  let result: unknown;

  const fail = (expected: string, at = i, hint = true): never => {
    let line = 1;
    let before = -1; // where the line before ends
    // Lines end at LF, CRLF or a lone CR, as editors (and `scanJson`) number them.
    for (const m of text.slice(0, at).matchAll(/\r\n?|\n/g)) {
      line++;
      before = m.index + m[0].length - 1;
    }
    const unquoted = hint && unquotedHint(text, last);
    // The hint is about the value that ended too soon, so it points at where that value starts.
    if (unquoted) return fail(unquoted, last, false);
    throw new SyntaxError(`line ${line}, column ${at - before}: expected ${expected}`);
  };
  const ws = () => {
    let c = text.charCodeAt(i);
    while (c == 32 || c == 10 || c == 13 || c == 9) c = text.charCodeAt(++i);
  };
  /** Where the text in quotes at `i` ends (the end of the text when it never does). */
  const stringEnd = (from: number) => {
    let j = from + 1;
    for (let c = text.charCodeAt(j); j < length && c != 34; c = text.charCodeAt(j)) j += c == 92 ? 2 : 1;
    return Math.min(j + 1, length);
  };
  /** `JSON.parse` of `text` from `i` to `end`; where it is not JSON, as the editor tools find it. */
  const parse = (end: number) => {
    const part = text.slice(i, end);
    work += end - i + EACH;
    try {
      return JSON.parse(part) as unknown;
    } catch (e) {
      const problem = scanJson(part).problem;
      if (!problem) throw e; // not a syntax error (out of memory, say)
      const { line, column, expected } = problem;
      // Where that line starts in the text: after the part's first line - 1 line ends.
      let lineStart = i;
      const ends = part.matchAll(/\r\n?|\n/g);
      for (let n = 1; n < line; n++) {
        const m = ends.next().value!;
        lineStart = i + m.index + m[0].length;
      }
      return fail(expected, lineStart + column - 1, false);
    }
  };
  /** Where the list or object at `i` ends, when that is within `piece` characters; else -1. */
  const containerEnd = () => {
    const to = Math.min(length, i + piece);
    let depth = 0;
    for (let j = i; j < to; j++) {
      const c = text.charCodeAt(j);
      if (c == 34) j = stringEnd(j) - 1;
      else if (c == 91 || c == 123) depth++;
      else if ((c == 93 || c == 125) && !--depth) return j + 1;
    }
    work += to - i;
    return -1;
  };
  /** Reads the value at `i`: a short one whole, else opens the list or object for the loop below. */
  const value = () => {
    ws();
    last = i;
    const c = text.charCodeAt(i);
    let end = -1;
    NUMBER.lastIndex = i;
    if (c == 34) end = stringEnd(i);
    else if (c == 91 || c == 123) end = containerEnd();
    else if (NUMBER.test(text)) end = NUMBER.lastIndex;
    else {
      const word = c == 116 ? 'true' : c == 102 ? 'false' : 'null';
      if (text.startsWith(word, i)) end = i + word.length;
      else fail(EXPECTED.value, i, false);
    }
    if (end < 0) {
      stack.push({ value: c == 91 ? [] : {} });
      i++;
    } else {
      const v = parse(end);
      i = end;
      add(v);
    }
  };
  /** A value read: an entry of the innermost open list or object, or the whole text's value. */
  const add = (v: unknown) => {
    const open = stack[stack.length - 1];
    if (!open) result = v;
    // A list's entries are pushed: set one by one as properties, 2,000,000 of them made the list a
    // hash table, and its growth alone a task of 50 ms. (Unlike JSON.parse, a push would call a
    // setter that a page put on Array.prototype's indices; no feed can put one there.)
    else if (Array.isArray(open.value)) open.value.push(v);
    else put(open.value, open.key!, v);
  };

  value();
  while (stack.length) {
    if (work > STEP) {
      work = 0;
      yield;
    }
    const open = stack[stack.length - 1];
    const list = Array.isArray(open.value);
    const close = list ? 93 : 125;
    ws();
    if (open.started && text.charCodeAt(i) == 44) {
      i++;
      ws();
      if (text.charCodeAt(i) == close) fail(list ? EXPECTED.entry : EXPECTED.field, i, false);
    } else if (text.charCodeAt(i) == close) {
      i++;
      stack.pop();
      last = i - 1;
      add(open.value);
      continue;
    } else if (open.started) fail(list ? EXPECTED.afterEntry : EXPECTED.afterField);
    open.started = true;
    if (!list) {
      ws();
      if (text.charCodeAt(i) != 34) fail(EXPECTED.text, i, false);
      const end = stringEnd(i);
      open.key = parse(end) as string;
      i = end;
      ws();
      if (text.charCodeAt(i) != 58) fail(EXPECTED.colon, i, false);
      i++;
    }
    value();
  }
  ws();
  if (i < length) fail(EXPECTED.end);
  return result;
}
