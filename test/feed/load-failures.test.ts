import { elementUpdated, expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ImhLoadErrorEvent } from '../../src/events/load-error.js';
import type { ImhFeedErrorEvent } from '../../src/events/feed-error.js';
import { ALL_PARTS } from '../../src/feed/all-parts.js';
import type { FeedError } from '../../src/feed/errors.js';
import { clearFeedCache, loadFeed, type FeedResult } from '../../src/feed/load.js';
import { SERVICE_PARTS } from '../../src/feed/service-parts.js';
import { minimalFeed, service, session } from '../fixtures/feeds.js';
import { json, never, restoreFetch, stubFetch } from '../fixtures/network.js';

// The sentences of a failed load (feed/failures.ts) are a chunk loaded only when a load fails. Its
// own page (test file), as nothing else here may have loaded it first: the test server answers 404
// for it until told otherwise (web-test-runner.config.mjs).
const failing = (pattern?: string) => executeServerCommand('imh-fail-requests', { pattern });
const textOf = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe("a failed load's sentences, when their file cannot be loaded", () => {
  const warn = console.warn;
  let warnings: string[] = [];
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  });
  afterEach(async () => {
    console.warn = warn;
    await failing();
    fixtureCleanup();
  });

  /** The card for a feed, and every imh-load-error's file and imh-feed-error it fires. */
  const watched = (address: string) => {
    const el = document.createElement('imh-support-card');
    el.setAttribute('service', 'nhs-111');
    el.setAttribute('feed', address);
    const files: string[] = [];
    el.addEventListener('imh-load-error', (e) => files.push((e as ImhLoadErrorEvent).detail.error.file));
    const feedError = oneEvent(el, 'imh-feed-error') as Promise<ImhFeedErrorEvent>;
    return { el, files, feedError };
  };
  /** A copy of a feed saved in this browser (store.ts's key), without loading store.ts here. */
  const saveCopy = (address: string) =>
    localStorage.setItem(
      `imh-widgets:feed:v2:services ${new URL(address, location.href).href}`,
      JSON.stringify({
        savedAt: Date.now() - 3600_000,
        text: JSON.stringify({ version: 1, language: 'en-GB', services: [{ ...service, id: 'nhs-111' }] }),
      }),
    );

  // Before the saved-copy code (store.ts) is loaded by any test here.
  it('the saved-copy code missing too: imh-load-error names both files', async () => {
    await failing('src/feed/');
    const { el, files, feedError } = watched('/public/no-such-feed.json?both-missing');
    (await fixture(html`<div></div>`)).append(el);
    const failed = await feedError;
    expect(failed.detail.error.missing?.map((m) => m.file)).to.have.length(2);
    await elementUpdated(el);
    expect(files).to.have.length(2);
    expect(files.find((f) => f.includes('failures'))).to.be.a('string');
    expect(files.find((f) => f.includes('store'))).to.be.a('string');
    expect(warnings.length, warnings.join('\n')).to.equal(2);
    expect(warnings.find((w) => /^imh-widgets: Could not load .*failures/.test(w))).to.be.a('string');
  });

  it('with a saved copy: the copy, and imh-load-error naming the file', async () => {
    await failing('feed/failures');
    const address = '/public/no-such-feed.json?with-copy';
    saveCopy(address);
    const { el, files, feedError } = watched(address);
    (await fixture(html`<div></div>`)).append(el);
    const failed = await feedError;
    localStorage.clear();
    expect(failed.detail.stale).to.equal(true);
    await elementUpdated(el);
    expect(files).to.have.length(1);
    expect(files[0]).to.contain('failures');
  });

  describe('each way a load fails (review 6-a, finding 8), with and without a saved copy', () => {
    const FEED = 'https://feeds.example.org/';
    const enc = (text: string) => new TextEncoder().encode(text);
    /** Errors that escaped: uncaught, or a rejection nobody handled. */
    let escaped: string[] = [];
    const onError = (e: ErrorEvent) => escaped.push(String(e.error ?? e.message));
    const onRejection = (e: PromiseRejectionEvent) => escaped.push(String(e.reason));
    beforeEach(async () => {
      escaped = [];
      addEventListener('error', onError);
      addEventListener('unhandledrejection', onRejection);
      await failing('feed/failures');
    });
    afterEach(() => {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
      restoreFetch();
      clearFeedCache();
      localStorage.clear();
    });

    /**
     * Each `failure()` in load.ts: the fetch stub that takes that branch, and the few words the
     * plain error says in place of the missing sentence.
     */
    const branches: { name: string; answer: () => Response | Promise<Response>; brief: string | RegExp }[] = [
      { name: 'the network refuses', answer: () => Promise.reject(new TypeError('Failed to fetch')), brief: 'network' },
      {
        name: 'the answer stops part way',
        answer: () => {
          let sent = false;
          const body = new ReadableStream<Uint8Array>({
            pull(c) {
              if (sent) c.error(new TypeError('network error'));
              else c.enqueue(enc('{"version": 1, "services": ['));
              sent = true;
            },
          });
          return new Response(body, { status: 200 });
        },
        brief: 'network',
      },
      {
        name: 'the server declares more than the size cap',
        answer: () => new Response('{}', { headers: { 'content-length': '6000000' } }),
        brief: 'larger than 5000000 bytes',
      },
      {
        name: 'the body passes the size cap as it streams',
        answer: () => {
          const mb = enc(' '.repeat(1_000_000));
          let sent = 0;
          return new Response(new ReadableStream({ pull: (c) => (++sent > 6 ? c.close() : c.enqueue(mb)) }));
        },
        brief: 'larger than 5000000 bytes',
      },
      {
        name: 'a body with no stream passes the size cap',
        answer: () =>
          ({
            ok: true,
            status: 200,
            statusText: 'OK',
            headers: new Headers(),
            body: null,
            text: () => Promise.resolve(' '.repeat(5_000_001)),
          }) as unknown as Response,
        brief: 'larger than 5000000 bytes',
      },
      {
        name: 'the answer is a web page, not JSON',
        answer: () =>
          new Response('<!doctype html><title>Sign in</title>', { headers: { 'content-type': 'text/html' } }),
        // Where the JSON goes wrong, in the browser's words (the sentence about a web page is in
        // not-json.ts, which needs the missing file too).
        brief: /^not JSON: \S.*$/,
      },
    ];

    for (const { name, answer, brief } of branches) {
      for (const copy of [false, true]) {
        const shows = copy ? ', a copy saved: the copy' : ': the fallback';
        it(`${name}${shows}, a plain error, imh-load-error`, async () => {
          const address = `${FEED}${name.replace(/\W+/g, '-')}${copy ? '-copy' : ''}.json`;
          if (copy) saveCopy(address);
          stubFetch(answer);
          const { el, files, feedError } = watched(address);
          el.innerHTML = '<p>Call NHS 111</p>';
          (await fixture(html`<div></div>`)).append(el);
          const { error, stale } = (await feedError).detail;
          await elementUpdated(el);
          const words = `The feed at ${address} could not be loaded (`;
          expect(error.name).to.equal('FeedError');
          expect(error.message.startsWith(words) && error.message.endsWith(').'), error.message).to.equal(true);
          const said = error.message.slice(words.length, -2);
          if (typeof brief == 'string') expect(said).to.equal(brief);
          else expect(said).to.match(brief);
          expect(error.missing?.map((m) => m.file)).to.deep.equal(files);
          expect(files).to.have.length(1);
          expect(files[0]).to.contain('failures');
          expect(stale).to.equal(copy);
          const fallback = el.shadowRoot!.querySelector('[part=fallback]') as HTMLElement;
          const notice = textOf(el.shadowRoot!.querySelector('[part=notice]'));
          if (copy) {
            expect(fallback.hidden).to.equal(true);
            expect(textOf(el.shadowRoot!.querySelector('[part=heading]'))).to.contain('DadPad');
            expect(notice).to.equal('This is a copy saved 1 hour ago; the latest information could not be loaded.');
          } else {
            expect(fallback.hidden).to.equal(false);
            expect(notice).to.equal('This information could not be loaded just now. Try again');
          }
          // The file was named on the console once, by the first test; nothing else is said.
          expect(warnings, warnings.join('\n')).to.deep.equal([]);
          expect(escaped, escaped.join('\n')).to.deep.equal([]);
        });
      }
    }

    for (const copy of [false, true]) {
      const shows = copy ? ', a copy saved: the copy' : ': a plain error';
      it(`no answer within the timeout${shows} naming the missing file`, async () => {
        const address = `${FEED}timeout${copy ? '-copy' : ''}.json`;
        if (copy) saveCopy(address);
        stubFetch(never);
        const outcome = await loadFeed(address, { timeout: 200, parts: SERVICE_PARTS }).catch((e: FeedError) => e);
        const error = outcome instanceof Error ? outcome : outcome.stale?.error;
        expect(outcome instanceof Error).to.equal(!copy);
        if (copy) expect((outcome as FeedResult).stale?.savedAt.getTime()).to.be.below(Date.now() - 3000_000);
        expect(error?.name).to.equal('FeedError');
        expect(error?.message).to.equal(`The feed at ${address} could not be loaded (timeout).`);
        expect(error?.missing?.map((m) => m.file)).to.have.length(1);
        expect(error?.missing?.[0].file).to.contain('failures');
        expect(escaped, escaped.join('\n')).to.deep.equal([]);
      });
    }

    it('a saved copy that is not JSON: set aside, and the fresh error with the fallback', async () => {
      const address = `${FEED}corrupt-copy.json`;
      localStorage.setItem(
        `imh-widgets:feed:v2:services ${address}`,
        JSON.stringify({ savedAt: Date.now() - 3600_000, text: '{"version": 1, "services": [' }),
      );
      stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
      const { el, files, feedError } = watched(address);
      el.innerHTML = '<p>Call NHS 111</p>';
      (await fixture(html`<div></div>`)).append(el);
      const { error, stale } = (await feedError).detail;
      await elementUpdated(el);
      expect(stale).to.equal(false);
      expect(error.message).to.equal(`The feed at ${address} could not be loaded (network).`);
      expect(files).to.have.length(1);
      expect(files[0]).to.contain('failures');
      expect((el.shadowRoot!.querySelector('[part=fallback]') as HTMLElement).hidden).to.equal(false);
      expect(warnings, warnings.join('\n')).to.deep.equal([]);
      expect(escaped, escaped.join('\n')).to.deep.equal([]);
    });

    for (const address of ['javascript:alert(1)', 'data:application/json,{}', 'https://exa mple.org/feed.json']) {
      it(`an address that is not a web address (${address}): the fallback, a plain error, imh-load-error`, async () => {
        const fetched = stubFetch(() => json({}));
        const { el, files, feedError } = watched(address);
        el.innerHTML = '<p>Call NHS 111</p>';
        (await fixture(html`<div></div>`)).append(el);
        const { error } = (await feedError).detail;
        await elementUpdated(el);
        expect(fetched.calls).to.deep.equal([]);
        expect(error.message).to.equal(`${JSON.stringify(address)} is not a web address.`);
        expect(files).to.have.length(1);
        expect(files[0]).to.contain('failures');
        expect((el.shadowRoot!.querySelector('[part=fallback]') as HTMLElement).hidden).to.equal(false);
        expect(warnings, warnings.join('\n')).to.deep.equal([]);
        expect(escaped, escaped.join('\n')).to.deep.equal([]);
      });
    }
  });

  // After the tests above (mocha runs a suite's own tests before its inner suites): the file is
  // loaded for good here.
  describe('then with the file back', () => {
    const title = 'a short feed error saying what failed, imh-load-error naming the file; reload(): the full sentence';
    it(title, async () => {
      await failing('feed/failures');
      const address = '/public/no-such-feed.json?sentences-missing';
      const el = document.createElement('imh-support-card');
      el.setAttribute('service', 'nhs-111');
      el.setAttribute('feed', address);
      const error = oneEvent(el, 'imh-load-error') as Promise<ImhLoadErrorEvent>;
      const feedError = oneEvent(el, 'imh-feed-error') as Promise<ImhFeedErrorEvent>;
      (await fixture(html`<div></div>`)).append(el);
      const [{ detail }, failed] = await Promise.all([error, feedError]);
      const url = new URL(address, location.href).href;
      expect(detail.error.file).to.contain('failures');
      expect(failed.detail.error.name).to.equal('FeedError');
      expect(failed.detail.error.message).to.equal(`The feed at ${url} could not be loaded (HTTP 404).`);
      expect(failed.detail.error.missing).to.deep.equal([detail.error]);
      await elementUpdated(el);
      expect(textOf(el.shadowRoot!.querySelector('[part=notice]'))).to.equal(
        'This information could not be loaded just now. Try again',
      );
      // Said by the first test: one console line per file per page.
      expect(warnings.length, warnings.join('\n')).to.equal(0);
      // With the file back, the full sentence.
      await failing();
      const again = oneEvent(el, 'imh-feed-error') as Promise<ImhFeedErrorEvent>;
      (el as HTMLElement & { reload(): void }).reload();
      const { error: full } = (await again).detail;
      expect(full.name).to.equal('FeedHttpError');
      expect(full.message).to.equal(
        `The feed at ${url} answered HTTP 404 Not Found. ` +
          'Check the address in the feed attribute or the imh-feed meta tag.',
      );
    });
  });
});

describe("a long feed's parser (feed/long-json.ts), when its file cannot be loaded", () => {
  afterEach(async () => {
    restoreFetch();
    clearFeedCache();
    await failing();
  });

  it('reads the feed all the same, with JSON.parse in one go', async () => {
    await failing('feed/long-json');
    const sessions = Array.from({ length: 1000 }, (_, i) => ({ ...session, id: `s${i}` }));
    const text = JSON.stringify(minimalFeed({ sessions }));
    stubFetch(() => json(text));
    const parse = JSON.parse;
    let longest = 0;
    JSON.parse = ((t: string, reviver?: Parameters<typeof parse>[1]) => {
      longest = Math.max(longest, t.length);
      return parse(t, reviver) as unknown;
    }) as typeof parse;
    const result = await loadFeed('https://feeds.example.org/long.json', {
      parts: ALL_PARTS,
      useStoredCopy: false,
    }).finally(() => (JSON.parse = parse));
    expect(longest).to.equal(text.length); // in one go, as before the parser
    expect(text.length).to.be.above(100_000);
    expect(result.feed.sessions?.map((s) => s.id)).to.deep.equal(sessions.map((s) => s.id));
    expect(result.issues).to.deep.equal([]);
  });
});
