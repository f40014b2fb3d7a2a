import { expect } from '@open-wc/testing';
import { locateJsonError } from '../../src/feed/json-locate.js';
import { parseLongJson } from '../../src/feed/long-json.js';
import { drain } from '../../src/feed/slices.js';

/** A small seeded random number generator (mulberry32): each case can be run again from its seed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

// Pieces of JSON text, written out rather than by JSON.stringify, so the text has every form JSON allows:
// escapes, raw and escaped surrogates (paired and lone), brackets and commas inside text, numbers
// JSON.parse rounds or overflows, keys written twice (`__proto__` too), and every kind of white space.
// prettier-ignore
const STRING_PARTS = [
  'a', 'Baby Massage', ' ', 'é', '€', '😀', '\ud800', '\udfff', '\u2028', '[', ']', '{', '}', ',', ':', "'",
  '\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t', '\\u0041', '\\u00e9', '\\ud83d\\ude00', '\\ud800',
  '\\udc00x', '\\uDBFF', '\\u0000', '\\"]}',
];
// prettier-ignore
const NUMBERS = [
  '0', '-0', '1', '-1', '0.5', '-0.0', '1e400', '-1e400', '1E-400', '5e-324', '2.5e+3', '0e0', '10',
  '123456789012345678901234567890123456789012345678901234567890', '9007199254740993', '1.7976931348623157e308',
  '-2.2250738585072014e-308', '0.1', '1.0000000000000000000000000000000000000001',
];
const KEYS = ['a', 'b', '__proto__', 'constructor', 'toString', '0', '1', '10', '-1', '', 'é', 'a\\u0062', 'ab'];
const SPACES = ['', '', ' ', '\n', '\r\n', '\r', '\t', '  \n    '];

function jsonText(next: () => number, depth = 0): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const ws = () => pick(SPACES);
  const string = (parts = 1 + Math.floor(next() * 6)) =>
    `"${Array.from({ length: parts }, () => pick(STRING_PARTS)).join('')}"`;
  // A list or an object at the top, as in a feed; deeper, anything.
  const kind = depth ? next() * (depth > 5 ? 4 : 7) : 3.5 + next() * 3.5;
  if (kind < 1) return string();
  if (kind < 2) return pick(NUMBERS);
  if (kind < 2.5) return String(Math.floor(next() * 2e6) - 1e6);
  if (kind < 3) return pick(['true', 'false', 'null']);
  if (kind < 3.3) return pick(['[]', '{}', '[ ]', '{\n}', '""']);
  const n = Math.floor(next() * (depth < 2 ? 12 : 5));
  const entries = Array.from({ length: n }, () =>
    kind < 5
      ? `${ws()}${jsonText(next, depth + 1)}${ws()}`
      : `${ws()}${next() < 0.5 ? `"${pick(KEYS)}"` : string(2)}${ws()}:${ws()}${jsonText(next, depth + 1)}${ws()}`,
  );
  return kind < 5 ? `[${entries.join(',')}]` : `{${entries.join(',')}}`;
}

/** Whether two values are the same to the last detail: -0, key order, own properties, prototypes. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a != 'object' || !a || typeof b != 'object' || !b) return Object.is(a, b);
  if (Array.isArray(a) != Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keys = Reflect.ownKeys(a);
  const other = Reflect.ownKeys(b);
  if (keys.length != other.length || keys.some((k, i) => k !== other[i])) return false;
  return keys.every((k) => {
    const d = Object.getOwnPropertyDescriptor(a, k)!;
    const e = Object.getOwnPropertyDescriptor(b, k)!;
    return (
      d.writable == e.writable &&
      d.enumerable == e.enumerable &&
      d.configurable == e.configurable &&
      same(d.value, e.value)
    );
  });
}

/**
 * What JSON.parse makes of `text` in a worker of its own, a JavaScript engine that has read no other text:
 * the reference where the page's JSON.parse and the parser differ. Chromium 150's JSON.parse can give an
 * escaped key as a key of the same length that an earlier text held: once it has read `{"\\\"": 1}`
 * (the key `\"`), it reads `{"\"{": 1}` with the key `\"` too, not `"{`. A page that has read a hundred
 * generated texts meets that; the parser decodes every key itself, and Node's and the other browsers'
 * JSON.parse agree with it. (A text that held both keys would mislead the worker too: none of the seeds'
 * does.) (The worker's value comes back by structured clone, which keeps key order,
 * -0, lone surrogates and `__proto__` as an own key.)
 */
async function parsedAlone(text: string): Promise<unknown> {
  const code = 'onmessage = (e) => postMessage(JSON.parse(e.data));';
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  let worker: Worker | undefined;
  try {
    worker = new Worker(url);
    return await new Promise((resolve, reject) => {
      worker!.onmessage = (e) => resolve(e.data);
      worker!.onmessageerror = () => reject(new Error('the worker could not send the value back'));
      worker!.onerror = (e) => {
        e.preventDefault();
        reject(new Error(e.message));
      };
      worker!.postMessage(text);
    });
  } finally {
    worker?.terminate();
    URL.revokeObjectURL(url);
  }
}

/**
 * Whether `got` is what JSON.parse makes of `text`: `expected`, this page's JSON.parse's value (which the
 * parser's own answer is where it hands a piece of the text to it whole), or, where that differs, the value
 * of a JSON.parse that has read no other text (`parsedAlone`, asked once a text: `alone` keeps it).
 */
const asJsonParse = async (got: unknown, expected: unknown, text: string, alone: { value?: Promise<unknown> }) =>
  same(got, expected) || same(got, await (alone.value ??= parsedAlone(text)));

/** The value, or the error's message. */
const outcome = (read: () => unknown): { value?: unknown; error?: string } => {
  try {
    return { value: read() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

/** Where the editor tools (json-locate.ts) say the whole text goes wrong, as the parser words it. */
const located = (text: string) => {
  const p = locateJsonError(text);
  return p && `line ${p.line}, column ${p.column}: expected ${p.expected}`;
};

// A piece of 1 reads every list and object here; larger ones hand more to JSON.parse; the default
// (16 KiB) hands it whole entries of a feed.
const PIECES = [1, 16, 256, undefined];

/**
 * Reads `text` step by step, as the elements do, measuring each step by what it hands `JSON.parse`:
 * for each step, the sum of `measure` over its calls (their characters, or their count).
 */
function stepsOf(text: string, measure: (handed: string) => number): { value: unknown; steps: number[] } {
  const parse = JSON.parse;
  const steps: number[] = [0];
  JSON.parse = ((t: string, reviver?: Parameters<typeof parse>[1]) => {
    steps[steps.length - 1] += measure(t);
    return parse(t, reviver) as unknown;
  }) as typeof parse;
  try {
    const work = parseLongJson(text);
    for (let s = work.next(); ; s = work.next()) {
      if (s.done) return { value: s.value, steps };
      steps.push(0);
    }
  } finally {
    JSON.parse = parse;
  }
}

describe('parseLongJson: a long feed read in short steps', () => {
  it('gives what JSON.parse gives, for generated JSON with every form of value', async () => {
    for (let seed = 1; seed <= 120; seed++) {
      const text = `${SPACES[seed % SPACES.length]}${jsonText(random(seed))}${SPACES[(seed >> 2) % SPACES.length]}`;
      const expected = JSON.parse(text) as unknown;
      const alone = {};
      for (const piece of PIECES) {
        const got = drain(parseLongJson(text, piece));
        const where = `seed ${seed}, piece ${piece}: ${text.slice(0, 300)}`;
        expect(await asJsonParse(got, expected, text, alone), where).to.equal(true);
      }
    }
  });

  it('keeps a key written twice where JSON.parse does (first place, last value), __proto__ as a key of its own', () => {
    const text = '{"a": 1, "__proto__": {"polluted": 1}, "b": [], "a": 2, "__proto__": [3], "\\u0061": 4}';
    for (const piece of PIECES) {
      const got = drain(parseLongJson(text, piece)) as Record<string, unknown>;
      expect(Object.keys(got)).to.deep.equal(['a', '__proto__', 'b']);
      expect(got.a).to.equal(4);
      expect(Object.getPrototypeOf(got)).to.equal(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(got, '__proto__')?.value).to.deep.equal([3]);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(same(got, JSON.parse(text))).to.equal(true);
    }
  });

  it('reads numbers and surrogates exactly as JSON.parse: -0, overflow, long digits, lone halves', () => {
    const text = '[-0, 1e400, -1e400, 5e-324, 9007199254740993, 0.1, "\\ud800", "\ud800", "\\ud83d\\ude00", "😀"]';
    for (const piece of PIECES) {
      const got = drain(parseLongJson(text, piece)) as unknown[];
      expect(Object.is(got[0], -0)).to.equal(true);
      expect(got.slice(1, 4)).to.deep.equal([Infinity, -Infinity, 5e-324]);
      expect(got[6]).to.equal('\ud800');
      expect(got[7]).to.equal('\ud800');
      expect(same(got, JSON.parse(text))).to.equal(true);
    }
  });

  it('reads lists and objects nested 10,000 deep without recursion', () => {
    const text = `${'[{"a":'.repeat(10_000)}1${'}]'.repeat(10_000)}`;
    let value = drain(parseLongJson(text, 1));
    let depth = 0;
    while (Array.isArray(value)) {
      value = (value[0] as { a: unknown }).a;
      depth++;
    }
    expect([depth, value]).to.deep.equal([10_000, 1]);
  });

  it('refuses what JSON.parse refuses, saying where as the editor tools do (line, column, expected)', async () => {
    const inserts = [',', ':', '[', ']', '{', '}', '"', '\\', ' ', '\n', '0', '-', 'e', '.', 't', 'x', '\u0001'];
    let refused = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const valid = jsonText(next);
      const at = Math.floor(next() * (valid.length + 1));
      const op = next();
      const insert = inserts[Math.floor(next() * inserts.length)];
      const text =
        op < 0.4
          ? valid.slice(0, at) + valid.slice(at + 1)
          : op < 0.7
            ? valid.slice(0, at) + insert + valid.slice(at)
            : valid.slice(0, at) + insert + valid.slice(at + 1);
      const expected = outcome(() => JSON.parse(text) as unknown);
      const alone = {};
      if (expected.error) {
        refused++;
        expected.error = located(text);
      }
      for (const piece of PIECES) {
        const got = outcome(() => drain(parseLongJson(text, piece)));
        const where = `seed ${seed}, piece ${piece}: ${JSON.stringify(text.slice(0, 300))}`;
        expect(got.error, where).to.equal(expected.error);
        if (!got.error) expect(await asJsonParse(got.value, expected.value, text, alone), where).to.equal(true);
      }
    }
    expect(refused).to.be.above(100);
  });

  it('says where on the right line of a long text', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `  {"id": "s${i}", "name": "Session ${i}"},`);
    lines[1500] = '  {"id": "s1500" "name": "Session 1500"},';
    const text = `{"version": 1,\n "sessions": [\n${lines.join('\n')}\n  {}]\n}`;
    expect(() => drain(parseLongJson(text))).to.throw(
      SyntaxError,
      'line 1503, column 18: expected "," or "}" after the field (is a comma missing?)',
    );
  });

  it('yields between short steps of a long text, handing JSON.parse a little at a time', () => {
    const item = (i: number) => `{"id": "s${i}", "name": "Session ${i}", "tags": ["a", "b"], "n": ${i}}`;
    const text = `{"version": 1, "sessions": [${Array.from({ length: 20_000 }, (_, i) => item(i)).join(', ')}]}`;
    const { value, steps } = stepsOf(text, (t) => t.length);
    expect(same(value, JSON.parse(text))).to.equal(true);
    expect(steps.length).to.be.above(text.length / 0x10000);
    expect(Math.max(...steps)).to.be.at.most(0x8000 + 0x4000);
    // A short text is parsed whole, at once.
    expect([...parseLongJson(item(1))]).to.deep.equal([]);
  });

  it('reads a list of 200,000 one-character numbers in steps of a few thousand values, not of 32,000', () => {
    const text = `{"version": 1, "timeline": {"stages": [${Array(200_000).fill(0).join(',')}]}}`;
    const { value, steps } = stepsOf(text, () => 1);
    expect(same(value, JSON.parse(text))).to.equal(true);
    // Each value is a call of JSON.parse and a property set: 32,000 of them were a task of 55 ms.
    expect(Math.max(...steps)).to.be.at.most(2_500);
  });
});
