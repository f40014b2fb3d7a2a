/**
 * Long work in short tasks, shared fairly by everything on the page. A generator yields between
 * units of work; `sliced` runs it until it finishes, returning the value at once when it fits in
 * the current slice of time, and otherwise carrying on in later tasks. The slice is one per task
 * for the whole page: every element's feed reading, schedule expansion and update (see `turn`)
 * draws on the same few milliseconds, so two hundred elements on one feed make many short tasks,
 * never one long one; and after a slice of updates the next waits for the page to draw a frame,
 * so no frame lays out more than one slice's worth of new content. No DOM of its own.
 */

/** Channels with a message on its way, held until it arrives (an unheld one can be collected first). */
const inFlight = new Set<MessageChannel>();

/** Milliseconds of work per task, for all callers together. */
export const SLICE = 8;

const later: (f: () => void) => void =
  typeof MessageChannel == 'function'
    ? (f) => {
        // Unlike setTimeout, a message is not clamped to 4 ms after a few nested calls.
        const channel = new MessageChannel();
        inFlight.add(channel);
        channel.port1.onmessage = () => {
          inFlight.delete(channel);
          channel.port1.close();
          f();
        };
        channel.port2.postMessage(0);
      }
    : (f) => setTimeout(f, 0);

/**
 * Runs `f` in a task after the page's next frame, so the frame shows what came before. (A page
 * hidden meanwhile draws none until it shows again: its work waits till then.)
 */
const afterFrame = (f: () => void) =>
  requestAnimationFrame(() => {
    drawn = true;
    later(f);
  });

/** When the current task's slice ends (0: no slice started in this task yet). */
let deadline = 0;
/** Work waiting for a later task, first come first served. */
const waiting: (() => void)[] = [];
let flushing = false;
/**
 * Whether the page has drawn a frame since an update (`turn`) last changed it. If not, waiting work
 * waits for one: each frame lays out and measures only one slice's updates, so two hundred
 * elements never make one long frame; work that changes no DOM (`sliced`) runs task after task.
 */
let drawn = true;

/** Starts this task's slice if none is running; whether time is left in it. */
function hasTime(budget = SLICE): boolean {
  const now = performance.now();
  if (!deadline) {
    deadline = now + budget;
    // The next task starts afresh (it runs after anything this task queued before it).
    later(() => (deadline = 0));
  }
  return now < deadline;
}

/**
 * A page's first `Intl` formatter loads the browser's locale data: 30-60 ms of CPU in Chromium, in one
 * call that cannot be cut, which an element's first dates or the feed's time-zone check would carry.
 * These steps load it in four tasks of their own (about 10-20 ms each), ahead of any work that needs
 * it: likely subtags, the locale's data (with its collation, which the filters' sorting uses), its
 * numbers, then dates with time zones. In British English, the messages' own language, in which the
 * elements and the schedule's clock (civil.ts) format: with 'en', their first formatters still took
 * 2-3 ms more each.
 */
const WARM: (() => unknown)[] = [
  () => new Intl.Locale('en-GB').maximize(),
  () => new Intl.Collator('en-GB'),
  () => new Intl.NumberFormat('en-GB'),
  () => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC' }),
];

/**
 * Starts this task's slice now, if none is running. An element's constructor calls it, so the time
 * a page spends creating elements counts: two hundred elements made in one task (the page's own
 * parse) leave their first updates to later tasks, rather than adding them to that one. Once the
 * slice has begun, the clock is not read: a page that makes a thousand elements in one task does
 * not read it a thousand times (issue 12).
 */
export const arrive = (): void => {
  if (!warmed) {
    warmed = true;
    for (const step of WARM) void alone().then(step);
  }
  if (!deadline) hasTime();
};
let warmed = false;

/** Runs `unit` in a later task, behind the work already waiting, once `flush` finds time for it; settles with it. */
const queued = <T>(unit: () => T) =>
  new Promise<T>((resolve, reject) => {
    waiting.push(() => {
      try {
        resolve(unit());
      } catch (e) {
        reject(e);
      }
    });
    wait();
  });

/**
 * Resolves in a later task, in turn with the page's other waiting work, and ends that task's slice:
 * for one step that cannot be cut (`JSON.parse` of a long feed), so that nothing of ours runs after
 * it in that task.
 */
export const alone = (): Promise<void> =>
  queued(() => {
    deadline = 1; // long past
  });

function flush() {
  flushing = false;
  deadline = 0;
  while (waiting.length && hasTime()) waiting.shift()!();
  if (waiting.length) wait();
}
function wait() {
  if (flushing) return;
  flushing = true;
  (drawn || document.hidden ? later : afterFrame)(flush);
}

/**
 * Runs `job` (an update that changes the page) now if this task's slice has time left, else in a
 * later task, in turn with other waiting work, and after the page has drawn what the last slice's
 * updates changed. Returns undefined when it ran at once, else a promise settled once it has run.
 */
export const turn = (job: () => void): void | Promise<void> => {
  // No generator, and no look at the clock once work waits: a page's elements each call this in the
  // task they all arrive in (issue 12).
  const run = () => {
    drawn = false;
    job();
  };
  return !waiting.length && hasTime() ? run() : queued(run);
};

/**
 * Runs `work` to the end: synchronously if it fits in this task's slice (of at most `budget` ms
 * when it starts one), else across later tasks, in turn with the page's other work.
 */
export function sliced<T>(work: Generator<void, T>, budget = SLICE): T | Promise<T> {
  // The clock is read before each unit but the first: the generator's start, up to its first
  // yield. A step resumed by `flush`, which has just found time, does one
  // unit without looking again (a job queued before it started: its start), so no two units ever
  // run on one look. Work begun in a task with no slice yet starts one first, so its first unit
  // counts against it.
  let started = false;
  const step = (resumed?: boolean) => {
    for (;;) {
      if (started && !resumed && !hasTime(budget)) return undefined;
      resumed = false; // flush's one look at the clock is for one unit, the generator's start or not
      started = true;
      const s = work.next();
      if (s.done) return s;
    }
  };
  hasTime(budget);
  const first = waiting.length ? undefined : step();
  if (first) return first.value;
  const next = (): Promise<T> => queued(() => step(true)).then((s) => (s ? s.value : next()));
  return next();
}

/** Runs a generator to the end in one go. */
export function drain<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
