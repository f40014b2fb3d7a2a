/**
 * Data a page gives (`el.data`, `validateFeed`) may throw when read: a class instance's getter, a
 * Proxy over a host app's store. Before, the first such value failed the whole feed with the error it
 * threw, naming no item. Now the item is skipped and reported with the path of the value that threw,
 * as any bad item is; the rest is kept. The feed fails only where the feed itself, or one of its
 * parts, throws, and the error says which.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeedValidationError } from '../../../src/feed/errors.js';
import { describeIssue, validateFeed } from '../../../src/feed/validate.js';
import { minimalFeed, service, session } from '../../fixtures/feeds.js';

/** `item`, with reading `key` throwing `error`. */
const throwing = (item: object, key: string, error: unknown = new Error('lazy field not loaded')) =>
  new Proxy(item, {
    get: (target, k, receiver) => {
      if (k === key) throw error;
      return Reflect.get(target, k, receiver);
    },
  });

const sessions = (bad: object) => [
  session,
  { ...session, id: 'second' },
  { ...session, id: 'third' },
  bad,
  { ...session, id: 'fifth' },
];

test('a session whose name throws when read is skipped and named by its path; the others are kept', () => {
  const { feed, issues } = validateFeed(
    minimalFeed({ sessions: sessions(throwing({ ...session, id: 's4' }, 'name')) }),
  );
  assert.deepEqual(
    feed.sessions?.map((s) => s.id),
    ['baby-massage-monday', 'second', 'third', 'fifth'],
  );
  assert.deepEqual(
    issues.map((i) => [i.path, i.severity, i.code]),
    [['sessions[3].name', 'error', 'read']],
  );
  assert.equal(
    issues[0].message,
    'could not be read: reading it threw "Error: lazy field not loaded" (a getter or a Proxy in the data given)',
  );
  // Named by its number and id, as any skipped item is (its name is what threw).
  assert.deepEqual(issues[0].item, { list: 'sessions', number: 4, id: 's4' });
  assert.match(describeIssue(issues[0]), /^Session 4 \(id s4\): name: could not be read/);
});

test('a value deep in an item, an own getter, a thrown non-Error: each item skipped, each path named', () => {
  // An own getter (Object.defineProperty, not enumerable), as a host app's model may have.
  const place = Object.defineProperty({ ...session, id: 'own-getter' }, 'place', {
    get: () => {
      throw 'not yet';
    },
  });
  const byDay = throwing(['MO'], '0', Object.create(null));
  const startTime = throwing({ ...session.schedule }, 'startTime', new TypeError(`store closed ${'x'.repeat(200)}`));
  const { feed, issues } = validateFeed(
    minimalFeed({
      sessions: [
        { ...session, id: 'deep', schedule: startTime },
        place,
        session,
        { ...session, id: 'array', schedule: { ...session.schedule, byDay } },
      ],
    }),
  );
  assert.deepEqual(
    feed.sessions?.map((s) => s.id),
    ['baby-massage-monday'],
  );
  assert.deepEqual(
    issues.map((i) => i.path),
    ['sessions[0].schedule.startTime', 'sessions[1].place', 'sessions[3].schedule.byDay[0]'],
  );
  assert.ok(issues.every((i) => i.severity == 'error' && i.code == 'read'));
  // A long message is shortened as values are in messages; something that cannot be made text is "an error".
  assert.match(issues[0].message, /reading it threw "TypeError: store closed x+…" \(/);
  assert.ok(issues[0].message.length < 200);
  assert.match(issues[1].message, /reading it threw "not yet" \(/);
  assert.match(issues[2].message, /reading it threw an error \(/);
});

test('a class instance: its getters on the prototype are not its own fields (as in JSON), and throw nowhere', () => {
  class Session {
    name = 'Stay and Play';
    get id(): string {
      throw new Error('not loaded');
    }
  }
  const { feed, issues } = validateFeed(minimalFeed({ sessions: [session, new Session()] }));
  assert.deepEqual(
    feed.sessions?.map((s) => s.id),
    ['baby-massage-monday'],
  );
  assert.deepEqual(
    issues.map((i) => [i.path, i.code]),
    [
      ['sessions[1].id', 'required'],
      ['sessions[1].schedule', 'required'],
    ],
  );
  assert.equal(issues[0].item?.name, 'Stay and Play');
});

test('a service and a timeline stage that throw are skipped the same way', () => {
  const { feed, issues } = validateFeed(
    minimalFeed({
      services: [throwing({ ...service, id: 'bad' }, 'contact'), service],
      timeline: { stages: [throwing({ id: 'x', from: { week: 1 }, title: 'A' }, 'title')] },
    }),
  );
  assert.deepEqual(
    feed.services?.map((s) => s.id),
    ['dadpad'],
  );
  assert.deepEqual(
    issues.map((i) => [i.path, i.code]),
    [
      ['services[0].contact', 'read'],
      ['timeline.stages[0].title', 'read'],
    ],
  );
});

test('a session that throws only for its id is skipped; the calendar warning does not read it again', () => {
  const needy = { ...session, id: 'needy', schedule: { ...session.schedule, termTimeOnly: true } };
  const { feed, issues } = validateFeed(minimalFeed({ sessions: [throwing({ ...session }, 'id'), needy] }));
  assert.deepEqual(
    feed.sessions?.map((s) => s.id),
    ['needy'],
  );
  assert.deepEqual(
    issues.map((i) => [i.path, i.code]),
    [
      ['sessions[0].id', 'read'],
      ['sessions[1].schedule.termTimeOnly', 'rule'],
    ],
  );
});

test('where the feed itself or one of its parts throws, the feed fails and the error says where', () => {
  const cases: [unknown, RegExp][] = [
    [throwing(minimalFeed(), 'sessions', new Error('top')), /^The feed threw "Error: top" reading sessions\.$/],
    [throwing(minimalFeed(), 'version'), /^The feed threw "Error: lazy field not loaded" reading version\.$/],
    [
      { ...minimalFeed(), publisher: throwing({ name: 'Hub' }, 'name', 'down') },
      /^The feed threw "down" reading publisher\.$/,
    ],
    // a value with no text form of its own: the feed error still names the part
    [throwing(minimalFeed(), 'sessions', Object.create(null)), /^The feed threw an object reading sessions\.$/],
  ];
  // Revoked: even asking whether it is a list throws (in words each engine has its own).
  const { proxy, revoke } = Proxy.revocable(minimalFeed(), {});
  revoke();
  cases.push([proxy, /^The feed threw "TypeError: [^"]+" reading it\.$/]);
  for (const [input, message] of cases) {
    assert.throws(
      () => validateFeed(input),
      (e: unknown) => e instanceof FeedValidationError && message.test(e.message),
      String(message),
    );
  }
});
