/**
 * Long work in short tasks. A generator yields between units of work; `sliced` runs it until it
 * finishes, returning the value at once when it takes less than `budget` milliseconds, and
 * otherwise carrying on in later tasks so that no single task blocks the page for long (a 5,000
 * session feed is read and expanded without a long task). No DOM.
 */

/** Channels with a message on its way, held until it arrives (an unheld one can be collected first). */
const inFlight = new Set<MessageChannel>();
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

export function sliced<T>(work: Generator<void, T>, budget = 12): T | Promise<T> {
  const run = () => {
    const end = performance.now() + budget;
    for (;;) {
      const step = work.next();
      if (step.done) return step;
      if (performance.now() > end) return undefined;
    }
  };
  const first = run();
  if (first) return first.value;
  return new Promise<T>((resolve, reject) => {
    const next = () => {
      try {
        const step = run();
        if (step) resolve(step.value);
        else later(next);
      } catch (e) {
        reject(e);
      }
    };
    later(next);
  });
}

/** Runs a generator to the end in one go. */
export function drain<T>(work: Generator<void, T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}
