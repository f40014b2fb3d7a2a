import { expect } from '@open-wc/testing';
import { drain, sliced, SLICE, turn } from '../../src/feed/slices.js';
import { countFrames } from '../fixtures/frames.js';

function* count(n: number, spin = 0) {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const end = performance.now() + spin;
    while (performance.now() < end) {
      // busy: a unit of work that takes `spin` ms
    }
    total += i;
    yield;
  }
  return total;
}

describe('sliced', () => {
  it('returns the value at once when the work is short', () => {
    expect(sliced(count(10))).to.equal(45);
  });

  it('carries on in later tasks when the work is long, and gets the same value', async () => {
    const result = sliced(count(20, 2), 5);
    expect(result instanceof Promise, 'more than one slice of work').to.equal(true);
    let otherTaskRan = false;
    setTimeout(() => (otherTaskRan = true));
    expect(await result).to.equal(190);
    expect(otherTaskRan).to.equal(true); // the page got a turn in between
  });

  it('counts every unit against the slice: a unit longer than a slice runs alone, with a break after it', async () => {
    await new Promise((resolve) => setTimeout(resolve, 20)); // a task in which no slice has begun
    // Units run with no break between them (no microtask checkpoint, so in one task) share a run:
    // the first unit of a run queues a microtask, which runs once the run is over.
    let run = 0;
    let marked = false;
    const perRun: number[] = [];
    function* long() {
      for (let i = 0; i < 5; i++) {
        const end = performance.now() + SLICE + 2; // each unit longer than a slice
        while (performance.now() < end) {
          // busy
        }
        if (!marked) {
          marked = true;
          queueMicrotask(() => ((marked = false), run++));
        }
        perRun[run] = (perRun[run] ?? 0) + 1;
        yield;
      }
      return perRun.length;
    }
    const result = sliced(long());
    expect(perRun, 'units run before sliced returned').to.deep.equal([1]);
    // Before: a job resumed in a later task ran two units before it looked at the clock.
    expect(await result).to.equal(5);
    expect(perRun).to.deep.equal([1, 1, 1, 1, 1]);
  });

  it('a job queued behind another runs one long unit a task too, from its very first', async () => {
    await new Promise((resolve) => setTimeout(resolve, 20)); // a task in which no slice has begun
    // As above: the first unit of a run with no break queues a microtask, which ends the run.
    let run = 0;
    let marked = false;
    const perRun: string[][] = [];
    function* long(name: string) {
      for (let i = 0; i < 4; i++) {
        const end = performance.now() + SLICE + 2; // each unit longer than a slice
        while (performance.now() < end) {
          // busy
        }
        if (!marked) {
          marked = true;
          queueMicrotask(() => ((marked = false), run++));
        }
        (perRun[run] ??= []).push(`${name}${i}`);
        yield;
      }
      return name;
    }
    const a = sliced(long('a'));
    const b = sliced(long('b')); // queued before its first unit
    expect(await Promise.all([a, b])).to.deep.equal(['a', 'b']);
    // Before: b's start and its next unit ran together, on flush's one look at the clock.
    expect(perRun.map((units) => units.length)).to.deep.equal(Array(8).fill(1));
    expect(perRun.flat()).to.deep.equal(['a0', 'a1', 'b0', 'a2', 'b1', 'a3', 'b2', 'b3']);
  });

  it('passes on an error thrown part-way', async () => {
    function* failing() {
      yield;
      throw new Error('bad item');
    }
    expect(() => sliced(failing())).to.throw('bad item');
    // Twenty units of a millisecond each: more than one slice, so the error comes in a later task.
    function* slowFailing() {
      yield* count(20, 1);
      throw new Error('late');
    }
    let caught: unknown;
    await (sliced(slowFailing(), 1) as Promise<never>).catch((e) => (caught = e));
    expect((caught as Error).message).to.equal('late');
  });

  it('drain runs everything in one go', () => {
    expect(drain(count(5))).to.equal(10);
  });
});

describe('turn: one slice of time per task for the whole page', () => {
  it('runs work at once while the slice has time, then in later tasks, in order', async () => {
    await new Promise((resolve) => setTimeout(resolve, 20)); // a task in which no slice has begun
    const ran: number[] = [];
    const tasks = new Set<number>();
    let task = 0;
    const tick = setInterval(() => task++, 0);
    try {
      const waits = Array.from({ length: 40 }, (_, i) =>
        turn(() => {
          const end = performance.now() + 1; // a millisecond of work each
          while (performance.now() < end) {
            // busy
          }
          ran.push(i);
          tasks.add(task);
        }),
      );
      // Booleans, never a promise, as the value an assertion reports: web-test-runner in WebKit never
      // finishes reporting a failure whose value is a pending promise (the file hangs for 300 s).
      expect(waits[0] instanceof Promise, 'the first job waits').to.equal(false);
      expect(waits.at(-1) instanceof Promise, 'the last waits for a later task').to.equal(true);
      await Promise.all(waits);
    } finally {
      clearInterval(tick);
    }
    expect(ran).to.deep.equal([...Array(40).keys()]);
    expect(tasks.size, 'spread over several tasks').to.be.greaterThan(2);
  });

  it('shares that slice with sliced work: however many callers, a task does a slice of work', async () => {
    // Two hundred callers at once, each with ten units of half a millisecond. Counted in units, not
    // timed: a busy machine can pause any task, but no task may run more units than fit in a slice.
    // Which task a unit runs in: the first unit of a task posts a message, which runs after it.
    let task = 0;
    let marked = false;
    const mark = () => {
      if (marked) return;
      marked = true;
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => ((marked = false), task++, port1.close());
      port2.postMessage(0);
    };
    const perTask = new Map<number, number>();
    function* units() {
      for (let i = 0; i < 10; i++) {
        const end = performance.now() + 0.5;
        while (performance.now() < end) {
          // busy
        }
        mark();
        perTask.set(task, (perTask.get(task) ?? 0) + 1);
        yield;
      }
      return 1;
    }
    const results = await Promise.all(Array.from({ length: 200 }, () => sliced(units())));
    expect(results.reduce((a, b) => a + b, 0)).to.equal(200);
    const most = Math.max(...perTask.values());
    expect(most, 'units in the busiest task').to.be.at.most(SLICE / 0.5 + 2);
    expect(perTask.size, 'tasks the work took').to.be.at.least(2000 / (SLICE / 0.5 + 2));
  });
});

describe('turn: the page draws between slices of updates', () => {
  it('after a slice of updates, the next waits for a frame: no frame lays out more than one slice', async function () {
    // A hidden page draws no frames: there the work goes on task after task.
    if (document.hidden) this.skip();
    const frames = countFrames();
    // Which task an update runs in: the first update of a task posts a message, which runs after it.
    let task = 0;
    let marked = false;
    const mark = () => {
      if (marked) return;
      marked = true;
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => ((marked = false), task++, port1.close());
      port2.postMessage(0);
    };
    /** The frames drawn before each task's first update. */
    const framesBefore = new Map<number, number>();
    const updates = Array.from({ length: 60 }, () =>
      turn(() => {
        const end = performance.now() + 1; // a millisecond of work each
        while (performance.now() < end) {
          // busy
        }
        mark();
        if (!framesBefore.has(task)) framesBefore.set(task, frames.frames());
      }),
    );
    await Promise.all(updates);
    frames.stop();
    const seen = [...framesBefore.values()];
    expect(seen.length, 'tasks the updates took').to.be.greaterThan(2);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i], `a frame before the updates of task ${i}`).to.be.greaterThan(seen[i - 1]);
  });

  it('work that changes nothing on the page (sliced) does not wait for frames', async () => {
    // One job that has to wait first (its first unit is longer than a slice, so its second waits
    // whatever this task's slice had left), so any frame owed to an earlier test's updates is drawn.
    await sliced(count(2, SLICE + 1), 1);
    // Then no frame ever comes: sliced work goes on task after task all the same. (Counting frames
    // against tasks instead depends on how often a browser draws: WebKit under Xvfb draws one for
    // nearly every task.)
    const raf = window.requestAnimationFrame;
    let asked = 0;
    window.requestAnimationFrame = () => ++asked;
    try {
      const result = sliced(count(400, 0.1), 1);
      expect(result instanceof Promise, 'more than one slice of work').to.equal(true);
      expect(await result).to.equal((399 * 400) / 2);
      expect(asked, 'frames asked for').to.equal(0);
    } finally {
      window.requestAnimationFrame = raf;
    }
  });
});
