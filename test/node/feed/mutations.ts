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
