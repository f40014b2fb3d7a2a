import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { LitElement, type ReactiveControllerHost } from 'lit';
import { Task as LitTask } from '@lit/task';
import { Task, TaskStatus } from '../../src/internal/task.js';

/**
 * The contract the elements rely on, run against our Task and against @lit/task's, the library
 * it stands in for: a difference here is a difference from the well-kept original.
 */
type AnyTask = {
  status: number;
  value?: unknown;
  error?: unknown;
  taskComplete: Promise<unknown>;
  run(args?: readonly unknown[]): unknown;
  render<T>(r: {
    initial?: () => T;
    pending?: () => T;
    complete?: (v: unknown) => T;
    error?: (e: unknown) => T;
  }): T | undefined;
};
type Make = (
  host: ReactiveControllerHost,
  config: {
    args: () => readonly unknown[];
    task: (args: readonly unknown[], o: { signal: AbortSignal }) => unknown;
  },
) => AnyTask;

const implementations: [string, Make][] = [
  ['internal/task.ts', (host, config) => new Task(host, config as never) as unknown as AnyTask],
  ['@lit/task', (host, config) => new LitTask(host, config as never) as unknown as AnyTask],
];

let n = 0;
/** A host element with one input, `x`, and a task made by `make`. */
async function hostWith(make: Make, task: (args: readonly unknown[], o: { signal: AbortSignal }) => unknown) {
  const tag = `task-host-${++n}`;
  class Host extends LitElement {
    static override properties = { x: {} };
    x = 1;
    task = make(this, { args: () => [this.x], task });
    override render() {
      return this.task.render({
        initial: () => 'initial',
        pending: () => 'pending',
        complete: (v) => `complete ${v}`,
        error: (e) => `error ${(e as Error).message}`,
      });
    }
  }
  customElements.define(tag, Host);
  const el = (await fixture(html`<div></div>`)).appendChild(document.createElement(tag)) as Host;
  await el.updateComplete;
  return el;
}
const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
const settled = async (el: LitElement) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
  }
};

describe('Task', () => {
  afterEach(() => fixtureCleanup());

  for (const [name, make] of implementations) {
    describe(`the contract, with ${name}`, () => {
      it('runs when its host updates, shows pending, then the value', async () => {
        const d = deferred<string>();
        const el = await hostWith(make, () => d.promise);
        expect(el.task.status).to.equal(TaskStatus.PENDING);
        expect(el.shadowRoot!.textContent).to.equal('pending');
        d.resolve('one');
        expect(await el.task.taskComplete).to.equal('one');
        await settled(el);
        expect(el.task.status).to.equal(TaskStatus.COMPLETE);
        expect(el.shadowRoot!.textContent).to.equal('complete one');
      });

      it('runs again when an argument changes, aborting the run before and ignoring its result', async () => {
        const runs: { args: readonly unknown[]; signal: AbortSignal; d: ReturnType<typeof deferred<string>> }[] = [];
        const el = await hostWith(make, (args, { signal }) => {
          const d = deferred<string>();
          runs.push({ args, signal, d });
          return d.promise;
        });
        el.x = 2;
        await el.updateComplete;
        expect(runs.map((r) => r.args[0])).to.deep.equal([1, 2]);
        expect(runs[0].signal.aborted).to.equal(true);
        expect(runs[1].signal.aborted).to.equal(false);
        runs[1].d.resolve('two');
        runs[0].d.resolve('one, too late');
        await settled(el);
        expect(el.task.value).to.equal('two');
        expect(el.shadowRoot!.textContent).to.equal('complete two');
      });

      it('does not run again when its host updates with the same arguments', async () => {
        let calls = 0;
        const el = await hostWith(make, async () => ++calls);
        await settled(el);
        el.requestUpdate();
        await settled(el);
        expect(calls).to.equal(1);
      });

      it('shows an error, and recovers when run again', async () => {
        let fail = true;
        const el = await hostWith(make, async () => {
          if (fail) throw new Error('no');
          return 'yes';
        });
        await settled(el);
        expect(el.task.status).to.equal(TaskStatus.ERROR);
        expect((el.task.error as Error).message).to.equal('no');
        expect(el.shadowRoot!.textContent).to.equal('error no');
        fail = false;
        el.task.run();
        await settled(el);
        expect(el.task.status).to.equal(TaskStatus.COMPLETE);
        expect(el.shadowRoot!.textContent).to.equal('complete yes');
      });

      it('keeps the last value while a new run is pending', async () => {
        const d = deferred<string>();
        const el = await hostWith(make, (args) => (args[0] == 1 ? Promise.resolve('first') : d.promise));
        await settled(el);
        el.x = 2;
        await el.updateComplete;
        expect(el.task.status).to.equal(TaskStatus.PENDING);
        expect(el.task.value).to.equal('first');
        d.resolve('second');
        await settled(el);
        expect(el.task.value).to.equal('second');
      });
    });
  }

  describe('where it differs from @lit/task, as the elements need', () => {
    it('completes within the same update when the value is at hand (no loading flash)', async () => {
      const seen: string[] = [];
      const el = await hostWith(
        (host, config) => new Task(host, config as never) as unknown as AnyTask,
        (args) => `sync ${args[0]}`,
      );
      seen.push(el.shadowRoot!.textContent!);
      el.x = 2;
      await el.updateComplete;
      seen.push(el.shadowRoot!.textContent!);
      expect(seen).to.deep.equal(['complete sync 1', 'complete sync 2']);
    });

    it('runs again when its host comes back to the page after leaving mid-run', async () => {
      const runs: AbortSignal[] = [];
      const el = await hostWith(
        (host, config) => new Task(host, config as never) as unknown as AnyTask,
        (_args, { signal }) => {
          runs.push(signal);
          return new Promise(() => {});
        },
      );
      const parent = el.parentElement!;
      el.remove();
      expect(runs[0].aborted).to.equal(true);
      parent.append(el);
      await el.updateComplete;
      expect(runs.length).to.equal(2);
      expect(runs[1].aborted).to.equal(false);
    });
  });
});
