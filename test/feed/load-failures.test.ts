import { elementUpdated, expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { ImhLoadErrorEvent } from '../../src/events/load-error.js';
import type { ImhFeedErrorEvent } from '../../src/events/feed-error.js';
import { ALL_PARTS } from '../../src/feed/all-parts.js';
import { clearFeedCache, loadFeed } from '../../src/feed/load.js';
import { minimalFeed, session } from '../fixtures/feeds.js';
import { json, restoreFetch, stubFetch } from '../fixtures/network.js';

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
        text: JSON.stringify({ version: 1, language: 'en-GB', services: [] }),
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

  it('a short feed error saying what failed, imh-load-error naming the file; reload(): the full sentence', async () => {
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
