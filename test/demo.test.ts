import { expect, waitUntil } from '@open-wc/testing';

// The demo page's embed builder (index.html, demo/builder.ts), as an editor uses it.
describe('demo page: embed builder', () => {
  it('previews the chosen element live and writes the snippet to paste', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '1000px';
    frame.style.height = '800px';
    frame.src = '/index.html';
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument!;
    const $ = <T extends HTMLElement>(sel: string) => doc.querySelector<T>(sel)!;
    await waitUntil(() => doc.querySelector('#builder-feed-status')?.textContent, 'the builder did not start', {
      timeout: 10_000,
    });
    // The test server has the example feed under /public/.
    const feed = $<HTMLInputElement>('#builder-feed');
    feed.value = new URL('/public/example-feed.json', location.href).href;
    feed.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(
      () => /Feed loaded: 16 services/.test($('#builder-feed-status').textContent!),
      'the feed did not load',
      { timeout: 10_000 },
    );

    const set = (sel: string, value: string) => {
      const input = $<HTMLSelectElement | HTMLInputElement>(sel);
      input.value = value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    set('#builder-element', 'imh-support-card');
    set('#builder-opt-service', 'camhs-under-5s');
    set('#builder-lang', 'cy');
    set('#builder-theme', 'govuk');
    const card = $('#builder-preview imh-support-card');
    expect(card.getAttribute('service')).to.equal('camhs-under-5s');
    expect(card.getAttribute('lang')).to.equal('cy');
    expect(card.getAttribute('theme')).to.equal('govuk');
    await waitUntil(() => card.shadowRoot?.querySelector('[part~=heading]'), 'the preview did not render', {
      timeout: 10_000,
    });

    const snippet = $<HTMLTextAreaElement>('#builder-snippet').value;
    expect(snippet).to.contain(
      '<script type="module" src="https://your-site.example/imh-widgets/imh-widgets.js"></script>',
    );
    expect(snippet).to.match(
      /<imh-support-card feed="[^"]+\/public\/example-feed.json" service="camhs-under-5s" lang="cy" theme="govuk">/,
    );
    expect(snippet).to.contain('</imh-support-card>');

    set('#builder-element', 'imh-session-list');
    expect($<HTMLTextAreaElement>('#builder-snippet').value).to.match(
      /<imh-session-list feed="[^"]+" filters limit="5" days="28" lang="cy" theme="govuk">/,
    );
    expect($('#builder-preview imh-session-list').hasAttribute('filters')).to.equal(true);

    // A feed that cannot be loaded gets an answer an editor can act on.
    feed.value = new URL('/no-such-feed.json', location.href).href;
    feed.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(
      () => /could not be used: .*404/.test($('#builder-feed-status').textContent!),
      'no message for a missing feed',
      { timeout: 10_000 },
    );
    frame.remove();
  });
});
