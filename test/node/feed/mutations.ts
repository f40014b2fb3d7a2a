// Mutated feeds for the fuzz and agreement tests: the example feed (with term dates, bank holidays
// and sources added, so every list is exercised), changed at one random place by one random
// mutation drawn from values that broke real validators: wrong types, empty and invisible text,
// control characters and lone surrogates, huge and deeply nested values, dates out of range,
// hostile links, repeated ids, prototype keys. Seeded: the same seed gives the same feeds.
import { readFileSync } from 'node:fs';

export const example = JSON.parse(readFileSync(new URL('../../../public/example-feed.json', import.meta.url), 'utf8'));

/** The example feed with every list the schema has. */
export function baseFeed(): Record<string, unknown> {
  const feed = structuredClone(example);
  feed.sources = [{ id: 'leisure', kind: 'spreadsheet', name: 'Leisure timetable', imported: '2026-11-20T09:00:00Z' }];
  feed.sessions[0].source = { ref: 'leisure', id: 'row-1' };
  feed.termDates = {
    area: 'Anytown schools',
    terms: [
      { type: 'term', start: '2026-09-03', end: '2026-12-18', name: 'Autumn term' },
      { type: 'half-term', start: '2026-10-26', end: '2026-10-30' },
    ],
  };
  feed.bankHolidays = { division: 'england-and-wales', dates: [{ date: '2026-12-25', name: 'Christmas Day' }] };
  return feed;
}

/** A small seeded generator (a linear congruential one, as the recurrence tests use). */
export function random(seed: number) {
  let s = seed % 2 ** 31 || 1;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  return { next, pick };
}

const nest = (depth: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
};

/** Values that have broken validators, and ordinary ones in the wrong place. */
export const VALUES: readonly unknown[] = [
  null,
  '',
  '   ',
  '\u200B\u200B',
  '\u3164',
  'Baby\u0007Massage',
  'Baby \uD800 Massage',
  'x'.repeat(25_000),
  0,
  -1,
  1.5,
  1e300,
  true,
  [],
  {},
  [[['x']]],
  nest(40),
  nest(5_000),
  JSON.parse('{"__proto__": {"polluted": 1}, "en": "Proto"}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": 1}}}'),
  '2026-02-30',
  '0000-01-01',
  '2100-01-01',
  ' 2026-09-07 ',
  '07/09/2026',
  '25:00',
  '10:00',
  '24:00',
  'P1W',
  'P0W',
  'P1M',
  'PT1H30M',
  'MO',
  '1MO',
  '-1FR',
  'Tusday',
  'routine',
  'emergency',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  'https://www.nhs.uk@evil.example/',
  'https://example.org/a b',
  'HTTPS://Example.org/Path',
  'https://a:99999/',
  'https://[::1]/',
  'mailto:someone@example.org?cc=evil@example.org',
  'mailto:someone@example.org?subject=Hello',
  'tel:01902551199',
  'someone@example.org?bcc=evil@example.org',
  'someone@example.org',
  `a@${'.'.repeat(3_000)}@`,
  `${'a'.repeat(120_000)}@example.org`,
  'Europe/London',
  'Mars/Olympus',
  'en',
  'not a language',
  '<img src=x onerror=alert(1)>',
  'baby-massage-monday',
  'bob-jones-hub',
  'Bob Jones',
  [0],
  [31],
  [-1],
  [2],
  [13],
  ['MO'],
  ['Tusday'],
];

type Path = (string | number)[];

/** Every path in the feed down to `maxDepth`, for choosing where to mutate. */
function paths(value: unknown, path: Path = [], out: Path[] = [], maxDepth = 8): Path[] {
  out.push(path);
  if (path.length >= maxDepth || !value || typeof value != 'object') return out;
  for (const [k, v] of Object.entries(value)) paths(v, [...path, Array.isArray(value) ? Number(k) : k], out, maxDepth);
  return out;
}

const at = (root: unknown, path: Path) => path.reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], root);

export interface Mutation {
  feed: Record<string, unknown>;
  /** Where it changed, in the validator's path notation, and how. */
  path: string;
  what: string;
}

const pathString = (path: Path) =>
  path.reduce<string>((s, k) => (typeof k == 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');

/** One mutated copy of `base`. */
export function mutate(base: Record<string, unknown>, rand: ReturnType<typeof random>): Mutation {
  const feed = structuredClone(base);
  const all = paths(feed).filter((p) => p.length > 0);
  const path = rand.pick(all);
  const parent = at(feed, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1];
  const kind = rand.pick(['replace', 'replace', 'replace', 'delete', 'duplicate', 'unknown', 'wrap'] as const);
  switch (kind) {
    case 'replace': {
      const value = rand.pick(VALUES);
      parent[key] = value;
      return { feed, path: pathString(path), what: `set to ${preview(value)}` };
    }
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      return { feed, path: pathString(path), what: 'deleted' };
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]));
      else parent[key] = [parent[key], parent[key]];
      return { feed, path: pathString(path), what: 'duplicated' };
    case 'unknown': {
      const target = parent[key];
      if (target && typeof target == 'object' && !Array.isArray(target)) {
        (target as Record<string, unknown>).futureField = rand.pick(VALUES);
        return { feed, path: pathString(path), what: 'unknown field added' };
      }
      parent[key] = { value: target };
      return { feed, path: pathString(path), what: 'wrapped in an object' };
    }
    case 'wrap':
      parent[key] = [parent[key]];
      return { feed, path: pathString(path), what: 'wrapped in a list' };
  }
}

/** A short description of a value, for test names (never serialises a large one). */
export function preview(v: unknown): string {
  if (typeof v == 'string') return JSON.stringify(v.length > 30 ? `${v.slice(0, 27)}…` : v);
  if (Array.isArray(v)) return v.length ? 'a list' : '[]';
  if (v && typeof v == 'object') return Object.keys(v).length ? 'an object' : '{}';
  return String(v);
}

// Feed text for the editor tools (`checkFeedText`: the CLI, the demo's checker, the studio), changed
// the ways text goes wrong in an editor or a download: cut short, keys written twice, byte order
// marks and UTF-16 read as UTF-8, deep nesting, numbers no double holds, odd whitespace and line
// ends, comments, control and direction characters, very long text, keys that look like paths.

/** The direction controls a line of a report must never hold raw (they would reorder it). */
export const DIRECTION_RE = /[\u202A-\u202E\u2066-\u2069]/;

/** Keys that name Object.prototype's own, hold the punctuation of a path or a direction control, or are long. */
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'a[b',
  'a.b',
  '[0]',
  'x]',
  '[',
  '.',
  '',
  'en\u202E',
  'k'.repeat(10_000),
];

const deepText = (depth: number, closed: boolean) =>
  '[{"a":'.repeat(depth / 2) + (closed ? `1${'}]'.repeat(depth / 2)}` : '');

/**
 * Values as JSON text: ones `JSON.stringify` never writes (numbers no double holds, deep nesting,
 * escapes), what a prototype key would carry, and text that is not JSON at all.
 */
const TOKENS: readonly (() => string)[] = [
  () => '1e400',
  () => '-1e999',
  () => '123456789012345678901234567890',
  () => `1${'0'.repeat(400)}`,
  () => `0.${'0'.repeat(400)}1`,
  () => '-0',
  () => '1E+2',
  () => deepText(100, true),
  () => deepText(20_000, true),
  () => deepText(20_000, false),
  () => JSON.stringify('x'.repeat(200_000)),
  () => `"${'\\n'.repeat(50_000)}"`,
  () => `"${'\\u202E'.repeat(3)}Evil"`,
  () => '"\u202EEvil\u2066"',
  () => '"\\ud800"',
  () => '"\uD800"',
  () => 'NaN',
  () => 'Infinity',
  () => "'single'",
  () => '0x10',
  () => '01',
  () => '.5',
  () => '+1',
  () => 'undefined',
  () => '"10:00',
  () => '{"polluted":1}',
  () => '{"prototype":{"polluted":1}}',
];

/** Whitespace JSON allows, and characters that only look like it. */
const SPACES = ['\u00A0', '\u2028', '\u2029', '\u3000', '\v', '\f', '\u200B', '\uFEFF', '\u0085', '\r', '\t', '\r\n'];

/** Whole texts that are not a feed, or are one in an unusual way. */
const WHOLE: readonly ((text: string) => string)[] = [
  () => '',
  () => ' \n ',
  () => '\uFEFF',
  () => 'null',
  () => '[]',
  () => '"\u202EEvil"',
  () => '{}',
  () => '{"version":"\u202E1"}',
  () => '{"version":1}',
  () => '<!doctype html><p>Sign in',
  () => '{"version":1,"sessions":{}}',
  () => '['.repeat(200_000),
  (text) => text + text,
  (text) => `${text}\n// the end`,
  (text) => `${text}\0`,
  (text) => `${' '.repeat(5_000_000)}${text}`,
];

export interface TextMutation {
  text: string;
  what: string;
  /** The line of a key the mutation wrote twice (the one JSON keeps), when it wrote one. */
  duplicateLine?: number;
}

type Rand = ReturnType<typeof random>;
const below = (rand: Rand, n: number) => Math.floor(rand.next() * n);
const insert = (text: string, i: number, s: string) => text.slice(0, i) + s + text.slice(i);
/** Where a match of `re` is in `text` (its index and length), chosen at random; [-1, 0] when none. */
const place = (text: string, re: RegExp, rand: Rand, prefer?: RegExp) => {
  const all = [...text.matchAll(re)].map((m) => [m.index, m[0].length] as const);
  const preferred = prefer ? all.filter(([i, n]) => prefer.test(text.slice(i, i + n))) : [];
  return rand.pick(preferred.length && rand.next() < 0.5 ? preferred : all) ?? ([-1, 0] as const);
};

/** Each way of changing text, returning the text and what it did. */
const TEXT_KINDS: readonly ((text: string, rand: Rand) => Omit<TextMutation, 'text'> & { text: string })[] = [
  (text) => ({ text, what: 'as written' }),
  (text, rand) => {
    const n = below(rand, text.length);
    return { text: text.slice(0, n), what: `cut short at ${n}` };
  },
  (text, rand) => {
    // A one-line member of an object, repeated on the next line (the repeat is the one JSON keeps).
    const lines = text.split('\n');
    const members = [...lines.keys()].filter((i) => /^ {2,120}"(?:[^"\\]|\\.)*": .*,$/.test(lines[i]));
    if (!members.length) return { text, what: 'as written (no key to write twice)' };
    const i = rand.pick(members);
    // Half the time under an odd key, written on both lines.
    const key = rand.next() < 0.5 ? JSON.stringify(rand.pick(KEYS)) : undefined;
    if (key) lines[i] = lines[i].replace(/"(?:[^"\\]|\\.)*"/, () => key);
    lines.splice(i + 1, 0, lines[i]);
    return {
      text: lines.join('\n'),
      what: `line ${i + 1} written twice${key ? ` as ${key}` : ''}`,
      duplicateLine: i + 2,
    };
  },
  (text, rand) => {
    // Half the time a key that may be a language code: a text's translations are reported by key.
    const [i, n] = place(text, /"(?:[^"\\]|\\.)*"(?=\s*:)/g, rand, /^"[a-z]{2,3}(-[A-Za-z0-9]+)*"$/);
    if (i < 0) return { text, what: 'as written (no key)' };
    const key = JSON.stringify(rand.pick(KEYS));
    return { text: text.slice(0, i) + key + text.slice(i + n), what: `key at ${i} renamed ${key}` };
  },
  (text, rand) => {
    const [i, n] = place(text, /(?<=:\s*)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)/g, rand);
    if (i < 0) return { text, what: 'as written (no value)' };
    const token = rand.pick(TOKENS)();
    return { text: text.slice(0, i) + token + text.slice(i + n), what: `value at ${i} set to ${preview(token)}` };
  },
  (text, rand) => {
    const [i] = place(text, /\{(?=\s*")/g, rand);
    if (i < 0) return { text, what: 'as written (no object)' };
    const member = `${JSON.stringify(rand.pick(KEYS))}:${rand.pick(TOKENS)()},`;
    return { text: insert(text, i + 1, member), what: `member ${preview(member)} added at ${i + 1}` };
  },
  (text, rand) => {
    const i = rand.pick([0, 0, below(rand, text.length)]);
    const bom = rand.pick(['\uFEFF', '\uFEFF\uFEFF']);
    return { text: insert(text, i, bom), what: `${bom.length} byte order mark at ${i}` };
  },
  (text, rand) => {
    const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
    const big = rand.next() < 0.5;
    return { text: (big ? bytes.swap16() : bytes).toString('utf8'), what: `UTF-16 ${big ? 'BE' : 'LE'} read as UTF-8` };
  },
  (text, rand) => {
    const ends = rand.pick(['\r\n', '\r', '\n\n']);
    return { text: text.replace(/\n/g, ends), what: `line ends ${JSON.stringify(ends)}` };
  },
  (text, rand) => {
    const [i] = place(text, /[,:{[]/g, rand);
    const space = rand.pick(SPACES);
    return { text: insert(text, i + 1, space), what: `${JSON.stringify(space)} at ${i + 1}` };
  },
  (text, rand) => {
    const [i] = place(text, /[,{[]/g, rand);
    const comment = rand.pick(['// a note\n', '/* a note */', '#']);
    return { text: insert(text, i + 1, comment), what: `comment ${JSON.stringify(comment)} at ${i + 1}` };
  },
  (text, rand) => {
    const i = below(rand, text.length);
    const c = String.fromCharCode(rand.pick([0, 1, 7, 8, 9, 10, 11, 12, 13, 27, 31, 127, 0x85, 0x9b]));
    return { text: insert(text, i, c), what: `${JSON.stringify(c)} at ${i}` };
  },
  (text, rand) => {
    const i = below(rand, text.length);
    const c = rand.pick(['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']);
    return { text: insert(text, i, c), what: `U+${c.charCodeAt(0).toString(16).toUpperCase()} at ${i}` };
  },
  (text, rand) => {
    const i = below(rand, text.length);
    const c = rand.pick(['{', '}', '[', ']', ',', ':', '"', '\\', '']);
    return { text: text.slice(0, i) + c + text.slice(i + 1), what: `character ${i} set to ${JSON.stringify(c)}` };
  },
  (text, rand) => {
    const n = below(rand, WHOLE.length);
    return { text: WHOLE[n](text), what: `whole text ${n}` };
  },
];

/**
 * Feed text: the base feed or a mutated one (`mutate`), written on one line or indented, then
 * changed as text once (sometimes twice).
 */
export function mutateText(base: Record<string, unknown>, rand: Rand): TextMutation {
  const from = rand.next() < 0.5 ? mutate(base, rand) : { feed: base, path: '', what: 'the base feed' };
  const indented = rand.next() < 0.5;
  let text: string;
  let was = `${from.path} ${from.what}`.trim();
  try {
    text = JSON.stringify(from.feed, null, indented ? 2 : undefined);
  } catch {
    // A value nested 5,000 deep can overflow JSON.stringify's stack (the text mutations nest deeper).
    [text, was] = [JSON.stringify(base, null, indented ? 2 : undefined), 'the base feed'];
  }
  const what = [was, indented ? 'indented' : 'on one line'];
  let duplicateLine: number | undefined;
  for (let times = rand.next() < 0.2 ? 2 : 1; times > 0; times--) {
    const m = rand.pick(TEXT_KINDS)(text, rand);
    // A later change may move or remove the key written twice.
    duplicateLine = m.duplicateLine ?? (m.text == text ? duplicateLine : undefined);
    text = m.text;
    what.push(m.what);
  }
  return { text, what: what.join(', '), ...(duplicateLine && { duplicateLine }) };
}
