// A fresh feed whose problems cost no item (a value ignored: a summary left blank) is not compared with
// the saved copy: it shows at once, not after the saved-copy code (feed/store.ts, a chunk of its own) has
// come. A page of its own: the saved-copy code is held here, as on a slow connection, before anything in
// this page has loaded it, and then comes as usual.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../src/define.js';
import type { ImhFeedLoadEvent } from '../src/events/feed-load.js';
import { exampleFeed } from './fixtures/example.js';
import { json, stubFetch } from './fixtures/network.js';
import { expectQuietConsole } from './fixtures/quiet.js';

describe('a fresh feed and the saved-copy code', () => {
  expectQuietConsole();

  it('a fresh feed with only a value ignored shows without waiting for the saved-copy code', async () => {
    await executeServerCommand('imh-fail-requests', { hold: 'feed/store', slow: true });
    const feed = `${location.origin}/public/example-feed.json?ignored-value-test=${Date.now()}`;
    const example = await exampleFeed();
    const services = example.services.map((s: { id: string }) => (s.id == 'nhs-111' ? { ...s, summary: '' } : s));
    const net = stubFetch(() => json({ ...example, services }));
    try {
      const el = document.createElement('imh-support-card');
      el.setAttribute('service', 'nhs-111');
      el.setAttribute('feed', feed);
      const loaded = oneEvent(el, 'imh-feed-load') as Promise<ImhFeedLoadEvent>;
      (await fixture(html`<div></div>`)).append(el);
      const shown = await Promise.race([loaded, new Promise((r) => setTimeout(() => r('still waiting'), 4_000))]);
      expect(shown, 'the feed waited for the saved-copy code').not.to.equal('still waiting');
      const { detail } = shown as ImhFeedLoadEvent;
      expect(detail.issues.map((i) => `${i.severity} ${i.path}`)).to.deep.equal([
        `warning services[${services.findIndex((s: { id: string }) => s.id == 'nhs-111')}].summary`,
      ]);
      await waitUntil(() => el.shadowRoot!.querySelector('[part=card]'), 'no card', { timeout: 5_000 });
    } finally {
      await executeServerCommand('imh-fail-requests', {}); // the held file comes now, as usual
      net.restore();
    }
    // Then the copy is saved (and removed here, so no other test's storage is changed).
    const ours = () => Object.keys(localStorage).filter((k) => k.includes('ignored-value-test'));
    await waitUntil(() => ours().length, 'the feed was not saved once the saved-copy code came', { timeout: 5_000 });
    ours().forEach((k) => localStorage.removeItem(k));
  });
});
