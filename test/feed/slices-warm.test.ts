import { expect } from '@open-wc/testing';
import { arrive, sliced } from '../../src/feed/slices.js';

// Its own file: the warm-up happens once per page, at the first element's arrival.
describe('arrive', () => {
  it("loads the date and time-zone data at a page's first element, alone, before later work", async () => {
    const Original = Intl.DateTimeFormat;
    const log: string[] = [];
    Intl.DateTimeFormat = new Proxy(Original, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        log.push(`${String(args[0])} ${args[1]?.timeZone}`);
        return Reflect.construct(target, args) as Intl.DateTimeFormat;
      },
    });
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
      Intl.DateTimeFormat = Original;
    }
    // In the queue's next turn (alone(): nothing else of ours runs in that task), ahead of the work.
    // In the messages' own language (en-GB), which the elements format in: its data loaded with it.
    expect(log).to.deep.equal(['arrived', 'en-GB UTC', 'work']);
  });
});
