import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { clearFeedCache, loadFeed, type FeedResult } from '../../src/feed/load.js';
import { SERVICE_PARTS } from '../../src/feed/service-parts.js';
import { saveFeed } from '../../src/feed/store.js';
import { minimalFeed } from '../fixtures/feeds.js';
import { never, restoreFetch, stubFetch } from '../fixtures/network.js';

// A connection that hangs (review 6-a, finding 1): the feed's request and the chunk with a failed
// load's sentences (feed/failures.ts) both hang. The feed's timeout, not the browser's, limits how
// long the visitor waits. Its own page (test file): the chunk must not have been loaded before.
const hang = (hold?: string) => executeServerCommand('imh-fail-requests', { hold });
const URL_A = 'https://feeds.example.org/hanging.json';

describe('a load that times out while the sentences chunk hangs', () => {
  beforeEach(async () => {
    clearFeedCache();
    localStorage.clear();
    stubFetch(never);
    await hang('feed/failures');
  });
  afterEach(async () => {
    restoreFetch();
    localStorage.clear();
    await hang();
  });

  it('rejects with the plain FeedError soon after the timeout', async () => {
    const start = performance.now();
    const error = (await loadFeed(URL_A, { timeout: 200, parts: SERVICE_PARTS }).catch((e: unknown) => e)) as Error;
    expect(performance.now() - start).to.be.below(1000);
    expect(error.name).to.equal('FeedError');
    expect(error.message).to.equal(`The feed at ${URL_A} could not be loaded (timeout).`);
  });

  it('shows the saved copy soon after the timeout', async () => {
    saveFeed(URL_A, JSON.stringify(minimalFeed()), Date.now() - 60_000, SERVICE_PARTS.name);
    const start = performance.now();
    const result: FeedResult = await loadFeed(URL_A, { timeout: 200, parts: SERVICE_PARTS });
    expect(performance.now() - start).to.be.below(1000);
    expect(result.stale?.error.message).to.equal(`The feed at ${URL_A} could not be loaded (timeout).`);
  });
});
