import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A task's states, numbered as @lit/task numbers them (plain constants, so the build writes the numbers). */
export const INITIAL = 0,
  PENDING = 1,
  COMPLETE = 2,
  ERROR = 3;
/** The states as @lit/task names them. */
export const TaskStatus = { INITIAL, PENDING, COMPLETE, ERROR } as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

export interface TaskConfig<A extends readonly unknown[], R> {
  /**
   * The work, given the arguments and a signal that aborts when they change or the host leaves
   * the page. Returns the value, or a promise of it; a value returned at once completes the task
   * in the same update, so what is already at hand renders without a loading state.
   */
  task: (args: A, options: { signal: AbortSignal }) => R | PromiseLike<R>;
  /** The arguments, read before each update of the host; the task runs again when one changes (`!==`). */
  args: () => A;
}

const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof (v as PromiseLike<unknown>)?.then == 'function';

/**
 * One asynchronous step from an element's inputs to what it renders, with the contract of
 * @lit/task's `Task` (status, value, error, `render()`, `run()`, `taskComplete`, an AbortSignal, a
 * stale run's result ignored; test/internal/task.test.ts runs the same contract against both) and
 * two differences the elements need: a value the task function returns at once completes the task
 * within the same update, and a run cut short by the host leaving the page runs again when it
 * comes back. While a new run is pending, `value` keeps the last one (a stale copy stays on screen).
 */
export class Task<const A extends readonly unknown[], R> implements ReactiveController {
  status: TaskStatus = INITIAL;
  value?: R;
  error?: unknown;
  private last?: A;
  private controller?: AbortController;
  private runs = 0;
  private done?: { promise: Promise<R>; resolve: (v: R) => void; reject: (e: unknown) => void };

  constructor(
    private host: ReactiveControllerHost,
    private config: TaskConfig<A, R>,
  ) {
    host.addController(this);
  }

  /** Settles when the current run does: with its value, or its error. */
  get taskComplete(): Promise<R> {
    if (this.status == COMPLETE) return Promise.resolve(this.value as R);
    if (this.status == ERROR) return Promise.reject(this.error);
    if (!this.done) {
      let resolve!: (v: R) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<R>((res, rej) => ((resolve = res), (reject = rej)));
      promise.catch(() => {}); // nobody may be waiting
      this.done = { promise, resolve, reject };
    }
    return this.done.promise;
  }

  hostUpdate(): void {
    const args = this.config.args();
    const last = this.last;
    if (!last || args.length != last.length || args.some((a, i) => a !== last[i])) this.run(args);
  }

  hostConnected(): void {
    // A run aborted when the host left: run again now it is back.
    if (!this.last) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    if (this.status == PENDING) {
      this.abort();
      this.last = undefined;
    }
  }

  /** Runs the task now (with these arguments, else the current ones), as after a change. */
  run(args: A = this.config.args()): void {
    this.last = args;
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const run = ++this.runs;
    let result: R | PromiseLike<R>;
    try {
      result = this.config.task(args, { signal: controller.signal });
    } catch (e) {
      return this.settle(ERROR, e, false);
    }
    if (!isThenable(result)) return this.settle(COMPLETE, result, false);
    this.status = PENDING;
    this.host.requestUpdate();
    result.then(
      (v) => run == this.runs && this.settle(COMPLETE, v, true),
      (e) => run == this.runs && this.settle(ERROR, e, true),
    );
  }

  /** Stops the pending run (its signal aborts; its result, if any, is ignored). */
  abort(reason?: unknown): void {
    if (this.status != PENDING) return;
    this.runs++;
    this.controller?.abort(reason);
  }

  /** Renders by status, as @lit/task's `render()`. */
  render<T>(r: {
    initial?: () => T;
    pending?: () => T;
    complete?: (value: R) => T;
    error?: (error: unknown) => T;
  }): T | undefined {
    switch (this.status) {
      case INITIAL:
        return r.initial?.();
      case PENDING:
        return r.pending?.();
      case COMPLETE:
        return r.complete?.(this.value as R);
      default:
        return r.error?.(this.error);
    }
  }

  private settle(status: TaskStatus, outcome: unknown, later: boolean) {
    this.status = status;
    if (status == COMPLETE) this.value = outcome as R;
    else this.error = outcome;
    const done = this.done;
    this.done = undefined;
    if (status == COMPLETE) done?.resolve(outcome as R);
    else done?.reject(outcome);
    if (later) this.host.requestUpdate();
  }
}
