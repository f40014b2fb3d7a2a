/**
 * JSON text as the editor tools (the `imh-feed` command and the demo's feed checker) read it:
 * where it first goes wrong (browsers' JSON.parse messages differ and Chromium's give no
 * position), keys written twice in one object (JSON keeps only the last, silently), and the line
 * each value starts on, so every report can name its line. One pass, no recursion: a file nested
 * 100,000 deep is read like any other. Not part of the element bundle.
 */
export interface JsonProblem {
  line: number;
  column: number;
  /** What was expected there, in words. */
  expected: string;
}

/** A key written twice in the same object. */
export interface DuplicateKey {
  /** The path of the value the key names (`sessions`, `sessions[3].name`). */
  path: string;
  key: string;
  /** The line of the repeat, which JSON keeps, and of the first, which it drops. */
  line: number;
  first: number;
}

export interface JsonScan {
  problem?: JsonProblem;
  duplicates: DuplicateKey[];
  /**
   * The line where the value at each path starts, when not its container's (`lineOf` finds the rest):
   * a file written on one line has one entry, not one for each of its millions of values.
   */
  lines: Map<string, number>;
}

const join = (path: string, key: string | number) =>
  typeof key == 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
/** Lines and repeated keys are noted this deep at most (a feed item needs only a few levels). */
const NOTED_DEPTH = 64;

/** What the reader expected where JSON text goes wrong, in words (also used by `long-json.ts`). */
export const EXPECTED = {
  value: 'a value (text in double quotes, a number, true, false, null, { … } or [ … ])',
  text: 'text in "double quotes"',
  colon: '":" after the field name',
  field: 'another field (remove the comma before "}")',
  entry: 'another entry (remove the comma before "]")',
  afterField: '"," or "}" after the field (is a comma missing?)',
  afterEntry: '"," or "]" after the entry (is a comma missing?)',
  end: 'the end of the file (is there text after the last "}"?)',
};

/** A JSON number, from where the reader is (`lastIndex`). */
export const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * What a value starting at `at` looks like when it ends too soon: an unquoted time or date (times
 * and dates are text in JSON), or ''.
 */
export function unquotedHint(text: string, at: number): string {
  const start = text.slice(at, at + 12);
  return /^\d{1,2}:\d\d/.test(start)
    ? 'a time in "double quotes", like "10:00" (times are text in JSON)'
    : /^\d{4}-\d\d-\d\d/.test(start)
      ? 'a date in "double quotes", like "2026-09-07" (dates are text in JSON)'
      : '';
}

interface Frame {
  obj: boolean;
  path: string;
  /** The line it starts on. */
  line: number;
  /** Keys seen in an object, with their lines. */
  keys?: Map<string, number>;
  index: number;
  /** Whether its first entry has been read. */
  started?: boolean;
}

/** Reads JSON text once, without building it: its first syntax error, its repeated keys, its lines. */
export function scanJson(text: string): JsonScan {
  const lines = new Map<string, number>();
  const duplicates: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  /** Where the last value began, for hints about unquoted times and dates. */
  let valueStart = 0;
  let valueLine = 1;
  let valueLineStart = 0;
  const fail = (expected: string, at = i, atLine = line, atLineStart = lineStart): never => {
    throw { line: atLine, column: at - atLineStart + 1, expected } satisfies JsonProblem;
  };
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      // A line ends at LF, CRLF or a lone CR (as old Mac editors save), as editors number lines.
      if (c == 10 || (c == 13 && text.charCodeAt(i + 1) != 10)) {
        line++;
        lineStart = ++i;
      } else if (c == 32 || c == 9 || c == 13) i++;
      else return;
    }
  };
  const string = (): string => {
    if (text[i] != '"') fail(EXPECTED.text);
    const from = i++;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c == 34) break;
      if (i >= text.length || c < 32) fail('the closing " of the text');
      if (c == 92) {
        escaped = true;
        i++;
        if (text[i] == 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 4;
        else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail('a valid escape like \\" or \\n');
      }
      i++;
    }
    i++;
    return escaped ? (JSON.parse(text.slice(from, i)) as string) : text.slice(from + 1, i - 1);
  };
  /** After a value that ends too soon: a hint when it looks like an unquoted time or date. */
  const unquoted = () => {
    const hint = unquotedHint(text, valueStart);
    if (hint) fail(hint, valueStart, valueLine, valueLineStart);
  };
  /** Reads one value at `path`; containers are pushed and read by the loop below. */
  const value = (path: string) => {
    ws();
    if (stack.length <= NOTED_DEPTH && line != stack[stack.length - 1]?.line) lines.set(path, line);
    valueStart = i;
    valueLine = line;
    valueLineStart = lineStart;
    const c = text[i];
    if (c == '{' || c == '[') {
      i++;
      stack.push({ obj: c == '{', path, line, index: 0, keys: c == '{' ? new Map() : undefined });
      return;
    }
    if (c == '"') return void string();
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    const word = c == 't' ? 'true' : c == 'f' ? 'false' : 'null';
    if (text.startsWith(word, i)) i += word.length;
    else fail(EXPECTED.value);
  };
  const key = (frame: Frame) => {
    ws();
    const keyLine = line;
    const k = string();
    const first = frame.keys!.get(k);
    const deep = stack.length > NOTED_DEPTH;
    if (first !== undefined && !deep) duplicates.push({ path: join(frame.path, k), key: k, line: keyLine, first });
    frame.keys!.set(k, keyLine);
    ws();
    if (text[i] != ':') fail(EXPECTED.colon);
    i++;
    value(deep ? frame.path : join(frame.path, k));
  };
  try {
    value('');
    while (stack.length) {
      const frame = stack[stack.length - 1];
      const close = frame.obj ? '}' : ']';
      ws();
      if (frame.started && text[i] == ',') {
        i++;
        ws();
        if (text[i] == close) {
          fail(frame.obj ? EXPECTED.field : EXPECTED.entry);
        }
        frame.index++;
      } else if (text[i] == close) {
        i++;
        stack.pop();
        valueStart = i - 1;
        continue;
      } else if (frame.started) {
        unquoted();
        fail(frame.obj ? EXPECTED.afterField : EXPECTED.afterEntry);
      }
      frame.started = true;
      if (frame.obj) key(frame);
      else value(stack.length > NOTED_DEPTH ? frame.path : join(frame.path, frame.index));
    }
    ws();
    if (i < text.length) {
      unquoted();
      fail(EXPECTED.end);
    }
    return { duplicates, lines };
  } catch (e) {
    if (e && typeof e == 'object' && 'expected' in e) return { problem: e as JsonProblem, duplicates, lines };
    throw e;
  }
}

/** Where JSON text first goes wrong, or undefined when it is valid JSON. */
export const locateJsonError = (text: string): JsonProblem | undefined => scanJson(text).problem;

/**
 * The line of the value at `path`, or of the nearest value that holds it (a missing field is on
 * its object's line).
 */
export function lineOf(scan: JsonScan, path: string): number | undefined {
  for (let p = path; ;) {
    const found = scan.lines.get(p);
    if (found !== undefined || !p) return found;
    const up = p.replace(/(\.[^.[]*|\[\d+\])$|^[^.[]*$/, '');
    // A key holding "[" (a language code written "a[b") is neither: cut at its last "[" or ".".
    p = up != p ? up : p.slice(0, Math.max(0, p.lastIndexOf('['), p.lastIndexOf('.')));
  }
}
