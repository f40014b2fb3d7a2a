import { expect } from '@open-wc/testing';
import { arrive, sliced } from '../../src/feed/slices.js';

// Its own file: the warm-up happens once per page, at the first element's arrival.
describe('arrive', () => {
  it("loads the browser's locale data at a page's first element, a step a task, before later work", async () => {
    const log: string[] = [];
    const originals = {
      Locale: Intl.Locale,
      Collator: Intl.Collator,
      NumberFormat: Intl.NumberFormat,
      DateTimeFormat: Intl.DateTimeFormat,
    };
    for (const name of Object.keys(originals) as (keyof typeof originals)[])
      Object.assign(Intl, {
        [name]: new Proxy(originals[name], {
          construct(target, args: [string, { timeZone?: string }?]) {
            log.push(`${name} ${args[0]}${args[1]?.timeZone ? ` ${args[1].timeZone}` : ''}`);
            return Reflect.construct(target, args) as object;
          },
        }),
      });
    // Marks task boundaries: a message that posts itself again, on a fresh channel each time, as the
    // queue's own turns are posted (posted messages run in order, each in a task of its own).
    let ticking = true;
    const tick = () => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        log.push('tick');
        channel.port1.close();
        if (ticking) tick();
      };
      channel.port2.postMessage(0);
    };
    tick();
    try {
      arrive();
      log.push('arrived'); // not in arrive() itself
      await sliced(
        (function* () {
          log.push('work');
          yield;
        })(),
      );
      arrive(); // a second element: nothing more
      await sliced(
        (function* () {
          yield;
        })(),
      );
    } finally {
      Object.assign(Intl, originals);
      ticking = false;
    }
    // In British English (the messages' own language, which the elements format in), in the queue's
    // next turns (alone(): nothing else of ours in those tasks), ahead of the work.
    const steps = log.filter((l) => l != 'tick');
    expect(steps).to.deep.equal([
      'arrived',
      'Locale en-GB',
      'Collator en-GB',
      'NumberFormat en-GB',
      'DateTimeFormat en-GB UTC',
      'work',
    ]);
    // Each step in a task of its own: another task ran between any two. Not checked in WebKit, which
    // may dispatch the messages of several channels in one task (under load it ran two of the queue's
    // turns with no tick between), so ticks cannot mark its tasks; there the order above is checked.
    const ticksMarkTasks = !/AppleWebKit/.test(navigator.userAgent) || /Chrome/.test(navigator.userAgent);
    for (let i = 2; ticksMarkTasks && i < steps.length; i++) {
      const between = log.slice(log.indexOf(steps[i - 1]) + 1, log.indexOf(steps[i]));
      expect(between, `a task between ${steps[i - 1]} and ${steps[i]}`).to.include('tick');
    }
  });
});
