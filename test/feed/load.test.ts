/* eslint-disable max-len -- expected sentences are kept whole, as editors read them */
import { expect } from '@open-wc/testing';
import {
  clearFeedCache,
  FeedHttpError,
  FeedNetworkError,
  FeedParseError,
  FeedSizeError,
  FeedTimeoutError,
  FeedValidationError,
  forgetFeed,
  loadedFeed,
  loadFeed,
  parseFeed,
  readFeed,
  SERVICE_PARTS,
  SESSION_PARTS,
} from '../../src/feed/index.js';
import { locateJsonError } from '../../src/feed/json-locate.js';
import { STORE_MAX_CHARS, STORE_MAX_ENTRIES, STORE_PREFIX, saveFeed, storeKey } from '../../src/feed/store.js';
import { minimalFeed, place, service, session } from '../fixtures/feeds.js';
import { json, never, streamed, stubFetch } from '../fixtures/network.js';

const URL_A = 'https://feeds.example.org/wolverhampton.json';
/** A copy saved by another page of the site (one this page has not used). */
const otherPageCopy = (url: string, savedAt = Date.now() - 86400_000, text = JSON.stringify(minimalFeed())) =>
  localStorage.setItem(storeKey(url), JSON.stringify({ savedAt, text }));
const rejection = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the promise to reject');
};

describe('loadFeed', () => {
  let net: ReturnType<typeof stubFetch> | undefined;
  beforeEach(() => {
    clearFeedCache();
    forgetFeed();
  });
  afterEach(() => {
    net?.restore();
    net = undefined;
    clearFeedCache();
    forgetFeed();
  });

  it('(the test seam) a test that changes its answer twice still gets the real fetch back in afterEach', () => {
    const real = globalThis.fetch;
    const first = stubFetch(() => json(minimalFeed()));
    stubFetch(() => new Response('', { status: 500 }));
    const last = stubFetch(() => new Response('', { status: 502 }));
    expect(globalThis.fetch).not.to.equal(real);
    last.restore();
    expect(globalThis.fetch).to.equal(real);
    first.restore(); // an older stub's restore puts back the real fetch too, never a stub
    expect(globalThis.fetch).to.equal(real);
  });

  it('fetches, validates and reports item issues with the absolute URL', async () => {
    net = stubFetch(() => json(minimalFeed({ sessions: [{ id: 'x' }] })));
    const result = await loadFeed(URL_A);
    expect(result.url).to.equal(URL_A);
    expect(result.feed.services?.[0].id).to.equal('dadpad');
    expect(result.issues.map((i) => i.path)).to.deep.equal(['sessions[0].name', 'sessions[0].schedule']);
    expect(result.stale).to.equal(undefined);
  });

  it('sends no cookies or credentials and asks for JSON', async () => {
    net = stubFetch(() => json(minimalFeed()));
    await loadFeed(URL_A);
    expect(net.calls[0].init?.credentials).to.equal('omit');
    expect((net.calls[0].init?.headers as Record<string, string>).accept).to.equal('application/json');
  });

  it('makes one request per absolute URL, however many callers and however written', async () => {
    net = stubFetch(() => json(minimalFeed()));
    const relative = new URL(URL_A).pathname;
    const same = new URL(relative, document.baseURI).href;
    const [a, b] = await Promise.all([loadFeed(same), loadFeed(relative)]);
    await loadFeed(same);
    expect(net.calls.length).to.equal(1);
    expect(a).to.equal(b);
    expect(loadedFeed(relative)).to.equal(a);
  });

  it('does not cache a failure, so a retry fetches again', async () => {
    let fail = true;
    net = stubFetch(() =>
      fail ? new Response('oops', { status: 503, statusText: 'Service Unavailable' }) : json(minimalFeed()),
    );
    const error = await rejection(loadFeed(URL_A));
    expect(error).to.be.instanceOf(FeedHttpError);
    fail = false;
    const result = await loadFeed(URL_A);
    expect(result.feed.sessions?.length).to.equal(1);
    expect(net.calls.length).to.equal(2);
  });

  describe('errors an editor can act on', () => {
    const httpError = async (status: number, statusText: string) => {
      net = stubFetch(() => new Response('', { status, statusText }));
      const error = (await rejection(loadFeed(URL_A))) as FeedHttpError;
      clearFeedCache();
      return error;
    };

    it('HTTP status', async () => {
      const e404 = await httpError(404, 'Not Found');
      expect(e404.name).to.equal('FeedHttpError');
      expect(e404.status).to.equal(404);
      expect(e404.url).to.equal(URL_A);
      expect(e404.message).to.equal(
        `The feed at ${URL_A} answered HTTP 404 Not Found. Check the address in the feed attribute or the imh-feed meta tag.`,
      );
      expect((await httpError(403, 'Forbidden')).message).to.contain('The feed must be public');
      expect((await httpError(500, 'Internal Server Error')).message).to.contain(
        'The server hosting the feed has a problem',
      );
    });

    it('network or CORS failure', async () => {
      net = stubFetch(() => {
        throw new TypeError('Failed to fetch');
      });
      const error = await rejection(loadFeed(URL_A));
      expect(error).to.be.instanceOf(FeedNetworkError);
      expect(error.name).to.equal('FeedNetworkError');
      expect(error.message).to.contain('could not be reached').and.contain('Access-Control-Allow-Origin');
    });

    it('timeout', async () => {
      net = stubFetch(never);
      const error = await rejection(loadFeed(URL_A, { timeout: 30 }));
      expect(error).to.be.instanceOf(FeedTimeoutError);
      expect(error.message).to.equal(
        `The feed at ${URL_A} did not answer within 0.03 seconds. The server may be slow or down.`,
      );
      expect(net.calls[0].init?.signal?.aborted).to.equal(true);
    });

    it('not JSON', async () => {
      net = stubFetch(() => json('{\n  "version": 1,\n  "sessions": [,]\n}'));
      const error = await rejection(loadFeed(URL_A));
      expect(error).to.be.instanceOf(FeedParseError);
      expect(error.name).to.equal('FeedParseError');
      expect(error.message).to.match(
        /^The feed at .* is not valid JSON: .+\. Check it with .*"npx imh-feed validate"\.$/s,
      );
    });

    it('not JSON, with the line and column, for the editor tools', () => {
      const message = (text: string) => {
        try {
          parseFeed(text, undefined, locateJsonError);
        } catch (e) {
          return (e as Error).message;
        }
        return 'parsed';
      };
      expect(message('{\n  "version": 1,\n  "sessions": [,]\n}')).to.equal(
        'The feed is not valid JSON: line 3, column 16: expected a value (text in double quotes, a number, true, false, null, { … } or [ … ]). Check it with a JSON validator or "npx imh-feed validate".',
      );
      expect(message('{"version": 1 "sessions": []}')).to.contain(
        'line 1, column 15: expected "," or "}" after the field (is a comma missing?)',
      );
      expect(message('{"version": 1,}')).to.contain(
        'line 1, column 15: expected another field (remove the comma before "}")',
      );
      expect(message('{"name": "Baby\nMassage"}')).to.contain('line 1, column 15: expected the closing " of the text');
      expect(message("{'version': 1}")).to.contain('line 1, column 2: expected text in "double quotes"');
      expect(message('{"version": 1} x')).to.contain('expected the end of the file');
      expect(message('{"version": 1, "sessions": [{"id": "a", "name": "b"} {"id": "c"}]}')).to.contain(
        'line 1, column 54',
      );
      expect(message('{"version": 1.5e0, "x": [true, false, null, -0.5, "\\u00e9"]}')).to.equal('parsed');
    });

    it('not a feed as a whole', async () => {
      net = stubFetch(() => json({ version: 7 }));
      const error = await rejection(loadFeed(URL_A));
      expect(error).to.be.instanceOf(FeedValidationError);
      expect(error.message).to.contain('"version": 7');
    });

    it('a malformed address', async () => {
      const error = await rejection(loadFeed('https://exa mple.org:99999/feed.json'));
      expect(error.name).to.equal('FeedError');
      expect(error.message).to.contain('is not a web address');
    });
  });

  describe('size cap', () => {
    it('refuses a response whose Content-Length is over the cap, without reading it', async () => {
      net = stubFetch(() => new Response('{}', { headers: { 'content-length': '6000000' } }));
      const error = await rejection(loadFeed(URL_A));
      expect(error).to.be.instanceOf(FeedSizeError);
      expect(error.message).to.contain('larger than 5 MB');
    });

    it('stops reading a streamed response as soon as it passes the cap', async () => {
      const body = JSON.stringify(minimalFeed());
      net = stubFetch(() => streamed([body.slice(0, 100), body.slice(100)]));
      const error = await rejection(loadFeed(URL_A, { maxBytes: 150 }));
      expect(error).to.be.instanceOf(FeedSizeError);
      clearFeedCache();
      net = stubFetch(() => streamed([body.slice(0, 100), body.slice(100)]));
      expect((await loadFeed(URL_A, { maxBytes: body.length })).feed.sessions?.length).to.equal(1);
    });
  });

  describe('AbortSignal', () => {
    it('rejects with an AbortError and cancels the request when its only caller aborts', async () => {
      net = stubFetch(never);
      const controller = new AbortController();
      const p = loadFeed(URL_A, { signal: controller.signal });
      controller.abort();
      const error = await rejection(p);
      expect(error.name).to.equal('AbortError');
      expect(net.calls[0].init?.signal?.aborted).to.equal(true);
    });

    it('keeps the shared request going for another caller', async () => {
      let respond!: (r: Response) => void;
      net = stubFetch(() => new Promise<Response>((r) => (respond = r)));
      const controller = new AbortController();
      const first = loadFeed(URL_A, { signal: controller.signal });
      const second = loadFeed(URL_A);
      controller.abort();
      expect((await rejection(first)).name).to.equal('AbortError');
      respond(json(minimalFeed()));
      expect((await second).feed.sessions?.length).to.equal(1);
      expect(net.calls.length).to.equal(1);
    });

    it('rejects at once for a signal already aborted', async () => {
      net = stubFetch(() => json(minimalFeed()));
      const error = await rejection(loadFeed(URL_A, { signal: AbortSignal.abort() }));
      expect(error.name).to.equal('AbortError');
      expect(net.calls.length).to.equal(0);
    });
  });

  describe('the last good copy', () => {
    it('is kept after a good load, and used and labelled when the next load fails', async () => {
      net = stubFetch(() => json(minimalFeed()));
      await loadFeed(URL_A);
      expect(readFeed(URL_A)?.text).to.contain('baby-massage-monday');
      clearFeedCache();
      net = stubFetch(() => new Response('', { status: 502 }));
      const result = await loadFeed(URL_A);
      expect(result.stale?.error).to.be.instanceOf(FeedHttpError);
      expect(result.stale?.savedAt).to.be.instanceOf(Date);
      expect(Date.now() - result.stale!.savedAt.getTime()).to.be.lessThan(60_000);
      expect(result.feed.sessions?.[0].id).to.equal('baby-massage-monday');
      // still a failure for caching: the next call tries the network again
      await loadFeed(URL_A);
      expect(net.calls.length).to.equal(2);
    });

    it('is used for a feed that has become invalid, and not when turned off', async () => {
      saveFeed(URL_A, JSON.stringify(minimalFeed()), Date.now() - 3 * 86400_000);
      net = stubFetch(() => json('not json'));
      const result = await loadFeed(URL_A);
      expect(result.stale?.error).to.be.instanceOf(FeedParseError);
      expect(Math.round((Date.now() - result.stale!.savedAt.getTime()) / 86400_000)).to.equal(3);
      expect(await rejection(loadFeed(URL_A, { useStoredCopy: false }))).to.be.instanceOf(FeedParseError);
    });

    it('is bounded: only the newest few feeds, and none too large', () => {
      // Copies other pages of the site saved, oldest first
      const day = 86400_000;
      for (let i = 0; i < STORE_MAX_ENTRIES + 2; i++) otherPageCopy(`${URL_A}?n=${i}`, Date.now() - (10 - i) * day);
      saveFeed(URL_A, '{"version":1}');
      const kept = Object.keys(localStorage).filter((k) => k.startsWith(STORE_PREFIX));
      expect(kept.length).to.equal(STORE_MAX_ENTRIES);
      expect(readFeed(`${URL_A}?n=0`)).to.equal(undefined);
      expect(readFeed(`${URL_A}?n=2`)).to.equal(undefined);
      expect(readFeed(`${URL_A}?n=${STORE_MAX_ENTRIES + 1}`)).not.to.equal(undefined);
      expect(readFeed(URL_A)).not.to.equal(undefined);
      saveFeed(URL_A, 'x'.repeat(STORE_MAX_CHARS + 1));
      expect(readFeed(URL_A)?.text).to.equal('{"version":1}');
    });

    it('orders the other copies by when they were saved without parsing each whole, a corrupt one as the oldest', () => {
      const day = 86400_000;
      // Copies other pages saved, of 200,000 characters each (a megabyte each took 20 ms to parse).
      const big = JSON.stringify({ ...minimalFeed(), padding: 'x'.repeat(200_000) });
      for (let i = 0; i < STORE_MAX_ENTRIES; i++) otherPageCopy(`${URL_A}?n=${i}`, Date.now() - (10 - i) * day, big);
      localStorage.setItem(storeKey(`${URL_A}?corrupt`), '{"savedAt": "yesterday"');
      const parsed: number[] = [];
      const parse = JSON.parse;
      JSON.parse = (text: string, reviver?: Parameters<typeof parse>[1]) => {
        parsed.push(String(text).length);
        return parse(text, reviver);
      };
      try {
        saveFeed(URL_A, '{"version":1}');
      } finally {
        JSON.parse = parse;
      }
      expect(Math.max(0, ...parsed)).to.be.lessThan(1_000);
      // Two over the count: the corrupt copy and the oldest go.
      expect(localStorage.getItem(storeKey(`${URL_A}?corrupt`))).to.equal(null);
      expect(readFeed(`${URL_A}?n=0`)).to.equal(undefined);
      for (let i = 1; i < STORE_MAX_ENTRIES; i++) expect(readFeed(`${URL_A}?n=${i}`)?.text, `n=${i}`).to.equal(big);
      expect(readFeed(URL_A)?.text).to.equal('{"version":1}');
    });

    it('ignores a corrupt copy', async () => {
      localStorage.setItem(storeKey(URL_A), '{"savedAt": "yesterday"');
      expect(readFeed(URL_A)).to.equal(undefined);
      net = stubFetch(() => new Response('', { status: 500 }));
      expect(await rejection(loadFeed(URL_A))).to.be.instanceOf(FeedHttpError);
    });
  });

  describe('when storage fails', () => {
    const originals = { setItem: Storage.prototype.setItem, getItem: Storage.prototype.getItem };
    afterEach(() => Object.assign(Storage.prototype, originals));

    it('still loads when storage is full, and makes room by dropping a copy this page does not use', async () => {
      otherPageCopy(`${URL_A}?old`);
      let calls = 0;
      Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
        if (calls++ == 0) throw new DOMException('full', 'QuotaExceededError');
        return originals.setItem.call(this, key, value);
      };
      net = stubFetch(() => json(minimalFeed()));
      expect((await loadFeed(URL_A)).feed.sessions?.length).to.equal(1);
      expect(readFeed(`${URL_A}?old`)).to.equal(undefined);
      expect(readFeed(URL_A)).not.to.equal(undefined);
    });

    it('still loads, and still reports failures, when storage is unavailable (private browsing)', async () => {
      Storage.prototype.setItem = () => {
        throw new DOMException('denied', 'SecurityError');
      };
      Storage.prototype.getItem = () => {
        throw new DOMException('denied', 'SecurityError');
      };
      net = stubFetch(() => json(minimalFeed()));
      expect((await loadFeed(URL_A)).feed.sessions?.length).to.equal(1);
      clearFeedCache();
      net = stubFetch(() => new Response('', { status: 500 }));
      expect(await rejection(loadFeed(URL_A))).to.be.instanceOf(FeedHttpError);
    });
  });

  describe('hardening (issue 12)', () => {
    const reload = (handler: Parameters<typeof stubFetch>[0]) => {
      clearFeedCache();
      net = stubFetch(handler);
    };
    const twoSessions = minimalFeed({ sessions: [session, { ...session, id: 'second' }] });
    // The real copy's sessions, with their dates written dd/mm/yyyy by mistake
    const ddmmyyyy = minimalFeed({
      sessions: [session, { ...session, id: 'second' }].map((s) => ({
        ...s,
        schedule: { ...s.schedule, startDate: '07/09/2026' },
      })),
    });

    describe('the last good copy is only replaced by a feed at least as useful', () => {
      it('keeps the copy, and shows it marked stale with the issues, when a fresh feed lost items to errors', async () => {
        reload(() => json(twoSessions));
        await loadFeed(URL_A);
        reload(() => json(ddmmyyyy));
        const result = await loadFeed(URL_A);
        expect(result.feed.sessions?.map((s) => s.id)).to.deep.equal(['baby-massage-monday', 'second']);
        const error = result.stale?.error as FeedValidationError;
        expect(error).to.be.instanceOf(FeedValidationError);
        expect(error.message).to.contain(
          'keeps fewer sessions than the copy saved in this browser, because of 2 problems (see its issues)',
        );
        expect(error.issues.map((i) => i.path)).to.deep.equal([
          'sessions[0].schedule.startDate',
          'sessions[1].schedule.startDate',
        ]);
        expect(readFeed(URL_A)?.text).to.contain('2026-09-07');
        // the server then fails: visitors still see the sessions
        reload(() => new Response('', { status: 503 }));
        expect((await loadFeed(URL_A)).feed.sessions?.length).to.equal(2);
      });

      it('is replaced by a feed with fewer items and no errors (the publisher removed them)', async () => {
        reload(() => json(twoSessions));
        await loadFeed(URL_A);
        reload(() => json(minimalFeed()));
        const result = await loadFeed(URL_A);
        expect(result.stale).to.equal(undefined);
        expect(result.feed.sessions?.length).to.equal(1);
        expect(JSON.parse(readFeed(URL_A)!.text).sessions.length).to.equal(1);
      });

      it('is replaced by a feed with errors that still keeps as many items', async () => {
        reload(() => json(minimalFeed()));
        await loadFeed(URL_A);
        reload(() => json(minimalFeed({ sessions: [session, { ...session, id: 'x', name: '' }] })));
        const result = await loadFeed(URL_A);
        expect(result.stale).to.equal(undefined);
        expect(readFeed(URL_A)?.text).to.contain('"x"');
      });

      it('is kept when a list was ignored as a whole (not a list: a warning, not an error)', async () => {
        reload(() => json(twoSessions));
        await loadFeed(URL_A);
        // The same sessions, wrapped by mistake: the list is ignored, and the feed has no errors.
        reload(() => json({ ...twoSessions, sessions: { items: twoSessions.sessions } }));
        const result = await loadFeed(URL_A);
        expect(result.feed.sessions?.length).to.equal(2);
        expect(result.stale?.error.message).to.contain('keeps fewer sessions than the copy saved in this browser');
        expect(readFeed(URL_A)?.text).to.contain('"second"');
        reload(() => new Response('', { status: 503 }));
        expect((await loadFeed(URL_A)).feed.sessions?.length).to.equal(2);
      });

      it('is kept when a list lost items to errors, however many items another list gained', async () => {
        reload(() => json(twoSessions));
        await loadFeed(URL_A);
        // The broken dates, with twenty more places (or a year of bank holidays) in the same edit.
        const places = Array.from({ length: 20 }, (_, i) => ({ ...place, id: `place-${i}` }));
        reload(() => json({ ...ddmmyyyy, places: [place, ...places] }));
        const result = await loadFeed(URL_A);
        expect(result.feed.sessions?.length).to.equal(2);
        expect(result.stale?.error.message).to.contain('keeps fewer sessions than the copy');
        expect(JSON.parse(readFeed(URL_A)!.text).places).to.have.length(1);
      });

      it('names every part that lost items', async () => {
        reload(() => json(twoSessions));
        await loadFeed(URL_A);
        reload(() => json({ ...ddmmyyyy, services: [{ ...service, kind: 'nonsense' }] }));
        const { stale } = await loadFeed(URL_A);
        expect(stale?.error.message).to.contain(
          'keeps fewer sessions and services than the copy saved in this browser, because of 3 problems',
        );
      });

      it('names every part that lost items when the issues list only the first 1,000 problems, and counts them all', async () => {
        reload(() => json(twoSessions));
        await loadFeed(URL_A);
        // 1,502 broken sessions, then a broken service: its problem is past the first 1,000, counted, not listed.
        const sessions = [...ddmmyyyy.sessions, ...Array(1_500).fill(0)];
        reload(() => json({ ...ddmmyyyy, sessions, services: [{ ...service, kind: 'nonsense' }] }));
        const { stale } = await loadFeed(URL_A);
        const issues = (stale?.error as FeedValidationError).issues;
        expect(issues).to.have.length(1_002);
        expect(issues.slice(1_000).map((i) => [i.path, i.code, i.severity, i.more])).to.deep.equal([
          ['sessions', 'more', 'error', { problems: 502, items: 502, ignored: 0 }],
          ['services', 'more', 'error', { problems: 1, items: 1, ignored: 0 }],
        ]);
        expect(stale?.error.message).to.contain(
          'keeps fewer sessions and services than the copy saved in this browser, because of 1,503 problems',
        );
      });

      it('is replaced when a warning cost no items (a time zone written as an offset), with sessions removed on purpose', async () => {
        reload(() => json(twoSessions));
        await loadFeed(URL_A);
        reload(() => json(minimalFeed({ timeZone: '+01:00' })));
        const result = await loadFeed(URL_A);
        expect(result.issues.map((i) => i.path)).to.deep.equal(['timeZone']);
        expect(result.stale).to.equal(undefined);
        expect(JSON.parse(readFeed(URL_A)!.text).sessions).to.have.length(1);
      });

      it('is replaced when the editor removed places, though an unrelated new service is broken', async () => {
        const places = [place, { ...place, id: 'second-place' }];
        reload(() => json({ ...twoSessions, places }));
        await loadFeed(URL_A);
        reload(() => json({ ...twoSessions, services: [service, { ...service, id: 'new', kind: 'nonsense' }] }));
        const result = await loadFeed(URL_A);
        expect(result.stale).to.equal(undefined);
        expect(result.feed.places).to.have.length(1);
      });

      it('is kept when the term dates were ignored as a whole (one term ends before it starts: a warning)', async () => {
        const term = { type: 'term', start: '2026-09-03', end: '2026-12-18' };
        reload(() =>
          json({ ...twoSessions, termDates: { terms: [term, { ...term, start: '2027-01-05', end: '2027-03-27' }] } }),
        );
        await loadFeed(URL_A);
        reload(() =>
          json({ ...twoSessions, termDates: { terms: [term, { ...term, start: '2027-03-27', end: '2027-01-05' }] } }),
        );
        const result = await loadFeed(URL_A);
        expect(result.issues.every((i) => i.severity == 'warning')).to.equal(true);
        expect(result.feed.termDates?.terms).to.have.length(2);
        expect(result.stale?.error.message).to.contain('keeps fewer term dates than the copy saved in this browser');
      });

      it("is kept for each kind of element: broken sessions do not replace the session list's copy while services are fine", async () => {
        reload(() => json(twoSessions));
        await Promise.all([loadFeed(URL_A, { parts: SESSION_PARTS }), loadFeed(URL_A, { parts: SERVICE_PARTS })]);
        reload(() => json({ ...ddmmyyyy, services: [service, { ...service, id: 'more' }] }));
        const [sessions, services] = await Promise.all([
          loadFeed(URL_A, { parts: SESSION_PARTS }),
          loadFeed(URL_A, { parts: SERVICE_PARTS }),
        ]);
        expect(net!.calls.length).to.equal(1);
        expect(sessions.stale?.error).to.be.instanceOf(FeedValidationError);
        expect(sessions.feed.sessions?.length).to.equal(2);
        expect(services.stale).to.equal(undefined);
        expect(services.feed.services?.length).to.equal(2);
        expect(services.feed).not.to.have.property('sessions');
        expect(readFeed(URL_A, 'sessions')?.text).to.contain('2026-09-07');
        expect(readFeed(URL_A, 'services')?.text).to.contain('"more"');
      });
    });

    describe('when storage is full', () => {
      const originals = { setItem: Storage.prototype.setItem };
      // The quotas below count everything stored: start from nothing (other test files share the origin).
      beforeEach(() => localStorage.clear());
      afterEach(() => Object.assign(Storage.prototype, originals));
      /** A quota in UTF-16 code units over every key and value, as browsers count it. */
      const quota = (units: number) => {
        Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
          let used = 0;
          for (let i = 0; i < this.length; i++) {
            const k = this.key(i)!;
            if (k != key) used += k.length + (this.getItem(k)?.length ?? 0);
          }
          if (used + key.length + value.length > units) throw new DOMException('full', 'QuotaExceededError');
          return originals.setItem.call(this, key, value);
        };
      };

      it('never removes another copy when the new one would not fit even then', async () => {
        otherPageCopy(`${URL_A}?other`);
        quota(JSON.stringify(minimalFeed()).length + 300);
        reload(() => json(twoSessions));
        expect((await loadFeed(URL_A)).feed.sessions?.length).to.equal(2);
        expect(readFeed(`${URL_A}?other`)).not.to.equal(undefined);
        expect(readFeed(URL_A)).to.equal(undefined);
      });

      it('never evicts the only copy of another feed this page uses', async () => {
        const URL_B = `${URL_A}?b`;
        quota(JSON.stringify(minimalFeed()).length * 2);
        reload(() => json(minimalFeed()));
        await loadFeed(URL_A);
        reload(() => json(twoSessions));
        await loadFeed(URL_B);
        expect(readFeed(URL_A)).not.to.equal(undefined);
        expect(readFeed(URL_B)).to.equal(undefined);
      });

      it('evicts the oldest copies this page does not use, only as many as needed', async () => {
        const day = 86400_000;
        otherPageCopy(`${URL_A}?oldest`, Date.now() - 3 * day);
        otherPageCopy(`${URL_A}?older`, Date.now() - 2 * day);
        const size = JSON.stringify(minimalFeed()).length;
        quota(size * 3 + 600);
        reload(() => json(minimalFeed()));
        await loadFeed(URL_A);
        expect(readFeed(`${URL_A}?oldest`)).to.equal(undefined);
        expect(readFeed(`${URL_A}?older`)).not.to.equal(undefined);
        expect(readFeed(URL_A)).not.to.equal(undefined);
      });

      it('never evicts the copy of a feed this page asked for, not read yet: the new copy is not saved', async () => {
        // Issue 12: X's bigger fresh copy took the room of Y's, whose own load then failed.
        const URL_Y = `${URL_A}?y`;
        otherPageCopy(URL_Y, Date.now() - 3 * 86400_000);
        otherPageCopy(URL_A);
        const used = Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k)!.length, 0);
        quota(used + 50);
        let answerY!: (response: Response) => void;
        reload((url) => (url == URL_Y ? new Promise((r) => (answerY = r)) : json(twoSessions)));
        const y = loadFeed(URL_Y);
        const x = await loadFeed(URL_A);
        expect(x.stale).to.equal(undefined);
        expect(x.feed.sessions).to.have.length(2);
        expect(await x.saving).to.equal(false);
        expect(JSON.parse(readFeed(URL_A)!.text).sessions).to.have.length(1);
        answerY(new Response('', { status: 500 }));
        const result = await y;
        expect(result.stale?.error).to.be.instanceOf(FeedHttpError);
        expect(result.feed.sessions).to.have.length(1);
      });
      it('evicts the copy of a feed whose load was given up, to keep the one this page shows', async () => {
        const URL_Y = `${URL_A}?y`;
        otherPageCopy(URL_Y, Date.now() - 3 * 86400_000);
        const used = Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k)!.length, 0);
        quota(used + 50);
        reload((url) => (url == URL_Y ? never(url) : json(minimalFeed())));
        const controller = new AbortController();
        const y = loadFeed(URL_Y, { signal: controller.signal });
        controller.abort();
        await y.catch(() => {});
        expect(await (await loadFeed(URL_A)).saving).to.equal(true);
        expect(readFeed(URL_A)).not.to.equal(undefined);
        expect(readFeed(URL_Y)).to.equal(undefined);
      });
    });

    describe("a page's own feeds never evict each other's copies (issue 12)", () => {
      const day = 86400_000;
      const URL_Y = `${URL_A}?y`;
      const ago = (days: number) => Date.now() - days * day;
      /** Copies other pages of the site saved, all newer than Y's: 2 days, 1 day and 2 hours old. */
      const otherPages = () => [2, 1, 0.1].forEach((days, i) => otherPageCopy(`${URL_A}?other-${i}`, ago(days)));
      const copies = () => Object.keys(localStorage).filter((k) => k.startsWith(STORE_PREFIX));
      /** X answers at once; Y's answer waits for `answerY`, so that X is read and saved first. */
      let answerY: (response: Response) => void;
      const xThenY = (x: unknown) => reload((url) => (url == URL_Y ? new Promise((r) => (answerY = r)) : json(x)));

      it('keeps the copy of a feed still loading when another is saved over the count, for when it fails', async () => {
        otherPageCopy(URL_Y, ago(3), JSON.stringify(twoSessions));
        otherPages();
        xThenY(minimalFeed());
        const y = loadFeed(URL_Y);
        expect(await (await loadFeed(URL_A)).saving).to.equal(true);
        // Still four copies: the oldest no feed of this page uses went, not Y's (older still).
        expect(copies()).to.have.length(STORE_MAX_ENTRIES);
        expect(readFeed(`${URL_A}?other-0`)).to.equal(undefined);
        answerY(new Response('', { status: 500 }));
        const result = await y;
        expect(result.stale?.error).to.be.instanceOf(FeedHttpError);
        expect(Math.round((Date.now() - result.stale!.savedAt.getTime()) / day)).to.equal(3);
        expect(result.feed.sessions).to.have.length(2);
      });

      it('keeps that copy when the feed comes late and broken: the copy shown, the broken feed not saved', async () => {
        otherPageCopy(URL_Y, ago(3), JSON.stringify(twoSessions));
        otherPages();
        xThenY(minimalFeed());
        const y = loadFeed(URL_Y);
        await (
          await loadFeed(URL_A)
        ).saving;
        answerY(json(ddmmyyyy));
        const result = await y;
        expect(result.feed.sessions?.map((s) => s.id)).to.deep.equal(['baby-massage-monday', 'second']);
        expect(result.stale?.error).to.be.instanceOf(FeedValidationError);
        expect(result.saving).to.equal(undefined);
        expect(readFeed(URL_Y)?.text).to.contain('2026-09-07');
      });

      it("one feed read by two kinds of element: saving one part's copy does not evict the other part's", async () => {
        const save = (part: string, days: number, feed: unknown) =>
          localStorage.setItem(
            storeKey(URL_Y, part),
            JSON.stringify({ savedAt: ago(days), text: JSON.stringify(feed) }),
          );
        save('services', 3, minimalFeed({ services: [service, { ...service, id: 'more' }] }));
        save('sessions', 2.5, minimalFeed());
        otherPages();
        // The sessions are fine; every service is broken.
        const broken = [service, { ...service, id: 'more' }].map((s) => ({ ...s, kind: 'nonsense' }));
        reload(() => json({ ...twoSessions, services: broken }));
        const [sessions, services] = await Promise.all([
          loadFeed(URL_Y, { parts: SESSION_PARTS }),
          loadFeed(URL_Y, { parts: SERVICE_PARTS }),
        ]);
        expect(await sessions.saving).to.equal(true);
        expect(sessions.feed.sessions).to.have.length(2);
        expect(services.stale?.error).to.be.instanceOf(FeedValidationError);
        expect(services.feed.services?.map((s) => s.id)).to.deep.equal(['dadpad', 'more']);
        expect(JSON.parse(readFeed(URL_Y, 'services')!.text).services).to.have.length(2);
        expect(readFeed(`${URL_A}?other-0`)).to.equal(undefined);
      });

      it('a feed whose load was given up (its element removed, its feed changed) keeps its copy no more', async () => {
        // The review's case: aborted loads kept their copies for the page's life, over the count.
        otherPageCopy(URL_Y, ago(3));
        otherPages();
        reload((url) => (url == URL_Y ? never(url) : json(minimalFeed())));
        const controller = new AbortController();
        const y = loadFeed(URL_Y, { signal: controller.signal });
        controller.abort();
        expect((await rejection(y)).name).to.equal('AbortError');
        expect(await (await loadFeed(URL_A)).saving).to.equal(true);
        expect(copies()).to.have.length(STORE_MAX_ENTRIES);
        expect(readFeed(URL_Y), "the oldest copy, Y's, evicted").to.equal(undefined);
        expect(readFeed(`${URL_A}?other-0`)).not.to.equal(undefined);
      });

      for (const [how, name] of [
        [
          'in its feed attribute',
          (address: string) => {
            const el = document.createElement('imh-session-list');
            el.setAttribute('feed', ` ${new URL(address).pathname}${new URL(address).search} `);
            return document.body.appendChild(el);
          },
        ],
        [
          "in the page's imh-feed meta tag",
          (address: string) =>
            document.head.appendChild(
              Object.assign(document.createElement('meta'), { name: 'imh-feed', content: address }),
            ),
        ],
      ] as const) {
        it(`keeps the copy of a feed an element names ${how} before its code has asked for it (the autoloader)`, async () => {
          // The element's code has not arrived (here it is never defined): only its tag is on the page.
          const URL_Y_HERE = new URL('/feeds/y.json?kept', location.href).href;
          otherPageCopy(URL_Y_HERE, ago(3));
          otherPages();
          const el = name(URL_Y_HERE);
          try {
            reload(() => json(minimalFeed()));
            expect(await (await loadFeed(URL_A)).saving).to.equal(true);
            expect(copies()).to.have.length(STORE_MAX_ENTRIES);
            expect(readFeed(URL_Y_HERE) == undefined, "Y's copy was evicted").to.equal(false);
            expect(readFeed(`${URL_A}?other-0`)).to.equal(undefined);
          } finally {
            el.remove();
          }
        });
      }

      it('a copy saved for a load no longer asked for (given up while its feed was read) is evicted like others', async () => {
        // The review's case: given up once its feed had come, the load still saved it, kept for the page's life.
        saveFeed(URL_Y, JSON.stringify(minimalFeed()), ago(3), 'all', []);
        otherPages();
        reload(() => json(minimalFeed()));
        expect(await (await loadFeed(URL_A)).saving).to.equal(true);
        expect(copies()).to.have.length(STORE_MAX_ENTRIES);
        expect(readFeed(URL_Y) == undefined, "Y's copy, the oldest, was kept").to.equal(true);
      });

      it('one caller giving up leaves the copy kept for another still loading that feed', async () => {
        otherPageCopy(URL_Y, ago(3), JSON.stringify(twoSessions));
        otherPages();
        xThenY(minimalFeed());
        const controller = new AbortController();
        const gone = loadFeed(URL_Y, { signal: controller.signal });
        const y = loadFeed(URL_Y);
        controller.abort();
        await gone.catch(() => {});
        expect(await (await loadFeed(URL_A)).saving).to.equal(true);
        expect(readFeed(`${URL_A}?other-0`)).to.equal(undefined);
        answerY(new Response('', { status: 500 }));
        const result = await y;
        expect(result.stale?.error).to.be.instanceOf(FeedHttpError);
        expect(result.feed.sessions).to.have.length(2);
      });

      it('a feed loaded without the saved copy (useStoredCopy: false) protects none', async () => {
        otherPageCopy(URL_Y, ago(3));
        otherPages();
        reload((url) => (url == URL_Y ? never(url) : json(minimalFeed())));
        const controller = new AbortController();
        const y = loadFeed(URL_Y, { useStoredCopy: false, signal: controller.signal });
        expect(await (await loadFeed(URL_A)).saving).to.equal(true);
        expect(readFeed(URL_Y)).to.equal(undefined);
        controller.abort();
        await y.catch(() => {});
      });
    });

    it('discards a stored copy saved "in the future" or at an impossible time, with no error', async () => {
      for (const savedAt of [1e300, Date.now() + 86400_000, -1, Number.MAX_SAFE_INTEGER, 'yesterday']) {
        localStorage.setItem(storeKey(URL_A), JSON.stringify({ savedAt, text: JSON.stringify(minimalFeed()) }));
        expect(readFeed(URL_A), String(savedAt)).to.equal(undefined);
        expect(localStorage.getItem(storeKey(URL_A))).to.equal(null);
        localStorage.setItem(storeKey(URL_A), JSON.stringify({ savedAt, text: JSON.stringify(minimalFeed()) }));
        reload(() => new Response('', { status: 500 }));
        expect(await rejection(loadFeed(URL_A)), String(savedAt)).to.be.instanceOf(FeedHttpError);
      }
    });

    describe('each failure gets its own sentence', () => {
      it('a web page (a login page) instead of a feed', async () => {
        reload(
          () =>
            new Response('<!DOCTYPE html><html><body><form>Sign in</form></body></html>', {
              headers: { 'content-type': 'text/html' },
            }),
        );
        expect((await rejection(loadFeed(URL_A))).message).to.equal(
          `The feed at ${URL_A} is a web page, not a feed: is it a login page, an error page or a page about the feed? Open the address in a private window to see what it returns.`,
        );
      });

      it('a feed saved as UTF-16', async () => {
        const text = `\uFEFF${JSON.stringify(minimalFeed())}`;
        const bytes = new Uint8Array(text.length * 2);
        for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i) & 0xff;
        for (let i = 0; i < text.length; i++) bytes[i * 2 + 1] = text.charCodeAt(i) >> 8;
        reload(() => new Response(bytes, { headers: { 'content-type': 'application/json' } }));
        expect((await rejection(loadFeed(URL_A))).message).to.equal(
          `The feed at ${URL_A} is saved as UTF-16. Save it as UTF-8 (in most editors: Save As, then Encoding).`,
        );
      });

      it('a body cut short, whether the connection fails or simply ends', async () => {
        const body = JSON.stringify(minimalFeed());
        let sent = false;
        reload(
          () =>
            new Response(
              new ReadableStream({
                // the first 100 bytes arrive, then the connection drops
                pull(controller) {
                  if (sent) return controller.error(new TypeError('network error'));
                  sent = true;
                  controller.enqueue(new TextEncoder().encode(body.slice(0, 100)));
                },
              }),
            ),
        );
        const dropped = await rejection(loadFeed(URL_A));
        expect(dropped).to.be.instanceOf(FeedNetworkError);
        expect(dropped.message).to.equal(
          `The feed at ${URL_A} stopped arriving part way through (after 100 bytes): the connection dropped or the server cut it short. Try again; if it keeps happening, tell whoever hosts the feed.`,
        );
        reload(() => json(body.slice(0, 100)));
        expect((await rejection(loadFeed(URL_A))).message).to.equal(
          `The feed at ${URL_A} stops part way through, before the feed is complete. Was the file cut short, or the download interrupted?`,
        );
      });

      it('javascript:, data:, other non-web and malformed feed addresses, refused before any request', async () => {
        net = stubFetch(() => json(minimalFeed()));
        const cases: [string, string][] = [
          [
            'javascript:alert(1)',
            'The feed address is a javascript: address, which is never read as a feed. Give the address of a JSON file, like https://example.org/feed.json.',
          ],
          [
            'data:application/json,{"version":1}',
            'The feed address is a data: address (the feed written into the page). Publish the feed as a file on a web server and give its https:// address.',
          ],
          [
            'ftp://example.org/feed.json',
            '"ftp://example.org/feed.json" starts with ftp:, but a feed is read only from a web address starting https:// (or http://).',
          ],
          [
            'https://exa mple.org/feed.json',
            `"https://exa mple.org/feed.json" is not a web address. Give the feed's full URL, like https://example.org/feed.json.`,
          ],
          [
            'https://user:secret@example.org/feed.json',
            '"https://user:secret@example.org/feed.json" has a user name or password in it. A feed must be public: give its address without them.',
          ],
        ];
        for (const [address, message] of cases) {
          const error = await rejection(loadFeed(address));
          expect(error.name, address).to.equal('FeedError');
          expect(error.message, address).to.equal(message);
        }
        expect(net.calls.length).to.equal(0);
      });
    });

    describe('a long feed (over 100,000 characters)', () => {
      /** A feed of `n` sessions (about 400 characters each). */
      const long = (n: number) =>
        minimalFeed({ sessions: Array.from({ length: n }, (_, i) => ({ ...session, id: `s${i}` })) });

      it('is parsed a little at a time, over more than one task, into the feed JSON.parse gives', async () => {
        const text = JSON.stringify(long(300));
        reload(() => json(text));
        // Each JSON.parse call is made to take at least half a millisecond on the page's clock, so
        // the parse takes 150 ms or more however fast the browser is. The parser looks at the clock
        // after every 32 KiB of text (its step); each step then takes longer than a slice (8 ms), so
        // no run of calls with no break (no microtask checkpoint: one task at most) may read more
        // than one step and the piece that crosses its end. The first call of a run queues a
        // microtask, which runs when the run is over; a timer loop shows the page's other tasks run.
        const calls: { length: number; run: number; tick: number }[] = [];
        let run = 0;
        let marked = false;
        const mark = () => {
          if (marked) return;
          marked = true;
          queueMicrotask(() => ((marked = false), run++));
        };
        let tick = 0;
        let ticking = true;
        const ticker = () => {
          if (!ticking) return;
          tick++;
          setTimeout(ticker);
        };
        setTimeout(ticker);
        const parse = JSON.parse;
        JSON.parse = ((t: string, reviver?: Parameters<typeof parse>[1]) => {
          mark();
          calls.push({ length: t.length, run, tick });
          const start = performance.now();
          while (performance.now() - start < 0.5) {
            // busy
          }
          return parse(t, reviver) as unknown;
        }) as typeof parse;
        let result: Awaited<ReturnType<typeof loadFeed>>;
        try {
          result = await loadFeed(URL_A, { useStoredCopy: false });
        } finally {
          JSON.parse = parse;
          ticking = false;
        }
        expect(text.length).to.be.above(100_000);
        // Before: one JSON.parse of the whole text, in one task.
        expect(calls).to.have.length.above(300);
        expect(Math.max(...calls.map((c) => c.length))).to.be.at.most(0x4000);
        const perRun = new Map<number, number>();
        for (const c of calls) perRun.set(c.run, (perRun.get(c.run) ?? 0) + c.length);
        expect(Math.max(...perRun.values()), 'characters parsed with no break').to.be.at.most(0x8000 + 0x4000);
        expect(perRun.size, 'runs').to.be.at.least(text.length / (0x8000 + 0x4000));
        expect(new Set(calls.map((c) => c.tick)).size, 'other tasks ran in between').to.be.above(1);
        expect(result.feed).to.deep.equal(parseFeed(text).feed);
        expect(result.feed.sessions).to.have.length(300);
      });

      it('that is not JSON says where, with its line and column', async () => {
        const text = JSON.stringify(long(1000), null, 2).replace('"id": "s900",', '"id": "s900"');
        reload(() => json(text));
        const error = await rejection(loadFeed(URL_A));
        expect(error).to.be.instanceOf(FeedParseError);
        const where = locateJsonError(text)!;
        expect(where.line).to.be.above(20_000);
        expect((error as FeedParseError).detail).to.equal(
          `line ${where.line}, column ${where.column}: expected "," or "}" after the field (is a comma missing?)`,
        );
      });
    });

    it('reads a feed with a value nested a million levels deep, skipping only the item that holds it', async () => {
      const text = JSON.stringify(
        minimalFeed({ sessions: [{ ...session, id: 'deep', extra: 'DEEP' }, session] }),
      ).replace('"DEEP"', '['.repeat(1_000_000) + ']'.repeat(1_000_000));
      reload(() => json(text));
      const result = await loadFeed(URL_A);
      expect(result.issues.map((i) => [i.path, i.code])).to.deep.equal([['sessions[0]', 'deep']]);
      expect(result.feed.sessions?.map((s) => s.id)).to.deep.equal(['baby-massage-monday']);
    });
  });
});
