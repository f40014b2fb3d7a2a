// The feed's fuzz test (issue 12): a bounded number of mutated feeds per run, seeded (a new seed
// each day; set IMH_FUZZ_SEED to replay one, IMH_FUZZ_COUNT for more feeds). For each feed:
//   - no exception escapes validation but FeedValidationError (a feed unusable as a whole),
//   - no validation takes more than a time bound (a quadratic check on a 120,000-character value,
//     or a walk of a deep value, would take many seconds),
//   - nothing reaches Object.prototype (keys like "__proto__" stay data),
//   - no good item is lost because of a neighbour: every item the mutation did not touch is kept,
//   - the published JSON Schema (Ajv) and the validator agree, and
//   - the safety pass each element runs over its parts keeps exactly what the full validator keeps.
// The editor tools' check of feed text (`checkFeedText`: the CLI, the demo's checker, the studio) is
// fuzzed over the text of mutated feeds, itself changed as text (`mutateText`). For each text:
//   - it returns a report (usable or not) and throws nothing, within the same time bound,
//   - nothing reaches Object.prototype,
//   - every issue has a message and a path, and a line (its item's too) within the text,
//   - a key written twice is reported at its line,
//   - the report and its printed forms (`formatReport`, `summary`…) hold no raw direction control,
//   - it agrees with JSON.parse and the validator: usable exactly when both accept the text (and
//     the text is within the size limit), keeping as many of each thing, and giving each of the
//     validator's issues, in order (it adds keys written twice and sessions the calendars close).
// A failure names the seed and the mutation, so it can be replayed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { FeedValidationError } from '../../../src/feed/errors.js';
import { beyondSchema } from '../../../src/feed/json-schema.js';
import { ALL_PARTS } from '../../../src/feed/all-parts.js';
import { SERVICE_PARTS } from '../../../src/feed/service-parts.js';
import { SESSION_PARTS } from '../../../src/feed/session-parts.js';
import { safeInSlices } from '../../../src/feed/safe.js';
import { drain } from '../../../src/feed/slices.js';
import { validateFeed } from '../../../src/feed/validate.js';
import type { FeedIssue } from '../../../src/feed/shape.js';
import { DEFAULT_MAX_BYTES } from '../../../src/feed/load.js';
import {
  checkFeedText,
  emergencyLine,
  formatReport,
  keptLine,
  summary,
  type FeedReport,
} from '../../../src/feed/tools.js';
import { baseFeed, DIRECTION_RE, mutate, mutateText, random, type Mutation, type TextMutation } from './mutations.js';

const SEED = Number(process.env.IMH_FUZZ_SEED ?? Math.floor(Date.now() / 86_400_000));
const COUNT = Number(process.env.IMH_FUZZ_COUNT ?? 250);
/** Generous for a loaded 2-core machine: a good feed takes a few milliseconds. */
const TIME_BOUND_MS = 2_000;

const schema = JSON.parse(readFileSync(new URL('../../../schema/feed.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv);
const schemaValid = ajv.compile(schema);

const LISTS = ['places', 'organisations', 'sessions', 'services', 'sources', 'timeline.stages'] as const;
/** The list at a dotted path (`timeline.stages`). */
const listAt = (feed: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], feed);

/**
 * The feed as the schema describes it: what readers do first (a field whose value is null is
 * absent; spaces around text are ignored), as the schema's $comment says.
 */
function normalise(value: unknown, depth = 0): unknown {
  if (typeof value == 'string') return value.trim();
  if (!value || typeof value != 'object' || depth > 60) return value;
  if (Array.isArray(value)) return value.map((v) => normalise(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== null) Object.defineProperty(out, k, { value: normalise(v, depth + 1), enumerable: true, writable: true });
  }
  return out;
}

const ids = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.map((i) => (i as { id?: unknown })?.id).filter((id): id is string => typeof id == 'string')
    : [];

/** Object.prototype as it is, to see that nothing was added to it. */
const prototypeNow = () => Object.getOwnPropertyNames(Object.prototype).length;
function unpolluted(before: number, label: string) {
  assert.equal(({} as Record<string, unknown>).polluted, undefined, `${label}: Object.prototype was polluted`);
  assert.equal(prototypeNow(), before, `${label}: Object.prototype changed`);
}

function checkOne(m: Mutation, base: ReturnType<typeof validateFeed>, label: string) {
  const before = prototypeNow();
  let result: ReturnType<typeof validateFeed> | undefined;
  const start = performance.now();
  try {
    result = validateFeed(m.feed);
  } catch (e) {
    assert.ok(e instanceof FeedValidationError, `${label}: ${(e as Error)?.stack ?? e}`);
  }
  const took = performance.now() - start;
  assert.ok(took < TIME_BOUND_MS, `${label}: validation took ${took.toFixed(0)} ms`);
  unpolluted(before, label);

  // Schema and validator agree.
  const valid = schemaValid(normalise(m.feed));
  if (!result) {
    assert.equal(valid, false, `${label}: unusable, yet the schema accepts it`);
    return;
  }
  const { findings } = drain(safeInSlices(m.feed, ALL_PARTS));
  const inSchema = findings.filter((f) => !beyondSchema(f));
  if (valid) {
    assert.deepEqual(
      inSchema.map((f) => `${f.path} ${f.code}`),
      [],
      `${label}: the schema accepts it, the validator reports`,
    );
  } else {
    // The validator reports the same place, or the item or value holding it (which it skipped whole).
    const error = schemaValid.errors![0];
    const where = error.instancePath
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((p, k) => (/^\d+$/.test(k) ? `${p}[${k}]` : p ? `${p}.${k}` : k), '');
    const inside = (inner: string, outer: string) =>
      !outer || inner == outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
    assert.ok(
      findings.some((f) => inside(where, f.path) || inside(f.path, where)),
      `${label}: the schema rejects ${where || 'the feed'} (${error.message}), the validator does not`,
    );
  }

  // No good item lost because of a neighbour.
  for (const list of LISTS) {
    const raw = listAt(m.feed, list);
    if (!Array.isArray(raw) || m.path == list || list.startsWith(`${m.path}.`)) continue;
    const rawIds = ids(raw);
    const kept = new Set(ids(listAt(result.feed, list)));
    for (const [i, item] of raw.entries()) {
      const id = (item as { id?: unknown })?.id;
      const touched =
        m.path == `${list}[${i}]` || m.path.startsWith(`${list}[${i}].`) || m.path.startsWith(`${list}[${i}][`);
      const wasKept = ids(listAt(base.feed, list)).includes(id as string);
      if (touched || typeof id != 'string' || rawIds.indexOf(id) != rawIds.lastIndexOf(id) || !wasKept) continue;
      // A list item shifted by a deletion or duplication is still the same item.
      assert.ok(kept.has(id), `${label}: ${list} item ${JSON.stringify(id)} was lost`);
    }
  }

  // Each element's safety pass keeps what the full validator keeps, in the parts it reads.
  for (const parts of [SESSION_PARTS, SERVICE_PARTS]) {
    const safe = drain(safeInSlices(m.feed, parts));
    for (const key of Object.keys(parts.fields)) {
      assert.deepEqual(
        (safe.feed as Record<string, unknown>)[key],
        (result.feed as Record<string, unknown>)[key],
        `${label}: ${parts.name} parts read ${key} differently`,
      );
    }
  }
}

test(`fuzz: ${COUNT} mutated feeds (seed ${SEED}; replay with IMH_FUZZ_SEED=${SEED})`, () => {
  const rand = random(SEED);
  const base = baseFeed();
  const baseline = validateFeed(base);
  assert.deepEqual(baseline.issues, [], 'the base feed is valid');
  assert.equal(schemaValid(base), true, JSON.stringify(schemaValid.errors));
  for (let n = 0; n < COUNT; n++) {
    const m = mutate(base, rand);
    checkOne(m, baseline, `seed ${SEED}, feed ${n + 1}: ${m.path} ${m.what}`);
  }
});

// Each value issue 12 names, once, where it broke a page or a command (Node: the CLI's engine, whose
// stack is smaller than a browser's). Each gets the fuzz's checks above, and must be reported at
// the field (or the item) that holds it.
const deep = (depth: number) => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};
const NAMED: [path: string, value: unknown, reportedAt: string, what: string][] = [
  ['services.1.kind', deep(5_000), 'services[1]', 'JSON.stringify of it threw RangeError: the whole feed refused'],
  [
    'services.1.contact.email',
    // (the shape that made the old pattern try every split of the part after the "@")
    `a@${'.'.repeat(119_997)}@`,
    'services[1].contact.email',
    'a backtracking email pattern: one task of 27 s',
  ],
  [
    'sessions.0.schedule',
    { startDate: '0000-01-03', repeatFrequency: 'P1D', repeatCount: 1_000_000, startTime: '10:00' },
    'sessions[0].schedule',
    'a walk of 740,000 days from the year 0',
  ],
  ['sessions.0.schedule.byDay', [], 'sessions[0].schedule.byDay', 'no dates, silently'],
  ['sessions.0.schedule.startDate', '07/09/2026', 'sessions[0].schedule.startDate', 'dd/mm/yyyy'],
  ['sessions.0.url', 'https://www.nhs.uk@evil.example/', 'sessions[0].url', 'shown as an NHS link'],
  ['sessions.0.booking.email', 'fh@example.org?cc=evil@example.org', 'sessions[0].booking.email', 'cc smuggled'],
  ['sessions.0.booking.email', 'fh@example.org?bcc=x@example.org', 'sessions[0].booking.email', 'bcc smuggled'],
  ['sessions.0.booking.email', 'fh@example.org?body=Hi', 'sessions[0].booking.email', 'a body smuggled'],
  ['sessions.0.name', '\u200B\u2800\u3164', 'sessions[0].name', 'a name of invisible characters'],
  ['sessions.0.name', 'Baby\u0000Massage', 'sessions[0].name', 'a control character in a name'],
  ['sessions.0.name', 'Baby \uDC00 Massage', 'sessions[0].name', 'a lone surrogate in a name'],
];

test('the values issue 12 names, each where it broke something: reported there, nothing else lost', () => {
  const base = baseFeed();
  const baseline = validateFeed(base);
  for (const [path, value, reportedAt, what] of NAMED) {
    const feed = structuredClone(base);
    const keys = path.split('.');
    const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((o, k) => (o[k] ??= {}) as never, feed);
    parent[keys.at(-1)!] = value;
    const label = `${reportedAt} (${what})`;
    checkOne({ feed, path: reportedAt, what }, baseline, label);
    const { issues } = validateFeed(feed);
    assert.ok(
      issues.some((i) => i.path == reportedAt || i.path.startsWith(`${reportedAt}.`)),
      `${label}: reported at ${issues.map((i) => i.path).join(', ') || 'nothing'}`,
    );
  }
});

/** What the validator says of the text, as the editor tools read it (a byte order mark first is skipped). */
function validatorSays(text: string): ReturnType<typeof validateFeed> | undefined {
  if (new TextEncoder().encode(text).length > DEFAULT_MAX_BYTES) return undefined;
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  try {
    return validateFeed(input);
  } catch (e) {
    assert.ok(e instanceof FeedValidationError, `${(e as Error)?.stack ?? e}`);
    return undefined;
  }
}

const same = (i: FeedIssue) => `${i.path} ${i.severity} ${i.code} ${i.message}`;

function checkText(m: TextMutation, label: string, bytes?: number) {
  const before = prototypeNow();
  let report: FeedReport | undefined;
  const start = performance.now();
  try {
    report = checkFeedText(m.text, undefined, bytes);
  } catch (e) {
    assert.fail(`${label}: checkFeedText threw ${(e as Error)?.stack ?? e}`);
  }
  const took = performance.now() - start;
  assert.ok(took < TIME_BOUND_MS, `${label}: checking the text took ${took.toFixed(0)} ms`);
  unpolluted(before, label);

  assert.equal(typeof report.usable, 'boolean', label);
  if (!report.usable) assert.ok(report.error?.message, `${label}: unusable, without a reason`);
  // Lines as editors number them: ended by LF, CRLF or a lone CR.
  const lines = m.text.split(/\r\n|\r|\n/).length;
  const inText = (line: number | undefined) =>
    line === undefined || (Number.isInteger(line) && line >= 1 && line <= lines);
  for (const issue of report.issues) {
    const where = `${label}: issue ${JSON.stringify(issue).slice(0, 300)}`;
    assert.ok(typeof issue.message == 'string' && issue.message.trim(), `${where} has no message`);
    assert.equal(typeof issue.path, 'string', `${where} has no path`);
    assert.ok(inText(issue.line) && inText(issue.item?.line), `${where}: its line is not one of the text's ${lines}`);
  }
  const printed = [formatReport(report, 'feed.json'), summary(report, 'feed.json')];
  if (report.usable) printed.push(emergencyLine(report) ?? '', keptLine(report));
  for (const text of [...printed, ...report.issues.map((i) => i.message)]) {
    assert.ok(!DIRECTION_RE.test(text), `${label}: a raw direction control in ${JSON.stringify(text).slice(0, 500)}`);
  }

  // JSON.parse and the validator agree.
  const expected = validatorSays(m.text);
  assert.equal(report.usable, !!expected, `${label}: usable ${report.usable}, the validator says ${!!expected}`);
  if (!expected) return;
  const { sessions, services, places, organisations, timeline } = expected.feed;
  assert.deepEqual(
    report.counts,
    {
      sessions: sessions?.length ?? 0,
      services: services?.length ?? 0,
      places: places?.length ?? 0,
      organisations: organisations?.length ?? 0,
      'timeline stages': timeline?.stages.length ?? 0,
    },
    `${label}: kept counts differ from the validator's`,
  );
  const given = report.issues.map(same);
  let from = 0;
  for (const issue of expected.issues.map(same)) {
    const found = given.indexOf(issue, from);
    assert.ok(found >= 0, `${label}: the validator's issue ${issue.slice(0, 300)} is not in the report (in order)`);
    from = found + 1;
  }
  if (m.duplicateLine) {
    assert.ok(
      report.issues.some((i) => i.code == 'duplicate-key' && i.line == m.duplicateLine),
      `${label}: the key written twice on line ${m.duplicateLine} is not reported there`,
    );
  }
}

test(`fuzz: checkFeedText over ${COUNT} mutated feed texts (seed ${SEED}; replay with IMH_FUZZ_SEED=${SEED})`, () => {
  const rand = random(SEED);
  const base = baseFeed();
  for (let n = 0; n < COUNT; n++) {
    const m = mutateText(base, rand);
    // Half the time with the size in bytes, as the CLI gives it.
    const bytes = rand.next() < 0.5 ? Buffer.byteLength(m.text) : undefined;
    checkText(m, `seed ${SEED}, text ${n + 1}: ${m.what}${bytes === undefined ? '' : ', with its size'}`, bytes);
  }
});
