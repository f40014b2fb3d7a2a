/**
 * The saved copy of a long feed (issue 12): writing a megabyte to localStorage in one call was one task
 * of 50–65 ms, so a text longer than PIECE_CHARS is written in pieces, one per task, and the copy is
 * switched to it only when it is whole.
 */
import { expect } from '@open-wc/testing';
import { clearFeedCache, FeedHttpError, forgetFeed, loadFeed, readFeed } from '../../src/feed/index.js';
import {
  PIECE_CHARS,
  STORE_MAX_ENTRIES,
  STORE_PREFIX,
  TEXT_PREFIX,
  saveFeed,
  storeKey,
  textId,
} from '../../src/feed/store.js';
import { minimalFeed } from '../fixtures/feeds.js';
import { json, stubFetch } from '../fixtures/network.js';

const URL_A = 'https://feeds.example.org/long.json';
const DAY = 86400_000;
/** A feed's text of about `chars` UTF-16 code units (a long description), different for each `n`. */
const longFeed = (chars: number, n = 0) => {
  const feed = minimalFeed();
  feed.sessions = [{ ...feed.sessions[0], description: `${n} ${'Songs, rhymes and stories. '.repeat(chars / 27)}` }];
  return JSON.stringify(feed);
};
const texts = () => Object.keys(localStorage).filter((k) => k.startsWith(TEXT_PREFIX));
const pieces = () => texts().filter((k) => k.includes(' '));
const originals = { setItem: Storage.prototype.setItem };
/** Runs `f` once piece `i` of `text` has been written (before the next is: in a microtask). */
const afterPiece = (text: string, i: number, f: () => void) => {
  const piece = `${TEXT_PREFIX}${textId(text)} ${i}`;
  const { setItem } = Storage.prototype;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    setItem.call(this, key, value);
    if (key == piece) queueMicrotask(f);
  };
};
/** Every setItem call from now on, with the number of other tasks that ran before it (`ticks`). */
const watch = () => {
  const calls: { key: string; length: number; ticks: number }[] = [];
  // Another task, posted again each time it runs, as the page's other work would be.
  let ticks = 0;
  let on = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    ticks++;
    if (on) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    calls.push({ key, length: value.length, ticks });
    return originals.setItem.call(this, key, value);
  };
  return {
    calls,
    stop: () => {
      on = false;
      channel.port1.close();
      Storage.prototype.setItem = originals.setItem;
    },
  };
};

describe('the saved copy of a long feed (issue 12)', () => {
  beforeEach(() => {
    localStorage.clear();
    forgetFeed();
  });
  afterEach(() => {
    Storage.prototype.setItem = originals.setItem;
    forgetFeed();
    localStorage.clear();
  });

  it('is written in pieces, one per task, and read back whole', async () => {
    const text = longFeed(998_000);
    expect(text.length).to.be.within(990_000, 1_000_000);
    const w = watch();
    const saving = saveFeed(URL_A, text);
    // Nothing long is written in the caller's task: the copy is not there yet.
    expect(Math.max(0, ...w.calls.map((c) => c.length))).to.be.lessThan(100);
    expect(readFeed(URL_A)).to.equal(undefined);
    expect(await saving).to.equal(true);
    w.stop();
    expect(Math.max(...w.calls.map((c) => c.length)), 'the longest write').to.equal(PIECE_CHARS);
    const written = w.calls.filter((c) => c.key.startsWith(TEXT_PREFIX) && c.key.includes(' '));
    expect(written.length).to.equal(Math.ceil(text.length / PIECE_CHARS));
    // The page's other tasks ran between one piece and the next (WebKit at times delivers two ports'
    // messages in one task, so between most; written in one task, between none).
    const between = written.filter((c, i) => i > 0 && c.ticks > written[i - 1].ticks).length;
    expect(between, 'pieces written after other tasks').to.be.at.least(written.length / 2);
    expect(readFeed(URL_A)?.text === text).to.equal(true);
    expect(localStorage.getItem(storeKey(URL_A))!.length).to.be.lessThan(100);
  });

  it('is shared by the copies of one feed for several kinds of element: its pieces are written once', async () => {
    const text = longFeed(300_000);
    const w = watch();
    const saved = await Promise.all([
      saveFeed(URL_A, text, Date.now(), 'sessions'),
      saveFeed(URL_A, text, Date.now(), 'services'),
    ]);
    w.stop();
    expect(saved).to.deep.equal([true, true]);
    const n = Math.ceil(text.length / PIECE_CHARS);
    expect(pieces()).to.have.length(n);
    expect(w.calls.filter((c) => c.key.startsWith(TEXT_PREFIX) && c.key.includes(' '))).to.have.length(n);
    expect(readFeed(URL_A, 'sessions')?.text === text).to.equal(true);
    expect(readFeed(URL_A, 'services')?.text === text).to.equal(true);
    // Forgetting one kind's copy leaves the text the other names.
    await saveFeed(URL_A, '{"version":1}', Date.now(), 'sessions');
    expect(pieces()).to.have.length(n);
    expect(readFeed(URL_A, 'services')?.text === text).to.equal(true);
    await saveFeed(URL_A, '{"version":1}', Date.now(), 'services');
    expect(texts()).to.deep.equal([]);
  });

  it('keeps the old copy until the new one is whole, then removes the old text', async () => {
    const [first, second] = [longFeed(200_000, 1), longFeed(200_000, 2)];
    await saveFeed(URL_A, first, Date.now() - DAY);
    let meanwhile: string | undefined;
    afterPiece(second, 1, () => (meanwhile = readFeed(URL_A)?.text));
    expect(await saveFeed(URL_A, second)).to.equal(true);
    expect(meanwhile === first, 'the old copy, while the new one is written').to.equal(true);
    expect(readFeed(URL_A)?.text === second).to.equal(true);
    expect(texts().every((k) => k.includes(textId(second)))).to.equal(true);
  });

  for (const [what, harm] of [
    ['a changed piece', (k: string) => localStorage.setItem(k, `${localStorage.getItem(k)!.slice(1)}x`)],
    ['a missing piece', (k: string) => localStorage.removeItem(k)],
    ['a piece cut short', (k: string) => localStorage.setItem(k, localStorage.getItem(k)!.slice(1))],
  ] as const) {
    it(`is discarded quietly, with its text, when it has ${what}`, async () => {
      await saveFeed(URL_A, longFeed(200_000));
      harm(pieces()[1]);
      expect(readFeed(URL_A)).to.equal(undefined);
      expect(localStorage.getItem(storeKey(URL_A))).to.equal(null);
      expect(texts()).to.deep.equal([]);
    });
  }

  it('ignores a copy naming a text of an impossible length, or not there, or a name no text has', () => {
    const ids = [
      'x-y-5000000',
      'x-y-100',
      `x-y-${PIECE_CHARS * 2}`,
      'x-y-1e300',
      'x-y-1e9',
      '--',
      'x-y-NaN',
      '',
      'a b',
    ];
    for (const [i, id] of ids.entries()) {
      localStorage.setItem(storeKey(`${URL_A}?${i}`), JSON.stringify({ savedAt: Date.now(), pieces: id }));
      expect(readFeed(`${URL_A}?${i}`), id).to.equal(undefined);
    }
    expect(Object.keys(localStorage)).to.deep.equal([]);
  });

  it('removes a text no copy names on the next save, unless it was written in the last few minutes', async () => {
    // Left by tabs closed while they wrote (or still writing: the recent one).
    const [old, recent] = [textId(longFeed(100_000, 1)), textId(longFeed(100_000, 2))];
    localStorage.setItem(`${TEXT_PREFIX}${old}`, String(Date.now() - 11 * 60_000));
    localStorage.setItem(`${TEXT_PREFIX}${old} 0`, 'x'.repeat(PIECE_CHARS));
    localStorage.setItem(`${TEXT_PREFIX}${recent}`, String(Date.now() - 60_000));
    localStorage.setItem(`${TEXT_PREFIX}${recent} 0`, 'x'.repeat(PIECE_CHARS));
    localStorage.setItem(`${TEXT_PREFIX}no-record-${PIECE_CHARS + 1} 1`, 'x');
    await saveFeed(URL_A, '{"version":1}');
    expect(texts().sort()).to.deep.equal([`${TEXT_PREFIX}${recent}`, `${TEXT_PREFIX}${recent} 0`]);
  });

  it('writes none of the saves still waiting their turn when every feed is forgotten', async () => {
    const saves = [
      saveFeed(`${URL_A}?1`, longFeed(300_000, 1)),
      saveFeed(`${URL_A}?2`, '{"version":1}'),
      saveFeed(`${URL_A}?3`, longFeed(100_000, 3)),
    ];
    forgetFeed();
    expect(await Promise.all(saves)).to.deep.equal([false, false, false]);
    expect(Object.keys(localStorage)).to.deep.equal([]);
  });

  it('stops writing when its feed is forgotten meanwhile, and leaves nothing behind', async () => {
    afterPiece(longFeed(300_000), 1, () => forgetFeed(URL_A));
    expect(await saveFeed(URL_A, longFeed(300_000))).to.equal(false);
    expect(Object.keys(localStorage)).to.deep.equal([]);
  });

  it('is read by when it was saved, as a copy holding its text is: the oldest copy goes over the count', async () => {
    // A long copy saved last, then one saved earlier: the count keeps the newest.
    await saveFeed(`${URL_A}?long`, longFeed(100_000), Date.now() - DAY);
    await saveFeed(`${URL_A}?long-older`, longFeed(100_000, 1), Date.now() - 5 * DAY);
    for (let i = 0; i < STORE_MAX_ENTRIES - 1; i++)
      await saveFeed(`${URL_A}?${i}`, '{"version":1}', Date.now() - (4 - i) * 3600_000);
    expect(readFeed(`${URL_A}?long-older`)).to.equal(undefined);
    expect(readFeed(`${URL_A}?long`)?.text).to.equal(longFeed(100_000));
    expect(Object.keys(localStorage).filter((k) => k.startsWith(STORE_PREFIX))).to.have.length(STORE_MAX_ENTRIES);
    expect(texts().every((k) => k.includes(textId(longFeed(100_000))))).to.equal(true);
  });

  describe('when storage is full', () => {
    /** A quota in UTF-16 code units over every key and value, as browsers count it; `refuse` fails a key. */
    const quota = (units: number, refuse = (_key: string) => false) => {
      Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
        let used = 0;
        for (let i = 0; i < this.length; i++) {
          const k = this.key(i)!;
          if (k != key) used += k.length + (this.getItem(k)?.length ?? 0);
        }
        if (refuse(key) || used + key.length + value.length > units)
          throw new DOMException('full', 'QuotaExceededError');
        return originals.setItem.call(this, key, value);
      };
    };
    const used = () => Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k)!.length, 0);
    const other = longFeed(200_000, 9);

    it('evicts a copy this page does not use, with its text, to make room for a long one', async () => {
      await saveFeed(`${URL_A}?other`, other, Date.now() - DAY);
      const text = longFeed(150_000);
      quota(used() + 1_000);
      expect(await saveFeed(URL_A, text)).to.equal(true);
      expect(readFeed(URL_A)?.text === text).to.equal(true);
      expect(readFeed(`${URL_A}?other`)).to.equal(undefined);
      expect(texts().every((k) => k.includes(textId(text)))).to.equal(true);
    });

    it('evicts nothing when the long copy would not fit even then', async () => {
      await saveFeed(`${URL_A}?other`, other, Date.now() - DAY);
      quota(used() + 1_000);
      const removed: string[] = [];
      const { removeItem } = Storage.prototype;
      Storage.prototype.removeItem = function (this: Storage, key: string) {
        removed.push(key);
        return removeItem.call(this, key);
      };
      try {
        expect(await saveFeed(URL_A, longFeed(400_000))).to.equal(false);
      } finally {
        Storage.prototype.removeItem = removeItem;
      }
      expect(removed.filter((k) => !k.includes(textId(longFeed(400_000))))).to.deep.equal([]);
      expect(readFeed(`${URL_A}?other`)?.text === other).to.equal(true);
      expect(texts().every((k) => k.includes(textId(other)))).to.equal(true);
    });

    it('puts back what it evicted, and removes its own pieces, when a piece is refused after all', async () => {
      await saveFeed(`${URL_A}?other`, other, Date.now() - DAY);
      const mine = longFeed(100_000, 3);
      await saveFeed(URL_A, mine, Date.now() - 2 * DAY);
      quota(used() + 150_000, (key) => key.endsWith(' 2') && key.includes(textId(longFeed(250_000))));
      expect(await saveFeed(URL_A, longFeed(250_000))).to.equal(false);
      Storage.prototype.setItem = originals.setItem;
      expect(readFeed(`${URL_A}?other`)?.text === other, 'the evicted copy, put back').to.equal(true);
      expect(readFeed(URL_A)?.text === mine, 'the old copy of this feed').to.equal(true);
      expect(texts().some((k) => k.includes(textId(longFeed(250_000))))).to.equal(false);
    });

    it('keeps the text it saves when it evicts a copy naming the same text (another kind of element)', async () => {
      const text = longFeed(200_000);
      await saveFeed(URL_A, text, Date.now() - DAY, 'sessions');
      // Room for the text's record of when it was written, not for a second copy naming it.
      quota(used() + 80);
      expect(await saveFeed(URL_A, text, Date.now(), 'all', [`all ${URL_A}`])).to.equal(true);
      expect(readFeed(URL_A, 'sessions')).to.equal(undefined);
      expect(readFeed(URL_A)?.text === text).to.equal(true);
    });

    it('does not put back a copy it evicted when every feed is forgotten meanwhile', async () => {
      await saveFeed(`${URL_A}?other`, other, Date.now() - DAY);
      quota(used() + 1_000);
      const mine = longFeed(150_000);
      let evicted = false;
      afterPiece(mine, 0, () => {
        evicted = localStorage.getItem(storeKey(`${URL_A}?other`)) == null;
        forgetFeed();
      });
      expect(await saveFeed(URL_A, mine)).to.equal(false);
      expect(evicted, 'evicted for the first piece').to.equal(true);
      expect(Object.keys(localStorage)).to.deep.equal([]);
    });

    it('never evicts a copy this page uses to make room for a long one', async () => {
      await saveFeed(`${URL_A}?other`, other, Date.now() - DAY);
      expect(readFeed(`${URL_A}?other`)?.text === other).to.equal(true); // read: in use
      quota(used() + 1_000);
      expect(await saveFeed(URL_A, longFeed(150_000))).to.equal(false);
      expect(readFeed(`${URL_A}?other`)?.text === other).to.equal(true);
    });
  });

  it('is what a failed load falls back on, after a good load of a long feed', async () => {
    // Sessions of a few hundred characters each, as a big council's feed has (a description that long is an issue).
    const feed = minimalFeed();
    feed.sessions = Array.from({ length: 1_500 }, (_, i) => ({ ...feed.sessions[0], id: `session-${i}` }));
    const text = JSON.stringify(feed);
    expect(text.length).to.be.greaterThan(5 * PIECE_CHARS);
    let net = stubFetch(() => json(JSON.parse(text)));
    try {
      expect(await (await loadFeed(URL_A)).saving).to.equal(true);
      expect(pieces().length).to.be.greaterThan(5);
      clearFeedCache();
      net.restore();
      net = stubFetch(() => new Response('', { status: 503 }));
      const result = await loadFeed(URL_A);
      expect(result.stale?.error).to.be.instanceOf(FeedHttpError);
      expect(result.feed.sessions).to.have.length(1_500);
    } finally {
      net.restore();
      clearFeedCache();
    }
  });
});
